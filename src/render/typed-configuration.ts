/**
 * Turns the typed props into Flink configuration entries, with the key names of the cluster's
 * Flink version. Each entry carries the prop it comes from, so that a collision with a raw
 * `flinkConfiguration` key can name both.
 */
import { Duration, Size } from 'cdk8s';
import { AutoscalerOptions } from '../autoscaler';
import { CheckpointingOptions, HeartbeatOptions, MetricsOptions, SavepointOptions } from '../checkpointing';
import { FlinkClusterProps } from '../cluster-props';
import { FlinkVersion } from '../flink-version';
import { HighAvailability } from '../high-availability';
import { RestartStrategy } from '../restart-strategy';
import { checkWholeNumber, flinkMemoryString } from './prop-checks';
import { flinkDuration } from '../private/flink/duration';
import { isHierarchicalUri } from '../private/flink/uri';
import * as F from '../private/options/flink-options';
import * as O from '../private/options/operator-options';
import { FlinkOption, typeAt } from '../private/options/option';
import { ALL_OPTIONS } from '../private/options/registry';
import { FLOAT } from '../private/options/value-type';
import { requireAvailable, writtenKey } from '../private/options/written-key';
import { PropError } from '../private/prop-error';
import { excludedPeriodsError } from '../validation/rules/excluded-periods';

/** One configuration entry and the prop that set it. */
export interface ConfigEntry {
  readonly key: string;
  readonly value: string;
  readonly source: string;
}

/** The typed props a job may carry (application clusters and session jobs). */
export interface JobConfigurationProps {
  readonly checkpointing?: CheckpointingOptions;
  readonly savepoints?: SavepointOptions;
  readonly restartStrategy?: RestartStrategy;
}

class Entries {
  public readonly list: ConfigEntry[] = [];
  constructor(public readonly version: FlinkVersion) {}

  public add(option: FlinkOption, value: string | undefined, source: string = option.prop!): void {
    if (value !== undefined) {
      this.list.push({ key: writtenKey(option, this.version), value, source });
    }
  }

  public size(option: FlinkOption, value: Size | undefined): void {
    this.add(option, flinkMemoryString(option.prop!, value));
  }

  public fraction(option: FlinkOption, value: number | undefined): void {
    if (value !== undefined && !(value >= 0 && value < 1)) {
      throw new PropError(`'${option.prop}' must be a fraction from 0 (inclusive) to 1 (exclusive) (got ${value}).`);
    }
    this.add(option, value === undefined ? undefined : String(value));
  }

  public duration(option: FlinkOption, value: Duration | undefined): void {
    this.add(option, value === undefined ? undefined : flinkDuration(value));
  }

  public raw(entries: Array<[string, string]>, source: string): void {
    entries.forEach(([key, value]) => this.list.push({ key, value, source }));
  }
}

/**
 * The memory components of a JobManager or TaskManager (`<process>.memoryComponents`): each
 * component is the registry's option whose prop is `<process>.memoryComponents.<component>`, a
 * size or, for a float option, a fraction.
 */
function memoryComponents(entries: Entries, process: 'jobManager' | 'taskManager', components: object | undefined): void {
  if (components === undefined) {
    return;
  }
  const prefix = `${process}.memoryComponents.`;
  for (const option of ALL_OPTIONS) {
    if (option.prop?.startsWith(prefix)) {
      const value = (components as { readonly [component: string]: unknown })[option.prop.slice(prefix.length)];
      if (typeAt(option, undefined) === FLOAT) {
        entries.fraction(option, value as number | undefined);
      } else {
        entries.size(option, value as Size | undefined);
      }
    }
  }
}

