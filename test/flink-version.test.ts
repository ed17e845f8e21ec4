import { FlinkVersion } from '../src';
import { FlinkDeploymentSpecFlinkVersion } from '../src/imports/flink.apache.org';

/**
 * The flinkVersion enum of the generated CRD types (the conformance suite checks that it is
 * the CRD's).
 */
function crdFlinkVersions(): string[] {
  return Object.values(FlinkDeploymentSpecFlinkVersion);
}

describe('FlinkVersion', () => {
  test('the generated enum lists the operator 1.15 versions, v1_13 to v2_2', () => {
    expect(crdFlinkVersions().sort()).toEqual(['v1_13', 'v1_14', 'v1_15', 'v1_16', 'v1_17', 'v1_18', 'v1_19', 'v1_20', 'v2_0', 'v2_1', 'v2_2']);
  });

  const operatorRuns = (name: string) => FlinkVersion.of(name).isAtLeast(FlinkVersion.V1_15);

  test.each(crdFlinkVersions().filter(operatorRuns))('has a constant for the CRD version %s, which the operator runs', (name) => {
    const constant = (FlinkVersion as any)[name.toUpperCase()] as FlinkVersion;
    expect(constant).toBeInstanceOf(FlinkVersion);
    expect(constant.name).toBe(name);
    expect(FlinkVersion.of(name)).toEqual(constant);
  });

  test.each(['v1_13', 'v1_14'])('has no constant for %s, which the CRD lists and the operator refuses', (name) => {
    expect(crdFlinkVersions()).toContain(name);
    expect(operatorRuns(name)).toBe(false);
    expect(Object.keys(FlinkVersion)).not.toContain(name.toUpperCase());
    expect(FlinkVersion.of(name).name).toBe(name);
  });

  test.each([
    [FlinkVersion.V1_17, 'flink:1.17'],
    [FlinkVersion.V1_20, 'flink:1.20'],
    [FlinkVersion.V2_0, 'flink:2.0'],
    [FlinkVersion.of('v2_3'), 'flink:2.3'],
  ])('the default image of %s is %s', (version, image) => {
    expect(version.defaultImage).toBe(image);
  });

  test('of() accepts a version this library does not list yet', () => {
    const version = FlinkVersion.of('v2_3');
    expect([version.name, version.major, version.minor, version.toString()]).toEqual(['v2_3', 2, 3, 'v2_3']);
  });

  test.each(['1.17', 'v1.17', 'V1_17', 'v1_', 'flink-1.17', ''])('of() rejects %p and names the expected form', (name) => {
    expect(() => FlinkVersion.of(name)).toThrow(/'flinkVersion' must look like 'v<major>_<minor>'/);
  });

  test('isAtLeast compares major, then minor', () => {
    expect(FlinkVersion.V1_20.isAtLeast(FlinkVersion.V1_17)).toBe(true);
    expect(FlinkVersion.V1_17.isAtLeast(FlinkVersion.V1_17)).toBe(true);
    expect(FlinkVersion.V1_17.isAtLeast(FlinkVersion.V1_20)).toBe(false);
    expect(FlinkVersion.V2_0.isAtLeast(FlinkVersion.V1_20)).toBe(true);
    expect(FlinkVersion.V1_20.isAtLeast(FlinkVersion.V2_0)).toBe(false);
  });
});
