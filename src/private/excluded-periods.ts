/**
 * Validation of the autoscaler option `job.autoscaler.excluded.periods`, as the Flink Kubernetes Operator's
 * `AutoscalerValidator` does it: `CalendarUtils.validateExcludedPeriods`, with Quartz's `DailyCalendar`
 * and `CronCalendar` deciding whether a part is valid.
 *
 * What is matched:
 *
 * - List splitting (Flink `StructuredOptionsSplitter.splitEscaped(value, ';')`). Elements are separated
 *   by `;`. Whitespace around an unquoted element is trimmed. An element can be quoted with `'` or `"`
 *   (a doubled quote escapes itself). Two adjacent `;` give an empty element. A leading or trailing `;`
 *   gives nothing. Bad quoting throws, as Flink does. In the operator that exception escapes, so the
 *   webhook fails with an internal error rather than a validation message.
 * - Each element is split with Java `String.split("&&")`. Trailing empty pieces are dropped, so `a&&` is
 *   one piece and `&&` is none, which is valid. More than two pieces is an error. Each piece is
 *   `String.strip()`ped and is valid if it is a daily expression or a Quartz cron expression. With two
 *   pieces, at least one daily and at least one cron expression must be present.
 * - Daily expressions (`DailyCalendar(String, String)`): Java `split("-")` must give exactly two pieces
 *   (so `09:00-10:00-` is fine). Each piece is tokenised on `:` with empty tokens skipped (so `09::00` is
 *   `09:00`). It needs 2-4 fields, each parsed with `Integer.parseInt` (`+9` is allowed, spaces are not).
 *   The ranges are hour 0-23, minute 0-59, second 0-59, milliseconds 0-999, and start must be strictly
 *   before end.
 * - Cron expressions (`new CronExpression(text)`): a field-by-field port of Quartz's parser, which is
 *   lenient. It accepts trailing junk after a value (`5X`), `*` followed by anything but `/`, negative
 *   or zero `* /n` steps, range steps above the field's maximum (`0-59/100`) and any year. Year values are
 *   not range-checked at all: the documented 1970-2099 range is not enforced. Only a `start/step` year
 *   whose start is after Quartz's `MAX_YEAR` (current year + 100) fails. The value bounds, `L`, `W`, `#`,
 *   `LW`, `L-n`, month and day names, and the rule that exactly one of day-of-month and day-of-week is
 *   `?` are all enforced as Quartz enforces them. Any exception Quartz would throw makes the piece
 *   invalid, as the operator catches all of them.
 *
 * Quartz version. Operator 1.12 pins Quartz 2.4.0. The 1.15 pin is unconfirmed. Two parser generations
 * differ on edge cases, and {@link CronValidationOptions.quartz} selects one:
 * - `legacy` (2.3.x-2.5.0, the default): rejects `L`/`LW` combined with other days of the month (`1,L`);
 *   ignores fields after the seventh; rejects `?` in day-of-week when day-of-month holds no value.
 * - `current` (Quartz main): accepts `1,L`, `L-1W,L-1`; rejects more than seven fields.
 *
 * Not matched: the DST behaviour of `DailyCalendar`. It compares the two times on today's date in the
 * JVM time zone, so on a daylight-saving change day a range inside the skipped hour can flip. Here the
 * times are compared as plain times of day.
 */
import { javaParseInt } from './kubernetes-quantity';
import { javaTrim } from './memory-size';

/** The option's main key, which the operator's messages print. */
export const EXCLUDED_PERIODS_KEY = 'job.autoscaler.excluded.periods';

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

/**
 * The operator's message for the first invalid expression in `value` (the raw option value, a `;`-separated
 * Flink list), or undefined if every expression is valid.
 *
 * @throws Error when the list itself cannot be split (bad quoting). The operator fails with an internal error there.
 */
export function excludedPeriodsError(value: string, options: CronValidationOptions = {}): string | undefined {
  for (const expression of splitFlinkList(value)) {
    const error = excludedExpressionError(expression, options);
    if (error !== undefined) {
      return error;
    }
  }
  return undefined;
}

