/**
 * Controller-aware web UI authentication: each method is honoured by one controller family,
 * and an Ingress whose class belongs to another controller, or has no class, fails synth. The
 * bypasses of issue 13 each have a test here that failed before (synth passed, or failed for a
 * valid Traefik setup) and passes now.
 */
import { ApiObject, Chart, Testing } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  ExposeWebUiOptions, FlinkSessionCluster, FlinkVersion, IngressController, WebUiAuthentication,
} from '../src';
import { manifestOf, schemaErrors, synthValid, testChart } from './support/manifests';

/** Kinds of other projects' CRDs (Traefik, GKE, Envoy Gateway), which no schema of ours covers. */
const FOREIGN = new Set(['Middleware', 'BackendConfig']);

function session(chart: Chart, flinkConfiguration?: { [key: string]: string }): FlinkSessionCluster {
  return new FlinkSessionCluster(chart, 'Session', {
    flinkVersion: FlinkVersion.V1_20,
    flinkConfiguration,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
  });
}

/** Synthesizes (the engine runs at synth) and validates every manifest of ours against its schema. */
function exposed(options: ExposeWebUiOptions, extra?: (chart: Chart) => void): () => any[] {
  const chart = testChart();
  session(chart).exposeWebUi(options);
  extra?.(chart);
  if (extra === undefined) {
    return () => synthValid(chart);
  }
  return () => {
    const manifests = Testing.synth(chart);
    expect(schemaErrors(manifests.filter((manifest) => !FOREIGN.has(manifest.kind)))).toEqual([]);
    return manifests;
  };
}

const OIDC = {
  issuer: 'https://idp.example.com',
  authorizationEndpoint: 'https://idp.example.com/authorize',
  tokenEndpoint: 'https://idp.example.com/token',
  userInfoEndpoint: 'https://idp.example.com/userinfo',
  secretName: 'flink-oidc',
};

