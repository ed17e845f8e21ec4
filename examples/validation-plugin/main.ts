/**
 * A cdk8s app that mixes cdk8s-flink constructs with raw YAML (`Include`), and lists the
 * cdk8s-flink validation plugin in cdk8s.yaml: `cdk8s synth` then checks the raw manifests
 * with the same rules as the constructs, including references between them (the hand-written
 * session job below targets the construct-built session cluster).
 */
import * as path from 'path';
import { App, Chart, Include } from 'cdk8s';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FlinkSessionCluster, FlinkVersion } from '../../src';

export class ValidationPluginChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'flink' });
    new FlinkSessionCluster(this, 'SharedSession', { flinkVersion: FlinkVersion.V2_2 });
    new Include(this, 'Legacy', { url: path.join(__dirname, 'legacy-session-job.yaml') });
  }
}

if (require.main === module) {
  const app = new App();
  new ValidationPluginChart(app, 'validation-plugin');
  app.synth();
}
