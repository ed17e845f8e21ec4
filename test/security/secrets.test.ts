/**
 * Secrets in plain text are refused alike by the constructs (at synth), the CLI and the cdk8s
 * validation plugin (one engine rule, sensitive-config-value), with an explicit opt-out.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { FlinkSessionCluster, FlinkValidationPlugin, FlinkVersion, JobJar, UpgradeMode } from '../../src';
import { validateCommand } from '../../src/cli/validate-command';
import { sensitiveFragment, sensitiveFragments } from '../../src/validation/checks/sensitive-keys';
import { manifestOf, synthValid, testChart } from '../support/manifests';
import { APPLICATION, JOB_RBAC, patched } from '../validation/fixtures';

const SECRET_APP = [patched(APPLICATION, { spec: { flinkConfiguration: { 's3.secret-key': 'wJalrXUtnFEMI/K7MDENG' } } }), ...JOB_RBAC];

describe("Flink's sensitive keys", () => {
  test('the fragments per version', () => {
    expect(sensitiveFragments(FlinkVersion.V1_16)).toEqual(['password', 'secret', 'fs.azure.account.key', 'apikey']);
    expect(sensitiveFragments(FlinkVersion.V1_20)).toEqual(['password', 'secret', 'fs.azure.account.key', 'apikey', 'auth-params', 'service-key', 'token', 'basic-auth', 'jaas.config']);
    expect(sensitiveFragments(FlinkVersion.V2_2)).toContain('http-headers');
    expect(sensitiveFragments(FlinkVersion.V2_2)).not.toContain('access-key');
    expect(sensitiveFragments(FlinkVersion.of('v2_3'))).toEqual(expect.arrayContaining(['access-key', 'access.key', 'accesskey']));
  });

  test.each([
    ['s3.secret-key', 'secret'],
    ['metrics.reporter.dghttp.apikey', 'apikey'],
    ['properties.SASL.JAAS.CONFIG', 'jaas.config'],
    ['fs.azure.account.key.acct.dfs.core.windows.net', 'fs.azure.account.key'],
    ['s3.access-key', undefined],
    ['security.kerberos.login.keytab', undefined],
  ])('%s matches %s (lower-cased key contains a fragment)', (key, fragment) => {
    expect(sensitiveFragment(key, FlinkVersion.V1_20)).toBe(fragment);
  });
});

describe('the constructs', () => {
  const build = (props: object) => {
    const chart = testChart();
    new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { 's3.secret-key': 'wJalrXUtnFEMI' }, ...props });
    return chart;
  };

  test('a literal secret fails synth, without echoing it', () => {
    let message = '';
    try {
      Testing.synth(build({}));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/\[test\/Session\] FlinkDeployment\/session spec\.flinkConfiguration\['s3\.secret-key'\]: .*holds a secret in plain text.* \[sensitive-config-value\]/);
    expect(message).not.toMatch(/wJalrXUtnFEMI/);
  });

  test('allowLiteralSecrets accepts it and annotates the FlinkDeployment', () => {
    const deployment = manifestOf(synthValid(build({ allowLiteralSecrets: true })), 'FlinkDeployment', 'session');
    expect(deployment.metadata.annotations).toEqual({ 'cdk8s-flink/literal-secrets': 'true' });
  });

  test('the app context accepts it too', () => {
    const app = Testing.app();
    app.node.setContext('cdk8s-flink:validation', { allowLiteralSecrets: true });
    const chart = new Chart(app, 'test', { namespace: 'flink' });
    new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { 's3.secret-key': 'x' } });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('a password in a session job jar URL is a warning, printed with the password masked', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-')) });
      const chart = new Chart(app, 'test', { namespace: 'flink' });
      const cluster = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 });
      cluster.addJob('Job', { jar: JobJar.fromUri('https://deploy:hunter2@repo.example.com/job.jar'), upgradeMode: UpgradeMode.STATELESS });
      app.synthYaml();
      const printed = write.mock.calls.map((call) => String(call[0])).join('');
      expect(printed).toMatch(/cdk8s-flink warning: test\/Session\/Job: FlinkSessionJob\/job spec\.job\.jarURI: .*'https:\/\/deploy:\*\*\*\*\*\*@repo\.example\.com\/job\.jar'.*\[credentials-in-url\]/);
      expect(printed).not.toMatch(/hunter2/);
    } finally {
      write.mockRestore();
    }
  });
});

describe('the CLI and the plugin', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-secrets-'));
  const file = path.join(dir, 'app.yaml');
  fs.writeFileSync(file, SECRET_APP.map((m) => YAML.stringify(m)).join('---\n'));

  test('cdk8s-flink validate reports it and exits 1', () => {
    const out: string[] = [];
    const status = validateCommand([file], { out: (line) => out.push(line), err: () => undefined });
    expect(status).toBe(1);
    expect(out.join('\n')).toMatch(/FlinkDeployment\/app spec\.flinkConfiguration\['s3\.secret-key'\]: .* \[sensitive-config-value\]/);
  });

  test('the validation plugin reports it, and accepts it with allowLiteralSecrets', async () => {
    const run = async (plugin: FlinkValidationPlugin) => {
      const violations: any[] = [];
      let status = '';
      await plugin.validate({
        manifests: [file],
        parseManifest: (p: string) => YAML.parseAllDocuments(fs.readFileSync(p, 'utf8')).map((d) => d.toJS()),
        report: { addViolation: (v: any) => violations.push(v), submit: (s: string) => { status = s; } },
      });
      return { status, rules: violations.map((v) => v.ruleName) };
    };
    expect(await run(new FlinkValidationPlugin())).toEqual({ status: 'failure', rules: ['sensitive-config-value'] });
    expect(await run(new FlinkValidationPlugin({ allowLiteralSecrets: true }))).toEqual({ status: 'success', rules: [] });
  });
});
