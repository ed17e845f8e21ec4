import * as fs from 'fs';
import * as path from 'path';
import { TYPES_FILE } from '../imports/generate';
import * as library from '../src';
import * as generated from '../src/imports/flink.apache.org';

const ROOT = path.resolve(__dirname, '..');

describe('generated CRD types', () => {
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
