/**
 * Every manifest the operator ships as an example passes the engine without errors, on its
 * own and all together, through the API and through the CLI.
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

describe('the operator examples', () => {
  test('all 26 pinned example files are checked', () => {
    expect(EXAMPLES).toHaveLength(26);
  });

  test.each(EXAMPLES)('%s has no errors on its own', (file) => {
    expect(errorsOf(operatorYaml('examples', file))).toEqual([]);
  });

  test('all examples together have no errors', () => {
    expect(errorsOf(EXAMPLES.flatMap((file) => operatorYaml('examples', file)))).toEqual([]);
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

  test('validate on the whole examples folder exits 0 and counts every manifest', () => {
    const total = EXAMPLES.reduce((sum, file) => sum + operatorYaml('examples', file).length, 0);
    const result = cli('validate', operatorFile('examples'));
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^${total} manifests? checked: 0 errors`, 'm'));
  });
});
