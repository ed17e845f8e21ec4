/**
 * The web-ui-exposure rule on raw manifests (what FlinkValidator, the CLI and the plugin see):
 * hand-written Ingresses and HTTPRoutes to a Flink REST Service, and the operator's
 * `spec.ingress` of FlinkDeployments and FlinkBlueGreenDeployments.
 */
import { APPLICATION, BLUE_GREEN, JOB_RBAC, patched, SESSION_CLUSTER } from './fixtures';
import { Finding, FlinkValidator, Severity } from '../../src';

const exposure = (manifests: any[]): Finding[] => FlinkValidator.validate(manifests).filter((finding) => finding.rule === 'web-ui-exposure');

const ingress = (annotations: { [key: string]: string }, spec: any = {}, service = 'session-rest') => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'ui', namespace: 'flink', annotations },
  spec: { ...spec, rules: [{ host: 'flink.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: service, port: { number: 8081 } } } }] } }] },
});

const route = (annotations: { [key: string]: string } = {}, rule: any = {}, service = 'session-rest') => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'ui', namespace: 'flink', annotations },
  spec: {
    parentRefs: [{ name: 'shared', namespace: 'gateway' }],
    rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: service, port: 8081 }], ...rule }],
  },
});

const securityPolicy = (spec: any) => ({
  apiVersion: 'gateway.envoyproxy.io/v1alpha1', kind: 'SecurityPolicy', metadata: { name: 'ui-auth', namespace: 'flink' }, spec,
});

const SESSION = [SESSION_CLUSTER, ...JOB_RBAC];
const NGINX_BASIC = { 'nginx.ingress.kubernetes.io/auth-type': 'basic', 'nginx.ingress.kubernetes.io/auth-secret': 'ui-users' };

describe('hand-written Ingresses', () => {
  test.each([
    ['an empty auth-type', { ...NGINX_BASIC, 'nginx.ingress.kubernetes.io/auth-type': '' }, /'nginx.ingress.kubernetes.io\/auth-type: ""' turns authentication off/],
    ["auth-type 'off'", { ...NGINX_BASIC, 'nginx.ingress.kubernetes.io/auth-type': 'off' }, /'nginx.ingress.kubernetes.io\/auth-type: "off"' turns authentication off/],
    ['a javascript: auth-url', { 'nginx.ingress.kubernetes.io/auth-url': 'javascript:alert(1)' }, /'javascript:alert\(1\)' is not an http or https URL/],
  ])('%s is no authentication', (_what, annotations, message) => {
    const [finding] = exposure([...SESSION, ingress(annotations, { ingressClassName: 'nginx' })]);
    expect(finding).toMatchObject({ kind: 'Ingress', name: 'ui', path: 'metadata.annotations' });
    expect(finding.message).toMatch(message);
  });

  test('ingress-nginx annotations without a class: the default class may ignore them', () => {
    expect(exposure([...SESSION, ingress(NGINX_BASIC)])).toEqual([expect.objectContaining({ path: 'spec.ingressClassName' })]);
    expect(exposure([...SESSION, ingress(NGINX_BASIC, { ingressClassName: 'nginx' })])).toEqual([]);
  });

  test('the deprecated class annotation counts as the class', () => {
    expect(exposure([...SESSION, ingress({ ...NGINX_BASIC, 'kubernetes.io/ingress.class': 'nginx' })])).toEqual([]);
  });

  test('Traefik middlewares on a Traefik class authenticate', () => {
    const traefik = { 'traefik.ingress.kubernetes.io/router.middlewares': 'flink-ui-auth@kubernetescrd' };
    expect(exposure([...SESSION, ingress(traefik, { ingressClassName: 'traefik' })])).toEqual([]);
    expect(exposure([...SESSION, ingress(traefik, { ingressClassName: 'nginx' })])[0].message).toMatch(/served by ingress-nginx, which ignores Traefik middlewares/);
  });

  test('a custom class is named by the cdk8s-flink/ingress-controller annotation', () => {
    expect(exposure([...SESSION, ingress({ ...NGINX_BASIC, 'cdk8s-flink/ingress-controller': 'ingress-nginx' }, { ingressClassName: 'public' })])).toEqual([]);
    expect(exposure([...SESSION, ingress({ ...NGINX_BASIC, 'cdk8s-flink/ingress-controller': 'nginx-plus' }, { ingressClassName: 'public' })])[0].message)
      .toMatch(/'cdk8s-flink\/ingress-controller' must be one of 'ingress-nginx', 'traefik'/);
  });

  test('an ingress-nginx Ingress that only redirects never reaches the UI', () => {
    const redirect = ingress({ 'nginx.ingress.kubernetes.io/permanent-redirect': 'https://flink.example.com/flink/' }, { ingressClassName: 'nginx' });
    expect(exposure([...SESSION, redirect])).toEqual([]);
    expect(exposure([...SESSION, { ...redirect, spec: { ...redirect.spec, ingressClassName: 'traefik' } }])).toHaveLength(1);
  });

  test("an Ingress to a blue/green deployment's active REST Service", () => {
    expect(exposure([BLUE_GREEN, ingress({}, { ingressClassName: 'nginx' }, 'orders-green-rest')])[0].message)
      .toMatch(/exposes the web UI of Flink cluster 'orders-green' of blue\/green deployment 'orders' without authentication: anyone who reaches it can cancel jobs/);
  });
});

