/**
 * Durations in Flink's configuration syntax (`TimeUtils`): parsing, and writing a cdk8s
 * `Duration` in the largest whole unit.
 */
import { Duration } from 'cdk8s';

const DURATION_UNITS: ReadonlyArray<[ReadonlyArray<string>, number]> = [
  [['ns', 'nano', 'nanos', 'nanosecond', 'nanoseconds'], 1e-6],
  [['us', 'µs', 'micro', 'micros', 'microsecond', 'microseconds'], 1e-3],
  [['ms', 'milli', 'millis', 'millisecond', 'milliseconds'], 1],
  [['s', 'sec', 'secs', 'second', 'seconds'], 1000],
  [['min', 'm', 'minute', 'minutes'], 60_000],
  [['h', 'hour', 'hours'], 3_600_000],
  [['d', 'day', 'days'], 86_400_000],
];

/**
 * Flink's duration syntax (`TimeUtils.parseDuration`): a whole number followed by an optional
 * unit; no unit means milliseconds. Returns milliseconds, or undefined when Flink would refuse
 * the text.
 */
export function parseFlinkDuration(text: string): number | undefined {
  const match = /^(\d+)\s*([a-zA-Zµ]*)$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const unit = match[2].toLowerCase();
  if (unit === '') {
    return Number(match[1]);
  }
  const entry = DURATION_UNITS.find(([names]) => names.includes(unit));
  return entry === undefined ? undefined : Number(match[1]) * entry[1];
}

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
