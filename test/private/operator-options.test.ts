/**
 * Operator option facts that changed between operator releases, declared once in the option
 * registry and read per release. The facts, restated as our own fixtures, were read from the
 * operator's tags in apache/flink-kubernetes-operator:
 * - KubernetesOperatorConfigOptions (flink-kubernetes-operator/.../config/): the checkpoint
 *   progress check is absent at release-1.3.0, defaults to false at release-1.4.0 … release-1.9.0
 *   and to true at release-1.10.0 … release-1.15.0.
 * - AutoScalerOptions (flink-autoscaler/.../autoscaler/config/): SCALE_DOWN_INTERVAL first at
 *   release-1.10.0 (SCALE_UP_GRACE_PERIOD before), EXCLUDED_PERIODS first at release-1.8.0,
 *   OBSERVED_SCALABILITY_COEFFICIENT_MIN first at release-1.12.0.
 */
import { FlinkVersion } from '../../src';
import { EffectiveConfiguration } from '../../src/private/options/effective-configuration';
import * as O from '../../src/private/options/operator-options';
import { parseOperatorRelease } from '../../src/private/options/operator-release';
import { defaultAt, FlinkOption, keysRead } from '../../src/private/options/option';

const release = (text: string) => parseOperatorRelease(text)!;
const configuration = (entries: { [key: string]: string }, operator?: string) =>
  new EffectiveConfiguration(new Map(Object.entries(entries)), FlinkVersion.V1_20, operator === undefined ? undefined : release(operator));

describe('operator releases', () => {
  test.each([['1.9', 1, 9], ['1.10.0', 1, 10], ['v1.12.1', 1, 12], ['release-1.15.0', 1, 15]])('%s', (text, major, minor) => {
    expect(parseOperatorRelease(text)).toEqual({ major, minor });
  });
  test.each([['latest'], ['1'], [''], ['1.x']])('%s names none', (text) => {
    expect(parseOperatorRelease(text)).toBeUndefined();
  });
  test('a non-string names none', () => {
    expect(parseOperatorRelease(1.1)).toBeUndefined();
    expect(parseOperatorRelease(null)).toBeUndefined();
  });
});

describe('the checkpoint progress check default, by operator release', () => {
  const option = O.HEALTH_CHECKPOINT_PROGRESS as FlinkOption<boolean>;
  test.each([['1.4', false], ['1.9', false], ['1.9.3', false], ['1.10', true], ['1.15', true]])('operator %s: %s', (operator, enabled) => {
    expect(defaultAt(option, undefined, release(operator))).toBe(String(enabled));
    expect(configuration({}, operator).read(option).read).toEqual({ ok: true, value: enabled });
  });
  test('the targeted operator (1.15) when none is named', () => {
    expect(configuration({}).read(option).read).toEqual({ ok: true, value: true });
  });
  test('a value that is set wins under any release', () => {
    const key = 'kubernetes.operator.cluster.health-check.checkpoint-progress.enabled';
    expect(configuration({ [key]: 'true' }, '1.9').read(option).read).toEqual({ ok: true, value: true });
    expect(configuration({ [key]: 'false' }, '1.10').read(option).read).toEqual({ ok: true, value: false });
  });
});

describe('job.autoscaler.scale-down.interval', () => {
  const option = O.AUTOSCALER_SCALE_DOWN_INTERVAL;
  test("Flink's order: the main key, the fallback keys as declared, the deprecated key last", () => {
    expect(keysRead(option, undefined)).toEqual([
      'job.autoscaler.scale-down.interval',
      'kubernetes.operator.job.autoscaler.scale-up.grace-period',
      'kubernetes.operator.job.autoscaler.scale-down.interval',
      'job.autoscaler.scale-up.grace-period',
    ]);
  });
  test('with old and new keys set, the prefixed grace period beats the prefixed interval', () => {
    const config = configuration({
      'kubernetes.operator.job.autoscaler.scale-down.interval': '10min',
      'kubernetes.operator.job.autoscaler.scale-up.grace-period': '20min',
      'job.autoscaler.scale-up.grace-period': '40min',
    });
    expect(config.lookup(option)).toEqual({ key: 'kubernetes.operator.job.autoscaler.scale-up.grace-period', value: '20min' });
  });
  test('the main key beats every fallback', () => {
    const config = configuration({ 'job.autoscaler.scale-down.interval': '5min', 'kubernetes.operator.job.autoscaler.scale-up.grace-period': '20min' });
    expect(config.lookup(option)?.key).toBe('job.autoscaler.scale-down.interval');
  });
  test('the deprecated grace period is read only when nothing else is set', () => {
    const config = configuration({ 'job.autoscaler.scale-up.grace-period': '40min' });
    expect(config.lookup(option)?.key).toBe('job.autoscaler.scale-up.grace-period');
  });
  test('the operator 1.9 does not read the 1.10 names, only the grace period', () => {
    expect(keysRead(option, undefined, 'operator', release('1.9'))).toEqual([
      'kubernetes.operator.job.autoscaler.scale-up.grace-period',
      'job.autoscaler.scale-up.grace-period',
    ]);
    expect(configuration({ 'job.autoscaler.scale-down.interval': '5min' }, '1.9').lookup(option)).toBeUndefined();
  });
});

describe('the first operator release of autoscaler options', () => {
  test.each([
    [O.AUTOSCALER_EXCLUDED_PERIODS, '1.7', '1.8'],
    [O.AUTOSCALER_COEFFICIENT_MIN, '1.11', '1.12'],
  ])('%#: unread by the release before, read from the first', (option, before, first) => {
    expect(option.operatorSince).toBe(first);
    expect(keysRead(option, undefined, 'operator', release(before))).toEqual([]);
    expect(keysRead(option, undefined, 'operator', release(first))).toHaveLength(2);
  });
  test('an older operator does not check the range of an option it does not have', () => {
    const config = configuration({ 'job.autoscaler.observed-scalability.coefficient-min': '5' }, '1.11');
    expect(config.lookup(O.AUTOSCALER_COEFFICIENT_MIN)).toBeUndefined();
  });
});
