/**
 * Manifests that the operator admits and runs must not get errors from us. Each case is the
 * shape real users (or the operator itself) write.
 */
import { FlinkValidator, Severity } from '../../src';

const errorsOf = (manifests: any[]) => FlinkValidator.validate(manifests).filter((finding) => finding.severity === Severity.ERROR);

describe('canary resources', () => {
  // The operator's health canary: labelled flink.apache.org/canary, with no spec at all. Its
  // webhook returns before any validator runs (CanaryResourceManager.isCanaryResource).
  const canary = (kind: string, value: string) => ({
    apiVersion: 'flink.apache.org/v1beta1',
    kind,
    metadata: { name: 'canary', namespace: 'flink', labels: { 'flink.apache.org/canary': value } },
  });

  test.each([
    ['FlinkDeployment', 'true'],
    ['FlinkDeployment', 'TRUE'],
    ['FlinkSessionJob', 'True'],
  ])('a %s labelled canary %p gets no finding', (kind, value) => {
    expect(FlinkValidator.validate([canary(kind, value)])).toEqual([]);
  });

  test('a label value other than true is not a canary: the missing spec is reported', () => {
    expect(errorsOf([canary('FlinkDeployment', 'yes')]).map((finding) => finding.rule)).toContain('flink-version-required');
  });
});
