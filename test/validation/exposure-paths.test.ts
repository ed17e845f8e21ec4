/**
 * The ways people expose a Flink cluster's REST endpoint besides an Ingress or HTTPRoute to
 * `<cluster>-rest`, decided by what a Service selects and targets rather than by its name
 * (issue 21): a LoadBalancer, NodePort or external-IP Service on the JobManager pods, an Ingress
 * or HTTPRoute to such a Service, an ExternalName Service that points at the REST Service.
 */
import { APPLICATION, JOB_RBAC, patched, SESSION_CLUSTER } from './fixtures';
import { FlinkValidator, Severity } from '../../src';

const SESSION = [SESSION_CLUSTER, ...JOB_RBAC];

function service(name: string, spec: any, metadata: any = {}, namespace = 'flink'): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, ...metadata }, spec };
}

const JOBMANAGER = { app: 'session', component: 'jobmanager' };
const exposure = (manifests: any[]) => FlinkValidator.validate(manifests).filter((finding) => finding.rule === 'web-ui-exposure');

describe('a Service that publishes the JobManager\'s REST port', () => {
  test('a LoadBalancer selecting the JobManager pods, on the REST port: an error naming what it selects', () => {
    const [finding] = exposure([...SESSION, service('flink-ui', { type: 'LoadBalancer', selector: JOBMANAGER, ports: [{ port: 80, targetPort: 8081 }] })]);
    expect(finding).toMatchObject({ kind: 'Service', name: 'flink-ui', path: 'spec.type', severity: Severity.ERROR });
    expect(finding.message).toMatch(/Service 'flink-ui' selects the JobManager pods of Flink cluster 'session' and targets its REST port, and is a LoadBalancer: it is published on a load balancer, with no authentication in front: a session cluster takes jobs/);
  });

  test('a NodePort targeting the port by name, with all three of Flink\'s labels', () => {
    const selector = { type: 'flink-native-kubernetes', ...JOBMANAGER };
    expect(exposure([...SESSION, service('ui', { type: 'NodePort', selector, ports: [{ port: 8081, targetPort: 'rest', nodePort: 30081 }] })])).toHaveLength(1);
  });

  test('a port without targetPort targets its own number', () => {
    expect(exposure([...SESSION, service('ui', { type: 'LoadBalancer', selector: JOBMANAGER, ports: [{ port: 8081 }] })])).toHaveLength(1);
  });

  test('external IPs publish a ClusterIP Service', () => {
    const [finding] = exposure([...SESSION, service('ui', { selector: JOBMANAGER, ports: [{ port: 8081 }], externalIPs: ['203.0.113.10'] })]);
    expect(finding).toMatchObject({ path: 'spec.externalIPs' });
    expect(finding.message).toMatch(/has external IPs \(203\.0\.113\.10\)/);
  });

  test('the REST bind port decides what is the REST port', () => {
    const bound = patched(SESSION_CLUSTER, { spec: { flinkConfiguration: { 'rest.bind-port': '9091' } } });
    expect(exposure([bound, ...JOB_RBAC, service('ui', { type: 'LoadBalancer', selector: JOBMANAGER, ports: [{ port: 80, targetPort: 9091 }] })])).toHaveLength(1);
    expect(exposure([bound, ...JOB_RBAC, service('ui', { type: 'LoadBalancer', selector: JOBMANAGER, ports: [{ port: 80, targetPort: 8081 }] })])).toEqual([]);
  });

  test('none of the rule\'s business: the TaskManagers, another port, another namespace, an empty selector', () => {
    expect(exposure([...SESSION, service('tm', { type: 'NodePort', selector: { app: 'session', component: 'taskmanager' }, ports: [{ port: 8081 }] })])).toEqual([]);
    expect(exposure([...SESSION, service('rpc', { type: 'LoadBalancer', selector: JOBMANAGER, ports: [{ port: 6123 }] })])).toEqual([]);
    expect(exposure([...SESSION, service('ui', { type: 'LoadBalancer', selector: JOBMANAGER, ports: [{ port: 8081 }] }, {}, 'other')])).toEqual([]);
    expect(exposure([...SESSION, service('ui', { type: 'LoadBalancer', selector: {}, ports: [{ port: 8081 }] })])).toEqual([]);
  });

  test('the explicit opt-in on the Service accepts it', () => {
    const annotations = { 'cdk8s-flink/unauthenticated-web-ui': 'true' };
    expect(exposure([...SESSION, service('ui', { type: 'LoadBalancer', selector: JOBMANAGER, ports: [{ port: 8081 }] }, { annotations })])).toEqual([]);
  });

  test('of an application cluster, a warning', () => {
    const selector = { app: 'app', component: 'jobmanager' };
    expect(exposure([APPLICATION, ...JOB_RBAC, service('ui', { type: 'LoadBalancer', selector, ports: [{ port: 8081 }] })]).map((finding) => finding.severity))
      .toEqual([Severity.WARNING]);
  });
});

