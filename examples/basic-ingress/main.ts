/**
 * The operator's `basic-ingress.yaml` example: an application cluster whose web UI the
 * operator exposes with a host-based Ingress (`{{name}}.{{namespace}}.flink.k8s.io`).
 *
 * Like the upstream example, it exposes the UI without authentication. Even an application
 * cluster's REST API lets anyone who reaches it cancel the job and trigger savepoints, so that
 * is an explicit choice here (`allowUnauthenticatedAccess`); see docs/web-ui.md for how to
 * authenticate instead.
 *
 * Intended differences from the upstream manifest (checked by the conformance suite):
 * - `spec.podTemplate` carries the restricted security defaults;
 * - `flinkConfiguration` values are strings;
 * - `spec.ingress.annotations` records the explicit opt-in, `cdk8s-flink/unauthenticated-web-ui: "true"`.
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
    application.exposeWebUiWithOperatorIngress({ template: '{{name}}.{{namespace}}.flink.k8s.io', allowUnauthenticatedAccess: true });
  }
}

if (require.main === module) {
  const app = new App();
  new BasicIngressChart(app, 'basic-ingress');
  app.synth();
}
