/**
 * Checkpoints on request (`checkpointTriggerNonce`) need Flink 1.17: on older versions the
 * operator accepts the nonce and triggers nothing (`SnapshotUtils.isSnapshotTriggeringSupported`
 * logs that checkpoint triggering requires Flink 1.17+). The constructs (at construction) and the
 * `flink-version-feature` rule (on manifests) both ask `checkpointTriggerProblem`.
 */
import { FlinkVersion } from '../../flink-version';

/** The oldest Flink version that triggers a checkpoint on request. */
export const CHECKPOINT_TRIGGER_SINCE = FlinkVersion.V1_17;

/** How each side names what the message mentions. */
export interface CheckpointTriggerNames {
  /** The checkpoint nonce, e.g. `checkpointTriggerNonce` or `spec.job.checkpointTriggerNonce`. */
  readonly nonce: string;
  /** The savepoint nonce, the alternative, e.g. `savepointTriggerNonce`. */
  readonly savepointNonce: string;
  /** What runs the Flink version, e.g. `the cluster` or `session cluster 'sessions'`. */
  readonly cluster: string;
}

/** What is wrong with a checkpoint nonce on a cluster of `version`, or undefined when the version can trigger checkpoints. */
export function checkpointTriggerProblem(version: FlinkVersion, names: CheckpointTriggerNames): string | undefined {
  if (version.isAtLeast(CHECKPOINT_TRIGGER_SINCE)) {
    return undefined;
  }
  return `'${names.nonce}' needs Flink ${label(CHECKPOINT_TRIGGER_SINCE)} or newer, which can trigger checkpoints on request (${names.cluster} runs Flink ${label(version)}): `
    + `the operator accepts it and triggers nothing. Use '${names.savepointNonce}', or upgrade the cluster's 'flinkVersion'.`;
}

function label(version: FlinkVersion): string {
  return `${version.major}.${version.minor}`;
}
