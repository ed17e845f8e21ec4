/**
 * Constructs refer to clusters by interface (`IFlinkCluster`, `IFlinkSessionCluster`), so
 * clusters defined elsewhere (`fromName`) work everywhere a cluster does, and an application
 * cluster is not taken where a session cluster is needed.
 */
import { ApiObject, Duration, Testing } from 'cdk8s';
import {
  FlinkApplication, FlinkClusterType, FlinkSessionCluster, FlinkSessionJob, FlinkStateSnapshot, FlinkVersion, FlinkWebUiIngress,
  IFlinkSessionCluster, JobJar, JobKind, JobReference, RestartStrategy, SnapshotType, UpgradeMode, WebUiAuthentication,
} from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';
import { linesMarked, typeErrors } from './support/type-check';

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
    const imported = FlinkSessionCluster.fromName(chart, 'Shared', 'shared', { namespace: 'flink', flinkConfiguration: { 'rest.port': '9000' } });
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

  test('session jobs run only on session clusters, also for a caller without types', () => {
    const chart = testChart();
    // TypeScript refuses an application cluster here (see 'IFlinkSessionCluster' below); a
    // JavaScript caller gets the error at construction.
    const application = FlinkApplication.fromName(chart, 'Orders', 'orders') as unknown as IFlinkSessionCluster;
    expect(() => new FlinkSessionJob(chart, 'Job', { cluster: application, jar: JobJar.fromUri(JAR) }))
      .toThrow(/^test\/Job: 'cluster' must be a session cluster \(got the application cluster 'orders'\)/);
  });
});

describe('IFlinkSessionCluster', () => {
  test('an imported session cluster takes jobs the way a new one does', () => {
    const chart = testChart();
    const imported = FlinkSessionCluster.fromName(chart, 'S', 'session', { namespace: 'flink', flinkVersion: FlinkVersion.V1_20 });
    const job = imported.addJob('Job', { jar: JobJar.fromUri(JAR), parallelism: 2, restartStrategy: RestartStrategy.none(), upgradeMode: UpgradeMode.STATELESS });
    expect(job).toBeInstanceOf(FlinkSessionJob);
    expect([job.cluster, job.namespace, job.node.path]).toEqual([imported, 'flink', 'test/S/Job']);
    const manifest = manifestOf(synthValid(chart), 'FlinkSessionJob', 'job');
    expect(manifest.metadata).toMatchObject({ name: 'job', namespace: 'flink' });
    expect(manifest.spec).toMatchObject({
      deploymentName: 'session',
      flinkConfiguration: { 'restart-strategy.type': 'none' },
      job: { jarURI: JAR, parallelism: 2, upgradeMode: 'stateless' },
    });
  });

  test('a job added to an imported session cluster is checked at construction and at synth like any other', () => {
    const chart = testChart();
    const imported = FlinkSessionCluster.fromName(chart, 'S', 'session', { namespace: 'flink' });
    expect(() => imported.addJob('Bad', { jar: JobJar.fromUri(JAR), restartNonce: 0.5 })).toThrow(/^test\/S\/Bad: 'restartNonce'/);
    expect(() => imported.addJob('Typed', { jar: JobJar.fromUri(JAR), checkpointing: { interval: Duration.minutes(1) } }))
      .toThrow(/need the Flink version of session cluster 'session'.*FlinkSessionCluster\.fromName\(scope, id, name, \{ flinkVersion \}\)/);
    imported.addJob('Job', { jar: JobJar.fromUri('s3://bucket/job.jar') });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/S\/Job\] FlinkSessionJob\/job spec\.job\.jarURI: .*\[jar-uri-scheme\]/);
  });

  test('TypeScript takes a session cluster, new or imported, and refuses an application cluster', () => {
    const source = [
      "import { Chart } from 'cdk8s';",
      "import { FlinkApplication, FlinkSessionCluster, FlinkVersion, IFlinkSessionCluster, JobJar, UpgradeMode } from '../src';",
      'declare const chart: Chart;',
      "const jar = JobJar.fromUri('https://example.com/job.jar');",
      "const defined: IFlinkSessionCluster = new FlinkSessionCluster(chart, 'S', { flinkVersion: FlinkVersion.V1_20 });",
      "const imported: IFlinkSessionCluster = FlinkSessionCluster.fromName(chart, 'I', 'shared');",
      "defined.addJob('A', { jar });",
      "imported.addJob('B', { jar });",
      "FlinkSessionCluster.fromName(chart, 'J', 'other').addJob('C', { jar });",
      "export const application: IFlinkSessionCluster = new FlinkApplication(chart, 'App', { flinkVersion: FlinkVersion.V1_20, jar, upgradeMode: UpgradeMode.STATELESS }); // error",
      "export const importedApplication: IFlinkSessionCluster = FlinkApplication.fromName(chart, 'Orders', 'orders'); // error",
    ].join('\n');
    const errors = typeErrors(source);
    expect(errors.map((error) => error.line)).toEqual(linesMarked(source, '// error'));
    for (const error of errors) {
      expect(error.message).toMatch(/Property 'addJob' is missing in type '\w+' but required in type 'IFlinkSessionCluster'/);
    }
  }, 60_000);
});
