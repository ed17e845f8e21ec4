/**
 * The autoscaler option `job.autoscaler.excluded.periods`, checked as the Flink Kubernetes
 * Operator's `AutoscalerValidator` does: `CalendarUtils.validateExcludedPeriods`, with Quartz's
 * `DailyCalendar` and `CronCalendar` deciding whether a part is valid.
 *
 * - The value is a Flink list (see private/flink/list-splitter.ts). Bad quoting throws, as Flink
 *   does; in the operator that exception escapes, so the webhook fails with an internal error.
 * - Each element is split with Java `String.split("&&")`. Trailing empty pieces are dropped, so
 *   `a&&` is one piece and `&&` is none, which is valid. More than two pieces is an error. Each
 *   piece is `String.strip()`ped and is valid if it is a daily expression or a Quartz cron
 *   expression. With two pieces, at least one daily and at least one cron expression must be
 *   present. Any exception Quartz would throw makes the piece invalid, as the operator catches
 *   all of them.
 */
import { splitFlinkList } from '../../private/flink/list-splitter';
import { javaSplit, javaStrip } from '../../private/jvm/java-string';
import { AUTOSCALER_EXCLUDED_PERIODS } from '../../private/options/operator-options';
import { mainKey } from '../../private/options/option';
import { CronValidationOptions, isValidCronExpression } from '../../private/quartz/cron-expression';
import { isValidDailyExpression } from '../../private/quartz/daily-calendar';

/** The option's main key, which the operator's messages print. */
export const EXCLUDED_PERIODS_KEY = mainKey(AUTOSCALER_EXCLUDED_PERIODS);

/**
 * The operator's message for the first invalid expression in `value` (the raw option value, a `;`-separated
 * Flink list), or undefined if every expression is valid.
 *
 * @throws Error when the list itself cannot be split (bad quoting). The operator fails with an internal error there.
 */
export function excludedPeriodsError(value: string, options: CronValidationOptions = {}): string | undefined {
  for (const expression of splitFlinkList(value)) {
    const error = excludedExpressionError(expression, options);
    if (error !== undefined) {
      return error;
    }
  }
  return undefined;
}

/** The operator's message for one list element (`CalendarUtils.validateExcludedExpression`), or undefined if it is valid. */
export function excludedExpressionError(expression: string, options: CronValidationOptions = {}): string | undefined {
  const prefix = `Invalid value ${expression} in the autoscaler config ${EXCLUDED_PERIODS_KEY}`;
  const parts = javaSplit(expression, '&&');
  if (parts.length > 2) {
    return prefix;
  }
  let sawDaily = false;
  let sawCron = false;
  for (const rawPart of parts) {
    const part = javaStrip(rawPart);
    const daily = isValidDailyExpression(part);
    const cron = isValidCronExpression(part, options);
    sawDaily = sawDaily || daily;
    sawCron = sawCron || cron;
    if (!daily && !cron) {
      return `${prefix}, the value is neither a valid daily expression nor a valid cron expression`;
    }
  }
  if (parts.length === 2 && (!sawDaily || !sawCron)) {
    return `${prefix}, the value can not be configured as dailyExpression && dailyExpression or cronExpression && cronExpression`;
  }
  return undefined;
}
