#!/usr/bin/env node
// Synthesizes every example (examples/*/cdk8s.yaml) with the real cdk8s CLI; fails on the first error.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cdk8s = path.join(root, 'node_modules', '.bin', 'cdk8s');
const examples = fs.readdirSync(path.join(root, 'examples'))
  .map((name) => path.join(root, 'examples', name))
  .filter((dir) => fs.existsSync(path.join(dir, 'cdk8s.yaml')))
  .sort();

if (examples.length === 0) {
  console.error('No examples found under examples/*/cdk8s.yaml');
  process.exit(1);
}
for (const dir of examples) {
  console.log(`cdk8s synth: ${path.relative(root, dir)}`);
  execFileSync(cdk8s, ['synth', '--no-check-upgrade'], { cwd: dir, stdio: 'inherit' });
}
