#!/usr/bin/env node
// Fails when the package, as `npm pack` would write it (lib/, .jsii, the README and the bundled
// dependencies, unpacked), is larger than the 3 MB budget; lists the largest parts when it is.
const { execFileSync } = require('child_process');
const path = require('path');

const BUDGET_BYTES = 3 * 1000 * 1000;
const root = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const [pack] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const mb = (bytes) => (bytes / 1e6).toFixed(2);
const parts = new Map();
for (const file of pack.files) {
  const part = file.path.split('/').slice(0, file.path.startsWith('node_modules/') ? 2 : 2).join('/');
  parts.set(part, (parts.get(part) ?? 0) + file.size);
}
console.log(`package size: ${mb(pack.unpackedSize)} MB unpacked in ${pack.entryCount} files (budget ${mb(BUDGET_BYTES)} MB)`);
if (pack.unpackedSize > BUDGET_BYTES) {
  const largest = [...parts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([part, size]) => `  ${mb(size)} MB  ${part}`);
  console.error(`The package is over its 3 MB budget. Its largest parts:\n${largest.join('\n')}\nKeep generated types out of the public API and out of the package (.projenrc.ts lists what the package leaves out).`);
  process.exit(1);
}
