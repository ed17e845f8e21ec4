import { ApiObject } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  FlinkApplication,
  FlinkSessionCluster,
  FlinkStateSnapshot,
  FlinkVersion,
  JobJar,
  JobReference,
  SavepointFormat,
  SnapshotType,
  UpgradeMode,
} from '../src';
import { manifestOf, S3_READY, synthValid, testChart } from './support/manifests';

const JAR = 'https://repo1.maven.org/maven2/org/example/job.jar';

function stack() {
  const chart = testChart();
  chart.node.setContext('cdk8s-flink:print-warnings', false);
  const application = new FlinkApplication(chart, 'Orders', {
    flinkVersion: FlinkVersion.V1_20,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    jar: JobJar.fromLocal('/opt/job.jar'),
    savepoints: { directory: 's3://flink/savepoints' },
    upgradeMode: UpgradeMode.STATELESS,
    ...S3_READY,
  });
  const session = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 });
  const job = session.addJob('Job', { jar: JobJar.fromUri(JAR) });
  return { chart, application, session, job };
}

describe('FlinkStateSnapshot', () => {
  test('a savepoint of an application, with a typed reference', () => {
    const { chart, application } = stack();
    const snapshot = new FlinkStateSnapshot(chart, 'BeforeUpgrade', {
      snapshot: SnapshotType.savepoint({ formatType: SavepointFormat.NATIVE, disposeOnDelete: false }),
      job: JobReference.application(application),
      backoffLimit: 2,
    });
    // The custom resource is the default child, as for the clusters: ApiObject.of() reaches it.
    expect(ApiObject.of(snapshot)).toBe(snapshot.node.defaultChild);
    expect(ApiObject.of(snapshot).kind).toBe('FlinkStateSnapshot');
    expect(manifestOf(synthValid(chart), 'FlinkStateSnapshot', 'before-upgrade')).toEqual({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkStateSnapshot',
      metadata: { name: 'before-upgrade', namespace: 'flink' },
      spec: {
        backoffLimit: 2,
        jobReference: { kind: 'FlinkDeployment', name: 'orders' },
        savepoint: { alreadyExists: false, disposeOnDelete: false, formatType: 'NATIVE' },
      },
    });
  });

  test('a checkpoint of a session job', () => {
    const { chart, job } = stack();
    new FlinkStateSnapshot(chart, 'Checkpoint', { snapshot: SnapshotType.checkpoint(), job: JobReference.sessionJob(job) });
    expect(manifestOf(synthValid(chart), 'FlinkStateSnapshot', 'checkpoint').spec).toEqual({
      checkpoint: {},
      jobReference: { kind: 'FlinkSessionJob', name: 'job' },
    });
  });

  test('references by name, for jobs defined elsewhere', () => {
    expect([JobReference.deploymentName('a').kind, JobReference.sessionJobName('b').kind]).toEqual(['FlinkDeployment', 'FlinkSessionJob']);
    expect(() => JobReference.deploymentName('Not A Name')).toThrow(/'job reference name' must be a lowercase DNS name/);
  });

  test('an existing savepoint needs no job', () => {
    const chart = testChart();
    new FlinkStateSnapshot(chart, 'Existing', { snapshot: SnapshotType.existingSavepoint('s3://flink/savepoints/savepoint-1') });
    expect(manifestOf(synthValid(chart), 'FlinkStateSnapshot', 'existing').spec).toEqual({
      savepoint: { alreadyExists: true, disposeOnDelete: false, path: 's3://flink/savepoints/savepoint-1' },
    });
    expect(() => SnapshotType.existingSavepoint(' ')).toThrow(/'path' must be the savepoint's path/);
  });

  test.each([
    ['no job for a new savepoint', { snapshot: SnapshotType.savepoint() }, /'job' must name the job to snapshot/],
    ['a backoff limit below -1', { snapshot: SnapshotType.checkpoint(), job: JobReference.deploymentName('x'), backoffLimit: -2 }, /'backoffLimit' must be a whole number of at least -1/],
  ])('rejects %s', (_what, props, message) => {
    expect(() => new FlinkStateSnapshot(testChart(), 'Snapshot', props as any)).toThrow(message);
  });

  test('lives in its job namespace', () => {
    const { chart, application } = stack();
    expect(() => new FlinkStateSnapshot(chart, 'Elsewhere', {
      snapshot: SnapshotType.checkpoint(), job: JobReference.application(application), metadata: { namespace: 'other' },
    })).toThrow(/'metadata.namespace' must be the namespace of FlinkDeployment 'orders' \('flink'; got 'other'\)/);
  });

  test('a snapshot of a session cluster (not a job) fails synth', () => {
    const { chart, session } = stack();
    new FlinkStateSnapshot(chart, 'Wrong', { snapshot: SnapshotType.checkpoint(), job: JobReference.deploymentName(session.name) });
    expect(() => synthValid(chart)).toThrow(/a session cluster without a job.*\[snapshot-job-reference\]/);
  });
});
