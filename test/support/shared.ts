import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { findSharedDirectory } from '../../imports/crd-sources';

/**
 * The operator's files (CRDs, examples, docs) in the shared folder next to the repository.
 * Tests that need them fail, rather than skip, when the folder is missing.
 */
export function operatorFile(...segments: string[]): string {
  const shared = findSharedDirectory();
  if (shared === undefined) {
    throw new Error('The shared folder with the operator files (../shared/flink-operator) was not found. Clone next to it or set CDK8S_FLINK_SHARED.');
  }
  return path.join(shared, 'flink-operator', ...segments);
}

/** All YAML documents of an operator file. */
export function operatorYaml(...segments: string[]): any[] {
  return YAML.parseAllDocuments(fs.readFileSync(operatorFile(...segments), 'utf8'))
    .map((document) => document.toJSON())
    .filter((document) => document !== null);
}
