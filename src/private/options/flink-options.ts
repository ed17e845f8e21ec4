/**
 * The options Flink's own processes read: checkpointing and state, high availability, restart
 * strategies, heartbeats, slots, scheduling, the web UI and metrics. Each declaration records
 * the Flink class and constant it mirrors; key renames follow Flink's release notes (1.17: the
 * `.type` suffixes, FLINK-29372; 1.19: new restart defaults; 1.20: `execution.checkpointing.*`,
 * FLINK-34255/FLIP-406, and Duration heartbeats, FLINK-35359).
 */
import { FlinkOption, option, Versioned, versioned } from './option';
import {
  BOOLEAN, choiceType, DOUBLE, DURATION, enumType, INTEGER, MEMORY_SIZE, MILLISECONDS, STATE_DIRECTORY, STRING, STRING_MAP, ValueType,
} from './value-type';
import { FlinkVersion } from '../../flink-version';

const V1_17 = FlinkVersion.V1_17;
const V1_19 = FlinkVersion.V1_19;
const V1_20 = FlinkVersion.V1_20;
const V2_0 = FlinkVersion.V2_0;

/** A key for every version. */
const always = (key: string) => [versioned(key)];

/** A key renamed in `at`: the old name before it, the new one from it, the old one still read. */
function renamed(before: string, after: string, at: FlinkVersion) {
  return {
    keys: [versioned(before, { until: at }), versioned(after, { since: at })],
    fallbackKeys: [versioned(before, { since: at })],
  };
}

// ----- Slots and scheduling ------------------------------------------------------------------

export const TASK_SLOTS = option({
  keys: always('taskmanager.numberOfTaskSlots'),
  type: INTEGER,
  defaults: [versioned('1')],
  reader: 'flink',
  source: 'TaskManagerOptions.NUM_TASK_SLOTS',
  prop: 'taskManager.slots',
});

export const MAX_SLOTS = option({
  keys: always('slotmanager.number-of-slots.max'),
  type: INTEGER,
  defaults: [versioned('2147483647')],
  reader: 'flink',
  source: 'ResourceManagerOptions.MAX_SLOT_NUM',
});

export const SCHEDULER = option({
  keys: always('jobmanager.scheduler'),
  type: enumType(['Default', 'Adaptive', 'AdaptiveBatch']),
  reader: 'flink',
  source: 'JobManagerOptions.SCHEDULER',
  prop: 'autoscaler.inPlaceScaling',
  format: '`adaptive` for in-place scaling (Flink 1.18+)',
});

// ----- Heartbeats ----------------------------------------------------------------------------

const HEARTBEAT_TYPE = [versioned(MILLISECONDS, { until: V1_20 }), versioned(DURATION, { since: V1_20 })];

export const HEARTBEAT_INTERVAL = option({
  keys: always('heartbeat.interval'),
  type: HEARTBEAT_TYPE,
  reader: 'flink',
  defaults: [versioned('10000', { until: V1_20 }), versioned('10 s', { since: V1_20 })],
  source: 'HeartbeatManagerOptions.HEARTBEAT_INTERVAL (a Long of milliseconds before 1.20, a Duration from 1.20)',
  prop: 'heartbeat.interval',
  format: 'milliseconds before 1.20, duration from 1.20',
});

export const HEARTBEAT_TIMEOUT = option({
  keys: always('heartbeat.timeout'),
  type: HEARTBEAT_TYPE,
  reader: 'flink',
  defaults: [versioned('50000', { until: V1_20 }), versioned('50 s', { since: V1_20 })],
  source: 'HeartbeatManagerOptions.HEARTBEAT_TIMEOUT (a Long of milliseconds before 1.20, a Duration from 1.20)',
  prop: 'heartbeat.timeout',
  format: 'milliseconds before 1.20, duration from 1.20',
});

// ----- Checkpointing and state ---------------------------------------------------------------

export const CHECKPOINT_INTERVAL = option({
  keys: always('execution.checkpointing.interval'),
  type: DURATION,
  reader: 'flink',
  source: 'ExecutionCheckpointingOptions.CHECKPOINTING_INTERVAL (CheckpointingOptions from 1.20)',
  prop: 'checkpointing.interval',
});

