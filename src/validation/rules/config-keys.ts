/**
 * Every declared option a resource sets, checked against the option registry: its value must
 * parse as the option's type for the cluster's Flink version (`config-value-format`), and its
 * key must be one that version reads (`config-key-unread`).
 *
 * Only the resource's own `flinkConfiguration` is checked (the operator's defaults are the
 * operator's); a session job's keys are read with its cluster's Flink version.
 */
import { AUTOSCALER_CHECKED_OPTIONS } from './autoscaler';
import { SCHEDULE_OPTIONS } from './job';
import { FlinkVersion } from '../../flink-version';
import { javaTrim } from '../../private/jvm/java-string';
import { EffectiveConfiguration } from '../../private/options/effective-configuration';
import { OperatorRelease, operatorLabel } from '../../private/options/operator-release';
import {
  FlinkOption, firstVersion, inRange, keysRead, mainKey, typeAt, Versioned, writeKey,
} from '../../private/options/option';
import { ALL_OPTIONS, MEMORY_OPTIONS, optionForKey } from '../../private/options/registry';
import { ValueType } from '../../private/options/value-type';
import { configurationKeyProblem } from '../checks/configuration-text';
import { ownConfiguration } from '../configuration';
import { RuleContext } from '../context';
import { childPath } from '../json-path';
import { keyFlinkReads, writesLegacyFile } from '../model/configuration-file';

/** Options whose values other rules read and report: the memory model, the autoscaler ranges, the snapshot schedules. */
const CHECKED_ELSEWHERE: ReadonlySet<FlinkOption> = new Set([...MEMORY_OPTIONS, ...AUTOSCALER_CHECKED_OPTIONS, ...SCHEDULE_OPTIONS]);

function label(version: FlinkVersion): string {
  return `${version.major}.${version.minor}`;
}

/** What the option's type is in other versions, when the value would read there: e.g. heartbeats with units from 1.20. */
function otherVersionsNote(option: FlinkOption, version: FlinkVersion | undefined, text: string): string {
  if (!Array.isArray(option.type) || version === undefined) {
    return '';
  }
  const other = (option.type as ReadonlyArray<Versioned<ValueType<unknown>>>).find((entry) => !inRange(entry, version) && entry.value.read(text).ok);
  if (other === undefined) {
    return '';
  }
  const range = other.since !== undefined ? `from Flink ${label(other.since)}` : `before Flink ${label(other.until!)}`;
  return `; Flink ${label(version)} reads it as ${typeAt(option, version).name}, and ${other.value.accepted} only ${range}`;
}

function consequence(option: FlinkOption): string {
  return option.reader === 'operator'
    ? 'the operator cannot read it and fails the resource'
    : 'Flink cannot read it and fails when it reads the option (at startup or when the job is submitted)';
}

/** Whether a resource sets no configuration at all (most session jobs): nothing to check. */
export function isEmptyConfiguration(configuration: unknown): boolean {
  if (configuration === undefined || configuration === null) {
    return true;
  }
  if (typeof configuration !== 'object') {
    return false;
  }
  for (const _key in configuration) {
    return false;
  }
  return true;
}

/** The key Flink reads from flink-conf.yaml for an entry: trimmed (the key as written when it holds what config-injection reports, or Flink skips the line). */
function flinkKey(written: string, value: string, version: FlinkVersion | undefined): string {
  return configurationKeyProblem(written) === undefined ? keyFlinkReads(written, value, version) ?? written : written;
}

