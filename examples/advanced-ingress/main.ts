/**
 * The operator's `advanced-ingress.yaml` example: an application cluster whose web UI the
 * operator exposes under the path `/<namespace>/<name>/`, rewritten by ingress-nginx.
 *
 * Like the upstream example, it exposes the UI without authentication: an explicit choice here
 * (`allowUnauthenticatedAccess`), since anyone who reaches the REST API can cancel the job.
 * It uses only `rewrite-target`, which a default ingress-nginx install accepts (no snippets).
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

export class AdvancedIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const application = new FlinkApplication(this, 'AdvancedIngress', {
      metadata: { name: 'advanced-ingress' },
      flinkVersion: FlinkVersion.V2_2,
      serviceAccount: ServiceAccount.fromServiceAccountName(this, 'FlinkServiceAccount', 'flink'),
      taskManager: { slots: 2 },
      jar: JobJar.fromLocal('/opt/flink/examples/streaming/StateMachineExample.jar'),
      parallelism: 2,
    });
    application.exposeWebUiWithOperatorIngress({
      template: '/{{namespace}}/{{name}}(/|$)(.*)',
      ingressClassName: 'nginx',
      annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' },
      allowUnauthenticatedAccess: true,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new AdvancedIngressChart(app, 'advanced-ingress');
  app.synth();
}
