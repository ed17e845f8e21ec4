/**
 * The options of a FlinkBlueGreenDeployment's own `spec.configuration`, which the operator's
 * blue/green controller reads (not a `flinkConfiguration`: a FlinkDeployment's configuration
 * does not read them, so the rules that check `flinkConfiguration` keys leave them out).
 *
 * Source: `FlinkBlueGreenDeploymentConfigOptions` (flink-kubernetes-operator-api), operator 1.15.
 */
import { option, versioned } from './option';
import { DURATION } from './value-type';

const always = (key: string) => [versioned(key)];

export const BLUE_GREEN_ABORT_GRACE_PERIOD = option({
  keys: always('kubernetes.operator.bluegreen.abort.grace-period'),
  type: DURATION,
  defaults: [versioned('10 min')],
  reader: 'operator',
  source: 'FlinkBlueGreenDeploymentConfigOptions.ABORT_GRACE_PERIOD',
  prop: 'blueGreen.abortGracePeriod',
});

export const BLUE_GREEN_DELETION_DELAY = option({
  keys: always('kubernetes.operator.bluegreen.deployment-deletion.delay'),
  type: DURATION,
  defaults: [versioned('0 ms')],
  reader: 'operator',
  source: 'FlinkBlueGreenDeploymentConfigOptions.DEPLOYMENT_DELETION_DELAY',
  prop: 'blueGreen.deploymentDeletionDelay',
});

export const BLUE_GREEN_RESCHEDULE_INTERVAL = option({
  keys: always('kubernetes.operator.bluegreen.reconciliation.reschedule-interval'),
  type: DURATION,
  defaults: [versioned('15 s')],
  reader: 'operator',
  source: 'FlinkBlueGreenDeploymentConfigOptions.RECONCILIATION_RESCHEDULING_INTERVAL',
  prop: 'blueGreen.reconciliationRescheduleInterval',
});
