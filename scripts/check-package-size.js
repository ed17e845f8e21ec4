#!/usr/bin/env node
// Fails when the compiled package (lib/ plus .jsii) is larger than the 3 MB budget.
const fs = require('fs');
const path = require('path');

const BUDGET_BYTES = 3 * 1000 * 1000;
const root = path.resolve(__dirname, '..');

function sizeOf(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) {
    return stat.size;
  }
  return fs.readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0);
}

const lib = sizeOf(path.join(root, 'lib'));
const assembly = sizeOf(path.join(root, '.jsii'));
const total = lib + assembly;
const mb = (bytes) => (bytes / 1e6).toFixed(2);
console.log(`package size: lib/ ${mb(lib)} MB + .jsii ${mb(assembly)} MB = ${mb(total)} MB (budget ${mb(BUDGET_BYTES)} MB)`);
if (total > BUDGET_BYTES) {
  console.error('The compiled package is over its 3 MB budget: keep generated types out of the public API and out of lib/.');
  process.exit(1);
}
