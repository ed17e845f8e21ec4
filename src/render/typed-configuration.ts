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
import { JobManagerMemoryComponents, TaskManagerMemoryComponents } from '../memory-components';
import { RestartStrategy } from '../restart-strategy';
import { checkWholeNumber, flinkMemoryString } from './prop-checks';
import { keyOf, SettingId, SETTINGS } from '../private/options/configuration-keys';
import { excludedPeriodsError } from '../validation/rules/excluded-periods';
import { flinkDuration } from '../private/flink/duration';

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
  constructor(private readonly version: FlinkVersion) {}

  public add(id: SettingId, value: string | undefined, source: string = SETTINGS[id].prop): void {
    if (value !== undefined) {
      this.list.push({ key: keyOf(id, this.version), value, source });
    }
  }

  public size(id: SettingId, value: Size | undefined): void {
    this.add(id, flinkMemoryString(SETTINGS[id].prop, value));
  }

  public fraction(id: SettingId, value: number | undefined): void {
    if (value !== undefined && !(value >= 0 && value < 1)) {
      throw new Error(`'${SETTINGS[id].prop}' must be a fraction from 0 (inclusive) to 1 (exclusive) (got ${value}).`);
    }
    this.add(id, value === undefined ? undefined : String(value));
  }

  public duration(id: SettingId, value: Duration | undefined): void {
    this.add(id, value === undefined ? undefined : flinkDuration(value));
  }

  public raw(entries: Array<[string, string]>, source: string): void {
    entries.forEach(([key, value]) => this.list.push({ key, value, source }));
  }
}

function taskManagerComponents(entries: Entries, components: TaskManagerMemoryComponents | undefined): void {
  if (components === undefined) {
    return;
  }
  entries.size('tmTotalFlink', components.totalFlink);
  entries.size('tmTaskHeap', components.taskHeap);
  entries.size('tmTaskOffHeap', components.taskOffHeap);
  entries.size('tmFrameworkHeap', components.frameworkHeap);
  entries.size('tmFrameworkOffHeap', components.frameworkOffHeap);
  entries.size('tmManagedSize', components.managedSize);
  entries.fraction('tmManagedFraction', components.managedFraction);
  entries.size('tmNetworkMin', components.networkMin);
  entries.size('tmNetworkMax', components.networkMax);
  entries.fraction('tmNetworkFraction', components.networkFraction);
  entries.size('tmMetaspace', components.jvmMetaspace);
  entries.size('tmOverheadMin', components.jvmOverheadMin);
  entries.size('tmOverheadMax', components.jvmOverheadMax);
  entries.fraction('tmOverheadFraction', components.jvmOverheadFraction);
}

function jobManagerComponents(entries: Entries, components: JobManagerMemoryComponents | undefined): void {
  if (components === undefined) {
    return;
  }
  entries.size('jmTotalFlink', components.totalFlink);
  entries.size('jmHeap', components.heap);
  entries.size('jmOffHeap', components.offHeap);
  entries.size('jmMetaspace', components.jvmMetaspace);
  entries.size('jmOverheadMin', components.jvmOverheadMin);
  entries.size('jmOverheadMax', components.jvmOverheadMax);
  entries.fraction('jmOverheadFraction', components.jvmOverheadFraction);
}

function heartbeat(entries: Entries, version: FlinkVersion, options: HeartbeatOptions | undefined): void {
  if (options === undefined) {
    return;
  }
  const interval = options.interval?.toMilliseconds();
  const timeout = options.timeout?.toMilliseconds();
  for (const [prop, ms] of [['heartbeat.interval', interval], ['heartbeat.timeout', timeout]] as const) {
    if (ms !== undefined && !(Number.isSafeInteger(ms) && ms > 0)) {
      throw new Error(`'${prop}' must be a positive whole number of milliseconds (got ${ms} ms).`);
    }
  }
  // Flink's defaults: interval 10 s, timeout 50 s. The timeout may not be shorter than the interval.
  if ((timeout ?? 50_000) < (interval ?? 10_000)) {
    throw new Error(`'heartbeat.timeout' (${timeout ?? 50_000} ms) must not be shorter than 'heartbeat.interval' (${interval ?? 10_000} ms): peers would be declared lost between two heartbeats. Raise the timeout.`);
  }
  // Before Flink 1.20 both options are milliseconds (a Long); from 1.20 they are durations.
  const render = (duration: Duration | undefined) => (duration === undefined ? undefined
    : version.isAtLeast(FlinkVersion.V1_20) ? flinkDuration(duration) : String(duration.toMilliseconds()));
  entries.add('heartbeatInterval', render(options.interval));
  entries.add('heartbeatTimeout', render(options.timeout));
}

