import { Chart } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  ExposeWebUiWithGatewayOptions,
  FlinkApplication,
  FlinkBlueGreenDeployment,
  FlinkSessionCluster,
  FlinkVersion,
  HttpRouteAuthentication,
  JobJar,
} from '../src';
import { manifestOf, schemaErrors, synthValid, testChart } from './support/manifests';

const OPEN = { gatewayName: 'shared-gateway', allowUnauthenticatedAccess: true };
const SSO = HttpRouteAuthentication.extensionFilter('gateway.example.io', 'AuthFilter', 'flink-sso');

function session(chart: Chart, flinkConfiguration?: { [key: string]: string }): FlinkSessionCluster {
  return new FlinkSessionCluster(chart, 'Session', {
    flinkVersion: FlinkVersion.V1_20,
    flinkConfiguration,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
  });
}

function routeOf(options: ExposeWebUiWithGatewayOptions): any {
  const chart = testChart();
  session(chart).exposeWebUiWithGateway(options);
  return manifestOf(synthValid(chart), 'HTTPRoute', 'session-web-ui');
}

const BACKEND = [{ name: 'session-rest', port: 8081 }];

describe('exposeWebUiWithGateway', () => {
  test('defaults: a gateway.networking.k8s.io/v1 HTTPRoute from the Gateway, path /, to <cluster>-rest:8081', () => {
    expect(routeOf(OPEN)).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'session-web-ui', namespace: 'flink', annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' } },
      spec: {
        parentRefs: [{ name: 'shared-gateway' }],
        rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: BACKEND }],
      },
    });
  });

  test('a Gateway in another namespace, a listener, host names and an implementation filter', () => {
    const route = routeOf({
      gatewayName: 'shared-gateway',
      gatewayNamespace: 'gateway-system',
      sectionName: 'https',
      hostnames: ['flink.example.com', '*.flink.example.com'],
      authentication: SSO,
    });
    expect(route.metadata.annotations).toEqual({ 'cdk8s-flink/authenticated-by': 'gateway.example.io/AuthFilter/flink-sso' });
    expect(route.spec).toEqual({
      parentRefs: [{ name: 'shared-gateway', namespace: 'gateway-system', sectionName: 'https' }],
      hostnames: ['flink.example.com', '*.flink.example.com'],
      rules: [{
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        filters: [{ type: 'ExtensionRef', extensionRef: { group: 'gateway.example.io', kind: 'AuthFilter', name: 'flink-sso' } }],
        backendRefs: BACKEND,
      }],
    });
  });

  test.each([['/flink', '/flink'], ['/ui/fl.nk/', '/ui/fl.nk']])('the prefix %p is rewritten by URLRewrite, and its bare form redirected by RequestRedirect', (path, prefix) => {
    const route = routeOf({ ...OPEN, path, authentication: SSO });
    expect(route.spec.rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: prefix } }],
        filters: [
          { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } },
          { type: 'ExtensionRef', extensionRef: { group: 'gateway.example.io', kind: 'AuthFilter', name: 'flink-sso' } },
        ],
        backendRefs: BACKEND,
      },
      {
        matches: [{ path: { type: 'Exact', value: prefix } }],
        filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: `${prefix}/` }, statusCode: 301 } }],
      },
    ]);
  });

  test('routes to rest.port when it is configured, even after the call', () => {
    const chart = testChart();
    const cluster = session(chart);
    cluster.exposeWebUiWithGateway(OPEN);
    cluster.addFlinkConfiguration('rest.port', '9081');
    expect(manifestOf(synthValid(chart), 'HTTPRoute', 'session-web-ui').spec.rules[0].backendRefs).toEqual([{ name: 'session-rest', port: 9081 }]);
  });

  test('the route comes after its cluster, and the UI is exposed once', () => {
    const chart = testChart();
    const cluster = session(chart);
    cluster.exposeWebUiWithGateway(OPEN);
    expect(synthValid(chart).map((m) => m.kind)).toEqual(['FlinkDeployment', 'HTTPRoute']);
    expect(() => cluster.exposeWebUi({ allowUnauthenticatedAccess: true })).toThrow(/already exposed by exposeWebUiWithGateway\(\)/);
  });

  test.each([
    ['a bad Gateway name', { gatewayName: 'Shared Gateway' }, /'gatewayName' must be a lowercase DNS name .*got 'Shared Gateway'/],
    ['a bad namespace', { gatewayNamespace: 'gateway.system' }, /'gatewayNamespace' must be a namespace name/],
    ['a bad host name', { hostnames: ['Flink.example.com'] }, /'hostnames\[0\]' must be a lowercase host name/],
    ['an IP address', { hostnames: ['flink.example.com', '10.0.0.1'] }, /'hostnames\[1\]' must be a lowercase host name such as 'flink.example.com', not an IP address \(got '10.0.0.1'\)/],
    ['17 host names', { hostnames: Array.from({ length: 17 }, (_, i) => `h${i}.example.com`) }, /'hostnames' may hold at most 16 names \(got 17\)/],
    ['a .. segment', { path: '/flink/../admin' }, /'path' must be '\/' or a plain path prefix .*without '\.' or '\.\.' segments/],
    ['another namespace', { metadata: { namespace: 'gateway-system' } }, /'metadata.namespace' must be the cluster's namespace 'flink'/],
  ])('rejects %s', (_what, options, message) => {
    expect(() => session(testChart()).exposeWebUiWithGateway({ ...OPEN, ...options })).toThrow(message);
  });

  test('a blue/green deployment has no exposeWebUiWithGateway(): its REST Service changes with every transition', () => {
    expect('exposeWebUiWithGateway' in FlinkBlueGreenDeployment.prototype).toBe(false);
    expect('exposeWebUiWithGateway' in FlinkApplication.prototype).toBe(true);
  });
});