describe('bypasses that counted as authentication before', () => {
  test.each(['', 'off', 'false', 'none', 'OFF'])("fromAnnotations with 'auth-type: %p' is refused", (value) => {
    expect(() => WebUiAuthentication.fromAnnotations(IngressController.INGRESS_NGINX, {
      'nginx.ingress.kubernetes.io/auth-type': value, 'nginx.ingress.kubernetes.io/auth-secret': 'flink-auth',
    })).toThrow(/WebUiAuthentication.fromAnnotations: 'nginx.ingress.kubernetes.io\/auth-type: ".*"' turns authentication off/);
  });

  test.each(['', 'off'])("an annotation 'auth-type: %p' on the Ingress fails synth", (value) => {
    expect(exposed({ ingressClassName: 'nginx', annotations: { 'nginx.ingress.kubernetes.io/auth-type': value } }))
      .toThrow(/its ingress-nginx basic authentication does not authenticate \('nginx.ingress.kubernetes.io\/auth-type: ".*"' turns authentication off\), so the UI is open: .*remote code execution/);
  });

  test.each(['javascript:alert(1)', 'ftp://auth.example.com/', '/oauth2/auth', 'https://'])('externalAuth(%p) is refused: it needs an http(s) URL', (url) => {
    expect(() => WebUiAuthentication.externalAuth(url)).toThrow(/WebUiAuthentication.externalAuth: 'authUrl' must be an absolute http or https URL/);
  });

  test("an 'auth-url: javascript:alert(1)' annotation fails synth", () => {
    expect(exposed({ ingressClassName: 'nginx', annotations: { 'nginx.ingress.kubernetes.io/auth-url': 'javascript:alert(1)' } }))
      .toThrow(/ingress-nginx external authentication does not authenticate \('nginx.ingress.kubernetes.io\/auth-url': 'javascript:alert\(1\)' is not an http or https URL/);
  });

  test('Traefik middlewares, as the docs describe them, are accepted (they failed synth before)', () => {
    const manifests = exposed({ ingressClassName: 'traefik', authentication: WebUiAuthentication.traefikMiddlewares(['flink-basic-auth@kubernetescrd']) })();
    expect(manifestOf(manifests, 'Ingress', 'session-web-ui').metadata.annotations)
      .toEqual({ 'traefik.ingress.kubernetes.io/router.middlewares': 'flink-basic-auth@kubernetescrd' });
  });

  test('ingress-nginx annotations without an ingressClassName fail synth: the default class may ignore them', () => {
    expect(exposed({ authentication: WebUiAuthentication.basicAuth('flink-auth') }))
      .toThrow(/Ingress 'session-web-ui' exposes the web UI of Flink cluster 'session': it asks for ingress-nginx basic authentication, but has no IngressClass.*Set 'ingressClassName' to the class of ingress-nginx \(e.g. 'nginx'\)/);
  });
});

describe('the authentication must match the controller of the class', () => {
  test.each([
    ['basic auth of ingress-nginx on Traefik', 'traefik', WebUiAuthentication.basicAuth('flink-auth'), /IngressClass 'traefik' is served by traefik, which ignores ingress-nginx basic authentication: the UI is open/],
    ['Traefik middlewares on ingress-nginx', 'nginx', WebUiAuthentication.traefikMiddlewares(['flink-auth@kubernetescrd']), /IngressClass 'nginx' is served by ingress-nginx, which ignores Traefik middlewares/],
    ['an ALB on GKE', 'gce', WebUiAuthentication.awsLoadBalancerOidc(OIDC), /served by gke, which ignores AWS ALB authentication/],
    ['HAProxy on the ambiguous class haproxy', 'haproxy', WebUiAuthentication.haproxyBasicAuth('flink-users'), /IngressClass 'haproxy' is the default class of 'haproxytech' and 'haproxy-ingress'.*'ingressController'/],
    ['anything on an unknown class', 'internal', WebUiAuthentication.basicAuth('flink-auth'), /cannot tell which controller serves IngressClass 'internal'.*'cdk8s-flink\/ingress-controller: <controller>'/],
  ])('%s fails synth', (_what, ingressClassName, authentication, message) => {
    expect(exposed({ ingressClassName, authentication })).toThrow(message);
  });

  test.each([
    ['ingress-nginx', 'nginx', WebUiAuthentication.basicAuth('flink-auth'), undefined],
    ['Traefik', 'traefik', WebUiAuthentication.traefikMiddlewares(['flink-a@kubernetescrd', 'flink-b@kubernetescrd']), undefined],
    ['HAProxy Technologies', 'haproxy', WebUiAuthentication.haproxyBasicAuth('flink-users'), IngressController.HAPROXY_TECH],
    ['HAProxy Ingress', 'haproxy', WebUiAuthentication.haproxyIngressBasicAuth('flink-users'), IngressController.HAPROXY_INGRESS],
    ['an ALB with Cognito', 'alb', WebUiAuthentication.awsLoadBalancerCognito({ userPoolArn: 'arn:aws:cognito-idp:eu-west-1:1:userpool/x', userPoolClientId: 'c', userPoolDomain: 'flink' }), undefined],
    ['a custom class named as ingress-nginx', 'internal-nginx', WebUiAuthentication.basicAuth('flink-auth'), IngressController.INGRESS_NGINX],
  ])('%s passes', (_what, ingressClassName, authentication, ingressController) => {
    const manifests = exposed({ ingressClassName, authentication, ingressController })();
    const annotations = manifestOf(manifests, 'Ingress', 'session-web-ui').metadata.annotations;
    expect(annotations).toMatchObject(authentication.annotations);
    expect(annotations['cdk8s-flink/ingress-controller']).toBe(ingressController);
  });

  test('an IngressClass in the app tells the controller of a custom class', () => {
    const ingressClass = (controller: string) => (chart: Chart) => new ApiObject(chart, 'Class', {
      apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'public' }, spec: { controller },
    });
    expect(exposed({ ingressClassName: 'public', authentication: WebUiAuthentication.basicAuth('a') }, ingressClass('k8s.io/ingress-nginx'))).not.toThrow();
    expect(exposed({ ingressClassName: 'public', authentication: WebUiAuthentication.basicAuth('a') }, ingressClass('traefik.io/ingress-controller')))
      .toThrow(/IngressClass 'public' \(controller 'traefik.io\/ingress-controller'\) is served by traefik, which ignores ingress-nginx basic authentication/);
  });

  test('a Traefik Middleware in the app must authenticate', () => {
    const middleware = (spec: any) => (chart: Chart) => new ApiObject(chart, 'Middleware', {
      apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: 'ui', namespace: 'flink' }, spec,
    });
    const options = { ingressClassName: 'traefik', authentication: WebUiAuthentication.traefikMiddlewares(['flink-ui@kubernetescrd']) };
    expect(exposed(options, middleware({ basicAuth: { secret: 'flink-users' } }))).not.toThrow();
    expect(exposed(options, middleware({ stripPrefix: { prefixes: ['/flink'] } })))
      .toThrow(/its Traefik middlewares does not authenticate \(none of its middlewares \(flink-ui@kubernetescrd\) authenticates/);
  });
});

