/**
 * Quartz's `CronExpression` parser (`new CronExpression(text)`), ported check by check: what it
 * accepts and the `ParseException` messages it gives. Only whether an expression parses is
 * reproduced; fire times are never computed.
 *
 * Quartz is lenient. It accepts trailing junk after a value (`5X`), `*` followed by anything but
 * `/`, negative or zero `* /n` steps, range steps above the field's maximum (`0-59/100`) and any
 * year. Year values are not range-checked at all: only a `start/step` year whose start is after
 * Quartz's `MAX_YEAR` (current year + 100) fails. The value bounds, `L`, `W`, `#`, `LW`, `L-n`,
 * month and day names, and the rule that exactly one of day-of-month and day-of-week is `?` are
 * enforced as Quartz enforces them.
 *
 * Two parser generations differ on edge cases, and {@link CronValidationOptions.quartz} selects
 * one (the Flink Kubernetes Operator 1.12 pins Quartz 2.4.0; the 1.15 pin is unconfirmed):
 * - `legacy` (2.3.x-2.5.0, the default): rejects `L`/`LW` combined with other days of the month
 *   (`1,L`); ignores fields after the seventh; rejects `?` in day-of-week when day-of-month holds
 *   no value.
 * - `current` (Quartz main): accepts `1,L`, `L-1W,L-1`; rejects more than seven fields.
 */
import {
  ALL_SPEC,
  CronFieldSets,
  DAY_NUMBERS,
  DAY_OF_MONTH,
  DAY_OF_WEEK,
  HOUR,
  LAST_DAY_OFFSET_END,
  LAST_DAY_WITH_OFFSET,
  MAX_LAST_DAY_OFFSET,
  MINUTE,
  MONTH,
  MONTH_NUMBERS,
  NO_SPEC,
  SECOND,
  YEAR,
  charAt,
  isAsciiDigit,
  parseException,
  parseIntStrict,
  runtimeError,
  substring,
} from './cron-fields';
import { JavaException } from '../jvm/java-exception';
import { tryParseJavaInt } from '../jvm/java-numbers';
import { javaTokenize, javaTrim } from '../jvm/java-string';

/** Which generation of Quartz's `CronExpression` parser to mirror (see the module documentation). */
export type QuartzParserGeneration = 'legacy' | 'current';

/** Options for cron validation. */
export interface CronValidationOptions {
  /**
   * The Quartz parser generation to mirror.
   * @default 'legacy'
   */
  readonly quartz?: QuartzParserGeneration;
  /**
   * The year Quartz's `MAX_YEAR` is computed from (`MAX_YEAR = year + 100`). Quartz reads it when the
   * class loads.
   * @default the current year
   */
  readonly currentYear?: number;
}

/** Whether `new org.quartz.CronExpression(expression)` succeeds. */
export function isValidCronExpression(expression: string, options: CronValidationOptions = {}): boolean {
  return quartzCronError(expression, options) === undefined;
}

/**
 * Why Quartz rejects `expression`, or undefined if it accepts it. Quartz's own ParseException messages are
 * reproduced. For Java runtime exceptions the wording is only approximate.
 */
export function quartzCronError(expression: string, options: CronValidationOptions = {}): string | undefined {
  const currentYear = options.currentYear ?? new Date().getFullYear();
  try {
    new QuartzCronParser(options.quartz ?? 'legacy', currentYear + 100).parse(expression);
    return undefined;
  } catch (error) {
    if (error instanceof JavaException && error.javaClass === 'ParseException') {
      return error.message;
    }
    throw error;
  }
}

/**
 * The checks of Quartz's `CronExpression.buildExpression`, value by value. Only the state that can make
 * a later step fail is kept: the day-of-month and day-of-week sets, and the legacy "last day of month"
 * flag. Year sets are never built, because Quartz only reads them when computing fire times.
 */
class QuartzCronParser {
  private readonly fields: CronFieldSets;
  private lastDayOfMonth = false;