function heartbeat(entries: Entries, version: FlinkVersion, options: HeartbeatOptions | undefined): void {
  if (options === undefined) {
    return;
  }
  const interval = options.interval?.toMilliseconds();
  const timeout = options.timeout?.toMilliseconds();
  for (const [prop, ms] of [['heartbeat.interval', interval], ['heartbeat.timeout', timeout]] as const) {
    if (ms !== undefined && !(Number.isSafeInteger(ms) && ms > 0)) {
      throw new PropError(`'${prop}' must be a positive whole number of milliseconds (got ${ms} ms).`);
    }
  }
  // Flink's defaults: interval 10 s, timeout 50 s. The timeout may not be shorter than the interval.
  if ((timeout ?? 50_000) < (interval ?? 10_000)) {
    throw new PropError(`'heartbeat.timeout' (${timeout ?? 50_000} ms) must not be shorter than 'heartbeat.interval' (${interval ?? 10_000} ms): peers would be declared lost between two heartbeats. Raise the timeout.`);
  }
  // Before Flink 1.20 both options are milliseconds (a Long); from 1.20 they are durations.
  const render = (duration: Duration | undefined) => (duration === undefined ? undefined
    : version.isAtLeast(FlinkVersion.V1_20) ? flinkDuration(duration) : String(duration.toMilliseconds()));
  entries.add(F.HEARTBEAT_INTERVAL, render(options.interval));
  entries.add(F.HEARTBEAT_TIMEOUT, render(options.timeout));
}

function checkpointing(entries: Entries, version: FlinkVersion, options: CheckpointingOptions | undefined): void {
  if (options === undefined) {
    return;
  }
  const interval = options.interval?.toMilliseconds() ?? 10;
  if (!(interval >= 10)) {
    throw new PropError(`'checkpointing.interval' must be at least 10 ms, Flink's minimum (got ${interval} ms).`);
  }
  checkWholeNumber('checkpointing.maxConcurrent', options.maxConcurrent, 1);
  if (options.externalizedRetention === 'NO_EXTERNALIZED_CHECKPOINTS' && !version.isAtLeast(FlinkVersion.V1_15)) {
    throw new PropError(`'checkpointing.externalizedRetention' NO_EXTERNALIZED_CHECKPOINTS needs Flink 1.15 or newer (got ${version.name}).`);
  }
  if (options.directory !== undefined && !isHierarchicalUri(options.directory)) {
    throw new PropError(`'checkpointing.directory' must be a URI with a scheme, e.g. 's3://bucket/checkpoints' (got '${options.directory}').`);
  }
  entries.duration(F.CHECKPOINT_INTERVAL, options.interval);
  entries.add(F.CHECKPOINT_MODE, options.mode);
  entries.duration(F.CHECKPOINT_TIMEOUT, options.timeout);
  entries.duration(F.CHECKPOINT_MIN_PAUSE, options.minPause);
  entries.add(F.CHECKPOINT_MAX_CONCURRENT, options.maxConcurrent === undefined ? undefined : String(options.maxConcurrent));
  entries.add(F.EXTERNALIZED_RETENTION, options.externalizedRetention);
  entries.add(F.INCREMENTAL_CHECKPOINTS, options.incremental === undefined ? undefined : String(options.incremental));
  entries.add(F.STATE_BACKEND, options.stateBackend);
  entries.add(F.CHECKPOINT_DIRECTORY, options.directory);
  entries.duration(O.PERIODIC_CHECKPOINT_INTERVAL, options.periodicSnapshotInterval);
}

function savepoints(entries: Entries, options: SavepointOptions | undefined): void {
  if (options?.directory !== undefined && !isHierarchicalUri(options.directory)) {
    throw new PropError(`'savepoints.directory' must be a URI with a scheme, e.g. 's3://bucket/savepoints' (got '${options.directory}').`);
  }
  entries.add(F.SAVEPOINT_DIRECTORY, options?.directory);
  if (options?.periodicInterval !== undefined && options.directory === undefined) {
    throw new PropError("'savepoints.periodicInterval' needs 'savepoints.directory': periodic savepoints are written there.");
  }
  checkWholeNumber('savepoints.historyMaxCount', options?.historyMaxCount, 1);
  entries.duration(O.PERIODIC_SAVEPOINT_INTERVAL, options?.periodicInterval);
  entries.duration(O.SAVEPOINT_HISTORY_MAX_AGE, options?.historyMaxAge);
  entries.add(O.SAVEPOINT_HISTORY_MAX_COUNT, options?.historyMaxCount === undefined ? undefined : String(options.historyMaxCount));
  entries.add(O.SAVEPOINT_FORMAT, options?.formatType);
}

