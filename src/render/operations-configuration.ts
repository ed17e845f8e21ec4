/**
 * The day-two props as operator and Flink options: `upgrades`, `health`, `snapshots`, `stateBackend`
 * and `execution`.
 */
import { Entries } from './config-entries';
import { StateBackend } from '../checkpointing';
import { ExecutionOptions, RuntimeMode } from '../execution';
import { FlinkVersion } from '../flink-version';
import { HealthOptions } from '../health';
import { isHierarchicalUri } from '../private/flink/uri';
import * as F from '../private/options/flink-options';
import * as O from '../private/options/operator-options';
import { requireAvailable } from '../private/options/written-key';
import { propError } from '../props/prop-errors';
import { Schedule, SnapshotOptions } from '../snapshots';
import { StateBackendOptions } from '../state-backend';
import { UpgradeMode } from '../types';
import { UpgradeOptions } from '../upgrades';
import { batchUpgradeModeProblem } from '../validation/checks/batch-job';

export function upgradeEntries(entries: Entries, options: UpgradeOptions | undefined): void {
  if (options === undefined) {
    return;
  }
  entries.bool(O.LAST_STATE_FALLBACK, options.lastStateFallback);
  entries.duration(O.MAX_CHECKPOINT_AGE, options.maxCheckpointAge, undefined, true);
  entries.bool(O.ROLLBACK_ENABLED, options.rollback);
  entries.duration(O.READINESS_TIMEOUT, options.readinessTimeout, undefined, true);
}

export function healthEntries(entries: Entries, options: HealthOptions | undefined): void {
  if (options === undefined) {
    return;
  }
  if (options.clusterHealthCheck === true && options.jobManagerDeploymentRecovery === false) {
    // The operator's DefaultValidator refuses the health check without JobManager deployment recovery.
    throw propError('health.clusterHealthCheck', "'health.clusterHealthCheck' needs 'health.jobManagerDeploymentRecovery': the operator refuses the health check without it. Remove 'jobManagerDeploymentRecovery: false' or the health check.");
  }
  entries.bool(O.HEALTH_CHECK_ENABLED, options.clusterHealthCheck);
  entries.duration(O.HEALTH_RESTARTS_WINDOW, options.restartsWindow, undefined, true);
  entries.count(O.HEALTH_RESTARTS_THRESHOLD, options.restartsThreshold, 1);
  entries.bool(O.HEALTH_CHECKPOINT_PROGRESS, options.checkpointProgressCheck);
  entries.duration(O.HEALTH_CHECKPOINT_PROGRESS_WINDOW, options.checkpointProgressWindow, undefined, true);
  entries.bool(O.JM_DEPLOYMENT_RECOVERY, options.jobManagerDeploymentRecovery);
  entries.bool(O.RESTART_FAILED_JOB, options.restartFailedJob);
}

/** Periodic snapshots and what happens to snapshots on deletion. */
export function snapshotEntries(entries: Entries, options: SnapshotOptions | undefined): void {
  const schedule = (value: Schedule | undefined) => value?.expression;
  entries.add(O.PERIODIC_SAVEPOINT_INTERVAL, schedule(options?.periodicSavepoints));
  entries.add(O.PERIODIC_CHECKPOINT_INTERVAL, schedule(options?.periodicCheckpoints));
  entries.bool(O.SAVEPOINT_ON_DELETION, options?.savepointOnDeletion);
  entries.bool(O.SAVEPOINT_DISPOSE_ON_DELETE, options?.disposeOnDelete);
  entries.bool(O.SNAPSHOT_RESOURCES, options?.asResources);
}

const FORST_SHORTCUTS = ['checkpoint-dir', 'local-dir'];

/** The state backend (`stateBackend.type`) and its ForSt options. */
export function stateEntries(entries: Entries, options: StateBackendOptions | undefined): void {
  const backend = options?.type;
  if (backend === StateBackend.FORST) {
    // StateBackendLoader knows the `forst` shortcut from Flink 2.0.
    requireAvailable('stateBackend.type', entries.version, FlinkVersion.V2_0);
  }
  entries.add(F.STATE_BACKEND, backend);
  const forst = options?.forst;
  if (forst === undefined) {
    return;
  }
  if (backend !== StateBackend.FORST) {
    throw propError('stateBackend.forst', `'stateBackend.forst' configures the ForSt backend, but the state backend is ${backend ?? 'hashmap (the default)'}. Set 'stateBackend.type: StateBackend.FORST' or remove 'stateBackend.forst'.`);
  }
  const primary = forst.primaryDirectory;
  if (primary !== undefined && !FORST_SHORTCUTS.includes(primary) && !isHierarchicalUri(primary)) {
    throw propError('stateBackend.forst.primaryDirectory', `'stateBackend.forst.primaryDirectory' must be a URI such as 's3://bucket/forst' or one of ${FORST_SHORTCUTS.map((s) => `'${s}'`).join(', ')} (got '${primary}').`);
  }
  entries.add(F.FORST_PRIMARY_DIRECTORY, primary);
  entries.add(F.FORST_LOCAL_DIRECTORY, forst.localDirectory);
  entries.size(F.FORST_CACHE_SIZE_LIMIT, forst.cacheSizeLimit);
}

export function executionEntries(entries: Entries, options: ExecutionOptions | undefined): void {
  entries.add(F.RUNTIME_MODE, options?.runtimeMode);
}

/**
 * A BATCH job takes no checkpoints: savepoint and last-state upgrades (see
 * validation/checks/batch-job.ts) and periodic snapshots have nothing to work with.
 */
export function checkBatchJob(execution: ExecutionOptions | undefined, upgradeMode: UpgradeMode | undefined,
  snapshots: SnapshotOptions | undefined): void {
  const problem = batchUpgradeModeProblem({ name: F.RUNTIME_MODE.prop!, value: execution?.runtimeMode }, { name: 'upgradeMode', value: upgradeMode });
  if (problem !== undefined) {
    throw propError(F.RUNTIME_MODE.prop!, problem);
  }
  if (execution?.runtimeMode === RuntimeMode.BATCH && (snapshots?.periodicSavepoints !== undefined || snapshots?.periodicCheckpoints !== undefined)) {
    throw propError('execution.runtimeMode', "'execution.runtimeMode' BATCH takes no checkpoints or savepoints: remove 'snapshots.periodicSavepoints' and 'snapshots.periodicCheckpoints'.");
  }
}