export const CHECKPOINT_MODE = option({
  keys: always('execution.checkpointing.mode'),
  type: enumType(['EXACTLY_ONCE', 'AT_LEAST_ONCE']),
  defaults: [versioned('EXACTLY_ONCE')],
  reader: 'flink',
  source: 'ExecutionCheckpointingOptions.CHECKPOINTING_MODE',
  prop: 'checkpointing.mode',
});

export const CHECKPOINT_TIMEOUT = option({
  keys: always('execution.checkpointing.timeout'),
  type: DURATION,
  defaults: [versioned('10 min')],
  reader: 'flink',
  source: 'ExecutionCheckpointingOptions.CHECKPOINTING_TIMEOUT',
  prop: 'checkpointing.timeout',
});

export const CHECKPOINT_MIN_PAUSE = option({
  keys: always('execution.checkpointing.min-pause'),
  type: DURATION,
  defaults: [versioned('0 ms')],
  reader: 'flink',
  source: 'ExecutionCheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS',
  prop: 'checkpointing.minPause',
});

export const CHECKPOINT_MAX_CONCURRENT = option({
  keys: always('execution.checkpointing.max-concurrent-checkpoints'),
  type: INTEGER,
  defaults: [versioned('1')],
  reader: 'flink',
  source: 'ExecutionCheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS',
  prop: 'checkpointing.maxConcurrent',
});

export const EXTERNALIZED_RETENTION = option({
  keys: always('execution.checkpointing.externalized-checkpoint-retention'),
  type: enumType(['DELETE_ON_CANCELLATION', 'RETAIN_ON_CANCELLATION', 'NO_EXTERNALIZED_CHECKPOINTS']),
  defaults: [versioned('NO_EXTERNALIZED_CHECKPOINTS')],
  reader: 'flink',
  source: 'ExecutionCheckpointingOptions.EXTERNALIZED_CHECKPOINT (NO_EXTERNALIZED_CHECKPOINTS from 1.15)',
  prop: 'checkpointing.externalizedRetention',
});

export const INCREMENTAL_CHECKPOINTS = option({
  ...renamed('state.backend.incremental', 'execution.checkpointing.incremental', V1_20),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'flink',
  source: 'CheckpointingOptions.INCREMENTAL_CHECKPOINTS',
  prop: 'checkpointing.incremental',
});

export const CHECKPOINT_DIRECTORY = option({
  keys: [versioned('state.checkpoints.dir', { until: V1_20 }), versioned('execution.checkpointing.dir', { since: V1_20 })],
  fallbackKeys: [versioned('state.checkpoints.dir', { since: V1_20 }), versioned('state.backend.fs.checkpointdir')],
  type: STATE_DIRECTORY,
  reader: 'flink',
  source: 'CheckpointingOptions.CHECKPOINTS_DIRECTORY (checked by FileSystemCheckpointStorage.validatePath)',
  prop: 'checkpointing.directory',
  format: 'URI, e.g. `s3://bucket/checkpoints`',
});

export const SAVEPOINT_DIRECTORY = option({
  keys: [versioned('state.savepoints.dir', { until: V1_20 }), versioned('execution.checkpointing.savepoint-dir', { since: V1_20 })],
  fallbackKeys: [versioned('state.savepoints.dir', { since: V1_20 }), versioned('savepoints.state.backend.fs.dir')],
  type: STATE_DIRECTORY,
  reader: 'flink',
  source: 'CheckpointingOptions.SAVEPOINT_DIRECTORY (checked by FileSystemCheckpointStorage.validatePath)',
  prop: 'savepoints.directory',
  format: 'URI, e.g. `s3://bucket/savepoints`',
});

export const CHECKPOINTS_RETAINED = option({
  ...renamed('state.checkpoints.num-retained', 'execution.checkpointing.num-retained', V1_20),
  type: INTEGER,
  defaults: [versioned('1')],
  reader: 'flink',
  source: 'CheckpointingOptions.MAX_RETAINED_CHECKPOINTS (a value below 1 is replaced by 1 with a warning)',
  prop: 'checkpointing.retainedCheckpoints',
});

