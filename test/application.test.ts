import { Size } from 'cdk8s';
import { FlinkApplication, FlinkVersion, JobJar, JobState, UpgradeMode } from '../src';
import { manifestOf, S3_READY, synthValid, testChart } from './support/manifests';

describe('FlinkApplication', () => {
  test('a FlinkDeployment with a job, plus the cluster props', () => {
    const chart = testChart();
    new FlinkApplication(chart, 'TopSpeed', {
      flinkVersion: FlinkVersion.V1_19,
      taskManager: { slots: 2, memory: Size.gibibytes(4) },
      flinkConfiguration: { 'state.checkpoints.dir': 's3://flink/checkpoints' },
      ...S3_READY,
      image: 'flink:1.19.1',
      jar: JobJar.fromLocal('/opt/flink/examples/streaming/TopSpeedWindowing.jar'),
      entryClass: 'org.apache.flink.streaming.examples.windowing.TopSpeedWindowing',
      args: ['--output', '/tmp/out'],
      parallelism: 4,
      upgradeMode: UpgradeMode.LAST_STATE,
      state: JobState.RUNNING,
      allowNonRestoredState: false,
    });
    const deployment = manifestOf(synthValid(chart), 'FlinkDeployment', 'top-speed');
    expect(deployment.spec.job).toEqual({
      jarURI: 'local:///opt/flink/examples/streaming/TopSpeedWindowing.jar',
      entryClass: 'org.apache.flink.streaming.examples.windowing.TopSpeedWindowing',
      args: ['--output', '/tmp/out'],
      parallelism: 4,
      upgradeMode: 'last-state',
      state: 'running',
      allowNonRestoredState: false,
    });
    expect(deployment.spec).toMatchObject({
      image: 'flink:1.19.1',
      flinkVersion: 'v1_19',
      flinkConfiguration: { 'state.checkpoints.dir': 's3://flink/checkpoints', 'taskmanager.numberOfTaskSlots': '2' },
      taskManager: { resource: { memory: '4096m' } },
    });
  });

  test('rejects a bad parallelism', () => {
    expect(() => new FlinkApplication(testChart(), 'App', {
      flinkVersion: FlinkVersion.V1_20,
      jar: JobJar.fromLocal('/opt/job.jar'),
      parallelism: -1,
    })).toThrow(/'parallelism' must be a whole number of at least 1 \(got -1\)/);
  });
});