/** Values of the wrong type, for every declared option the resource sets. */
export function checkConfigValues(context: RuleContext): void {
  if (isEmptyConfiguration(context.spec.flinkConfiguration)) {
    return;
  }
  const own = ownConfiguration(context.index, context.manifest);
  // A FlinkDeployment's keys as Flink reads them from the file the operator writes (trimmed, before
  // Flink 2.0); a session job's configuration travels as a map, key for key.
  const fromFile = context.kind === 'FlinkDeployment' && writesLegacyFile(own.version);
  for (const [written, raw] of own.entries) {
    const key = fromFile ? flinkKey(written, raw, own.version) : written;
    const option = optionForKey(key);
    if (option === undefined || CHECKED_ELSEWHERE.has(option) || !keysRead(option, own.version).includes(key)) {
      continue;
    }
    if (key !== written && option.reader !== 'flink') {
      continue; // the operator reads the configuration as written
    }
    if (option.reader === 'flink' && !own.reachesFlink) {
      continue; // session-job-config-ignored reports it
    }
    const text = option.reader === 'flink' ? javaTrim(raw) : raw;
    const type = typeAt(option, own.version);
    const read = type.read(text);
    if (!read.ok) {
      const empty = raw === 'null' ? " (an empty YAML value reaches the operator as the text 'null')" : '';
      const name = key === written ? `'${key}'` : `${JSON.stringify(written)} (read by Flink as '${key}': flink-conf.yaml's loader trims keys)`;
      context.report('config-value-format', childPath(own.path, written),
        `flinkConfiguration ${name} must be ${type.accepted} (got '${raw}')${empty}${otherVersionsNote(option, own.version, text)}; ${consequence(option)}.`);
    }
  }
}

/** What a version reads instead of a key it does not read. */
function insteadOf(option: FlinkOption, key: string, version: FlinkVersion): string {
  const current = writeKey(option, version);
  if (current !== undefined && current !== key) {
    return `it reads '${current}' instead. Rename the key to '${current}'`;
  }
  const first = firstVersion(option);
  if (first !== undefined && !version.isAtLeast(first)) {
    return `the option needs Flink ${label(first)} or newer. Remove it or upgrade 'flinkVersion'`;
  }
  const removed = option.keys[option.keys.length - 1].until;
  return removed !== undefined && version.isAtLeast(removed)
    ? `Flink ${label(removed)} removed the option. Remove it`
    : 'Remove it';
}

/**
 * Keys of known options that the cluster's Flink version does not read: the setting has no
 * effect (`high-availability.type` on Flink 1.16 leaves high availability off). Options the
 * operator reads itself know every key.
 */
export function checkUnreadKeys(context: RuleContext): void {
  if (isEmptyConfiguration(context.spec.flinkConfiguration)) {
    return;
  }
  const own = ownConfiguration(context.index, context.manifest);
  const operator = context.settings.operatorVersion;
  if (operator !== undefined) {
    checkKeysTheOperatorIgnores(context, own.entries, own.path, operator);
  }
  if (own.version === undefined || !own.reachesFlink) {
    return;
  }
  const version = own.version;
  const config = new EffectiveConfiguration(own.entries, version);
  // Only the options of the keys that are set can have unread keys; in the registry's order.
  const present = new Set([...own.entries.keys()].map(optionForKey).filter((option) => option !== undefined));
  for (const option of ALL_OPTIONS) {
    if (option.reader !== 'flink' || !present.has(option)) {
      continue;
    }
    for (const key of config.unreadKeys(option)) {
      const readKey = config.lookup(option)?.key;
      const also = readKey === undefined ? '' : ` ('${readKey}' is set too, and wins.)`;
      context.report('config-key-unread', childPath(own.path, key),
        `flinkConfiguration '${key}' (${mainKey(option)}) is not read by Flink ${label(version)}, so it has no effect: ${insteadOf(option, key, version)}.${also}`);
    }
  }
}

/**
 * Keys of operator options that an older operator release (`ValidationOptions.operatorVersion`)
 * does not read: it ignores them silently, e.g. `job.autoscaler.excluded.periods` before 1.8.
 */
function checkKeysTheOperatorIgnores(context: RuleContext, entries: ReadonlyMap<string, string>, path: string, operator: OperatorRelease): void {
  const config = new EffectiveConfiguration(entries, undefined, operator);
  const present = new Set([...entries.keys()].map(optionForKey).filter((option) => option !== undefined));
  for (const option of ALL_OPTIONS) {
    if (option.reader !== 'operator' || !present.has(option)) {
      continue;
    }
    for (const key of config.unreadKeys(option)) {
      const since = option.operatorSince === undefined ? '' : `: the option needs operator ${option.operatorSince} or newer`;
      context.report('config-key-unread', childPath(path, key),
        `flinkConfiguration '${key}' (${mainKey(option)}) is not read by the Flink Kubernetes Operator ${operatorLabel(operator)}, so it has no effect${since}. Remove it or upgrade the operator.`);
    }
  }
}
