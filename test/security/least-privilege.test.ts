/**
 * Least privilege per component: the TaskManagers run as their own ServiceAccount, without a
 * Role and without an API token, through kubernetes.taskmanager.service-account; with Kubernetes
 * HA they may only watch ConfigMaps. The JobManager keeps the operator chart's job rules.
 */
import { Duration } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { FlinkApplication, FlinkSessionCluster, FlinkTaskManagerRbac, FlinkValidator, FlinkVersion, HighAvailability, JobJar, UpgradeMode } from '../../src';
import { inventory, manifestOf, S3_READY, synthValid, testChart } from '../support/manifests';
import { APPLICATION, JOB_RBAC, patched } from '../validation/fixtures';

describe('the TaskManagers of a new cluster', () => {
  const chart = testChart();
  new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 });
  const manifests = synthValid(chart);

  test('run as their own ServiceAccount, named in kubernetes.taskmanager.service-account', () => {
    expect(inventory(manifests)).toEqual(['ServiceAccount/session', 'Role/session', 'RoleBinding/session', 'ServiceAccount/session-taskmanager', 'FlinkDeployment/session']);
    expect(manifestOf(manifests, 'FlinkDeployment', 'session').spec.flinkConfiguration).toEqual({ 'kubernetes.taskmanager.service-account': 'session-taskmanager' });
  });

  test('without a Role and without an API token', () => {
    expect(manifestOf(manifests, 'ServiceAccount', 'session-taskmanager')).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'session-taskmanager', namespace: 'flink' },
      automountServiceAccountToken: false,
    });
    const bound = manifests.filter((m) => m.kind === 'RoleBinding').flatMap((b) => b.subjects.map((s: any) => s.name));
    expect(bound).toEqual(['session']);
  });

  test('the JobManager keeps the job rules and its token', () => {
    expect(manifestOf(manifests, 'ServiceAccount', 'session').automountServiceAccountToken).toBe(true);
    expect(manifestOf(manifests, 'Role', 'session').rules.map((rule: any) => rule.resources[0])).toEqual(['pods', 'configmaps', 'deployments', 'deployments/finalizers']);
    expect(FlinkValidator.validate(manifests)).toEqual([]);
  });
});

describe('with Kubernetes high availability', () => {
  const chart = testChart();
  new FlinkApplication(chart, 'Orders', {
    flinkVersion: FlinkVersion.V1_20,
    ...S3_READY,
    jar: JobJar.fromLocal('/opt/flink/usrlib/orders.jar'),
    upgradeMode: UpgradeMode.LAST_STATE,
    checkpointing: { interval: Duration.minutes(1), directory: 's3://flink/orders/checkpoints' },
    highAvailability: HighAvailability.kubernetes({ storageDirectory: 's3://flink/orders/ha' }),
  });
  const manifests = synthValid(chart);

  test('the TaskManagers may get, list and watch ConfigMaps, with a token, and nothing else', () => {
    expect(manifestOf(manifests, 'ServiceAccount', 'orders-taskmanager').automountServiceAccountToken).toBe(true);
    expect(manifestOf(manifests, 'Role', 'orders-taskmanager').rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }]);
    expect(manifestOf(manifests, 'RoleBinding', 'orders-taskmanager').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'orders-taskmanager', namespace: 'flink' }]);
  });

  test('turned on later, with addFlinkConfiguration', () => {
    const later = testChart();
    const cluster = new FlinkSessionCluster(later, 'Session', { flinkVersion: FlinkVersion.V1_20, ...S3_READY });
    expect(cluster.taskManagerRbac?.leaderRetrieval).toBe(false);
    cluster.addFlinkConfiguration('high-availability.type', 'kubernetes');
    cluster.addFlinkConfiguration('high-availability.storageDir', 's3://b/ha');
    const result = synthValid(later);
    expect(manifestOf(result, 'ServiceAccount', 'session-taskmanager').automountServiceAccountToken).toBe(true);
    expect(manifestOf(result, 'Role', 'session-taskmanager').rules[0].verbs).toEqual(['get', 'list', 'watch']);
  });

  test('a hand-written TaskManager account without a token is reported', () => {
    const ha = patched(APPLICATION, { spec: { flinkConfiguration: { 'high-availability.type': 'kubernetes', 'kubernetes.taskmanager.service-account': 'tm' } } });
    const tm = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'tm', namespace: 'flink' }, automountServiceAccountToken: false };
    const findings = FlinkValidator.validate([ha, ...JOB_RBAC, tm]).filter((f) => f.rule === 'service-account-binding');
    expect(findings.map((f) => [f.path, f.message])).toEqual([[
      "spec.flinkConfiguration['kubernetes.taskmanager.service-account']",
      expect.stringMatching(/^The TaskManagers' account 'tm' does not mount an API token, but Kubernetes high availability makes them watch the HA ConfigMaps/),
    ]]);
    const unbound = FlinkValidator.validate([ha, ...JOB_RBAC, { ...tm, automountServiceAccountToken: true }]).filter((f) => f.rule === 'service-account-binding');
    expect(unbound.map((f) => f.message)).toEqual([expect.stringMatching(/may not get, list and watch configmaps/)]);
  });
});

describe('the option', () => {
  test('is off for an existing account, and can be turned on', () => {
    const chart = testChart();
    const flink = ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink');
    new FlinkSessionCluster(chart, 'Shared', { flinkVersion: FlinkVersion.V1_20, serviceAccount: flink });
    new FlinkSessionCluster(chart, 'Own', { flinkVersion: FlinkVersion.V1_20, serviceAccount: flink, dedicatedTaskManagerServiceAccount: true });
    expect(inventory(chart.toJson())).toEqual(['FlinkDeployment/shared', 'ServiceAccount/own-taskmanager', 'FlinkDeployment/own']);
  });

  test('can be turned off; a raw key that competes with it names both', () => {
    const chart = testChart();
    new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, dedicatedTaskManagerServiceAccount: false });
    expect(inventory(chart.toJson())).toEqual(['ServiceAccount/session', 'Role/session', 'RoleBinding/session', 'FlinkDeployment/session']);
    expect(() => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { 'kubernetes.taskmanager.service-account': 'tm' } }))
      .toThrow(/'kubernetes\.taskmanager\.service-account' is set to 'tm' by 'flinkConfiguration' and again by 'dedicatedTaskManagerServiceAccount' to 'session-taskmanager'/);
  });

  test('FlinkTaskManagerRbac stands alone, and needs a namespace', () => {
    const chart = testChart();
    const rbac = new FlinkTaskManagerRbac(chart, 'Tm', { leaderRetrieval: true });
    expect([rbac.name, rbac.serviceAccountName, rbac.leaderRetrieval]).toEqual(['tm', 'tm', true]);
    expect(inventory(synthValid(chart))).toEqual(['ServiceAccount/tm', 'Role/tm', 'RoleBinding/tm']);
  });
});
