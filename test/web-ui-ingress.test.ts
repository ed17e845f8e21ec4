import { ApiObject, Chart } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  ExposeWebUiOptions,
  FlinkApplication,
  FlinkSessionCluster,
  FlinkVersion,
  JobJar,
  UpgradeMode,
  WebUiAuthentication,
} from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';

const OPEN = { allowUnauthenticatedAccess: true };

function session(chart: Chart, flinkConfiguration?: { [key: string]: string }): FlinkSessionCluster {
  return new FlinkSessionCluster(chart, 'Session', {
    flinkVersion: FlinkVersion.V1_20,
    flinkConfiguration,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
  });
}

function ingressOf(options: ExposeWebUiOptions, flinkConfiguration?: { [key: string]: string }): any {
  const chart = testChart();
  session(chart, flinkConfiguration).exposeWebUi(options);
  return manifestOf(synthValid(chart), 'Ingress', 'session-web-ui');
}

const BACKEND = { service: { name: 'session-rest', port: { number: 8081 } } };

describe('exposeWebUi', () => {
  test('defaults: every host, path /, to <cluster>-rest:8081', () => {
    expect(ingressOf(OPEN)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'session-web-ui', namespace: 'flink', annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' } },
      spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: BACKEND }] } }] },
    });
  });

  test('host, TLS, class and extra annotations', () => {
    const ingress = ingressOf({
      ...OPEN,
      host: 'flink.example.com',
      tlsSecretName: 'flink-tls',
      ingressClassName: 'nginx',
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
    });
    expect(ingress.spec).toEqual({
      ingressClassName: 'nginx',
      rules: [{ host: 'flink.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: BACKEND }] } }],
      tls: [{ hosts: ['flink.example.com'], secretName: 'flink-tls' }],
    });
    expect(ingress.metadata.annotations['cert-manager.io/cluster-issuer']).toBe('letsencrypt');
  });

  test.each([
    ['/flink', '/flink', '/flink'],
    ['/flink/', '/flink', '/flink'],
    ['/ui/flink', '/ui/flink', '/ui/flink'],
    ['/fl.nk', '/fl.nk', '/fl\\.nk'],
  ])('the path prefix %p is rewritten by a regex path, and its bare form redirected by a second Ingress, without snippets', (path, prefix, regex) => {
    const chart = testChart();
    session(chart).exposeWebUi({ ...OPEN, host: 'tools.example.com', ingressClassName: 'nginx', path });
    const manifests = synthValid(chart);
    const ingress = manifestOf(manifests, 'Ingress', 'session-web-ui');
    expect(ingress.spec.rules[0].http.paths).toEqual([{ path: `${regex}/(.*)`, pathType: 'ImplementationSpecific', backend: BACKEND }]);
    expect(ingress.metadata.annotations).toEqual({
      'nginx.ingress.kubernetes.io/use-regex': 'true',
      'nginx.ingress.kubernetes.io/rewrite-target': '/$1',
      'cdk8s-flink/unauthenticated-web-ui': 'true',
    });
    const redirect = manifestOf(manifests, 'Ingress', 'session-web-ui-redirect');
    expect(redirect.spec).toEqual({
      ingressClassName: 'nginx',
      rules: [{ host: 'tools.example.com', http: { paths: [{ path: prefix, pathType: 'Exact', backend: BACKEND }] } }],
    });
    expect(redirect.metadata.annotations).toEqual({
      'nginx.ingress.kubernetes.io/permanent-redirect': `http://tools.example.com${prefix}/`,
      'cdk8s-flink/unauthenticated-web-ui': 'true',
    });
    expect(JSON.stringify(manifests)).not.toMatch(/snippet/);
  });

  test('the redirect Ingress carries the authentication too, and redirects to https with TLS', () => {
    const chart = testChart();
    session(chart).exposeWebUi({
      host: 'tools.example.com', ingressClassName: 'nginx', path: '/flink', tlsSecretName: 'tls', authentication: WebUiAuthentication.basicAuth('flink-auth'),
    });
    const redirect = manifestOf(synthValid(chart), 'Ingress', 'session-web-ui-redirect');
    expect(redirect.metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/permanent-redirect': 'https://tools.example.com/flink/',
      'nginx.ingress.kubernetes.io/auth-type': 'basic',
    });
    expect(redirect.spec.tls).toEqual([{ hosts: ['tools.example.com'], secretName: 'tls' }]);
  });

  test('routes to rest.port when it is configured, even after exposeWebUi()', () => {
    const chart = testChart();
    const cluster = session(chart);
    cluster.exposeWebUi(OPEN);
    cluster.addFlinkConfiguration('rest.port', '9081');
    expect(manifestOf(synthValid(chart), 'Ingress', 'session-web-ui').spec.rules[0].http.paths[0].backend.service.port).toEqual({ number: 9081 });
  });

  test('refuses a rest.port that is no port', () => {
    const chart = testChart();
    session(chart, { 'rest.port': '80a' }).exposeWebUi(OPEN);
    expect(() => synthValid(chart)).toThrow(/flinkConfiguration 'rest.port' must be a port number from 1 to 65535 \(got '80a'\)/);
  });

  test('url', () => {
    const chart = testChart();
    const cluster = session(chart);
    const ingress = cluster.exposeWebUi({ ...OPEN, host: 'flink.example.com', path: '/flink', ingressClassName: 'nginx', tlsSecretName: 'tls' });
    expect(ingress.url).toBe('https://flink.example.com/flink/');
    expect(session(testChart()).exposeWebUi({ ...OPEN, host: 'flink.example.com' }).url).toBe('http://flink.example.com/');
    expect(session(testChart()).exposeWebUi(OPEN).url).toBeUndefined();
  });

  test('the Ingress comes after its cluster', () => {
    const chart = testChart();
    session(chart).exposeWebUi(OPEN);
    expect(synthValid(chart).map((m) => m.kind)).toEqual(['FlinkDeployment', 'Ingress']);
  });

  test.each([
    ['TLS without a host', { tlsSecretName: 'tls' }, /'tlsSecretName' needs 'host'/],
    ['a path with regex characters', { path: '/flink(.*)' }, /'path' must be '\/' or a plain path prefix .*letters, digits.*got '\/flink\(\.\*\)'/],
    ['a relative path', { path: 'flink' }, /starting with '\/' \(got 'flink'\)/],
    ['a .. segment', { path: '/flink/..' }, /without '\.' or '\.\.' segments \(got '\/flink\/\.\.'\)/],
    ['a . segment', { path: '/./flink' }, /without '\.' or '\.\.' segments/],
    ['an empty segment', { path: '/ui//flink' }, /without empty segments \(got '\/ui\/\/flink'\)/],
    ['an encoded slash', { path: '/ui%2fflink' }, /got '\/ui%2fflink'/],
    ['a path prefix without a class', { path: '/flink', host: 'a.example.com' }, /'path' '\/flink' is rewritten with ingress-nginx annotations, which other controllers ignore: set 'ingressClassName'.*exposeWebUiWithGateway/],
    ['a path prefix on Traefik', { path: '/flink', host: 'a.example.com', ingressClassName: 'traefik' }, /class 'traefik' is served by traefik; for another controller, use exposeWebUiWithGateway\(\)/],
    ['a path prefix on a custom class', { path: '/flink', host: 'a.example.com', ingressClassName: 'internal' }, /cannot tell which controller serves class 'internal' \(set 'ingressController' if it is ingress-nginx\)/],
    ['a path prefix without a host', { path: '/flink', ingressClassName: 'nginx' }, /'path' '\/flink' needs 'host': the bare prefix is redirected to the absolute URL/],
    ['an invalid host', { host: 'Flink.Example.com' }, /'host' must be a lowercase DNS name .*got 'Flink.Example.com'/],
    ['another namespace', { metadata: { namespace: 'ingress' } }, /'metadata.namespace' must be the cluster's namespace 'flink' \(got 'ingress'\)/],
    ['an invalid name', { metadata: { name: 'Web UI' } }, /'metadata.name' must be a lowercase DNS name/],
  ])('rejects %s', (_what, options, message) => {
    expect(() => session(testChart()).exposeWebUi({ ...OPEN, ...options })).toThrow(message);
  });

  test('exposes the UI once', () => {
    const cluster = session(testChart());
    cluster.exposeWebUi(OPEN);
    expect(() => cluster.exposeWebUi(OPEN)).toThrow(/exposeWebUi\(\) cannot be used: the web UI of 'session' is already exposed/);
    expect(() => cluster.exposeWebUiWithOperatorIngress({ template: 'x', ...OPEN })).toThrow(/already exposed/);
  });
});

