/**
 * `cdk8s-flink explain` on real files, through the real binary (bin/cdk8s-flink, running the
 * compiled lib/).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import * as YAML from 'yaml';
import { APPLICATION, BLUE_GREEN, JOB_RBAC, patched, SESSION_CLUSTER, SESSION_JOB } from './fixtures';
import { QuickStartChart } from '../../examples/quick-start/main';

const ROOT = path.resolve(__dirname, '..', '..');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cdk8s-flink'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  expect(result.stdout + result.stderr).not.toMatch(STACK_FRAME);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    throw new Error('lib/ is missing or stale: compile first (npx projen compile).');
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-explain-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, ...documents: any[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, documents.map((d) => (typeof d === 'string' ? d : YAML.stringify(d))).join('---\n'));
  return file;
}

/** An application whose replicas decide the parallelism, with a replaced memory key, a secret and a '#' in a value. */
const APP = patched(APPLICATION, {
  spec: {
    flinkConfiguration: {
      'taskmanager.numberOfTaskSlots': '2',
      'taskmanager.memory.process.size': '4g',
      's3.secret-key': 'wJalrXUtnFEMI',
      'metrics.reporter.prom.filter.includes': 'jobmanager:*#x',
    },
    taskManager: { replicas: 3 },
    job: { parallelism: 4 },
  },
});

