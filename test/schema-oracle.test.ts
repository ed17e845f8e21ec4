/**
 * The schema checks the other tests rely on must be able to fail.
 */
import { crdSchemaErrors } from './support/crd-schema';
import { k8sSchemaErrors } from './support/k8s-schema';

const validDeployment = {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkDeployment',
  metadata: { name: 'ok' },
  spec: { flinkVersion: 'v1_20', job: { jarURI: 'local:///x.jar', upgradeMode: 'savepoint' }, taskManager: { resource: { memory: '1g' } } },
};

describe('CRD schema oracle', () => {
  test('accepts a valid FlinkDeployment', () => {
    expect(crdSchemaErrors(validDeployment)).toEqual([]);
  });

  test.each([
    ['an unknown field (the API server would prune it)', { job: { ...validDeployment.spec.job, upgradMode: 'savepoint' } }, /additional properties 'upgradMode'/],
    ['a value outside an enum', { flinkVersion: 'v9_9' }, /must be equal to one of the allowed values/],
    ['a wrong type', { job: { jarURI: 'local:///x.jar', parallelism: '2' } }, /parallelism must be integer/],
  ])('rejects %s', (_what, specPatch, message) => {
    const errors = crdSchemaErrors({ ...validDeployment, spec: { ...validDeployment.spec, ...specPatch } });
    expect(errors.join('\n')).toMatch(message);
  });

  test('rejects an unknown metadata field and a wrong apiVersion', () => {
    expect(crdSchemaErrors({ ...validDeployment, metadata: { name: 'ok', lables: {} } }).join('\n')).toMatch(/'lables'/);
    expect(crdSchemaErrors({ ...validDeployment, apiVersion: 'flink.apache.org/v1' }).join('\n')).toMatch(/apiVersion must be equal to constant/);
  });

  test('honours x-kubernetes-preserve-unknown-fields (flinkConfiguration) and int-or-string', () => {
    const withConfig = { ...validDeployment, spec: { ...validDeployment.spec, flinkConfiguration: { 'any.key': 'x', 'nested': { a: 1 } } } };
    expect(crdSchemaErrors(withConfig)).toEqual([]);
  });
});

describe('Kubernetes schema oracle', () => {
  const ingress = (path: any) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web' },
    spec: { rules: [{ http: { paths: [path] } }] },
  });
  const backend = { service: { name: 'x-rest', port: { number: 8081 } } };

  test('accepts a valid Ingress and rejects one without pathType', () => {
    const [valid, invalid] = k8sSchemaErrors([
      ingress({ path: '/', pathType: 'Prefix', backend }),
      ingress({ path: '/', backend }),
    ]);
    expect(valid).toBeUndefined();
    expect(invalid).toMatch(/must have required property '?pathType/);
  });
});