describe('HTTPRoute exposure safety', () => {
  test('an unauthenticated route to a session cluster with jar uploads fails synth, with the strongest message', () => {
    const chart = testChart();
    session(chart).exposeWebUiWithGateway({ gatewayName: 'shared-gateway' });
    expect(() => synthValid(chart)).toThrow(/HTTPRoute 'session-web-ui' exposes the web UI of Flink cluster 'session' without authentication \(the Gateway API standard channel has none\): .*remote code execution.*HttpRouteAuthentication.envoyGatewaySecurityPolicy.*allowUnauthenticatedAccess: true/);
  });

  test('an application cluster needs authentication or the opt-in too, with the milder message', () => {
    const chart = testChart();
    new FlinkApplication(chart, 'App', {
      flinkVersion: FlinkVersion.V1_20,
      serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
      jar: JobJar.fromLocal('/opt/flink/usrlib/job.jar'),
    }).exposeWebUiWithGateway({ gatewayName: 'shared-gateway' });
    expect(() => synthValid(chart)).toThrow(/HTTPRoute 'app-web-ui' exposes the web UI of Flink cluster 'app' without authentication .*anyone who reaches it can cancel jobs/);
  });

  test.each([
    ['an implementation filter', SSO],
    ['an Envoy Gateway SecurityPolicy', HttpRouteAuthentication.envoyGatewaySecurityPolicy('flink-ui-auth')],
    ['another policy attached to the route', HttpRouteAuthentication.attachedPolicy('policy.example.io', 'AuthPolicy', 'flink-ui')],
  ])('passes with %s', (_what, authentication) => {
    const chart = testChart();
    session(chart).exposeWebUiWithGateway({ gatewayName: 'shared-gateway', authentication });
    expect(manifestOf(synthValid(chart), 'HTTPRoute', 'session-web-ui').metadata.annotations['cdk8s-flink/authenticated-by']).toBe(authentication.reference);
  });

  test.each([
    [() => HttpRouteAuthentication.attachedPolicy('security.istio.io', 'AuthorizationPolicy', 'flink'), /an Istio AuthorizationPolicy cannot target an HTTPRoute/],
    [() => HttpRouteAuthentication.extensionFilter('gateway.example.io', 'Auth Filter', 'sso'), /extensionFilter: 'kind' must be a kind such as 'SecurityPolicy' \(got 'Auth Filter'\)/],
    [() => HttpRouteAuthentication.envoyGatewaySecurityPolicy(''), /envoyGatewaySecurityPolicy|attachedPolicy: 'name' must be a lowercase DNS name/],
  ])('HttpRouteAuthentication refuses what it cannot attach (%#)', (factory, message) => {
    expect(factory).toThrow(message);
  });
});

describe('the strict HTTPRoute check of the tests', () => {
  const route = routeOf({ ...OPEN, path: '/flink' });

  test('the synthesized route is valid', () => {
    expect(schemaErrors([route])).toEqual([]);
  });

  test.each([
    ['an unknown field', (r: any) => { r.spec.rules[0].timeouts = { request: '10s' }; }, /\/spec\/rules\/0 must NOT have additional properties 'timeouts'/],
    ['an unknown parentRef field', (r: any) => { r.spec.parentRefs[0].port = 443; }, /\/spec\/parentRefs\/0 must NOT have additional properties 'port'/],
    ['a redirect status the schema does not know', (r: any) => { r.spec.rules[1].filters[0].requestRedirect.statusCode = 308; }, /statusCode must be equal to one of the allowed values/],
    ['a prefix rewrite with two matches', (r: any) => { r.spec.rules[0].matches.push({ path: { type: 'PathPrefix', value: '/x' } }); }, /ReplacePrefixMatch needs exactly one match, of type PathPrefix/],
    ['a redirect with backends', (r: any) => { r.spec.rules[1].backendRefs = [{ name: 'session-rest', port: 8081 }]; }, /a RequestRedirect filter must not be used with backendRefs/],
    ['a Service backend without a port', (r: any) => { delete r.spec.rules[0].backendRefs[0].port; }, /a Service backend must set port/],
    ['a path with ..', (r: any) => { r.spec.rules[1].matches[0].path.value = '/flink/../x'; }, /must be an absolute path without/],
  ])('rejects %s', (_what, mutate, message) => {
    const broken = JSON.parse(JSON.stringify(route));
    mutate(broken);
    expect(schemaErrors([broken]).join('\n')).toMatch(message);
  });
});
