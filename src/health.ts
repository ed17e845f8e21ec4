import { Duration } from 'cdk8s';

/**
 * What the operator does about a failed job.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/job-management/
 */
export interface JobHealthOptions {
  /**
   * Redeploy a job whose status turned FAILED from its latest checkpoint
   * (`kubernetes.operator.job.restart.failed`). Without HA or checkpoints the job restarts from
   * empty state.
   *
   * @default false
   */
  readonly restartFailedJob?: boolean;
}

/**
 * How the operator watches a cluster and recovers it.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/job-management/#restart-of-unhealthy-job-deployments
 */
export interface HealthOptions extends JobHealthOptions {
  /**
   * Restart the cluster when it is unhealthy: too many job restarts within `restartsWindow`, or
   * no completed checkpoint within `checkpointProgressWindow`
   * (`kubernetes.operator.cluster.health-check.enabled`). Needs JobManager deployment recovery;
   * the operator's docs recommend high availability.
   *
   * @default false
   */
  readonly clusterHealthCheck?: boolean;

  /**
   * The window job restarts are counted in (`kubernetes.operator.cluster.health-check.restarts.window`).
   *
   * @default - the operator's default, 2 minutes
   */
  readonly restartsWindow?: Duration;

  /**
   * How many restarts within the window make the cluster unhealthy
   * (`kubernetes.operator.cluster.health-check.restarts.threshold`).
   *
   * @default - the operator's default, 64
   */
  readonly restartsThreshold?: number;

  /**
   * Count a job that completes no checkpoint within `checkpointProgressWindow` as unhealthy
   * (`kubernetes.operator.cluster.health-check.checkpoint-progress.enabled`).
   *
   * @default - the operator's default: true from operator 1.10, false in 1.4 to 1.9
   */
  readonly checkpointProgressCheck?: boolean;

  /**
   * The window a checkpoint must complete in
   * (`kubernetes.operator.cluster.health-check.checkpoint-progress.window`). The operator never
   * uses less than `max(checkpoint interval, checkpoint timeout) x (tolerable failures + 2)`.
   * Set it when the job's code sets its checkpoint interval, which the operator cannot see.
   *
   * @default - that minimum
   */
  readonly checkpointProgressWindow?: Duration;

  /**
   * Recreate a JobManager Deployment that went missing
   * (`kubernetes.operator.jm-deployment-recovery.enabled`). The health check needs it.
   *
   * @default - the operator's default, true
   */
  readonly jobManagerDeploymentRecovery?: boolean;
}
