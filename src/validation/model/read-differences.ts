/**
 * The entries of a built configuration that a cluster's Flink reads differently from how they are
 * written (see configuration-file.ts): the entries the operator leaves out of the file, and, in
 * the legacy `flink-conf.yaml` (before Flink 2.0), what its line loader makes of a key or value
 * with a `#`, a `: `, surrounding whitespace or a line break. `config.yaml` (Flink 2.0 and newer)
 * is standard YAML, read back as written.
 *
 * Two lines read as the same key: the last one wins, and which one that is cannot be told from
 * the manifest. The operator writes the lines in the order of a Java `HashMap`
 * (`Configuration.toFileWritableMap`), which depends on the keys' hashes and on how many entries
 * the whole configuration has, the operator's defaults included.
 */
import { configurationFileName, legacyFileLines, readLegacyLine, writtenToFile } from './configuration-file';
import { FlinkVersion } from '../../flink-version';
import { javaTrim } from '../../private/jvm/java-string';

/** An entry Flink reads differently from how it is written. */
export interface ReadDifference {
  /** The key, as the configuration holds it. */
  readonly key: string;
  /** The value, as the configuration holds it. */
  readonly written: string;
  /** The key Flink reads the entry's line as; undefined when it skips the line or the entry is not written. */
  readonly readKey?: string;
  /** The value Flink reads from the entry's line; undefined when it skips the line or the entry is not written. */
  readonly readValue?: string;
  /** Every key the entry's lines are read as (a line break in the value starts a line of its own). */
  readonly readKeys: ReadonlyArray<string>;
  /** What happens to it, in words, e.g. `the loader cuts the value at '#'`. */
  readonly reason: string;
}

interface ReadLine {
  readonly from: string;
  readonly key: string;
  readonly value: string;
}

const shown = (key: string) => `'${key}'`;

/** Why the legacy loader reads the line of `key: value` as it does, in words. */
function legacyReasons(key: string, lines: ReadonlyArray<string>, read: { readonly key: string } | undefined): string[] {
  const reasons: string[] = [];
  const keyBreaks = /[\r\n]/.test(key);
  const firstValue = keyBreaks ? '' : lines[0].slice(key.length + 2);
  if (key.includes('#')) {
    reasons.push("a '#' in the key starts a comment");
  } else if (firstValue.includes('#')) {
    reasons.push("the loader cuts the value at '#'");
  }
  if (key.includes(': ')) {
    reasons.push("the loader splits the line at the first ': ', inside the key");
  }
  if (javaTrim(key) !== key && !key.includes('#')) {
    reasons.push('the loader trims the key');
  }
  if (lines.length > 1) {
    reasons.push(keyBreaks ? 'a line break in the key ends the line' : 'a line break ends the value');
  }
  const kept = firstValue.includes('#') ? firstValue.slice(0, firstValue.indexOf('#')) : firstValue;
  if (javaTrim(kept) !== kept && javaTrim(kept) !== '' && !key.includes('#')) {
    reasons.push('the loader trims the value');
  }
  if (read === undefined) {
    reasons.push(javaTrim(kept) === '' ? 'the value is empty once trimmed, so the loader skips the line' : 'the loader skips the line');
  }
  return reasons;
}

/**
 * The entries of a built configuration that a cluster of `version` reads differently from how
 * they are written, in the configuration's order.
 */
export function readDifferences(entries: ReadonlyMap<string, string>, version: FlinkVersion | undefined): ReadDifference[] {
  const legacy = configurationFileName(version) === 'flink-conf.yaml';
  const linesOf = new Map<string, string[]>();
  const readKeys = new Map<string, ReadLine[]>();
  if (legacy) {
    for (const [key, value] of entries) {
      const lines = legacyFileLines(new Map([[key, value]]));
      linesOf.set(key, lines);
      for (const line of lines) {
        const read = readLegacyLine(line);
        if (read !== undefined) {
          const list = readKeys.get(read.key) ?? [];
          list.push({ from: key, ...read });
          readKeys.set(read.key, list);
        }
      }
    }
  }
  const differences: ReadDifference[] = [];
  for (const [key, value] of entries) {
    if (!writtenToFile(key)) {
      differences.push({ key, written: value, readKeys: [], reason: 'the operator leaves it out of the configuration file' });
      continue;
    }
    const lines = linesOf.get(key);
    if (lines === undefined) {
      continue; // config.yaml: read as written
    }
    const [first, ...more] = lines.map((line) => readLegacyLine(line));
    const reasons = first !== undefined && first.key === key && first.value === value && lines.length === 1 ? [] : legacyReasons(key, lines, first);
    for (const extra of more) {
      if (extra !== undefined) {
        reasons.push(`the next line is read as the key ${shown(extra.key)}`);
      }
    }
    for (const read of [first, ...more]) {
      const others = read === undefined ? [] : (readKeys.get(read.key) ?? []).filter((line) => line.from !== key);
      if (read !== undefined && others.length > 0) {
        reasons.push(`${others.map((line) => shown(line.from)).join(', ')} ${others.length === 1 ? 'is' : 'are'} read as ${shown(read.key)} too: `
          + 'Flink keeps the later line, and the operator writes the lines in Java hash-map order');
      }
    }
    if (reasons.length > 0) {
      const keys = [first, ...more].flatMap((read) => (read === undefined ? [] : [read.key]));
      differences.push({ key, written: value, readKey: first?.key, readValue: first?.value, readKeys: keys, reason: reasons.join('; ') });
    }
  }
  return differences;
}