  public constructor(private readonly generation: QuartzParserGeneration, maxYear: number) {
    this.fields = new CronFieldSets(maxYear);
  }

  public parse(expression: string): void {
    const upper = expression.toUpperCase();
    const fields = javaTokenize(upper, ' \t');
    if (this.generation === 'current' && fields.length > 7) {
      throw parseException(`Invalid expression has too many terms: ${upper}`);
    }
    let type = SECOND;
    for (const field of fields) {
      if (type > YEAR) {
        break;
      }
      const expr = javaTrim(field);
      if (this.generation === 'legacy' && type === DAY_OF_MONTH && expr.includes('L') && expr.length > 1 && expr.includes(',')) {
        throw parseException('Support for specifying \'L\' and \'LW\' with other days of the month is not implemented');
      }
      if (type === DAY_OF_WEEK && expr.includes('L') && expr.length > 1 && expr.includes(',')) {
        throw parseException('Support for specifying \'L\' with other days of the week is not implemented');
      }
      if (type === DAY_OF_WEEK && expr.indexOf('#') !== expr.lastIndexOf('#')) {
        throw parseException('Support for specifying multiple "nth" days is not implemented.');
      }
      for (const value of javaTokenize(expr, ',')) {
        this.storeValue(value, type);
      }
      type++;
    }
    if (type <= DAY_OF_WEEK) {
      throw parseException('Unexpected end of expression.');
    }
    // A missing year field is stored as '*', which cannot fail.
    const dayOfMonthSpecified = !this.fields.sets[DAY_OF_MONTH].has(NO_SPEC);
    const dayOfWeekSpecified = !this.fields.sets[DAY_OF_WEEK].has(NO_SPEC);
    if (dayOfMonthSpecified === dayOfWeekSpecified) {
      throw parseException('Support for specifying both a day-of-week AND a day-of-month parameter is not implemented.');
    }
  }

  /** `storeExpressionVals(0, s, type)`. Its return value (how much was read) is ignored by the caller, so trailing junk passes. */
  private storeValue(s: string, type: number): void {
    const c = s[0];
    if (c >= 'A' && c <= 'Z' && s !== 'L' && s !== 'LW' && !LAST_DAY_WITH_OFFSET.test(s)) {
      this.storeNamedValue(s, type);
    } else if (c === '?') {
      this.storeNoSpec(s, type);
    } else if (c === '*' || c === '/') {
      this.storeAll(s, type);
    } else if (c === 'L') {
      this.storeLast(s, type);
    } else if (isAsciiDigit(c)) {
      let value = Number(c);
      if (s.length === 1) {
        this.fields.addToSet(value, -1, -1, type);
        return;
      }
      let index = 1;
      if (isAsciiDigit(s[1])) {
        const read = this.getValue(value, s, 1);
        value = read.value;
        index = read.pos;
      }
      this.checkNext(index, s, value, type);
    } else {
      throw parseException(`Unexpected character: ${c}`);
    }
  }

  /** Month names (`JAN`, `JAN-MAR`) and day names (`MON`, `MON-FRI`, `MON#2`, `FRIL`). */
  private storeNamedValue(s: string, type: number): void {
    let name = substring(s, 0, 3);
    let index = 0;
    let start: number;
    let end = -1;
    if (type === MONTH) {
      start = MONTH_NUMBERS.get(name) ?? -1;
      if (start <= 0) {
        throw parseException(`Invalid Month value: '${name}'`);
      }
      if (s.length > 3 && s[3] === '-') {
        index = 4;
        name = substring(s, index, index + 3);
        end = MONTH_NUMBERS.get(name) ?? -1;
        if (end <= 0) {
          throw parseException(`Invalid Month value: '${name}'`);
        }
      }
    } else if (type === DAY_OF_WEEK) {
      start = DAY_NUMBERS.get(name) ?? -1;
      if (start < 0) {
        throw parseException(`Invalid Day-of-Week value: '${name}'`);
      }
      if (s.length > 3 && s[3] === '-') {
        index = 4;
        name = substring(s, index, index + 3);
        end = DAY_NUMBERS.get(name) ?? -1;
        if (end < 0) {
          throw parseException(`Invalid Day-of-Week value: '${name}'`);
        }
      } else if (s.length > 3 && s[3] === '#') {
        this.checkNth(s.slice(4));
      }
    } else {
      throw parseException(`Illegal characters for this position: '${name}'`);
    }
    this.fields.addToSet(start, end, end !== -1 ? 1 : 0, type);
  }