describe('web UI exposure safety', () => {
  const RCE = /Ingress 'session-web-ui' exposes the web UI of Flink cluster 'session' without authentication: a session cluster takes jobs over its REST API: .*POST \/jobs.*remote code execution\). Fix it: authenticate .*WebUiAuthentication.basicAuth.*allowUnauthenticatedAccess: true.*'web.submit.enable': 'false' does not close it/;
  const JOBS = /exposes the web UI of Flink cluster '(session|app)' without authentication: anyone who reaches it can cancel jobs, trigger savepoints.*allowUnauthenticatedAccess: true/;

  test('an unauthenticated Ingress to a session cluster with jar uploads fails synth, with the strongest message', () => {
    const chart = testChart();
    session(chart).exposeWebUi({ host: 'flink.example.com', ingressClassName: 'nginx' });
    expect(() => synthValid(chart)).toThrow(RCE);
  });

  test('the operator-managed Ingress gets the same rule', () => {
    const chart = testChart();
    session(chart).exposeWebUiWithOperatorIngress({ template: '{{name}}.{{namespace}}.flink.example.com' });
    expect(() => synthValid(chart)).toThrow(/The operator Ingress of 'session'.*without authentication.*remote code execution/);
  });

  test('jar uploads off do not close a session cluster (POST /jobs stays): synth fails with the strongest message', () => {
    const chart = testChart();
    const cluster = session(chart);
    cluster.exposeWebUi({ ingressClassName: 'nginx' });
    cluster.addFlinkConfiguration('web.submit.enable', 'false');
    expect(() => synthValid(chart)).toThrow(/a session cluster takes jobs over its REST API: anyone who reaches it can submit a job with its jars \(POST \/jobs, whatever 'web.submit.enable' says\)/);
  });

  test('jar uploads off on a session cluster with jobs fails synth: the operator submits them through /jars/upload', () => {
    const chart = testChart();
    const cluster = session(chart);
    cluster.addFlinkConfiguration('web.submit.enable', 'false');
    cluster.addJob('Orders', { jar: JobJar.fromUri('https://repo.example.com/orders.jar'), upgradeMode: UpgradeMode.STATELESS });
    expect(() => synthValid(chart)).toThrow(/'web.submit.enable' is 'false', but FlinkSessionJob 'orders' runs on this session cluster: the operator submits them through the web UI's jar upload \(\/jars\/upload\).*\[session-job-submission-disabled\]/);
  });

  test('an application cluster needs authentication or the opt-in too', () => {
    const chart = testChart();
    const application = new FlinkApplication(chart, 'App', {
      flinkVersion: FlinkVersion.V1_20,
      serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
      jar: JobJar.fromLocal('/opt/flink/usrlib/job.jar'),
    });
    application.exposeWebUi({ host: 'app.example.com', ingressClassName: 'nginx' });
    expect(() => synthValid(chart)).toThrow(JOBS);
  });

  test.each([
    ['basic auth', { ingressClassName: 'nginx', authentication: WebUiAuthentication.basicAuth('flink-auth') }],
    ['external auth', { ingressClassName: 'nginx', authentication: WebUiAuthentication.externalAuth('https://oauth2.example.com/oauth2/auth') }],
    ['client certificates', { ingressClassName: 'ingress-nginx', authentication: WebUiAuthentication.clientCertificate('flink/ca') }],
    ['an ALB with OIDC', {
      ingressClassName: 'alb',
      authentication: WebUiAuthentication.awsLoadBalancerOidc({
        issuer: 'https://idp.example.com',
        authorizationEndpoint: 'https://idp.example.com/authorize',
        tokenEndpoint: 'https://idp.example.com/token',
        userInfoEndpoint: 'https://idp.example.com/userinfo',
        secretName: 'flink-oidc',
      }),
    }],
    ['an auth annotation', { ingressClassName: 'nginx', annotations: { 'nginx.ingress.kubernetes.io/auth-url': 'https://auth.example.com/verify' } }],
    ['the explicit opt-in, on any class or none', { allowUnauthenticatedAccess: true }],
  ])('passes with %s', (_way, options: ExposeWebUiOptions) => {
    const chart = testChart();
    session(chart).exposeWebUi(options);
    expect(() => synthValid(chart)).not.toThrow();
  });

  test("an ALB 'auth-type: none' annotation does not count as authentication", () => {
    const chart = testChart();
    session(chart).exposeWebUi({ ingressClassName: 'alb', annotations: { 'alb.ingress.kubernetes.io/auth-type': 'none' } });
    expect(() => synthValid(chart)).toThrow(/its AWS ALB authentication does not authenticate \('alb.ingress.kubernetes.io\/auth-type: "none"' turns authentication off\)/);
  });

  test.each([
    ['basicAuth', WebUiAuthentication.basicAuth('flink-auth'), {
      'nginx.ingress.kubernetes.io/auth-type': 'basic',
      'nginx.ingress.kubernetes.io/auth-secret': 'flink-auth',
      'nginx.ingress.kubernetes.io/auth-realm': 'Flink Web UI',
    }],
    ['externalAuth', WebUiAuthentication.externalAuth('https://a.example.com/auth', 'https://a.example.com/start'), {
      'nginx.ingress.kubernetes.io/auth-url': 'https://a.example.com/auth',
      'nginx.ingress.kubernetes.io/auth-signin': 'https://a.example.com/start',
    }],
    ['clientCertificate', WebUiAuthentication.clientCertificate('flink/ca'), {
      'nginx.ingress.kubernetes.io/auth-tls-secret': 'flink/ca',
      'nginx.ingress.kubernetes.io/auth-tls-verify-client': 'on',
    }],
  ])('WebUiAuthentication.%s writes the ingress-nginx annotations', (_factory, authentication, annotations) => {
    expect(ingressOf({ authentication, ingressClassName: 'nginx' }).metadata.annotations).toEqual(annotations);
  });
});

