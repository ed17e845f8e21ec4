/**
 * The CLI on hostile input, as a security probe found it: link loops, a named pipe, a device,
 * a huge value, a forged summary in a name, unreadable folders, files that are not UTF-8, and
 * nesting that would overflow the YAML library. Every run ends in bounded time with exit 0, 1
 * or 2 and no stack trace.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { APPLICATION, JOB_RBAC, patched, SESSION_CLUSTER, SESSION_JOB } from './fixtures';
import { main } from '../../src/cli/main';
import * as validateModule from '../../src/cli/validate-command';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'cdk8s-flink');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** The real binary, killed after 10 s: a hang fails the test instead of blocking it. */
function cli(cwd: string, ...args: string[]): Run {
  const start = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 10_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - start };
}

function expectClean(run: Run): void {
  expect(run.ms).toBeLessThan(10_000);
  expect([0, 1, 2]).toContain(run.status);
  expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
}

/** The command in this process, with its output captured. */
function inProcess(...args: string[]): { status: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(['validate', ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out, err };
}

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    throw new Error('lib/cli/main.js is missing: compile first (npx projen compile).');
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-hostile-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function folder(name: string): string {
  const target = path.join(dir, name);
  fs.mkdirSync(target, { recursive: true });
  return target;
}

const yaml = (...documents: any[]) => documents.map((document) => YAML.stringify(document)).join('---\n');

describe('the probe inputs', () => {
  test('two links that point at each other: reported as a loop, not followed', () => {
    const probe = folder('two-links');
    fs.symlinkSync('b.yaml', path.join(probe, 'a.yaml'));
    fs.symlinkSync('a.yaml', path.join(probe, 'b.yaml'));
    fs.writeFileSync(path.join(probe, 'ok.yaml'), yaml(SESSION_CLUSTER, ...JOB_RBAC));
    const run = cli(probe, 'validate', '.');
    expectClean(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('a.yaml: too many levels of symbolic links (a symlink loop)');
    expect(run.stderr).toContain('b.yaml: too many levels of symbolic links (a symlink loop)');
    expect(run.stderr).toMatch(/^4 manifests checked: 0 errors, 0 warnings, 2 file problems\.$/m);
  });

  test('a link back to an ancestor folder: every file is read once, and nothing is missing', () => {
    const probe = folder('one-loop');
    fs.mkdirSync(path.join(probe, 'jobs'));
    fs.symlinkSync('..', path.join(probe, 'jobs', 'loop'));
    fs.writeFileSync(path.join(probe, 'jobs', 'job.yaml'), yaml(patched(SESSION_JOB, { spec: { job: { parallelism: 0 } } })));
    fs.writeFileSync(path.join(probe, 'cluster.yaml'), yaml(SESSION_CLUSTER, ...JOB_RBAC));
    const run = cli(probe, 'validate', '.', path.join(probe, 'jobs', 'job.yaml'));
    expectClean(run);
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^jobs\/job\.yaml:\d+:\d+: FlinkSessionJob\/job spec\.job\.parallelism: /);
    expect(run.stderr).toBe('5 manifests checked: 1 error, 0 warnings.\n');
  });

  test('a named pipe called x.yaml is skipped without opening it for a writer', () => {
    const probe = folder('fifo');
    execFileSync('mkfifo', [path.join(probe, 'x.yaml')]);
    const run = cli(probe, 'validate', '.', 'x.yaml');
    expectClean(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('x.yaml: is a named pipe (FIFO), not a regular file: skipped');
  });

  test('a link to /dev/zero called z.yaml is skipped, not read', () => {
    const probe = folder('device');
    fs.symlinkSync('/dev/zero', path.join(probe, 'z.yaml'));
    const run = cli(probe, 'validate', 'z.yaml');
    expectClean(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('z.yaml: is a character device, not a regular file: skipped');
  });

  test("a 200 kB manifest with excluded periods 'x' + spaces + 'x'", () => {
    const probe = folder('excluded-periods');
    const value = `x${' '.repeat(200_000)}x`;
    fs.writeFileSync(path.join(probe, 'big.yaml'), yaml(patched(APPLICATION, {
      spec: { flinkConfiguration: { 'job.autoscaler.enabled': 'true', 'job.autoscaler.excluded.periods': value } },
    }), ...JOB_RBAC));
    const run = cli(probe, 'validate', 'big.yaml');
    expectClean(run);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[autoscaler-excluded-periods\]/);
  });

  test('a session job whose name forges a summary and moves the cursor: escaped, and an error', () => {
    const probe = folder('injection');
    const name = 'x\n0 manifests checked: 0 errors, 0 warnings.\n\u001b[2K\u001b[1Ainjected';
    fs.writeFileSync(path.join(probe, 'job.yaml'), yaml(patched(SESSION_JOB, { metadata: { name } }), SESSION_CLUSTER, ...JOB_RBAC));
    const run = cli(probe, 'validate', 'job.yaml');
    expectClean(run);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toContain('\u001b');
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toContain('FlinkSessionJob/x\\n0 manifests checked: 0 errors, 0 warnings.\\n\\x1b[2K\\x1b[1Ainjected metadata.name: ');
    expect(run.stdout).toMatch(/\[resource-name\]$/m);
    expect(run.stderr).toBe('5 manifests checked: 1 error, 0 warnings.\n');
  });

  test('all of them together, in one folder', () => {
    const probe = folder('everything');
    fs.symlinkSync('b.yaml', path.join(probe, 'a.yaml'));
    fs.symlinkSync('a.yaml', path.join(probe, 'b.yaml'));
    fs.symlinkSync('.', path.join(probe, 'loop'));
    execFileSync('mkfifo', [path.join(probe, 'x.yaml')]);
    fs.symlinkSync('/dev/zero', path.join(probe, 'z.yaml'));
    fs.writeFileSync(path.join(probe, 'job.yaml'), yaml(patched(SESSION_JOB, { metadata: { name: 'x\n\u001b[2K' } }), SESSION_CLUSTER, ...JOB_RBAC));
    const run = cli(probe, 'validate', '.');
    expectClean(run);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.includes('loop') || line.includes('skipped'))).toHaveLength(4);
  });
});

