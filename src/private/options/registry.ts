/**
 * Every declared option of a `flinkConfiguration`, looked up by key, and the table of
 * docs/configuration-keys.md. (The options of a FlinkBlueGreenDeployment's own
 * `spec.configuration`, in blue-green-options.ts, are no `flinkConfiguration` options: the rules
 * that check those keys leave them out.)
 */
import * as deployment from './deployment-options';
import * as flink from './flink-options';
import * as memory from './memory-options';
import * as operator from './operator-options';
import { allKeys, FlinkOption, typeAt, Versioned } from './option';
import * as rest from './rest-options';
import * as storage from './storage-options';
import { FlinkVersion } from '../../flink-version';

function declared(module: { [name: string]: unknown }): FlinkOption[] {
  return Object.values(module).filter((value): value is FlinkOption =>
    value !== null && typeof value === 'object' && Array.isArray((value as FlinkOption).keys) && typeof (value as FlinkOption).source === 'string');
}

/**
 * Every option, in declaration order: Flink's runtime options (`rest.port` before `rest.bind-port`,
 * which falls back to it), the memory options, the operator's,
 * state storage and plugins, then the options the operator writes from a deployment's spec.
 */
export const ALL_OPTIONS: ReadonlyArray<FlinkOption> = [
  ...declared(flink), ...declared(rest), ...declared(memory), ...declared(operator), ...declared(storage), ...declared(deployment),
];

/** The memory options, which the memory model rules read (and report) themselves. */
export const MEMORY_OPTIONS: ReadonlySet<FlinkOption> = new Set(declared(memory));

const BY_KEY: ReadonlyMap<string, FlinkOption> = (() => {
  const index = new Map<string, FlinkOption>();
  for (const option of ALL_OPTIONS) {
    for (const key of allKeys(option)) {
      if (!index.has(key)) {
        index.set(key, option);
      }
    }
  }
  return index;
})();

/** The option a key belongs to (as its current, fallback or deprecated key), if it is declared. */
export function optionForKey(key: string): FlinkOption | undefined {
  return BY_KEY.get(key);
}

function label(version: FlinkVersion): string {
  return `${version.major}.${version.minor}`;
}

function previousMinor(version: FlinkVersion): FlinkVersion {
  return version.minor > 0 ? FlinkVersion.of(`v${version.major}_${version.minor - 1}`) : FlinkVersion.V1_20;
}

function range(entry: Versioned<unknown>): string {
  if (entry.since === undefined && entry.until === undefined) {
    return 'all versions';
  }
  return `${entry.since === undefined ? '1.13' : label(entry.since)}${entry.until === undefined ? '+' : `–${label(previousMinor(entry.until))}`}`;
}

/**
 * The typed props' options as a Markdown table: the prop, the key it writes by Flink version, the
 * older keys still read, the value, and who reads it (and the Flink version it needs).
 */
export function renderKeysTable(): string {
  const rows = ALL_OPTIONS.filter((option) => option.prop !== undefined).map((option) => {
    const keys = option.keys.map((entry) => `\`${entry.value}\` (${range(entry)})`);
    const current = new Set(option.keys.map((entry) => entry.value));
    const older = (option.fallbackKeys ?? []).filter((entry) => !current.has(entry.value) || entry.since !== undefined)
      .map((entry) => `\`${entry.value}\` (${range(entry)})`);
    const format = option.format ?? typeAt(option, undefined).name;
    const reader = option.reader === 'operator' ? `the operator${option.operatorSince === undefined ? '' : ` ${option.operatorSince}+`}` : 'Flink';
    const needs = option.requires === undefined ? '' : `, needs Flink ${label(option.requires.version)}`;
    return `| \`${option.prop}\` | ${keys.join('<br>')} | ${older.join('<br>') || '–'} | ${format} | ${reader}${needs} |`;
  });
  return ['| prop | key written, by Flink version | older keys still read | value | read by |', '|---|---|---|---|---|', ...rows].join('\n');
}
