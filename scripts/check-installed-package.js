#!/usr/bin/env node
/**
 * The package installs as the README says: the tarball that `npx projen package:js` writes to
 * dist/js/ goes into a new cdk8s TypeScript app (the layout of `cdk8s init typescript-app`,
 * without the generated k8s imports, which need the network), next to cdk8s, constructs and
 * cdk8s-plus-28. The app is the quick start, importing from 'cdk8s-flink'; the installed cdk8s
 * CLI synthesizes it, and the installed `cdk8s-flink validate` checks the output.
 *
 * Everything is installed offline, from the npm cache that `npm ci` filled: the app's lockfile
 * is the part of this repository's lockfile that the app needs, so every package has the exact
 * version and integrity that was already downloaded.
 */
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const ownPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const repoLock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));

/** What the app depends on, besides cdk8s-flink: the README's install line and the CLI. */
const APP_DEPENDENCIES = ['cdk8s', 'cdk8s-plus-28', 'constructs'];
const APP_DEV_DEPENDENCIES = ['cdk8s-cli', 'ts-node', 'typescript', '@types/node'];

function fail(message) {
  console.error(`package:check: ${message}`);
  process.exit(1);
}

function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
  } catch (error) {
    fail(`${command} ${args.join(' ')} failed in ${cwd}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/** The tarball jsii-pacmak wrote for this version. */
function tarball() {
  const dir = path.join(root, 'dist', 'js');
  const name = `${ownPackage.name}@${ownPackage.version}.jsii.tgz`;
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    const present = fs.existsSync(dir) ? fs.readdirSync(dir).join(', ') : 'no dist/js folder';
    fail(`${name} is missing (${present}): run \`npx projen package:js\` first.`);
  }
  return file;
}

/**
 * The lockfile entries a set of packages needs in this repository's tree: each package and,
 * recursively, what it depends on, resolved the way Node resolves (nearest node_modules up).
 */
function closure(names) {
  const packages = repoLock.packages;
  const needed = new Map();
  const resolve = (from, name) => {
    let base = from;
    for (;;) {
      const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
      if (packages[candidate] !== undefined) {
        return candidate;
      }
      if (base === '') {
        return undefined;
      }
      const index = base.lastIndexOf('/node_modules/');
      base = index < 0 ? '' : base.slice(0, index);
    }
  };
  const visit = (location) => {
    if (needed.has(location)) {
      return;
    }
    const entry = packages[location];
    needed.set(location, entry);
    const dependencies = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
    for (const name of Object.keys(dependencies)) {
      const found = resolve(location, name);
      if (found !== undefined) {
        visit(found);
      } else if (!(entry.peerDependenciesMeta?.[name]?.optional) && entry.optionalDependencies?.[name] === undefined) {
        fail(`${location} needs ${name}, which this repository's lockfile does not hold.`);
      }
    }
  };
  for (const name of names) {
    const location = `node_modules/${name}`;
    if (packages[location] === undefined) {
      fail(`${name} is not in package-lock.json.`);
    }
    visit(location);
  }
  return needed;
}

function versionOf(name) {
  return repoLock.packages[`node_modules/${name}`].version;
}

/** The lockfile entries of the packed tarball: the package and the dependencies it bundles. */
function tarballEntries(tgz, file) {
  const entries = {};
  entries['node_modules/cdk8s-flink'] = {
    version: ownPackage.version,
    resolved: `file:${file}`,
    integrity: `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tgz)).digest('base64')}`,
    bundleDependencies: ownPackage.bundledDependencies,
    license: ownPackage.license,
    dependencies: ownPackage.dependencies,
    bin: ownPackage.bin,
    engines: ownPackage.engines,
    peerDependencies: ownPackage.peerDependencies,
  };
  for (const name of ownPackage.bundledDependencies ?? []) {
    const bundled = closure([name]);
    for (const [location, entry] of bundled) {
      const { dev, devOptional, peer, resolved, integrity, ...rest } = entry;
      entries[`node_modules/cdk8s-flink/${location}`] = { ...rest, inBundle: true };
    }
  }
  return entries;
}

