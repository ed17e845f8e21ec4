/**
 * A production application cluster: the day-two settings in one place.
 *
 * - High availability (Kubernetes HA, metadata in S3): a lost JobManager recovers its jobs, and
 *   last-state upgrades and rollbacks work at all.
 * - Checkpoints and savepoints in S3, through the S3 file system plugin that the Flink image
 *   ships (`fileSystemPlugins`); the access keys come from the Secret `orders-s3`
 *   (`fileSystemCredentials`), never from the manifest.
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
 * - A NetworkPolicy: the pods talk to each other, the operator reaches the REST port, Prometheus
 *   (in the `monitoring` namespace) the metrics port, and the pods reach DNS, the Kubernetes API
 *   and S3 over HTTPS; nothing else gets in or out.
 */
import { App, Chart, Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import {
  CheckpointingMode,
  FileSystemCredentials,
  FileSystemPlugin,
  FlinkApplication,
  FlinkNetworkPolicy,
  FlinkPodMonitor,
  FlinkVersion,
  HighAvailability,
  JobJar,
  NetworkPeer,
  NetworkPort,
  RestartStrategy,
  Schedule,
  StateBackend,
  UpgradeMode,
} from '../../src';

const BUCKET = 's3://flink-state/orders';


export class ProductionAppChart extends Chart {
  public readonly application: FlinkApplication;
  public readonly podMonitor: FlinkPodMonitor;
  public readonly networkPolicy: FlinkNetworkPolicy;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'flink' });
    this.application = new FlinkApplication(this, 'Orders', {
      flinkVersion: FlinkVersion.V1_20,
      image: 'flink:1.20.1',
      jobManager: { memory: Size.gibibytes(2), replicas: 1 },
      taskManager: { memory: Size.gibibytes(4), slots: 2 },
      fileSystemPlugins: [FileSystemPlugin.S3_PRESTO],
      fileSystemCredentials: [FileSystemCredentials.s3FromSecret('orders-s3', { accessKeyId: 'access-key-id', secretAccessKey: 'secret-access-key' })],
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
    this.networkPolicy = this.application.restrictNetwork({
      operatorNamespace: 'flink-operator',
      metricsFrom: [NetworkPeer.namespace('monitoring')],
      egress: [{ to: [NetworkPeer.anyAddress()], ports: [NetworkPort.tcp(443)] }],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new ProductionAppChart(app, 'production-app');
  app.synth();
}
