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
   * How far utilization may stray from the target before a rescale (`job.autoscaler.target.utilization.boundary`).
   *
   * @default - the operator's default, 0.3
   */
  readonly targetUtilizationBoundary?: number;

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