function writeApp(dir, tgz) {
  const file = `${ownPackage.name}-${ownPackage.version}.tgz`;
  fs.copyFileSync(tgz, path.join(dir, file));
  const dependencies = {
    [ownPackage.name]: `file:${file}`,
    ...Object.fromEntries(APP_DEPENDENCIES.map((name) => [name, versionOf(name)])),
  };
  const devDependencies = Object.fromEntries(APP_DEV_DEPENDENCIES.map((name) => [name, versionOf(name)]));
  const manifest = {
    name: 'flink-app',
    version: '0.0.0',
    private: true,
    scripts: { synth: 'cdk8s synth' },
    dependencies,
    devDependencies,
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const packages = { '': { name: manifest.name, version: manifest.version, dependencies, devDependencies } };
  for (const [location, entry] of closure([...APP_DEPENDENCIES, ...APP_DEV_DEPENDENCIES])) {
    const { dev, devOptional, peer, ...rest } = entry;
    packages[location] = rest;
  }
  Object.assign(packages, tarballEntries(tgz, file));
  fs.writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify({ name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);

  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), 'language: typescript\napp: npx ts-node main.ts\noutput: dist\n');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'commonjs', lib: ['es2022'], strict: true, esModuleInterop: true,
      declaration: false, skipLibCheck: false, types: ['node'],
    },
    include: ['**/*.ts'],
    exclude: ['node_modules', 'dist'],
  }, null, 2)}\n`);
  const quickStart = fs.readFileSync(path.join(root, 'examples', 'quick-start', 'main.ts'), 'utf8');
  const main = quickStart.replace("from '../../src'", "from 'cdk8s-flink'");
  if (main === quickStart) {
    fail("examples/quick-start/main.ts no longer imports from '../../src'; update this check.");
  }
  fs.writeFileSync(path.join(dir, 'main.ts'), main);
}

function main() {
  const tgz = tarball();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-app-'));
  try {
    writeApp(dir, tgz);
    const npm = ['--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
    run('npm', ['ci', ...npm], dir);
    const installed = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'cdk8s-flink', 'package.json'), 'utf8'));
    if (installed.version !== ownPackage.version) {
      fail(`the app got cdk8s-flink ${installed.version}, expected ${ownPackage.version}.`);
    }
    const digest = crypto.createHash('sha256').update(fs.readFileSync(tgz)).digest('hex').slice(0, 12);
    run(path.join(dir, 'node_modules', '.bin', 'cdk8s'), ['synth', '--no-check-upgrade'], dir);
    const outputs = fs.readdirSync(path.join(dir, 'dist')).filter((file) => file.endsWith('.k8s.yaml'));
    const text = outputs.map((file) => fs.readFileSync(path.join(dir, 'dist', file), 'utf8')).join('\n---\n');
    const kinds = [...text.matchAll(/^kind: (\w+)$/gm)].map((match) => match[1]).sort();
    // Two ServiceAccounts: the JobManager's (with the job rules) and the TaskManagers' own.
    const expected = ['FlinkDeployment', 'FlinkSessionJob', 'Ingress', 'Role', 'RoleBinding', 'ServiceAccount', 'ServiceAccount'];
    if (JSON.stringify(kinds) !== JSON.stringify(expected)) {
      fail(`the quick start synthesized ${kinds.join(', ') || 'nothing'} in ${dir}/dist, expected ${expected.join(', ')}.`);
    }
    run(path.join(dir, 'node_modules', '.bin', 'cdk8s-flink'), ['validate', 'dist'], dir);
    console.log(`package:check: ${path.basename(tgz)} (sha256 ${digest}…) installed offline into a new cdk8s app; cdk8s synth wrote ${kinds.length} objects, and cdk8s-flink validate passed.`);
  } finally {
    if (process.env.KEEP_APP === undefined) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

main();
