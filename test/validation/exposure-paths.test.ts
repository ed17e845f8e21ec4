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
