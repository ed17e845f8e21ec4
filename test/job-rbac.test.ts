import { Chart, Testing } from 'cdk8s';
import { FlinkJobRbac, FlinkSessionCluster, FlinkVersion } from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';
import { grants } from './support/rbac';

/**
 * The operator chart's job rules (`jobRbacRules` of its RBAC helpers, release 1.15), as the
 * grants they make; the conformance suite compares the Role with the chart file itself.
 */
const CHART_JOB_GRANTS: string[] = (() => {
  const verbs = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
  const resources = ['|pods', '|configmaps', 'apps|deployments', 'apps|deployments/finalizers'];
  return resources.flatMap((resource) => verbs.map((verb) => `${resource}|${verb}`)).sort();
})();

describe('FlinkJobRbac', () => {
  const chart = testChart();
  new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 });
  const manifests = synthValid(chart);

  test('the Role grants exactly the operator chart job rules', () => {
    const role = manifestOf(manifests, 'Role', 'session');
    expect(CHART_JOB_GRANTS).toHaveLength(28);
    expect(grants(role.rules)).toEqual(CHART_JOB_GRANTS);
  });

  test('no wildcards, no secrets, no resource names', () => {
    const role = manifestOf(manifests, 'Role', 'session');
    const text = JSON.stringify(role.rules);
    expect(text).not.toMatch(/\*/);
    expect(text).not.toMatch(/secrets/);
    expect(role.rules.every((rule: any) => rule.resourceNames === undefined)).toBe(true);
  });

  test('the account mounts its token, because the JobManager calls the Kubernetes API', () => {
    expect(manifestOf(manifests, 'ServiceAccount', 'session')).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'session', namespace: 'flink' },
      automountServiceAccountToken: true,
    });
  });

  test('the RoleBinding binds the Role to the account the FlinkDeployment names', () => {
    const binding = manifestOf(manifests, 'RoleBinding', 'session');
    const deployment = manifestOf(manifests, 'FlinkDeployment', 'session');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'session' });
    expect(binding.subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: deployment.spec.serviceAccount, namespace: deployment.metadata.namespace }]);
  });

  test('the RBAC objects come before the cluster', () => {
    const kinds = manifests.map((m) => m.kind);
    expect(kinds.indexOf('RoleBinding')).toBeLessThan(kinds.indexOf('FlinkDeployment'));
  });

  test('standalone, shared by two clusters', () => {
    const shared = testChart('jobs');
    const rbac = new FlinkJobRbac(shared, 'FlinkJobs', { metadata: { labels: { team: 'data' } } });
    for (const id of ['A', 'B']) {
      new FlinkSessionCluster(shared, id, { flinkVersion: FlinkVersion.V1_20, serviceAccount: rbac.serviceAccount });
    }
    const result = synthValid(shared);
    expect(result.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual([
      'FlinkDeployment/a', 'FlinkDeployment/b', 'Role/flink-jobs', 'RoleBinding/flink-jobs', 'ServiceAccount/flink-jobs',
    ]);
    expect(manifestOf(result, 'FlinkDeployment', 'a').spec.serviceAccount).toBe('flink-jobs');
    expect(manifestOf(result, 'Role', 'flink-jobs').metadata).toEqual({ name: 'flink-jobs', namespace: 'jobs', labels: { team: 'data' } });
    expect([rbac.name, rbac.namespace]).toEqual(['flink-jobs', 'jobs']);
  });

  test('needs a namespace, because the RoleBinding must name the account namespace', () => {
    const chart2 = new Chart(Testing.app(), 'no-namespace');
    expect(() => new FlinkSessionCluster(chart2, 'Session', { flinkVersion: FlinkVersion.V1_20 }))
      .toThrow(/the job RBAC objects need a namespace.*Set 'metadata.namespace' or the chart's namespace/);
  });
});
