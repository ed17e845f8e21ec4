/**
 * S3 checkpoints on EKS with IAM roles for service accounts (IRSA): no keys at all. The
 * JobManager's and the TaskManagers' ServiceAccounts carry the role annotation, EKS injects a
 * web identity token into their pods, and `fs.s3a.aws.credentials.provider` tells the S3 file
 * system plugin to use it (its default chain would not). The role's trust policy must name both
 * accounts: `system:serviceaccount:flink:payments` and `system:serviceaccount:flink:payments-taskmanager`.
 *
 * The image has the S3 plugin under plugins/ already, so the pods can run with a read-only root
 * filesystem (the entrypoint cannot link plugins into a read-only /opt/flink/plugins).
 */
import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FlinkApplication, FlinkVersion, HighAvailability, JobJar, NetworkPeer, NetworkPort, UpgradeMode, WorkloadIdentity } from '../../src';

/** The IAM role the Flink pods assume. */
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/flink-payments';

export class IrsaChart extends Chart {
  public readonly application: FlinkApplication;

  constructor(scope: Construct, id: string) {
    // No chart namespace: the Namespace is cluster-scoped; the Flink objects name theirs.
    super(scope, id);

    new kplus.Namespace(this, 'Namespace', {
      metadata: { name: 'flink', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
    });

    this.application = new FlinkApplication(this, 'Payments', {
      metadata: { name: 'payments', namespace: 'flink' },
      flinkVersion: FlinkVersion.V1_20,
      image: 'registry.example.com/flink:1.20.1-s3',
      jar: JobJar.fromLocal('/opt/flink/usrlib/payments.jar'),
      parallelism: 2,
      upgradeMode: UpgradeMode.LAST_STATE,
      checkpointing: { interval: Duration.minutes(1), directory: 's3://flink-state/payments/checkpoints' },
      savepoints: { directory: 's3://flink-state/payments/savepoints' },
      highAvailability: HighAvailability.kubernetes({ storageDirectory: 's3://flink-state/payments/ha' }),
      workloadIdentity: WorkloadIdentity.awsIamRole(ROLE_ARN),
      readOnlyRootFilesystem: true,
    });

    this.application.restrictNetwork({
      operatorNamespace: 'flink-operator',
      // S3 and STS (for the web identity token) over HTTPS.
      egress: [{ to: [NetworkPeer.anyAddress()], ports: [NetworkPort.tcp(443)] }],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new IrsaChart(app, 'irsa');
  app.synth();
}
