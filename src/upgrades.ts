import { Duration } from 'cdk8s';

/**
 * How the operator upgrades a job, for application clusters and session jobs.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/job-management/
 */
export interface JobUpgradeOptions {
  /**
   * With `UpgradeMode.SAVEPOINT`, upgrade from the last checkpoint when no savepoint can be
   * taken because the job is not running, as long as HA metadata is there
   * (`kubernetes.operator.job.upgrade.last-state-fallback.enabled`).
   *
   * @default true
   */
  readonly lastStateFallback?: boolean;

  /**
   * The oldest checkpoint a last-state upgrade of a running job may restore from; with an older
   * one the operator takes a savepoint first
   * (`kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age`; operator 1.5+).
   * Needs `savepoints.directory`.
   *
   * @default - no limit
   */
  readonly maxCheckpointAge?: Duration;
}

/**
 * How the operator upgrades an application cluster: the job options plus rollback of failed
 * upgrades.
 */
export interface UpgradeOptions extends JobUpgradeOptions {
  /**
   * Roll back to the last stable spec when an upgrade does not become ready within
   * `readinessTimeout` (`kubernetes.operator.deployment.rollback.enabled`; experimental in the
   * operator). Needs high availability.
   *
   * @default false
   */
  readonly rollback?: boolean;

  /**
   * How long an upgraded deployment may take to become ready before it counts as failed
   * (`kubernetes.operator.deployment.readiness.timeout`).
   *
   * @default - the operator's default, 5 minutes
   */
  readonly readinessTimeout?: Duration;
}
