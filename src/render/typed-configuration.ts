/**
 * Turns the typed props into Flink configuration entries, with the key names of the cluster's
 * Flink version. Each entry carries the prop it comes from, so that a collision with a raw
 * `flinkConfiguration` key can name both.
 */
import { Duration, Size } from 'cdk8s';
import { autoscalerEntries } from './autoscaler-configuration';
import { ConfigEntry, Entries } from './config-entries';
import { executionEntries, healthEntries, snapshotEntries, stateEntries, upgradeEntries } from './operations-configuration';
import { CheckpointingMode, CheckpointingOptions, HeartbeatOptions, MetricsOptions, SavepointOptions } from '../checkpointing';
import { FlinkClusterProps } from '../cluster-props';
import { ExecutionOptions } from '../execution';
import { FlinkVersion } from '../flink-version';
import { HealthOptions } from '../health';
import { HighAvailability } from '../high-availability';
import { JobManagerMemoryComponents, TaskManagerMemoryComponents } from '../memory-components';
import { flinkDuration } from '../private/flink/duration';
import { isHierarchicalUri } from '../private/flink/uri';
import * as F from '../private/options/flink-options';
import * as M from '../private/options/memory-options';
import * as O from '../private/options/operator-options';
import { FlinkOption, typeAt } from '../private/options/option';
import { FLOAT } from '../private/options/value-type';
import { checkWholeNumber } from '../props/prop-checks';
import { propError } from '../props/prop-errors';
import { RestartStrategy } from '../restart-strategy';
import { SnapshotOptions } from '../snapshots';
import { StateBackendOptions } from '../state-backend';
import { UpgradeOptions } from '../upgrades';
import { heartbeatProblem } from '../validation/checks/heartbeat';

export type { ConfigEntry } from './config-entries';

/**
 * The typed props a job may carry (application clusters and session jobs). A session job's
 * `upgrades` and `health` hold only the job's options (their types are narrower); the cluster
 * options among them are checked on clusters.
 */
export interface JobConfigurationProps {
  readonly checkpointing?: CheckpointingOptions;
  readonly savepoints?: SavepointOptions;
  readonly restartStrategy?: RestartStrategy;
  readonly upgrades?: UpgradeOptions;
  readonly health?: HealthOptions;
  readonly snapshots?: SnapshotOptions;
  readonly stateBackend?: StateBackendOptions;
  readonly execution?: ExecutionOptions;
}

/**
 * Each memory component prop's registry option: a memory size option for a `Size` field, a float
 * option for a fraction. Every field of the props interface must be mapped, so a field renamed
 * or added without its option does not compile.
 */
type MemoryComponentOptions<C> = { readonly [K in keyof C]-?: NonNullable<C[K]> extends Size ? FlinkOption<bigint> : FlinkOption<number> };

export const TASK_MANAGER_COMPONENT_OPTIONS: MemoryComponentOptions<TaskManagerMemoryComponents> = {
  totalFlink: M.TM_FLINK_SIZE,
  taskHeap: M.TM_TASK_HEAP,
  taskOffHeap: M.TM_TASK_OFF_HEAP,
  frameworkHeap: M.TM_FRAMEWORK_HEAP,
  frameworkOffHeap: M.TM_FRAMEWORK_OFF_HEAP,
  managedSize: M.TM_MANAGED_SIZE,
  managedFraction: M.TM_MANAGED_FRACTION,
  networkMin: M.TM_NETWORK_MIN,
  networkMax: M.TM_NETWORK_MAX,
  networkFraction: M.TM_NETWORK_FRACTION,
  jvmMetaspace: M.TM_METASPACE,
  jvmOverheadMin: M.TM_OVERHEAD_MIN,
  jvmOverheadMax: M.TM_OVERHEAD_MAX,
  jvmOverheadFraction: M.TM_OVERHEAD_FRACTION,
};

export const JOB_MANAGER_COMPONENT_OPTIONS: MemoryComponentOptions<JobManagerMemoryComponents> = {
  totalFlink: M.JM_FLINK_SIZE,
  heap: M.JM_HEAP,
  offHeap: M.JM_OFF_HEAP,
  jvmMetaspace: M.JM_METASPACE,
  jvmOverheadMin: M.JM_OVERHEAD_MIN,
  jvmOverheadMax: M.JM_OVERHEAD_MAX,
  jvmOverheadFraction: M.JM_OVERHEAD_FRACTION,
};

/** The memory components of a JobManager or TaskManager (`<process>.memoryComponents`): sizes and fractions. */
function memoryComponents<C extends object>(entries: Entries, options: MemoryComponentOptions<C>, components: C | undefined): void {
  if (components === undefined) {
    return;
  }
  for (const field of Object.keys(options) as Array<keyof C>) {
    const option = options[field] as FlinkOption<unknown>;
    if (typeAt(option, undefined) === FLOAT) {
      entries.fraction(option, components[field] as number | undefined);
    } else {
      entries.size(option, components[field] as Size | undefined);
    }
  }
}

