import { Duration } from 'cdk8s';
import { FlinkVersion } from './flink-version';
import { flinkDuration } from './private/flink/duration';
import * as F from './private/options/flink-options';
import { FlinkOption } from './private/options/option';
import { writtenKey } from './private/options/written-key';
import { argumentError } from './props/prop-errors';

/**
 * Options of the fixed-delay restart strategy.
 */
export interface FixedDelayRestartOptions {
  /**
   * How many restarts before the job fails.
   */
  readonly attempts: number;

  /**
   * The wait before each restart.
   *
   * @default - Flink's default, 1 second
   */
  readonly delay?: Duration;
}

/**
 * Options of the exponential-delay restart strategy.
 */
export interface ExponentialDelayRestartOptions {
  /**
   * The first wait. @default - Flink's default, 1 second
   */
  readonly initialBackoff?: Duration;
  /**
   * The longest wait. @default - Flink's default (1 minute from Flink 1.19, 5 minutes before)
   */
  readonly maxBackoff?: Duration;
  /**
   * Each wait is the previous one times this. @default - Flink's default (1.5 from Flink 1.19, 2.0 before)
   */
  readonly backoffMultiplier?: number;
  /**
   * After this long without failure, the wait starts over. @default - Flink's default, 1 hour
   */
  readonly resetBackoffThreshold?: Duration;
  /**
   * Random spread of each wait, from 0 to 1. @default - Flink's default, 0.1
   */
  readonly jitterFactor?: number;
  /**
   * Restarts before the job fails, until the wait starts over (Flink 1.19+). @default - unlimited
   */
  readonly attemptsBeforeResetBackoff?: number;
}

/**
 * Options of the failure-rate restart strategy.
 */
export interface FailureRateRestartOptions {
  /**
   * Failures allowed per interval before the job fails.
   */
  readonly maxFailuresPerInterval: number;
  /**
   * The interval the failures are counted in. @default - Flink's default, 1 minute
   */
  readonly failureRateInterval?: Duration;
  /**
   * The wait before each restart. @default - Flink's default, 1 second
   */
  readonly delay?: Duration;
}

/**
 * The restart strategies Flink offers (`restart-strategy.type`).
 */
export enum RestartStrategyType {
  /** Never restart. */
  NONE = 'none',
  /** A fixed number of restarts with a fixed delay. */
  FIXED_DELAY = 'fixed-delay',
  /** Restarts with exponentially growing delays. */
  EXPONENTIAL_DELAY = 'exponential-delay',
  /** Restarts while failures stay below a rate. */
  FAILURE_RATE = 'failure-rate',
}

/**
 * How Flink restarts a job after a task failure.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/task_failure_recovery/
 */
export class RestartStrategy {
  /** Never restart: the job fails on the first task failure. */
  public static none(): RestartStrategy {
    return new RestartStrategy(RestartStrategyType.NONE, []);
  }

  /** Restart a fixed number of times, with a fixed delay. */
  public static fixedDelay(options: FixedDelayRestartOptions): RestartStrategy {
    requireCount('RestartStrategy.fixedDelay', 'attempts', options.attempts, 0);
    return new RestartStrategy(RestartStrategyType.FIXED_DELAY, [
      [F.FIXED_DELAY_ATTEMPTS, String(options.attempts)],
      [F.FIXED_DELAY_DELAY, options.delay],
    ]);
  }

  /** Restart with waits that grow exponentially (Flink's default with checkpointing from 1.19). */
  public static exponentialDelay(options: ExponentialDelayRestartOptions = {}): RestartStrategy {
    if (options.backoffMultiplier !== undefined && !(options.backoffMultiplier >= 1)) {
      throw argumentError('RestartStrategy.exponentialDelay', 'backoffMultiplier', `'backoffMultiplier' must be at least 1 (got ${options.backoffMultiplier}).`);
    }
    if (options.jitterFactor !== undefined && !(options.jitterFactor >= 0 && options.jitterFactor <= 1)) {
      throw argumentError('RestartStrategy.exponentialDelay', 'jitterFactor', `'jitterFactor' must be from 0 to 1 (got ${options.jitterFactor}).`);
    }
    requireCount('RestartStrategy.exponentialDelay', 'attemptsBeforeResetBackoff', options.attemptsBeforeResetBackoff, 1);
    return new RestartStrategy(RestartStrategyType.EXPONENTIAL_DELAY, [
      [F.EXPONENTIAL_INITIAL_BACKOFF, options.initialBackoff],
      [F.EXPONENTIAL_MAX_BACKOFF, options.maxBackoff],
      [F.EXPONENTIAL_MULTIPLIER, options.backoffMultiplier === undefined ? undefined : String(options.backoffMultiplier)],
      [F.EXPONENTIAL_RESET_THRESHOLD, options.resetBackoffThreshold],
      [F.EXPONENTIAL_JITTER, options.jitterFactor === undefined ? undefined : String(options.jitterFactor)],
      [F.EXPONENTIAL_ATTEMPTS, options.attemptsBeforeResetBackoff === undefined ? undefined : String(options.attemptsBeforeResetBackoff)],
    ]);
  }

  /** Restart as long as failures stay below a rate. */
  public static failureRate(options: FailureRateRestartOptions): RestartStrategy {
    requireCount('RestartStrategy.failureRate', 'maxFailuresPerInterval', options.maxFailuresPerInterval, 1);
    return new RestartStrategy(RestartStrategyType.FAILURE_RATE, [
      [F.FAILURE_RATE_MAX, String(options.maxFailuresPerInterval)],
      [F.FAILURE_RATE_INTERVAL, options.failureRateInterval],
      [F.FAILURE_RATE_DELAY, options.delay],
    ]);
  }

  private constructor(
    /** The strategy. */
    public readonly type: RestartStrategyType,
    private readonly parameters: Array<[FlinkOption, string | Duration | undefined]>,
  ) {}

  /**
   * The configuration entries for a Flink version.
   * @internal
   */
  public _entries(version: FlinkVersion): Array<[string, string]> {
    const entries: Array<[string, string]> = [[writtenKey(F.RESTART_STRATEGY, version), this.type]];
    for (const [option, value] of this.parameters) {
      if (value !== undefined) {
        entries.push([writtenKey(option, version), typeof value === 'string' ? value : flinkDuration(value)]);
      }
    }
    return entries;
  }
}

function requireCount(method: string, name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    throw argumentError(method, name, `'${name}' must be a whole number of at least ${min} (got ${value}).`);
  }
}