describe('files and folders that cannot be read', () => {
  test('an unreadable subfolder is reported, the rest is checked, and the run exits 2', () => {
    const probe = folder('unreadable');
    fs.mkdirSync(path.join(probe, 'secret'));
    fs.writeFileSync(path.join(probe, 'secret', 'hidden.yaml'), yaml(SESSION_CLUSTER));
    fs.writeFileSync(path.join(probe, 'job.yaml'), yaml(patched(SESSION_JOB, { spec: { job: { parallelism: 0 } } }), SESSION_CLUSTER, ...JOB_RBAC));
    // As root, permissions do not stop reading a folder: then the file system is made to refuse it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodeFs: typeof fs = require('fs');
    const readdir = nodeFs.readdirSync;
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) {
      fs.chmodSync(path.join(probe, 'secret'), 0o000);
    }
    const spy = jest.spyOn(nodeFs, 'readdirSync').mockImplementation(((target: fs.PathLike, ...rest: any[]) => {
      if (asRoot && String(target).endsWith(`${path.sep}secret`)) {
        throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(target)}'`), { code: 'EACCES' });
      }
      return (readdir as any)(target, ...rest);
    }) as any);
    try {
      const run = inProcess(probe);
      expect(run.status).toBe(2);
      expect(run.err).toContain(`${path.join(probe, 'secret')}: cannot list the folder: permission denied`);
      expect(run.out).toEqual([expect.stringMatching(/job\.yaml:\d+:\d+: FlinkSessionJob\/job spec\.job\.parallelism: /)]);
      expect(run.err[run.err.length - 1]).toBe('5 manifests checked: 1 error, 0 warnings, 1 file problem.');
    } finally {
      spy.mockRestore();
      fs.chmodSync(path.join(probe, 'secret'), 0o755);
    }
  });

  test('an internal error prints one line, never a stack trace', () => {
    const spy = jest.spyOn(validateModule, 'validateCommand').mockImplementation(() => {
      throw new TypeError('x is not a function\n    at somewhere (file.js:1:2)');
    });
    try {
      const run = inProcess('x.yaml');
      expect(run.status).toBe(2);
      expect(run.err).toEqual(['cdk8s-flink: internal error: x is not a function (please report it)']);
    } finally {
      spy.mockRestore();
    }
  });

  test('a file over --max-file-size is skipped and reported; the limit can be raised', () => {
    const probe = folder('size');
    fs.writeFileSync(path.join(probe, 'big.yaml'), `${yaml(SESSION_CLUSTER, ...JOB_RBAC)}# ${'x'.repeat(2048)}\n`);
    const limited = cli(probe, 'validate', '--max-file-size', '1KiB', 'big.yaml');
    expectClean(limited);
    expect(limited.status).toBe(2);
    expect(limited.stderr).toContain('big.yaml: is larger than the limit of 1 KiB per file: skipped. Raise it with --max-file-size');
    expect(cli(probe, 'validate', '--max-file-size=1MiB', 'big.yaml').status).toBe(0);
    expect(cli(probe, 'validate', '--max-file-size', 'lots', 'big.yaml')).toMatchObject({ status: 2, stderr: expect.stringMatching(/--max-file-size needs a size/) });
  });

  test.each([
    ['UTF-16 little-endian with a byte order mark', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), /is UTF-16 \(little-endian\) text .*must be UTF-8.*iconv -f UTF-16 -t UTF-8/],
    ['UTF-16 big-endian with a byte order mark', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), /is UTF-16 \(big-endian\) text/],
    ['UTF-16 without a byte order mark', (text: string) => Buffer.from(text, 'utf16le'), /:1:2: contains NUL bytes: .*UTF-16\/UTF-32 text without a byte order mark/],
    ['Latin-1', (text: string) => Buffer.from(text.replace('flink\n', 'flink\n  annotations: {team: "Équipe"}\n'), 'latin1'), /:\d+:\d+: is not valid UTF-8 \(byte 0xc9\): it looks like Latin-1 .*iconv -f LATIN1 -t UTF-8/],
  ])('a file in %s is named as such', (_what, encode, message) => {
    const probe = folder(`encoding-${_what.replace(/\W+/g, '-')}`);
    fs.writeFileSync(path.join(probe, 'cluster.yaml'), encode(yaml(SESSION_CLUSTER)));
    const run = cli(probe, 'validate', 'cluster.yaml');
    expectClean(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\ufffd/);
  });

  test('UTF-8 with a byte order mark is read', () => {
    const probe = folder('utf8-bom');
    fs.writeFileSync(path.join(probe, 'cluster.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(yaml(SESSION_CLUSTER, ...JOB_RBAC))]));
    expect(cli(probe, 'validate', 'cluster.yaml')).toMatchObject({ status: 0, stderr: '4 manifests checked: 0 errors, 0 warnings.\n' });
  });

  test('a document nested 4,200 levels deep is refused; the other documents are still checked', () => {
    const probe = folder('deep');
    const deep = `apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: ${'['.repeat(4200)}${']'.repeat(4200)}\n`;
    fs.writeFileSync(path.join(probe, 'deep.yaml'), `${deep}---\n${yaml(patched(APPLICATION, { spec: { job: { parallelism: 0 } } }), ...JOB_RBAC)}`);
    const run = cli(probe, 'validate', 'deep.yaml');
    expectClean(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('deep.yaml:1:1: the document is nested more than 200 levels deep; it is not read');
    expect(run.stdout).toMatch(/^deep\.yaml:\d+:\d+: FlinkDeployment\/app spec\.job\.parallelism: .*\[job-parallelism\]$/m);
  });

  test('a document 150 levels deep is read, and the part past 100 levels is a finding', () => {
    const probe = folder('deep-150');
    const manifest = patched(APPLICATION, { spec: { flinkConfiguration: {} } });
    let nested: any = 'leaf';
    for (let i = 0; i < 150; i++) {
      nested = { a: nested };
    }
    manifest.spec.flinkConfiguration = nested;
    fs.writeFileSync(path.join(probe, 'deep.yaml'), yaml(manifest, ...JOB_RBAC));
    const run = cli(probe, 'validate', 'deep.yaml');
    expectClean(run);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/nested more than 100 levels deep.*\[manifest-shape\]/);
  });
});
