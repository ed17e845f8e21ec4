/**
 * The real `cdk8s-flink` binary (bin/cdk8s-flink, running the compiled lib/) on real files.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { APPLICATION, JOB_RBAC, patched, SESSION_CLUSTER, SESSION_JOB } from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'cdk8s-flink');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
function write(name: string, ...documents: any[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, documents.map((d) => (typeof d === 'string' ? d : YAML.stringify(d))).join('---\n'));
  return file;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    throw new Error('lib/cli/main.js is missing: compile first (npx projen compile).');
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-cli-'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cdk8s-flink validate', () => {
  test('valid manifests exit 0', () => {
    const file = write('valid.yaml', SESSION_CLUSTER, SESSION_JOB, ...JOB_RBAC);
    const result = cli('validate', file);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/5 manifests checked: 0 errors, 0 warnings/);
  });

  test('errors print `file:line:col: Kind/name path: message [rule]` and exit 1', () => {
    const file = write('bad.yaml', patched(SESSION_JOB, { spec: { job: { jarURI: 'local:///opt/job.jar' } } }), SESSION_CLUSTER, ...JOB_RBAC);
    const result = cli('validate', file);
    expect(result.status).toBe(1);
    // YAML.stringify writes apiVersion, kind, metadata (3 lines), spec, deploymentName, job, jarURI: line 9, under job.
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:9:5: FlinkSessionJob/job spec\\.job\\.jarURI: .*'local'.* \\[jar-uri-scheme\\]$`)),
    ]);
    expect(result.stderr).toBe('5 manifests checked: 1 error, 0 warnings.\n');
  });

  test('a hand-written unauthenticated Ingress and HTTPRoute to <cluster>-rest are errors', () => {
    const backend = { service: { name: 'session-rest', port: { number: 8081 } } };
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'flink-ui', namespace: 'flink' },
      spec: { ingressClassName: 'nginx', rules: [{ host: 'flink.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] },
    };
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'flink-route', namespace: 'flink' },
      spec: { parentRefs: [{ name: 'shared' }], rules: [{ backendRefs: [{ name: 'session-rest', port: 8081 }] }] },
    };
    const file = write('exposed.yaml', SESSION_CLUSTER, ...JOB_RBAC, ingress, route);
    const result = cli('validate', file);
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n').sort()).toEqual([
      expect.stringMatching(/: HTTPRoute\/flink-route spec\.rules\[0\]\.backendRefs\[0\]\.name: HTTPRoute 'flink-route' exposes the web UI of Flink cluster 'session' without authentication .*remote code execution.* \[web-ui-exposure\]$/),
      expect.stringMatching(/: Ingress\/flink-ui spec\.rules\[0\]\.http\.paths\[0\]\.backend\.service\.name: Ingress 'flink-ui' exposes the web UI of Flink cluster 'session' without authentication: .*remote code execution.* \[web-ui-exposure\]$/),
    ]);
    expect(result.stderr).toMatch(/6 manifests checked: 2 errors/);
  });

  test('warnings alone exit 0', () => {
    const result = cli('validate', write('warn.yaml', SESSION_JOB));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/FlinkSessionJob\/job spec\.deploymentName: warning: .* \[session-job-target-missing\]/);
  });

  test('--format json', () => {
    const file = write('json.yaml', patched(APPLICATION, { spec: { job: { parallelism: 0 } } }), ...JOB_RBAC);
    const result = cli('validate', '--format', 'json', file);
    expect(result.status).toBe(1);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((text) => /^\s+parallelism: 0$/.test(text));
    expect(JSON.parse(result.stdout)).toEqual({
      findings: [{
        file,
        line: line + 1,
        column: lines[line].indexOf('parallelism') + 1,
        rule: 'job-parallelism',
        severity: 'error',
        kind: 'FlinkDeployment',
        name: 'app',
        namespace: 'flink',
        path: 'spec.job.parallelism',
        message: 'spec.job.parallelism must be at least 1 (got 0).',
      }],
      problems: [],
    });
  });

  test('folders are read recursively, and references cross files', () => {
    const nested = path.join(dir, 'tree', 'jobs');
    fs.mkdirSync(nested, { recursive: true });
    fs.writeFileSync(path.join(dir, 'tree', 'cluster.yml'), [SESSION_CLUSTER, ...JOB_RBAC].map((d) => YAML.stringify(d)).join('---\n'));
    fs.writeFileSync(path.join(nested, 'job.json'), JSON.stringify(patched(SESSION_JOB, { spec: { job: { upgradeMode: 'last-state' } } })));
    fs.writeFileSync(path.join(nested, 'notes.txt'), 'not a manifest');
    const result = cli('validate', path.join(dir, 'tree'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/job\.json:1:\d+: FlinkSessionJob\/job spec\.job\.upgradeMode: .*session cluster 'session'.* \[checkpoint-dir-required\]/);
  });

  test('operator settings can be overridden', () => {
    const file = write('s3.yaml', patched(SESSION_JOB, { spec: { job: { jarURI: 's3://bucket/job.jar' } } }), SESSION_CLUSTER, ...JOB_RBAC);
    expect(cli('validate', file).status).toBe(1);
    expect(cli('validate', '--allowed-jar-schemes', 'https,s3', file).status).toBe(0);
    const loopback = write('loopback.yaml', patched(SESSION_JOB, { spec: { job: { jarURI: 'https://127.0.0.1/job.jar' } } }), SESSION_CLUSTER, ...JOB_RBAC);
    expect(cli('validate', loopback).status).toBe(1);
    expect(cli('validate', '--allow-restricted-hosts', loopback).status).toBe(0);
    const stateful = write('stateful.yaml', patched(APPLICATION, { spec: { job: { upgradeMode: 'last-state' } } }), ...JOB_RBAC);
    expect(cli('validate', stateful).status).toBe(1);
    expect(cli('validate', '--operator-config', 'execution.checkpointing.dir=s3://b/c', stateful).status).toBe(0);
  });

  test('--previous: a stateful job that a refactor renamed is an error located in the previous file; --allow-removal accepts it', () => {
    const stateful = patched(APPLICATION, {
      spec: {
        flinkConfiguration: { 'execution.checkpointing.dir': 's3://b/c', 'execution.checkpointing.savepoint-dir': 's3://b/s' },
        job: { upgradeMode: 'savepoint' },
      },
    });
    fs.mkdirSync(path.join(dir, 'main'));
    const previous = write(path.join('main', 'app.yaml'), stateful, ...JOB_RBAC);
    const renamed = write('renamed.yaml', patched(stateful, { metadata: { name: 'orders' } }), ...JOB_RBAC);
    const result = cli('validate', renamed, '--previous', path.join(dir, 'main'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${previous}:4:3: FlinkDeployment/app metadata.name: `);
    expect(result.stdout).toMatch(/FlinkDeployment 'orders' is new.*\[stateful-resource-removed\]/);
    expect(cli('validate', renamed, '--previous', previous, '--allow-removal', 'FlinkDeployment/app').status).toBe(0);
    expect(cli('validate', renamed, '--previous', previous).status).toBe(1);
    expect(cli('validate', previous, '--previous', previous).status).toBe(0);
    expect(cli('validate', renamed, '--allow-removal', 'FlinkDeployment/app').status).toBe(2);
    expect(cli('validate', renamed, '--previous', previous, '--allow-removal', 'app').stderr).toMatch(/--allow-removal needs KIND\/NAME.*'app'/);
  });

  test('YAML that cannot be parsed is reported with file and position, exit 2', () => {
    const file = write('broken.yaml', 'apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: [unclosed\n');
    const result = cli('validate', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${path.basename(file)}:\\d+:\\d+: `));
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  test('a missing file and bad options exit 2', () => {
    expect(cli('validate', path.join(dir, 'nope.yaml'))).toMatchObject({ status: 2, stderr: expect.stringMatching(/nope\.yaml: no such file or folder/) });
    expect(cli('validate', '--format', 'xml', 'x.yaml')).toMatchObject({ status: 2, stderr: expect.stringMatching(/--format must be 'text', 'json' or 'sarif'/) });
    expect(cli('validate')).toMatchObject({ status: 2 });
    expect(cli('frobnicate')).toMatchObject({ status: 2, stderr: expect.stringMatching(/unknown command 'frobnicate'/) });
  });

  test('help exits 0', () => {
    expect(cli('validate', '--help')).toMatchObject({ status: 0, stdout: expect.stringMatching(/Usage: cdk8s-flink validate/) });
    expect(cli('--help')).toMatchObject({ status: 0, stdout: expect.stringMatching(/Commands:/) });
  });
});
