/**
 * The configuration file the operator writes into the cluster's ConfigMap, and what Flink reads
 * back from it.
 *
 * The operator's `FlinkConfMountDecorator` writes `config.yaml` for a `spec.flinkVersion` of 2.0 or
 * newer, and `flink-conf.yaml` before (so Flink 1.19 and 1.20 clusters read the legacy file too).
 * It writes every entry but the pods' own addresses and the files' locations:
 * - `config.yaml` as standard YAML, which Flink reads back as written;
 * - `flink-conf.yaml` as one `key: value` line per entry, which Flink's legacy loader reads line by
 *   line (`GlobalConfiguration.loadYAMLResource`): a `#` anywhere ends the line, the first `: `
 *   splits key from value, both are trimmed, a line without `: ` or with an empty key or value is
 *   skipped, and a later line wins. So a key `' kubernetes.cluster-id'` overrides the cluster id, a
 *   line break in a value starts a line of its own, and a value `a#b` is read as `a`.
 */
import { FlinkVersion } from '../../flink-version';
import { javaTrim } from '../../private/jvm/java-string';
import * as D from '../../private/options/deployment-options';
import { mainKey } from '../../private/options/option';

/** The entries the operator leaves out of the file. */
const NOT_WRITTEN: ReadonlySet<string> = new Set([
  D.CONFIG_FILE, D.DEPLOYMENT_CONFIG_DIR, D.REST_BIND_ADDRESS, D.JOBMANAGER_BIND_HOST, D.TASKMANAGER_BIND_HOST, D.TASKMANAGER_HOST,
].map(mainKey));

/** Whether the operator writes an entry of this key into the file. */
export function writtenToFile(key: string): boolean {
  return !NOT_WRITTEN.has(key);
}

/** The file the operator writes for a cluster of `version` (the newest format when the version is unknown). */
export function configurationFileName(version: FlinkVersion | undefined): 'flink-conf.yaml' | 'config.yaml' {
  return version === undefined || version.isAtLeast(FlinkVersion.V2_0) ? 'config.yaml' : 'flink-conf.yaml';
}

/** The lines of the legacy `flink-conf.yaml` the operator writes for these entries. */
export function legacyFileLines(entries: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const [key, value] of entries) {
    if (!NOT_WRITTEN.has(key)) {
      lines.push(...`${key}: ${value}`.split(/\r\n|\r|\n/));
    }
  }
  return lines;
}

/** A line of the legacy file as Flink's loader reads it: its key and value, or undefined when it skips the line. */
export function readLegacyLine(line: string): { key: string; value: string } | undefined {
  const comment = line.indexOf('#');
  const text = comment < 0 ? line : line.slice(0, comment);
  const separator = text.indexOf(': ');
  if (separator < 0) {
    return undefined;
  }
  const key = javaTrim(text.slice(0, separator));
  const value = javaTrim(text.slice(separator + 2));
  return key === '' || value === '' ? undefined : { key, value };
}

/** What Flink's legacy loader reads from these lines (a later line wins). */
export function readLegacyFile(lines: ReadonlyArray<string>): Map<string, string> {
  const read = new Map<string, string>();
  for (const line of lines) {
    const entry = readLegacyLine(line);
    if (entry !== undefined) {
      read.delete(entry.key);
      read.set(entry.key, entry.value);
    }
  }
  return read;
}

/** Whether the operator writes the legacy `flink-conf.yaml` for a cluster of `version` (before Flink 2.0; not when the version is unknown). */
export function writesLegacyFile(version: FlinkVersion | undefined): boolean {
  return configurationFileName(version) === 'flink-conf.yaml';
}

/**
 * The key Flink reads for an entry the operator writes: in `config.yaml`, the key as written; in
 * `flink-conf.yaml`, the key of the entry's (first) line as the legacy loader reads it, i.e.
 * trimmed, or undefined when the loader skips the line (an empty value, a `#` before the `: `).
 */
export function keyFlinkReads(key: string, value: string, version: FlinkVersion | undefined): string | undefined {
  if (!writesLegacyFile(version)) {
    return key;
  }
  return readLegacyLine(`${key}: ${value}`.split(/\r\n|\r|\n/)[0])?.key;
}

/**
 * What the cluster's Flink processes read of a configuration the operator built: the entries as
 * written, for `config.yaml`; for `flink-conf.yaml`, what the legacy loader reads back.
 */
export function entriesFlinkReads(entries: ReadonlyMap<string, string>, version: FlinkVersion | undefined): ReadonlyMap<string, string> {
  if (configurationFileName(version) === 'config.yaml') {
    const written = new Map(entries);
    NOT_WRITTEN.forEach((key) => written.delete(key));
    return written;
  }
  return readLegacyFile(legacyFileLines(entries));
}
