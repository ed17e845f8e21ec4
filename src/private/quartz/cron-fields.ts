/**
 * The fields of a Quartz cron expression: their indexes, ranges and names, the value sets
 * `CronExpression.addToSet` builds with its bounds checks, and the Java behaviour Quartz's parser
 * relies on (string indexing, `Integer.parseInt`), with the exceptions Quartz turns them into.
 */
import { JavaException } from '../jvm/java-exception';
import { tryParseJavaInt } from '../jvm/java-numbers';

// Quartz field indexes and markers (CronExpression's constants).
export const SECOND = 0;
export const MINUTE = 1;
export const HOUR = 2;
export const DAY_OF_MONTH = 3;
export const MONTH = 4;
export const DAY_OF_WEEK = 5;
export const YEAR = 6;
export const ALL_SPEC = 99;
export const NO_SPEC = 98;
export const MAX_LAST_DAY_OFFSET = 30;
export const LAST_DAY_OFFSET_END = 62;

export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'].map((name, index) => [name, index + 1]),
);
export const DAY_NUMBERS: ReadonlyMap<string, number> = new Map(
  ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'].map((name, index) => [name, index + 1]),
);
export const LAST_DAY_WITH_OFFSET = /^L-[0-9]*W?$/;

/** A rejection by Quartz: its `ParseException`, with Quartz's message. */
export function parseException(message: string): JavaException {
  return new JavaException('ParseException', message);
}

/** Quartz wraps any other exception as `Illegal cron expression format (<exception.toString()>)`. */
export function runtimeError(javaException: string, detail?: string): JavaException {
  return parseException(`Illegal cron expression format (${javaException}${detail === undefined ? '' : `: ${detail}`})`);
}

/** Java `s.charAt(index)`. */
export function charAt(text: string, index: number): string {
  if (index < 0 || index >= text.length) {
    throw runtimeError('java.lang.StringIndexOutOfBoundsException', `index ${index}, length ${text.length}`);
  }
  return text[index];
}

/** Java `s.substring(begin, end)`. */
export function substring(text: string, begin: number, end: number = text.length): string {
  if (begin < 0 || end > text.length || begin > end) {
    throw runtimeError('java.lang.StringIndexOutOfBoundsException', `begin ${begin}, end ${end}, length ${text.length}`);
  }
  return text.slice(begin, end);
}

/** Java `Integer.parseInt(text)`, throwing what Java throws. */
export function parseIntStrict(text: string): number {
  const value = tryParseJavaInt(text);
  if (value === undefined) {
    throw runtimeError('java.lang.NumberFormatException', `For input string: "${text}"`);
  }
  return value;
}

export function isAsciiDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

/**
 * The value sets of the seconds to day-of-week fields. Year sets are never built, because Quartz
 * only reads them when computing fire times.
 */
export class CronFieldSets {
  public readonly sets: Array<Set<number>> = [new Set(), new Set(), new Set(), new Set(), new Set(), new Set()];

  /** @param maxYear Quartz's `MAX_YEAR` (the current year + 100) */
  public constructor(private readonly maxYear: number) {}

  /** `addToSet`: bounds checks per field, then the values (a wrapping range when end < start). */
  public addToSet(value: number, end: number, increment: number, type: number): void {
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
      throw parseException(messages[type]);
    }
  }

  private add(type: number, value: number): void {
    if (type !== YEAR) {
      this.sets[type].add(value);
    }
  }
}


/** Per field: first value, last value, and the modulus used when a range wraps (end < start). */
export const FIELD_RANGES: ReadonlyArray<readonly [number, number, number]> = [
  [0, 59, 60], [0, 59, 60], [0, 23, 24], [1, 31, 31], [1, 12, 12], [1, 7, 7], [1970, 0, 0],
];
