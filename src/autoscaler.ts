import { Duration } from 'cdk8s';

/**
 * The operator's job autoscaler (`job.autoscaler.*`), which sets each vertex's parallelism
 * from its measured load.
 *
 * It needs Flink 1.17 or newer. Without in-place scaling, every rescale is a job upgrade with
 * the job's upgrade mode; in-place scaling (Flink 1.18+, adaptive scheduler) rescales without
 * a restart.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/autoscaler/
 */
export interface AutoscalerOptions {
  /**
   * Whether the autoscaler runs (`job.autoscaler.enabled`).
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * How much metric history each decision looks at (`job.autoscaler.metrics.window`).
   *
   * @default - the operator's default, 15 minutes
   */
  readonly metricsWindow?: Duration;

  /**
   * How long after a rescale no further rescale happens (`job.autoscaler.stabilization.interval`).
   *
   * @default - the operator's default, 5 minutes
   */
  readonly stabilizationInterval?: Duration;

  /**
   * The busy-time share each vertex should run at, from 0 to 1 (`job.autoscaler.utilization.target`).
   *
   * @default - the operator's default, 0.7
   */
  readonly targetUtilization?: number;

  /**
   * Scale up a vertex whose utilization is above this, from the target to 1
   * (`job.autoscaler.utilization.max`; operator 1.11+).
   *
   * @default - the target plus 0.3, at most 1
   */
  readonly utilizationMax?: number;

  /**
   * Scale down a vertex whose utilization is below this, from 0 to the target
   * (`job.autoscaler.utilization.min`; operator 1.11+).
   *
   * @default - the target minus 0.3, at least 0
   */
  readonly utilizationMin?: number;

  /**
   * Apply the parallelism the autoscaler computes (`job.autoscaler.scaling.enabled`); `false`
   * only collects metrics and reports recommendations.
   *
   * @default - the operator's default, true
   */
  readonly scalingEnabled?: boolean;

  /**
   * How long a scale-down waits, so that several merge into one restart
   * (`job.autoscaler.scale-down.interval`; operator 1.10+). Zero scales down at once.
   *
   * @default - the operator's default, 1 hour
   */
  readonly scaleDownInterval?: Duration;

  /**
   * The time a rescaled job should take to work off its backlog
   * (`job.autoscaler.catch-up.duration`). Zero turns off backlog-based scaling.
   *
   * @default - the operator's default, 30 minutes
   */
  readonly catchUpDuration?: Duration;

  /**
   * The restart time the autoscaler assumes for a rescale (`job.autoscaler.restart.time`).
   *
   * @default - the operator's default, 5 minutes
   */
  readonly restartTime?: Duration;

  /**
   * Use the restart times it observed instead of `restartTime`
   * (`job.autoscaler.restart.time-tracking.enabled`; operator 1.8+).
   *
   * @default - the operator's default, false
   */
  readonly restartTimeTracking?: boolean;

  /**
   * TaskManager memory tuning from observed usage (`job.autoscaler.memory.tuning.*`; operator 1.8+).
   *
   * @default - off
   */
  readonly memoryTuning?: AutoscalerMemoryTuningOptions;

  /**
   * The largest factor one scale-up may multiply a parallelism by (`job.autoscaler.scale-up.max-factor`).
   *
   * @default - the operator's default, 100000
   */
  readonly scaleUpMaxFactor?: number;

  /**
   * The largest share one scale-down may remove, from 0 to 1 (`job.autoscaler.scale-down.max-factor`).
   *
   * @default - the operator's default, 0.6
   */
  readonly scaleDownMaxFactor?: number;

  /**
   * Periods without rescaling (`job.autoscaler.excluded.periods`): daily ranges such as
   * `09:00-17:00` (start before end, no wrap-around past midnight), or Quartz cron expressions
   * such as `* * 9-17 ? * MON-FRI`; one of each may be joined with `&&`.
   *
   * @default - none
   */
  readonly excludedPeriods?: string[];

  /**
   * The least parallelism of any vertex (`job.autoscaler.vertex.min-parallelism`).
   *
   * @default - the operator's default, 1
   */
  readonly vertexMinParallelism?: number;

  /**
   * The most parallelism of any vertex (`job.autoscaler.vertex.max-parallelism`).
   *
   * @default - the operator's default, 200
   */
  readonly vertexMaxParallelism?: number;

  /**
   * Rescale in place, without restarting the job: sets `jobmanager.scheduler: adaptive`, and
   * needs Flink 1.18 or newer.
   *
   * @default false
   */
  readonly inPlaceScaling?: boolean;
}

/**
 * The autoscaler's TaskManager memory tuning: it resizes the memory components from what the
 * job uses, never above the configured memory.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/autotuning/
 */
export interface AutoscalerMemoryTuningOptions {
  /**
   * Whether memory tuning runs (`job.autoscaler.memory.tuning.enabled`).
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Spare memory added to each decision, from 0 to 1 (`job.autoscaler.memory.tuning.overhead`).
   *
   * @default - the operator's default, 0.2
   */
  readonly overhead?: number;

  /**
   * Give the memory saved on heap, network and metaspace to managed memory, e.g. for RocksDB
   * (`job.autoscaler.memory.tuning.maximize-managed-memory`).
   *
   * @default - the operator's default, false
   */
  readonly maximizeManagedMemory?: boolean;
}
