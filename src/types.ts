/**
 * How the operator upgrades a running job when its spec changes.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/job-management/#stateful-and-stateless-application-upgrades
 */
export enum UpgradeMode {
  /** Stop without keeping state and start from empty state (the operator's default). */
  STATELESS = 'stateless',
  /** Take a savepoint, stop, and restore from it. */
  SAVEPOINT = 'savepoint',
  /** Restore from the latest checkpoint known to the HA metadata; works even if the job is unhealthy. */
  LAST_STATE = 'last-state',
}

/**
 * The desired state of a job.
 */
export enum JobState {
  /** The job runs (the operator's default). */
  RUNNING = 'running',
  /** The job is stopped; with a stateful upgrade mode its state is kept for a later resume. */
  SUSPENDED = 'suspended',
}

/**
 * How the operator deploys a Flink cluster.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/overview/
 */
export enum DeploymentMode {
  /** Flink's native Kubernetes integration: the JobManager creates TaskManager pods (the operator's default). */
  NATIVE = 'native',
  /** The operator creates JobManager and TaskManager deployments itself. */
  STANDALONE = 'standalone',
}
