/**
 * The operator's `basic-ingress.yaml` example: an application cluster whose web UI the
 * operator exposes with a host-based Ingress (`{{name}}.{{namespace}}.flink.k8s.io`).
 *
 * Application clusters serve no jar upload handlers, so the UI may be exposed without
 * authentication here; a session cluster would need authentication or an explicit opt-in.
 *
 * Intended differences from the upstream manifest (checked by test/examples/upstream-parity.test.ts):
 * - `spec.podTemplate` carries the restricted security defaults;
 * - `flinkConfiguration` values are strings.
 */
import { App, Chart } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FlinkApplication, FlinkVersion, JobJar } from '../../src';

export class BasicIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const application = new FlinkApplication(this, 'BasicIngress', {
      metadata: { name: 'basic-ingress' },
      flinkVersion: FlinkVersion.V2_2,
      serviceAccount: ServiceAccount.fromServiceAccountName(this, 'FlinkServiceAccount', 'flink'),
      taskManager: { slots: 2 },
      jar: JobJar.fromLocal('/opt/flink/examples/streaming/StateMachineExample.jar'),
      parallelism: 2,
    });
    application.exposeWebUiWithOperatorIngress({ template: '{{name}}.{{namespace}}.flink.k8s.io' });
  }
}

if (require.main === module) {
  const app = new App();
  new BasicIngressChart(app, 'basic-ingress');
  app.synth();
}
