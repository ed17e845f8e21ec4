/**
 * A blue/green deployment: every change to the application starts the other colour from a
 * savepoint of the running one, switches the Ingress over once it runs, and removes the old one.
 *
 * The operator's Ingress authenticates with ingress-nginx basic auth (the Secret
 * `orders-web-ui-auth` holds an htpasswd file). A blue/green deployment is exposed through the
 * operator's Ingress only: its REST Service changes with every transition.
 */
import { App, Chart, Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FileSystemPlugin, FlinkBlueGreenDeployment, FlinkVersion, JobJar, UpgradeMode, WebUiAuthentication } from '../../src';

export class BlueGreenChart extends Chart {
  public readonly deployment: FlinkBlueGreenDeployment;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'flink' });
    this.deployment = new FlinkBlueGreenDeployment(this, 'Orders', {
      metadata: { name: 'orders' },
      flinkVersion: FlinkVersion.V1_20,
      // State on S3: the official image enables the S3 plugin of its exact Flink release.
      image: 'flink:1.20.1',
      fileSystemPlugins: [FileSystemPlugin.S3_HADOOP],
      taskManager: { memory: Size.gibibytes(2), slots: 2 },
      checkpointing: { interval: Duration.minutes(1), directory: 's3://flink-state/orders/checkpoints' },
      savepoints: { directory: 's3://flink-state/orders/savepoints' },
      jar: JobJar.fromLocal('/opt/flink/usrlib/orders.jar'),
      parallelism: 4,
      upgradeMode: UpgradeMode.SAVEPOINT,
      blueGreen: {
        abortGracePeriod: Duration.minutes(15),
        deploymentDeletionDelay: Duration.minutes(1),
      },
      ingress: {
        template: 'orders.flink.example.com',
        ingressClassName: 'nginx',
        tlsSecretName: 'orders-tls',
        authentication: WebUiAuthentication.basicAuth('orders-web-ui-auth'),
      },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new BlueGreenChart(app, 'blue-green');
  app.synth();
}
