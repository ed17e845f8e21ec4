/**
 * One rule set, four consumers: the constructs (at synth), the API, the CLI and the cdk8s
 * validation plugin give the same findings for the same manifests.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import * as YAML from 'yaml';
import { FlinkSessionCluster, FlinkSessionJob, FlinkValidationPlugin, FlinkValidator, FlinkVersion, JobJar, Severity, UpgradeMode } from '../../src';

const ROOT = path.resolve(__dirname, '..', '..');
const JAR = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0.jar';

/** An app with two problems: a local jar for a session job, and savepoint upgrades without directories. */
function problemApp(context: { [key: string]: any } = {}): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-app-')) });
  for (const [key, value] of Object.entries(context)) {
    app.node.setContext(key, value);
  }
  const chart = new Chart(app, 'flink', { namespace: 'flink' });
  const cluster = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 });
  cluster.addJob('Local', { jar: JobJar.fromLocal('/opt/flink/usrlib/job.jar') });
  cluster.addJob('Stateful', { jar: JobJar.fromUri(JAR), upgradeMode: UpgradeMode.SAVEPOINT });
  return app;
}

/** The manifests of an app, without running its validations. */
function manifestsOf(app: App): any[] {
  return app.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c)).map((o) => o.toJson());
}

const key = (rule: string, kind: string, name: string, findingPath: string) => `${rule} ${kind}/${name} ${findingPath}`;

describe('constructs', () => {
  test('synth fails and lists every finding, with the construct path', () => {
    expect(() => problemApp().synthYaml()).toThrow(/Validation failed/);
    let message = '';
    try {
      problemApp().synthYaml();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^  \[flink\/Session\/Local\] FlinkSessionJob\/local spec\.job\.jarURI: .*'local'.* \[jar-uri-scheme\]$/m);
    expect(message).toMatch(/^  \[flink\/Session\/Stateful\] FlinkSessionJob\/stateful spec\.job\.upgradeMode: .* \[checkpoint-dir-required\]$/m);
    expect(message).not.toMatch(/\[\] /);
    expect(message).toMatch(/\[savepoint-dir-required\]/);
  });

  test('operator settings come from the app context', () => {
    const app = problemApp({ 'cdk8s-flink:validation': { allowedJarSchemes: ['https', 'local'], operatorConfiguration: { 'execution.checkpointing.dir': 'hdfs://namenode/flink/checkpoints', 'execution.checkpointing.savepoint-dir': 'hdfs://namenode/flink/savepoints' } } });
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('warnings are printed at synth, unless silenced', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const build = (context: { [key: string]: any }) => {
        const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-app-')) });
        Object.entries(context).forEach(([k, v]) => app.node.setContext(k, v));
        const chart = new Chart(app, 'jobs', { namespace: 'flink' });
        new FlinkSessionJob(chart, 'Orphan', { cluster: FlinkSessionCluster.fromName(chart, 'Gone', 'gone'), jar: JobJar.fromUri(JAR) });
        return app;
      };
      build({}).synthYaml();
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toMatch(/cdk8s-flink warning: jobs\/Orphan: FlinkSessionJob\/orphan spec\.deploymentName: .* \[session-job-target-missing\]/);
      write.mockClear();
      build({ 'cdk8s-flink:print-warnings': false }).synthYaml();
      expect(write.mock.calls.map((c) => String(c[0])).join('')).not.toMatch(/cdk8s-flink warning/);
    } finally {
      write.mockRestore();
    }
  });
});

describe('the four consumers agree', () => {
  const manifests = manifestsOf(problemApp());
  const api = FlinkValidator.validate(manifests).map((f) => key(f.rule, f.kind, f.name, f.path)).sort();

  test('the API finds the problems', () => {
    expect(api).toEqual([
      key('checkpoint-dir-required', 'FlinkSessionJob', 'stateful', 'spec.job.upgradeMode'),
      key('jar-uri-scheme', 'FlinkSessionJob', 'local', 'spec.job.jarURI'),
      key('savepoint-dir-required', 'FlinkSessionJob', 'stateful', 'spec.job.upgradeMode'),
    ]);
  });

  test('the constructs report the same findings', () => {
    let message = '';
    try {
      problemApp().synthYaml();
    } catch (error) {
      message = (error as Error).message;
    }
    const fromSynth = [...message.matchAll(/^  \[[^\]]+\] (\w+)\/([\w-]+) (\S+): .* \[([a-z-]+)\]$/gm)].map((m) => key(m[4], m[1], m[2], m[3])).sort();
    expect(fromSynth).toEqual(api);
  });

  test('the CLI reports the same findings', () => {
    if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
      throw new Error('lib/ is missing: compile first (npx projen compile).');
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-consumers-'));
    const file = path.join(dir, 'app.yaml');
    fs.writeFileSync(file, manifests.map((m) => YAML.stringify(m)).join('---\n'));
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cdk8s-flink'), 'validate', '--format', 'json', file], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    const fromCli = JSON.parse(result.stdout).findings.map((f: any) => key(f.rule, f.kind, f.name, f.path)).sort();
    expect(fromCli).toEqual(api);
  });

  test('the validation plugin reports the same findings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-plugin-'));
    const file = path.join(dir, 'app.k8s.yaml');
    fs.writeFileSync(file, manifests.map((m) => YAML.stringify(m)).join('---\n'));
    const violations: any[] = [];
    let status = '';
    await new FlinkValidationPlugin().validate({
      manifests: [file],
      parseManifest: (p: string) => YAML.parseAllDocuments(fs.readFileSync(p, 'utf8')).map((d) => d.toJS()),
      report: { addViolation: (v: any) => violations.push(v), submit: (s: string) => { status = s; } },
    });
    expect(status).toBe('failure');
    const fromPlugin = violations.map((v) => {
      const [kind, name] = v.violatingResources[0].resourceName.split('/');
      return key(v.ruleName, kind, name, v.violatingResources[0].locations[0]);
    }).sort();
    expect(fromPlugin).toEqual(api);
    expect(violations[0].violatingResources[0].manifestPath).toBe(file);
  });

  test('the plugin passes clean manifests and lists warnings as such', async () => {
    const violations: any[] = [];
    let status = '';
    const job = manifests.find((m) => m.metadata.name === 'stateful');
    await new FlinkValidationPlugin({ operatorConfiguration: { 'execution.checkpointing.dir': 'x', 'execution.checkpointing.savepoint-dir': 'y' } }).validate({
      manifests: ['a.yaml'],
      parseManifest: () => [job],
      report: { addViolation: (v: any) => violations.push(v), submit: (s: string) => { status = s; } },
    });
    expect(status).toBe('success');
    expect(violations.map((v) => v.ruleName)).toEqual(['session-job-target-missing (warning)']);
  });
});

