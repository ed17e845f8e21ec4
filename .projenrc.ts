import { cdk8s, javascript, JsonFile } from 'projen';

/**
 * The cdk8s-flink project definition.
 *
 * Everything projen generates (package.json, tsconfig*.json, .projen/, .gitignore,
 * .npmignore, .eslintrc.json) comes from this file: edit here, then run `npx projen`.
 */
const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-flink',
  description: 'Typed cdk8s constructs for the Apache Flink Kubernetes Operator: session clusters, session jobs, applications, Web UI Ingress and job RBAC, checked at synth time.',
  author: 'cdk8s-flink maintainers',
  authorAddress: 'maintainers@cdk8s-flink.dev',
  repositoryUrl: 'https://github.com/cdk8s-flink/cdk8s-flink.git',
  keywords: ['cdk8s', 'flink', 'apache-flink', 'kubernetes', 'flink-kubernetes-operator', 'constructs'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  license: 'Apache-2.0',

  // cdk8s 2.x with constructs 10.x (the scaffold's default would be cdk8s 1.x).
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.4.2',
  peerDeps: ['cdk8s-plus-28@^2.5.6'],

  // jsii 6.0 compiles with TypeScript 6.0; ts-jest 29 and typescript-eslint 8 accept
  // TypeScript < 6.1 and < 7. An unpinned TypeScript would float past what they support.
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.3',
  // Node 22 is the oldest maintained LTS: Node 20 reached end of life, jsii no longer supports
  // it (it prints an end-of-life banner on every compile), and kubernetes-models 5 needs 22.
  minNodeVersion: '22.0.0',

  // The CLI reads YAML and writes SARIF; jsii packages must bundle their non-jsii dependencies.
  bundledDeps: ['yaml@^2.8.0', 'node-sarif-builder@^5.0.0'],
  devDeps: [
    'cdk8s-cli@^2.207.0',
    // Bundles lib/index.js and lib/cli/main.js after the compile (scripts/bundle.js).
    'esbuild@^0.28.2',
    'ajv@^8.17.1',
    // The SARIF output is checked against the SARIF 2.1.0 JSON schema that @microsoft/jest-sarif
    // ships (a draft-04 schema, which ajv reads through ajv-draft-04).
    '@microsoft/jest-sarif@1.0.0-beta.0',
    'ajv-draft-04@^1.0.0',
    'ajv-formats@^3.0.1',
    '@types/sarif@^2.1.7',
    'fast-check@^4.3.0',
    'kubernetes-models@^5.1.0',
    // The PodMonitor types are generated from this exact release (imports/sources.json pins it).
    '@kubernetes-models/prometheus-operator@6.0.0',
    // The Gateway API HTTPRoute schema (v1.0.0 CRDs, as JSON schema) that src/imports is
    // generated from and that tests check HTTPRoutes against; pinned exactly, with its
    // SHA-256 in imports/sources.json (see imports/README.md).
    '@kubernetes-models/gateway-api@0.5.1',
  ],

  bin: { 'cdk8s-flink': 'bin/cdk8s-flink' },

  // No hosted CI or release pipeline: `.ci/run` is the build gate.
  github: false,
  release: false,

  jestOptions: {
    // Snapshots never update themselves, and a run that finds no tests fails.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      coveragePathIgnorePatterns: ['/node_modules/', '/src/imports/'],
      testPathIgnorePatterns: ['/node_modules/', '/examples/.*/dist/'],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'conformance', 'examples', 'imports', 'scripts', 'bench'],
    ignorePatterns: ['src/imports/**', 'examples/*/dist/**', 'examples/*/imports/**', 'bench/typecheck/**'],
  },
  gitignore: ['examples/*/dist/', 'cdk8s.out/', 'test/.readme-snippets-*/', 'bench/.smoke-results.md'],
});

// The package's version: the README's snippets name it, and a test keeps the two in step.
project.package.addVersion('0.1.0');

// npm asks for a decision on every dependency with install scripts. @parcel/watcher (jest's
// optional file watcher, for --watch) compiles a native addon we never use: denied. esbuild's
// only checks its binary and copies it over its launcher; its JavaScript API, which
// scripts/bundle.js uses, finds the binary in its platform package without it: denied.
project.package.addField('allowScripts', { '@parcel/watcher': false, 'esbuild': false });