/** The operator's message for one list element (`CalendarUtils.validateExcludedExpression`), or undefined if it is valid. */
export function excludedExpressionError(expression: string, options: CronValidationOptions = {}): string | undefined {
  const prefix = `Invalid value ${expression} in the autoscaler config ${EXCLUDED_PERIODS_KEY}`;
  const parts = javaSplit(expression, '&&');
  if (parts.length > 2) {
    return prefix;
  }
  let sawDaily = false;
  let sawCron = false;
  for (const rawPart of parts) {
    const part = javaStrip(rawPart);
    const daily = isValidDailyExpression(part);
    const cron = isValidCronExpression(part, options);
    sawDaily = sawDaily || daily;
    sawCron = sawCron || cron;
    if (!daily && !cron) {
      return `${prefix}, the value is neither a valid daily expression nor a valid cron expression`;
    }
  }
  if (parts.length === 2 && (!sawDaily || !sawCron)) {
    return `${prefix}, the value can not be configured as dailyExpression && dailyExpression or cronExpression && cronExpression`;
  }
  return undefined;
}

/**
 * Whether `expression` is a daily time range `H:M[:S[:ms]]-H:M[:S[:ms]]` that Quartz's `DailyCalendar`
 * accepts (the operator's `interpretAsDaily`). The operator strips the piece first; this function does not.
 */
export function isValidDailyExpression(expression: string): boolean {
  const pieces = javaSplit(expression, '-');
  if (pieces.length !== 2) {
    return false;
  }
  const start = parseTimeOfDay(pieces[0]);
  const end = parseTimeOfDay(pieces[1]);
  return start !== undefined && end !== undefined && start < end;
}

/** Whether `new org.quartz.CronExpression(expression)` succeeds (the operator's `interpretAsCron`). */
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
    if (error instanceof CronParseError) {
      return error.message;
    }
    throw error;
  }
}

/**
 * Flink's `StructuredOptionsSplitter.splitEscaped(value, ';')`: how a `List<String>` option is read
 * from its string form.
 *
 * @throws Error with Flink's message on bad quoting
 */
export function splitFlinkList(value: string): string[] {
  const tokens: ListToken[] = [];
  let cursor = 0;
  while (cursor < value.length) {
    const character = value[cursor];
    if (character === '\'' || character === '"') {
      const quoted = readQuoted(value, cursor);
      tokens.push({ kind: 'quoted', text: quoted.text, position: cursor });
      cursor = quoted.next;
    } else if (character === ';') {
      tokens.push({ kind: 'delimiter', text: ';', position: cursor });
      cursor++;
    } else if (!isJavaWhitespace(character)) {
      const delimiterIndex = value.indexOf(';', cursor);
      const end = delimiterIndex < 0 ? value.length : delimiterIndex;
      tokens.push({ kind: 'unquoted', text: javaTrim(value.slice(cursor, end)), position: cursor });
      cursor = end;
    } else {
      cursor++;
    }
  }

  const elements: string[] = [];
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    if (token.kind === 'quoted' && next !== undefined && next.kind !== 'delimiter') {
      throw new Error(`Could not split string. Illegal quoting at position: ${next.position - 1}`);
    }
    if (token.kind !== 'delimiter') {
      elements.push(token.text);
    } else if (next !== undefined && next.kind === 'delimiter') {
      elements.push('');
    }
  });
  return elements;
}

interface ListToken {
  readonly kind: 'quoted' | 'unquoted' | 'delimiter';
  readonly text: string;
  readonly position: number;
}

function readQuoted(value: string, start: number): { text: string; next: number } {
  const quote = value[start];
  let text = '';
  for (let index = start + 1; index < value.length; index++) {
    if (value[index] !== quote) {
      text += value[index];
    } else if (value[index + 1] === quote) {
      text += quote;
      index++;
    } else {
      return { text, next: index + 1 };
    }
  }
  throw new Error('Could not split string. Quoting was not closed properly.');
}