/**
 * `execution.checkpointing.unaligned.enabled` is the current name, with the old one as its
 * deprecated key; the rename predates 1.20 (1.18 or 1.19, not pinned), so the old name, which
 * every version reads, is written before 1.20.
 */
export const UNALIGNED_CHECKPOINTS = option({
  ...renamed('execution.checkpointing.unaligned', 'execution.checkpointing.unaligned.enabled', V1_20),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'flink',
  source: 'ExecutionCheckpointingOptions.ENABLE_UNALIGNED (CheckpointingOptions.ENABLE_UNALIGNED from 1.20)',
  prop: 'checkpointing.unaligned',
});

export const STATE_BACKEND = option({
  ...renamed('state.backend', 'state.backend.type', V1_17),
  type: choiceType(['hashmap', 'rocksdb', 'forst', 'jobmanager', 'filesystem'], (text) => text.includes('.')),
  defaults: [versioned('hashmap')],
  reader: 'flink',
  source: 'StateBackendOptions.STATE_BACKEND (StateBackendLoader: `forst` from Flink 2.0; it also takes the deprecated names jobmanager and filesystem, and a factory class)',
  prop: 'stateBackend.type',
  format: '`hashmap`, `rocksdb`, or `forst` (Flink 2.0+)',
});

/** A ForSt option (Flink 2.0+, `ForStOptions`). */
function forstOption(name: string, constant: string, type: ValueType<unknown>, prop: string, defaultText?: string): FlinkOption {
  return {
    keys: [versioned(`state.backend.forst.${name}`, { since: V2_0 })],
    type,
    defaults: defaultText === undefined ? undefined : [versioned(defaultText, { since: V2_0 })],
    reader: 'flink',
    source: `ForStOptions.${constant}`,
    prop: `stateBackend.forst.${prop}`,
  };
}

export const FORST_PRIMARY_DIRECTORY = forstOption('primary-dir', 'PRIMARY_DIRECTORY', STRING, 'primaryDirectory', 'checkpoint-dir');
export const FORST_LOCAL_DIRECTORY = forstOption('local-dir', 'LOCAL_DIRECTORIES', STRING, 'localDirectory');
export const FORST_CACHE_SIZE_LIMIT = forstOption('cache.size-based-limit', 'CACHE_SIZE_BASE_LIMIT', MEMORY_SIZE, 'cacheSizeLimit', '0 bytes');

// ----- Execution -----------------------------------------------------------------------------

export const RUNTIME_MODE = option({
  keys: always('execution.runtime-mode'),
  type: enumType(['STREAMING', 'BATCH', 'AUTOMATIC']),
  defaults: [versioned('STREAMING')],
  reader: 'flink',
  source: 'ExecutionOptions.RUNTIME_MODE',
  prop: 'execution.runtimeMode',
});

// ----- High availability ---------------------------------------------------------------------

export const HIGH_AVAILABILITY = option({
  keys: [versioned('high-availability', { until: V1_17 }), versioned('high-availability.type', { since: V1_17 })],
  fallbackKeys: [versioned('recovery.mode'), versioned('high-availability', { since: V1_17 })],
  type: choiceType(['NONE', 'ZOOKEEPER', 'KUBERNETES'], (text) => text.includes('.')),
  defaults: [versioned('NONE')],
  reader: 'flink',
  source: 'HighAvailabilityOptions.HA_MODE',
  prop: 'highAvailability',
  format: '`kubernetes` (1.17+), the factory class `org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory` before',
});

export const HA_STORAGE_DIRECTORY = option({
  keys: always('high-availability.storageDir'),
  fallbackKeys: [versioned('high-availability.zookeeper.storageDir'), versioned('recovery.zookeeper.storageDir')],
  type: STRING,
  reader: 'flink',
  source: 'HighAvailabilityOptions.HA_STORAGE_PATH',
  prop: 'highAvailability (storage directory)',
  format: 'URI, e.g. `s3://bucket/ha`',
});

export const HA_CLUSTER_ID = option({
  keys: always('high-availability.cluster-id'), type: STRING, reader: 'flink', source: 'HighAvailabilityOptions.HA_CLUSTER_ID',
});

