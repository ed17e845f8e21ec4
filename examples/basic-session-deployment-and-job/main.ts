/**
 * The operator's `basic-session-deployment-and-job.yaml` example: a session cluster and two
 * session jobs on it.
 *
 * Intended difference from the upstream manifests (checked by test/examples/upstream-parity.test.ts):
 * - `spec.podTemplate` of the FlinkDeployment carries the restricted security defaults.
 */
import { App, Chart } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FlinkSessionCluster, FlinkVersion, JobJar, UpgradeMode } from '../../src';

const EXAMPLES = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0';

export class BasicSessionDeploymentAndJobChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const cluster = new FlinkSessionCluster(this, 'Session', {
      metadata: { name: 'basic-session-deployment-example' },
      flinkVersion: FlinkVersion.V2_2,
      serviceAccount: ServiceAccount.fromServiceAccountName(this, 'FlinkServiceAccount', 'flink'),
    });
    cluster.addJob('TopSpeedWindowing', {
      metadata: { name: 'basic-session-job-example' },
      jar: JobJar.fromUri(`${EXAMPLES}/flink-examples-streaming-2.2.0-TopSpeedWindowing.jar`),
      parallelism: 4,
      upgradeMode: UpgradeMode.STATELESS,
    });
    cluster.addJob('StateMachine', {
      metadata: { name: 'basic-session-job-example2' },
      jar: JobJar.fromUri(`${EXAMPLES}/flink-examples-streaming-2.2.0.jar`),
      entryClass: 'org.apache.flink.streaming.examples.statemachine.StateMachineExample',
      parallelism: 2,
      upgradeMode: UpgradeMode.STATELESS,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new BasicSessionDeploymentAndJobChart(app, 'basic-session-deployment-and-job');
  app.synth();
}
