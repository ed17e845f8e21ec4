/**
 * A resource's effective Flink configuration, read the way its readers read it: the operator's
 * defaults with the resource's `flinkConfiguration` laid over them, string values, and each
 * option looked up under the keys that the cluster's Flink version reads (the operator, which
 * reads its own options with a newer Flink library, reads every key).
 */
import { OperatorRelease } from './operator-release';
import { defaultAt, FlinkOption, keysRead, mainKey, OptionReader, typeAt } from './option';
import { ReadResult } from './value-type';
import { FlinkVersion } from '../../flink-version';
import { illegalArgument } from '../jvm/java-exception';
import { javaTrim } from '../jvm/java-string';

const NO_ENTRIES: ReadonlyMap<string, string> = new Map();

/**
 * Flattens a `flinkConfiguration` the way the operator does: nested objects join their keys
 * with '.', scalars become text, non-empty lists join their elements with ';', empty lists
 * disappear.
 */
export function flattenConfiguration(configuration: unknown): ReadonlyMap<string, string> {
  if (configuration === undefined || configuration === null) {
    return NO_ENTRIES; // most session jobs set none
  }
  const result = new Map<string, string>();
  const visit = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) {
      if (value.length > 0) {
        result.set(prefix, value.map((item) => scalarText(item)).join(';'));
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        visit(prefix === '' ? key : `${prefix}.${key}`, child);
      }
    } else if (prefix !== '') {
      result.set(prefix, scalarText(value));
    }
  };
  if (configuration !== null && typeof configuration === 'object' && !Array.isArray(configuration)) {
    visit('', configuration);
  }
  return result;
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/** An option's value as its reader reads it. */
export interface OptionValue<T> {
  /** The key the value was found under; undefined when the default applies. */
  readonly key?: string;
  /** The raw text, if the option is set. */
  readonly text?: string;
  /** The value, or why it cannot be read. */
  readonly read: ReadResult<T | undefined>;
}

export class EffectiveConfiguration {
  /** Lays `layers` over each other, later layers winning. */
  public static merge(version: FlinkVersion | undefined, ...layers: Array<ReadonlyMap<string, string>>): EffectiveConfiguration {
    const merged = new Map<string, string>();
    for (const layer of layers) {
      for (const [key, value] of layer) {
        merged.set(key, value);
      }
    }
    return new EffectiveConfiguration(merged, version);
  }

  /**
   * `lookup`'s and `read`'s answers, by reader and option: a cluster's session jobs share its
   * configuration, and the rules ask again for each. The answers are shared: read them only.
   */
  private readonly lookups: { [reader in OptionReader]?: Map<FlinkOption, Readonly<{ key: string; value: string }> | null> } = {};
  private readonly reads: { [reader in OptionReader]?: Map<FlinkOption, OptionValue<unknown>> } = {};

  /**
   * @param entries the flattened configuration
   * @param version the cluster's Flink version; undefined when unknown (every key then counts)
   * @param operator the operator release that reads the operator's options; undefined for the
   * one this library targets
   */
  constructor(
    public readonly entries: ReadonlyMap<string, string>,
    public readonly version: FlinkVersion | undefined,
    public readonly operator?: OperatorRelease,
  ) {}

  /** The same entries, with the operator's options read as `operator` reads them. */
  public forOperator(operator: OperatorRelease | undefined): EffectiveConfiguration {
    return operator === this.operator ? this : new EffectiveConfiguration(this.entries, this.version, operator);
  }

  /** Whether a key is set. */
  public has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The raw value of a key. */
  public raw(key: string): string | undefined {
    return this.entries.get(key);
  }

  /**
   * The key and raw value the option's reader finds, or undefined.
   *
   * @param as who reads it, when not the option's own reader: the operator's admission checks
   * read Flink's options too, with its bundled Flink library, which knows every key
   */
  public lookup(option: FlinkOption, as: OptionReader = option.reader): Readonly<{ key: string; value: string }> | undefined {
    const answers = this.lookups[as] ??= new Map();
    let found = answers.get(option);
    if (found === undefined) {
      found = null;
      for (const key of keysRead(option, this.version, as, this.operator)) {
        const value = this.entries.get(key);
        if (value !== undefined) {
          found = { key, value };
          break;
        }
      }
      answers.set(option, found);
    }
    return found ?? undefined;
  }

  /** Whether the option is set under a key its reader reads (Flink's `Configuration.contains`). */
  public contains(option: FlinkOption, as: OptionReader = option.reader): boolean {
    return this.lookup(option, as) !== undefined;
  }

  /** The text the reader works with: the configured value, or the default of the version. */
  public text(option: FlinkOption, as: OptionReader = option.reader): string | undefined {
    return this.lookup(option, as)?.value ?? defaultAt(option, this.version, this.operator);
  }

  /**
   * The option's value: configured (Flink's own processes read their configuration file, whose
   * loader trims values; the operator reads the resource as it is), or its default.
   */
  public read<T>(option: FlinkOption<T>, as: OptionReader = option.reader): OptionValue<T> {
    const answers = this.reads[as] ??= new Map();
    let answer = answers.get(option) as OptionValue<T> | undefined;
    if (answer === undefined) {
      answer = this.readNow(option, as);
      answers.set(option, answer);
    }
    return answer;
  }

  private readNow<T>(option: FlinkOption<T>, as: OptionReader): OptionValue<T> {
    const found = this.lookup(option, as);
    const type = typeAt(option, this.version);
    if (found === undefined) {
      const fallback = defaultAt(option, this.version, this.operator);
      if (fallback === undefined) {
        return { read: { ok: true, value: undefined } };
      }
      return { read: type.read(fallback) };
    }
    const text = as === 'flink' ? javaTrim(found.value) : found.value;
    return { key: found.key, text: found.value, read: type.read(text) };
  }

  /**
   * The option's value as Flink's `Configuration.get` returns it, for code that mirrors Flink's
   * own (the memory derivation): the value as it is set (`Configuration` holds the map as given;
   * only its file loader trims), or the version's default, or undefined without one. A value that
   * does not read throws what Flink throws, `IllegalArgumentException: Could not parse value
   * '<value>' for key '<the option's key>'.`, caused by the converter's exception, with advice
   * that names the key the value was found under.
   */
  public get<T>(option: FlinkOption<T>, as: OptionReader = option.reader): T | undefined {
    const found = this.lookup(option, as);
    const type = typeAt(option, this.version);
    const text = found?.value ?? defaultAt(option, this.version, this.operator);
    if (text === undefined) {
      return undefined;
    }
    const read = type.read(text);
    if (read.ok) {
      return read.value;
    }
    if (found === undefined) {
      throw new Error(`the default '${text}' of ${option.source} does not read: ${read.reason}`);
    }
    const key = keysRead(option, this.version, as, this.operator)[0] ?? mainKey(option);
    throw illegalArgument(`Could not parse value '${found.value}' for key '${key}'.`, read.exception ?? illegalArgument(read.reason))
      .withAdvice(`Set '${found.key}' to ${type.accepted}.`);
  }

  /**
   * The keys of an option that are set but that its reader does not read: this Flink version, or
   * for the operator's options the operator release (none unread by the targeted one).
   */
  public unreadKeys(option: FlinkOption): string[] {
    const read = new Set(keysRead(option, this.version, option.reader, this.operator));
    return [...option.keys, ...(option.fallbackKeys ?? [])]
      .map((entry) => entry.value)
      .filter((key, index, keys) => keys.indexOf(key) === index && !read.has(key) && this.entries.has(key));
  }
}

/** Flink's `StringUtils.isNullOrWhitespaceOnly`. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}
