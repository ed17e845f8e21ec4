/**
 * `cdk8s-flink explain-memory` on real files, through the real binary.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { APPLICATION, patched } from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..');

function explain(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cdk8s-flink'), 'explain-memory', ...args], { cwd: ROOT, encoding: 'utf8' });
}

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'explain-memory-command.js'))) {
    throw new Error('lib/ is missing or stale: compile first (npx projen compile).');
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-explain-'));
});

function write(name: string, manifest: any): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, YAML.stringify(manifest));
  return file;
}

describe('cdk8s-flink explain-memory', () => {
  test("the TaskManager of Flink's default 1728m process, as Flink's startup log shows it", () => {
    // Flink 2.0.0 TaskManager log for taskmanager.memory.process.size 1728m: task heap 402653174,
    // network 134217730, managed 536870920, -Xmx536870902 -XX:MaxDirectMemorySize=268435458.
    const file = write('default.yaml', patched(APPLICATION, { spec: { flinkVersion: 'v2_0', taskManager: { resource: { memory: '1728m' } } } }));
    const result = explain(file);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/FlinkDeployment flink\/app \(Flink 2\.0 rules\)/);
    expect(result.stdout).toMatch(/TaskManager: spec\.taskManager\.resource\.memory '1728m' -> taskmanager\.memory\.process\.size/);
    expect(result.stdout).toMatch(/Task Heap +\S+ MiB +402653174 B +\d+\.\d% +█+/);
    expect(result.stdout).toMatch(/Network +\S+ MiB +134217730 B/);
    expect(result.stdout).toMatch(/Managed +\S+ MiB +536870920 B/);
    expect(result.stdout).toMatch(/JVM flags: -Xmx536870902 -Xms536870902 -XX:MaxDirectMemorySize=268435458 -XX:MaxMetaspaceSize=268435456/);
    expect(result.stdout).toMatch(/JobManager: spec\.jobManager\.resource\.memory '2048m'/);
  });

  test.each([['v1_13', '1.13'], ['v1_14', '1.14'], ['v1_12', '1.13']])('a manifest of an older operator, flinkVersion %s, gets the Flink %s rules', (version, rules) => {
    // FlinkVersion has no constants for these versions (the operator 1.15 refuses them); the
    // memory model still reads them, with 1.13 as its floor.
    const result = explain(write(`${version}.yaml`, patched(APPLICATION, { spec: { flinkVersion: version } })));
    expect(result.stdout).toMatch(new RegExp(`FlinkDeployment flink/app \\(Flink ${rules.replace('.', '\\.')} rules\\)`));
    expect(result.stdout).toMatch(/TaskManager: spec\.taskManager\.resource\.memory/);
  });

  test('a process Flink would refuse: the reason, what to change, exit 1', () => {
    const file = write('small.yaml', patched(APPLICATION, { spec: { taskManager: { resource: { memory: '512m' } } } }));
    const result = explain(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/Flink would refuse to start/);
    expect(result.stdout).toMatch(/To fix: .*taskmanager\.memory\.process\.size/);
  });

  test('no FlinkDeployment, or a file it cannot read, exits 2', () => {
    expect(explain(write('none.yaml', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).status).toBe(2);
    expect(explain(path.join(dir, 'missing.yaml')).status).toBe(2);
    expect(explain().status).toBe(2);
    expect(explain('--help').status).toBe(0);
  });
});
