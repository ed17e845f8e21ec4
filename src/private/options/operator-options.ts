/**
 * The options the Flink Kubernetes Operator (release 1.15) reads from a resource's
 * `flinkConfiguration`: snapshots, upgrades, health, and its job autoscaler. The operator reads
 * them itself, with the Flink library it bundles, so every key of an option is read whatever the
 * cluster's Flink version; some features still need a Flink version to work (`requires`).
 *
 * Sources: `KubernetesOperatorConfigOptions` (flink-kubernetes-operator) and `AutoScalerOptions`
 * (flink-autoscaler). Every autoscaler key is also read with the `kubernetes.operator.` prefix,
 * its name before operator 1.7.
 */
import { FlinkOption, option, versioned } from './option';
import { BOOLEAN, DOUBLE, DURATION, enumType, INTEGER, STRING, STRING_LIST, ValueType } from './value-type';
import { FlinkVersion } from '../../flink-version';

const always = (key: string) => [versioned(key)];

// ----- Snapshots -----------------------------------------------------------------------------

export const PERIODIC_SAVEPOINT_INTERVAL = option({
  keys: always('kubernetes.operator.periodic.savepoint.interval'),
  type: STRING,
  defaults: [versioned('0')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.PERIODIC_SAVEPOINT_INTERVAL',
  prop: 'savepoints.periodicInterval',
  format: 'duration, e.g. `6h`',
});

export const PERIODIC_CHECKPOINT_INTERVAL = option({
  keys: always('kubernetes.operator.periodic.checkpoint.interval'),
  type: STRING,
  defaults: [versioned('0')],
  reader: 'operator',
  requires: { version: FlinkVersion.V1_17, effect: 'ignored' },
  source: 'KubernetesOperatorConfigOptions.PERIODIC_CHECKPOINT_INTERVAL (SnapshotUtils: checkpoint triggering needs Flink 1.17)',
  prop: 'checkpointing.periodicSnapshotInterval',
  format: 'duration (Flink 1.17+)',
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

// ----- Upgrades and health -------------------------------------------------------------------

export const MAX_CHECKPOINT_AGE = option({
  keys: always('kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age'),
  type: DURATION,
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_JOB_UPGRADE_LAST_STATE_CHECKPOINT_MAX_AGE',
});

export const ROLLBACK_ENABLED = option({
  keys: always('kubernetes.operator.deployment.rollback.enabled'),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.DEPLOYMENT_ROLLBACK_ENABLED',
});

export const HEALTH_CHECK_ENABLED = option({
  keys: always('kubernetes.operator.cluster.health-check.enabled'),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_CLUSTER_HEALTH_CHECK_ENABLED',
});

export const JM_DEPLOYMENT_RECOVERY = option({
  keys: always('kubernetes.operator.jm-deployment-recovery.enabled'),
  fallbackKeys: always('kubernetes.operator.reconciler.jm-deployment-recovery.enabled'),
  type: BOOLEAN,
  defaults: [versioned('true')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.OPERATOR_JM_DEPLOYMENT_RECOVERY_ENABLED',
});

// ----- Pod templates ---------------------------------------------------------------------------

export const POD_TEMPLATE_MERGE_BY_NAME = option({
  keys: always('kubernetes.operator.pod-template.merge-arrays-by-name'),
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'operator',
  source: 'KubernetesOperatorConfigOptions.POD_TEMPLATE_MERGE_BY_NAME (FlinkConfigBuilder.applyPodTemplate)',
});

// ----- The job autoscaler ----------------------------------------------------------------------

function autoscalerOption(name: string, type: ValueType<unknown>, constant: string, prop?: string, defaultText?: string,
  extraFallbacks: string[] = []): FlinkOption {
  return {
    keys: always(`job.autoscaler.${name}`),
    fallbackKeys: [`kubernetes.operator.job.autoscaler.${name}`, ...extraFallbacks].map((key) => versioned(key)),
    type,
    defaults: defaultText === undefined ? undefined : [versioned(defaultText)],
    reader: 'operator',
    requires: { version: FlinkVersion.V1_17, effect: 'rejected' },
    source: `AutoScalerOptions.${constant}`,
    prop: prop === undefined ? undefined : `autoscaler.${prop}`,
  };
}

export const AUTOSCALER_ENABLED = autoscalerOption('enabled', BOOLEAN, 'AUTOSCALER_ENABLED', 'enabled', 'false');
export const AUTOSCALER_METRICS_WINDOW = autoscalerOption('metrics.window', DURATION, 'METRICS_WINDOW', 'metricsWindow', '15 min');
export const AUTOSCALER_STABILIZATION = autoscalerOption('stabilization.interval', DURATION, 'STABILIZATION_INTERVAL', 'stabilizationInterval', '5 min');
export const AUTOSCALER_UTILIZATION_TARGET = autoscalerOption('utilization.target', DOUBLE, 'UTILIZATION_TARGET', 'targetUtilization', '0.7', [
  'kubernetes.operator.job.autoscaler.target.utilization', 'job.autoscaler.target.utilization',
]);
export const AUTOSCALER_UTILIZATION_BOUNDARY = autoscalerOption('target.utilization.boundary', DOUBLE, 'TARGET_UTILIZATION_BOUNDARY',
  'targetUtilizationBoundary', '0.3');
export const AUTOSCALER_UTILIZATION_MAX = autoscalerOption('utilization.max', DOUBLE, 'UTILIZATION_MAX');
export const AUTOSCALER_UTILIZATION_MIN = autoscalerOption('utilization.min', DOUBLE, 'UTILIZATION_MIN');
export const AUTOSCALER_SCALE_UP_MAX_FACTOR = autoscalerOption('scale-up.max-factor', DOUBLE, 'MAX_SCALE_UP_FACTOR', 'scaleUpMaxFactor', '100000.0');
export const AUTOSCALER_SCALE_DOWN_MAX_FACTOR = autoscalerOption('scale-down.max-factor', DOUBLE, 'MAX_SCALE_DOWN_FACTOR', 'scaleDownMaxFactor', '0.6');
export const AUTOSCALER_EXCLUDED_PERIODS = autoscalerOption('excluded.periods', STRING_LIST, 'EXCLUDED_PERIODS', 'excludedPeriods');
export const AUTOSCALER_VERTEX_MIN = autoscalerOption('vertex.min-parallelism', INTEGER, 'VERTEX_MIN_PARALLELISM', 'vertexMinParallelism', '1');
export const AUTOSCALER_VERTEX_MAX = autoscalerOption('vertex.max-parallelism', INTEGER, 'VERTEX_MAX_PARALLELISM', 'vertexMaxParallelism', '200');
export const AUTOSCALER_COEFFICIENT_MIN = autoscalerOption('observed-scalability.coefficient-min', DOUBLE,
  'OBSERVED_SCALABILITY_COEFFICIENT_MIN', undefined, '0.5');
