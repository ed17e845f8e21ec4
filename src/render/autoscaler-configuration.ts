/**
 * The `autoscaler` prop as `job.autoscaler.*` entries, with the operator's `AutoscalerValidator`
 * ranges (declared in the option registry) checked at construction.
 */
import { Entries } from './config-entries';
import { AutoscalerOptions } from '../autoscaler';
import { FlinkVersion } from '../flink-version';
import { onFirstUse } from '../private/on-first-use';
import * as F from '../private/options/flink-options';
import * as O from '../private/options/operator-options';
import { defaultAt } from '../private/options/option';
import { requireAvailable } from '../private/options/written-key';
import { checkWholeNumber } from '../props/prop-checks';
import { propError } from '../props/prop-errors';
import type * as ExcludedPeriods from '../validation/checks/excluded-periods';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const excludedPeriods = onFirstUse(() => require('../validation/checks/excluded-periods') as typeof ExcludedPeriods);

/** The operator's AutoscalerValidator: `utilizationMax` within [target, 1], `utilizationMin` within [0, target]. */
function checkUtilizationBand(options: AutoscalerOptions): void {
  const target = options.targetUtilization ?? Number(defaultAt(O.AUTOSCALER_UTILIZATION_TARGET, undefined));
  if (options.utilizationMax !== undefined && options.utilizationMax < target) {
    throw propError('autoscaler.utilizationMax', `'autoscaler.utilizationMax' (${options.utilizationMax}) must not be below the target utilization (${target}): the operator refuses it. Raise it or lower 'autoscaler.targetUtilization'.`);
  }
  if (options.utilizationMin !== undefined && options.utilizationMin > target) {
    throw propError('autoscaler.utilizationMin', `'autoscaler.utilizationMin' (${options.utilizationMin}) must not be above the target utilization (${target}): the operator refuses it. Lower it or raise 'autoscaler.targetUtilization'.`);
  }
}

export function autoscalerEntries(entries: Entries, options: AutoscalerOptions | undefined): void {
  if (options === undefined) {
    return;
  }
  if (options.scaleDownMaxFactor !== undefined && !(options.scaleDownMaxFactor >= 0 && options.scaleDownMaxFactor <= 1)) {
    // The operator only refuses negative factors; above 1 the factor means nothing (a scale-down cannot remove more than all).
    throw propError('autoscaler.scaleDownMaxFactor', `'autoscaler.scaleDownMaxFactor' must be from 0 to 1 (got ${options.scaleDownMaxFactor}).`);
  }
  checkWholeNumber('autoscaler.vertexMinParallelism', options.vertexMinParallelism, 1);
  checkWholeNumber('autoscaler.vertexMaxParallelism', options.vertexMaxParallelism, options.vertexMinParallelism ?? 1);
  const periods = options.excludedPeriods?.join(';');
  const periodsError = periods === undefined ? undefined : excludedPeriods().excludedPeriodsError(periods);
  if (periodsError !== undefined) {
    throw propError('autoscaler.excludedPeriods', `'autoscaler.excludedPeriods': ${periodsError}.`);
  }
  entries.bool(O.AUTOSCALER_ENABLED, options.enabled ?? true);
  entries.bool(O.AUTOSCALER_SCALING_ENABLED, options.scalingEnabled);
  entries.duration(O.AUTOSCALER_METRICS_WINDOW, options.metricsWindow, undefined, true);
  entries.duration(O.AUTOSCALER_STABILIZATION, options.stabilizationInterval);
  entries.number(O.AUTOSCALER_UTILIZATION_TARGET, options.targetUtilization);
  checkUtilizationBand(options);
  entries.number(O.AUTOSCALER_UTILIZATION_MIN, options.utilizationMin);
  entries.number(O.AUTOSCALER_UTILIZATION_MAX, options.utilizationMax);
  entries.number(O.AUTOSCALER_SCALE_UP_MAX_FACTOR, options.scaleUpMaxFactor);
  entries.number(O.AUTOSCALER_SCALE_DOWN_MAX_FACTOR, options.scaleDownMaxFactor);
  entries.duration(O.AUTOSCALER_SCALE_DOWN_INTERVAL, options.scaleDownInterval);
  entries.duration(O.AUTOSCALER_CATCH_UP_DURATION, options.catchUpDuration);
  entries.duration(O.AUTOSCALER_RESTART_TIME, options.restartTime);
  entries.bool(O.AUTOSCALER_RESTART_TIME_TRACKING, options.restartTimeTracking);
  const tuning = options.memoryTuning;
  if (tuning !== undefined) {
    entries.bool(O.AUTOSCALER_MEMORY_TUNING, tuning.enabled ?? true);
    entries.number(O.AUTOSCALER_MEMORY_TUNING_OVERHEAD, tuning.overhead);
    entries.bool(O.AUTOSCALER_MEMORY_TUNING_MAXIMIZE_MANAGED, tuning.maximizeManagedMemory);
  }
  entries.add(O.AUTOSCALER_EXCLUDED_PERIODS, periods);
  entries.add(O.AUTOSCALER_VERTEX_MIN, options.vertexMinParallelism === undefined ? undefined : String(options.vertexMinParallelism));
  entries.add(O.AUTOSCALER_VERTEX_MAX, options.vertexMaxParallelism === undefined ? undefined : String(options.vertexMaxParallelism));
  if (options.inPlaceScaling === true) {
    // The operator rescales in place with the adaptive scheduler from Flink 1.18 (supportsInPlaceScaling).
    requireAvailable('autoscaler.inPlaceScaling', entries.version, FlinkVersion.V1_18);
    entries.add(F.SCHEDULER, 'adaptive');
  }
}
