/**
 * The SQL runner pattern of the operator's `flink-sql-runner-example`: a small Java
 * application (`SqlRunner`, in an image built from that example) runs the SQL script it gets as
 * its only argument. Here the script lives in a ConfigMap mounted into the pods, so changing the
 * SQL is a manifest change, reviewed like any other.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FlinkApplication, FlinkVersion, JobJar, UpgradeMode } from '../../src';

export const SQL = [
  'CREATE TABLE orders (order_number BIGINT, price DECIMAL(32,2), order_time TIMESTAMP(3))',
  "  WITH ('connector' = 'datagen', 'rows-per-second' = '5');",
  "CREATE TABLE print_table WITH ('connector' = 'print') LIKE orders;",
  'INSERT INTO print_table SELECT * FROM orders;',
  '',
].join('\n');

export class SqlRunnerChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'flink' });
    const scripts = new kplus.ConfigMap(this, 'Scripts', {
      metadata: { name: 'sql-example-scripts' },
      data: { 'orders.sql': SQL },
    });
    new FlinkApplication(this, 'SqlExample', {
      metadata: { name: 'sql-example' },
      flinkVersion: FlinkVersion.V1_20,
      image: 'registry.example.com/flink-sql-runner-example:1.20',
      taskManager: { slots: 1 },
      podTemplate: {
        spec: {
          containers: [{ name: 'flink-main-container', volumeMounts: [{ name: 'sql-scripts', mountPath: '/opt/flink/usrlib/sql-scripts' }] }],
          volumes: [{ name: 'sql-scripts', configMap: { name: scripts.name } }],
        },
      },
      jar: JobJar.fromLocal('/opt/flink/usrlib/sql-runner.jar'),
      args: ['/opt/flink/usrlib/sql-scripts/orders.sql'],
      parallelism: 1,
      upgradeMode: UpgradeMode.STATELESS,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new SqlRunnerChart(app, 'sql-runner');
  app.synth();
}
