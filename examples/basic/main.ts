/**
 * The operator's `basic.yaml` example: an application cluster running the StateMachine
 * example jar from the image.
 *
 * Intended differences from the upstream manifest (checked by test/examples/upstream-parity.test.ts):
 * - `spec.podTemplate` carries the restricted security defaults (non-root uid/gid 9999, no
 *   privilege escalation, all capabilities dropped, seccomp RuntimeDefault);
 * - `flinkConfiguration` values are strings (`"2"`, not `2`), as Flink reads them.
 */
import { App, Chart } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FlinkApplication, FlinkVersion, JobJar, UpgradeMode } from '../../src';

export class BasicChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new FlinkApplication(this, 'Basic', {
      metadata: { name: 'basic-example' },
      flinkVersion: FlinkVersion.V2_2,
      // The `flink` account and its Role come with the operator's Helm chart.
      serviceAccount: ServiceAccount.fromServiceAccountName(this, 'FlinkServiceAccount', 'flink'),
      taskManager: { slots: 2 },
      jar: JobJar.fromLocal('/opt/flink/examples/streaming/StateMachineExample.jar'),
      parallelism: 2,
      upgradeMode: UpgradeMode.STATELESS,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new BasicChart(app, 'basic');
  app.synth();
}