function metrics(entries: Entries, options: MetricsOptions | undefined): void {
  const port = options?.prometheusPort;
  if (port === undefined) {
    return;
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new PropError(`'metrics.prometheusPort' must be a port number from 1 to 65535 (got ${port}).`);
  }
  entries.add(F.PROMETHEUS_FACTORY, 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory');
  entries.add(F.PROMETHEUS_PORT, String(port));
}

function autoscaler(entries: Entries, options: AutoscalerOptions | undefined): void {
  if (options === undefined) {
    return;
  }
  const range = (prop: string, value: number | undefined, min: number, max: number) => {
    if (value !== undefined && !(value >= min && value <= max)) {
      throw new PropError(`'autoscaler.${prop}' must be from ${min} to ${max === Infinity ? 'infinity' : max} (got ${value}).`);
    }
  };
  range('targetUtilization', options.targetUtilization, 0, 1);
  range('targetUtilizationBoundary', options.targetUtilizationBoundary, 0, Infinity);
  range('scaleUpMaxFactor', options.scaleUpMaxFactor, 0, Infinity);
  range('scaleDownMaxFactor', options.scaleDownMaxFactor, 0, 1);
  checkWholeNumber('autoscaler.vertexMinParallelism', options.vertexMinParallelism, 1);
  checkWholeNumber('autoscaler.vertexMaxParallelism', options.vertexMaxParallelism, options.vertexMinParallelism ?? 1);
  const periods = options.excludedPeriods?.join(';');
  const periodsError = periods === undefined ? undefined : excludedPeriodsError(periods);
  if (periodsError !== undefined) {
    throw new PropError(`'autoscaler.excludedPeriods': ${periodsError}.`);
  }
  const number = (value: number | undefined) => (value === undefined ? undefined : String(value));
  entries.add(O.AUTOSCALER_ENABLED, String(options.enabled ?? true));
  entries.duration(O.AUTOSCALER_METRICS_WINDOW, options.metricsWindow);
  entries.duration(O.AUTOSCALER_STABILIZATION, options.stabilizationInterval);
  entries.add(O.AUTOSCALER_UTILIZATION_TARGET, number(options.targetUtilization));
  entries.add(O.AUTOSCALER_UTILIZATION_BOUNDARY, number(options.targetUtilizationBoundary));
  entries.add(O.AUTOSCALER_SCALE_UP_MAX_FACTOR, number(options.scaleUpMaxFactor));
  entries.add(O.AUTOSCALER_SCALE_DOWN_MAX_FACTOR, number(options.scaleDownMaxFactor));
  entries.add(O.AUTOSCALER_EXCLUDED_PERIODS, periods);
  entries.add(O.AUTOSCALER_VERTEX_MIN, number(options.vertexMinParallelism));
  entries.add(O.AUTOSCALER_VERTEX_MAX, number(options.vertexMaxParallelism));
  if (options.inPlaceScaling === true) {
    // The operator rescales in place with the adaptive scheduler from Flink 1.18 (supportsInPlaceScaling).
    requireAvailable('autoscaler.inPlaceScaling', entries.version, FlinkVersion.V1_18);
    entries.add(F.SCHEDULER, 'adaptive');
  }
}

/** The entries of the job-level typed props. */
export function jobConfigurationEntries(props: JobConfigurationProps, version: FlinkVersion): ConfigEntry[] {
  const entries = new Entries(version);
  checkpointing(entries, version, props.checkpointing);
  savepoints(entries, props.savepoints);
  if (props.restartStrategy !== undefined) {
    entries.raw(props.restartStrategy._entries(version), 'restartStrategy');
  }
  return entries.list;
}

/** The entries of every typed prop of a cluster. */
export function clusterConfigurationEntries(props: FlinkClusterProps, version: FlinkVersion): ConfigEntry[] {
  const entries = new Entries(version);
  entries.add(F.TASK_SLOTS, props.taskManager?.slots === undefined ? undefined : String(props.taskManager.slots));
  memoryComponents(entries, 'taskManager', props.taskManager?.memoryComponents);
  memoryComponents(entries, 'jobManager', props.jobManager?.memoryComponents);
  heartbeat(entries, version, props.heartbeat);
  metrics(entries, props.metrics);
  autoscaler(entries, props.autoscaler);
  const highAvailability: HighAvailability | undefined = props.highAvailability;
  if (highAvailability !== undefined) {
    entries.raw(highAvailability._entries(version), 'highAvailability');
  }
  return [...entries.list, ...jobConfigurationEntries(props, version)];
}