describe('cdk8s-flink explain', () => {
  test('the paths the job and its state use, with the pods that use them and a password masked', () => {
    const file = write('paths.yaml', patched(APPLICATION, {
      spec: { flinkConfiguration: { 'execution.checkpointing.dir': 's3://minio:minio123@state/checkpoints', 'execution.checkpointing.savepoint-dir': 's3://state/savepoints' } },
    }));
    const result = cli('explain', file);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    const start = lines.indexOf('  Paths:');
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toMatch(/^ {4}checkpoints: s3:\/\/minio:\*{6}@state\/checkpoints \(JobManager and TaskManager\), from 'execution\.checkpointing\.dir': /);
    expect(lines[start + 2]).toMatch(/^ {4}savepoints: s3:\/\/state\/savepoints \(JobManager and TaskManager\), from 'execution\.checkpointing\.savepoint-dir': /);
    expect(lines.slice(start).some((line) => /^ {4}job-jar: .* \(JobManager\), from spec\.job\.jarURI: /.test(line))).toBe(true);
    expect(result.stdout).not.toContain('minio123');
  });

  test('per resource: the header, the derived facts, replaced entries, read differences, memory, the masked configuration', () => {
    const file = write('app.yaml', APP);
    const result = cli('explain', file);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`${file}: FlinkDeployment flink/app`);
    expect(lines).toContain('  cluster:       app, Flink 1.20');
    expect(lines).toContain('  config file:   flink-conf.yaml');
    expect(lines).toContain("  delivery:      the operator writes flink-conf.yaml into the ConfigMap 'flink-config-app'; Flink 1.20 reads it line by line (its legacy loader)");
    expect(lines).toContain('  parallelism:   6, from spec.taskManager.replicas (replicas x slots); spec.job.parallelism 4 is ignored');
    expect(lines).toContain('  slots:         2 per TaskManager');
    expect(lines).toContain('  TaskManagers:  TaskManagers start on demand (native mode)');
    expect(lines).toContain("  accounts:      JobManager 'flink', TaskManagers 'flink'");
    expect(lines).toContain('  Replaced flinkConfiguration entries (the spec field wins):');
    expect(lines).toContain('    taskmanager.memory.process.size: 4g -> 2147483648  (spec.taskManager.resource.memory)');
    expect(lines).toContain('  Read differently by Flink (from flink-conf.yaml):');
    expect(lines).toContain("    metrics.reporter.prom.filter.includes = jobmanager:*#x: read as metrics.reporter.prom.filter.includes = jobmanager:*; the loader cuts the value at '#'");
    expect(lines).toContain('  Memory (Flink 1.20 rules):');
    expect(result.stdout).toMatch(/ {3}TaskManager:\n {4}Framework Heap +128 MiB +134217728 B/);
    expect(result.stdout).toMatch(/ {3}JobManager:\n {4}JVM Heap /);
    expect(lines).toContain('  Objects:');
    expect(lines).toContain("    JobManager: Deployment 'app', 1 replica");
    expect(lines).toContain('      image:         flink:1.20.1  (spec.image)');
    expect(lines).toContain('      resources:     requests memory=2048Mi cpu=1.0; limits memory=2048Mi cpu=1.0');
    expect(lines).toContain('    TaskManager: pods the JobManager starts');
    expect(lines).toContain('    Service app-rest: ClusterIP, ports rest 8081 -> 8081; selects type=flink-native-kubernetes app=app component=jobmanager');
    expect(lines).toContain('    ConfigMap flink-config-app');
    expect(result.stdout).toMatch(/^ {4}s3\.secret-key +\= \*{6} +\(spec\.flinkConfiguration\)$/m);
    expect(result.stdout).toMatch(/^ {4}parallelism\.default +\= 6 +\(spec\.taskManager\.replicas\)$/m);
    expect(result.stdout).not.toContain('wJalrXUtnFEMI');
    // The configuration comes last, after a count.
    const table = lines.indexOf(lines.find((line) => /^ {2}Configuration \(\d+ entries\):$/.test(line))!);
    expect(table).toBeGreaterThan(lines.indexOf('  Objects:'));
    expect(lines.indexOf('  Objects:')).toBeGreaterThan(lines.indexOf('  Memory (Flink 1.20 rules):'));
  });

  test('a session job with its cluster, a blue/green and other kinds in a folder', () => {
    const folder = path.join(dir, 'mixed');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'session.yaml'), [SESSION_CLUSTER, SESSION_JOB, ...JOB_RBAC].map((d) => YAML.stringify(d)).join('---\n'));
    fs.writeFileSync(path.join(folder, 'bluegreen.yaml'), YAML.stringify(BLUE_GREEN));
    const result = cli('explain', folder);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/bluegreen\.yaml: FlinkBlueGreenDeployment flink\/orders\n {2}cluster: +orders-blue \(FlinkDeployment\), Flink 1\.20/);
    expect(result.stdout).toContain("  note: the template, as the operator deploys it as 'orders-blue' ('orders-green' differs only in its name)");
    expect(result.stdout).toMatch(/session\.yaml: FlinkDeployment flink\/session\n/);
    expect(result.stdout).toContain('  parallelism:   none: a session cluster runs no job of its own');
    expect(result.stdout).toMatch(/session\.yaml: FlinkSessionJob flink\/job\n {2}cluster: +session \(FlinkDeployment\), Flink 1\.20/);
    expect(result.stdout).toContain('  submission:    JarRun: entry class (from the jar\'s manifest), args [], parallelism 2, with the configuration below');
    expect(result.stdout).toMatch(/^ {4}kubernetes\.cluster-id +\= session +\(cluster metadata\.name\)$/m);
    expect(result.stdout).not.toMatch(/ServiceAccount|RoleBinding/);
  });

  test('--json: the explanations as FlinkValidator.explain returns them, with their file; --operator-config', () => {
    const file = write('json.yaml', APP, SESSION_JOB);
    const result = cli('explain', '--json', '--operator-config', 'state.backend.type=rocksdb', file);
    expect(result.status).toBe(0);
    const explanations = JSON.parse(result.stdout);
    expect(explanations.map((e: any) => [e.file, e.kind, e.name, e.manifestIndex])).toEqual([[file, 'FlinkDeployment', 'app', 0], [file, 'FlinkSessionJob', 'job', 1]]);
    expect(explanations[0].parallelism).toEqual({ value: 6, source: 'spec.taskManager.replicas', ignoredJobParallelism: 4 });
    expect(explanations[0].configuration).toContainEqual({ key: 'state.backend.type', value: 'rocksdb', source: 'operator', sensitive: false });
    expect(explanations[0].configuration).toContainEqual({ key: 's3.secret-key', value: '******', source: 'spec.flinkConfiguration', sensitive: true });
    expect(explanations[0].taskManagerMemory.totalProcess).toBe(2147483648);
    expect(explanations[1].notes).toEqual([expect.stringContaining("FlinkDeployment 'session' is not among the manifests")]);
    expect(result.stdout).not.toContain('wJalrXUtnFEMI');
  });

  test('help, and wrong options: the usage, exit 2', () => {
    expect(cli('explain', '--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: cdk8s-flink explain [options] FILE|DIR...') });
    expect(cli('--help').stdout).toContain('  explain FILE|DIR...');
    const unknown = cli('explain', '--format', 'x', 'a.yaml');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^cdk8s-flink explain: unknown option '--format'\n\nUsage: /);
    expect(cli('explain').stderr).toMatch(/^cdk8s-flink explain: give at least one FILE or DIR/);
    expect(cli('explain', '--operator-config', 'novalue', 'a.yaml').stderr).toMatch(/--operator-config needs KEY=VALUE \(got 'novalue'\)/);
  });
});