describe('routes to a Service other than <cluster>-rest', () => {
  const ingress = (backend: string, namespace = 'flink') => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'ui', namespace },
    spec: { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { number: 80 } } } }] } }] },
  });

  test('an Ingress to a ClusterIP Service on the JobManager\'s REST port is judged as one to the REST Service', () => {
    const [finding] = exposure([...SESSION, service('flink-ui', { selector: JOBMANAGER, ports: [{ port: 80, targetPort: 8081 }] }), ingress('flink-ui')]);
    expect(finding).toMatchObject({ kind: 'Ingress', severity: Severity.ERROR });
    expect(finding.message).toMatch(/Ingress 'ui' exposes the web UI of Flink cluster 'session' without authentication/);
  });

  test('an HTTPRoute to such a Service too', () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'ui', namespace: 'flink' },
      spec: { parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'flink-ui', port: 80 }] }] },
    };
    expect(exposure([...SESSION, service('flink-ui', { selector: JOBMANAGER, ports: [{ port: 80, targetPort: 'rest' }] }), route])).toHaveLength(1);
  });

  test('an ExternalName Service in another namespace that points at <cluster>-rest', () => {
    for (const externalName of ['session-rest.flink.svc.cluster.local', 'session-rest.flink.svc', 'session-rest.flink']) {
      const external = service('flink', { type: 'ExternalName', externalName }, {}, 'web');
      expect(exposure([...SESSION, external, ingress('flink', 'web')]).map((finding) => finding.kind)).toEqual(['Ingress']);
    }
  });

  test('an Ingress to a Service that selects nothing of Flink\'s is none of the rule\'s business', () => {
    expect(exposure([...SESSION, service('shop', { selector: { app: 'shop' }, ports: [{ port: 80 }] }), ingress('shop')])).toEqual([]);
  });
});

