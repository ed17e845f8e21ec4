/**
 * How Flink executes a job's program (`execution.runtime-mode`).
 */
export enum RuntimeMode {
  /** Continuous processing with checkpoints; Flink's default. */
  STREAMING = 'STREAMING',
  /** Bounded input processed stage by stage, without checkpoints. */
  BATCH = 'BATCH',
  /** BATCH when every source is bounded, STREAMING otherwise. */
  AUTOMATIC = 'AUTOMATIC',
}

/**
 * How Flink executes a job.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/datastream/execution_mode/
 */
export interface ExecutionOptions {
  /**
   * The runtime mode (`execution.runtime-mode`). A BATCH job takes no checkpoints, so it must
   * use `UpgradeMode.STATELESS` and no periodic snapshots (a rule of this library: the
   * savepoint and last-state upgrades have nothing to restore a batch job from).
   *
   * @default - Flink's default, STREAMING
   */
  readonly runtimeMode?: RuntimeMode;
}
