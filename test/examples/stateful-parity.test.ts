/**
 * The stateful examples against the operator's own: basic-checkpoint-ha.yaml and the three
 * snapshot examples, up to the intended differences in each example's header.
 */
import { App, Chart } from 'cdk8s';
import { CheckpointingHaChart } from '../../examples/checkpointing-ha/main';
import { CheckpointSnapshotChart, JobFromSavepointChart, SavepointSnapshotChart } from '../../examples/savepoint-snapshots/main';
import { manifestOf, synthValid } from '../support/manifests';
import { withIntendedDifferences } from '../support/parity';
import { operatorYaml } from '../support/shared';

const CASES: Array<[string, (app: App) => Chart]> = [
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
    const kinds = (list: any[]) => list.map((m) => `${m.kind}/${m.metadata.name}`).sort();
    expect(kinds(manifests)).toEqual(kinds(upstream));
  });

  test.each(upstream.map((document) => [`${document.kind}/${document.metadata.name}`, document]))(
    '%s equals upstream up to the intended differences', (_name, document) => {
      expect(manifestOf(manifests, document.kind, document.metadata.name)).toEqual(withIntendedDifferences(document));
    });
});
