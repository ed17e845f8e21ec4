// The quick-start app, written with cdk8s-flink (through its compiled declarations, as an app
// that installed the package sees them). Type-checked by bench/run.ts, never run.
import { App, Chart, Size } from 'cdk8s';
import { FlinkSessionCluster, FlinkVersion, JobJar, UpgradeMode, WebUiAuthentication } from '../../lib';

const app = new App();
const chart = new Chart(app, 'quick-start', { namespace: 'flink' });
const cluster = new FlinkSessionCluster(chart, 'SessionCluster', {
  metadata: { name: 'flink-session-cluster' },
  flinkVersion: FlinkVersion.V1_17,
  image: 'flink:1.17',
  jobManager: { cpu: 1, memory: Size.mebibytes(2048) },
  taskManager: { cpu: 1, memory: Size.mebibytes(2048), slots: 2 },
});
cluster.exposeWebUi({
  host: 'flink-session-cluster.example.com',
  tlsSecretName: 'flink-session-cluster-tls',
  ingressClassName: 'nginx',
  authentication: WebUiAuthentication.basicAuth('flink-web-ui-auth'),
});
cluster.addJob('WordCount', {
  metadata: { name: 'word-count' },
  jar: JobJar.fromUri('https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming_2.12/1.17.1/flink-examples-streaming_2.12-1.17.1-WordCount.jar'),
  parallelism: 2,
  upgradeMode: UpgradeMode.STATELESS,
});
app.synth();