  /** `?`: only in day-of-month or day-of-week, and not in both. */
  private storeNoSpec(s: string, type: number): void {
    if (s.length > 2) {
      throw parseException(`Illegal character after '?': ${s[1]}`);
    }
    if (type !== DAY_OF_WEEK && type !== DAY_OF_MONTH) {
      throw parseException('\'?\' can only be specified for Day-of-Month or Day-of-Week.');
    }
    if (type === DAY_OF_WEEK) {
      const daysOfMonth = this.fields.sets[DAY_OF_MONTH];
      if (this.generation === 'legacy' && !this.lastDayOfMonth && daysOfMonth.size === 0) {
        throw runtimeError('java.util.NoSuchElementException');
      }
      const checkDayOfMonth = this.generation === 'current' || !this.lastDayOfMonth;
      if (checkDayOfMonth && daysOfMonth.size > 0 && Math.max(...daysOfMonth) === NO_SPEC) {
        throw parseException('\'?\' can only be specified for Day-of-Month -OR- Day-of-Week.');
      }
    }
    this.fields.addToSet(NO_SPEC, -1, 0, type);
  }

  /** `*`, `*` + junk, `* /n` and `/n`. */
  private storeAll(s: string, type: number): void {
    if (s[0] === '*' && s.length === 1) {
      this.fields.addToSet(ALL_SPEC, -1, 0, type);
      return;
    }
    if (s[0] === '/' && s.length === 1) {
      throw parseException('\'/\' must be followed by an integer.');
    }
    let index = s[0] === '*' ? 1 : 0;
    let increment = 1;
    if (s[index] === '/') {
      index++;
      if (index >= s.length) {
        throw parseException('Unexpected end of string.');
      }
      // getNumericValue reads to the end of the value (its whitespace search never stops early).
      increment = parseIntStrict(s.slice(index));
      this.checkIncrementRange(increment, type);
    }
    this.fields.addToSet(ALL_SPEC, -1, increment, type);
  }

  /** `L`, `LW`, `L-n`, `L-nW` (day-of-month) and `L` (day-of-week; 7). Other fields accept and ignore it. */
  private storeLast(s: string, type: number): void {
    if (type === DAY_OF_WEEK) {
      this.fields.addToSet(7, 7, 0, type);
    }
    if (type !== DAY_OF_MONTH) {
      return;
    }
    this.lastDayOfMonth = true;
    let index = 1;
    let day = LAST_DAY_OFFSET_END;
    let nearestWeekday = false;
    if (s.length > index && s[index] === '-') {
      const read = this.getValue(0, s, index + 1);
      if (read.value > MAX_LAST_DAY_OFFSET) {
        throw parseException(`Offset from last day must be <= ${MAX_LAST_DAY_OFFSET}`);
      }
      day -= read.value;
      index = read.pos;
    }
    if (s.length > index && s[index] === 'W') {
      nearestWeekday = true;
    }
    if (this.generation === 'current' && !nearestWeekday) {
      this.fields.sets[DAY_OF_MONTH].add(day);
    }
  }

