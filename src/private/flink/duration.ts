/**
 * Values in Flink's configuration syntax.
 */
import { Duration } from 'cdk8s';

/** A duration in Flink's syntax, in the largest whole unit: `30s`, `5min`, `1h`, `250ms`. */
export function flinkDuration(duration: Duration): string {
  const ms = duration.toMilliseconds();
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new Error(`A Flink duration must be a whole number of milliseconds (got ${ms} ms).`);
  }
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1000]] as const) {
    if (ms !== 0 && ms % size === 0) {
      return `${ms / size}${unit}`;
    }
  }
  return `${ms}ms`;
}
