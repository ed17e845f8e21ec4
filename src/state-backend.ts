import { Size } from 'cdk8s';
import { StateBackend } from './checkpointing';

/**
 * Options of the ForSt state backend (Flink 2.0+, experimental), which keeps its working state
 * in a remote file system (disaggregated state) with a local cache.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/disaggregated_state/
 */
export interface ForStOptions {
  /**
   * Where ForSt keeps its files (`state.backend.forst.primary-dir`): a URI such as
   * `s3://bucket/forst`, or the shortcuts `checkpoint-dir` (share the checkpoint directory) and
   * `local-dir`.
   *
   * @default - Flink's default, `checkpoint-dir`
   */
  readonly primaryDirectory?: string;

  /**
   * A local directory for ForSt's metadata and cache (`state.backend.forst.local-dir`).
   *
   * @default - Flink's default, the TaskManager's working directory
   */
  readonly localDirectory?: string;

  /**
   * The most local disk the cache may use (`state.backend.forst.cache.size-based-limit`).
   *
   * @default - Flink's default, no size limit
   */
  readonly cacheSizeLimit?: Size;
}

/**
 * Where a job keeps its working state: the state backend and its options.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/state_backends/
 */
export interface StateBackendOptions {
  /**
   * The state backend (`state.backend.type`, `state.backend` before Flink 1.17);
   * `StateBackend.FORST` needs Flink 2.0.
   *
   * @default - Flink's default, hashmap
   */
  readonly type?: StateBackend;

  /**
   * Options of the ForSt backend; needs `type: StateBackend.FORST`.
   *
   * @default - Flink's defaults
   */
  readonly forst?: ForStOptions;
}
