import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generate, SCHEMAS_FILE, TYPES_FILE } from '../imports/generate';
import * as library from '../src';
import { operatorFile } from './support/shared';
import * as generated from '../src/imports/flink.apache.org';

const ROOT = path.resolve(__dirname, '..');

describe('generated CRD types', () => {
  test('src/imports is what `npx projen import` generates from the pinned CRDs', async () => {
    const output = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-imports-'));
    try {
      const written = await generate(output);
      expect(written.map((file) => path.basename(file)).sort()).toEqual([SCHEMAS_FILE, TYPES_FILE].sort());
      for (const file of [TYPES_FILE, SCHEMAS_FILE]) {
        expect(fs.readFileSync(path.join(output, file), 'utf8')).toEqual(fs.readFileSync(path.join(ROOT, 'src', 'imports', file), 'utf8'));
      }
    } finally {
      fs.rmSync(output, { recursive: true, force: true });
    }
  }, 60_000);

  test('the generated types are not part of the public API', () => {
    const exported = Object.values(library);
    const leaked = Object.entries(generated).filter(([, value]) => exported.includes(value)).map(([name]) => name);
    expect(leaked).toEqual([]);
    expect((library as any).FlinkSessionJob).not.toBe((generated as any).FlinkSessionJob);
  });

  test('pod templates and status are left out of the generated types', () => {
    const text = fs.readFileSync(path.join(ROOT, 'src', 'imports', TYPES_FILE), 'utf8');
    expect(text).not.toMatch(/interface \w*Status\b/);
    expect(text).not.toMatch(/PodTemplateSpec/);
    expect(text).toMatch(/readonly podTemplate\?: any;/);
  });
});

describe('no upstream copies', () => {
  test('no committed file is a copy of a file in ../shared/flink-operator', () => {
    const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const upstream = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          walk(full);
        } else {
          upstream.add(digest(full));
        }
      }
    };
    walk(operatorFile());
    expect(upstream.size).toBeGreaterThan(10);
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT }).toString('utf8').split('\0').filter((file) => file !== '');
    const copies = tracked.filter((file) => fs.existsSync(path.join(ROOT, file)) && upstream.has(digest(path.join(ROOT, file))));
    expect(copies).toEqual([]);
  });
});
