/**
 * Name-like props follow their Kubernetes rule at construction time, and the error names the
 * prop (the examples: namespaces, Secret and class names, label keys, basic auth).
 */
import { Chart, Testing } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  FlinkJobRbac, FlinkSessionCluster, FlinkSessionJob, FlinkStateSnapshot, FlinkVersion, JobJar, JobReference, SnapshotType, WebUiAuthentication,
} from '../src';
import { synthValid, testChart } from './support/manifests';
import {
  DATA_KEY, DNS_1123_LABEL, DNS_1123_SUBDOMAIN, ENV_VAR, LABEL_VALUE, QUALIFIED_NAME, quoted,
} from '../src/private/kubernetes-names';

const V = FlinkVersion.V1_20;
const session = (chart: Chart = testChart(), props: object = {}) => new FlinkSessionCluster(chart, 'Session', { flinkVersion: V, ...props });

describe('the Kubernetes naming rules', () => {
  test.each<[string, typeof DNS_1123_LABEL, string[], unknown[]]>([
    ['DNS-1123 label', DNS_1123_LABEL, ['flink', 'a', 'team-1', 'a'.repeat(63)], ['Bad NS', '', '-a', 'a-', 'a.b', 'a'.repeat(64), 'A', 7]],
    ['DNS-1123 subdomain', DNS_1123_SUBDOMAIN, ['flink-tls', 'a.b-c', 'a'.repeat(253)], ['flink tls', '', 'a..b', '.a', 'a'.repeat(254), 'Flink']],
    ['qualified name', QUALIFIED_NAME, ['app', 'app.kubernetes.io/name', 'A_b.c-D', `${'a'.repeat(253)}/${'b'.repeat(63)}`], ['bad key!', '', '/a', 'a/', 'Bad.Prefix/a', '_a', 'a'.repeat(64), 'a/b/c']],
    ['label value', LABEL_VALUE, ['', 'v1', 'A_b.c'], ['a b', '-a', 'a'.repeat(64)]],
    ['data key', DATA_KEY, ['AWS_ACCESS_KEY_ID', 'key.json', 'tls.crt', '-a'], ['.', '..a', 'a/b', '', 'a b']],
    ['environment variable name', ENV_VAR, ['AWS_SECRET_ACCESS_KEY', '_a', 'a.b-c'], ['1A', 'A B', '', 'A=B']],
  ])('%s', (_what, rule, valid, invalid) => {
    expect(valid.map((value) => [value, rule.problem(value)])).toEqual(valid.map((value) => [value, undefined]));
    for (const value of invalid) {
      expect(rule.problem(value)).toMatch(/^must be /);
    }
  });

  test('messages escape control characters and cut long values', () => {
    expect(quoted('x\ny')).toBe("'x\\ny'");
    expect(quoted('a'.repeat(300))).toBe(`'${'a'.repeat(64)}...' (300 characters)`);
    expect(DNS_1123_LABEL.problem('Bad NS')).toBe("must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (got 'Bad NS')");
  });
});

