/**
 * The seed scenario as a cdk8s app: a Flink session cluster whose web UI is exposed through an
 * Ingress with TLS, and the WordCount example job running on it.
 *
 * Run `npx cdk8s synth` in this folder (or `npx projen quick-start` at the repository root)
 * to write the manifests to dist/.
 */
import { App, Chart, ChartProps, Size } from 'cdk8s';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import {
  FlinkSessionCluster,
  FlinkVersion,
  JobJar,
  UpgradeMode,
  WebUiAuthentication,
} from '../../src';

/** The WordCount example jar of Flink 1.17.1, from Maven Central. */
export const WORD_COUNT_JAR = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming_2.12/1.17.1/flink-examples-streaming_2.12-1.17.1-WordCount.jar';

/**
 * A session cluster with its web UI behind an authenticated TLS Ingress, its own job RBAC,
 * and the WordCount job.
 */
export class QuickStartChart extends Chart {
  public readonly cluster: FlinkSessionCluster;

  constructor(scope: Construct, id: string, props: ChartProps = { namespace: 'flink' }) {
    super(scope, id, props);

    this.cluster = new FlinkSessionCluster(this, 'SessionCluster', {
      metadata: { name: 'flink-session-cluster' },
      flinkVersion: FlinkVersion.V1_17,
      image: 'flink:1.17',
      jobManager: { cpu: 1, memory: Size.mebibytes(2048) },
      taskManager: { cpu: 1, memory: Size.mebibytes(2048), slots: 2 },
    });

    // The UI accepts jar uploads, so it sits behind basic authentication. Create the Secret with:
    //   htpasswd -c auth admin && kubectl -n flink create secret generic flink-web-ui-auth --from-file=auth
    this.cluster.exposeWebUi({
      host: 'flink-session-cluster.example.com',
      tlsSecretName: 'flink-session-cluster-tls',
      ingressClassName: 'nginx',
      authentication: WebUiAuthentication.basicAuth('flink-web-ui-auth'),
    });

    this.cluster.addJob('WordCount', {
      metadata: { name: 'word-count' },
      jar: JobJar.fromUri(WORD_COUNT_JAR),
      parallelism: 2,
      upgradeMode: UpgradeMode.STATELESS,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new QuickStartChart(app, 'quick-start');
  app.synth();
}