describe("the operator's spec.ingress", () => {
  test('of a blue/green deployment is checked like a FlinkDeployment\'s', () => {
    const [finding] = exposure([patched(BLUE_GREEN, { spec: { ingress: { template: 'orders.example.com', className: 'nginx' } } })]);
    expect(finding).toMatchObject({ kind: 'FlinkBlueGreenDeployment', name: 'orders', path: 'spec.ingress' });
    expect(exposure([patched(BLUE_GREEN, { spec: { ingress: { template: 'orders.example.com', className: 'nginx', annotations: NGINX_BASIC } } })])).toEqual([]);
  });

  test('of an application cluster needs authentication too', () => {
    expect(exposure([patched(APPLICATION, { spec: { ingress: { template: 'app.example.com' } } }), ...JOB_RBAC])[0].message)
      .toMatch(/The operator Ingress of 'app' exposes the web UI of Flink cluster 'app' without authentication: anyone who reaches it can cancel jobs/);
  });
});

describe('hand-written HTTPRoutes', () => {
  test('an unauthenticated route to <cluster>-rest is an error, with the strongest message for jar uploads', () => {
    const [finding] = exposure([...SESSION, route()]);
    expect(finding).toMatchObject({ kind: 'HTTPRoute', name: 'ui', path: 'spec.rules[0].backendRefs[0].name' });
    expect(finding.message).toMatch(/HTTPRoute 'ui' exposes the web UI of Flink cluster 'session' without authentication \(the Gateway API standard channel has none\): .*remote code execution/);
  });

  test('a route to another Service, or another kind of backend, is none of the rule\'s business', () => {
    expect(exposure([...SESSION, route({}, {}, 'orders-rest')])).toEqual([]);
    expect(exposure([...SESSION, route({}, { backendRefs: [{ group: 'example.io', kind: 'Bucket', name: 'session-rest' }] })])).toEqual([]);
  });

  test('the explicit opt-in', () => {
    expect(exposure([...SESSION, route({ 'cdk8s-flink/unauthenticated-web-ui': 'true' })])).toEqual([]);
  });

  test('an ExtensionRef filter counts once the route names it', () => {
    const filter = { filters: [{ type: 'ExtensionRef', extensionRef: { group: 'gateway.example.io', kind: 'AuthFilter', name: 'sso' } }] };
    expect(exposure([...SESSION, route({}, filter)])[0].message).toMatch(/through ExtensionRef filter gateway.example.io\/AuthFilter\/sso, but cdk8s-flink cannot see whether it authenticates/);
    expect(exposure([...SESSION, route({ 'cdk8s-flink/authenticated-by': 'gateway.example.io/AuthFilter/sso' }, filter)])).toEqual([]);
  });

  test('an Envoy Gateway SecurityPolicy in the set that targets the route and authenticates counts by itself', () => {
    const targetRefs = [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'ui' }];
    expect(exposure([...SESSION, route(), securityPolicy({ targetRefs, basicAuth: { users: { name: 'ui-users' } } })])).toEqual([]);
    expect(exposure([...SESSION, route(), securityPolicy({ targetRefs, cors: {} })])).toHaveLength(1);
    expect(exposure([...SESSION, route(), securityPolicy({ targetRefs: [{ ...targetRefs[0], name: 'other' }], oidc: {} })])).toHaveLength(1);
  });

  test('a named policy in the set must target the route or its Gateway, and authenticate', () => {
    const named = { 'cdk8s-flink/authenticated-by': 'gateway.envoyproxy.io/SecurityPolicy/ui-auth' };
    expect(exposure([...SESSION, route(named)])).toEqual([]);
    const gatewayWide = securityPolicy({ targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'shared' }], jwt: {} });
    expect(exposure([...SESSION, route(named), { ...gatewayWide, metadata: { ...gatewayWide.metadata, namespace: 'gateway' } }])).toHaveLength(0);
    expect(exposure([...SESSION, route(named), securityPolicy({ targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'other' }], jwt: {} })])[0].message)
      .toMatch(/SecurityPolicy 'ui-auth' does not target HTTPRoute 'ui', nor every Gateway and listener it attaches to/);
    expect(exposure([...SESSION, route(named), securityPolicy({ targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'ui' }] })])[0].message)
      .toMatch(/SecurityPolicy 'ui-auth' authenticates nothing/);
  });

  test('an Istio AuthorizationPolicy cannot target an HTTPRoute', () => {
    expect(exposure([...SESSION, route({ 'cdk8s-flink/authenticated-by': 'security.istio.io/AuthorizationPolicy/ui' })])[0].message)
      .toMatch(/an AuthorizationPolicy cannot target an HTTPRoute/);
  });

  test('a malformed authenticated-by value is no authentication', () => {
    expect(exposure([...SESSION, route({ 'cdk8s-flink/authenticated-by': 'ui-auth' })])[0].message).toMatch(/entries must be '<group>\/<Kind>\/<name>'/);
  });

  test('never throws on odd shapes', () => {
    for (const spec of [null, 'x', { rules: 'x' }, { rules: [null, { backendRefs: [null, 'x', { name: 3 }] }] }]) {
      expect(() => FlinkValidator.validate([...SESSION, { ...route(), spec }])).not.toThrow();
    }
  });
});