describe('the other ways an annotation leaves the UI open', () => {
  test.each([
    ["an ALB that lets unauthenticated requests through ('allow')", 'alb', {
      'alb.ingress.kubernetes.io/auth-type': 'oidc',
      'alb.ingress.kubernetes.io/auth-idp-oidc': '{}',
      'alb.ingress.kubernetes.io/auth-on-unauthenticated-request': 'allow',
      'alb.ingress.kubernetes.io/listen-ports': '[{"HTTPS":443}]',
    }, /lets unauthenticated requests through/],
    ['an ALB that also listens on HTTP', 'alb', {
      'alb.ingress.kubernetes.io/auth-type': 'cognito',
      'alb.ingress.kubernetes.io/auth-idp-cognito': '{}',
      'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP":80},{"HTTPS":443}]',
    }, /an ALB authenticates on HTTPS listeners only/],
    ['client certificates that are optional', 'nginx', {
      'nginx.ingress.kubernetes.io/auth-tls-secret': 'flink/ca', 'nginx.ingress.kubernetes.io/auth-tls-verify-client': 'optional',
    }, /lets clients without a valid certificate through/],
    ['basic auth without its Secret', 'nginx', { 'nginx.ingress.kubernetes.io/auth-type': 'basic' }, /'nginx.ingress.kubernetes.io\/auth-secret' must name the htpasswd Secret/],
    ['HAProxy basic auth of the wrong type', 'haproxy', { 'haproxy.org/auth-type': 'basic', 'haproxy.org/auth-secret': 's' }, /'haproxy.org\/auth-type' must be 'basic-auth' \(got 'basic'\)/],
  ])('%s fails synth', (_what, ingressClassName, annotations, message) => {
    expect(exposed({ ingressClassName, ingressController: ingressClassName === 'haproxy' ? IngressController.HAPROXY_TECH : undefined, annotations })).toThrow(message);
  });

  test.each([
    [() => WebUiAuthentication.basicAuth(' '), /basicAuth: 'secretName' must not be empty/],
    [() => WebUiAuthentication.clientCertificate(''), /clientCertificate: 'caSecretName' must not be empty/],
    [() => WebUiAuthentication.externalAuth('https://a.example.com/auth', 'javascript:x'), /'signInUrl' must be an absolute http or https URL/],
    [() => WebUiAuthentication.traefikMiddlewares([]), /traefikMiddlewares: '.*router.middlewares' names no middleware/],
    [() => WebUiAuthentication.traefikMiddlewares(['basic-auth']), /entry 'basic-auth' is not '<namespace>-<name>@kubernetescrd'/],
    [() => WebUiAuthentication.awsLoadBalancerOidc({ ...OIDC, tokenEndpoint: 'javascript:x' }), /awsLoadBalancerOidc: 'tokenEndpoint' must be an absolute http or https URL/],
    [() => WebUiAuthentication.fromAnnotations(IngressController.INGRESS_NGINX, {}), /fromAnnotations: the annotations must turn on an authentication of ingress-nginx/],
    [() => WebUiAuthentication.fromAnnotations(IngressController.TRAEFIK, { 'nginx.ingress.kubernetes.io/auth-url': 'https://a.example.com/' }),
      /'nginx.ingress.kubernetes.io\/auth-url' is an annotation of ingress-nginx, not of traefik/],
    [() => WebUiAuthentication.fromAnnotations(IngressController.AWS_ALB, { 'alb.ingress.kubernetes.io/auth-type': 'oidc', 'alb.ingress.kubernetes.io/auth-idp-oidc': '{}' }),
      /'alb.ingress.kubernetes.io\/listen-ports' is not set/],
    [() => WebUiAuthentication.fromAnnotations(IngressController.GKE, {}), /GKE authenticates through Identity-Aware Proxy/],
    [() => WebUiAuthentication.gkeIdentityAwareProxy(''), /gkeIdentityAwareProxy: 'backendConfigName' must not be empty/],
  ])('a factory refuses what would not authenticate (%#)', (factory, message) => {
    expect(factory).toThrow(message);
  });

  test('fromAnnotations states its controller', () => {
    const authentication = WebUiAuthentication.fromAnnotations(IngressController.TRAEFIK, { 'traefik.ingress.kubernetes.io/router.middlewares': 'flink-sso@kubernetescrd' });
    expect(authentication.controller).toBe(IngressController.TRAEFIK);
    expect(WebUiAuthentication.basicAuth('a').controller).toBe(IngressController.INGRESS_NGINX);
  });
});

