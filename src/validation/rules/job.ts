/**
 * Job spec rules, shared by application clusters (their own configuration) and session jobs
 * (the cluster's configuration merged with the job's, as the operator checks them).
 */
import { EffectiveConfiguration, isBlank } from '../../private/options/effective-configuration';
import { CHECKPOINT_DIRECTORY, SAVEPOINT_DIRECTORY } from '../../private/options/flink-options';
import { MAX_CHECKPOINT_AGE, PERIODIC_CHECKPOINT_INTERVAL, PERIODIC_SAVEPOINT_INTERVAL } from '../../private/options/operator-options';
import { FlinkOption, mainKey, writeKey } from '../../private/options/option';
import { RuleContext } from '../context';
import { childPath } from '../json-path';

/** Where the job's settings live, and what configuration applies to it. */
export interface JobScope {
  readonly job: any;
  /** Path of the job spec, e.g. `spec.job`. */
  readonly jobPath: string;
  /** The configuration the operator checks the job against. */
  readonly config: EffectiveConfiguration;
  /** Where a missing configuration key should be added, e.g. `spec.flinkConfiguration`. */
  readonly configPath: string;
  /** Words for where the configuration comes from, for messages. */
  readonly configSource: string;
  /** Whether the job is an application cluster's (whose TaskManager replicas may stand in for a parallelism). */
  readonly application: boolean;
  /** `spec.taskManager.replicas` of an application cluster. */
  readonly taskManagerReplicas?: unknown;
  /**
   * The configuration Flink runs the job with, read as the cluster's Flink version reads it:
   * `config` for an application; for a session job, its cluster's, with the job's own keys only
   * from Flink 1.17 (before, the operator does not send them).
   */
  readonly runtimeConfig: EffectiveConfiguration;
}

/** An option's current key, and the key it had before its last rename, for messages: `'<key>' (Flink 1.20+; '<old key>' before)`. */
function keyAndFormerKey(option: FlinkOption): string {
  const current = option.keys[option.keys.length - 1];
  const former = option.keys[option.keys.length - 2];
  return former === undefined || current.since === undefined ? `'${current.value}'`
    : `'${current.value}' (Flink ${current.since.major}.${current.since.minor}+; '${former.value}' before)`;
}

const CHECKPOINT_KEYS = keyAndFormerKey(CHECKPOINT_DIRECTORY);
const SAVEPOINT_KEYS = keyAndFormerKey(SAVEPOINT_DIRECTORY);

/**
 * The operator's admission checks of a job. The operator reads the checkpoint and savepoint
 * directories with its bundled Flink library, which knows their every name, whatever the
 * cluster's Flink version.
 */
