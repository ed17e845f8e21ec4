/**
 * The Flink configuration keys the typed props write, by Flink version.
 *
 * Flink renamed several options: `.type` suffixes for high availability, restart strategy and
 * state backend in 1.17 (FLINK-29372: a key may not be both a value and a parent in standard
 * YAML, which Flink 2.x requires), and `execution.checkpointing.*` names for the checkpoint and
 * savepoint directories and incremental checkpoints in 1.20 (FLIP-406). This table is the one
 * place that knows which name each version reads best; docs/configuration-keys.md is rendered
 * from it.
 */
import { FlinkVersion } from '../../flink-version';

/** A key and the Flink versions that use it: from `since` (inclusive) to `until` (exclusive). */
interface VersionedKey {
  readonly key: string;
  readonly since?: FlinkVersion;
  readonly until?: FlinkVersion;
}

/** A typed setting: the prop that sets it, and its key per version. */
export interface Setting {
  /** The prop, as error messages name it, e.g. `checkpointing.interval`. */
  readonly prop: string;
  readonly keys: ReadonlyArray<VersionedKey>;
  /** What the value looks like, for the docs. */
  readonly format: string;
}

const V1_17 = FlinkVersion.V1_17;
const V1_19 = FlinkVersion.V1_19;
const V1_20 = FlinkVersion.V1_20;

function same(prop: string, key: string, format: string): Setting {
  return { prop, keys: [{ key }], format };
}

function renamed(prop: string, before: string, after: string, at: FlinkVersion, format: string): Setting {
  return { prop, keys: [{ key: before, until: at }, { key: after, since: at }], format };
}

const SIZE = 'memory size, e.g. `1536m`';
const FRACTION = 'fraction, e.g. `0.4`';
const DURATION = 'duration, e.g. `30s`, `5min`';

