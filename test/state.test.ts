/**
 * Stateful jobs: upgrade-mode safety, job controls (nonces, redeploy from a savepoint),
 * periodic savepoints and savepoint history. Every state-loss path has a test that shows the
 * user is stopped or warned.
 */
import { Duration } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  FlinkApplication,
  FlinkApplicationProps,
  FlinkSessionCluster,
  FlinkValidator,
  FlinkVersion,
  JobJar,
  SavepointFormat,
  Schedule,
  Severity,
  UpgradeMode,
} from '../src';
import { manifestOf, S3_READY, synthValid, testChart } from './support/manifests';

const JAR = 'https://repo1.maven.org/maven2/org/example/job.jar';
const DIRECTORIES = {
  ...S3_READY,
  checkpointing: { interval: Duration.minutes(1), directory: 's3://flink/checkpoints' },
  savepoints: { directory: 's3://flink/savepoints' },
};

function application(props: Partial<FlinkApplicationProps>): any[] {
  const chart = testChart();
  new FlinkApplication(chart, 'Orders', {
    flinkVersion: FlinkVersion.V1_20,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    jar: JobJar.fromLocal('/opt/flink/usrlib/orders.jar'),
    parallelism: 2,
    ...props,
  });
  return synthValid(chart);
}

describe('no silent state loss: the upgrade mode is a required choice once state is configured', () => {
  const MISSING = /keeps durable state .* but sets no 'upgradeMode'.*UpgradeMode\.SAVEPOINT or UpgradeMode\.LAST_STATE .* or UpgradeMode\.STATELESS/;

  test.each([
    ['checkpointing', { checkpointing: { interval: Duration.minutes(1) } }],
    ['a savepoint directory', { savepoints: { directory: 's3://flink/savepoints' } }],
    ['a raw checkpoint directory', { flinkConfiguration: { 'state.checkpoints.dir': 's3://flink/checkpoints' } }],
  ])('an application with %s and no upgrade mode fails synth', (_what, props) => {
    expect(() => application(props)).toThrow(MISSING);
  });

  test('a raw key added after construction counts too', () => {
    const chart = testChart();
    const app = new FlinkApplication(chart, 'Orders', {
      flinkVersion: FlinkVersion.V1_20,
      serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
      jar: JobJar.fromLocal('/opt/job.jar'),
    });
    app.addFlinkConfiguration('execution.checkpointing.interval', '1min');
    expect(() => synthValid(chart)).toThrow(MISSING);
  });

  test.each([UpgradeMode.SAVEPOINT, UpgradeMode.LAST_STATE, UpgradeMode.STATELESS])('an explicit %s passes and is written out', (upgradeMode) => {
    const manifests = application({ ...DIRECTORIES, upgradeMode, highAvailability: undefined });
    expect(manifestOf(manifests, 'FlinkDeployment', 'orders').spec.job.upgradeMode).toBe(upgradeMode);
  });

  test('a session job inherits durable state from its cluster', () => {
    const chart = testChart();
    const cluster = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, ...DIRECTORIES });
    cluster.addJob('Job', { jar: JobJar.fromUri(JAR) });
    expect(() => synthValid(chart)).toThrow(/FlinkSessionJob 'job' keeps durable state/);
  });

  test('a job without durable state keeps the operator default silently', () => {
    expect(manifestOf(application({}), 'FlinkDeployment', 'orders').spec.job.upgradeMode).toBeUndefined();
  });

  test('hand-written manifests get the same finding as a warning from the engine', () => {
    const findings = FlinkValidator.validate([{
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkDeployment',
      metadata: { name: 'orders' },
      spec: {
        flinkVersion: 'v1_20',
        serviceAccount: 'flink',
        flinkConfiguration: { 'execution.checkpointing.interval': '1 min' },
        jobManager: { resource: { memory: '2048m', cpu: 1 } },
        taskManager: { resource: { memory: '2048m', cpu: 1 } },
        job: { jarURI: 'local:///opt/job.jar', parallelism: 1 },
      },
    }]);
    expect(findings.filter((f) => f.rule === 'implicit-stateless-upgrade').map((f) => f.severity)).toEqual([Severity.WARNING]);
  });

  test('last-state without HA is flagged: a lost JobManager would need manual recovery', () => {
    expect(() => application({ ...DIRECTORIES, upgradeMode: UpgradeMode.LAST_STATE })).not.toThrow();
    const chart = testChart();
    new FlinkApplication(chart, 'Orders', {
      flinkVersion: FlinkVersion.V1_20,
      jar: JobJar.fromLocal('/opt/job.jar'),
      parallelism: 1,
      ...DIRECTORIES,
      upgradeMode: UpgradeMode.LAST_STATE,
      serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    });
    const findings = FlinkValidator.validate(chart.toJson());
    expect(findings.map((f) => `${f.rule} ${f.severity}`)).toContain('last-state-without-ha warning');
  });
});