// No import cycles between files (test/architecture.test.ts also checks the layering).
project.eslint?.addRules({ 'import/no-cycle': ['error', { ignoreExternal: true }] });

// Type-aware linting needs every linted folder in a TypeScript project. Each dev folder
// gets a small tsconfig that extends the library's settings; ts-node picks up the same file
// when an example runs under the cdk8s CLI.
for (const dir of ['examples', 'imports', 'scripts', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..' },
      include: ['**/*.ts'],
      exclude: ['node_modules', '*/dist', 'typecheck'],
    },
  });
}

// `npx projen import` regenerates the CRD types under src/imports from the operator's CRDs
// (found or downloaded as imports/operator-files.ts describes, every file digest-checked).
project.addTask('import', {
  description: 'Regenerate src/imports from the Flink Kubernetes Operator CRDs (see imports/README.md)',
  exec: 'ts-node --project imports/tsconfig.json imports/generate.ts',
});

// `npx projen import:prometheus-operator` regenerates the PodMonitor types in src/imports from the
// pinned @kubernetes-models/prometheus-operator release (imports/prometheus-operator.ts).
project.addTask('import:prometheus-operator', {
  description: 'Regenerate src/imports/monitoring.coreos.com.ts from the pinned Prometheus Operator models (see imports/README.md)',
  exec: 'ts-node --project imports/tsconfig.json imports/prometheus-operator.ts',
});

// docs/configuration-keys.md is rendered from the option registry (src/private/options/registry.ts).
project.addTask('docs:configuration-keys', {
  description: 'Render the key table of docs/configuration-keys.md',
  exec: 'ts-node --project scripts/tsconfig.json scripts/render-configuration-keys.ts',
});

// Each rule's id, severity, stage and summary are written once, in src/validation/rule-catalog.ts.
// `npx projen rules` generates the rest from it (scripts/render-rules.ts): the public ValidationRule
// enum, the table of rules and each section's severity line in docs/validation-rules.md, and the
// rules' help in the CLI's SARIF output (src/cli/rule-help.ts, with the docs' descriptions);
// test/validation/rule-catalog.test.ts fails when one is stale. It runs without type checks, so that
// it can write a file the sources import even when that file is missing; the build checks the types.
project.addTask('rules', {
  description: 'Generate the ValidationRule enum, the rule table and severity lines of docs/validation-rules.md and src/cli/rule-help.ts from src/validation/rule-catalog.ts',
  exec: 'ts-node --transpile-only --project scripts/tsconfig.json scripts/render-rules.ts',
});
project.annotateGenerated('/src/validation-rule.ts');
project.annotateGenerated('/src/cli/rule-help.ts');

// The README's quick start: synthesize the seed scenario with the real cdk8s CLI.
project.addTask('quick-start', {
  description: 'Synthesize examples/quick-start to examples/quick-start/dist with the cdk8s CLI',
  steps: [{ exec: 'cdk8s synth --no-check-upgrade', cwd: 'examples/quick-start' }],
});

// ts-jest compiles the tests without type checks (isolated modules): the test task type-checks
// the tests and the conformance suite first, so that a test calling an API that no longer exists
// fails instead of passing for the wrong reason.
const testTypes = project.addTask('test:types', {
  description: 'Type-check the unit tests and the conformance suite',
  steps: [
    { exec: 'tsc --noEmit -p test/tsconfig.json' },
    { exec: 'tsc --noEmit -p conformance/tsconfig.json' },
  ],
});
project.testTask.prependSpawn(testTypes);

// Every example must synthesize with the cdk8s CLI; the build runs them after the tests.
const examples = project.addTask('examples', {
  description: 'Synthesize every example with the cdk8s CLI',
  exec: 'node scripts/synth-examples.js',
});
project.testTask.spawn(examples);

// Snapshots are never updated by a task: drop projen's test:update.
project.tasks.removeTask('test:update');