describe('cdk8s-flink explain on hostile files: a message and exit 2, never a stack trace', () => {
  test('YAML that cannot be parsed: reported with its position; the other files are still explained', () => {
    const bad = write('bad.yaml', 'kind: FlinkDeployment\nmetadata: {name: [\n');
    const good = write('good.yaml', SESSION_CLUSTER);
    const result = cli('explain', bad, good);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: `, 'm'));
    expect(result.stdout).toContain(`${good}: FlinkDeployment flink/session`);
  });

  test('documents that are no objects, or no Flink resources: nothing to explain', () => {
    const file = write('scalars.yaml', '42\n', '- a\n- b\n', 'null\n', '"FlinkDeployment"\n', YAML.stringify(JOB_RBAC[0]));
    const result = cli('explain', file);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cdk8s-flink explain: no FlinkDeployment, FlinkBlueGreenDeployment or FlinkSessionJob found.\n');
  });

  test('a resource of the wrong shapes is still explained, with notes', () => {
    const file = write('shapes.yaml', { kind: 'FlinkDeployment', metadata: { name: 'x' }, spec: { flinkVersion: 120, flinkConfiguration: ['a'], taskManager: [] } },
      { kind: 'FlinkSessionJob', metadata: [], spec: { deploymentName: 5, job: 'x' } },
      { kind: 'FlinkBlueGreenDeployment', metadata: { name: 'bg' }, spec: { template: 'x' } });
    const result = cli('explain', file);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('FlinkDeployment x');
    expect(result.stdout).toContain('FlinkSessionJob <unnamed>');
    expect(result.stdout).toContain('  note: spec.deploymentName is not set: the operator has no cluster to submit the job to');
    expect(result.stdout).toContain('  note: spec.template.spec must hold the FlinkDeployment spec of the blue and green deployments');
  });

  test('a file over --max-file-size is skipped and reported', () => {
    const file = write('huge.yaml', patched(APPLICATION, { spec: { flinkConfiguration: { 'x.y': 'z'.repeat(200_000) } } }));
    const result = cli('explain', '--max-file-size', '100KiB', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is larger than the limit of 100 KiB per file: skipped');
  });

  test('control characters in names and values are printed as escapes', () => {
    const file = write('control.yaml', patched(APPLICATION, { metadata: { name: 'a\u001b[2Kb' }, spec: { flinkConfiguration: { 'x.y': 'one\ntwo: 2' } } }));
    const result = cli('explain', file);
    expect(result.stdout).toContain('FlinkDeployment flink/a\\x1b[2Kb');
    expect(result.stdout).toMatch(/^ {4}x\.y +\= one\\ntwo: 2 +\(spec\.flinkConfiguration\)$/m);
    expect(result.stdout).not.toContain('\u001b');
  });
});

test("the README's example is the output on the quick start's manifests, less the parts it marks as cut", () => {
  // The quick start, synthesized as `npx projen quick-start` does, into <tmp>/dist.
  const work = fs.mkdtempSync(path.join(dir, 'quick-start-'));
  const app = new App({ outdir: path.join(work, 'dist') });
  new QuickStartChart(app, 'quick-start');
  app.synth();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cdk8s-flink'), 'explain', 'dist/'], { cwd: work, encoding: 'utf8' });
  expect(result.status).toBe(0);
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## What will run: `cdk8s-flink explain`'));
  const example = /```text\n([\s\S]*?)```/.exec(section)![1].trimEnd().split('\n');
  // Every line the README shows is printed, in the same order; `[...]` lines stand for cut ones.
  const printed = result.stdout.trimEnd().split('\n');
  let at = 0;
  for (const line of example.filter((l) => !l.trim().startsWith('['))) {
    const found = printed.indexOf(line, at);
    expect({ line, found: found >= 0 }).toEqual({ line, found: true });
    at = found + 1;
  }
  expect(printed.length - example.length).toBeLessThan(40);
});
