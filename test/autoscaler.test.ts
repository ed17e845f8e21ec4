import { Duration } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { AutoscalerOptions, FlinkApplication, FlinkVersion, JobJar, UpgradeMode } from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';

function configurationOf(autoscaler: AutoscalerOptions, flinkVersion: FlinkVersion = FlinkVersion.V1_20): { [key: string]: string } {
  const chart = testChart();
  new FlinkApplication(chart, 'Orders', {
    flinkVersion,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    jar: JobJar.fromLocal('/opt/job.jar'),
    parallelism: 2,
    upgradeMode: UpgradeMode.STATELESS,
    autoscaler,
  });
  return manifestOf(synthValid(chart), 'FlinkDeployment', 'orders').spec.flinkConfiguration;
}

describe('autoscaler', () => {
  test('every option lands under job.autoscaler.*', () => {
    expect(configurationOf({
      metricsWindow: Duration.minutes(10),
      stabilizationInterval: Duration.minutes(2),
      targetUtilization: 0.6,
      utilizationMin: 0.4,
      utilizationMax: 0.8,
      scaleUpMaxFactor: 2,
      scaleDownMaxFactor: 0.5,
      excludedPeriods: ['10:00-11:00', '* * 22-23 ? * *'],
      vertexMinParallelism: 1,
      vertexMaxParallelism: 64,
    })).toEqual({
      'job.autoscaler.enabled': 'true',
      'job.autoscaler.metrics.window': '10min',
      'job.autoscaler.stabilization.interval': '2min',
      'job.autoscaler.utilization.target': '0.6',
      'job.autoscaler.utilization.min': '0.4',
      'job.autoscaler.utilization.max': '0.8',
      'job.autoscaler.scale-up.max-factor': '2',
      'job.autoscaler.scale-down.max-factor': '0.5',
      'job.autoscaler.excluded.periods': '10:00-11:00;* * 22-23 ? * *',
      'job.autoscaler.vertex.min-parallelism': '1',
      'job.autoscaler.vertex.max-parallelism': '64',
    });
  });

  test('in-place scaling turns on the adaptive scheduler', () => {
    expect(configurationOf({ inPlaceScaling: true }, FlinkVersion.V1_18)).toEqual({ 'job.autoscaler.enabled': 'true', 'jobmanager.scheduler': 'adaptive' });
  });

  test('can be configured but off', () => {
    expect(configurationOf({ enabled: false })).toEqual({ 'job.autoscaler.enabled': 'false' });
  });

  test.each([
    ['the autoscaler on Flink 1.16', { }, FlinkVersion.V1_16, /'autoscaler.enabled' is not available in Flink 1.16 \(it needs Flink 1.17 or newer\)/],
    ['in-place scaling on Flink 1.17', { inPlaceScaling: true }, FlinkVersion.V1_17, /'autoscaler.inPlaceScaling' is not available in Flink 1.17 \(it needs Flink 1.18 or newer\)/],
    ['a target utilization above 1', { targetUtilization: 1.5 }, FlinkVersion.V1_20, /'autoscaler.targetUtilization' must be from 0 to 1 \(got 1.5\)/],
    ['a scale-down factor above 1', { scaleDownMaxFactor: 2 }, FlinkVersion.V1_20, /'autoscaler.scaleDownMaxFactor' must be from 0 to 1/],
    ['a max parallelism below the min', { vertexMinParallelism: 4, vertexMaxParallelism: 2 }, FlinkVersion.V1_20, /'autoscaler.vertexMaxParallelism' must be a whole number of at least 4/],
    ['a wrapping daily period', { excludedPeriods: ['22:00-06:00'] }, FlinkVersion.V1_20, /'autoscaler.excludedPeriods': Invalid value 22:00-06:00/],
  ])('rejects %s', (_what, options, version, message) => {
    expect(() => configurationOf(options as AutoscalerOptions, version)).toThrow(message);
  });

  test('a raw autoscaler option the operator refuses fails synth through the engine', () => {
    const chart = testChart();
    new FlinkApplication(chart, 'Orders', {
      flinkVersion: FlinkVersion.V1_20,
      serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
      jar: JobJar.fromLocal('/opt/job.jar'),
      autoscaler: {},
      flinkConfiguration: { 'job.autoscaler.utilization.max': '0.5' },
    });
    expect(() => synthValid(chart)).toThrow(/\[autoscaler-option-range\]/);
  });
});