// The conformance suite (conformance/): every check against the Flink Kubernetes Operator's own
// files (CRD drift, example parity, the validator and the CLI on every upstream example). It
// needs those files, which are never committed: see imports/operator-files.ts for where it
// looks and how it downloads them. It fails, never skips, when they cannot be had.
// Compiled like test/ (ts-jest with isolated modules).
new JsonFile(project, 'conformance/tsconfig.json', {
  obj: {
    extends: '../tsconfig.json',
    compilerOptions: { noEmit: true, rootDir: '..', stripInternal: true, isolatedModules: true },
    include: ['**/*.ts'],
    exclude: ['node_modules'],
  },
});
new JsonFile(project, 'conformance/jest.config.json', {
  obj: {
    rootDir: '..',
    testMatch: ['<rootDir>/conformance/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/'],
    globalSetup: '<rootDir>/conformance/global-setup.ts',
    testTimeout: 120_000,
    transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'conformance/tsconfig.json' }] },
  },
});
project.addTask('conformance', {
  description: 'Check the library against the Flink Kubernetes Operator files of the pinned release (see CONTRIBUTING.md)',
  steps: [{ spawn: 'compile' }, { exec: 'jest --ci --config conformance/jest.config.json' }],
});

// The packed tarball installs into a new cdk8s app, offline from the npm cache, and
// synthesizes the quick start there with the cdk8s CLI: the last step of `package`, and so of
// the build.
const packageCheck = project.addTask('package:check', {
  description: 'Install the packed tarball into a new cdk8s app (offline) and synthesize the quick start',
  exec: 'node scripts/check-installed-package.js',
});
project.packageTask.spawn(packageCheck);

// Benchmarks (bench/): `npx projen bench` measures every figure against its baseline and writes
// bench/RESULTS.md. The build runs one quick iteration, so that the harness keeps working; its
// ratios are not checked there.
const benchCommand = 'ts-node --project bench/tsconfig.json bench/run.ts';
project.addTask('bench', {
  description: 'Run the benchmarks (at least 5 runs) and write bench/RESULTS.md',
  steps: [{ spawn: 'compile' }, { exec: benchCommand }],
});
const benchSmoke = project.addTask('bench:smoke', {
  description: 'One quick iteration of the benchmark harness (small sizes; not a measurement)',
  env: { BENCH_QUICK: '1' },
  exec: benchCommand,
});
project.testTask.spawn(benchSmoke);

// Source maps are files next to the JavaScript (for debugging in this repository, with
// `node --enable-source-maps`), without a copy of every source file inside them, and stay out
// of the package: inline, they were 0.9 MB of the 1.9 MB of JavaScript.
project.tsconfig?.file.addOverride('compilerOptions.inlineSources', false);
project.tsconfig?.file.addOverride('compilerOptions.inlineSourceMap', false);
project.tsconfig?.file.addOverride('compilerOptions.sourceMap', true);

// After jsii, the compile bundles lib/ into lib/index.js (what `require('cdk8s-flink')` loads),
// lib/cli/main.js (the command) and lib/chunks/ (what both load, and what the API loads on first
// use), so that loading the library reads a few files instead of resolving a hundred modules:
// see scripts/bundle.js. Every task that compiles (build, bench, conformance) gets the bundles.
project.compileTask.exec('node scripts/bundle.js');

// The package (what `npm pack` writes) must stay within 3 MB: see scripts/check-package-size.js.
project.postCompileTask.exec('node scripts/check-package-size.js');

for (const ignored of ['/examples/', '/imports/', '/bench/', '/.ci/', '/scripts/', '/docs/', '/conformance/', '/CONTRIBUTING.md', '/.cache/']) {
  project.addPackageIgnore(ignored);
}
// Not in the package either: the source maps; API.md (the same docs are in .jsii and the .d.ts
// files, and Construct Hub renders them from .jsii); and the declarations of the internal
// modules, which no public declaration imports (the public ones import only
// imports/flink.apache.org, for FlinkStateSnapshot's types). scripts/check-installed-package.js
// type-checks an app against the packed tarball.
for (const ignored of [
  '/lib/**/*.map', '/API.md',
  // Of the JavaScript, only the bundles (scripts/bundle.js): the per-module files they were
  // bundled from stay in lib/, for debugging and for the tests that run them.
  '/lib/**/*.js', '!/lib/index.js', '!/lib/cli/main.js', '!/lib/chunks/*.js',
  '/lib/private/**/*.d.ts', '/lib/validation/**/*.d.ts', '/lib/render/**/*.d.ts', '/lib/cli/**/*.d.ts',
  '/lib/imports/flink-crd-schemas.d.ts', '/lib/imports/gateway.networking.k8s.io.d.ts', '/lib/imports/monitoring.coreos.com.d.ts',
]) {
  project.addPackageIgnore(ignored);
}

project.synth();
