/**
 * Reads manifests from YAML and JSON files as a stream of documents: each YAML document is
 * parsed, converted to plain data as kubectl reads it (see yaml-values.ts) and dropped before
 * the next one, so that memory holds the file's text and the manifests the rules need, never the
 * syntax trees of a whole file. YAML it cannot parse is reported with the file and position
 * instead of throwing.
 *
 * Where each manifest came from (its document's place in the text) is kept, so that a finding
 * can later be mapped back to a line and column (see positions.ts).
 */
import * as YAML from 'yaml';
import { FileText, readManifestText } from './read-file';
import { manifestFiles, ReadProblem } from './walk';
import { plainValue } from './yaml-values';
import { isFlinkKind, REFERENCED_KINDS } from '../validation/referenced-kinds';
import { MAX_DEPTH, SanitizedManifest, toPlainData } from '../validation/sanitize';

/**
 * How deep a YAML document may nest before it is refused unread. The YAML library composes a
 * document recursively, so a document thousands of levels deep would overflow the stack (or
 * crash the process); the engine itself reads at most MAX_DEPTH levels of any manifest.
 */
export const MAX_YAML_DEPTH = 2 * MAX_DEPTH;

/** A file that was read: its text and line starts, to place findings. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly lines: YAML.LineCounter;
}

/** Where a manifest came from: its document's span in a file, and its index in a `List`. */
export interface ManifestSource {
  readonly file: SourceFile;
  readonly start: number;
  readonly end: number;
  /** The manifest's index in the document's `items`, when the document is a `List`. */
  readonly item?: number;
}

/** A manifest, read into plain data, and where it came from. */
export interface SourcedManifest {
  readonly manifest: SanitizedManifest;
  readonly source: ManifestSource;
}

const COMPOSE_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;

/** How deeply a CST document nests collections, counted without recursion (stops past `limit`). */
function nestingDepth(document: YAML.CST.Document, limit: number): number {
  const stack: Array<[YAML.CST.Token | undefined, number]> = [[document.value, 0]];
  let deepest = 0;
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token === undefined) {
      continue;
    }
    deepest = Math.max(deepest, depth);
    if (deepest > limit) {
      return deepest;
    }
    if (token.type === 'block-map' || token.type === 'flow-collection') {
      for (const item of token.items) {
        stack.push([item.key ?? undefined, depth + 1], [item.value, depth + 1]);
      }
    } else if (token.type === 'block-seq') {
      for (const item of token.items) {
        stack.push([item.value, depth + 1]);
      }
    }
  }
  return deepest;
}

/** A Kubernetes `List` (as `kubectl get -o yaml` writes) holds its manifests in `items`. */
function isList(value: any): boolean {
  return value !== null && typeof value === 'object' && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

/**
 * What the engine needs of a manifest: all of a Flink resource and of the RBAC objects rules
 * read, only the kind and name of anything else (a large ConfigMap costs no memory).
 */
function keptForRules(read: SanitizedManifest): SanitizedManifest {
  const manifest: any = read.manifest;
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest) || typeof manifest.kind !== 'string'
    || isFlinkKind(manifest.kind) || REFERENCED_KINDS.has(manifest.kind)) {
    return read;
  }
  const metadata = manifest.metadata !== null && typeof manifest.metadata === 'object'
    ? { name: manifest.metadata.name, namespace: manifest.metadata.namespace }
    : manifest.metadata;
  return { manifest: { apiVersion: manifest.apiVersion, kind: manifest.kind, metadata }, problems: [] };
}

/** Parses the YAML documents of a text one at a time; empty documents are skipped. */
export function parseManifests(path: string, text: string, problems: ReadProblem[]): SourcedManifest[] {
  const lines = new YAML.LineCounter();
  const file: SourceFile = { path, text, lines };
  const result: SourcedManifest[] = [];
  const problemAt = (offset: number, message: string) => {
    const position = lines.linePos(offset);
    problems.push({ file: path, line: position.line, column: position.col, message });
  };
  const take = (document: YAML.Document.Parsed) => {
    const [error] = document.errors;
    if (error !== undefined) {
      problemAt(error.pos[0], error.message.split('\n')[0]);
      return;
    }
    let value: unknown;
    try {
      value = plainValue(document, { maxAliasCount: 100 });
    } catch (cause) {
      problemAt(document.range[0], cause instanceof Error ? cause.message : String(cause));
      return;
    }
    if (value === null || value === undefined) {
      return;
    }
    const [start, , end] = document.range;
    if (isList(value)) {
      (value as any).items.forEach((manifest: unknown, item: number) => {
        result.push({ manifest: keptForRules(toPlainData(manifest)), source: { file, start, end, item } });
      });
    } else {
      result.push({ manifest: keptForRules(toPlainData(value)), source: { file, start, end } });
    }
  };

  const parser = new YAML.Parser(lines.addNewLine);
  let composer = new YAML.Composer(COMPOSE_OPTIONS);
  let skipping = false;
  try {
    for (const token of parser.parse(text)) {
      if (token.type === 'document' && nestingDepth(token, MAX_YAML_DEPTH) > MAX_YAML_DEPTH) {
        for (const document of composer.end()) {
          take(document);
        }
        composer = new YAML.Composer(COMPOSE_OPTIONS);
        problemAt(token.offset, `the document is nested more than ${MAX_YAML_DEPTH} levels deep; it is not read`);
        skipping = true;
        continue;
      }
      if (skipping && token.type !== 'document' && token.type !== 'directive') {
        continue; // the rest of the refused document (its end marker, comments, errors)
      }
      skipping = false;
      for (const document of composer.next(token)) {
        take(document);
      }
    }
    for (const document of composer.end(false, text.length)) {
      take(document);
    }
  } catch (error) {
    // Not expected from the YAML library, but a file must never stop the run.
    problems.push({ file: path, message: `cannot parse: ${error instanceof Error ? error.message : String(error)}` });
  }
  return result;
}

/** Reads and parses one manifest file. */
export function readManifestFile(path: string, maxFileSize: number, problems: ReadProblem[]): SourcedManifest[] {
  const read: FileText = readManifestText(path, maxFileSize);
  if ('problem' in read) {
    problems.push({ file: path, line: read.line, column: read.column, message: read.problem });
    return [];
  }
  return parseManifests(path, read.text, problems);
}

/** Every manifest of the files under `paths` (files, or directories walked), in order; what cannot be read goes to `problems`. */
export function readManifestPaths(paths: string[], maxFileSize: number, problems: ReadProblem[]): SourcedManifest[] {
  const sourced: SourcedManifest[] = [];
  for (const file of manifestFiles(paths, problems)) {
    sourced.push(...readManifestFile(file, maxFileSize, problems));
  }
  return sourced;
}