describe('routes of other kinds to the REST endpoint', () => {
  const OPT_IN = { 'cdk8s-flink/unauthenticated-web-ui': 'true' };
  const route = (apiVersion: string, kind: string, spec: any, annotations?: any) => ({
    apiVersion, kind, metadata: { name: 'ui', namespace: 'flink', ...(annotations === undefined ? {} : { annotations }) }, spec,
  });

  const CASES: Array<[string, any, string]> = [
    ['an OpenShift Route', route('route.openshift.io/v1', 'Route', { host: 'flink.apps.example.com', to: { kind: 'Service', name: 'session-rest' }, port: { targetPort: 'rest' } }), 'spec.to.name'],
    ['an OpenShift Route\'s alternate backend', route('route.openshift.io/v1', 'Route', { to: { kind: 'Service', name: 'shop' }, alternateBackends: [{ kind: 'Service', name: 'session-rest' }] }), 'spec.alternateBackends[0].name'],
    ['a GRPCRoute', route('gateway.networking.k8s.io/v1', 'GRPCRoute', { parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'session-rest', port: 8081 }] }] }), 'spec.rules[0].backendRefs[0].name'],
    ['a TLSRoute', route('gateway.networking.k8s.io/v1alpha2', 'TLSRoute', { parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'session-rest', port: 8081 }] }] }), 'spec.rules[0].backendRefs[0].name'],
    ['a TCPRoute', route('gateway.networking.k8s.io/v1alpha2', 'TCPRoute', { parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'session-rest', port: 8081 }] }] }), 'spec.rules[0].backendRefs[0].name'],
    ['an Istio VirtualService (FQDN host)', route('networking.istio.io/v1', 'VirtualService', { hosts: ['flink.example.com'], gateways: ['public'], http: [{ route: [{ destination: { host: 'session-rest.flink.svc.cluster.local', port: { number: 8081 } } }] }] }), 'spec.http[0].route[0].destination.host'],
    ['an Istio VirtualService (short host)', route('networking.istio.io/v1beta1', 'VirtualService', { hosts: ['*'], http: [{ route: [{ destination: { host: 'session-rest' } }] }] }), 'spec.http[0].route[0].destination.host'],
    ['a Traefik IngressRoute', route('traefik.io/v1alpha1', 'IngressRoute', { entryPoints: ['websecure'], routes: [{ match: 'Host(`flink.example.com`)', kind: 'Rule', services: [{ name: 'session-rest', port: 8081 }] }] }), 'spec.routes[0].services[0].name'],
    ['a Contour HTTPProxy', route('projectcontour.io/v1', 'HTTPProxy', { virtualhost: { fqdn: 'flink.example.com' }, routes: [{ services: [{ name: 'session-rest', port: 8081 }] }] }), 'spec.routes[0].services[0].name'],
  ];

  test.each(CASES)('%s to an open session cluster is an error; the opt-in accepts it', (_what, manifest, path) => {
    const [finding] = exposure([...SESSION, manifest]);
    expect(finding).toMatchObject({ kind: manifest.kind, path, severity: Severity.ERROR });
    expect(finding.message).toMatch(/sends requests to the REST endpoint of Flink cluster 'session', and no authentication in front of it is visible: a session cluster takes jobs/);
    expect(exposure([...SESSION, { ...manifest, metadata: { ...manifest.metadata, annotations: OPT_IN } }])).toEqual([]);
  });

  test('of an application cluster, a warning', () => {
    const openshift = route('route.openshift.io/v1', 'Route', { to: { kind: 'Service', name: 'app-rest' } });
    expect(exposure([APPLICATION, ...JOB_RBAC, openshift]).map((finding) => finding.severity)).toEqual([Severity.WARNING]);
  });

  test('a Traefik IngressRoute with an authenticating Middleware of the set passes; one that does not authenticate does not count', () => {
    const middleware = (name: string, spec: any) => ({ apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name, namespace: 'flink' }, spec });
    const ingressRoute = (middlewareName: string) => route('traefik.io/v1alpha1', 'IngressRoute', {
      routes: [{ match: 'Host(`flink.example.com`)', kind: 'Rule', middlewares: [{ name: middlewareName }], services: [{ name: 'session-rest', port: 8081 }] }],
    });
    expect(exposure([...SESSION, middleware('auth', { basicAuth: { secret: 'ui-users' } }), ingressRoute('auth')])).toEqual([]);
    expect(exposure([...SESSION, middleware('gzip', { compress: {} }), ingressRoute('gzip')])).toHaveLength(1);
    expect(exposure([...SESSION, ingressRoute('elsewhere')])).toHaveLength(1);
  });

  test('a Contour HTTPProxy with external authorization passes, unless the route disables it', () => {
    const proxy = (authPolicy?: any) => route('projectcontour.io/v1', 'HTTPProxy', {
      virtualhost: { fqdn: 'flink.example.com', tls: { secretName: 'tls' }, authorization: { extensionRef: { name: 'oauth', namespace: 'auth' } } },
      routes: [{ services: [{ name: 'session-rest', port: 8081 }], ...(authPolicy === undefined ? {} : { authPolicy }) }],
    });
    expect(exposure([...SESSION, proxy()])).toEqual([]);
    expect(exposure([...SESSION, proxy({ disabled: true })])).toHaveLength(1);
  });

  test('a route of another group with the same kind name (Knative\'s Route) is none of the rule\'s business', () => {
    expect(exposure([...SESSION, route('serving.knative.dev/v1', 'Route', { traffic: [{ configurationName: 'session-rest', percent: 100 }] })])).toEqual([]);
  });

  test('never throws on odd shapes', () => {
    for (const [, manifest] of CASES) {
      for (const spec of [null, 'x', { to: 3, rules: 'x', http: [null, { route: 'x' }], routes: [null, { services: 'x' }] }]) {
        expect(() => FlinkValidator.validate([...SESSION, { ...manifest, spec }])).not.toThrow();
      }
    }
  });
});

