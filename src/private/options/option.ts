/**
 * A Flink or operator configuration option, declared once: its key per Flink version (renames,
 * the deprecated keys still read, the versions it appeared and disappeared in), its value type
 * and default per version, who reads it, and where these facts come from.
 *
 * The typed props write the key for the cluster's version (`writeKey`); the validation engine
 * and the memory model read the value the way that version reads it (`keysRead`, through
 * effective-configuration.ts); and docs/configuration-keys.md is rendered from the declarations.
 */
import { OperatorRelease, operatorAtLeast, operatorLabel, parseOperatorRelease, TARGET_OPERATOR } from './operator-release';
import { ValueType } from './value-type';
import { FlinkVersion } from '../../flink-version';

/**
 * Flink versions from `since` (inclusive) to `until` (exclusive); unbounded where absent. For
 * what the operator reads, also operator releases (`'1.10'`) from `operatorSince` to
 * `operatorUntil`: a default that changed between operator releases, or a key an older operator
 * did not read yet.
 */
export interface VersionRange {
  readonly since?: FlinkVersion;
  readonly until?: FlinkVersion;
  readonly operatorSince?: string;
  readonly operatorUntil?: string;
}

/** Something that holds for a range of Flink versions. */
export interface Versioned<T> extends VersionRange {
  readonly value: T;
}

/**
 * Who reads an option. Flink's own processes read the configuration file the operator writes,
 * so what they read depends on the cluster's Flink version. The operator reads its own options
 * from the resource, with the Flink library bundled in the operator, which knows every key.
 */
export type OptionReader = 'flink' | 'operator';

/** What happens when an option is set on a Flink version that cannot honour it. */
export interface VersionRequirement {
  /** The oldest Flink version that honours the option. */
  readonly version: FlinkVersion;
  /** `rejected`: the operator or Flink refuses the resource; `ignored`: the option has no effect. */
  readonly effect: 'rejected' | 'ignored';
}

export interface FlinkOption<T = unknown> {
  /** The key written for each version range (the ranges do not overlap). */
  readonly keys: ReadonlyArray<Versioned<string>>;
  /**
   * Older keys read when the current key is absent, in the order Flink tries them (fallback
   * keys before deprecated keys), each with the versions that still read it.
   */
  readonly fallbackKeys?: ReadonlyArray<Versioned<string>>;
  /** The value type, per version range when it changed. */
  readonly type: ValueType<T> | ReadonlyArray<Versioned<ValueType<T>>>;
  /** The default, as text in Flink's syntax, per version range; none when the option has none. */
  readonly defaults?: ReadonlyArray<Versioned<string>>;
  readonly reader: OptionReader;
  /** The oldest Flink version that honours the option, for options newer than the oldest supported one. */
  readonly requires?: VersionRequirement;
  /** Where the facts come from: the Java class and constant, e.g. `CheckpointingOptions.CHECKPOINTS_DIRECTORY`. */
  readonly source: string;
  /** The typed prop that writes the option, as error messages name it, e.g. `checkpointing.directory`. */
  readonly prop?: string;
  /** What the value looks like, for the docs, when the type name alone does not say it. */
  readonly format?: string;
  /**
   * The operator release that introduced the option (an operator option newer than 1.5, or one
   * whose history matters), e.g. `'1.10'`: older operators do not read its `keys` (nor a fallback key that declares the same
   * `operatorSince`) and ignore them silently. The operator 1.15 this library targets reads it
   * whatever the Flink version.
   */
  readonly operatorSince?: string;
  /**
   * The numeric range its reader accepts, where a validator enforces one: the typed props throw
   * outside it, and the validation engine reports raw values outside it.
   */
  readonly range?: NumericRange;
}

/** A closed numeric range an option's reader enforces. */
export interface NumericRange {
  readonly min?: number;
  readonly max?: number;
  /** The check runs only while this boolean option is true (e.g. a feature switch). */
  readonly when?: FlinkOption<boolean>;
  /** Who enforces it, for messages and docs, e.g. `AutoscalerValidator`. */
  readonly enforcedBy: string;
}

/** Whether a number lies in a range (bounds inclusive). */
export function inNumericRange(range: NumericRange, value: number): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

/** Declares an option (a typed identity function: declarations stay plain data). */
export function option<T>(declaration: FlinkOption<T>): FlinkOption<T> {
  return declaration;
}

/** A key (or default, or type) that holds for some versions. */
export function versioned<T>(value: T, range: VersionRange = {}): Versioned<T> {
  return { value, ...range };
}

/** Whether `version` lies in `range`; an unknown version lies in every range. */
export function inRange(range: VersionRange, version: FlinkVersion | undefined): boolean {
  if (version === undefined) {
    return true;
  }
  return (range.since === undefined || version.isAtLeast(range.since)) && (range.until === undefined || !version.isAtLeast(range.until));
}

