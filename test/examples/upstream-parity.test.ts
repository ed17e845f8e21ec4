/**
 * Each upstream-parity example reproduces one of the operator's example manifests
 * (../shared/flink-operator/examples). The synthesized custom resources must equal the
 * upstream ones, up to the intended differences listed here (and in each example's header).
 */
import { App, Chart } from 'cdk8s';
import { AdvancedIngressChart } from '../../examples/advanced-ingress/main';
import { BasicChart } from '../../examples/basic/main';
import { BasicIngressChart } from '../../examples/basic-ingress/main';
import { BasicSessionDeploymentAndJobChart } from '../../examples/basic-session-deployment-and-job/main';
import { manifestOf, synthValid } from '../support/manifests';
import { withIntendedDifferences } from '../support/parity';
import { operatorYaml } from '../support/shared';

const CASES: Array<[string, (app: App) => Chart]> = [
  ['basic.yaml', (app) => new BasicChart(app, 'basic')],
  ['basic-session-deployment-and-job.yaml', (app) => new BasicSessionDeploymentAndJobChart(app, 'session')],
  ['basic-ingress.yaml', (app) => new BasicIngressChart(app, 'basic-ingress')],
  ['advanced-ingress.yaml', (app) => new AdvancedIngressChart(app, 'advanced-ingress')],
];

describe.each(CASES)('upstream example %s', (file, makeChart) => {
  const upstream = operatorYaml('examples', file);
  const manifests = synthValid(makeChart(new App()));

  test('synthesizes exactly the upstream custom resources', () => {
    const kinds = (list: any[]) => list.map((m) => `${m.kind}/${m.metadata.name}`).sort();
    expect(kinds(manifests)).toEqual(kinds(upstream));
  });

  test.each(upstream.map((document) => [`${document.kind}/${document.metadata.name}`, document]))(
    '%s equals upstream up to the intended differences', (_name, document) => {
      const ours = manifestOf(manifests, document.kind, document.metadata.name);
      expect(ours).toEqual(withIntendedDifferences(document));
    });
});
