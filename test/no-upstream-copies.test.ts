/**
 * Upstream files stay upstream: no committed file is a copy of a pinned operator file (the
 * pins in imports/sources.json hold their digests, so this needs no upstream file).
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { readSources } from '../imports/operator-files';

const ROOT = path.resolve(__dirname, '..');

test('no committed file is a copy of a pinned operator file', () => {
  const pinned = new Set(readSources().files.map((file) => file.sha256));
  expect(pinned.size).toBeGreaterThan(10);
  const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT }).toString('utf8').split('\0').filter((file) => file !== '');
  const copies = tracked.filter((file) => fs.existsSync(path.join(ROOT, file)) && pinned.has(digest(path.join(ROOT, file))));
  expect(copies).toEqual([]);
});