export const SETTINGS = {
  // TaskManager
  slots: same('taskManager.slots', 'taskmanager.numberOfTaskSlots', 'integer'),
  tmTotalFlink: same('taskManager.memoryComponents.totalFlink', 'taskmanager.memory.flink.size', SIZE),
  tmTaskHeap: same('taskManager.memoryComponents.taskHeap', 'taskmanager.memory.task.heap.size', SIZE),
  tmTaskOffHeap: same('taskManager.memoryComponents.taskOffHeap', 'taskmanager.memory.task.off-heap.size', SIZE),
  tmFrameworkHeap: same('taskManager.memoryComponents.frameworkHeap', 'taskmanager.memory.framework.heap.size', SIZE),
  tmFrameworkOffHeap: same('taskManager.memoryComponents.frameworkOffHeap', 'taskmanager.memory.framework.off-heap.size', SIZE),
  tmManagedSize: same('taskManager.memoryComponents.managedSize', 'taskmanager.memory.managed.size', SIZE),
  tmManagedFraction: same('taskManager.memoryComponents.managedFraction', 'taskmanager.memory.managed.fraction', FRACTION),
  tmNetworkMin: same('taskManager.memoryComponents.networkMin', 'taskmanager.memory.network.min', SIZE),
  tmNetworkMax: same('taskManager.memoryComponents.networkMax', 'taskmanager.memory.network.max', SIZE),
  tmNetworkFraction: same('taskManager.memoryComponents.networkFraction', 'taskmanager.memory.network.fraction', FRACTION),
  tmMetaspace: same('taskManager.memoryComponents.jvmMetaspace', 'taskmanager.memory.jvm-metaspace.size', SIZE),
  tmOverheadMin: same('taskManager.memoryComponents.jvmOverheadMin', 'taskmanager.memory.jvm-overhead.min', SIZE),
  tmOverheadMax: same('taskManager.memoryComponents.jvmOverheadMax', 'taskmanager.memory.jvm-overhead.max', SIZE),
  tmOverheadFraction: same('taskManager.memoryComponents.jvmOverheadFraction', 'taskmanager.memory.jvm-overhead.fraction', FRACTION),
  // JobManager
  jmTotalFlink: same('jobManager.memoryComponents.totalFlink', 'jobmanager.memory.flink.size', SIZE),
  jmHeap: same('jobManager.memoryComponents.heap', 'jobmanager.memory.heap.size', SIZE),
  jmOffHeap: same('jobManager.memoryComponents.offHeap', 'jobmanager.memory.off-heap.size', SIZE),
  jmMetaspace: same('jobManager.memoryComponents.jvmMetaspace', 'jobmanager.memory.jvm-metaspace.size', SIZE),
  jmOverheadMin: same('jobManager.memoryComponents.jvmOverheadMin', 'jobmanager.memory.jvm-overhead.min', SIZE),
  jmOverheadMax: same('jobManager.memoryComponents.jvmOverheadMax', 'jobmanager.memory.jvm-overhead.max', SIZE),
  jmOverheadFraction: same('jobManager.memoryComponents.jvmOverheadFraction', 'jobmanager.memory.jvm-overhead.fraction', FRACTION),
  // Heartbeat: milliseconds (a Long) before 1.20, a Duration from 1.20 (FLINK-35359)
  heartbeatInterval: same('heartbeat.interval', 'heartbeat.interval', 'milliseconds before 1.20, duration from 1.20'),
  heartbeatTimeout: same('heartbeat.timeout', 'heartbeat.timeout', 'milliseconds before 1.20, duration from 1.20'),
  // Checkpointing
  checkpointInterval: same('checkpointing.interval', 'execution.checkpointing.interval', DURATION),
  checkpointMode: same('checkpointing.mode', 'execution.checkpointing.mode', '`EXACTLY_ONCE` or `AT_LEAST_ONCE`'),
  checkpointTimeout: same('checkpointing.timeout', 'execution.checkpointing.timeout', DURATION),
  checkpointMinPause: same('checkpointing.minPause', 'execution.checkpointing.min-pause', DURATION),
  checkpointMaxConcurrent: same('checkpointing.maxConcurrent', 'execution.checkpointing.max-concurrent-checkpoints', 'integer'),
  checkpointRetention: same('checkpointing.externalizedRetention', 'execution.checkpointing.externalized-checkpoint-retention',
    '`DELETE_ON_CANCELLATION`, `RETAIN_ON_CANCELLATION`, `NO_EXTERNALIZED_CHECKPOINTS` (1.15+)'),
  checkpointIncremental: renamed('checkpointing.incremental', 'state.backend.incremental', 'execution.checkpointing.incremental', V1_20, 'boolean'),
  checkpointDirectory: renamed('checkpointing.directory', 'state.checkpoints.dir', 'execution.checkpointing.dir', V1_20, 'URI, e.g. `s3://bucket/checkpoints`'),
  stateBackend: renamed('checkpointing.stateBackend', 'state.backend', 'state.backend.type', V1_17, '`hashmap` or `rocksdb`'),
  // Savepoints
  savepointDirectory: renamed('savepoints.directory', 'state.savepoints.dir', 'execution.checkpointing.savepoint-dir', V1_20, 'URI, e.g. `s3://bucket/savepoints`'),
  // Operator snapshots (not version dependent)
  periodicSavepointInterval: same('savepoints.periodicInterval', 'kubernetes.operator.periodic.savepoint.interval', DURATION),
  periodicCheckpointInterval: { prop: 'checkpointing.periodicSnapshotInterval', keys: [{ key: 'kubernetes.operator.periodic.checkpoint.interval', since: V1_17 }], format: 'duration (Flink 1.17+)' },
  savepointHistoryMaxAge: same('savepoints.historyMaxAge', 'kubernetes.operator.savepoint.history.max.age', DURATION),
  savepointHistoryMaxCount: same('savepoints.historyMaxCount', 'kubernetes.operator.savepoint.history.max.count', 'integer'),
  savepointFormat: same('savepoints.formatType', 'kubernetes.operator.savepoint.format.type', '`CANONICAL` or `NATIVE`'),
  // Autoscaler (operator keys; Flink 1.17+)
  autoscalerEnabled: { prop: 'autoscaler.enabled', keys: [{ key: 'job.autoscaler.enabled', since: V1_17 }], format: 'boolean (Flink 1.17+)' },
  autoscalerMetricsWindow: same('autoscaler.metricsWindow', 'job.autoscaler.metrics.window', DURATION),
  autoscalerStabilization: same('autoscaler.stabilizationInterval', 'job.autoscaler.stabilization.interval', DURATION),
  autoscalerTarget: same('autoscaler.targetUtilization', 'job.autoscaler.utilization.target', 'number from 0 to 1'),
  autoscalerBoundary: same('autoscaler.targetUtilizationBoundary', 'job.autoscaler.target.utilization.boundary', 'number'),
  autoscalerScaleUp: same('autoscaler.scaleUpMaxFactor', 'job.autoscaler.scale-up.max-factor', 'number'),
  autoscalerScaleDown: same('autoscaler.scaleDownMaxFactor', 'job.autoscaler.scale-down.max-factor', 'number from 0 to 1'),
  autoscalerExcludedPeriods: same('autoscaler.excludedPeriods', 'job.autoscaler.excluded.periods', '`;`-separated daily ranges or Quartz cron expressions'),
  autoscalerVertexMin: same('autoscaler.vertexMinParallelism', 'job.autoscaler.vertex.min-parallelism', 'integer'),
  autoscalerVertexMax: same('autoscaler.vertexMaxParallelism', 'job.autoscaler.vertex.max-parallelism', 'integer'),
  scheduler: { prop: 'autoscaler.inPlaceScaling', keys: [{ key: 'jobmanager.scheduler', since: FlinkVersion.V1_18 }], format: '`adaptive` (in-place scaling: Flink 1.18+)' },
  // High availability
  haType: renamed('highAvailability', 'high-availability', 'high-availability.type', V1_17,
    '`kubernetes` (1.17+), the factory class `org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory` before'),
  haStorageDir: same('highAvailability (storage directory)', 'high-availability.storageDir', 'URI, e.g. `s3://bucket/ha`'),
  // Restart strategy
  restartStrategy: renamed('restartStrategy', 'restart-strategy', 'restart-strategy.type', V1_17, '`none`, `fixed-delay`, `exponential-delay`, `failure-rate`'),
  fixedDelayAttempts: same('restartStrategy (attempts)', 'restart-strategy.fixed-delay.attempts', 'integer'),
  fixedDelayDelay: same('restartStrategy (delay)', 'restart-strategy.fixed-delay.delay', DURATION),
  expInitialBackoff: same('restartStrategy (initialBackoff)', 'restart-strategy.exponential-delay.initial-backoff', DURATION),
  expMaxBackoff: same('restartStrategy (maxBackoff)', 'restart-strategy.exponential-delay.max-backoff', DURATION),
  expMultiplier: same('restartStrategy (backoffMultiplier)', 'restart-strategy.exponential-delay.backoff-multiplier', 'number'),
  expResetThreshold: same('restartStrategy (resetBackoffThreshold)', 'restart-strategy.exponential-delay.reset-backoff-threshold', DURATION),
  expJitter: same('restartStrategy (jitterFactor)', 'restart-strategy.exponential-delay.jitter-factor', 'number'),
  expAttempts: { prop: 'restartStrategy (attemptsBeforeResetBackoff)', keys: [{ key: 'restart-strategy.exponential-delay.attempts-before-reset-backoff', since: V1_19 }], format: 'integer (1.19+)' },
  failureRateMax: same('restartStrategy (maxFailuresPerInterval)', 'restart-strategy.failure-rate.max-failures-per-interval', 'integer'),
  failureRateInterval: same('restartStrategy (failureRateInterval)', 'restart-strategy.failure-rate.failure-rate-interval', DURATION),
  failureRateDelay: same('restartStrategy (delay)', 'restart-strategy.failure-rate.delay', DURATION),
  // Metrics
  prometheusFactory: same('metrics.prometheusPort', 'metrics.reporter.prom.factory.class', '`org.apache.flink.metrics.prometheus.PrometheusReporterFactory`'),
  prometheusPort: same('metrics.prometheusPort', 'metrics.reporter.prom.port', 'port'),
} as const;