export const KUBERNETES_NAMESPACE = option({
  keys: always('kubernetes.namespace'), type: STRING, reader: 'flink', source: 'KubernetesConfigOptions.NAMESPACE',
});

export const KUBERNETES_CLUSTER_ID = option({
  keys: always('kubernetes.cluster-id'), type: STRING, reader: 'flink', source: 'KubernetesConfigOptions.CLUSTER_ID',
});

/** Secrets Flink mounts, and variables it sets from Secrets: the values name Secrets (a map and a list of maps, read as text here). */
export const KUBERNETES_SECRETS = option({ keys: always('kubernetes.secrets'), type: STRING, reader: 'flink', source: 'KubernetesConfigOptions.KUBERNETES_SECRETS' });
export const KUBERNETES_ENV_SECRET_KEY_REF = option({
  keys: always('kubernetes.env.secretKeyRef'), type: STRING, reader: 'flink', source: 'KubernetesConfigOptions.KUBERNETES_ENV_SECRET_KEY_REF',
});

/** The annotations of the REST Service (`<cluster>-rest`), e.g. GKE's `cloud.google.com/backend-config`. */
export const REST_SERVICE_ANNOTATIONS = option({
  keys: always('kubernetes.rest-service.annotations'),
  type: STRING_MAP,
  reader: 'flink',
  source: 'KubernetesConfigOptions.REST_SERVICE_ANNOTATIONS',
  prop: 'WebUiAuthentication.gkeIdentityAwareProxy()',
});

// ----- Restart strategies --------------------------------------------------------------------

export const RESTART_STRATEGY = option({
  ...renamed('restart-strategy', 'restart-strategy.type', V1_17),
  type: choiceType(['none', 'off', 'disable', 'fixed-delay', 'fixeddelay', 'failure-rate', 'failurerate', 'exponential-delay', 'exponentialdelay']),
  reader: 'flink',
  source: 'RestartStrategyOptions.RESTART_STRATEGY',
  prop: 'restartStrategy',
  format: '`none`, `fixed-delay`, `exponential-delay`, `failure-rate`',
});

function restartOption(key: string, prop: string, source: string, type: ValueType<unknown>, defaults: Array<Versioned<string>>): FlinkOption {
  return { keys: always(`restart-strategy.${key}`), type, defaults, reader: 'flink', source: `RestartStrategyOptions.${source}`, prop: `restartStrategy (${prop})` };
}

export const FIXED_DELAY_ATTEMPTS = restartOption('fixed-delay.attempts', 'attempts', 'RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS', INTEGER, [versioned('1')]);
export const FIXED_DELAY_DELAY = restartOption('fixed-delay.delay', 'delay', 'RESTART_STRATEGY_FIXED_DELAY_DELAY', DURATION, [versioned('1 s')]);
export const EXPONENTIAL_INITIAL_BACKOFF = restartOption('exponential-delay.initial-backoff', 'initialBackoff',
  'RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF', DURATION, [versioned('1 s')]);
export const EXPONENTIAL_MAX_BACKOFF = restartOption('exponential-delay.max-backoff', 'maxBackoff',
  'RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF', DURATION, [versioned('5 min', { until: V1_19 }), versioned('1 min', { since: V1_19 })]);
export const EXPONENTIAL_MULTIPLIER = restartOption('exponential-delay.backoff-multiplier', 'backoffMultiplier',
  'RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER', DOUBLE, [versioned('2.0', { until: V1_19 }), versioned('1.5', { since: V1_19 })]);
export const EXPONENTIAL_RESET_THRESHOLD = restartOption('exponential-delay.reset-backoff-threshold', 'resetBackoffThreshold',
  'RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD', DURATION, [versioned('1 h')]);
export const EXPONENTIAL_JITTER = restartOption('exponential-delay.jitter-factor', 'jitterFactor',
  'RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR', DOUBLE, [versioned('0.1')]);
