// The same quick-start manifests, written with cdk8s-plus-28 and raw ApiObjects: the
// type-check baseline. Type-checked by bench/run.ts, never run.
import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

const app = new App();
const chart = new Chart(app, 'quick-start', { namespace: 'flink' });
const name = 'flink-session-cluster';
const metadata = { name, namespace: 'flink' };
const account = new kplus.ServiceAccount(chart, 'ServiceAccount', { metadata, automountToken: true });
const role = new kplus.Role(chart, 'Role', { metadata });
role.allow(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
  kplus.ApiResource.custom({ apiGroup: '', resourceType: 'pods' }),
  kplus.ApiResource.custom({ apiGroup: '', resourceType: 'configmaps' }),
  kplus.ApiResource.custom({ apiGroup: 'apps', resourceType: 'deployments' }),
  kplus.ApiResource.custom({ apiGroup: 'apps', resourceType: 'deployments/finalizers' }));
new kplus.RoleBinding(chart, 'RoleBinding', { metadata, role }).addSubjects(account);
new ApiObject(chart, 'Cluster', {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkDeployment',
  metadata,
  spec: {
    image: 'flink:1.17',
    flinkVersion: 'v1_17',
    serviceAccount: name,
    flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
    jobManager: { resource: { cpu: 1, memory: '2048m' } },
    taskManager: { resource: { cpu: 1, memory: '2048m' } },
  },
});
new kplus.k8s.KubeIngress(chart, 'Ingress', {
  metadata: {
    name: `${name}-web-ui`,
    annotations: {
      'nginx.ingress.kubernetes.io/auth-type': 'basic',
      'nginx.ingress.kubernetes.io/auth-secret': 'flink-web-ui-auth',
      'nginx.ingress.kubernetes.io/auth-realm': 'Flink Web UI',
    },
  },
  spec: {
    ingressClassName: 'nginx',
    rules: [{
      host: 'flink-session-cluster.example.com',
      http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: `${name}-rest`, port: { number: 8081 } } } }] },
    }],
    tls: [{ hosts: ['flink-session-cluster.example.com'], secretName: 'flink-session-cluster-tls' }],
  },
});
new ApiObject(chart, 'WordCount', {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkSessionJob',
  metadata: { name: 'word-count', namespace: 'flink' },
  spec: {
    deploymentName: name,
    job: {
      jarURI: 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming_2.12/1.17.1/flink-examples-streaming_2.12-1.17.1-WordCount.jar',
      parallelism: 2,
      upgradeMode: 'stateless',
    },
  },
});
app.synth();
