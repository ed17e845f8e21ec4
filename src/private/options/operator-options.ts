/**
 * The options the Flink Kubernetes Operator (release 1.15) reads from a resource's
 * `flinkConfiguration`: snapshots, upgrades, health, and its job autoscaler. The operator reads
 * them itself, with the Flink library it bundles, so every key of an option is read whatever the
 * cluster's Flink version; some features still need a Flink version to work (`requires`).
 *
 * Sources: `KubernetesOperatorConfigOptions` (flink-kubernetes-operator) and `AutoScalerOptions`
 * (flink-autoscaler). Every autoscaler key is also read with the `kubernetes.operator.` prefix,
 * its name before operator 1.7. `operatorSince` records the operator release that introduced an
 * option, where it is newer than 1.5: older operators ignore such a key silently. The ranges are
 * those of the operator's `DefaultValidator` and the autoscaler's `AutoscalerValidator`.
 */
import { FlinkOption, NumericRange, option, versioned } from './option';
import { BOOLEAN, DOUBLE, DURATION, DURATION_OR_CRON, enumType, INTEGER, STRING_LIST, ValueType } from './value-type';
import { FlinkVersion } from '../../flink-version';

const always = (key: string) => [versioned(key)];

// ----- Snapshots -----------------------------------------------------------------------------

