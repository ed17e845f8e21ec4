/**
 * A session cluster whose web UI is served under `https://tools.example.com/flink/` by a shared
 * Gateway API Gateway, through an HTTPRoute (`gateway.networking.k8s.io/v1`, standard channel).
 *
 * The standard channel has no authentication of its own, so the route names what authenticates
 * it: here an Envoy Gateway SecurityPolicy with basic auth that targets the route (the Secret
 * `flink-ui-users` holds an htpasswd file under the key `.htpasswd`). With another Gateway
 * implementation, name its filter (`HttpRouteAuthentication.extensionFilter(...)`) or its policy
 * (`attachedPolicy(...)`) instead.
 *
 * The route rewrites `/flink/...` to `/...` (URLRewrite, ReplacePrefixMatch) and redirects
 * `/flink` to `/flink/` (RequestRedirect): portable across implementations, no annotations.
 *
 * Run `npx cdk8s synth` in this folder to write the manifests to dist/.
 */
import { ApiObject, App, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FlinkSessionCluster, FlinkVersion, HttpRouteAuthentication } from '../../src';

/** The Envoy Gateway SecurityPolicy that authenticates the route. */
export const SECURITY_POLICY = 'flink-ui-auth';

export class GatewayApiChart extends Chart {
  public readonly cluster: FlinkSessionCluster;

  constructor(scope: Construct, id: string, props: ChartProps = { namespace: 'flink' }) {
    super(scope, id, props);

    this.cluster = new FlinkSessionCluster(this, 'SessionCluster', {
      metadata: { name: 'tools-session' },
      flinkVersion: FlinkVersion.V1_20,
    });

    const route = this.cluster.exposeWebUiWithGateway({
      gatewayName: 'shared-gateway',
      gatewayNamespace: 'gateway-system',
      sectionName: 'https',
      hostnames: ['tools.example.com'],
      path: '/flink',
      authentication: HttpRouteAuthentication.envoyGatewaySecurityPolicy(SECURITY_POLICY),
    });

    // The policy itself, if Envoy Gateway is your implementation and the policy lives with the
    // app: the validator checks that it targets the route and authenticates.
    new ApiObject(this, 'WebUiAuthentication', {
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'SecurityPolicy',
      metadata: { name: SECURITY_POLICY },
      spec: {
        targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: route.name }],
        basicAuth: { users: { name: 'flink-ui-users' } },
      },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new GatewayApiChart(app, 'gateway-api');
  app.synth();
}
