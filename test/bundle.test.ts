/**
 * The bundles that `npx projen compile` writes (scripts/bundle.js) are the library: they export
 * what src/ exports, synthesize every example exactly as src/ does, load the modules that the API
 * loads on first use only on first use, and hold each module once.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const API = path.join(ROOT, 'lib', 'index.js');
const CLI = path.join(ROOT, 'lib', 'cli', 'main.js');
const SHARED = path.join(ROOT, 'lib', 'chunks', 'shared.js');
const ON_FIRST_USE = path.join(ROOT, 'lib', 'chunks', 'on-first-use.js');
const BUNDLES = [API, CLI, SHARED, ON_FIRST_USE];
const BANNER = '// Bundled by scripts/bundle.js';

beforeAll(() => {
  for (const file of BUNDLES) {
    if (!fs.existsSync(file) || !fs.readFileSync(file, 'utf8').startsWith(BANNER)) {
      throw new Error(`${path.relative(ROOT, file)} is missing or not a bundle: compile first (npx projen compile).`);
    }
  }
});

/** A module's exports and the names of the classes and functions among them. */
function surface(exports: { [name: string]: unknown }): { [name: string]: string } {
  return Object.fromEntries(Object.keys(exports).sort().map((key) => {
    const value = exports[key];
    return [key, typeof value === 'function' ? `${typeof value} ${value.name}` : typeof value];
  }));
}

/** The YAML of every chart class an example exports, synthesized with `library` as '../../src'. */
function examples(library: 'src' | 'bundle'): { [chart: string]: string } {
  const out: { [chart: string]: string } = {};
  const dirs = fs.readdirSync(path.join(ROOT, 'examples')).filter((name) => fs.existsSync(path.join(ROOT, 'examples', name, 'main.ts'))).sort();
  jest.isolateModules(() => {
    if (library === 'bundle') {
      jest.doMock(path.join(ROOT, 'src', 'index.ts'), () => jest.requireActual(API));
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { App, Chart } = require('cdk8s');
    for (const dir of dirs) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const example = require(path.join(ROOT, 'examples', dir, 'main.ts'));
      for (const [name, chart] of Object.entries(example)) {
        if (typeof chart === 'function' && Chart.prototype.isPrototypeOf(chart.prototype)) {
          const app = new App();
          app.node.setContext('cdk8s-flink:print-warnings', false);
          new (chart as any)(app, dir);
          out[`${dir}/${name}`] = app.synthYaml();
        }
      }
    }
  });
  return out;
}

describe('the bundled library (lib/index.js)', () => {
  test('exports what src/index.ts exports, under the same names', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = surface(jest.requireActual(API));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const source = surface(require('../src'));
    expect(Object.keys(bundled).length).toBeGreaterThan(40);
    expect(bundled).toEqual(source);
  });

  test('exports values, not getters, read-only as tsc\'s getters are', () => {
    const api = jest.requireActual(API);
    const kinds = new Set(Object.keys(api).map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(api, name)!;
      return `${'value' in descriptor ? 'value' : 'getter'} writable=${descriptor.writable} configurable=${descriptor.configurable}`;
    }));
    expect([...kinds]).toEqual(['value writable=false configurable=false']);
    expect(api.__esModule).toBe(true);
  });

  test('synthesizes every example exactly as src/ does', () => {
    const fromSource = examples('src');
    const fromBundle = examples('bundle');
    expect(Object.keys(fromSource).length).toBeGreaterThanOrEqual(15);
    expect(fromBundle).toEqual(fromSource);
  }, 120_000);

  // Constructing a cluster checks its memory sizes with Flink's memory model, which lives in the chunk.
  test('loads lib/chunks/on-first-use.js on first use only: when a cluster checks its memory sizes', () => {
    const script = [
      'const path = require("path");',
      `const flink = require(${JSON.stringify(API)});`,
      `const { App, Chart, Size } = require(${JSON.stringify(require.resolve('cdk8s'))});`,
      `const loaded = () => Object.keys(require.cache).filter((file) => file.startsWith(${JSON.stringify(path.join(ROOT, 'lib'))})).map((file) => path.relative(${JSON.stringify(ROOT)}, file));`,
      'const before = loaded();',
      'const app = new App();',
      "const cluster = new flink.FlinkSessionCluster(new Chart(app, 'c', { namespace: 'flink' }), 'S', { flinkVersion: flink.FlinkVersion.V1_20, jobManager: { memory: Size.mebibytes(2048) }, taskManager: { memory: Size.mebibytes(2048), slots: 1 } });",
      "cluster.addJob('J', { jar: flink.JobJar.fromUri('https://repo.example.com/job.jar'), upgradeMode: flink.UpgradeMode.STATELESS });",
      'const constructed = loaded();',
      'app.synthYaml();',
      // A finding of the engine (loaded on first use), in the API's types.
      "const findings = flink.FlinkValidator.validate([{ apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkSessionJob', metadata: { name: 'j' }, spec: { deploymentName: 'd', job: { jarURI: 'local:///j.jar', parallelism: 0 } } }]);",
      'process.stdout.write(JSON.stringify({ before, constructed, after: loaded(), errors: flink.FlinkValidator.hasErrors(findings) }));',
    ].join('\n');
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
    expect(result).toEqual({
      before: ['lib/index.js', 'lib/chunks/shared.js'],
      constructed: ['lib/index.js', 'lib/chunks/shared.js', 'lib/chunks/on-first-use.js'],
      after: ['lib/index.js', 'lib/chunks/shared.js', 'lib/chunks/on-first-use.js'],
      errors: true,
    });
  });

  test('the command loads neither cdk8s nor the API', () => {
    const script = `require(${JSON.stringify(CLI)}); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((file) => /cdk8s|constructs/.test(file.slice(${ROOT.length})) || file === ${JSON.stringify(API)})));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }))).toEqual([]);
  });

  test('hold each module once, and every module tsc compiled (the entry points as tsc wrote them)', () => {
    const modules = BUNDLES.map((file) => [...fs.readFileSync(file, 'utf8').matchAll(/__commonJS\(\{\n?\s*"(lib\/[^"]+)"/g)].map((match) => match[1]));
    const all = modules.flat();
    expect(modules[0]).toContain('lib/session-cluster.js');
    expect(modules[3]).toContain('lib/validation/engine.js');
    expect(all.length).toBe(new Set(all).size);
    // What tsc compiles: a module of lib/ for each file of src/ (a stale file of an earlier compile
    // left in lib/ is none of them), the entry points as tsc wrote them.
    const compiled: string[] = [];
    const walk = (dir: string): void => fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const output = path.join(ROOT, 'lib', path.relative(path.join(ROOT, 'src'), file)).replace(/\.ts$/, '.js');
        compiled.push(path.relative(ROOT, BUNDLES.includes(output) ? output.replace(/\.js$/, '.unbundled.js') : output));
      }
    });
    walk(path.join(ROOT, 'src'));
    expect(all.sort()).toEqual(compiled.sort());
  });
});