/**
 * Whether `operator` lies in the operator releases of `range`; no release given means the
 * operator this library targets.
 */
export function inOperatorRange(range: VersionRange, operator: OperatorRelease = TARGET_OPERATOR): boolean {
  const since = parseOperatorRelease(range.operatorSince);
  const until = parseOperatorRelease(range.operatorUntil);
  return (since === undefined || operatorAtLeast(operator, since)) && (until === undefined || !operatorAtLeast(operator, until));
}

/**
 * The entry of a versioned list that holds for `version` (the last, when the version is unknown)
 * and for the operator release (the targeted one when none is given).
 */
export function atVersion<T>(
  list: ReadonlyArray<Versioned<T>> | undefined, version: FlinkVersion | undefined, operator?: OperatorRelease,
): T | undefined {
  if (list === undefined) {
    return undefined;
  }
  const candidates = list.some((entry) => entry.operatorSince !== undefined || entry.operatorUntil !== undefined)
    ? list.filter((entry) => inOperatorRange(entry, operator))
    : list;
  if (version === undefined) {
    return candidates[candidates.length - 1]?.value;
  }
  return candidates.find((entry) => inRange(entry, version))?.value;
}

/** The key the typed props write for a version, or undefined when the version has none. */
export function writeKey(opt: FlinkOption, version: FlinkVersion): string | undefined {
  return atVersion(opt.keys, version);
}

/** keysRead's answers, by option, then by reader and version: options and versions are fixed objects. */
const KEYS_READ = new Map<FlinkOption, { [reader in OptionReader]?: Map<string, ReadonlyArray<string>> }>();

/**
 * Whether an operator release reads a key entry of an option the operator reads: the option's
 * `keys` from its `operatorSince`, a fallback key from its own `operatorSince` (an older name of
 * the option, which older operators read, declares none).
 */
function operatorReads(opt: FlinkOption, entry: Versioned<string>, current: boolean, operator: OperatorRelease | undefined): boolean {
  const since = entry.operatorSince ?? (current ? opt.operatorSince : undefined);
  return inOperatorRange({ operatorSince: since, operatorUntil: entry.operatorUntil }, operator);
}

/**
 * The keys a version reads, in order: the current key, then the fallback keys. With no version
 * (unknown), or for an option the operator reads (or when `reader` is the operator), every key
 * the option has ever had — that the operator release reads (the targeted one, when none is
 * given), for an option the operator reads.
 */
export function keysRead(
  opt: FlinkOption, version: FlinkVersion | undefined, reader: OptionReader = opt.reader, operator?: OperatorRelease,
): ReadonlyArray<string> {
  let byReader = KEYS_READ.get(opt);
  if (byReader === undefined) {
    byReader = {};
    KEYS_READ.set(opt, byReader);
  }
  const byVersion = byReader[reader] ??= new Map();
  const gated = opt.reader === 'operator' && operator !== undefined;
  const cacheKey = gated ? `${version?.name}@${operatorLabel(operator)}` : `${version?.name}`;
  let keys = byVersion.get(cacheKey);
  if (keys === undefined) {
    const current = new Set(opt.keys);
    keys = [...new Set([...opt.keys, ...(opt.fallbackKeys ?? [])]
      .filter((entry) => reader === 'operator' || inRange(entry, version))
      .filter((entry) => !gated || operatorReads(opt, entry, current.has(entry), operator))
      .map((entry) => entry.value))];
    byVersion.set(cacheKey, keys);
  }
  return keys;
}

/** Every key the option has had, in any version. */
export function allKeys(opt: FlinkOption): string[] {
  return [...new Set([...opt.keys, ...(opt.fallbackKeys ?? [])].map((entry) => entry.value))];
}

/** The value type for a version. */
export function typeAt<T>(opt: FlinkOption<T>, version: FlinkVersion | undefined): ValueType<T> {
  const type = opt.type;
  if (!Array.isArray(type)) {
    return type as ValueType<T>;
  }
  return atVersion(type as ReadonlyArray<Versioned<ValueType<T>>>, version) ?? (type as ReadonlyArray<Versioned<ValueType<T>>>)[0].value;
}

/** The default text for a version (and operator release, the targeted one when none is given), if the option has one. */
export function defaultAt(opt: FlinkOption, version: FlinkVersion | undefined, operator?: OperatorRelease): string | undefined {
  return atVersion(opt.defaults, version, operator);
}

/** The newest key, which names the option in messages and docs. */
export function mainKey(opt: FlinkOption): string {
  return opt.keys[opt.keys.length - 1].value;
}

/** The oldest version that has a key for the option, if the option is newer than every supported version. */
export function firstVersion(opt: FlinkOption): FlinkVersion | undefined {
  return opt.keys[0].since;
}