/** Java `Character.isWhitespace(char)`: Unicode space separators except no-break spaces, plus the ASCII/C0 separators. */
const JAVA_WHITESPACE = '[\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]';
const JAVA_WHITESPACE_CHARACTER = new RegExp(`^${JAVA_WHITESPACE}$`);
const JAVA_STRIP = new RegExp(`^${JAVA_WHITESPACE}+|${JAVA_WHITESPACE}+$`, 'g');

function isJavaWhitespace(character: string): boolean {
  return JAVA_WHITESPACE_CHARACTER.test(character);
}

/** Java `String.strip()`. */
function javaStrip(text: string): string {
  return text.replace(JAVA_STRIP, '');
}

/**
 * Java `String.split(separator)` for a separator with no regex meta-characters. It keeps a leading empty
 * piece, drops trailing empty pieces, and returns the input itself when the separator does not occur.
 */
function javaSplit(text: string, separator: string): string[] {
  const pieces = text.split(separator);
  if (pieces.length === 1) {
    return pieces;
  }
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') {
    pieces.pop();
  }
  return pieces;
}

/** `java.util.StringTokenizer` with the given delimiter characters: non-empty runs of other characters. */
function tokenize(text: string, delimiters: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const unit of text.split('')) {
    if (delimiters.includes(unit)) {
      if (current !== '') {
        tokens.push(current);
      }
      current = '';
    } else {
      current += unit;
    }
  }
  if (current !== '') {
    tokens.push(current);
  }
  return tokens;
}

/** One side of a daily range, as milliseconds of the day, or undefined where `DailyCalendar` throws. */
function parseTimeOfDay(text: string): number | undefined {
  const fields = tokenize(text, ':');
  if (fields.length < 2 || fields.length > 4) {
    return undefined;
  }
  const values = fields.map(javaParseInt);
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

// Quartz field indexes and markers (CronExpression's constants).
const SECOND = 0;
const MINUTE = 1;
const HOUR = 2;
const DAY_OF_MONTH = 3;
const MONTH = 4;
const DAY_OF_WEEK = 5;
const YEAR = 6;
const ALL_SPEC = 99;
const NO_SPEC = 98;
const MAX_LAST_DAY_OFFSET = 30;
const LAST_DAY_OFFSET_END = 62;

const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'].map((name, index) => [name, index + 1]),
);
const DAY_NUMBERS: ReadonlyMap<string, number> = new Map(
  ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'].map((name, index) => [name, index + 1]),
);
const LAST_DAY_WITH_OFFSET = /^L-[0-9]*W?$/;

/** A rejection by Quartz: a ParseException, or a Java runtime exception that Quartz wraps into one. */
class CronParseError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'CronParseError';
  }
}

/** Quartz wraps any other exception as `Illegal cron expression format (<exception.toString()>)`. */
function runtimeError(javaException: string, detail?: string): CronParseError {
  return new CronParseError(`Illegal cron expression format (${javaException}${detail === undefined ? '' : `: ${detail}`})`);
}

/** Java `s.charAt(index)`. */
function charAt(text: string, index: number): string {
  if (index < 0 || index >= text.length) {
    throw runtimeError('java.lang.StringIndexOutOfBoundsException', `index ${index}, length ${text.length}`);
  }
  return text[index];
}

/** Java `s.substring(begin, end)`. */
function substring(text: string, begin: number, end: number = text.length): string {
  if (begin < 0 || end > text.length || begin > end) {
    throw runtimeError('java.lang.StringIndexOutOfBoundsException', `begin ${begin}, end ${end}, length ${text.length}`);
  }
  return text.slice(begin, end);
}

/** Java `Integer.parseInt(text)`, throwing what Java throws. */
function parseIntStrict(text: string): number {
  const value = javaParseInt(text);
  if (value === undefined) {
    throw runtimeError('java.lang.NumberFormatException', `For input string: "${text}"`);
  }
  return value;
}

function isAsciiDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

