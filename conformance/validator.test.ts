/**
 * Every manifest the operator ships as an example passes the engine without errors, on its
 * own and all together, through the API and through the CLI, the canary included, but for the
 * errors listed in EXPECTED_ERRORS: findings of cdk8s-flink's own security rules, which the
 * operator does not make (the TLS examples keep their keystore passwords in plain text).
 *
 * The two ingress examples expose the web UI of an application cluster without authentication:
 * of manifests written by hand that is a warning of rule web-ui-exposure (an error only where
 * the UI accepts jar uploads, and always in the constructs), so they pass with exactly that
 * warning.
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

const errorsOf = (manifests: any[]) => FlinkValidator.validate(manifests).filter((finding) => finding.severity === Severity.ERROR)
  .map((finding) => `${finding.rule} ${finding.kind}/${finding.name} ${finding.path}`).sort();
const exposureFindingsOf = (manifests: any[]) => FlinkValidator.validate(manifests).filter((finding) => finding.rule === 'web-ui-exposure')
  .map((finding) => `${finding.severity} ${finding.kind}/${finding.name} ${finding.path}`).sort();

/** The keystore and truststore passwords of a `security.ssl` prefix, as literal-secret errors of a resource. */
const literalPasswords = (resource: string, prefixes: string[]) => prefixes
  .flatMap((prefix) => ['key-password', 'keystore-password', 'truststore-password'].map((key) => `${prefix}.${key}`))
  .map((key) => `sensitive-config-value ${resource} spec.flinkConfiguration['${key}']`);

/**
 * The errors cdk8s-flink's security rules report on the operator's examples, by file: the TLS
 * examples keep their keystore passwords in plain text in flinkConfiguration (a test setup).
 */
const EXPECTED_ERRORS: { readonly [file: string]: string[] } = {
  'flink-tls-example/basic-secure.yaml': literalPasswords('FlinkDeployment/basic-secure', ['security.ssl']),
  'flink-tls-example/basic-secure-deployment-only.yaml': literalPasswords('FlinkDeployment/basic-secure-deployment-only', ['security.ssl.internal', 'security.ssl.rest']),
  'flink-tls-example/basic-secure-session-job-only.yaml': literalPasswords('FlinkSessionJob/basic-secure-session-job-only', ['security.ssl.internal', 'security.ssl.rest']),
};
const expectedErrors = (file: string) => [...(EXPECTED_ERRORS[file] ?? [])].sort();

/** The examples whose operator Ingress exposes an application cluster's web UI without authentication: a warning each. */
const UNAUTHENTICATED_UI: { readonly [file: string]: string } = {
  'basic-ingress.yaml': 'FlinkDeployment/basic-ingress',
  'advanced-ingress.yaml': 'FlinkDeployment/advanced-ingress',
};
const expectedExposures = (file: string) => (UNAUTHENTICATED_UI[file] === undefined ? [] : [`warning ${UNAUTHENTICATED_UI[file]} spec.ingress`]);

describe('the operator examples', () => {
  test('all 26 pinned example files are checked', () => {
    expect(EXAMPLES).toHaveLength(26);
    expect(EXAMPLES).toEqual(expect.arrayContaining([...Object.keys(EXPECTED_ERRORS), ...Object.keys(UNAUTHENTICATED_UI), 'canary.yaml']));
  });

  test.each(EXAMPLES)('%s has no errors on its own, but the expected ones', (file) => {
    const manifests = operatorYaml('examples', file);
    expect(errorsOf(manifests)).toEqual(expectedErrors(file));
    expect(exposureFindingsOf(manifests)).toEqual(expectedExposures(file));
  });

  test('all examples together have no errors, but the expected ones', () => {
    const manifests = EXAMPLES.flatMap((file) => operatorYaml('examples', file));
    expect(errorsOf(manifests)).toEqual(EXAMPLES.flatMap(expectedErrors).sort());
    expect(exposureFindingsOf(manifests)).toEqual(EXAMPLES.flatMap(expectedExposures).sort());
  });
});

describe('the CLI on the operator examples', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
      throw new Error('lib/cli/main.js is missing: compile first (npx projen compile).');
    }
  });

  test.each(EXAMPLES)('validate %s exits 0, or 1 with the expected errors', (file) => {
    const result = cli('validate', operatorFile('examples', file));
    const expected = expectedErrors(file).length;
    expect(result.stderr).toMatch(new RegExp(`^\\d+ manifests? checked: ${expected} errors`));
    expect(result.status).toBe(expected === 0 ? 0 : 1);
  });

  test('validate on the whole examples folder counts every manifest, reports only the expected errors, and warns of the two unauthenticated web UIs', () => {
    const total = EXAMPLES.reduce((sum, file) => sum + operatorYaml('examples', file).length, 0);
    const result = cli('validate', operatorFile('examples'));
    const expected = EXAMPLES.flatMap(expectedErrors).length;
    expect(result.status).toBe(expected === 0 ? 0 : 1);
    expect(result.stderr).toMatch(new RegExp(`^${total} manifests? checked: ${expected} errors`, 'm'));
    expect(result.stdout.match(/\[web-ui-exposure\]/g)).toHaveLength(2);
  });
});
