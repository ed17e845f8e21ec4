/**
 * A production application cluster: the day-two settings in one place.
 *
 * - High availability (Kubernetes HA, metadata in S3): a lost JobManager recovers its jobs, and
 *   last-state upgrades and rollbacks work at all.
 * - Checkpoints and savepoints in S3, through the S3 filesystem plugin that the Flink image
 *   ships and `ENABLE_BUILT_IN_PLUGINS` turns on; the access keys come from the Secret
 *   `orders-s3`, never from the manifest.
 * - Savepoint upgrades, so that a spec change never loses state, with the last-state fallback:
 *   a job that is not running (no savepoint possible) is upgraded from its last checkpoint
 *   through the HA metadata, and a last-state upgrade never uses a checkpoint older than 15 min.
 * - The cluster health check: a job that restarts 10 times in 5 minutes, or completes no
 *   checkpoint in 30 minutes, gets its cluster restarted; a failed job is redeployed.
 * - A savepoint every night at 02:00 (Quartz cron), kept 7 days, so that a bad release can be
 *   rolled back to yesterday.
 * - The autoscaler keeps each vertex between 50 % and 90 % busy, and waits 30 minutes before a
 *   scale-down so that short dips do not restart the job.
 * - A PodMonitor: the Prometheus Operator scrapes the reporter on the JobManager and TaskManager
 *   pods (the port is set once, in `metrics.prometheusPort`).
 *
 * TODO(issues 12 and 15): the S3 plugin and the Secret's environment variables are written
 * through the pod template here; switch to the typed S3 plugin (issue 12) and the credentials
 * from a Secret (issue 15), and add the restricted NetworkPolicy (`cluster.restrictNetwork(...)`,
 * issue 15) once they land.
 */
import { App, Chart, Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import {
  CheckpointingMode,
  FlinkApplication,
  FlinkPodMonitor,
  FlinkVersion,
  HighAvailability,
  JobJar,
  RestartStrategy,
  Schedule,
  StateBackend,
  UpgradeMode,
} from '../../src';

const BUCKET = 's3://flink-state/orders';

/** The S3 credentials, from a Secret, and the S3 plugin, as environment variables of the Flink container. */
const S3_ENVIRONMENT = [
  { name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-presto-1.20.1.jar' },
  { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'orders-s3', key: 'access-key-id' } } },
  { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'orders-s3', key: 'secret-access-key' } } },
];

export class ProductionAppChart extends Chart {
  public readonly application: FlinkApplication;
  public readonly podMonitor: FlinkPodMonitor;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'flink' });
    this.application = new FlinkApplication(this, 'Orders', {
      flinkVersion: FlinkVersion.V1_20,
      image: 'flink:1.20.1',
      jobManager: { memory: Size.gibibytes(2), replicas: 1 },
      taskManager: { memory: Size.gibibytes(4), slots: 2 },
      podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: S3_ENVIRONMENT }] } },
      jar: JobJar.fromLocal('/opt/flink/usrlib/orders.jar'),
      parallelism: 4,
      upgradeMode: UpgradeMode.SAVEPOINT,
      highAvailability: HighAvailability.kubernetes({ storageDirectory: `${BUCKET}/ha` }),
      checkpointing: {
        interval: Duration.minutes(1),
        mode: CheckpointingMode.EXACTLY_ONCE,
        incremental: true,
        directory: `${BUCKET}/checkpoints`,
        retainedCheckpoints: 3,
      },
      stateBackend: { type: StateBackend.ROCKSDB },
      savepoints: { directory: `${BUCKET}/savepoints`, historyMaxAge: Duration.days(7) },
      restartStrategy: RestartStrategy.exponentialDelay({ maxBackoff: Duration.minutes(2) }),
      upgrades: { lastStateFallback: true, maxCheckpointAge: Duration.minutes(15) },
      health: {
        clusterHealthCheck: true,
        restartsWindow: Duration.minutes(5),
        restartsThreshold: 10,
        checkpointProgressWindow: Duration.minutes(30),
        restartFailedJob: true,
      },
      snapshots: { periodicSavepoints: Schedule.cron('0 0 2 * * ?') },
      autoscaler: {
        utilizationMin: 0.5,
        targetUtilization: 0.7,
        utilizationMax: 0.9,
        scaleDownInterval: Duration.minutes(30),
        vertexMaxParallelism: 32,
      },
      metrics: { prometheusPort: 9249 },
    });
    this.podMonitor = this.application.addPodMonitor({
      metadata: { labels: { release: 'kube-prometheus-stack' } },
      interval: Duration.seconds(30),
    });
  }
}

if (require.main === module) {
  const app = new App();
  new ProductionAppChart(app, 'production-app');
  app.synth();
}