describe('the four consumers agree on the web UI exposure', () => {
  /** A session cluster exposed by an unauthenticated HTTPRoute (construct) and a hand-written Ingress. */
  function exposedApp(): App {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-app-')) });
    const chart = new Chart(app, 'flink', { namespace: 'flink' });
    new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 }).exposeWebUiWithGateway({ gatewayName: 'shared' });
    new ApiObject(chart, 'HandWritten', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'ui' },
      spec: { ingressClassName: 'traefik', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'session-rest', port: { number: 8081 } } } }] } }] },
    });
    return app;
  }
  const manifests = manifestsOf(exposedApp());
  const api = FlinkValidator.validate(manifests).filter((f) => f.severity === Severity.ERROR).map((f) => key(f.rule, f.kind, f.name, f.path)).sort();

  test('the API reports the HTTPRoute and the Ingress', () => {
    expect(api).toEqual([
      key('web-ui-exposure', 'HTTPRoute', 'session-web-ui', 'spec.rules[0].backendRefs[0].name'),
      key('web-ui-exposure', 'Ingress', 'ui', 'spec.rules[0].http.paths[0].backend.service.name'),
    ]);
  });

  test('the constructs, the CLI and the plugin report the same', async () => {
    let message = '';
    try {
      exposedApp().synthYaml();
    } catch (error) {
      message = (error as Error).message;
    }
    expect([...message.matchAll(/(?:: |\] )(\w+)\/([\w-]+) (\S+): .* \[([a-z-]+)\]$/gm)].map((m) => key(m[4], m[1], m[2], m[3])).sort()).toEqual(api);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-consumers-'));
    const file = path.join(dir, 'app.yaml');
    fs.writeFileSync(file, manifests.map((m) => YAML.stringify(m)).join('---\n'));
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cdk8s-flink'), 'validate', '--format', 'json', file], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).findings.filter((f: any) => f.severity === 'error').map((f: any) => key(f.rule, f.kind, f.name, f.path)).sort()).toEqual(api);
    const violations: any[] = [];
    await new FlinkValidationPlugin().validate({
      manifests: [file],
      parseManifest: (p: string) => YAML.parseAllDocuments(fs.readFileSync(p, 'utf8')).map((d) => d.toJS()),
      report: { addViolation: (v: any) => violations.push(v), submit: () => undefined },
    });
    expect(violations.filter((v) => !String(v.ruleName).endsWith('(warning)')).map((v) => {
      const [kind, name] = v.violatingResources[0].resourceName.split('/');
      return key(v.ruleName, kind, name, v.violatingResources[0].locations[0]);
    }).sort()).toEqual(api);
  });
});

describe('the validation plugin under the cdk8s CLI', () => {
  test('cdk8s synth fails on raw YAML the plugin rejects', () => {
    if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
      throw new Error('lib/ is missing: compile first (npx projen compile).');
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-cli-plugin-'));
    fs.writeFileSync(path.join(dir, 'bad.yaml'), YAML.stringify({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkSessionJob',
      metadata: { name: 'raw', namespace: 'flink' },
      spec: { deploymentName: 'session', job: { jarURI: 'http://127.0.0.1/job.jar', parallelism: 1 } },
    }));
    fs.writeFileSync(path.join(dir, 'main.js'), [
      `const { App, Chart, Include } = require(${JSON.stringify(require.resolve('cdk8s'))});`,
      'const app = new App();',
      "const chart = new Chart(app, 'raw');",
      "new Include(chart, 'Raw', { url: require('path').join(__dirname, 'bad.yaml') });",
      'app.synth();',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), YAML.stringify({
      language: 'typescript',
      app: 'node main.js',
      output: 'dist',
      validations: [{ package: ROOT, version: '0.0.0', class: 'FlinkValidationPlugin', properties: { allowedJarSchemes: ['https', 'http'] } }],
    }));
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth', '--no-check-upgrade'], { cwd: dir, encoding: 'utf8' });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(output).toMatch(/jar-uri-restricted-host/);
    expect(output).not.toMatch(/jar-uri-scheme/);
  }, 60_000);
});

test('severity values are the documented strings', () => {
  expect(Object.values(Severity)).toEqual(['error', 'warning']);
});