describe('an ALB Ingress that forwards through an action annotation', () => {
  test('the action\'s target group is the backend', () => {
    const action = JSON.stringify({ type: 'forward', forwardConfig: { targetGroups: [{ serviceName: 'session-rest', servicePort: '8081' }] } });
    const alb = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'ui', namespace: 'flink', annotations: { 'alb.ingress.kubernetes.io/actions.flink': action } },
      spec: { ingressClassName: 'alb', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'flink', port: { name: 'use-annotation' } } } }] } }] },
    };
    const [finding] = exposure([...SESSION, alb]);
    expect(finding).toMatchObject({ kind: 'Ingress', path: "metadata.annotations['alb.ingress.kubernetes.io/actions.flink']", severity: Severity.ERROR });
    const broken = { ...alb, metadata: { ...alb.metadata, annotations: { 'alb.ingress.kubernetes.io/actions.flink': '{not json' } } };
    expect(exposure([...SESSION, broken])).toEqual([]);
  });
});

describe('authentication that is not', () => {
  const nginxIngress = (annotations: any) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'ui', namespace: 'flink', annotations: { 'nginx.ingress.kubernetes.io/auth-type': 'basic', 'nginx.ingress.kubernetes.io/auth-secret': 'ui-users', ...annotations } },
    spec: { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'session-rest', port: { number: 8081 } } } }] } }] },
  });

  test.each([
    ['whitelist-source-range', '0.0.0.0/0'],
    ['allowlist-source-range', '10.0.0.0/8, ::/0'],
  ])("ingress-nginx 'satisfy: any' with %s %p lets everyone through", (key, range) => {
    const [finding] = exposure([...SESSION, nginxIngress({ 'nginx.ingress.kubernetes.io/satisfy': 'any', [`nginx.ingress.kubernetes.io/${key}`]: range })]);
    expect(finding?.message).toMatch(/'nginx.ingress.kubernetes.io\/satisfy: any' lets a request through when .* holds every address: no one needs to authenticate/);
  });

  test("'satisfy: any' with a narrow allow-list, or 'satisfy: all', still authenticates", () => {
    expect(exposure([...SESSION, nginxIngress({ 'nginx.ingress.kubernetes.io/satisfy': 'any', 'nginx.ingress.kubernetes.io/whitelist-source-range': '10.0.0.0/8' })])).toEqual([]);
    expect(exposure([...SESSION, nginxIngress({ 'nginx.ingress.kubernetes.io/satisfy': 'all', 'nginx.ingress.kubernetes.io/whitelist-source-range': '0.0.0.0/0' })])).toEqual([]);
  });
});

