/**
 * S3 checkpoints and savepoints with credentials from a Kubernetes Secret: the access key
 * reaches the JobManager and TaskManager containers as environment variables
 * (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, from `secretKeyRef`), which the S3 file system
 * plugin's default credential chain reads. Nothing secret is in `flinkConfiguration`, so nothing
 * secret is in the operator's ConfigMap, the custom resource or Flink's logs.
 *
 * Create the Secret outside the manifests (or with a secret manager's operator):
 *
 *   kubectl -n flink create secret generic flink-s3-credentials \
 *     --from-literal=AWS_ACCESS_KEY_ID=... --from-literal=AWS_SECRET_ACCESS_KEY=...
 *
 * The namespace enforces the restricted Pod Security level, which the pods pass; a
 * NetworkPolicy lets them reach only each other, the operator, DNS, the Kubernetes API and S3.
 */
import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FileSystemCredentials, FlinkApplication, FlinkVersion, JobJar, NetworkPeer, NetworkPort, UpgradeMode } from '../../src';

/** The Secret that holds the S3 keys, under the names of the variables. */
export const S3_SECRET = 'flink-s3-credentials';

export class S3CredentialsChart extends Chart {
  public readonly application: FlinkApplication;

  constructor(scope: Construct, id: string) {
    // No chart namespace: the Namespace is cluster-scoped; the Flink objects name theirs.
    super(scope, id);

    new kplus.Namespace(this, 'Namespace', {
      metadata: { name: 'flink', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
    });

    this.application = new FlinkApplication(this, 'Orders', {
      metadata: { name: 'orders', namespace: 'flink' },
      flinkVersion: FlinkVersion.V1_20,
      image: 'flink:1.20.1',
      jar: JobJar.fromLocal('/opt/flink/usrlib/orders.jar'),
      parallelism: 2,
      upgradeMode: UpgradeMode.SAVEPOINT,
      checkpointing: { interval: Duration.minutes(1), directory: 's3://flink-state/orders/checkpoints' },
      savepoints: { directory: 's3://flink-state/orders/savepoints' },
      fileSystemCredentials: [FileSystemCredentials.s3FromSecret(S3_SECRET)],
      // The official image ships the S3 plugin in opt/; the entrypoint links it into plugins/.
      podTemplate: {
        spec: {
          containers: [{ name: 'flink-main-container', env: [{ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-hadoop-1.20.1.jar' }] }],
        },
      },
    });

    this.application.restrictNetwork({
      operatorNamespace: 'flink-operator',
      egress: [{ to: [NetworkPeer.anyAddress()], ports: [NetworkPort.tcp(443)] }],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new S3CredentialsChart(app, 's3-credentials');
  app.synth();
}
