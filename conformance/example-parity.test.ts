/**
 * The examples that reproduce the operator's own example manifests synthesize exactly the
 * upstream custom resources, up to the intended differences each example's header lists
 * (security defaults, flat string configuration values, the key names of the Flink version).
 */
import { App, Chart } from 'cdk8s';
import { operatorYaml } from './support';
import { AdvancedIngressChart } from '../examples/advanced-ingress/main';
import { BasicChart } from '../examples/basic/main';
import { BasicIngressChart } from '../examples/basic-ingress/main';
import { BasicSessionDeploymentAndJobChart } from '../examples/basic-session-deployment-and-job/main';
import { CheckpointingHaChart } from '../examples/checkpointing-ha/main';
import { CheckpointSnapshotChart, JobFromSavepointChart, SavepointSnapshotChart } from '../examples/savepoint-snapshots/main';
import { manifestOf, synthValid } from '../test/support/manifests';
import { withIntendedDifferences } from '../test/support/parity';

const CASES: Array<[string, (app: App) => Chart]> = [
  ['basic.yaml', (app) => new BasicChart(app, 'basic')],
  ['basic-session-deployment-and-job.yaml', (app) => new BasicSessionDeploymentAndJobChart(app, 'session')],
  ['basic-ingress.yaml', (app) => new BasicIngressChart(app, 'basic-ingress')],
  ['advanced-ingress.yaml', (app) => new AdvancedIngressChart(app, 'advanced-ingress')],
  ['basic-checkpoint-ha.yaml', (app) => new CheckpointingHaChart(app, 'ha')],
  ['snapshot-checkpoint.yaml', (app) => new CheckpointSnapshotChart(app, 'checkpoint')],
  ['snapshot-savepoint-job-full-spec.yaml', (app) => new SavepointSnapshotChart(app, 'savepoint')],
  ['snapshot-job-from-savepoint.yaml', (app) => new JobFromSavepointChart(app, 'from-savepoint')],
];

describe.each(CASES)('upstream example %s', (file, makeChart) => {
  const upstream = operatorYaml('examples', file);
  const app = new App();
  app.node.setContext('cdk8s-flink:print-warnings', false);
  const manifests = synthValid(makeChart(app));

  test('synthesizes exactly the upstream custom resources', () => {
    const kinds = (list: any[]) => list.filter((m) => m.apiVersion.startsWith('flink.apache.org/')).map((m) => `${m.kind}/${m.metadata.name}`).sort();
    expect(kinds(manifests)).toEqual(kinds(upstream));
    expect(upstream.length).toBeGreaterThan(0);
  });

  test.each(upstream.map((document) => [`${document.kind}/${document.metadata.name}`, document]))(
    '%s equals upstream up to the intended differences', (_name, document) => {
      expect(manifestOf(manifests, document.kind, document.metadata.name)).toEqual(withIntendedDifferences(document));
    });
});