export const PERIODIC_SAVEPOINT_INTERVAL = option({
  keys: always('kubernetes.operator.periodic.savepoint.interval'),
  type: DURATION_OR_CRON,
  defaults: [versioned('')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.PERIODIC_SAVEPOINT_INTERVAL (a Duration before operator 1.7; SnapshotUtils reads a duration or a Quartz cron expression)',
  prop: 'snapshots.periodicSavepoints',
  format: 'duration, or Quartz cron (operator 1.7+)',
});

export const PERIODIC_CHECKPOINT_INTERVAL = option({
  keys: always('kubernetes.operator.periodic.checkpoint.interval'),
  type: DURATION_OR_CRON,
  defaults: [versioned('')],
  reader: 'operator',
  requires: { version: FlinkVersion.V1_17, effect: 'ignored' },
  source: 'KubernetesOperatorConfigOptions.PERIODIC_CHECKPOINT_INTERVAL (SnapshotUtils: checkpoint triggering needs Flink 1.17)',
  prop: 'snapshots.periodicCheckpoints',
  format: 'duration, or Quartz cron',
  operatorSince: '1.7',
});

export const SAVEPOINT_HISTORY_MAX_AGE = option({
  keys: always('kubernetes.operator.savepoint.history.max.age'),
  type: DURATION,
  defaults: [versioned('24 h')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_SAVEPOINT_HISTORY_MAX_AGE',
  prop: 'savepoints.historyMaxAge',
});

export const SAVEPOINT_HISTORY_MAX_COUNT = option({
  keys: always('kubernetes.operator.savepoint.history.max.count'),
  type: INTEGER,
  defaults: [versioned('10')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_SAVEPOINT_HISTORY_MAX_COUNT',
  prop: 'savepoints.historyMaxCount',
});

export const SAVEPOINT_FORMAT = option({
  keys: always('kubernetes.operator.savepoint.format.type'),
  type: enumType(['CANONICAL', 'NATIVE']),
  defaults: [versioned('CANONICAL')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_SAVEPOINT_FORMAT_TYPE',
  prop: 'savepoints.formatType',
});

export const SAVEPOINT_DISPOSE_ON_DELETE = option({
  keys: always('kubernetes.operator.savepoint.dispose-on-delete'),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_JOB_SAVEPOINT_DISPOSE_ON_DELETE',
  prop: 'snapshots.disposeOnDelete',
  operatorSince: '1.10',
});

export const SAVEPOINT_ON_DELETION = option({
  keys: always('kubernetes.operator.job.savepoint-on-deletion'),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.SAVEPOINT_ON_DELETION',
  prop: 'snapshots.savepointOnDeletion',
  operatorSince: '1.6',
});

export const SNAPSHOT_RESOURCES = option({
  keys: always('kubernetes.operator.snapshot.resource.enabled'),
  type: BOOLEAN,
  defaults: [versioned('true')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.SNAPSHOT_RESOURCE_ENABLED',
  prop: 'snapshots.asResources',
  operatorSince: '1.10',
});

// ----- Upgrades --------------------------------------------------------------------------------

export const LAST_STATE_FALLBACK = option({
  keys: always('kubernetes.operator.job.upgrade.last-state-fallback.enabled'),
  type: BOOLEAN,
  defaults: [versioned('true')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_JOB_UPGRADE_LAST_STATE_FALLBACK_ENABLED',
  prop: 'upgrades.lastStateFallback',
});

export const MAX_CHECKPOINT_AGE = option({
  keys: always('kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age'),
  type: DURATION,
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_JOB_UPGRADE_LAST_STATE_CHECKPOINT_MAX_AGE (DefaultValidator: needs a savepoint directory)',
  prop: 'upgrades.maxCheckpointAge',
  operatorSince: '1.5',
});

export const ROLLBACK_ENABLED = option({
  keys: always('kubernetes.operator.deployment.rollback.enabled'),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.DEPLOYMENT_ROLLBACK_ENABLED (DefaultValidator: needs high availability)',
  prop: 'upgrades.rollback',
});

export const READINESS_TIMEOUT = option({
  keys: always('kubernetes.operator.deployment.readiness.timeout'),
  type: DURATION,
  defaults: [versioned('5 min')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.DEPLOYMENT_READINESS_TIMEOUT',
  prop: 'upgrades.readinessTimeout',
});

// ----- Health ----------------------------------------------------------------------------------

export const HEALTH_CHECK_ENABLED = option({
  keys: always('kubernetes.operator.cluster.health-check.enabled'),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_CLUSTER_HEALTH_CHECK_ENABLED (DefaultValidator: needs JobManager deployment recovery)',
  prop: 'health.clusterHealthCheck',
});

export const HEALTH_RESTARTS_WINDOW = option({
  keys: always('kubernetes.operator.cluster.health-check.restarts.window'),
  type: DURATION,
  defaults: [versioned('2 min')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_CLUSTER_HEALTH_CHECK_RESTARTS_WINDOW',
  prop: 'health.restartsWindow',
});

export const HEALTH_RESTARTS_THRESHOLD = option({
  keys: always('kubernetes.operator.cluster.health-check.restarts.threshold'),
  type: INTEGER,
  defaults: [versioned('64')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_CLUSTER_HEALTH_CHECK_RESTARTS_THRESHOLD',
  prop: 'health.restartsThreshold',
});

export const HEALTH_CHECKPOINT_PROGRESS = option({
  keys: always('kubernetes.operator.cluster.health-check.checkpoint-progress.enabled'),
  type: BOOLEAN,
  defaults: [versioned('true')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_CLUSTER_HEALTH_CHECK_CHECKPOINT_PROGRESS_ENABLED (default true since FLINK-35126)',
  prop: 'health.checkpointProgressCheck',
});

export const HEALTH_CHECKPOINT_PROGRESS_WINDOW = option({
  keys: always('kubernetes.operator.cluster.health-check.checkpoint-progress.window'),
  type: DURATION,
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_CLUSTER_HEALTH_CHECK_CHECKPOINT_PROGRESS_WINDOW (no default: max(interval, timeout) x (tolerable failures + 2))',
  prop: 'health.checkpointProgressWindow',
});

export const JM_DEPLOYMENT_RECOVERY = option({
  keys: always('kubernetes.operator.jm-deployment-recovery.enabled'),
  fallbackKeys: always('kubernetes.operator.reconciler.jm-deployment-recovery.enabled'),
  type: BOOLEAN,
  defaults: [versioned('true')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_JM_DEPLOYMENT_RECOVERY_ENABLED',
  prop: 'health.jobManagerDeploymentRecovery',
});

export const RESTART_FAILED_JOB = option({
  keys: always('kubernetes.operator.job.restart.failed'),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_JOB_RESTART_FAILED',
  prop: 'health.restartFailedJob',
});

// ----- Pod templates ---------------------------------------------------------------------------

export const POD_TEMPLATE_MERGE_BY_NAME = option({
  keys: always('kubernetes.operator.pod-template.merge-arrays-by-name'),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.POD_TEMPLATE_MERGE_BY_NAME (FlinkConfigBuilder.applyPodTemplate; FlinkUtils.mergePodTemplates merges lists by position unless true)',
});

/** Whether the operator adds a startup probe to the JobManager's main container (`FlinkConfigBuilder.applyPodTemplate`). */
export const JM_STARTUP_PROBE = option({
  keys: always('kubernetes.operator.jm-deployment.startup.probe.enabled'),
  type: BOOLEAN,
  defaults: [versioned('true')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_JM_STARTUP_PROBE_ENABLED (FlinkUtils.addStartupProbe: GET /config on the port named rest, unless the main container has a startupProbe)',
});

// ----- The job autoscaler ----------------------------------------------------------------------

interface AutoscalerDeclaration {
  readonly type: ValueType<unknown>;
  readonly constant: string;
  readonly prop?: string;
  readonly defaultText?: string;
  /** Keys read after the `kubernetes.operator.`-prefixed one, in the operator's order. */
  readonly extraFallbacks?: string[];
  readonly operatorSince?: string;
  readonly range?: NumericRange;
}

function autoscalerOption(name: string, declaration: AutoscalerDeclaration): FlinkOption {
  return {
    keys: always(`job.autoscaler.${name}`),
    fallbackKeys: [`kubernetes.operator.job.autoscaler.${name}`, ...(declaration.extraFallbacks ?? [])].map((key) => versioned(key)),
    type: declaration.type,
    defaults: declaration.defaultText === undefined ? undefined : [versioned(declaration.defaultText)],
    reader: 'operator',
    // The operator admits the autoscaler on any version; it needs Flink 1.17's job vertex
    // parallelism overrides to take effect (operator docs, autoscaler "Requirements").
    requires: { version: FlinkVersion.V1_17, effect: 'ignored' },
    source: `AutoScalerOptions.${declaration.constant}`,
    prop: declaration.prop === undefined ? undefined : `autoscaler.${declaration.prop}`,
    operatorSince: declaration.operatorSince,
    range: declaration.range,
  };
}

const VALIDATOR = 'AutoscalerValidator';
const NON_NEGATIVE: NumericRange = { min: 0, enforcedBy: VALIDATOR };
const FRACTION: NumericRange = { min: 0, max: 1, enforcedBy: VALIDATOR };

export const AUTOSCALER_ENABLED = autoscalerOption('enabled', { type: BOOLEAN, constant: 'AUTOSCALER_ENABLED', prop: 'enabled', defaultText: 'false' });
export const AUTOSCALER_SCALING_ENABLED = autoscalerOption('scaling.enabled', {
  type: BOOLEAN, constant: 'SCALING_ENABLED', prop: 'scalingEnabled', defaultText: 'true',
});
export const AUTOSCALER_METRICS_WINDOW = autoscalerOption('metrics.window', {
  type: DURATION, constant: 'METRICS_WINDOW', prop: 'metricsWindow', defaultText: '15 min',
});
export const AUTOSCALER_STABILIZATION = autoscalerOption('stabilization.interval', {
  type: DURATION, constant: 'STABILIZATION_INTERVAL', prop: 'stabilizationInterval', defaultText: '5 min',
});
/** Named `utilization.target` from operator 1.11; 1.7 to 1.10 read only `job.autoscaler.target.utilization`. */
export const AUTOSCALER_UTILIZATION_TARGET = autoscalerOption('utilization.target', {
  type: DOUBLE,
  constant: 'UTILIZATION_TARGET',
  prop: 'targetUtilization',
  defaultText: '0.7',
  extraFallbacks: ['kubernetes.operator.job.autoscaler.target.utilization', 'job.autoscaler.target.utilization'],
  operatorSince: '1.11',
  range: FRACTION,
});
/** Deprecated since operator 1.11: still read as `target ± boundary` where `utilization.max`/`.min` are unset. No typed prop writes it. */
export const AUTOSCALER_UTILIZATION_BOUNDARY = autoscalerOption('target.utilization.boundary', {
  type: DOUBLE, constant: 'TARGET_UTILIZATION_BOUNDARY (@Deprecated)', defaultText: '0.3', range: NON_NEGATIVE,
});
/** The range is also bounded by the effective target (`[target, 1]`), which the rule and the props check. */
export const AUTOSCALER_UTILIZATION_MAX = autoscalerOption('utilization.max', {
  type: DOUBLE, constant: 'UTILIZATION_MAX', prop: 'utilizationMax', operatorSince: '1.11', range: FRACTION,
});
/** The range is also bounded by the effective target (`[0, target]`), which the rule and the props check. */
export const AUTOSCALER_UTILIZATION_MIN = autoscalerOption('utilization.min', {
  type: DOUBLE, constant: 'UTILIZATION_MIN', prop: 'utilizationMin', operatorSince: '1.11', range: FRACTION,
});
export const AUTOSCALER_SCALE_UP_MAX_FACTOR = autoscalerOption('scale-up.max-factor', {
  type: DOUBLE, constant: 'MAX_SCALE_UP_FACTOR', prop: 'scaleUpMaxFactor', defaultText: '100000.0', range: NON_NEGATIVE,
});
export const AUTOSCALER_SCALE_DOWN_MAX_FACTOR = autoscalerOption('scale-down.max-factor', {
  type: DOUBLE, constant: 'MAX_SCALE_DOWN_FACTOR', prop: 'scaleDownMaxFactor', defaultText: '0.6', range: NON_NEGATIVE,
});
/** Named `scale-down.interval` from operator 1.10; `scale-up.grace-period`, a different setting before, is read as its deprecated key. */
export const AUTOSCALER_SCALE_DOWN_INTERVAL = autoscalerOption('scale-down.interval', {
  type: DURATION,
  constant: 'SCALE_DOWN_INTERVAL',
  prop: 'scaleDownInterval',
  defaultText: '1 h',
  extraFallbacks: ['kubernetes.operator.job.autoscaler.scale-up.grace-period', 'job.autoscaler.scale-up.grace-period'],
  operatorSince: '1.10',
});
export const AUTOSCALER_CATCH_UP_DURATION = autoscalerOption('catch-up.duration', {
  type: DURATION, constant: 'CATCH_UP_DURATION', prop: 'catchUpDuration', defaultText: '30 min',
});
export const AUTOSCALER_RESTART_TIME = autoscalerOption('restart.time', {
  type: DURATION, constant: 'RESTART_TIME', prop: 'restartTime', defaultText: '5 min',
});
export const AUTOSCALER_RESTART_TIME_TRACKING = autoscalerOption('restart.time-tracking.enabled', {
  type: BOOLEAN, constant: 'PREFER_TRACKED_RESTART_TIME', prop: 'restartTimeTracking', defaultText: 'false', operatorSince: '1.8',
});
export const AUTOSCALER_MEMORY_TUNING = autoscalerOption('memory.tuning.enabled', {
  type: BOOLEAN, constant: 'MEMORY_TUNING_ENABLED', prop: 'memoryTuning.enabled', defaultText: 'false', operatorSince: '1.8',
}) as FlinkOption<boolean>;
export const AUTOSCALER_MEMORY_TUNING_OVERHEAD = autoscalerOption('memory.tuning.overhead', {
  type: DOUBLE,
  constant: 'MEMORY_TUNING_OVERHEAD',
  prop: 'memoryTuning.overhead',
  defaultText: '0.2',
  operatorSince: '1.8',
  range: { min: 0, max: 1, when: AUTOSCALER_MEMORY_TUNING, enforcedBy: VALIDATOR },
});
export const AUTOSCALER_MEMORY_TUNING_MAXIMIZE_MANAGED = autoscalerOption('memory.tuning.maximize-managed-memory', {
  type: BOOLEAN, constant: 'MEMORY_TUNING_MAXIMIZE_MANAGED_MEMORY', prop: 'memoryTuning.maximizeManagedMemory', defaultText: 'false', operatorSince: '1.8',
});
export const AUTOSCALER_EXCLUDED_PERIODS = autoscalerOption('excluded.periods', { type: STRING_LIST, constant: 'EXCLUDED_PERIODS', prop: 'excludedPeriods' });
export const AUTOSCALER_VERTEX_MIN = autoscalerOption('vertex.min-parallelism', {
  type: INTEGER, constant: 'VERTEX_MIN_PARALLELISM', prop: 'vertexMinParallelism', defaultText: '1',
});
export const AUTOSCALER_VERTEX_MAX = autoscalerOption('vertex.max-parallelism', {
  type: INTEGER, constant: 'VERTEX_MAX_PARALLELISM', prop: 'vertexMaxParallelism', defaultText: '200',
});
export const AUTOSCALER_COEFFICIENT_MIN = autoscalerOption('observed-scalability.coefficient-min', {
  type: DOUBLE, constant: 'OBSERVED_SCALABILITY_COEFFICIENT_MIN', defaultText: '0.5', range: { min: 0.01, max: 1, enforcedBy: VALIDATOR },
});
