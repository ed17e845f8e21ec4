/**
 * A PyFlink job as an application cluster, in the shape of the operator's
 * `flink-python-example`: PythonDriver runs the script from an image that holds PyFlink and the
 * job (build it from flink:1.20 with `pip install apache-flink==1.20.*` and the script in
 * /opt/flink/usrlib).
 */
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FlinkApplication, FlinkVersion, PythonJob, UpgradeMode } from '../../src';

export class PythonJobChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'flink' });
    new FlinkApplication(this, 'PythonExample', {
      metadata: { name: 'python-example' },
      flinkVersion: FlinkVersion.V1_20,
      image: 'registry.example.com/flink-python-example:1.20',
      taskManager: { slots: 1 },
      python: PythonJob.fromScript('/opt/flink/usrlib/python_demo.py', { pythonExecutable: '/usr/local/bin/python3' }),
      parallelism: 1,
      upgradeMode: UpgradeMode.STATELESS,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new PythonJobChart(app, 'python-job');
  app.synth();
}