/**
 * The checks of Quartz's `CronExpression.buildExpression`, value by value. Only the state that can make
 * a later step fail is kept: the day-of-month and day-of-week sets, and the legacy "last day of month"
 * flag. Year sets are never built, because Quartz only reads them when computing fire times.
 */
class QuartzCronParser {
  private readonly sets: Array<Set<number>> = [new Set(), new Set(), new Set(), new Set(), new Set(), new Set()];
  private lastDayOfMonth = false;

  public constructor(private readonly generation: QuartzParserGeneration, private readonly maxYear: number) {}

  public parse(expression: string): void {
    const upper = expression.toUpperCase();
    const fields = tokenize(upper, ' \t');
    if (this.generation === 'current' && fields.length > 7) {
      throw new CronParseError(`Invalid expression has too many terms: ${upper}`);
    }
    let type = SECOND;
    for (const field of fields) {
      if (type > YEAR) {
        break;
      }
      const expr = javaTrim(field);
      if (this.generation === 'legacy' && type === DAY_OF_MONTH && expr.includes('L') && expr.length > 1 && expr.includes(',')) {
        throw new CronParseError('Support for specifying \'L\' and \'LW\' with other days of the month is not implemented');
      }
      if (type === DAY_OF_WEEK && expr.includes('L') && expr.length > 1 && expr.includes(',')) {
        throw new CronParseError('Support for specifying \'L\' with other days of the week is not implemented');
      }
      if (type === DAY_OF_WEEK && expr.indexOf('#') !== expr.lastIndexOf('#')) {
        throw new CronParseError('Support for specifying multiple "nth" days is not implemented.');
      }
      for (const value of tokenize(expr, ',')) {
        this.storeValue(value, type);
      }
      type++;
    }
    if (type <= DAY_OF_WEEK) {
      throw new CronParseError('Unexpected end of expression.');
    }
    // A missing year field is stored as '*', which cannot fail.
    const dayOfMonthSpecified = !this.sets[DAY_OF_MONTH].has(NO_SPEC);
    const dayOfWeekSpecified = !this.sets[DAY_OF_WEEK].has(NO_SPEC);
    if (dayOfMonthSpecified === dayOfWeekSpecified) {
      throw new CronParseError('Support for specifying both a day-of-week AND a day-of-month parameter is not implemented.');
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
        this.addToSet(value, -1, -1, type);
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
      throw new CronParseError(`Unexpected character: ${c}`);
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
        throw new CronParseError(`Invalid Month value: '${name}'`);
      }
      if (s.length > 3 && s[3] === '-') {
        index = 4;
        name = substring(s, index, index + 3);
        end = MONTH_NUMBERS.get(name) ?? -1;
        if (end <= 0) {
          throw new CronParseError(`Invalid Month value: '${name}'`);
        }
      }
    } else if (type === DAY_OF_WEEK) {
      start = DAY_NUMBERS.get(name) ?? -1;
      if (start < 0) {
        throw new CronParseError(`Invalid Day-of-Week value: '${name}'`);
      }
      if (s.length > 3 && s[3] === '-') {
        index = 4;
        name = substring(s, index, index + 3);
        end = DAY_NUMBERS.get(name) ?? -1;
        if (end < 0) {
          throw new CronParseError(`Invalid Day-of-Week value: '${name}'`);
        }
      } else if (s.length > 3 && s[3] === '#') {
        this.checkNth(s.slice(4));
      }
    } else {
      throw new CronParseError(`Illegal characters for this position: '${name}'`);
    }
    this.addToSet(start, end, end !== -1 ? 1 : 0, type);
  }

  /** `?`: only in day-of-month or day-of-week, and not in both. */
  private storeNoSpec(s: string, type: number): void {
    if (s.length > 2) {
      throw new CronParseError(`Illegal character after '?': ${s[1]}`);
    }
    if (type !== DAY_OF_WEEK && type !== DAY_OF_MONTH) {
      throw new CronParseError('\'?\' can only be specified for Day-of-Month or Day-of-Week.');
    }
    if (type === DAY_OF_WEEK) {
      const daysOfMonth = this.sets[DAY_OF_MONTH];
      if (this.generation === 'legacy' && !this.lastDayOfMonth && daysOfMonth.size === 0) {
        throw runtimeError('java.util.NoSuchElementException');
      }
      const checkDayOfMonth = this.generation === 'current' || !this.lastDayOfMonth;
      if (checkDayOfMonth && daysOfMonth.size > 0 && Math.max(...daysOfMonth) === NO_SPEC) {
        throw new CronParseError('\'?\' can only be specified for Day-of-Month -OR- Day-of-Week.');
      }
    }
    this.addToSet(NO_SPEC, -1, 0, type);
  }

  /** `*`, `*` + junk, `* /n` and `/n`. */
  private storeAll(s: string, type: number): void {
    if (s[0] === '*' && s.length === 1) {
      this.addToSet(ALL_SPEC, -1, 0, type);
      return;
    }
    if (s[0] === '/' && s.length === 1) {
      throw new CronParseError('\'/\' must be followed by an integer.');
    }
    let index = s[0] === '*' ? 1 : 0;
    let increment = 1;
    if (s[index] === '/') {
      index++;
      if (index >= s.length) {
        throw new CronParseError('Unexpected end of string.');
      }
      // getNumericValue reads to the end of the value (its whitespace search never stops early).
      increment = parseIntStrict(s.slice(index));
      this.checkIncrementRange(increment, type);
    }
    this.addToSet(ALL_SPEC, -1, increment, type);
  }

  /** `L`, `LW`, `L-n`, `L-nW` (day-of-month) and `L` (day-of-week; 7). Other fields accept and ignore it. */
  private storeLast(s: string, type: number): void {
    if (type === DAY_OF_WEEK) {
      this.addToSet(7, 7, 0, type);
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
        throw new CronParseError(`Offset from last day must be <= ${MAX_LAST_DAY_OFFSET}`);
      }
      day -= read.value;
      index = read.pos;
    }
    if (s.length > index && s[index] === 'W') {
      nearestWeekday = true;
    }
    if (this.generation === 'current' && !nearestWeekday) {
      this.sets[DAY_OF_MONTH].add(day);
    }
  }

  /** `checkNext`: what may follow a number (`L`, `W`, `#n`, `-end[/step]`, `/step`). */
  private checkNext(pos: number, s: string, value: number, type: number): void {
    if (pos >= s.length) {
      this.addToSet(value, -1, -1, type);
      return;
    }
    const c = s[pos];
    if (c === 'L') {
      if (type !== DAY_OF_WEEK) {
        throw new CronParseError(`'L' option is not valid here. (pos=${pos})`);
      }
      if (value < 1 || value > 7) {
        throw new CronParseError('Day-of-Week values must be between 1 and 7');
      }
      this.sets[type].add(value);
    } else if (c === 'W') {
      if (type !== DAY_OF_MONTH) {
        throw new CronParseError(`'W' option is not valid here. (pos=${pos})`);
      }
      if (value > 31) {
        throw new CronParseError('The \'W\' option does not make sense with values larger than 31 (max number of days in a month)');
      }
      if (this.generation === 'legacy') {
        this.sets[type].add(value);
      }
    } else if (c === '#') {
      if (type !== DAY_OF_WEEK) {
        throw new CronParseError(`'#' option is not valid here. (pos=${pos})`);
      }
      this.checkNth(s.slice(pos + 1));
      this.sets[type].add(value);
    } else if (c === '-') {
      this.storeRange(pos + 1, s, value, type);
    } else if (c === '/') {
      if (pos + 1 >= s.length) {
        throw new CronParseError('\'/\' must be followed by an integer.');
      }
      let increment = parseIntStrict(s[pos + 1]);
      const next = pos + 2;
      if (next < s.length) {
        if (!isAsciiDigit(s[next])) {
          throw new CronParseError(`Unexpected character '${s[next]}' after '/'`);
        }
        increment = this.getValue(increment, s, next).value;
      }
      this.checkIncrementRange(increment, type);
      this.addToSet(value, -1, increment, type);
    } else {
      this.addToSet(value, -1, 0, type);
    }
  }

  /** The `-end[/step]` branch of `checkNext`. Unlike `/step` alone, a range step is not range-checked. */
  private storeRange(pos: number, s: string, start: number, type: number): void {
    let end = parseIntStrict(charAt(s, pos));
    let index = pos + 1;
    if (index >= s.length) {
      this.addToSet(start, end, 1, type);
      return;
    }
    if (isAsciiDigit(s[index])) {
      const read = this.getValue(end, s, index);
      end = read.value;
      index = read.pos;
    }
    if (index >= s.length || s[index] !== '/') {
      this.addToSet(start, end, 1, type);
      return;
    }
    index++;
    let increment = parseIntStrict(charAt(s, index));
    index++;
    if (index < s.length && isAsciiDigit(s[index])) {
      increment = this.getValue(increment, s, index).value;
    }
    this.addToSet(start, end, increment, type);
  }

  /** The number after `#` must parse as an int from 1 to 5. */
  private checkNth(text: string): void {
    const nth = javaParseInt(text);
    if (nth === undefined || nth < 1 || nth > 5) {
      throw new CronParseError('A numeric value between 1 and 5 must follow the \'#\' option');
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
        throw new CronParseError(`Increment > ${label} : ${increment}`);
      }
    }
  }

  /** `addToSet`: bounds checks per field, then the values (a wrapping range when end < start). */
  private addToSet(value: number, end: number, increment: number, type: number): void {
    this.checkBounds(value, end, type);
    if ((increment === 0 || increment === -1) && value !== ALL_SPEC) {
      this.add(type, value !== -1 ? value : NO_SPEC);
      return;
    }
    let step = increment;
    if (value === ALL_SPEC && step <= 0) {
      step = 1;
      this.add(type, ALL_SPEC);
    }
    const [first, last, wrap] = FIELD_RANGES[type];
    const startAt = value === -1 || value === ALL_SPEC ? first : value;
    let stopAt = end === -1 ? (type === YEAR ? this.maxYear : last) : end;
    const wraps = stopAt < startAt;
    if (wraps) {
      if (type === YEAR) {
        throw runtimeError('java.lang.IllegalArgumentException', 'Start year must be less than stop year');
      }
      stopAt += wrap;
    }
    if (type === YEAR) {
      return;
    }
    for (let current = startAt; current <= stopAt; current += step) {
      let actual = wraps ? current % wrap : current;
      if (wraps && actual === 0 && (type === MONTH || type === DAY_OF_WEEK || type === DAY_OF_MONTH)) {
        actual = wrap;
      }
      this.add(type, actual);
    }
  }

  private checkBounds(value: number, end: number, type: number): void {
    const special = value === ALL_SPEC || ((type === DAY_OF_MONTH || type === DAY_OF_WEEK) && value === NO_SPEC);
    if (special || type === YEAR) {
      return;
    }
    const messages = [
      'Minute and Second values must be between 0 and 59',
      'Minute and Second values must be between 0 and 59',
      'Hour values must be between 0 and 23',
      'Day of month values must be between 1 and 31',
      'Month values must be between 1 and 12',
      'Day-of-Week values must be between 1 and 7',
    ];
    const [first, last] = FIELD_RANGES[type];
    const tooLow = type === DAY_OF_WEEK ? value === 0 : value < first;
    if (tooLow || value > last || end > last) {
      throw new CronParseError(messages[type]);
    }
  }

  private add(type: number, value: number): void {
    if (type !== YEAR) {
      this.sets[type].add(value);
    }
  }
}

/** Per field: first value, last value, and the modulus used when a range wraps (end < start). */
const FIELD_RANGES: ReadonlyArray<readonly [number, number, number]> = [
  [0, 59, 60], [0, 59, 60], [0, 23, 24], [1, 31, 31], [1, 12, 12], [1, 7, 7], [1970, 0, 0],
];