export type SettingId = keyof typeof SETTINGS;

function inRange(version: FlinkVersion, key: VersionedKey): boolean {
  return (key.since === undefined || version.isAtLeast(key.since)) && (key.until === undefined || !version.isAtLeast(key.until));
}

/** The key a Flink version reads for a setting; throws when the version has none. */
export function keyOf(id: SettingId, version: FlinkVersion): string {
  const setting: Setting = SETTINGS[id];
  const match = setting.keys.find((key) => inRange(version, key));
  if (match === undefined) {
    const since = setting.keys.map((key) => key.since).find((v) => v !== undefined);
    throw new Error(`'${setting.prop}' is not available in Flink ${version.major}.${version.minor}${since ? ` (it needs Flink ${since.major}.${since.minor} or newer)` : ''}. Remove it or upgrade 'flinkVersion'.`);
  }
  return match.key;
}

function versionLabel(version: FlinkVersion | undefined, fallback: string): string {
  return version === undefined ? fallback : `${version.major}.${version.minor}`;
}

/** The mapping as a Markdown table, for docs/configuration-keys.md. */
export function renderKeysTable(): string {
  const rows = Object.values(SETTINGS).map((setting: Setting) => {
    const keys = setting.keys.map((key) => {
      const range = key.since === undefined && key.until === undefined ? 'all versions'
        : `${versionLabel(key.since, '1.13')}${key.until === undefined ? '+' : `–${versionLabel(previousMinor(key.until), '')}`}`;
      return `\`${key.key}\` (${range})`;
    });
    return `| \`${setting.prop}\` | ${keys.join('<br>')} | ${setting.format} |`;
  });
  return ['| prop | Flink key by version | value |', '|---|---|---|', ...rows].join('\n');
}

function previousMinor(version: FlinkVersion): FlinkVersion {
  if (version.minor > 0) {
    return FlinkVersion.of(`v${version.major}_${version.minor - 1}`);
  }
  return FlinkVersion.V1_20;
}
