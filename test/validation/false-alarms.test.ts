/**
 * Manifests that the operator admits and runs must not get errors from us. Each case is the
 * shape real users (or the operator itself) write.
 */
import { JOB_RBAC, SESSION_CLUSTER } from './fixtures';
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

/** A stateless application of the shape people write, in a namespace. */
function deployment(namespace: string) {
  return {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: { name: 'orders', namespace },
    spec: {
      image: 'flink:1.20.1',
      flinkVersion: 'v1_20',
      serviceAccount: 'flink',
      jobManager: { resource: { memory: '2048m', cpu: 1 } },
      taskManager: { resource: { memory: '2048m', cpu: 1 } },
      job: { jarURI: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 2, upgradeMode: 'stateless' },
    },
  };
}

describe('empty (null) fields', () => {
  // `resource:` or `spec:` left empty in YAML is a null, which the API server prunes from a field
  // that is not nullable instead of rejecting it. What the null leaves unset is reported instead.
  const application = deployment('flink');
  const messages = (manifest: any) => FlinkValidator.validate([manifest]).map((finding) => `${finding.rule}: ${finding.message}`).join('\n');

  test('an empty resource is not "must be a map (got null)"; the memory it leaves unset is reported', () => {
    const manifest = { ...application, spec: { ...application.spec, jobManager: { resource: null } } };
    const text = messages(manifest);
    expect(text).not.toMatch(/got null/);
    expect(text).toMatch(/jobmanager-memory-required: spec.jobManager.resource is empty \(null\), which the API server drops, so spec.jobManager.resource.memory is not set/);
  });

  test('an empty spec reports what it leaves unset', () => {
    const text = messages({ ...application, spec: null });
    expect(text).not.toMatch(/got null/);
    expect(text).toMatch(/flink-version-required/);
  });

  test('empty optional fields are no finding at all', () => {
    const job = { ...application.spec.job, args: null };
    const manifest = { ...application, spec: { ...application.spec, podTemplate: null, ingress: null, job } };
    expect(errorsOf([manifest])).toEqual([]);
  });
});

describe('RBAC across namespaces', () => {
  // What the operator's Helm chart renders for each watched namespace: a Role with the job
  // rules and a RoleBinding for the 'flink' account, both in that namespace.
  const helmRbac = (namespace: string, subjectNamespace: string | undefined = namespace) => [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'flink', namespace } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'flink', namespace, labels: { 'app.kubernetes.io/managed-by': 'Helm' } },
      rules: [
        { apiGroups: [''], resources: ['pods', 'configmaps'], verbs: ['*'] },
        { apiGroups: ['apps'], resources: ['deployments', 'deployments/finalizers'], verbs: ['*'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'flink-role-binding', namespace, labels: { 'app.kubernetes.io/managed-by': 'Helm' } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'flink' },
      subjects: [{ kind: 'ServiceAccount', name: 'flink', ...(subjectNamespace === undefined ? {} : { namespace: subjectNamespace }) }],
    },
  ];
  const bindingFindings = (manifests: any[]) => FlinkValidator.validate(manifests).filter((finding) => finding.rule === 'service-account-binding');

  test('a RoleBinding in another namespace does not count for an account of the same name', () => {
    const [finding, ...rest] = bindingFindings([deployment('team-a'), ...helmRbac('flink')]);
    expect(rest).toEqual([]);
    expect(finding.message).toMatch(/'flink' is not bound to a Role in this set for namespace 'team-a'.*A RoleBinding for 'flink' exists in namespace 'flink'/);
    expect(finding.message).not.toMatch(/is bound, but/);
  });

  test('a RoleBinding in the namespace whose subject names another namespace binds that other account', () => {
    expect(bindingFindings([deployment('team-a'), ...helmRbac('team-a', 'flink')]).map((f) => f.message).join()).toMatch(/is not bound/);
  });

  test('the chart binding in the same namespace counts, with or without the subject namespace', () => {
    expect(bindingFindings([deployment('team-a'), ...helmRbac('team-a')])).toEqual([]);
    expect(bindingFindings([deployment('team-a'), ...helmRbac('team-a', undefined)])).toEqual([]);
  });

  test('a ClusterRoleBinding to a ClusterRole with the job rules counts in the subject namespace', () => {
    const [account, role] = helmRbac('team-a');
    const clusterRole = { ...role, kind: 'ClusterRole', metadata: { name: 'flink-job' } };
    const clusterBinding = (subjectNamespace: string) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'flink-job' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'flink-job' },
      subjects: [{ kind: 'ServiceAccount', name: 'flink', namespace: subjectNamespace }],
    });
    expect(bindingFindings([deployment('team-a'), account, clusterRole, clusterBinding('team-a')])).toEqual([]);
    expect(bindingFindings([deployment('team-a'), account, clusterRole, clusterBinding('team-b')])).toHaveLength(1);
  });
});

describe('the canary label on other kinds', () => {
  test('an Ingress labelled canary to an unauthenticated session cluster is still an error: the operator honours the label on its own kinds only', () => {
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'ui', namespace: 'flink', labels: { 'flink.apache.org/canary': 'true' } },
      spec: { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'session-rest', port: { number: 8081 } } } }] } }] },
    };
    const findings = errorsOf([SESSION_CLUSTER, ...JOB_RBAC, ingress]);
    expect(findings.map((finding) => [finding.rule, finding.kind])).toContainEqual(['web-ui-exposure', 'Ingress']);
  });
});
