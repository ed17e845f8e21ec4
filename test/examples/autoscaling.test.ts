import { App } from 'cdk8s';
import { AutoscalingChart } from '../../examples/autoscaling/main';
import { FlinkValidator } from '../../src';
import { manifestOf, synthValid } from '../support/manifests';

describe('examples/autoscaling', () => {
  const manifests = synthValid(new AutoscalingChart(new App(), 'autoscaling'));
  const deployment = manifestOf(manifests, 'FlinkDeployment', 'clickstream');

  test('the autoscaler options, the adaptive scheduler and the state settings land in flinkConfiguration', () => {
    expect(deployment.spec.flinkConfiguration).toMatchObject({
      'job.autoscaler.enabled': 'true',
      'jobmanager.scheduler': 'adaptive',
      'job.autoscaler.metrics.window': '10min',
      'job.autoscaler.stabilization.interval': '5min',
      'job.autoscaler.utilization.target': '0.7',
      'job.autoscaler.utilization.min': '0.5',
      'job.autoscaler.utilization.max': '0.9',
      'job.autoscaler.scale-up.max-factor': '2',
      'job.autoscaler.scale-down.max-factor': '0.5',
      'job.autoscaler.vertex.min-parallelism': '2',
      'job.autoscaler.vertex.max-parallelism': '32',
      'job.autoscaler.excluded.periods': '01:00-03:00;* * * ? * SAT,SUN',
      'execution.checkpointing.interval': '30s',
      'high-availability.type': 'kubernetes',
    });
    expect(deployment.spec.job).toMatchObject({ parallelism: 4, upgradeMode: 'last-state' });
  });

  test('the engine accepts the synthesized manifests, and rejects the same autoscaler on Flink 1.16', () => {
    expect(FlinkValidator.validate(manifests)).toEqual([]);
    const older = manifests.map((m) => (m === deployment ? { ...m, spec: { ...m.spec, flinkVersion: 'v1_16' } } : m));
    expect(FlinkValidator.validate(older).map((f) => f.rule)).toContain('flink-version-feature');
  });
});