  /** `checkNext`: what may follow a number (`L`, `W`, `#n`, `-end[/step]`, `/step`). */
  private checkNext(pos: number, s: string, value: number, type: number): void {
    if (pos >= s.length) {
      this.fields.addToSet(value, -1, -1, type);
      return;
    }
    const c = s[pos];
    if (c === 'L') {
      if (type !== DAY_OF_WEEK) {
        throw parseException(`'L' option is not valid here. (pos=${pos})`);
      }
      if (value < 1 || value > 7) {
        throw parseException('Day-of-Week values must be between 1 and 7');
      }
      this.fields.sets[type].add(value);
    } else if (c === 'W') {
      if (type !== DAY_OF_MONTH) {
        throw parseException(`'W' option is not valid here. (pos=${pos})`);
      }
      if (value > 31) {
        throw parseException('The \'W\' option does not make sense with values larger than 31 (max number of days in a month)');
      }
      if (this.generation === 'legacy') {
        this.fields.sets[type].add(value);
      }
    } else if (c === '#') {
      if (type !== DAY_OF_WEEK) {
        throw parseException(`'#' option is not valid here. (pos=${pos})`);
      }
      this.checkNth(s.slice(pos + 1));
      this.fields.sets[type].add(value);
    } else if (c === '-') {
      this.storeRange(pos + 1, s, value, type);
    } else if (c === '/') {
      if (pos + 1 >= s.length) {
        throw parseException('\'/\' must be followed by an integer.');
      }
      let increment = parseIntStrict(s[pos + 1]);
      const next = pos + 2;
      if (next < s.length) {
        if (!isAsciiDigit(s[next])) {
          throw parseException(`Unexpected character '${s[next]}' after '/'`);
        }
        increment = this.getValue(increment, s, next).value;
      }
      this.checkIncrementRange(increment, type);
      this.fields.addToSet(value, -1, increment, type);
    } else {
      this.fields.addToSet(value, -1, 0, type);
    }
  }

  /** The `-end[/step]` branch of `checkNext`. Unlike `/step` alone, a range step is not range-checked. */
  private storeRange(pos: number, s: string, start: number, type: number): void {
    let end = parseIntStrict(charAt(s, pos));
    let index = pos + 1;
    if (index >= s.length) {
      this.fields.addToSet(start, end, 1, type);
      return;
    }
    if (isAsciiDigit(s[index])) {
      const read = this.getValue(end, s, index);
      end = read.value;
      index = read.pos;
    }
    if (index >= s.length || s[index] !== '/') {
      this.fields.addToSet(start, end, 1, type);
      return;
    }
    index++;
    let increment = parseIntStrict(charAt(s, index));
    index++;
    if (index < s.length && isAsciiDigit(s[index])) {
      increment = this.getValue(increment, s, index).value;
    }
    this.fields.addToSet(start, end, increment, type);
  }

  /** The number after `#` must parse as an int from 1 to 5. */
  private checkNth(text: string): void {
    const nth = tryParseJavaInt(text);
    if (nth === undefined || nth < 1 || nth > 5) {
      throw parseException('A numeric value between 1 and 5 must follow the \'#\' option');
    }
  }

  /** `getValue`: `v` followed by the ASCII digits at `i`. `pos` is one past the end when the digits end the value (Quartz's quirk). */
  private getValue(v: number, s: string, i: number): { value: number; pos: number } {
    let index = i;
    let digits = String(v);
    let c = charAt(s, index);
    while (isAsciiDigit(c)) {
      digits += c;
      index++;
      if (index >= s.length) {
        break;
      }
      c = s[index];
    }
    return { value: parseIntStrict(digits), pos: index < s.length ? index : index + 1 };
  }

  private checkIncrementRange(increment: number, type: number): void {
    const limits: Array<[number, number, string]> = [
      [SECOND, 59, '60'], [MINUTE, 59, '60'], [HOUR, 23, '24'], [DAY_OF_MONTH, 31, '31'], [DAY_OF_WEEK, 7, '7'], [MONTH, 12, '12'],
    ];
    for (const [field, max, label] of limits) {
      if (type === field && increment > max) {
        throw parseException(`Increment > ${label} : ${increment}`);
      }
    }
  }
}
