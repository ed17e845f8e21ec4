#!/usr/bin/env node
/**
 * Bundles the compiled library (the last step of `npx projen compile`, after jsii): loading it
 * then reads a few files instead of resolving a hundred modules, each of them a file to find,
 * read and compile.
 *
 * Every module of lib/ goes into exactly one of four files:
 *
 * - lib/index.js, what `require('cdk8s-flink')` loads: the modules the API loads up front;
 * - lib/cli/main.js, the `cdk8s-flink` command (bin/cdk8s-flink): the command's own modules;
 * - lib/chunks/shared.js: the modules that the API loads up front and that the command, or the
 *   modules loaded on first use, need too (the option registry, findings, the Flink version...),
 *   so that the command does not load cdk8s and the API;
 * - lib/chunks/on-first-use.js: the modules that the API loads on first use, with
 *   `onFirstUse(() => require(...))` (src/private/on-first-use.ts): the validation engine, the
 *   memory model, the Quartz parser, the Gateway and Prometheus types. Importing the library does
 *   not even parse them.
 *
 * A file takes the modules of another from that file's registry, a function under a private
 * symbol on its exports, so that each module runs once per process, whichever file asks first.
 * cdk8s, cdk8s-plus-28 and constructs (peer dependencies), yaml and node-sarif-builder (bundled
 * dependencies) stay outside. The package ships these four files and the public declarations
 * (.projenrc.ts); the per-module files stay in lib/, for debugging and for the tests that check
 * they were compiled. Each file has a source map next to it, back to src/, which stays out of
 * the package too.
 *
 * jsii writes every file of lib/ on each compile, so the two entry points are tsc's output when
 * this script starts after a compile. It keeps them as `<entry>.unbundled.js` and bundles from
 * those, so that running it twice bundles the same input again instead of bundling a bundle.
 */
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const ROOT = path.resolve(__dirname, '..');
const LIB = path.join(ROOT, 'lib');
/** The first line of a bundle: how this script tells a bundle from tsc's output. */
const MARKER = '// Bundled by scripts/bundle.js';
const BANNER = `${MARKER} from the modules that tsc compiled into lib/; the source map leads back to src/.`;
const EXTERNAL = ['cdk8s', 'cdk8s-plus-28', 'constructs', 'yaml', 'node-sarif-builder'];
const REGISTRY = 'Symbol.for("cdk8s-flink/modules")';
/** How tsc writes `onFirstUse(() => require('./engine'))` (see src/private/on-first-use.ts). */
const LAZY_REQUIRE = /\bonFirstUse\)\(\(\) => require\((['"])([^'"]+)\1\)\)/g;

const FILES = {
  api: path.join(LIB, 'index.js'),
  cli: path.join(LIB, 'cli', 'main.js'),
  shared: path.join(LIB, 'chunks', 'shared.js'),
  onFirstUse: path.join(LIB, 'chunks', 'on-first-use.js'),
};

const relative = (file) => path.relative(ROOT, file).split(path.sep).join('/');
/** A `require` of `file`, written in a bundle at `bundle`. */
const requireFrom = (bundle, file) => `require(${JSON.stringify(`./${path.relative(path.dirname(bundle), file).split(path.sep).join('/')}`)})`;

function fail(message) {
  console.error(`bundle: ${message}`);
  process.exit(1);
}

/** tsc's output of an entry point, kept aside the first time (see the header). */
function compiledEntry(entry) {
  if (!fs.existsSync(entry)) {
    fail(`${relative(entry)} is missing: compile first (npx projen compile).`);
  }
  const kept = entry.replace(/\.js$/, '.unbundled.js');
  const text = fs.readFileSync(entry, 'utf8');
  if (!text.startsWith(MARKER)) {
    const ownMap = `${path.basename(kept)}.map`;
    fs.writeFileSync(kept, text.replace(/\/\/# sourceMappingURL=\S+\s*$/, `//# sourceMappingURL=${ownMap}\n`));
    if (fs.existsSync(`${entry}.map`)) {
      fs.copyFileSync(`${entry}.map`, path.join(path.dirname(kept), ownMap));
    }
  } else if (!fs.existsSync(kept)) {
    fail(`${relative(entry)} is a bundle already, and tsc's output is gone: compile again (npx projen compile).`);
  }
  return kept;
}

/** The modules loaded on first use: each `onFirstUse(() => require(...))` of lib/, by importer and specifier. */
function lazyRequires() {
  const lazy = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.name.endsWith('.js') && !entry.name.endsWith('.unbundled.js')) {
        const text = fs.readFileSync(file, 'utf8');
        if (text.startsWith(MARKER)) {
          continue;
        }
        const found = [...text.matchAll(LAZY_REQUIRE)];
        if (found.length !== (text.match(/\bonFirstUse\)\(/g) ?? []).length) {
          fail(`${relative(file)} calls onFirstUse in a way this script cannot read: pass it \`() => require('<relative path>')\`.`);
        }
        for (const [, , specifier] of found) {
          lazy.set(`${file}\0${specifier}`, require.resolve(path.resolve(dir, specifier)));
        }
      }
    }
  };
  walk(LIB);
  return lazy;
}

function options(extra) {
  return {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: EXTERNAL,
    metafile: true,
    logLevel: 'error',
    ...extra,
  };
}

/**
 * esbuild turns `class X { ... X ... }` into `var X = class _X { ... _X ... }`, and the class
 * would be named `_X`. A static block gives it back its own name before anything else in the
 * class runs, as esbuild's `keepNames` does; `keepNames` would also wrap every function, and the
 * closures made at each call cost time at synth. On the line of the class head, after it, so
 * that the source map stays right.
 */
function ownClassNames(text) {
  return text.replace(/^( *)var (\w+) = class (\w+)((?: extends [^\n{]+)?) \{$/gm, (head, indent, name, inner) => (inner === name ? head
    : `${head} static { Object.defineProperty(this, "name", { value: ${JSON.stringify(name)}, configurable: true }); }`));
}

/**
 * Every module of lib/index.js, lib/chunks/shared.js and lib/cli/main.js runs as soon as its file
 * loads. esbuild writes each module as a method (`"lib/x.js"(exports) {...}`), which V8 compiles
 * lazily: it pre-parses the body with the file, then parses it again when the module runs. Written
 * as a function expression in parentheses, the body is compiled once, with the file (V8's
 * heuristic for functions that run at once). lib/chunks/on-first-use.js stays lazy: it holds
 * modules that a given app may never run.
 */
function compiledAtOnce(text, modules) {
  let heads = 0;
  let tails = 0;
  const eager = text
    .replace(/^(var require_\w+ = __commonJS\(\{\n {2}"[^"\n]+")\(([\w, ]*)\) \{$/gm, (line, head, parameters) => {
      heads++;
      return `${head}: (function(${parameters}) {`;
    })
    .replace(/^ {2}\}\n\}\);$/gm, () => {
      tails++;
      return '  })\n});';
    });
  if (heads !== modules || tails !== modules) {
    fail(`found ${heads} module heads and ${tails} module ends for ${modules} modules in esbuild's output: update compiledAtOnce.`);
  }
  return eager;
}

/** The files a build took in. */
const inputsOf = (result) => new Set(Object.keys(result.metafile.inputs).filter((input) => !input.includes(':')).map((input) => path.join(ROOT, input)));

/** The modules that `entries` load; with `lazy`, not through those `onFirstUse` requires. */
async function closure(entries, lazy) {
  const stopAtLazy = {
    name: 'stop-at-lazy',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => (lazy?.has(`${args.importer}\0${args.path}`) ? { path: args.path, external: true } : undefined));
    },
  };
  return inputsOf(await esbuild.build(options({ entryPoints: entries, outdir: path.join(ROOT, 'lib', '.closure'), write: false, plugins: [stopAtLazy] })));
}

/**
 * The code that makes `entry`'s exports the bundle's. tsc's `export * from` makes every export of
 * lib/index.js a getter that reads the module's own exports, a function call for each use of
 * `flink.JobJar` or `JobJar` in an app; with `plain`, the bundle's exports are the same names with
 * the same values, read-only as before, but as values. A module's exports never change once it
 * has loaded (src/ has no `export let`).
 */
function exportsOf(entry, plain) {
  if (!plain) {
    return `module.exports = require(${JSON.stringify(entry)});`;
  }
  return [
    `const compiled = require(${JSON.stringify(entry)});`,
    'module.exports = Object.defineProperty({}, "__esModule", { value: true });',
    'for (const name of Object.keys(compiled)) {',
    '  Object.defineProperty(module.exports, name, { value: compiled[name], enumerable: true });',
    '}',
  ].join('\n');
}

/**
 * Bundles the modules `owner` assigns to `file`; a module of another file is a `require` of
 * that file's registry. The bundle's exports are `entry`'s, when it has one.
 */
async function bundle(file, entry, owner, { runsOnLoad, plainExports = false }) {
  const owned = [...owner.keys()].filter((module) => owner.get(module) === file).sort();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const elsewhere = {
    name: 'elsewhere',
    setup(build) {
      build.onResolve({ filter: /^bundle-entry$/ }, () => ({ path: 'bundle-entry', namespace: 'bundle-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'bundle-entry' }, () => ({
        resolveDir: path.dirname(file),
        loader: 'js',
        contents: [
          entry === undefined ? '' : exportsOf(entry, plainExports),
          `const modules = {${owned.map((module) => `\n  ${JSON.stringify(relative(module))}: () => require(${JSON.stringify(module)}),`).join('')}\n};`,
          `Object.defineProperty(module.exports, ${REGISTRY}, { value: (id) => modules[id]() });`,
        ].join('\n'),
      }));
      build.onResolve({ filter: /^\./, namespace: 'elsewhere' }, (args) => ({ path: args.path, external: true }));
      build.onResolve({ filter: /^[./]/, namespace: 'file' }, (args) => {
        const module = require.resolve(path.resolve(args.resolveDir, args.path));
        const home = owner.get(module);
        if (home === undefined) {
          fail(`${relative(module)}, which ${relative(args.importer)} loads, belongs to no bundle.`);
        }
        return home === file ? undefined : { path: relative(module), namespace: 'elsewhere', pluginData: home };
      });
      build.onLoad({ filter: /.*/, namespace: 'elsewhere' }, (args) => ({
        loader: 'js',
        contents: `module.exports = ${requireFrom(file, args.pluginData)}[${REGISTRY}](${JSON.stringify(args.path)});`,
      }));
    },
  };
  const result = await esbuild.build(options({
    entryPoints: ['bundle-entry'],
    outfile: file,
    plugins: [elsewhere],
    sourcemap: true,
    banner: { js: BANNER },
    write: false,
  }));
  // The modules of this file and the stand-ins of the modules it takes from other files.
  const modules = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('bundle-entry:')).length;
  for (const output of result.outputFiles) {
    if (output.path.endsWith('.js')) {
      const text = ownClassNames(runsOnLoad ? compiledAtOnce(output.text, modules) : output.text);
      new vm.Script(text, { filename: output.path }); // still JavaScript
      fs.writeFileSync(output.path, text);
    } else {
      fs.writeFileSync(output.path, output.contents);
    }
  }
  const inputs = [...inputsOf(result)];
  if (inputs.length !== owned.length || inputs.some((module) => owner.get(module) !== file)) {
    fail(`${relative(file)} took in other modules than its own.`);
  }
  for (const module of owned) {
    // A module that finds files next to itself must stay in its folder.
    if (path.dirname(module) !== path.dirname(file) && /\b__(dirname|filename)\b/.test(fs.readFileSync(module, 'utf8'))) {
      fail(`${relative(module)} reads __dirname or __filename, which would name ${relative(path.dirname(file))}/ once bundled into ${relative(file)}.`);
    }
  }
  console.log(`bundle: ${relative(file)}: ${owned.length} modules, ${(fs.statSync(file).size / 1000).toFixed(0)} kB`);
}

async function main() {
  const apiEntry = compiledEntry(FILES.api);
  const cliEntry = compiledEntry(FILES.cli);
  const lazy = lazyRequires();

  const api = await closure([apiEntry], lazy);
  const onFirstUse = await closure([...new Set(lazy.values())]);
  const cli = await closure([cliEntry]);
  const owner = new Map();
  for (const module of new Set([...api, ...onFirstUse, ...cli])) {
    if (api.has(module)) {
      owner.set(module, cli.has(module) || onFirstUse.has(module) ? FILES.shared : FILES.api);
    } else {
      owner.set(module, onFirstUse.has(module) ? FILES.onFirstUse : FILES.cli);
    }
  }
  await bundle(FILES.api, apiEntry, owner, { runsOnLoad: true, plainExports: true });
  await bundle(FILES.shared, undefined, owner, { runsOnLoad: true });
  await bundle(FILES.onFirstUse, undefined, owner, { runsOnLoad: false });
  await bundle(FILES.cli, cliEntry, owner, { runsOnLoad: true });
}

main().catch((error) => fail(error.stack ?? String(error)));
