/**
 * Quartz's `DailyCalendar(String, String)`: the daily time ranges `H:M[:S[:ms]]-H:M[:S[:ms]]` it
 * accepts.
 *
 * Java `split("-")` must give exactly two pieces (so `09:00-10:00-` is fine). Each piece is
 * tokenised on `:` with empty tokens skipped (so `09::00` is `09:00`). It needs 2-4 fields, each
 * parsed with `Integer.parseInt` (`+9` is allowed, spaces are not). The ranges are hour 0-23,
 * minute 0-59, second 0-59, milliseconds 0-999, and start must be strictly before end.
 *
 * Not matched: `DailyCalendar` compares the two times on today's date in the JVM time zone, so on a
 * daylight-saving change day a range inside the skipped hour can flip. Here the times are compared
 * as plain times of day.
 */
import { tryParseJavaInt } from '../jvm/java-numbers';
import { javaSplit, javaTokenize } from '../jvm/java-string';

/** Whether `expression` is a daily time range that `DailyCalendar` accepts. It is not stripped first. */
export function isValidDailyExpression(expression: string): boolean {
  const pieces = javaSplit(expression, '-');
  if (pieces.length !== 2) {
    return false;
  }
  const start = parseTimeOfDay(pieces[0]);
  const end = parseTimeOfDay(pieces[1]);
  return start !== undefined && end !== undefined && start < end;
}

/** One side of a daily range, as milliseconds of the day, or undefined where `DailyCalendar` throws. */
function parseTimeOfDay(text: string): number | undefined {
  const fields = javaTokenize(text, ':');
  if (fields.length < 2 || fields.length > 4) {
    return undefined;
  }
  const values = fields.map(tryParseJavaInt);
  const [hour, minute, second = 0, millis = 0] = values;
  if (values.includes(undefined) || hour === undefined || minute === undefined) {
    return undefined;
  }
  const inRange = (value: number, max: number) => value >= 0 && value <= max;
  if (!inRange(hour, 23) || !inRange(minute, 59) || !inRange(second, 59) || !inRange(millis, 999)) {
    return undefined;
  }
  return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}
