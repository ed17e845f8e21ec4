/**
 * The layout of src/ by responsibility, checked: dependencies point one way (constructs →
 * render → synth → api → props → validation → private), there are no import cycles between
 * files, and no file of ours is over 400 lines (generated imports excepted).
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '..', 'src');

function sourceFiles(dir: string = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'imports' ? [] : sourceFiles(full);
    }
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const FILES = sourceFiles();

/** The src files a file imports (relative imports, `import type` and `require` included). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|require\()\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]);
  return specifiers.map((specifier) => {
    const target = path.resolve(path.dirname(file), specifier);
    return [`${target}.ts`, path.join(target, 'index.ts')].find((candidate) => fs.existsSync(candidate)) ?? target;
  }).filter((target) => target.startsWith(SRC) && !target.includes(`${path.sep}imports${path.sep}`));
}

const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));
const rel = (file: string) => path.relative(SRC, file);

/**
 * Files at the root of src/ that import nothing of ours but other leaves (as finding.ts imports the
 * generated validation-rule.ts): value types any layer may use.
 */
const LEAVES = new Set<string>();
for (let grown = true; grown;) {
  const next = FILES.filter((file) => path.dirname(file) === SRC && !LEAVES.has(file) && GRAPH.get(file)!.every((target) => LEAVES.has(target)));
  next.forEach((file) => LEAVES.add(file));
  grown = next.length > 0;
}

/**
 * The layers. At the root of src/, `constructs` are the files of construct classes; `api` the
 * other public files (props, value classes, enums, FlinkValidator).
 */
type Layer = 'private' | 'validation' | 'props' | 'api' | 'synth' | 'render' | 'constructs' | 'cli';
/** Root files that work on constructs without defining one: the barrel, and ArgoCdSyncWaves, which annotates a chart's objects. */
const CONSTRUCT_SIDE = new Set(['index.ts', 'argo-cd.ts']);
const CONSTRUCT_CLASS = /^export (abstract )?class \w+ extends (Construct|ApiObject|Flink\w*Base)\b/m;
function layerOf(file: string): Layer {
  const first = rel(file).split(path.sep)[0];
  const layer = (['private', 'validation', 'props', 'synth', 'render', 'cli'] as const).find((name) => name === first);
  if (layer !== undefined) {
    return layer;
  }
  return CONSTRUCT_SIDE.has(rel(file)) || CONSTRUCT_CLASS.test(fs.readFileSync(file, 'utf8')) ? 'constructs' : 'api';
}

/** What each layer may import, besides itself and the leaves. */
const ALLOWED: { [layer in Layer]: Layer[] } = {
  private: [],
  validation: ['private'],
  props: ['validation', 'private'],
  api: ['props', 'validation', 'private'],
  synth: ['api', 'props', 'validation', 'private'],
  render: ['synth', 'api', 'props', 'validation', 'private'],
  constructs: ['render', 'synth', 'api', 'props', 'validation', 'private'],
  cli: ['api', 'validation', 'private'],
};

describe('src/ layout', () => {
  test('there are files to check', () => {
    expect(FILES.length).toBeGreaterThan(50);
  });

  test('dependencies point one way: constructs → render → synth → api → props → validation → private', () => {
    const violations = FILES.flatMap((file) => GRAPH.get(file)!
      .filter((target) => !LEAVES.has(target) && layerOf(target) !== layerOf(file) && !ALLOWED[layerOf(file)].includes(layerOf(target)))
      .map((target) => `${rel(file)} (${layerOf(file)}) imports ${rel(target)} (${layerOf(target)})`));
    expect(violations).toEqual([]);
  });

  test('no import cycles between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const target of GRAPH.get(file) ?? []) {
        if (state.get(target) === 'visiting') {
          cycles.push([...stack.slice(stack.indexOf(target)), target].map(rel).join(' → '));
        } else if (state.get(target) === undefined && GRAPH.has(target)) {
          visit(target);
        }
      }
      stack.pop();
      state.set(file, 'done');
    };
    FILES.forEach((file) => state.get(file) === undefined && visit(file));
    expect(cycles).toEqual([]);
  });

  test('no file is over 400 lines', () => {
    const long = FILES.map((file) => [rel(file), fs.readFileSync(file, 'utf8').split('\n').length] as const).filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });

  test('public constructs are flat: at the root of src/, one per file', () => {
    const nested = FILES.filter((file) => path.dirname(file) !== SRC && layerOf(file) !== 'render' && CONSTRUCT_CLASS.test(fs.readFileSync(file, 'utf8')));
    expect(nested.map(rel)).toEqual([]);
    const several = FILES.filter((file) => path.dirname(file) === SRC && (fs.readFileSync(file, 'utf8').match(new RegExp(CONSTRUCT_CLASS.source, 'gm')) ?? []).length > 1);
    expect(several.map(rel)).toEqual([]);
  });
});
