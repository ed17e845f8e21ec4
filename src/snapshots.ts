import { Duration } from 'cdk8s';
import { flinkDuration } from './private/flink/duration';
import { onFirstUse } from './private/on-first-use';
import type * as Quartz from './private/quartz/cron-expression';
import { argumentError } from './props/prop-errors';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const quartz = onFirstUse(() => require('./private/quartz/cron-expression') as typeof Quartz);

/**
 * When the operator takes a periodic savepoint or checkpoint: every fixed interval, or on a
 * Quartz cron schedule (operator 1.7+).
 *
 * The operator checks the schedule in its reconcile loop, so a snapshot fires at the first
 * reconciliation after it is due, not on the second.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/snapshots/
 */
export class Schedule {
  /**
   * A snapshot every `interval`, counted from the last one.
   *
   * @param interval a whole number of milliseconds, more than zero (the operator never triggers
   * on a zero interval)
   */
  public static every(interval: Duration): Schedule {
    const ms = interval.toMilliseconds();
    if (!(Number.isSafeInteger(ms) && ms > 0)) {
      throw argumentError('Schedule.every', 'interval', `'interval' must be a positive whole number of milliseconds (got ${ms} ms). Use e.g. Duration.hours(6).`);
    }
    return new Schedule(flinkDuration(interval), `every ${flinkDuration(interval)}`);
  }

  /**
   * A snapshot on a Quartz cron schedule, e.g. `0 0 2 * * ?` (every day at 02:00, in the
   * operator's time zone).
   *
   * Quartz fields are `second minute hour day-of-month month day-of-week [year]`, and one of
   * day-of-month and day-of-week must be `?`: `0 0 0/6 * * ?` is valid, the Unix-style
   * `0 0 0/6 * * *` is not.
   *
   * @param expression a Quartz cron expression with 6 or 7 fields
   */
  public static cron(expression: string): Schedule {
    const trimmed = expression.trim();
    const problem = trimmed === '' ? 'it is empty' : quartz().quartzCronError(trimmed);
    if (problem !== undefined) {
      throw argumentError('Schedule.cron', 'expression', `'${expression}' is not a Quartz cron expression (${problem}). Use 6 or 7 fields with '?' in day-of-month or day-of-week, e.g. '0 0 2 * * ?'.`);
    }
    return new Schedule(trimmed, `cron '${trimmed}'`);
  }

  private constructor(
    /** The value the operator reads: a Flink duration or a cron expression. */
    public readonly expression: string,
    /** Words for messages, e.g. `every 6h`. */
    public readonly description: string,
  ) {}
}

/**
 * Snapshots the operator takes and keeps for a job: periodic savepoints and checkpoints, a
 * savepoint when the resource is deleted, and what happens to savepoint data when its
 * FlinkStateSnapshot resource goes.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/snapshots/
 */
export interface SnapshotOptions {
  /**
   * Periodic savepoints (`kubernetes.operator.periodic.savepoint.interval`). Needs
   * `savepoints.directory`.
   *
   * @default - no periodic savepoints
   */
  readonly periodicSavepoints?: Schedule;

  /**
   * Periodic checkpoints the operator triggers and records as FlinkStateSnapshot resources
   * (`kubernetes.operator.periodic.checkpoint.interval`; Flink 1.17+). They complement Flink's
   * own `checkpointing.interval`, e.g. a full checkpoint now and then to consolidate
   * incremental ones.
   *
   * @default - no periodic checkpoints
   */
  readonly periodicCheckpoints?: Schedule;

  /**
   * Take a savepoint when the FlinkDeployment or FlinkSessionJob is deleted
   * (`kubernetes.operator.job.savepoint-on-deletion`; operator 1.6+). Needs
   * `savepoints.directory`.
   *
   * @default false
   */
  readonly savepointOnDeletion?: boolean;

  /**
   * Dispose of the savepoint data when the FlinkStateSnapshot resource of an upgrade or periodic
   * savepoint is deleted, e.g. by the history cleanup
   * (`kubernetes.operator.savepoint.dispose-on-delete`; operator 1.10+).
   *
   * @default false
   */
  readonly disposeOnDelete?: boolean;

  /**
   * Record snapshots as FlinkStateSnapshot resources (`kubernetes.operator.snapshot.resource.enabled`;
   * operator 1.10+); `false` keeps them in the deprecated status fields of the job.
   *
   * @default true
   */
  readonly asResources?: boolean;
}
