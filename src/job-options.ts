import { ApiObjectMetadata } from 'cdk8s';
import { CheckpointingOptions, SavepointOptions } from './checkpointing';
import { ExecutionOptions } from './execution';
import { JobHealthOptions } from './health';
import { JobJar } from './job-jar';
import { PythonJob } from './python-job';
import { RestartStrategy } from './restart-strategy';
import { SnapshotOptions } from './snapshots';
import { StateBackendOptions } from './state-backend';
import { JobState, UpgradeMode } from './types';
import { JobUpgradeOptions } from './upgrades';

/**
 * The job settings shared by `FlinkApplication` and `FlinkSessionJob` (`spec.job`).
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#jobspec
 */
export interface FlinkJobOptions {
  /**
   * The job's jar (`jarURI`). Give either `jar` or `python`.
   *
   * @default - none; `python` must be given
   */
  readonly jar?: JobJar;

  /**
   * A PyFlink job, instead of `jar`: sets the PythonDriver entry class, its arguments and the
   * flink-python jar.
   *
   * @default - none
   */
  readonly python?: PythonJob;

  /**
   * The main class of the job.
   *
   * @default - the jar manifest's main class
   */
  readonly entryClass?: string;

  /**
   * Arguments passed to the job's main method.
   *
   * @default - none
   */
  readonly args?: string[];

  /**
   * Parallelism of the job. The operator requires one (an application cluster may give
   * `taskManager.replicas` instead).
   *
   * @default 1, Flink's default parallelism; none for an application cluster with `taskManager.replicas`
   */
  readonly parallelism?: number;

  /**
   * How the operator upgrades the job when its spec changes.
   *
   * @default - the operator's default, stateless
   */
  readonly upgradeMode?: UpgradeMode;

  /**
   * Whether the job runs or is suspended.
   *
   * @default - the operator's default, running
   */
  readonly state?: JobState;

  /**
   * Whether the job may start from a savepoint that holds state for operators the job no
   * longer has. Their state is dropped.
   *
   * @default - Flink's default, false
   */
  readonly allowNonRestoredState?: boolean;

  /**
   * Triggers a savepoint when changed to a new value (`savepointTriggerNonce`). Nonces are
   * plain numbers you control (e.g. a date such as 20261125), so that synth stays
   * reproducible. Needs a savepoint directory.
   *
   * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/snapshots/
   * @default - none
   */
  readonly savepointTriggerNonce?: number;

  /**
   * Triggers a checkpoint when changed to a new value (`checkpointTriggerNonce`; Flink 1.17+).
   *
   * @default - none
   */
  readonly checkpointTriggerNonce?: number;

  /**
   * The savepoint or checkpoint the job starts from the first time it is deployed, and when
   * `savepointRedeployNonce` changes (`initialSavepointPath`).
   *
   * @default - none: the job starts from empty state
   */
  readonly initialSavepointPath?: string;

  /**
   * Redeploys the job from `initialSavepointPath` when changed to a new value
   * (`savepointRedeployNonce`): the running job is cancelled without a savepoint and its
   * progress since that savepoint is discarded. Requires `initialSavepointPath`.
   *
   * @default - none
   */
  readonly savepointRedeployNonce?: number;

  /**
   * Resets the autoscaler (its metrics, parallelism overrides and history) when changed to a new
   * value (`autoscalerResetNonce`; operator 1.11+).
   *
   * @default - none
   */
  readonly autoscalerResetNonce?: number;
}

/**
 * Options of a session job, for `FlinkSessionCluster.addJob()`.
 */
export interface FlinkSessionJobOptions extends FlinkJobOptions {
  /**
   * Metadata of the FlinkSessionJob. The namespace must be the cluster's.
   *
   * @default - name derived from the construct id, the cluster's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * Job-level Flink configuration (`spec.flinkConfiguration`). The operator sends it with the
   * job from Flink 1.17; on an older cluster only the operator's own keys (`kubernetes.operator.*`,
   * `job.autoscaler.*`) and the savepoint directory take effect, and any other key fails synth.
   *
   * @default - none
   */
  readonly flinkConfiguration?: { [key: string]: string };

  /**
   * Checkpointing of this job, with the key names of the cluster's Flink version. Needs a
   * cluster on Flink 1.17 or newer, which receives a session job's configuration.
   *
   * @default - the cluster's
   */
  readonly checkpointing?: CheckpointingOptions;

  /**
   * Savepoints of this job.
   *
   * @default - the cluster's
   */
  readonly savepoints?: SavepointOptions;

  /**
   * How Flink restarts this job after failures. Needs a cluster on Flink 1.17 or newer, which
   * receives a session job's configuration.
   *
   * @default - the cluster's
   */
  readonly restartStrategy?: RestartStrategy;

  /**
   * How the operator upgrades this job.
   *
   * @default - the cluster's
   */
  readonly upgrades?: JobUpgradeOptions;

  /**
   * Whether the operator redeploys this job when it fails.
   *
   * @default - the cluster's
   */
  readonly health?: JobHealthOptions;

  /**
   * Snapshots the operator takes of this job.
   *
   * @default - the cluster's
   */
  readonly snapshots?: SnapshotOptions;

  /**
   * The state backend of this job.
   *
   * @default - the cluster's
   */
  readonly stateBackend?: StateBackendOptions;

  /**
   * How Flink executes this job.
   *
   * @default - the cluster's
   */
  readonly execution?: ExecutionOptions;

  /**
   * Restarts the job, with its upgrade mode, when changed to a new value (`spec.restartNonce`).
   *
   * @default - none
   */
  readonly restartNonce?: number;
}