describe('exposeWebUiWithOperatorIngress', () => {
  test('writes spec.ingress, with TLS for the template host', () => {
    const chart = testChart();
    session(chart).exposeWebUiWithOperatorIngress({
      template: '{{name}}.{{namespace}}.flink.example.com',
      ingressClassName: 'nginx',
      labels: { exposure: 'internal' },
      tlsSecretName: 'flink-wildcard-tls',
      authentication: WebUiAuthentication.basicAuth('flink-auth'),
    });
    expect(manifestOf(synthValid(chart), 'FlinkDeployment', 'session').spec.ingress).toEqual({
      template: '{{name}}.{{namespace}}.flink.example.com',
      className: 'nginx',
      labels: { exposure: 'internal' },
      annotations: {
        'nginx.ingress.kubernetes.io/auth-type': 'basic',
        'nginx.ingress.kubernetes.io/auth-secret': 'flink-auth',
        'nginx.ingress.kubernetes.io/auth-realm': 'Flink Web UI',
      },
      tls: [{ hosts: ['session.flink.flink.example.com'], secretName: 'flink-wildcard-tls' }],
    });
  });

  test('a path-only template gets TLS without hosts, and the opt-out annotation is visible', () => {
    const chart = testChart();
    session(chart).exposeWebUiWithOperatorIngress({ template: '/{{namespace}}/{{name}}(/|$)(.*)', tlsSecretName: 'tls', allowUnauthenticatedAccess: true });
    expect(manifestOf(synthValid(chart), 'FlinkDeployment', 'session').spec.ingress).toEqual({
      template: '/{{namespace}}/{{name}}(/|$)(.*)',
      annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' },
      tls: [{ secretName: 'tls' }],
    });
  });

  test('refuses an empty template', () => {
    expect(() => session(testChart()).exposeWebUiWithOperatorIngress({ template: ' ' })).toThrow(/'template' must not be empty/);
  });
});