describe('GKE Identity-Aware Proxy', () => {
  const iap = { ingressClassName: 'gce', authentication: WebUiAuthentication.gkeIdentityAwareProxy('flink-iap') };

  test('annotates the REST Service with the BackendConfig, through kubernetes.rest-service.annotations', () => {
    const manifests = exposed(iap)();
    expect(manifestOf(manifests, 'FlinkDeployment', 'session').spec.flinkConfiguration)
      .toEqual({ 'kubernetes.rest-service.annotations': 'cloud.google.com/backend-config:\'{"default":"flink-iap"}\'' });
    expect(manifestOf(manifests, 'Ingress', 'session-web-ui').metadata.annotations).toBeUndefined();
  });

  test('a BackendConfig in the app must turn IAP on', () => {
    const backendConfig = (enabled: boolean) => (chart: Chart) => new ApiObject(chart, 'Iap', {
      apiVersion: 'cloud.google.com/v1', kind: 'BackendConfig', metadata: { name: 'flink-iap', namespace: 'flink' }, spec: { iap: { enabled } },
    });
    expect(exposed(iap, backendConfig(true))).not.toThrow();
    expect(exposed(iap, backendConfig(false))).toThrow(/BackendConfig 'flink-iap' does not turn Identity-Aware Proxy on/);
  });

  test('a GKE Ingress without IAP on the REST Service fails synth', () => {
    expect(exposed({ ingressClassName: 'gce' }))
      .toThrow(/GKE Ingress 'gce' authenticates only through Identity-Aware Proxy on the REST Service, and the REST Service of Flink cluster 'session' has no BackendConfig .*gkeIdentityAwareProxy/);
  });

  test('a configured rest-service annotations value must hold the BackendConfig: it is not rewritten', () => {
    const chart = testChart();
    const cluster = session(chart, { 'kubernetes.rest-service.annotations': 'team:data' });
    expect(() => cluster.exposeWebUi(iap)).toThrow(/gkeIdentityAwareProxy\(\) needs the REST Service annotation cloud.google.com\/backend-config:'\{"default":"flink-iap"\}', but flinkConfiguration 'kubernetes.rest-service.annotations' is set to 'team:data' without it/);
  });
});
