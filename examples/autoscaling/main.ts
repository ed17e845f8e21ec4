/**
 * An application the operator's autoscaler rescales: it watches each job vertex's busy time
 * over the metrics window and sets the parallelism that brings the vertex to the target
 * utilization. With in-place scaling (Flink 1.18+, adaptive scheduler) a rescale does not
 * restart the job; otherwise the operator redeploys it with the upgrade mode, so the state
 * settings below matter as much as the autoscaler's own.
 */
import { App, Chart, Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FileSystemPlugin, FlinkApplication, FlinkVersion, HighAvailability, JobJar, UpgradeMode } from '../../src';

export class AutoscalingChart extends Chart {
  public readonly application: FlinkApplication;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'flink' });
    this.application = new FlinkApplication(this, 'Clickstream', {
      flinkVersion: FlinkVersion.V1_20,
      // State on S3: the official image enables the S3 plugin of its exact Flink release.
      image: 'flink:1.20.1',
      fileSystemPlugins: [FileSystemPlugin.S3_HADOOP],
      jobManager: { memory: Size.gibibytes(2) },
      taskManager: { memory: Size.gibibytes(4), slots: 2 },
      jar: JobJar.fromLocal('/opt/flink/usrlib/clickstream.jar'),
      // The starting parallelism; the autoscaler overrides it per vertex.
      parallelism: 4,
      // Rescaling without in-place support restarts the job from its latest checkpoint.
      upgradeMode: UpgradeMode.LAST_STATE,
      checkpointing: { interval: Duration.seconds(30), directory: 's3://flink-state/clickstream/checkpoints' },
      savepoints: { directory: 's3://flink-state/clickstream/savepoints' },
      highAvailability: HighAvailability.kubernetes({ storageDirectory: 's3://flink-state/clickstream/ha' }),
      autoscaler: {
        inPlaceScaling: true,
        metricsWindow: Duration.minutes(10),
        stabilizationInterval: Duration.minutes(5),
        targetUtilization: 0.7,
        utilizationMin: 0.5,
        utilizationMax: 0.9,
        scaleUpMaxFactor: 2,
        scaleDownMaxFactor: 0.5,
        vertexMinParallelism: 2,
        vertexMaxParallelism: 32,
        // No rescaling during the nightly batch load, nor on weekends.
        excludedPeriods: ['01:00-03:00', '* * * ? * SAT,SUN'],
      },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new AutoscalingChart(app, 'autoscaling');
  app.synth();
}
