/**
 * The generated code is what the pinned CRDs say: src/imports is exactly what
 * `npx projen import` generates from them, and the FlinkVersion constants cover the versions of
 * the CRD's flinkVersion enum that the operator runs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generate, SCHEMAS_FILE, TYPES_FILE } from '../imports/generate';
import { FlinkVersion } from '../src';
import { operatorYaml } from './support';

const ROOT = path.resolve(__dirname, '..');

describe('CRD drift', () => {
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
  }, 120_000);

  const crdVersions: string[] = operatorYaml('crds', 'flinkdeployments.flink.apache.org-v1.yml')[0]
    .spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.flinkVersion.enum;

  test('the CRD lists Flink versions', () => {
    expect(crdVersions.length).toBeGreaterThan(5);
  });

  // The operator 1.15 refuses the versions before v1_15 that its CRD still lists
  // (flink-version-supported); FlinkVersion has constants only for the versions it runs.
  const operatorRuns = (name: string) => FlinkVersion.of(name).isAtLeast(FlinkVersion.V1_15);

  test.each(crdVersions.filter(operatorRuns))('FlinkVersion has a constant for the CRD version %s', (name) => {
    const constant = (FlinkVersion as any)[name.toUpperCase()] as FlinkVersion;
    expect(constant).toBeInstanceOf(FlinkVersion);
    expect(constant.name).toBe(name);
  });

  test.each(crdVersions.filter((name) => !operatorRuns(name)))('FlinkVersion has no constant for the CRD version %s, which the operator refuses', (name) => {
    expect((FlinkVersion as any)[name.toUpperCase()]).toBeUndefined();
  });
});