describe('job controls', () => {
  test('nonces and the savepoint to start from are written to the job spec', () => {
    const deployment = manifestOf(application({
      ...DIRECTORIES,
      upgradeMode: UpgradeMode.SAVEPOINT,
      savepointTriggerNonce: 20261125,
      checkpointTriggerNonce: 3,
      initialSavepointPath: 's3://flink/savepoints/savepoint-1a2b3c',
      savepointRedeployNonce: 2,
      allowNonRestoredState: true,
      restartNonce: 7,
    }), 'FlinkDeployment', 'orders');
    expect(deployment.spec.restartNonce).toBe(7);
    expect(deployment.spec.job).toMatchObject({
      savepointTriggerNonce: 20261125,
      checkpointTriggerNonce: 3,
      initialSavepointPath: 's3://flink/savepoints/savepoint-1a2b3c',
      savepointRedeployNonce: 2,
      allowNonRestoredState: true,
    });
  });

  test('a redeploy nonce without a savepoint path is an error', () => {
    expect(() => application({ savepointRedeployNonce: 1 })).toThrow(/'savepointRedeployNonce' \(1\) redeploys the job from 'initialSavepointPath', which is not set/);
  });

  test('a savepoint trigger without a savepoint directory is refused at synth', () => {
    expect(() => application({ savepointTriggerNonce: 1 })).toThrow(/savepointTriggerNonce is set \(1\).*no savepoint directory.*\[savepoint-dir-required\]/);
  });

  test('nonces are whole numbers', () => {
    expect(() => application({ savepointTriggerNonce: 1.5 })).toThrow(/'savepointTriggerNonce' must be a whole number/);
    expect(() => application({ restartNonce: Number.NaN })).toThrow(/'restartNonce' must be a whole number/);
  });

  test('checkpoint triggers need Flink 1.17', () => {
    expect(() => application({ flinkVersion: FlinkVersion.V1_16, checkpointTriggerNonce: 1 })).toThrow(/'checkpointTriggerNonce' needs Flink 1.17 or newer/);
    const chart = testChart();
    const cluster = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_16 });
    expect(() => cluster.addJob('Job', { jar: JobJar.fromUri(JAR), checkpointTriggerNonce: 1 })).toThrow(/'checkpointTriggerNonce' needs Flink 1.17/);
  });

  test('a session job can be restarted and triggered', () => {
    const chart = testChart();
    const cluster = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, ...DIRECTORIES });
    cluster.addJob('Job', { jar: JobJar.fromUri(JAR), upgradeMode: UpgradeMode.SAVEPOINT, restartNonce: 4, savepointTriggerNonce: 9 });
    const job = manifestOf(synthValid(chart), 'FlinkSessionJob', 'job');
    expect(job.spec.restartNonce).toBe(4);
    expect(job.spec.job.savepointTriggerNonce).toBe(9);
  });
});

describe('periodic savepoints and savepoint history', () => {
  test('are operator keys in flinkConfiguration', () => {
    const deployment = manifestOf(application({
      ...DIRECTORIES,
      snapshots: { periodicSavepoints: Schedule.every(Duration.hours(6)), periodicCheckpoints: Schedule.every(Duration.hours(1)) },
      savepoints: {
        directory: 's3://flink/savepoints',
        historyMaxAge: Duration.days(3),
        historyMaxCount: 5,
        formatType: SavepointFormat.NATIVE,
      },
      upgradeMode: UpgradeMode.SAVEPOINT,
    }), 'FlinkDeployment', 'orders');
    expect(deployment.spec.flinkConfiguration).toMatchObject({
      'kubernetes.operator.periodic.savepoint.interval': '6h',
      'kubernetes.operator.periodic.checkpoint.interval': '1h',
      'kubernetes.operator.savepoint.history.max.age': '3d',
      'kubernetes.operator.savepoint.history.max.count': '5',
      'kubernetes.operator.savepoint.format.type': 'NATIVE',
    });
  });

  test('periodic savepoints need a directory: the engine fails synth', () => {
    expect(() => application({ snapshots: { periodicSavepoints: Schedule.every(Duration.hours(6)) }, upgradeMode: UpgradeMode.STATELESS }))
      .toThrow(/periodic savepoints need a savepoint directory.*\[savepoint-dir-required\]/);
  });

  test('periodic checkpoints need Flink 1.17', () => {
    const snapshots = { periodicCheckpoints: Schedule.every(Duration.hours(1)) };
    expect(() => application({ flinkVersion: FlinkVersion.V1_16, snapshots, upgradeMode: UpgradeMode.STATELESS }))
      .toThrow(/'snapshots.periodicCheckpoints' is not available in Flink 1.16/);
  });
});
