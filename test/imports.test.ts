import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TYPES_FILE } from '../imports/generate';
import { generatePrometheusOperator, PODMONITOR_SCHEMA_FILE, PODMONITOR_TYPES_FILE } from '../imports/prometheus-operator';
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

describe('generated PodMonitor types', () => {
  test('src/imports and the test schema are what the recipe makes from the pinned package (digest-checked)', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-prom-test-'));
    try {
      generatePrometheusOperator(out, path.join(out, 'schemas.json'));
      expect(fs.readFileSync(path.join(out, PODMONITOR_TYPES_FILE), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'src', 'imports', PODMONITOR_TYPES_FILE), 'utf8'));
      expect(fs.readFileSync(path.join(out, 'schemas.json'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, PODMONITOR_SCHEMA_FILE), 'utf8'));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  test('the PodMonitor types are not part of the public API', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const podMonitor = require('../src/imports/monitoring.coreos.com');
    const exported = Object.values(library);
    expect(Object.entries(podMonitor).filter(([, value]) => exported.includes(value)).map(([name]) => name)).toEqual([]);
  });
});
