import { Duration } from 'cdk8s';

/**
 * The consistency guarantee of checkpoints (`execution.checkpointing.mode`).
 */
export enum CheckpointingMode {
  /** Every record affects state exactly once (aligned barriers); Flink's default. */
  EXACTLY_ONCE = 'EXACTLY_ONCE',
  /** Records may affect state more than once after a recovery; lower latency. */
  AT_LEAST_ONCE = 'AT_LEAST_ONCE',
}

/**
 * What happens to the last checkpoint when the job is cancelled
 * (`execution.checkpointing.externalized-checkpoint-retention`).
 */
export enum CheckpointRetention {
  /** Delete the checkpoint when the job is cancelled. */
  DELETE_ON_CANCELLATION = 'DELETE_ON_CANCELLATION',
  /** Keep the checkpoint when the job is cancelled, to restore from it later. */
  RETAIN_ON_CANCELLATION = 'RETAIN_ON_CANCELLATION',
  /** Do not externalize checkpoints (Flink 1.15+). */
  NO_EXTERNALIZED_CHECKPOINTS = 'NO_EXTERNALIZED_CHECKPOINTS',
}

/**
 * Where a job keeps its working state (`state.backend.type`, `state.backend` before Flink 1.17).
 */
export enum StateBackend {
  /** On the JVM heap; fast, limited by memory. Flink's default. */
  HASHMAP = 'hashmap',
  /** In RocksDB on local disk, in managed memory; for large state, and incremental checkpoints. */
  ROCKSDB = 'rocksdb',
  /** In ForSt, on a remote file system with a local cache (disaggregated state); Flink 2.0+, experimental. */
  FORST = 'forst',
}

/**
 * Checkpointing of a job: how often, how, and where.
 *
 * Key names follow the cluster's Flink version, e.g. `state.checkpoints.dir` before Flink 1.20
 * and `execution.checkpointing.dir` from 1.20 (see docs/configuration-keys.md).
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/checkpoints/
 */
export interface CheckpointingOptions {
  /**
   * How often to checkpoint (`execution.checkpointing.interval`).
   *
   * @default - none: checkpointing is off unless the job's code turns it on
   */
  readonly interval?: Duration;

  /**
   * The consistency guarantee.
   *
   * @default - Flink's default, exactly-once
   */
  readonly mode?: CheckpointingMode;

  /**
   * How long a checkpoint may take before it is discarded.
   *
   * @default - Flink's default, 10 minutes
   */
  readonly timeout?: Duration;

  /**
   * The least time between the end of one checkpoint and the start of the next.
   *
   * @default - Flink's default, none
   */
  readonly minPause?: Duration;

  /**
   * How many checkpoints may run at once.
   *
   * @default - Flink's default, 1
   */
  readonly maxConcurrent?: number;

  /**
   * What happens to the last checkpoint when the job is cancelled.
   *
   * @default - Flink's default
   */
  readonly externalizedRetention?: CheckpointRetention;

  /**
   * Whether checkpoints are incremental (RocksDB state backend).
   *
   * @default - Flink's default, false
   */
  readonly incremental?: boolean;

  /**
   * How many completed checkpoints Flink keeps (`execution.checkpointing.num-retained`,
   * `state.checkpoints.num-retained` before Flink 1.20); at least 1.
   *
   * @default - Flink's default, 1
   */
  readonly retainedCheckpoints?: number;

  /**
   * Unaligned checkpoints, which let barriers overtake in-flight data under back-pressure
   * (`execution.checkpointing.unaligned.enabled`, written as `execution.checkpointing.unaligned`
   * before Flink 1.20). They need `mode` EXACTLY_ONCE and `maxConcurrent` 1.
   *
   * @default - Flink's default, false
   */
  readonly unaligned?: boolean;

  /**
   * Where checkpoints are written, e.g. `s3://bucket/checkpoints`. Savepoint and last-state
   * upgrades need it.
   *
   * @default - none
   */
  readonly directory?: string;
}

/**
 * The format of savepoints the operator triggers (`kubernetes.operator.savepoint.format.type`).
 */
export enum SavepointFormat {
  /** Flink's portable format: works across state backends; the default. */
  CANONICAL = 'CANONICAL',
  /** The state backend's own format: faster to take and restore, tied to the backend. */
  NATIVE = 'NATIVE',
}

/**
 * Savepoints of a job.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/savepoints/
 */
export interface SavepointOptions {
  /**
   * Where savepoints are written, e.g. `s3://bucket/savepoints` (`execution.checkpointing.savepoint-dir`,
   * `state.savepoints.dir` before Flink 1.20). Savepoint upgrades and triggers need it.
   *
   * @default - none
   */
  readonly directory?: string;

  /**
   * How long the operator keeps savepoints it took (`kubernetes.operator.savepoint.history.max.age`).
   *
   * @default - the operator's default, 1 day
   */
  readonly historyMaxAge?: Duration;

  /**
   * How many savepoints the operator keeps (`kubernetes.operator.savepoint.history.max.count`).
   *
   * @default - the operator's default, 10
   */
  readonly historyMaxCount?: number;

  /**
   * The format of the savepoints the operator triggers.
   *
   * @default - the operator's default, CANONICAL
   */
  readonly formatType?: SavepointFormat;
}

/**
 * Heartbeats between JobManager and TaskManagers. A TaskManager that misses heartbeats for
 * `timeout` is considered lost, and its tasks fail over: raise the timeout when long GC pauses
 * or a loaded network cause heartbeat timeouts.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/#advanced-fault-tolerance-options
 */
export interface HeartbeatOptions {
  /**
   * How often heartbeats are sent (`heartbeat.interval`).
   *
   * @default - Flink's default, 10 seconds
   */
  readonly interval?: Duration;

  /**
   * How long a peer may stay silent before it is considered lost (`heartbeat.timeout`); must
   * not be shorter than the interval.
   *
   * @default - Flink's default, 50 seconds
   */
  readonly timeout?: Duration;
}

/**
 * Metrics reporting.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/metric_reporters/#prometheus
 */
export interface MetricsOptions {
  /**
   * Turn on the Prometheus reporter on this port (`metrics.reporter.prom.*`). The port is also
   * declared on the Flink main container, named `metrics`.
   *
   * @default - no Prometheus reporter
   */
  readonly prometheusPort?: number;
}
