/**
 * Constructs refer to clusters by interface (`IFlinkCluster`), so clusters defined elsewhere
 * (`fromName`, `fromAttributes`) work everywhere a cluster does.
 */
import { ApiObject } from 'cdk8s';
import {
  FlinkApplication, FlinkClusterType, FlinkSessionCluster, FlinkSessionJob, FlinkStateSnapshot, FlinkVersion, FlinkWebUiIngress,
  JobJar, JobKind, JobReference, SnapshotType, UpgradeMode, WebUiAuthentication,
} from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';

const JAR = 'https://repo1.maven.org/maven2/org/example/job.jar';

describe('IFlinkCluster', () => {
  test('a session cluster and an application describe themselves', () => {
    const chart = testChart();
    const session = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { 'rest.port': '9081' } });
    const application = new FlinkApplication(chart, 'App', { flinkVersion: FlinkVersion.V1_20, jar: JobJar.fromLocal('/opt/job.jar'), upgradeMode: UpgradeMode.STATELESS });
    expect([session.clusterType, session.restServiceName, session.restPort, session.webUiAcceptsJarUploads])
      .toEqual([FlinkClusterType.SESSION, 'session-rest', 9081, true]);
    expect([application.clusterType, application.restServiceName, application.restPort, application.webUiAcceptsJarUploads])
      .toEqual([FlinkClusterType.APPLICATION, 'app-rest', 8081, false]);
    session.addFlinkConfiguration('web.submit.enable', 'false');
    expect(session.webUiAcceptsJarUploads).toBe(false);
  });

  test('an imported session cluster: what was given, the REST service by name, and no objects of its own', () => {
    const chart = testChart();
    const imported = FlinkSessionCluster.fromName(chart, 'Shared', 'shared', {
      namespace: 'flink', flinkVersion: FlinkVersion.V1_19, flinkConfiguration: { 'rest.port': '9000', 'web.submit.enable': 'false' },
    });
    expect([imported.name, imported.namespace, imported.flinkVersion, imported.clusterType])
      .toEqual(['shared', 'flink', FlinkVersion.V1_19, FlinkClusterType.SESSION]);
    expect([imported.restServiceName, imported.restPort, imported.webUiAcceptsJarUploads]).toEqual(['shared-rest', 9000, false]);
    expect(imported.flinkConfiguration).toEqual({ 'rest.port': '9000', 'web.submit.enable': 'false' });
    expect(synthValid(chart)).toEqual([]);
  });

  test("an imported cluster's web UI can be exposed", () => {
    const chart = testChart();
    const imported = FlinkSessionCluster.fromAttributes(chart, 'Shared', { name: 'shared', namespace: 'flink', flinkConfiguration: { 'rest.port': '9000' } });
    new FlinkWebUiIngress(chart, 'Ui', { cluster: imported, host: 'flink.example.com', ingressClassName: 'nginx', authentication: WebUiAuthentication.basicAuth('auth') });
    const ingress = manifestOf(synthValid(chart), 'Ingress', 'shared-web-ui');
    expect(ingress.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'shared-rest', port: { number: 9000 } } });
  });

  test('a snapshot of an imported application', () => {
    const chart = testChart();
    const orders = FlinkApplication.fromName(chart, 'Orders', 'orders', { namespace: 'flink' });
    expect(orders.clusterType).toBe(FlinkClusterType.APPLICATION);
    const snapshot = new FlinkStateSnapshot(chart, 'Before', { snapshot: SnapshotType.savepoint(), job: JobReference.application(orders) });
    expect(snapshot.job?.kind).toBe(JobKind.FLINK_DEPLOYMENT);
    expect(ApiObject.of(snapshot).toJson().spec.jobReference).toEqual({ kind: 'FlinkDeployment', name: 'orders' });
  });

  test('a session cluster has no job of its own to snapshot', () => {
    const chart = testChart();
    const session = FlinkSessionCluster.fromName(chart, 'Session', 'session');
    expect(() => JobReference.application(session)).toThrow(/JobReference.application: 'session' is a session cluster, which has no job of its own; reference its FlinkSessionJob/);
  });

  test('session jobs run only on session clusters', () => {
    const chart = testChart();
    const application = FlinkApplication.fromName(chart, 'Orders', 'orders');
    expect(() => new FlinkSessionJob(chart, 'Job', { cluster: application, jar: JobJar.fromUri(JAR) }))
      .toThrow(/^test\/Job: 'cluster' must be a session cluster \(got the application cluster 'orders'\)/);
  });
});
