import { Chart } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  ExposeWebUiOptions,
  FlinkApplication,
  FlinkSessionCluster,
  FlinkVersion,
  JobJar,
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

  test.each(['/flink', '/flink/', '/ui/flink'])('the path prefix %p is rewritten and redirected to its trailing slash', (path) => {
    const prefix = path.replace(/\/$/, '');
    const ingress = ingressOf({ ...OPEN, host: 'tools.example.com', path });
    expect(ingress.spec.rules[0].http.paths).toEqual([{ path: `${prefix}(/|$)(.*)`, pathType: 'ImplementationSpecific', backend: BACKEND }]);
    expect(ingress.metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/use-regex': 'true',
      'nginx.ingress.kubernetes.io/rewrite-target': '/$2',
      'nginx.ingress.kubernetes.io/configuration-snippet': `rewrite ^(${prefix})$ $1/ permanent;\n`,
    });
  });

  test('the trailing slash redirect can be turned off for controllers that refuse snippets', () => {
    const annotations = ingressOf({ ...OPEN, path: '/flink', trailingSlashRedirect: false }).metadata.annotations;
    expect(annotations['nginx.ingress.kubernetes.io/configuration-snippet']).toBeUndefined();
    expect(annotations['nginx.ingress.kubernetes.io/rewrite-target']).toBe('/$2');
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
    const ingress = cluster.exposeWebUi({ ...OPEN, host: 'flink.example.com', path: '/flink', tlsSecretName: 'tls' });
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
    ['a path with regex characters', { path: '/flink(.*)' }, /'path' must be '\/' or a prefix of plain path segments .*got '\/flink\(\.\*\)'/],
    ['a relative path', { path: 'flink' }, /got 'flink'/],
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
  const RISK = /exposes the web UI of Flink cluster 'session' without authentication.*accepts jar uploads.*WebUiAuthentication.basicAuth.*'web.submit.enable': 'false'.*allowUnauthenticatedAccess: true/;

  test('an unauthenticated Ingress to a session cluster fails synth, explaining the risk and the three ways out', () => {
    const chart = testChart();
    session(chart).exposeWebUi({ host: 'flink.example.com' });
    expect(() => synthValid(chart)).toThrow(RISK);
  });

  test('the operator-managed Ingress gets the same rule', () => {
    const chart = testChart();
    session(chart).exposeWebUiWithOperatorIngress({ template: '{{name}}.{{namespace}}.flink.example.com' });
    expect(() => synthValid(chart)).toThrow(/The operator Ingress of 'session'.*without authentication/);
  });

  test.each([
    ['basic auth', { authentication: WebUiAuthentication.basicAuth('flink-auth') }],
    ['external auth', { authentication: WebUiAuthentication.externalAuth('https://oauth2.example.com/oauth2/auth') }],
    ['client certificates', { authentication: WebUiAuthentication.clientCertificate('flink/ca') }],
    ['another controller', { authentication: WebUiAuthentication.fromAnnotations({ 'alb.ingress.kubernetes.io/auth-type': 'oidc' }) }],
    ['an auth annotation', { annotations: { 'nginx.ingress.kubernetes.io/auth-url': 'https://auth.example.com/verify' } }],
    ['the explicit opt-out', { allowUnauthenticatedAccess: true }],
  ])('passes with %s', (_way, options) => {
    const chart = testChart();
    session(chart).exposeWebUi(options);
    expect(() => synthValid(chart)).not.toThrow();
  });

  test('passes when jar uploads are off, even if turned off after exposeWebUi()', () => {
    const chart = testChart();
    const cluster = session(chart);
    cluster.exposeWebUi();
    cluster.addFlinkConfiguration('web.submit.enable', 'false');
    expect(() => synthValid(chart)).not.toThrow();
    const viaProps = testChart();
    session(viaProps, { 'web.submit.enable': 'False' }).exposeWebUiWithOperatorIngress({ template: '/{{name}}' });
    expect(() => synthValid(viaProps)).not.toThrow();
  });

  test("an ALB 'auth-type: none' annotation does not count as authentication", () => {
    const chart = testChart();
    session(chart).exposeWebUi({ annotations: { 'alb.ingress.kubernetes.io/auth-type': 'none' } });
    expect(() => synthValid(chart)).toThrow(RISK);
  });

  test('application clusters serve no jar upload handlers, so the rule does not apply', () => {
    const chart = testChart();
    const application = new FlinkApplication(chart, 'App', {
      flinkVersion: FlinkVersion.V1_20,
      serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
      jar: JobJar.fromLocal('/opt/flink/usrlib/job.jar'),
    });
    application.exposeWebUi({ host: 'app.example.com' });
    expect(manifestOf(synthValid(chart), 'Ingress', 'app-web-ui').metadata.annotations).toBeUndefined();
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
    expect(ingressOf({ authentication }).metadata.annotations).toEqual(annotations);
  });

  test.each([
    [() => WebUiAuthentication.basicAuth(' '), /basicAuth: 'secretName' must not be empty/],
    [() => WebUiAuthentication.externalAuth(''), /externalAuth: 'authUrl' must not be empty/],
    [() => WebUiAuthentication.clientCertificate(''), /clientCertificate: 'caSecretName' must not be empty/],
    [() => WebUiAuthentication.fromAnnotations({}), /fromAnnotations: 'annotations' must hold/],
  ])('WebUiAuthentication factories refuse empty input (%#)', (factory, message) => {
    expect(factory).toThrow(message);
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
