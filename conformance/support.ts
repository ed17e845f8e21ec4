/**
 * The operator's own files, for the conformance suite. The suite's global setup has made sure
 * they are here (found locally or downloaded into the cache, every digest checked), so this
 * only looks them up.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { findOperatorFiles, readSources } from '../imports/operator-files';

let dir: string | undefined;

/** The path of a pinned operator file, e.g. `operatorFile('examples', 'basic.yaml')`. */
export function operatorFile(...segments: string[]): string {
  if (dir === undefined) {
    const found = findOperatorFiles();
    if (found === undefined) {
      throw new Error('The operator files are not here: run the conformance suite with `npx projen conformance`, whose setup finds or downloads them.');
    }
    dir = found.dir;
  }
  return path.join(dir, ...segments);
}

/** Every YAML document of an operator file (empty documents left out). */
export function operatorYaml(...segments: string[]): any[] {
  return YAML.parseAllDocuments(fs.readFileSync(operatorFile(...segments), 'utf8'))
    .map((document) => document.toJSON())
    .filter((document) => document !== null);
}

/** The pinned example manifests, as paths relative to `examples/`, sorted. */
export function exampleFiles(): string[] {
  return readSources().files.map((file) => file.path)
    .filter((file) => file.startsWith('examples/') && /\.ya?ml$/.test(file))
    .map((file) => file.slice('examples/'.length))
    .sort();
}