describe('construct props', () => {
  test.each<[string, () => unknown, RegExp]>([
    ["the namespace 'Bad NS'", () => session(testChart(), { metadata: { namespace: 'Bad NS' } }), /^test\/Session: 'metadata\.namespace' must be a DNS-1123 label.*\(got 'Bad NS'\)/],
    ["the namespace ''", () => session(testChart(), { metadata: { namespace: '' } }), /'metadata\.namespace' must be a DNS-1123 label.*\(got ''\)/],
    ["the chart's namespace 'Bad NS'", () => session(new Chart(Testing.app(), 'c', { namespace: 'Bad NS' })), /^c\/Session: the chart's namespace must be a DNS-1123 label.*Fix the 'namespace' of chart 'c'/],
    ['a job RBAC namespace', () => new FlinkJobRbac(testChart(), 'Rbac', { metadata: { namespace: 'Bad NS' } }), /^test\/Rbac: 'metadata\.namespace' must be a DNS-1123 label/],
    ["a session job's namespace", () => {
      const chart = testChart();
      return new FlinkSessionJob(chart, 'Job', { cluster: FlinkSessionCluster.fromName(chart, 'C', 'c'), jar: JobJar.fromUri('https://example.com/job.jar'), metadata: { namespace: 'Bad NS' } });
    }, /^test\/Job: 'metadata\.namespace' must be a DNS-1123 label/],
    ["a snapshot's label key", () => new FlinkStateSnapshot(testChart(), 'Snap', { snapshot: SnapshotType.savepoint(), job: JobReference.deploymentName('orders'), metadata: { labels: { 'bad key!': 'x' } } }),
      /^test\/Snap: 'metadata\.labels' key 'bad key!' must be a qualified name/],
    ["the label key 'bad key!'", () => session(testChart(), { metadata: { labels: { 'bad key!': 'x' } } }), /^test\/Session: 'metadata\.labels' key 'bad key!' must be a qualified name/],
    ['a label value with a space', () => session(testChart(), { metadata: { labels: { team: 'data eng' } } }), /'metadata\.labels' value of 'team' must be a label value/],
    ['an annotation key', () => session(testChart(), { metadata: { annotations: { 'bad key!': 'x' } } }), /'metadata\.annotations' key 'bad key!' must be a qualified name/],
    ['a pod template label key', () => session(testChart(), { taskManager: { podTemplate: { metadata: { labels: { 'bad key!': 'x' } } } } }), /'taskManager\.podTemplate\.metadata\.labels' key 'bad key!'/],
    ['a ServiceAccount name', () => {
      const chart = testChart();
      return session(chart, { serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Sa', 'Bad SA') });
    }, /^test\/Session: 'serviceAccount' must be a DNS-1123 subdomain.*\(got 'Bad SA'\)/],
    ["tlsSecretName 'flink tls'", () => session().exposeWebUi({ host: 'flink.example.com', tlsSecretName: 'flink tls', allowUnauthenticatedAccess: true }),
      /^test\/Session\/WebUiIngress: 'tlsSecretName' must be a DNS-1123 subdomain.*\(got 'flink tls'\)/],
    ["tlsSecretName ''", () => session().exposeWebUi({ host: 'flink.example.com', tlsSecretName: '', allowUnauthenticatedAccess: true }), /'tlsSecretName' must be a DNS-1123 subdomain.*\(got ''\)/],
    ['a 300-character tlsSecretName', () => session().exposeWebUi({ host: 'flink.example.com', tlsSecretName: 'a'.repeat(300), allowUnauthenticatedAccess: true }),
      /'tlsSecretName' must be a DNS-1123 subdomain.*at most 253 characters \(got 'a{64}\.\.\.' \(300 characters\)\)/],
    ["ingressClassName 'bad class!'", () => session().exposeWebUi({ ingressClassName: 'bad class!', allowUnauthenticatedAccess: true }), /'ingressClassName' must be a DNS-1123 subdomain.*\(got 'bad class!'\)/],
    ["an Ingress label key 'bad key!'", () => session().exposeWebUi({ metadata: { labels: { 'bad key!': 'x' } }, allowUnauthenticatedAccess: true }), /'metadata\.labels' key 'bad key!'/],
    ["the operator Ingress's tlsSecretName 'flink tls'", () => session().exposeWebUiWithOperatorIngress({ template: 'flink.example.com', tlsSecretName: 'flink tls', allowUnauthenticatedAccess: true }),
      /^test\/Session: 'tlsSecretName' must be a DNS-1123 subdomain/],
    ["the operator Ingress's class 'bad class!'", () => session().exposeWebUiWithOperatorIngress({ template: 'flink.example.com', ingressClassName: 'bad class!', allowUnauthenticatedAccess: true }),
      /'ingressClassName' must be a DNS-1123 subdomain/],
    ["the operator Ingress's label key 'bad key!'", () => session().exposeWebUiWithOperatorIngress({ template: 'flink.example.com', labels: { 'bad key!': 'x' }, allowUnauthenticatedAccess: true }),
      /'labels' key 'bad key!' must be a qualified name/],
    ["basicAuth('x\\ny')", () => WebUiAuthentication.basicAuth('x\ny'), /^WebUiAuthentication\.basicAuth: 'secretName' must be a DNS-1123 subdomain.*\(got 'x\\ny'\)/],
    ['a realm with a newline', () => WebUiAuthentication.basicAuth('auth', 'Flink\nmore_set_headers'), /'realm' must not contain control characters/],
    ['a client CA Secret in a bad namespace', () => WebUiAuthentication.clientCertificate('Bad NS/ca'), /the namespace of 'caSecretName' must be a DNS-1123 label/],
    ['an auth URL with a newline', () => WebUiAuthentication.externalAuth('https://auth.example.com/\nx'), /'authUrl' must not contain control characters/],
  ])('refuses %s', (_what, action, message) => {
    expect(action).toThrow(message);
  });

  test('valid names pass and synthesize', () => {
    const chart = testChart();
    const cluster = session(chart, { metadata: { labels: { 'app.kubernetes.io/part-of': 'orders', 'team': '' }, annotations: { 'example.com/owner': 'data team' } } });
    cluster.exposeWebUi({
      host: 'flink.example.com',
      tlsSecretName: 'flink-tls',
      ingressClassName: 'nginx',
      authentication: WebUiAuthentication.clientCertificate('flink/ca-secret'),
    });
    expect(synthValid(chart).map((m) => m.kind)).toContain('Ingress');
  });
});