describe('Traefik chains are followed', () => {
  const middleware = (name: string, spec: any) => ({ apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name, namespace: 'flink' }, spec });
  const traefikIngress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'ui', namespace: 'flink', annotations: { 'traefik.ingress.kubernetes.io/router.middlewares': 'flink-secure@kubernetescrd' } },
    spec: { ingressClassName: 'traefik', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'session-rest', port: { number: 8081 } } } }] } }] },
  };

  test('a chain with an authenticating member of the set authenticates', () => {
    const chain = middleware('secure', { chain: { middlewares: [{ name: 'headers' }, { name: 'auth' }] } });
    expect(exposure([...SESSION, chain, middleware('headers', { headers: {} }), middleware('auth', { forwardAuth: { address: 'https://auth.example.com' } }), traefikIngress])).toEqual([]);
  });

  test('a chain of chains is followed', () => {
    const outer = middleware('secure', { chain: { middlewares: [{ name: 'inner' }] } });
    const inner = middleware('inner', { chain: { middlewares: [{ name: 'auth' }] } });
    expect(exposure([...SESSION, outer, inner, middleware('auth', { basicAuth: { secret: 'users' } }), traefikIngress])).toEqual([]);
  });

  test('a chain whose members do not authenticate, or are not in the set, does not count', () => {
    const chain = middleware('secure', { chain: { middlewares: [{ name: 'headers' }, { name: 'elsewhere' }] } });
    const [finding] = exposure([...SESSION, chain, middleware('headers', { headers: {} }), traefikIngress]);
    expect(finding?.message).toMatch(/none of its middlewares \(flink-secure@kubernetescrd\) authenticates/);
  });

  test('a chain that names itself ends', () => {
    const loop = middleware('secure', { chain: { middlewares: [{ name: 'secure' }] } });
    expect(exposure([...SESSION, loop, traefikIngress])).toHaveLength(1);
  });
});

describe('an exposure without a namespace', () => {
  test('is judged against the worst of the clusters of that name in the set: a session cluster', () => {
    const inTeamA = patched(APPLICATION, { metadata: { name: 'session', namespace: 'team-a' } });
    const inTeamB = patched(SESSION_CLUSTER, { metadata: { namespace: 'team-b' } });
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'ui' },
      spec: { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'session-rest', port: { number: 8081 } } } }] } }] },
    };
    const [finding] = exposure([inTeamA, inTeamB, ingress]);
    expect(finding).toMatchObject({ kind: 'Ingress', severity: Severity.ERROR });
    expect(finding.message).toMatch(/a session cluster takes jobs/);
  });
});

describe('a stated controller that the IngressClass of the set contradicts', () => {
  const ingressClass = (controller: string) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'public' }, spec: { controller } });
  const ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'ui',
      namespace: 'flink',
      annotations: { 'cdk8s-flink/ingress-controller': 'ingress-nginx', 'nginx.ingress.kubernetes.io/auth-type': 'basic', 'nginx.ingress.kubernetes.io/auth-secret': 'ui-users' },
    },
    spec: { ingressClassName: 'public', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'session-rest', port: { number: 8081 } } } }] } }] },
  };

  test('a Traefik class is not served by ingress-nginx: its annotations do nothing', () => {
    const [finding] = exposure([...SESSION, ingressClass('traefik.io/ingress-controller'), ingress]);
    expect(finding?.message).toMatch(/'cdk8s-flink\/ingress-controller: ingress-nginx' says ingress-nginx serves it, but IngressClass 'public' of the set belongs to 'traefik.io\/ingress-controller' \(traefik\)/);
  });

  test('a class of a controller cdk8s-flink does not know (a renamed ingress-nginx) keeps the statement', () => {
    expect(exposure([...SESSION, ingressClass('example.com/internal-nginx'), ingress])).toEqual([]);
    expect(exposure([...SESSION, ingressClass('k8s.io/ingress-nginx'), ingress])).toEqual([]);
  });
});