describe('a REST Service Flink publishes itself', () => {
  test('a session cluster with a LoadBalancer REST Service fails synth; the opt-in annotation accepts it', () => {
    const chart = testChart();
    new FlinkSessionCluster(chart, 'Session', {
      metadata: { name: 'session' },
      flinkVersion: FlinkVersion.V1_20,
      flinkConfiguration: { 'kubernetes.rest-service.exposed.type': 'LoadBalancer' },
    });
    expect(() => synthValid(chart)).toThrow(/flinkConfiguration 'kubernetes.rest-service.exposed.type' is 'LoadBalancer': Flink publishes the REST Service 'session-rest' .* on a load balancer, with no authentication in front.*\[web-ui-exposure\]/);

    const accepted = testChart();
    new FlinkSessionCluster(accepted, 'Session', {
      metadata: { name: 'session', annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' } },
      flinkVersion: FlinkVersion.V1_20,
      flinkConfiguration: { 'kubernetes.rest-service.exposed.type': 'LoadBalancer' },
    });
    expect(() => synthValid(accepted)).not.toThrow();
  });

  test('an application cluster with a NodePort REST Service fails synth too (the constructs fail closed)', () => {
    const chart = testChart();
    new FlinkApplication(chart, 'App', {
      metadata: { name: 'app' },
      flinkVersion: FlinkVersion.V1_20,
      serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
      jar: JobJar.fromLocal('/opt/flink/usrlib/job.jar'),
      flinkConfiguration: { 'kubernetes.rest-service.exposed.type': 'NodePort' },
    });
    expect(() => synthValid(chart)).toThrow(/on a port of every node \(NodePort\).*\[web-ui-exposure\]/);
  });
});

describe('a public Service of the app on the JobManager pods', () => {
  test('a LoadBalancer Service on the session cluster\'s REST port fails synth', () => {
    const chart = testChart();
    new FlinkSessionCluster(chart, 'Session', { metadata: { name: 'session' }, flinkVersion: FlinkVersion.V1_20 });
    new ApiObject(chart, 'Ui', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'flink-ui' },
      spec: { type: 'LoadBalancer', selector: { app: 'session', component: 'jobmanager' }, ports: [{ port: 80, targetPort: 8081 }] },
    });
    expect(() => synthValid(chart)).toThrow(/Service 'flink-ui' selects the JobManager pods of Flink cluster 'session' and targets its REST port, and is a LoadBalancer.*\[web-ui-exposure\]/);
  });
});
