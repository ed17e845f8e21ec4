/**
 * `FlinkValidator.validate` never throws: whatever a caller passes, deep, circular, BigInt,
 * throwing getters and Proxies, options of the wrong type, the answer is findings.
 */
import { APPLICATION, JOB_RBAC, patched, SESSION_CLUSTER, SESSION_JOB, STATEFUL_APPLICATION } from './fixtures';
import { Finding, FlinkValidationPlugin, FlinkValidator, Severity } from '../../src';

/** An array nested `depth` levels deep. */
function nestedArray(depth: number): any {
  let value: any = [];
  for (let i = 0; i < depth; i++) {
    value = [value];
  }
  return value;
}

function nestedObject(depth: number): any {
  let value: any = { leaf: 'x' };
  for (let i = 0; i < depth; i++) {
    value = { a: value };
  }
  return value;
}

function validate(manifests: any, options?: any): Finding[] {
  let findings: Finding[] = [];
  expect(() => {
    findings = FlinkValidator.validate(manifests, options);
  }).not.toThrow();
  return findings;
}

const rules = (findings: Finding[]) => findings.map((finding) => finding.rule);

describe('FlinkValidator.validate never throws', () => {
  test.each([
    ['an array 4,200 deep as a manifest', () => [nestedArray(4200)]],
    ['an array 4,200 deep in the spec', () => [patched(APPLICATION, { spec: { podTemplate: { spec: { x: nestedArray(4200) } } } })]],
    ['an object 4,200 deep as metadata.name', () => [{ ...APPLICATION, metadata: { name: nestedObject(4200) } }]],
    ['an object 4,200 deep in flinkConfiguration', () => [{ ...APPLICATION, spec: { ...APPLICATION.spec, flinkConfiguration: nestedObject(4200) } }]],
    ['an array 20,000 deep as a session job name', () => [{ ...SESSION_JOB, metadata: { name: nestedArray(20_000) } }]],
  ])('%s: a manifest-shape error at the depth limit', (_what, input) => {
    const findings = validate(input());
    expect(findings.length).toBeGreaterThan(0);
    expect(FlinkValidator.hasErrors(findings)).toBe(true);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/nested more than 100 levels|must be a map/);
  });

  test('deep flinkConfiguration in previousManifests', () => {
    const previous = { ...STATEFUL_APPLICATION, spec: { ...STATEFUL_APPLICATION.spec, flinkConfiguration: nestedObject(4200) } };
    const findings = validate([APPLICATION, ...JOB_RBAC], { previousManifests: [previous] });
    expect(findings.length).toBeGreaterThan(0);
  });

  test('a circular manifest', () => {
    const manifest: any = patched(APPLICATION);
    manifest.spec.podTemplate = { spec: {} };
    manifest.spec.podTemplate.spec.self = manifest;
    const findings = validate([manifest, ...JOB_RBAC]);
    const shape = findings.filter((f) => f.rule === 'manifest-shape');
    expect(shape).toEqual([expect.objectContaining({ path: 'spec.podTemplate.spec.self', message: expect.stringMatching(/circular reference/) })]);
  });

  test('a circular list of manifests and circular options', () => {
    const list: any[] = [APPLICATION, ...JOB_RBAC];
    list.push(list);
    const options: any = { allowedJarSchemes: ['https'] };
    options.operatorConfiguration = { loop: options };
    expect(validate(list, options).length).toBeGreaterThan(0);
  });

  test('BigInt values: read as numbers when they fit, reported either way', () => {
    const findings = validate([patched(APPLICATION, { spec: { job: { parallelism: 2n } } }), ...JOB_RBAC]);
    expect(findings).toEqual([expect.objectContaining({ rule: 'manifest-shape', path: 'spec.job.parallelism', message: expect.stringMatching(/BigInt \(2n\).*read it as 2/) })]);
    const huge = validate([patched(APPLICATION, { spec: { job: { parallelism: 2n ** 80n } } }), ...JOB_RBAC]);
    expect(huge.map((f) => f.message).join('\n')).toMatch(/too large for a JSON number/);
  });

  test('getters and Proxies that throw', () => {
    const manifest: any = patched(APPLICATION);
    Object.defineProperty(manifest.spec, 'job', { enumerable: true, get: () => { throw new Error('boom'); } });
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const findings = validate([manifest, { ...SESSION_CLUSTER, spec: trap }, revocable.proxy, ...JOB_RBAC]);
    expect(findings.filter((f) => f.rule === 'manifest-shape').map((f) => f.message).join('\n')).toMatch(/getter throws \(Error: boom\)/);
    expect(validate(new Proxy([], { get: () => { throw new Error('list'); } })).length).toBeGreaterThan(0);
    expect(validate(revocable.proxy).length).toBeGreaterThan(0);
  });

  test('functions, symbols and toJSON', () => {
    const findings = validate([{ ...APPLICATION, spec: { ...APPLICATION.spec, image: () => 'flink', x: Symbol('s') } }, ...JOB_RBAC]);
    expect(findings.filter((f) => f.rule === 'manifest-shape').map((f) => f.path).sort()).toEqual(['spec.image', 'spec.x']);
    const dated = validate([{ ...APPLICATION, metadata: { ...APPLICATION.metadata, annotations: { at: new Date(0) } } }, ...JOB_RBAC]);
    expect(dated.filter((f) => f.severity === Severity.ERROR)).toEqual([]);
  });

  test('a __proto__ key stays a key', () => {
    const manifest = JSON.parse(JSON.stringify(APPLICATION).replace('"job":', '"__proto__":{"polluted":true},"job":'));
    const findings = validate([manifest, ...JOB_RBAC]);
    expect(findings).toEqual([expect.objectContaining({ rule: 'crd-schema', path: 'spec.__proto__' })]);
    expect(({} as any).polluted).toBeUndefined();
  });

  test.each([
    ['allowedJarSchemes as one string', { allowedJarSchemes: 'https' }, 0],
    ['allowedJarSchemes as a comma-separated string', { allowedJarSchemes: 'https,s3' }, 0],
    ['allowedJarSchemes as a number', { allowedJarSchemes: 42 }, 1],
    ['allowedJarSchemes with a non-string', { allowedJarSchemes: ['https', 7] }, 1],
    ['disallowRestrictedHosts as a string', { disallowRestrictedHosts: 'false' }, 0],
    ['disallowRestrictedHosts as an object', { disallowRestrictedHosts: {} }, 1],
    ['operatorConfiguration as a list', { operatorConfiguration: ['a=b'] }, 1],
    ['operatorConfiguration with an object value', { operatorConfiguration: { a: { b: 1 } } }, 1],
    ['previousManifests as a string', { previousManifests: 'main' }, 1],
    ['previousManifests as a number', { previousManifests: 3 }, 1],
    ['allowedRemovals as a number', { allowedRemovals: 3 }, 1],
    ['options as a string', 'https', 1],
    ['options as a list', ['https'], 1],
  ])('options: %s', (_what, options, optionFindings) => {
    const findings = validate([SESSION_JOB, SESSION_CLUSTER, ...JOB_RBAC], options);
    expect(findings.filter((f) => f.rule === 'validation-options')).toHaveLength(optionFindings);
    expect(findings.filter((f) => f.rule !== 'validation-options' && f.severity === Severity.ERROR)).toEqual([]);
  });

  test("allowedJarSchemes 'https,s3' allows an s3 jar", () => {
    const s3 = patched(SESSION_JOB, { spec: { job: { jarURI: 's3://bucket/job.jar' } } });
    expect(rules(validate([s3, SESSION_CLUSTER, ...JOB_RBAC]))).toEqual(['jar-uri-scheme']);
    expect(validate([s3, SESSION_CLUSTER, ...JOB_RBAC], { allowedJarSchemes: 'https,s3' })).toEqual([]);
  });

  test('an options object whose getters throw', () => {
    const options = Object.defineProperty({}, 'allowedJarSchemes', { enumerable: true, get: () => { throw new Error('nope'); } });
    expect(rules(validate([SESSION_JOB, SESSION_CLUSTER, ...JOB_RBAC], options))).toEqual(['validation-options']);
  });

  test('FlinkValidationPlugin with allowedJarSchemes given as a string', async () => {
    const violations: any[] = [];
    let status = '';
    const s3 = patched(SESSION_JOB, { spec: { job: { jarURI: 's3://bucket/job.jar' } } });
    await new FlinkValidationPlugin({ allowedJarSchemes: 'https,s3' as any }).validate({
      manifests: ['a.yaml'],
      parseManifest: () => [s3, SESSION_CLUSTER, ...JOB_RBAC],
      report: { addViolation: (v: any) => violations.push(v), submit: (s: string) => { status = s; } },
    });
    expect(violations).toEqual([]);
    expect(status).toBe('success');
    await new FlinkValidationPlugin({ allowedJarSchemes: 7 as any }).validate({
      manifests: ['a.yaml'],
      parseManifest: () => [SESSION_CLUSTER, ...JOB_RBAC],
      report: { addViolation: (v: any) => violations.push(v), submit: (s: string) => { status = s; } },
    });
    expect(violations.map((v) => [v.ruleName, v.violatingResources[0].manifestPath])).toEqual([['validation-options', 'plugin properties']]);
    expect(status).toBe('failure');
  });
});
