/**
 * Reads manifests from YAML and JSON files and folders, reporting YAML it cannot parse with the
 * file and position instead of throwing.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { plainValue } from './yaml-values';

/** A manifest and the file it came from. */
export interface SourcedManifest {
  readonly file: string;
  readonly manifest: any;
}

/** A file that could not be read or parsed. */
export interface ReadProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** The manifest files under the given paths, folders searched recursively, in a stable order. */
export function manifestFiles(paths: string[], problems: ReadProblem[]): string[] {
  const files: string[] = [];
  const visit = (target: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      problems.push({ file: target, message: 'no such file or folder' });
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) {
        if (entry !== 'node_modules' && !entry.startsWith('.')) {
          visit(path.join(target, entry), false);
        }
      }
    } else if (explicit || MANIFEST_FILE.test(target)) {
      files.push(target);
    }
  };
  paths.forEach((target) => visit(target, true));
  return files;
}

/** Parses every YAML document of a file; documents that are empty are skipped. */
export function readManifestFile(file: string, problems: ReadProblem[]): SourcedManifest[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ file, message: `cannot read: ${error instanceof Error ? error.message : String(error)}` });
    return [];
  }
  const result: SourcedManifest[] = [];
  let documents: YAML.Document.Parsed[];
  const lines = new YAML.LineCounter();
  try {
    documents = YAML.parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines }) as YAML.Document.Parsed[];
  } catch (error) {
    problems.push({ file, message: error instanceof Error ? error.message : String(error) });
    return [];
  }
  if (!Array.isArray(documents)) {
    documents = [documents];
  }
  for (const document of documents) {
    const [error] = document.errors;
    if (error !== undefined) {
      const position = lines.linePos(error.pos[0]);
      problems.push({ file, line: position.line, column: position.col, message: error.message.split('\n')[0] });
      continue;
    }
    let value: unknown;
    try {
      value = plainValue(document, { maxAliasCount: 100 });
    } catch (cause) {
      problems.push({ file, message: cause instanceof Error ? cause.message : String(cause) });
      continue;
    }
    if (value === null || value === undefined) {
      continue;
    }
    const items = isList(value) ? (value as any).items : [value];
    for (const manifest of items) {
      result.push({ file, manifest });
    }
  }
  return result;
}

/** A Kubernetes `List` (as `kubectl get -o yaml` writes) holds its manifests in `items`. */
function isList(value: any): boolean {
  return value !== null && typeof value === 'object' && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}
