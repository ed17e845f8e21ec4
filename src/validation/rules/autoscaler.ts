/**
 * The operator's autoscaler option checks: ranges of the scaling options and the syntax of
 * excluded periods. Every option key also reads its `kubernetes.operator.job.autoscaler.*`
 * fallback.
 */
import { excludedPeriodsError } from './excluded-periods';
import { RuleContext } from '../context';
import { ConfigOption, FlinkConfig } from '../flink-config';
import { childPath } from '../json-path';
import { booleanOption } from './deployment';

function autoscalerOption(name: string, defaultValue?: string, extraKeys: string[] = []): ConfigOption {
  return { key: `job.autoscaler.${name}`, alternativeKeys: [`kubernetes.operator.job.autoscaler.${name}`, ...extraKeys], defaultValue };
}

const ENABLED = autoscalerOption('enabled', 'false');
const SCALE_DOWN_MAX_FACTOR = autoscalerOption('scale-down.max-factor', '0.6');
const SCALE_UP_MAX_FACTOR = autoscalerOption('scale-up.max-factor', '100000.0');
const UTILIZATION_TARGET = autoscalerOption('utilization.target', '0.7', [
  'kubernetes.operator.job.autoscaler.target.utilization', 'job.autoscaler.target.utilization',
]);
const TARGET_UTILIZATION_BOUNDARY = autoscalerOption('target.utilization.boundary', '0.3');
const UTILIZATION_MAX = autoscalerOption('utilization.max');
const UTILIZATION_MIN = autoscalerOption('utilization.min');
const COEFFICIENT_MIN = autoscalerOption('observed-scalability.coefficient-min', '0.5');
const EXCLUDED_PERIODS = autoscalerOption('excluded.periods');

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

/**
 * Checks the autoscaler options of a configuration, if the autoscaler is on.
 *
 * @param configPath where the configuration lives in the manifest, for finding paths
 */
export function checkAutoscalerOptions(context: RuleContext, config: FlinkConfig, configPath: string): void {
  if (!booleanOption(context, config, ENABLED, configPath)) {
    return;
  }
  const pathOf = (option: ConfigOption) => childPath(configPath, config.lookup(option)?.key ?? option.key);
  const checkRange = (option: ConfigOption, min: number, max: number): void => {
    const parsed = config.getNumber(option);
    if (parsed === undefined) {
      return;
    }
    if (!parsed.ok) {
      context.report('autoscaler-option-range', pathOf(option), `Autoscaler option ${parsed.error}.`);
      return;
    }
    if (parsed.value < min || parsed.value > max) {
      context.report('autoscaler-option-range', pathOf(option),
        `Autoscaler option '${option.key}' is ${config.get(option)}, outside the range [${javaDouble(min)}, ${javaDouble(max)}] the operator accepts. Set a value within it.`);
    }
  };

  checkRange(SCALE_DOWN_MAX_FACTOR, 0, Infinity);
  checkRange(SCALE_UP_MAX_FACTOR, 0, Infinity);
  checkRange(UTILIZATION_TARGET, 0, 1);
  checkRange(TARGET_UTILIZATION_BOUNDARY, 0, Infinity);
  const target = config.getNumber(UTILIZATION_TARGET);
  const targetValue = target?.ok ? target.value : 0.7;
  checkRange(UTILIZATION_MAX, targetValue, 1);
  checkRange(UTILIZATION_MIN, 0, targetValue);
  checkRange(COEFFICIENT_MIN, 0.01, 1);

  const periods = config.lookup(EXCLUDED_PERIODS);
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