describe('severity of manifests written by hand', () => {
  const severityOf = (manifests: any[]) => exposure(manifests).map((finding) => finding.severity);

  test('an open UI that accepts jar uploads is an error: anyone who reaches it runs code', () => {
    expect(severityOf([...SESSION, ingress({}, { ingressClassName: 'nginx' })])).toEqual([Severity.ERROR]);
    expect(severityOf([...SESSION, route()])).toEqual([Severity.ERROR]);
    expect(severityOf([patched(SESSION_CLUSTER, { spec: { ingress: { template: 'flink.example.com' } } }), ...JOB_RBAC])).toEqual([Severity.ERROR]);
  });

  test('an open session cluster with jar uploads off is still an error: POST /jobs stays', () => {
    const uploadsOff = patched(SESSION_CLUSTER, { spec: { flinkConfiguration: { 'web.submit.enable': 'false' } } });
    expect(severityOf([uploadsOff, ...JOB_RBAC, ingress({}, { ingressClassName: 'nginx' })])).toEqual([Severity.ERROR]);
  });

  test('an open application cluster is a warning: whether it is reachable is not in the manifests', () => {
    expect(severityOf([patched(APPLICATION, { spec: { ingress: { template: 'app.example.com' } } }), ...JOB_RBAC])).toEqual([Severity.WARNING]);
    expect(severityOf([BLUE_GREEN, route({}, {}, 'orders-blue-rest')])).toEqual([Severity.WARNING]);
  });

  test('an unparsable web.submit.enable counts as uploads on (the error stays)', () => {
    const unclear = patched(SESSION_CLUSTER, { spec: { flinkConfiguration: { 'web.submit.enable': 'nope' } } });
    expect(severityOf([unclear, ...JOB_RBAC, ingress({}, { ingressClassName: 'nginx' })])).toEqual([Severity.ERROR]);
  });
});
