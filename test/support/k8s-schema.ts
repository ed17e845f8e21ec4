import { execFileSync } from 'child_process';
import * as path from 'path';

const SCRIPT = path.join(__dirname, 'validate-k8s-objects.mjs');

/**
 * Validation errors of core Kubernetes objects against the Kubernetes OpenAPI schemas, by
 * kubernetes-models (run in a separate Node process, since the package is ES modules only).
 * One entry per object: undefined when valid.
 */
export function k8sSchemaErrors(objects: any[]): Array<string | undefined> {
  if (objects.length === 0) {
    return [];
  }
  const output = execFileSync(process.execPath, [SCRIPT], {
    input: JSON.stringify(objects),
    cwd: path.resolve(__dirname, '..', '..'),
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(output.toString('utf8')) as Array<string | null>).map((entry) => entry ?? undefined);
}
