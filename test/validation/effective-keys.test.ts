/**
 * Issue 20, cases 6 to 8: keys as Flink reads them (the legacy flink-conf.yaml loader trims
 * them), job fields that become lines of that file, and placeholders that nothing fills in.
 */
import { APPLICATION, JOB_RBAC, onFlink, patched } from './fixtures';
import { FlinkValidator } from '../../src';
import { FlinkVersion } from '../../src/flink-version';
import { keyFlinkReads } from '../../src/validation/model/configuration-file';

const validate = (patch: any) => FlinkValidator.validate([patched(APPLICATION, patch), ...JOB_RBAC]);
const rulesOf = (patch: any) => validate(patch).map((finding) => finding.rule as string);

describe('keyFlinkReads', () => {
  test.each<[string, string, FlinkVersion | undefined, string | undefined]>([
    [' kubernetes.cluster-id', 'other', FlinkVersion.V1_20, 'kubernetes.cluster-id'],
    ['kubernetes.cluster-id  ', 'other', FlinkVersion.V1_19, 'kubernetes.cluster-id'],
    ['kubernetes.cluster-id:', 'other', FlinkVersion.V1_20, 'kubernetes.cluster-id:'],
    [' kubernetes.cluster-id', '  ', FlinkVersion.V1_20, undefined],
    [' kubernetes.cluster-id', '#x', FlinkVersion.V1_20, undefined],
    [' kubernetes.cluster-id', 'other', FlinkVersion.V2_0, ' kubernetes.cluster-id'],
  ])('%j: %j on Flink %s', (key, value, version, read) => {
    expect(keyFlinkReads(key, value, version)).toBe(read);
  });
});

describe('one finding per placeholder', () => {
  test('a secret left as a placeholder is config-placeholder, not also a secret in plain text', () => {
    expect(rulesOf({ spec: { flinkConfiguration: { 's3.secret-key': '${S3_SECRET_KEY}', 'security.ssl.keystore-password': '<jks-password>' } } }))
      .toEqual(['config-placeholder', 'config-placeholder']);
  });

  test('a literal secret is still sensitive-config-value', () => {
    expect(rulesOf({ spec: { flinkConfiguration: { 's3.secret-key': 'wJalrXUtnFEMI' } } })).toEqual(['sensitive-config-value']);
  });

  test("kubernetes.secrets with a placeholder is secret-volume-name's", () => {
    expect(rulesOf({ spec: { flinkConfiguration: { 'kubernetes.secrets': '<jks-secret>:/opt/flink/jks' } } })).toEqual(['secret-volume-name']);
  });

  test('a padded kubernetes.secrets key on Flink 1.20 is read as kubernetes.secrets', () => {
    expect(rulesOf({ spec: { flinkConfiguration: { 'kubernetes.secrets ': 'flink.jks:/opt/flink/jks' } } })).toEqual(['secret-volume-name']);
  });
});

describe('job fields written into flink-conf.yaml', () => {
  const args = ['--input', 'x\nkubernetes.cluster-id: evil'];

  test.each([['1.15.4'], ['1.18.1'], ['1.19.3'], ['1.20.1']])('are checked on Flink %s', (release) => {
    expect(rulesOf({ spec: { ...onFlink(release).spec, job: { args } } })).toContain('config-injection');
  });

  test.each([['2.0.0'], ['2.2.0']])('are not on Flink %s, whose config.yaml quotes them', (release) => {
    expect(rulesOf({ spec: { ...onFlink(release).spec, job: { args } } })).not.toContain('config-injection');
  });

  test('the finding names the field and echoes the value escaped', () => {
    const finding = validate({ spec: { job: { args } } }).find((f) => f.rule === 'config-injection')!;
    expect(finding.path).toBe('spec.job.args[1]');
    expect(finding.message).toContain("'x\\nkubernetes.cluster-id: evil'");
  });

  test.each<[string, unknown]>([
    ['args that are not strings', [1, null, { a: 'b\nc' }, ['x\ny']]],
    ['args that are a string', 'x\ny: z'],
    ['a job that is a list', undefined],
  ])('hostile input: %s', (what, value) => {
    const job = what === 'a job that is a list' ? [] : { args: value, entryClass: 5, initialSavepointPath: { a: 1 } };
    expect(() => validate({ spec: { job } })).not.toThrow();
  });
});
