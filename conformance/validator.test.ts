/**
 * Every manifest the operator ships as an example passes the engine without errors, on its
 * own and all together, through the API and through the CLI. The two ingress examples expose
 * the web UI of an application cluster without authentication: of manifests written by hand
 * that is a warning of rule web-ui-exposure (an error only where the UI accepts jar uploads,
 * and always in the constructs), so they pass with exactly that warning.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FlinkValidator, Severity } from '../src';
import { exampleFiles, operatorFile, operatorYaml } from './support';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = exampleFiles();

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cdk8s-flink'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const errorsOf = (manifests: any[]) => FlinkValidator.validate(manifests).filter((finding) => finding.severity === Severity.ERROR);
const exposureWarningsOf = (manifests: any[]) => FlinkValidator.validate(manifests).filter((finding) => finding.rule === 'web-ui-exposure');

/** The examples whose operator Ingress exposes the web UI without authentication. */
const UNAUTHENTICATED_UI: { [file: string]: string } = {
  'basic-ingress.yaml': 'basic-ingress',
  'advanced-ingress.yaml': 'advanced-ingress',
};

const exposure = (name: string) => expect.objectContaining({ rule: 'web-ui-exposure', severity: Severity.WARNING, kind: 'FlinkDeployment', name, path: 'spec.ingress' });

describe('the operator examples', () => {
  test('all 26 pinned example files are checked', () => {
    expect(EXAMPLES).toHaveLength(26);
  });

  test.each(EXAMPLES)('%s has no errors on its own (an unauthenticated application UI is a warning)', (file) => {
    const manifests = operatorYaml('examples', file);
    const name = UNAUTHENTICATED_UI[path.basename(file)];
    expect(errorsOf(manifests)).toEqual([]);
    expect(exposureWarningsOf(manifests)).toEqual(name === undefined ? [] : [exposure(name)]);
  });

  test('all examples together have no errors, and warn of the two unauthenticated web UIs', () => {
    const manifests = EXAMPLES.flatMap((file) => operatorYaml('examples', file));
    const expected = EXAMPLES.map((file) => UNAUTHENTICATED_UI[path.basename(file)]).filter((name) => name !== undefined).map(exposure);
    expect(expected).toHaveLength(2);
    expect(errorsOf(manifests)).toEqual([]);
    expect(exposureWarningsOf(manifests)).toEqual(expected);
  });
});

describe('the CLI on the operator examples', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
      throw new Error('lib/cli/main.js is missing: compile first (npx projen compile).');
    }
  });

  test.each(EXAMPLES)('validate %s exits 0', (file) => {
    const result = cli('validate', operatorFile('examples', file));
    expect(result.stderr).toMatch(/^\d+ manifests? checked: 0 errors/);
    expect(result.status).toBe(0);
  });

  test('validate on the whole examples folder exits 0, counts every manifest and warns of the two unauthenticated web UIs', () => {
    const total = EXAMPLES.reduce((sum, file) => sum + operatorYaml('examples', file).length, 0);
    const result = cli('validate', operatorFile('examples'));
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^${total} manifests? checked: 0 errors`, 'm'));
    expect(result.stdout.match(/\[web-ui-exposure\]/g)).toHaveLength(2);
  });
});