function checkpointing(entries: Entries, version: FlinkVersion, options: CheckpointingOptions | undefined): void {
  if (options === undefined) {
    return;
  }
  const interval = options.interval?.toMilliseconds() ?? 10;
  if (!(interval >= 10)) {
    throw new Error(`'checkpointing.interval' must be at least 10 ms, Flink's minimum (got ${interval} ms).`);
  }
  checkWholeNumber('checkpointing.maxConcurrent', options.maxConcurrent, 1);
  if (options.externalizedRetention === 'NO_EXTERNALIZED_CHECKPOINTS' && !version.isAtLeast(FlinkVersion.V1_15)) {
    throw new Error(`'checkpointing.externalizedRetention' NO_EXTERNALIZED_CHECKPOINTS needs Flink 1.15 or newer (got ${version.name}).`);
  }
  if (options.directory !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\/./.test(options.directory)) {
    throw new Error(`'checkpointing.directory' must be a URI with a scheme, e.g. 's3://bucket/checkpoints' (got '${options.directory}').`);
  }
  entries.duration('checkpointInterval', options.interval);
  entries.add('checkpointMode', options.mode);
  entries.duration('checkpointTimeout', options.timeout);
  entries.duration('checkpointMinPause', options.minPause);
  entries.add('checkpointMaxConcurrent', options.maxConcurrent === undefined ? undefined : String(options.maxConcurrent));
  entries.add('checkpointRetention', options.externalizedRetention);
  entries.add('checkpointIncremental', options.incremental === undefined ? undefined : String(options.incremental));
  entries.add('stateBackend', options.stateBackend);
  entries.add('checkpointDirectory', options.directory);
  entries.duration('periodicCheckpointInterval', options.periodicSnapshotInterval);
}

function savepoints(entries: Entries, options: SavepointOptions | undefined): void {
  if (options?.directory !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\/./.test(options.directory)) {
    throw new Error(`'savepoints.directory' must be a URI with a scheme, e.g. 's3://bucket/savepoints' (got '${options.directory}').`);
  }
  entries.add('savepointDirectory', options?.directory);
  if (options?.periodicInterval !== undefined && options.directory === undefined) {
    throw new Error("'savepoints.periodicInterval' needs 'savepoints.directory': periodic savepoints are written there.");
  }
  checkWholeNumber('savepoints.historyMaxCount', options?.historyMaxCount, 1);
  entries.duration('periodicSavepointInterval', options?.periodicInterval);
  entries.duration('savepointHistoryMaxAge', options?.historyMaxAge);
  entries.add('savepointHistoryMaxCount', options?.historyMaxCount === undefined ? undefined : String(options.historyMaxCount));
  entries.add('savepointFormat', options?.formatType);
}

function metrics(entries: Entries, options: MetricsOptions | undefined): void {
  const port = options?.prometheusPort;
  if (port === undefined) {
    return;
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`'metrics.prometheusPort' must be a port number from 1 to 65535 (got ${port}).`);
  }
  entries.add('prometheusFactory', 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory');
  entries.add('prometheusPort', String(port));
}

function autoscaler(entries: Entries, options: AutoscalerOptions | undefined): void {
  if (options === undefined) {
    return;
  }
  const range = (prop: string, value: number | undefined, min: number, max: number) => {
    if (value !== undefined && !(value >= min && value <= max)) {
      throw new Error(`'autoscaler.${prop}' must be from ${min} to ${max === Infinity ? 'infinity' : max} (got ${value}).`);
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
    throw new Error(`'autoscaler.excludedPeriods': ${periodsError}.`);
  }
  const number = (value: number | undefined) => (value === undefined ? undefined : String(value));
  entries.add('autoscalerEnabled', String(options.enabled ?? true));
  entries.duration('autoscalerMetricsWindow', options.metricsWindow);
  entries.duration('autoscalerStabilization', options.stabilizationInterval);
  entries.add('autoscalerTarget', number(options.targetUtilization));
  entries.add('autoscalerBoundary', number(options.targetUtilizationBoundary));
  entries.add('autoscalerScaleUp', number(options.scaleUpMaxFactor));
  entries.add('autoscalerScaleDown', number(options.scaleDownMaxFactor));
  entries.add('autoscalerExcludedPeriods', periods);
  entries.add('autoscalerVertexMin', number(options.vertexMinParallelism));
  entries.add('autoscalerVertexMax', number(options.vertexMaxParallelism));
  if (options.inPlaceScaling === true) {
    entries.add('scheduler', 'adaptive');
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
  entries.add('slots', props.taskManager?.slots === undefined ? undefined : String(props.taskManager.slots));
  taskManagerComponents(entries, props.taskManager?.memoryComponents);
  jobManagerComponents(entries, props.jobManager?.memoryComponents);
  heartbeat(entries, version, props.heartbeat);
  metrics(entries, props.metrics);
  autoscaler(entries, props.autoscaler);
  const highAvailability: HighAvailability | undefined = props.highAvailability;
  if (highAvailability !== undefined) {
    entries.raw(highAvailability._entries(version), 'highAvailability');
  }
  return [...entries.list, ...jobConfigurationEntries(props, version)];
}
