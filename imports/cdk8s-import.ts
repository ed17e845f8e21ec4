/**
 * One way to run `cdk8s import` for the generators (Flink CRDs, Gateway API, Prometheus
 * Operator): write the CRDs to a scratch folder, import them as TypeScript, return the module's
 * text. The folder is removed afterwards.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { REPO_ROOT } from './operator-files';

/** The TypeScript that `cdk8s import` generates from `crds` into the file `generatedFile` (e.g. `flink.apache.org.ts`). */
export function cdk8sImport(crds: any[], generatedFile: string, root: string = REPO_ROOT): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-import-'));
  try {
    const input = path.join(work, 'crds.yaml');
    fs.writeFileSync(input, crds.map((crd) => YAML.stringify(crd)).join('---\n'));
    execFileSync(path.join(root, 'node_modules', '.bin', 'cdk8s'), ['import', input, '--language', 'typescript', '--output', work, '--no-save', '--no-check-upgrade'], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return fs.readFileSync(path.join(work, generatedFile), 'utf8');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
