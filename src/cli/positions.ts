/**
 * Maps a finding's JSON path (`spec.job.parallelism`, `containers[0].name`,
 * `spec.flinkConfiguration['rest.port']`) back to the YAML node it came from, for a line and a
 * column. A path to a field that is not there points at the nearest ancestor that is: a missing
 * `spec.job.parallelism` points at `job:`.
 *
 * Only the documents that have findings are parsed again, one at a time, from the file's text;
 * the first pass over a file keeps no syntax trees (see read-manifests.ts).
 */
import * as YAML from 'yaml';
import { ManifestSource } from './read-manifests';

/** 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** The keys and indexes of a JSON path as json-path.ts writes it; a malformed rest is dropped. */
export function pathSegments(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  let i = 0;
  while (i < path.length) {
    const character = path[i];
    if (character === '.') {
      i += 1;
    } else if (character === '[' && path[i + 1] === "'") {
      let key = '';
      let j = i + 2;
      while (j < path.length && path[j] !== "'") {
        if (path[j] === '\\' && j + 1 < path.length) {
          j += 1;
        }
        key += path[j];
        j += 1;
      }
      if (j >= path.length) {
        return segments;
      }
      segments.push(key);
      i = j + 2; // past "']"
    } else if (character === '[') {
      const close = path.indexOf(']', i);
      const index = Number(path.slice(i + 1, close));
      if (close < 0 || !Number.isInteger(index)) {
        return segments;
      }
      segments.push(index);
      i = close + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') {
        j += 1;
      }
      segments.push(path.slice(i, j));
      i = j;
    }
  }
  return segments;
}

function keyText(node: unknown): string | undefined {
  return YAML.isScalar(node) ? String(node.value) : undefined;
}

/**
 * The node a path leads to in `root`, or the nearest one on its way: for a map entry, its key
 * (where an editor puts the cursor). A dotted key that a map holds nested (a flinkConfiguration
 * written as `taskmanager: {numberOfTaskSlots: 2}`) is followed through the nesting.
 */
export function nodeAt(document: YAML.Document, root: YAML.Node | null | undefined, segments: Array<string | number>): YAML.Node | undefined {
  let current: unknown = root;
  let marker: YAML.Node | undefined = YAML.isNode(root) ? root : undefined;
  const rest = [...segments];
  let guard = 0;
  while (rest.length > 0 && guard++ < 10_000) {
    if (YAML.isAlias(current)) {
      current = current.resolve(document);
    }
    const segment = rest[0];
    if (YAML.isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment];
      if (!YAML.isNode(item)) {
        break;
      }
      current = item;
      marker = item;
      rest.shift();
    } else if (YAML.isMap(current)) {
      const wanted = String(segment);
      const pair = current.items.find((candidate) => keyText(candidate.key) === wanted);
      if (pair !== undefined) {
        current = pair.value;
        marker = YAML.isNode(pair.key) ? pair.key : marker;
        rest.shift();
        continue;
      }
      // A dotted key held as nested maps: the longest key that is a prefix of the rest.
      const dotted = rest.every((part) => typeof part === 'string') ? rest.join('.') : wanted;
      let nested: { pair: YAML.Pair; key: string } | undefined;
      for (const candidate of current.items) {
        const key = keyText(candidate.key);
        if (key !== undefined && dotted.startsWith(`${key}.`) && (nested === undefined || key.length > nested.key.length)) {
          nested = { pair: candidate, key };
        }
      }
      if (nested === undefined) {
        break;
      }
      current = nested.pair.value;
      marker = YAML.isNode(nested.pair.key) ? nested.pair.key : marker;
      rest.splice(0, rest.length, dotted.slice(nested.key.length + 1));
    } else {
      break;
    }
  }
  return marker;
}

/**
 * Finds the positions of paths in the documents manifests came from. It keeps the last document
 * it parsed: findings arrive in manifest order, so each document is parsed once, and only one
 * syntax tree is held at a time.
 */
export class PositionFinder {
  private last?: { readonly key: string; readonly document: YAML.Document };

  /** The line and column of `path` in the manifest from `source`. */
  public find(source: ManifestSource, path: string): Position {
    const fallback = this.position(source, source.start);
    try {
      const document = this.document(source);
      let root: YAML.Node | null | undefined = document.contents;
      if (source.item !== undefined) {
        root = nodeAt(document, root, ['items', source.item]);
      }
      const node = nodeAt(document, root, pathSegments(path));
      return node?.range ? this.position(source, source.start + node.range[0]) : fallback;
    } catch {
      return fallback;
    }
  }

  private document(source: ManifestSource): YAML.Document {
    const key = `${source.file.path}\u0000${source.start}`;
    if (this.last?.key !== key) {
      this.last = { key, document: YAML.parseDocument(source.file.text.slice(source.start, source.end), { prettyErrors: false }) };
    }
    return this.last.document;
  }

  private position(source: ManifestSource, offset: number): Position {
    const { line, col } = source.file.lines.linePos(offset);
    return { line, column: col };
  }
}
