import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GATEWAY_TYPES_FILE, generateGatewayApi, httpRouteSpecSchema } from '../imports/gateway-api';
import { TYPES_FILE } from '../imports/generate';
import { generatePrometheusOperator, PODMONITOR_SCHEMA_FILE, PODMONITOR_TYPES_FILE } from '../imports/prometheus-operator';
import * as library from '../src';
import * as generated from '../src/imports/flink.apache.org';

const ROOT = path.resolve(__dirname, '..');

describe('generated CRD types', () => {
  test('the generated types are not part of the public API', () => {
    const exported: unknown[] = Object.values(library);
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
    const exported: unknown[] = Object.values(library);
    expect(Object.entries(podMonitor).filter(([, value]) => exported.includes(value)).map(([name]) => name)).toEqual([]);
  });
});

describe('generated Gateway API types', () => {
  test('src/imports/gateway.networking.k8s.io.ts is what `npx projen import` generates from the pinned schema', () => {
    const output = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-gateway-'));
    try {
      const written = generateGatewayApi(output);
      expect(path.basename(written)).toBe(GATEWAY_TYPES_FILE);
      expect(fs.readFileSync(written, 'utf8')).toEqual(fs.readFileSync(path.join(ROOT, 'src', 'imports', GATEWAY_TYPES_FILE), 'utf8'));
    } finally {
      fs.rmSync(output, { recursive: true, force: true });
    }
  }, 120_000);

  test('the schema is the standard channel: no experimental fields, the standard filters', () => {
    const spec = httpRouteSpecSchema();
    expect(Object.keys(spec.properties).sort()).toEqual(['hostnames', 'parentRefs', 'rules']);
    expect(Object.keys(spec.properties.parentRefs.items.properties)).not.toContain('port');
    const rule = spec.properties.rules.items.properties;
    expect(Object.keys(rule).sort()).toEqual(['backendRefs', 'filters', 'matches']);
    expect(rule.filters.items.properties.type.enum).toEqual(['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'RequestRedirect', 'URLRewrite', 'ExtensionRef']);
  });

  test('a source that is not the pinned one is refused', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-gateway-root-'));
    try {
      fs.mkdirSync(path.join(root, 'imports'));
      const sources = JSON.parse(fs.readFileSync(path.join(ROOT, 'imports', 'sources.json'), 'utf8'));
      fs.writeFileSync(path.join(root, 'imports', 'sources.json'), JSON.stringify(sources));
      const dir = path.join(root, 'node_modules', '@kubernetes-models', 'gateway-api', 'gateway.networking.k8s.io', 'v1');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(root, 'node_modules', '@kubernetes-models', 'gateway-api', 'package.json'), JSON.stringify({ version: '0.5.1' }));
      fs.writeFileSync(path.join(dir, 'HTTPRoute.js'), 'const schema = {\n};\n');
      expect(() => httpRouteSpecSchema(root)).toThrow(/HTTPRoute.js has SHA-256 [0-9a-f]{64}, but imports\/sources.json pins a82cb193/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