describe("a GKE BackendConfig applies to the REST port's number or name", () => {
  const withBackendConfig = (value: string) => patched(SESSION_CLUSTER, { spec: { flinkConfiguration: { 'kubernetes.rest-service.annotations': `cloud.google.com/backend-config:'${value}'` } } });
  const backendConfig = { apiVersion: 'cloud.google.com/v1', kind: 'BackendConfig', metadata: { name: 'flink-iap', namespace: 'flink' }, spec: { iap: { enabled: true, oauthclientCredentials: { secretName: 'iap' } } } };
  const gce = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'ui', namespace: 'flink', annotations: { 'kubernetes.io/ingress.class': 'gce' } },
    spec: { defaultBackend: { service: { name: 'session-rest', port: { number: 8081 } } } },
  };

  test.each([
    ['default', '{"default":"flink-iap"}'],
    ['the port number', '{"ports":{"8081":"flink-iap"}}'],
    ['the port name', '{"ports":{"rest":"flink-iap"}}'],
  ])('by %s: authenticated', (_by, value) => {
    expect(exposure([withBackendConfig(value), ...JOB_RBAC, backendConfig, gce])).toEqual([]);
  });

  test('another port only: no BackendConfig applies to the REST port', () => {
    const [finding] = exposure([withBackendConfig('{"ports":{"9249":"flink-iap"}}'), ...JOB_RBAC, backendConfig, gce]);
    expect(finding?.message).toMatch(/gives no BackendConfig to the REST port: its 'ports' names '9249', not the port '8081' or its name 'rest', and it has no 'default'/);
  });
});

describe('an Envoy Gateway SecurityPolicy must cover every way in', () => {
  const route = (parentRefs: any[], ruleName?: string) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'ui', namespace: 'flink' },
    spec: { parentRefs, rules: [{ ...(ruleName === undefined ? {} : { name: ruleName }), backendRefs: [{ name: 'session-rest', port: 8081 }] }] },
  });
  const policy = (targetRefs: any[]) => ({
    apiVersion: 'gateway.envoyproxy.io/v1alpha1', kind: 'SecurityPolicy', metadata: { name: 'ui-auth', namespace: 'flink' }, spec: { targetRefs, oidc: {} },
  });
  const gateway = (name: string, sectionName?: string) => ({ group: 'gateway.networking.k8s.io', kind: 'Gateway', name, ...(sectionName === undefined ? {} : { sectionName }) });

  test('a policy on the route\'s Gateway covers it; on its listener, only when the route attaches to that listener', () => {
    expect(exposure([...SESSION, route([{ name: 'public' }]), policy([gateway('public')])])).toEqual([]);
    expect(exposure([...SESSION, route([{ name: 'public', sectionName: 'https' }]), policy([gateway('public', 'https')])])).toEqual([]);
    expect(exposure([...SESSION, route([{ name: 'public' }]), policy([gateway('public', 'https')])])).toHaveLength(1);
    expect(exposure([...SESSION, route([{ name: 'public', sectionName: 'http' }]), policy([gateway('public', 'https')])])).toHaveLength(1);
  });

  test('a route on two Gateways needs both covered', () => {
    expect(exposure([...SESSION, route([{ name: 'public' }, { name: 'internal' }]), policy([gateway('public')])])).toHaveLength(1);
    expect(exposure([...SESSION, route([{ name: 'public' }, { name: 'internal' }]), policy([gateway('public'), gateway('internal')])])).toEqual([]);
  });

  test('a policy on the route with a sectionName covers that rule only', () => {
    const onRoute = (sectionName: string) => policy([{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'ui', sectionName }]);
    expect(exposure([...SESSION, route([{ name: 'public' }], 'ui'), onRoute('ui')])).toEqual([]);
    expect(exposure([...SESSION, route([{ name: 'public' }], 'ui'), onRoute('other')])).toHaveLength(1);
  });
});

describe('a redirect-only Ingress counts only with a redirect ingress-nginx accepts', () => {
  const redirect = (target: string) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'ui-redirect', namespace: 'flink', annotations: { 'nginx.ingress.kubernetes.io/permanent-redirect': target } },
    spec: { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/flink', pathType: 'Exact', backend: { service: { name: 'session-rest', port: { number: 8081 } } } }] } }] },
  });

  test('an absolute URL: it never proxies, so it exposes nothing', () => {
    expect(exposure([...SESSION, redirect('https://flink.example.com/flink/')])).toEqual([]);
  });

  test.each(['flink.example.com/flink/', '/flink/', 'javascript:alert(1)'])('%p, not an http(s) URL: ingress-nginx drops it and proxies, so the Ingress is judged', (target) => {
    expect(exposure([...SESSION, redirect(target)])).toHaveLength(1);
  });
});