function heartbeat(entries: Entries, version: FlinkVersion, options: HeartbeatOptions | undefined): void {
  if (options === undefined) {
    return;
  }
  const interval = options.interval?.toMilliseconds();
  const timeout = options.timeout?.toMilliseconds();
  for (const [prop, ms] of [[F.HEARTBEAT_INTERVAL.prop, interval], [F.HEARTBEAT_TIMEOUT.prop, timeout]] as const) {
    if (ms !== undefined && !(Number.isSafeInteger(ms) && ms > 0)) {
      throw propError(prop!, `'${prop}' must be a positive whole number of milliseconds (got ${ms} ms).`);
    }
  }
  const problem = heartbeatProblem(version, { name: F.HEARTBEAT_INTERVAL.prop!, ms: interval }, { name: F.HEARTBEAT_TIMEOUT.prop!, ms: timeout });
  if (problem !== undefined) {
    throw propError(F.HEARTBEAT_TIMEOUT.prop!, problem);
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
    throw propError('checkpointing.interval', `'checkpointing.interval' must be at least 10 ms, Flink's minimum (got ${interval} ms).`);
  }
  checkWholeNumber('checkpointing.maxConcurrent', options.maxConcurrent, 1);
  if (options.unaligned === true && (options.mode === CheckpointingMode.AT_LEAST_ONCE || (options.maxConcurrent ?? 1) > 1)) {
    // Flink turns unaligned checkpoints off for AT_LEAST_ONCE (with a warning only) and needs one checkpoint at a time.
    throw propError('checkpointing.unaligned', `'checkpointing.unaligned' needs 'checkpointing.mode' EXACTLY_ONCE and 'checkpointing.maxConcurrent' 1 (got ${options.mode ?? 'EXACTLY_ONCE'} and ${options.maxConcurrent ?? 1}).`);
  }
  if (options.externalizedRetention === 'NO_EXTERNALIZED_CHECKPOINTS' && !version.isAtLeast(FlinkVersion.V1_15)) {
    throw propError('checkpointing.externalizedRetention', `'checkpointing.externalizedRetention' NO_EXTERNALIZED_CHECKPOINTS needs Flink 1.15 or newer (got ${version.name}).`);
  }
  if (options.directory !== undefined && !isHierarchicalUri(options.directory)) {
    throw propError('checkpointing.directory', `'checkpointing.directory' must be a URI with a scheme, e.g. 's3://bucket/checkpoints' (got '${options.directory}').`);
  }
  entries.duration(F.CHECKPOINT_INTERVAL, options.interval);
  entries.add(F.CHECKPOINT_MODE, options.mode);
  entries.duration(F.CHECKPOINT_TIMEOUT, options.timeout);
  entries.duration(F.CHECKPOINT_MIN_PAUSE, options.minPause);
  entries.add(F.CHECKPOINT_MAX_CONCURRENT, options.maxConcurrent === undefined ? undefined : String(options.maxConcurrent));
  entries.add(F.EXTERNALIZED_RETENTION, options.externalizedRetention);
  entries.add(F.INCREMENTAL_CHECKPOINTS, options.incremental === undefined ? undefined : String(options.incremental));
  entries.add(F.CHECKPOINT_DIRECTORY, options.directory);
  entries.count(F.CHECKPOINTS_RETAINED, options.retainedCheckpoints, 1);
  entries.bool(F.UNALIGNED_CHECKPOINTS, options.unaligned);
}

function savepoints(entries: Entries, options: SavepointOptions | undefined): void {
  if (options?.directory !== undefined && !isHierarchicalUri(options.directory)) {
    throw propError('savepoints.directory', `'savepoints.directory' must be a URI with a scheme, e.g. 's3://bucket/savepoints' (got '${options.directory}').`);
  }
  entries.add(F.SAVEPOINT_DIRECTORY, options?.directory);
  checkWholeNumber('savepoints.historyMaxCount', options?.historyMaxCount, 1);
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
    throw propError('metrics.prometheusPort', `'metrics.prometheusPort' must be a port number from 1 to 65535 (got ${port}).`);
  }
  entries.add(F.PROMETHEUS_FACTORY, 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory');
  entries.add(F.PROMETHEUS_PORT, String(port));
}

/** The entries of the job-level typed props. */
export function jobConfigurationEntries(props: JobConfigurationProps, version: FlinkVersion): ConfigEntry[] {
  const entries = new Entries(version);
  checkpointing(entries, version, props.checkpointing);
  savepoints(entries, props.savepoints);
  if (props.restartStrategy !== undefined) {
    entries.raw(props.restartStrategy._entries(version), 'restartStrategy');
  }
  stateEntries(entries, props.stateBackend);
  snapshotEntries(entries, props.snapshots);
  upgradeEntries(entries, props.upgrades);
  healthEntries(entries, props.health);
  executionEntries(entries, props.execution);
  return entries.list;
}

/** The entries of every typed prop of a cluster. */
export function clusterConfigurationEntries(props: FlinkClusterProps, version: FlinkVersion): ConfigEntry[] {
  const entries = new Entries(version);
  entries.add(F.TASK_SLOTS, props.taskManager?.slots === undefined ? undefined : String(props.taskManager.slots));
  memoryComponents(entries, TASK_MANAGER_COMPONENT_OPTIONS, props.taskManager?.memoryComponents);
  memoryComponents(entries, JOB_MANAGER_COMPONENT_OPTIONS, props.jobManager?.memoryComponents);
  heartbeat(entries, version, props.heartbeat);
  metrics(entries, props.metrics);
  autoscalerEntries(entries, props.autoscaler);
  const highAvailability: HighAvailability | undefined = props.highAvailability;
  if (highAvailability !== undefined) {
    entries.raw(highAvailability._entries(version), 'highAvailability');
  }
  return [...entries.list, ...jobConfigurationEntries(props, version)];
}