export function checkJobSpec(context: RuleContext, scope: JobScope): void {
  const { job, jobPath, config } = scope;
  const upgradeMode = job.upgradeMode ?? 'stateless';

  if (upgradeMode !== 'stateless' && isBlank(config.text(CHECKPOINT_DIRECTORY, 'operator'))) {
    context.report('checkpoint-dir-required', childPath(jobPath, 'upgradeMode'),
      `${jobPath}.upgradeMode is '${upgradeMode}', which restores from checkpoints, but ${scope.configSource} has no checkpoint directory. Set ${CHECKPOINT_KEYS} in ${scope.configPath}, or use upgradeMode 'stateless'.`);
  } else if (upgradeMode === 'last-state' && isBlank(scope.runtimeConfig.lookup(CHECKPOINT_DIRECTORY, 'flink')?.value)) {
    // The operator admits any of the directory's keys; Flink reads only its version's, and
    // without a checkpoint directory it keeps checkpoints in the JobManager's memory.
    const found = config.lookup(CHECKPOINT_DIRECTORY, 'operator')!;
    const version = scope.runtimeConfig.version;
    const reason = scope.runtimeConfig.lookup(CHECKPOINT_DIRECTORY, 'operator') === undefined
      ? `Flink ${version?.major}.${version?.minor} does not receive '${found.key}' from a session job (the operator sends a job's configuration from Flink 1.17); set it on the session cluster`
      : `Flink ${version?.major}.${version?.minor} does not read '${found.key}'; use '${version === undefined ? mainKey(CHECKPOINT_DIRECTORY) : writeKey(CHECKPOINT_DIRECTORY, version)}'`;
    context.report('state-config-unread', childPath(jobPath, 'upgradeMode'),
      `${jobPath}.upgradeMode is 'last-state', and the operator admits it, but Flink writes no checkpoints to a directory: ${reason}. Without one, checkpoints stay in the JobManager's memory and the state is lost at the next upgrade.`);
  }

  if (isBlank(config.text(SAVEPOINT_DIRECTORY, 'operator'))) {
    const fix = `Set ${SAVEPOINT_KEYS} in ${scope.configPath}`;
    if (upgradeMode === 'savepoint') {
      context.report('savepoint-dir-required', childPath(jobPath, 'upgradeMode'),
        `${jobPath}.upgradeMode is 'savepoint', but ${scope.configSource} has no savepoint directory to write the upgrade savepoint to. ${fix}.`);
    } else if (job.savepointTriggerNonce !== undefined && job.savepointTriggerNonce !== null) {
      context.report('savepoint-dir-required', childPath(jobPath, 'savepointTriggerNonce'),
        `${jobPath}.savepointTriggerNonce is set (${job.savepointTriggerNonce}) to trigger a savepoint, but ${scope.configSource} has no savepoint directory. ${fix}.`);
    } else if (config.lookup(PERIODIC_SAVEPOINT_INTERVAL) !== undefined) {
      const periodic = config.lookup(PERIODIC_SAVEPOINT_INTERVAL)!;
      context.report('savepoint-dir-required', childPath(scope.configPath, periodic.key),
        `'${periodic.key}' is set ('${periodic.value}'), but periodic savepoints need a savepoint directory. ${fix}, or remove the interval.`);
    } else if (config.lookup(MAX_CHECKPOINT_AGE) !== undefined) {
      context.report('savepoint-dir-required', childPath(scope.configPath, mainKey(MAX_CHECKPOINT_AGE)),
        `'${mainKey(MAX_CHECKPOINT_AGE)}' is set, but upgrading with a savepoint when the last checkpoint is too old needs a savepoint directory. ${fix}.`);
    }
  }

  checkSnapshotSchedules(context, scope);

  const replicas = scope.taskManagerReplicas;
  if (replicas !== undefined && replicas !== null) {
    if (typeof replicas === 'number' && replicas < 1) {
      context.report('taskmanager-replicas', 'spec.taskManager.replicas', `spec.taskManager.replicas must be at least 1 (got ${replicas}).`);
    }
  } else {
    const parallelism = job.parallelism ?? 0;
    if (typeof parallelism === 'number' && parallelism < 1) {
      context.report('job-parallelism', childPath(jobPath, 'parallelism'),
        job.parallelism === undefined || job.parallelism === null
          ? `${jobPath}.parallelism is not set; the operator needs a parallelism of at least 1. Set it, e.g. parallelism: 2${scope.application ? ', or set spec.taskManager.replicas' : ''}.`
          : `${jobPath}.parallelism must be at least 1 (got ${parallelism}).`);
    }
  }
}

/** The options whose values checkSnapshotSchedules reads and reports, which the generic value check leaves to it. */
export const SCHEDULE_OPTIONS: ReadonlyArray<FlinkOption> = [PERIODIC_SAVEPOINT_INTERVAL, PERIODIC_CHECKPOINT_INTERVAL];

/**
 * Periodic snapshot schedules: the operator reads a Flink duration or a Quartz cron expression,
 * and only logs a warning for anything else, never taking the snapshot.
 */
function checkSnapshotSchedules(context: RuleContext, scope: JobScope): void {
  for (const option of SCHEDULE_OPTIONS) {
    const value = scope.config.read(option);
    if (value.key !== undefined && !value.read.ok) {
      context.report('periodic-snapshot-schedule', childPath(scope.configPath, value.key),
        `'${value.key}' is '${value.text}', ${value.read.reason}: the operator would never take these snapshots (it only logs a warning). Use a duration such as '6h' or a Quartz cron expression such as '0 0 2 * * ?'.`);
    }
  }
}