export const EXPONENTIAL_ATTEMPTS = option({
  keys: [versioned('restart-strategy.exponential-delay.attempts-before-reset-backoff', { since: V1_19 })],
  type: INTEGER,
  defaults: [versioned('2147483647')],
  reader: 'flink',
  source: 'RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS (1.19+)',
  prop: 'restartStrategy (attemptsBeforeResetBackoff)',
  format: 'integer (1.19+)',
});
export const FAILURE_RATE_MAX = restartOption('failure-rate.max-failures-per-interval', 'maxFailuresPerInterval',
  'RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL', INTEGER, [versioned('1')]);
export const FAILURE_RATE_INTERVAL = restartOption('failure-rate.failure-rate-interval', 'failureRateInterval',
  'RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL', DURATION, [versioned('1 min')]);
export const FAILURE_RATE_DELAY = restartOption('failure-rate.delay', 'delay', 'RESTART_STRATEGY_FAILURE_RATE_DELAY', DURATION, [versioned('1 s')]);

// ----- Web UI, REST and metrics --------------------------------------------------------------

export const WEB_SUBMIT = option({
  keys: always('web.submit.enable'), type: BOOLEAN, defaults: [versioned('true')], reader: 'flink', source: 'WebOptions.SUBMIT_ENABLE',
});

export const REST_PORT = option({
  keys: always('rest.port'), type: INTEGER, defaults: [versioned('8081')], reader: 'flink', source: 'RestOptions.PORT',
});

export const PROMETHEUS_FACTORY = option({
  keys: always('metrics.reporter.prom.factory.class'),
  type: STRING,
  reader: 'flink',
  source: 'MetricOptions reporter factory (`metrics.reporter.<name>.factory.class`)',
  prop: 'metrics.prometheusPort',
  format: '`org.apache.flink.metrics.prometheus.PrometheusReporterFactory`',
});

export const PROMETHEUS_PORT = option({
  keys: always('metrics.reporter.prom.port'),
  type: STRING,
  defaults: [versioned('9249')],
  reader: 'flink',
  source: 'PrometheusReporterFactory ARG_PORT',
  prop: 'metrics.prometheusPort',
  format: 'port',
});

// ----- Kubernetes: identity, host network, writable paths ------------------------------------

export const TASKMANAGER_SERVICE_ACCOUNT = option({
  keys: always('kubernetes.taskmanager.service-account'),
  fallbackKeys: always('kubernetes.service-account'),
  type: STRING,
  defaults: [versioned('default')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.TASK_MANAGER_SERVICE_ACCOUNT (falls back to kubernetes.service-account, which the operator sets from spec.serviceAccount in FlinkConfigBuilder.applyServiceAccount; a key set here wins)',
  prop: 'dedicatedTaskManagerServiceAccount',
  format: 'ServiceAccount name, `<cluster>-taskmanager`',
});

export const HOST_NETWORK = option({
  keys: always('kubernetes.hostnetwork.enabled'),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.KUBERNETES_HOSTNETWORK_ENABLED',
});

export const KUBERNETES_LOG_DIR = option({
  keys: always('kubernetes.flink.log.dir'),
  type: STRING,
  defaults: [versioned('/opt/flink/log')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.FLINK_LOG_DIR',
});

export const IO_TMP_DIRS = option({
  keys: always('io.tmp.dirs'),
  type: STRING,
  defaults: [versioned('/tmp')],
  reader: 'flink',
  source: "CoreOptions.TMP_DIRS (default: the JVM's java.io.tmpdir, /tmp in the official image)",
});

export const USER_ARTIFACTS_DIR = option({
  keys: always('user.artifacts.base-dir'),
  type: STRING,
  defaults: [versioned('/opt/flink/artifacts')],
  reader: 'flink',
  source: 'ArtifactFetchOptions.BASE_DIR (where Flink 1.19+ fetches a remote jarURI)',
});

export const S3A_CREDENTIALS_PROVIDER = option({
  keys: always('fs.s3a.aws.credentials.provider'),
  type: STRING,
  reader: 'flink',
  source: "Hadoop S3A's fs.s3a.aws.credentials.provider, passed through by flink-s3-fs-hadoop (S3FileSystemFactory shades com.amazonaws. class names)",
  prop: 'workloadIdentity',
  format: '`com.amazonaws.auth.WebIdentityTokenCredentialsProvider` for EKS IRSA',
});
