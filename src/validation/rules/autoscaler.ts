/**
 * The operator's autoscaler option checks: ranges of the scaling options and the syntax of
 * excluded periods. Every option key also reads its `kubernetes.operator.job.autoscaler.*`
 * fallback.
 */
import { booleanOption } from './deployment';
import { EffectiveConfiguration } from '../../private/options/effective-configuration';
import * as O from '../../private/options/operator-options';
import { FlinkOption, mainKey, NumericRange } from '../../private/options/option';
import { ALL_OPTIONS } from '../../private/options/registry';
import { excludedPeriodsError } from '../checks/excluded-periods';
import { RuleContext } from '../context';
import { childPath } from '../json-path';

/** Java's Double.toString for the range bounds the operator prints. */
function javaDouble(value: number): string {
  if (value === Infinity) {
    return '+Infinity';
  }
  if (value === -Infinity) {
    return '-Infinity';
  }
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** The autoscaler options with a range the AutoscalerValidator enforces, from the option registry. */
const RANGED: ReadonlyArray<FlinkOption & { range: NumericRange }> = ALL_OPTIONS
  .filter((option): option is FlinkOption & { range: NumericRange } => option.range !== undefined && mainKey(option).startsWith('job.autoscaler.'));

/**
 * The options whose values this module reads and reports itself (when the autoscaler is on),
 * which the generic value check leaves to it.
 */
export const AUTOSCALER_CHECKED_OPTIONS: ReadonlyArray<FlinkOption> = [...RANGED, O.AUTOSCALER_EXCLUDED_PERIODS];

/**
 * Checks the autoscaler options of a configuration, if the autoscaler is on.
 *
 * @param configPath where the configuration lives in the manifest, for finding paths
 */
export function checkAutoscalerOptions(context: RuleContext, config: EffectiveConfiguration, configPath: string): void {
  if (!booleanOption(config, O.AUTOSCALER_ENABLED as FlinkOption<boolean>)) {
    return;
  }
  const pathOf = (option: FlinkOption) => childPath(configPath, config.lookup(option)?.key ?? mainKey(option));
  const checkRange = (option: FlinkOption, min: number, max: number): void => {
    const { key, text, read } = config.read(option as FlinkOption<number>);
    if (key === undefined) {
      return;
    }
    if (!read.ok) {
      context.report('autoscaler-option-range', pathOf(option), `Autoscaler option '${key}' must be a number (got '${text}').`);
      return;
    }
    const value = read.value;
    if (value !== undefined && (value < min || value > max)) {
      context.report('autoscaler-option-range', pathOf(option),
        `Autoscaler option '${mainKey(option)}' is ${config.text(option)}, outside the range [${javaDouble(min)}, ${javaDouble(max)}] the operator accepts. Set a value within it.`);
    }
  };

  // The utilization band is bounded by the effective target as well: max in [target, 1], min in [0, target].
  const target = config.read(O.AUTOSCALER_UTILIZATION_TARGET as FlinkOption<number>).read;
  const targetValue = target.ok && target.value !== undefined ? target.value : 0.7;
  const relative = new Map<FlinkOption, [number, number]>([
    [O.AUTOSCALER_UTILIZATION_MAX, [targetValue, 1]],
    [O.AUTOSCALER_UTILIZATION_MIN, [0, targetValue]],
  ]);
  for (const option of RANGED) {
    const when = option.range.when === undefined ? undefined : config.read(option.range.when).read;
    if (when !== undefined && !(when.ok && when.value === true)) {
      continue;
    }
    const [min, max] = relative.get(option) ?? [option.range.min ?? -Infinity, option.range.max ?? Infinity];
    checkRange(option, min, max);
  }

  const periods = config.lookup(O.AUTOSCALER_EXCLUDED_PERIODS);
  if (periods !== undefined) {
    const problem = excludedPeriodsError(periods.value);
    if (problem) {
      context.report('autoscaler-excluded-periods', childPath(configPath, periods.key),
        `${problem}. Use daily ranges such as '22:00-23:59' or Quartz cron expressions such as '* * 9-17 ? * MON-FRI', separated by ';'.`);
    }
  }
}

export function checkDeploymentAutoscaler(context: RuleContext): void {
  checkAutoscalerOptions(context, context.config, 'spec.flinkConfiguration');
}
