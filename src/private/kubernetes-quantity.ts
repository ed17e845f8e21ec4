/**
 * Kubernetes resource quantities, parsed the way the Flink Kubernetes Operator's validator parses them.
 *
 * The operator does not use the Kubernetes (Go) quantity grammar. It uses fabric8's Java model class
 * `io.fabric8.kubernetes.api.model.Quantity`:
 *
 * - `resource.ephemeralStorage`: `Quantity.getAmountInBytes(Quantity.parse(text))`. Only a thrown
 *   exception matters; the value is thrown away. See {@link parseEphemeralStorageQuantity}.
 * - `resource.memory`: Flink `MemorySize.parse(text)` first. If that fails, the text is normalised and
 *   `Quantity.parse(normalised).getNumericalAmount()` is computed. The result, a Java `BigDecimal`, is
 *   turned into a string with `BigDecimal.toString()` and parsed **again** with `MemorySize.parse`.
 *   See {@link parseOperatorMemoryQuantity}. Its `javaString` is the text of that second parse.
 *
 * What is matched (fabric8 `Quantity` 6.13/7.x, JDK 17/21 `BigDecimal` and `Integer.parseInt`):
 *
 * - Splitting. The unit starts at the first character in `e E i n u m k K M G T P`. Everything before it
 *   is the amount. Everything from it on is the format, so a 'B', a space or a letter such as 'a' before
 *   the first unit character stays in the amount and fails there.
 * - A format that contains a digit and ends in a letter is rejected (`Invalid quantity string format
 *   passed`, no full stop, as in fabric8). A format that contains a digit is an exponent: everything after
 *   its *first character* goes to `Integer.parseInt`. So `1e3` and `1E+3` are 1000, `1m5` is 10^5 (sic),
 *   and `1Ki3` fails with `For input string: "i3"`.
 * - Other formats must be exactly one of `Ki Mi Gi Ti Pi Ei n u m k M G T P E` or empty. Anything else gives
 *   `Invalid quantity format passed to parse`. That includes `K`, `e`, `KiB` and `megabyte`.
 * - A text starting with `.` gets a `0` prepended before the amount is parsed, so `.` alone is 0. This
 *   follows fabric8's `Character.isDigit(value.indexOf(0))` test, quirk included.
 * - The amount is parsed as Java `new BigDecimal(amount)`, with the same messages:
 *   - `Character x is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`
 *     when the amount has at most 18 characters after the sign;
 *   - `Character array is missing "exponent" mark 'e' or 'E'.` when it is longer;
 *   - `Character array contains more than one decimal point.`;
 *   - `No digits found.`;
 *   - `null` for an empty amount (Java throws a NumberFormatException without a message, and the operator
 *     prints `getMessage()`).
 *
 *   An optional leading `+`/`-` is allowed, and Unicode decimal digits count as digits, as in Java.
 *   The scale (number of digits after the point) is kept, because it shows in `toString()`.
 * - Multipliers are computed as fabric8 does, with `BigDecimal.pow(n, MathContext.DECIMAL64)`. That means
 *   16 significant digits, rounded half-even. So `E` is `1.000000000000000E+18`, `Ei` is
 *   `1.152921504606847E+18` (not 2^60), and `e20` is `1.000000000000000E+20`. An exponent whose absolute
 *   value is above 999,999,999 throws ArithmeticException `Invalid operation`.
 * - The result is `amount × multiple` with BigDecimal's scale rules. Scale overflow throws
 *   ArithmeticException `Overflow`/`Underflow`.
 *
 * Error classes: IllegalArgumentException and NumberFormatException are caught by the operator's validator,
 * which reports `getMessage()`. ArithmeticException is not caught and reaches the webhook as an internal
 * error. {@link QuantityParseError.caughtByOperator} says which case applies.
 *
 * Known gaps:
 * - Unicode digits are recognised with this JavaScript engine's Unicode tables. These may be newer than the
 *   operator JVM's.
 * - Java's `toUpperCase()` uses the JVM default locale. A Turkish-locale JVM would upper-case `i`
 *   differently. We assume a root/English locale.
 */

import { javaTrim } from './memory-size';

/** A Java `BigDecimal`: the value is `unscaled × 10^(-scale)`. This is exact; nothing is rounded here. */
export interface JavaBigDecimal {
  /** `BigDecimal.unscaledValue()`. */
  readonly unscaled: bigint;
  /** `BigDecimal.scale()`: the number of decimal places. It is negative for multiples of a power of ten. */
  readonly scale: number;
}

/** The Java exception class that fabric8, `BigDecimal` or `Integer.parseInt` would throw. */
export type JavaQuantityException = 'IllegalArgumentException' | 'NumberFormatException' | 'ArithmeticException';

/** A quantity rejected the way fabric8 rejects it. `message` is the Java exception's `getMessage()`. */
export class QuantityParseError extends Error {
  /** The Java exception class. */
  public readonly javaException: JavaQuantityException;
  /**
   * Whether the operator's validator catches this exception (it catches IllegalArgumentException, and so
   * NumberFormatException) and turns it into a `... parse error: <message>` rejection. If false, the
   * exception escapes and the webhook fails with an internal error.
   */
  public readonly caughtByOperator: boolean;

  public constructor(javaException: JavaQuantityException, message: string) {
    super(message);
    this.name = 'QuantityParseError';
    this.javaException = javaException;
    this.caughtByOperator = javaException !== 'ArithmeticException';
  }
}

/** What `Quantity.parse(text)` followed by `getAmountInBytes` / `getNumericalAmount` yields. */
export interface ParsedQuantity {
  /** `Quantity.getAmount()`: the text before the first unit character. */
  readonly amount: string;
  /** `Quantity.getFormat()`: the unit or exponent, from the first unit character on. */
  readonly format: string;
  /** `getAmountInBytes()` (or `getNumericalAmount()`), exactly as Java computes it. */
  readonly value: JavaBigDecimal;
}

/** The operator's memory fallback. See {@link parseOperatorMemoryQuantity}. */
export interface OperatorMemoryQuantity extends ParsedQuantity {
  /** The text after the operator's normalisation, as handed to `Quantity.parse`. */
  readonly normalized: string;
  /**
   * `getNumericalAmount() + ""`: the string the operator passes to Flink's `MemorySize.parse`. Flink accepts
   * only digits, optionally followed by a unit. So a fractional (`1500000000.0`), negative or
   * E-notation (`1.000000000000000E+18`) result is still rejected by the operator.
   */
  readonly javaString: string;
}

/**
 * Parses `text` as `Quantity.getAmountInBytes(Quantity.parse(text))`. This is how the operator checks
 * `resource.ephemeralStorage`.
 *
 * @throws QuantityParseError with fabric8's / Java's message
 */
export function parseEphemeralStorageQuantity(text: string): ParsedQuantity {
  return parseQuantity(text);
}

/**
 * The operator's fallback for `resource.memory` values that Flink's `MemorySize.parse` rejects:
 * 1. trim (Java `trim()`: characters up to U+0020);
 * 2. remove every space, tab, line feed, vertical tab, form feed and carriage return (Java regex `\s`);
 * 3. upper-case;
 * 4. strip one trailing `B`;
 * 5. turn a trailing `I` into `i`;
 * 6. then `Quantity.parse(...).getNumericalAmount()`.
 *
 * Upper-casing turns `m` into `M` (mega) and `e` into `E` (an exponent when digits follow, exa
 * otherwise). `n` and `u` become `N` and `U`, which are not units, so they fail in the amount.
 *
 * @throws QuantityParseError with fabric8's / Java's message
 */
export function parseOperatorMemoryQuantity(text: string): OperatorMemoryQuantity {
  const normalized = normalizeOperatorMemoryText(text);
  const parsed = parseQuantity(normalized);
  return { ...parsed, normalized, javaString: javaBigDecimalToString(parsed.value) };
}

/** Steps 1-5 of {@link parseOperatorMemoryQuantity}: the operator's `formatMemoryStringForK8sSpec`. */
export function normalizeOperatorMemoryText(text: string): string {
  let normalized = javaTrim(text).replace(/[ \t\n\u000B\f\r]/g, '').toUpperCase();
  if (normalized.endsWith('B')) {
    normalized = normalized.slice(0, -1);
  }
  if (normalized.endsWith('I')) {
    normalized = `${normalized.slice(0, -1)}i`;
  }
  return normalized;
}

/**
 * fabric8 `Quantity.parse(text)` then `Quantity.getAmountInBytes(...)`. `getNumericalAmount()` computes
 * the same thing.
 *
 * @throws QuantityParseError with fabric8's / Java's message
 */
export function parseQuantity(text: string): ParsedQuantity {
  const { amount, format } = splitQuantity(text);
  // getAmountInBytes re-joins amount and format (giving `text` back) and prepends a '0' to a leading '.'.
  // The guard is `!Character.isDigit(value.indexOf(0))`, with the index of a NUL character used as a code point.
  let value = text;
  if (!isJavaDigitCodePoint(value.indexOf('\u0000')) && value.startsWith('.')) {
    value = `0${value}`;
  }
  const reparsed = splitQuantity(value);
  const digit = parseJavaBigDecimal(reparsed.amount);
  const multiple = quantityMultiple(reparsed.format);
  return { amount, format, value: multiplyJavaBigDecimals(digit, multiple) };
}

/** Java `BigDecimal.toString()`: plain notation, or scientific notation when the scale is negative or the exponent is below -6. */
export function javaBigDecimalToString(decimal: JavaBigDecimal): string {
  const negative = decimal.unscaled < 0n;
  const sign = negative ? '-' : '';
  const coefficient = (negative ? -decimal.unscaled : decimal.unscaled).toString();
  if (decimal.scale === 0) {
    return sign + coefficient;
  }
  const adjusted = -decimal.scale + (coefficient.length - 1);
  if (decimal.scale > 0 && adjusted >= -6) {
    const padding = decimal.scale - coefficient.length;
    if (padding >= 0) {
      return `${sign}0.${'0'.repeat(padding)}${coefficient}`;
    }
    return `${sign}${coefficient.slice(0, -padding)}.${coefficient.slice(-padding)}`;
  }
  const mantissa = coefficient.length > 1 ? `${coefficient[0]}.${coefficient.slice(1)}` : coefficient;
  const exponent = adjusted === 0 ? '' : `E${adjusted > 0 ? '+' : ''}${adjusted}`;
  return sign + mantissa + exponent;
}

/** Largest |scale| that {@link javaBigDecimalToRational} expands. A scale of 10^6 is a bigint of about 3.3 million bits. */
export const MAX_RATIONAL_SCALE = 1_000_000;

/**
 * The exact value as a fraction in lowest terms, with a positive denominator.
 *
 * @throws RangeError when |scale| > {@link MAX_RATIONAL_SCALE} (e.g. `1e-999999999`); the number would be too large to build
 */
export function javaBigDecimalToRational(decimal: JavaBigDecimal): { numerator: bigint; denominator: bigint } {
  if (Math.abs(decimal.scale) > MAX_RATIONAL_SCALE) {
    throw new RangeError(`Scale ${decimal.scale} is too large to expand into a fraction.`);
  }
  if (decimal.scale <= 0) {
    return { numerator: decimal.unscaled * 10n ** BigInt(-decimal.scale), denominator: 1n };
  }
  const denominator = 10n ** BigInt(decimal.scale);
  const divisor = gcd(decimal.unscaled < 0n ? -decimal.unscaled : decimal.unscaled, denominator);
  return { numerator: decimal.unscaled / divisor, denominator: denominator / divisor };
}

/**
 * The value as a bigint if it is a whole number, otherwise undefined. A whole number is what
 * `BigDecimal.toBigIntegerExact()` accepts, so `1.0` is whole.
 *
 * @throws RangeError as {@link javaBigDecimalToRational} does
 */
export function javaBigDecimalToBigInt(decimal: JavaBigDecimal): bigint | undefined {
  const { numerator, denominator } = javaBigDecimalToRational(decimal);
  return denominator === 1n ? numerator : undefined;
}

/** Java `Character.isDigit(char)`: one UTF-16 code unit of general category Nd (decimal digit). */
export function javaIsDigit(unit: string): boolean {
  return javaDigitValue(unit) >= 0;
}

/** Java `Character.digit(char, 10)`: the value of a decimal digit (any script), or -1. */
export function javaDigitValue(unit: string): number {
  if (unit.length !== 1) {
    return -1;
  }
  const code = unit.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) {
    return code - 0x30;
  }
  if (!isJavaDigitCodePoint(code) || (code >= 0xd800 && code <= 0xdfff)) {
    return -1;
  }
  // Unicode encodes decimal digits in contiguous runs of ten, from 0 to 9. A run may hold several sets.
  let zero = code;
  while (isJavaDigitCodePoint(zero - 1)) {
    zero--;
  }
  return (code - zero) % 10;
}

/**
 * Java `Integer.parseInt(text)`: an optional `+`/`-`, then one or more decimal digits (any script), within
 * the int range. Returns undefined where Java throws `NumberFormatException: For input string: "<text>"`.
 */
export function javaParseInt(text: string): number | undefined {
  if (text.length === 0) {
    return undefined;
  }
  let index = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    if (text.length === 1) {
      return undefined;
    }
    negative = text[0] === '-';
    index = 1;
  }
  let magnitude = 0;
  for (; index < text.length; index++) {
    const digit = javaDigitValue(text[index]);
    if (digit < 0) {
      return undefined;
    }
    magnitude = magnitude * 10 + digit;
    if (magnitude > 2147483648) {
      return undefined;
    }
  }
  if (!negative && magnitude > 2147483647) {
    return undefined;
  }
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

/** Characters that start a quantity's format (fabric8 `Quantity.indexOfUnit`). */
const UNIT_START_CHARACTERS = new Set(['e', 'E', 'i', 'n', 'u', 'm', 'k', 'K', 'M', 'G', 'T', 'P']);

/** Multiples of the suffix formats, as `BigDecimal.pow(n, DECIMAL64)` computes them (16 significant digits, half-even). */
const FORMAT_MULTIPLES: ReadonlyMap<string, JavaBigDecimal> = new Map<string, JavaBigDecimal>([
  ['', { unscaled: 1n, scale: 0 }],
  ['Ki', { unscaled: 1024n, scale: 0 }],
  ['Mi', { unscaled: 1048576n, scale: 0 }],
  ['Gi', { unscaled: 1073741824n, scale: 0 }],
  ['Ti', { unscaled: 1099511627776n, scale: 0 }],
  ['Pi', { unscaled: 1125899906842624n, scale: 0 }],
  // 2^60 = 1152921504606846976 has 19 digits; DECIMAL64 keeps 16 and rounds the rest half-even.
  ['Ei', { unscaled: 1152921504606847n, scale: -3 }],
  ['n', powerOfTen(-9)],
  ['u', powerOfTen(-6)],
  ['m', powerOfTen(-3)],
  ['k', powerOfTen(3)],
  ['M', powerOfTen(6)],
  ['G', powerOfTen(9)],
  ['T', powerOfTen(12)],
  ['P', powerOfTen(15)],
  ['E', powerOfTen(18)],
]);

const DECIMAL_DIGIT = /^\p{Nd}$/u;
const ALPHABETIC = /^\p{Alphabetic}$/u;
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** fabric8 `Quantity.parse`: split at the first unit character, and reject an exponent that ends in a letter. */
function splitQuantity(text: string): { amount: string; format: string } {
  if (text.length === 0) {
    throw new QuantityParseError('IllegalArgumentException', 'Invalid quantity string format passed.');
  }
  let unitIndex = text.length;
  for (let index = 0; index < text.length; index++) {
    if (UNIT_START_CHARACTERS.has(text[index])) {
      unitIndex = index;
      break;
    }
  }
  const amount = text.slice(0, unitIndex);
  const format = text.slice(unitIndex);
  if (containsJavaDigit(format) && ALPHABETIC.test(format[format.length - 1])) {
    throw new QuantityParseError('IllegalArgumentException', 'Invalid quantity string format passed');
  }
  return { amount, format };
}

/** fabric8 `Quantity.getMultiple(format)`. */
function quantityMultiple(format: string): JavaBigDecimal {
  // A format holding a digit always starts with a unit character, so it is at least two characters long.
  if (containsJavaDigit(format)) {
    const exponentText = format.slice(1);
    const exponent = javaParseInt(exponentText);
    if (exponent === undefined) {
      throw new QuantityParseError('NumberFormatException', `For input string: "${exponentText}"`);
    }
    return powerOfTen(exponent);
  }
  const multiple = FORMAT_MULTIPLES.get(format);
  if (multiple === undefined) {
    throw new QuantityParseError('IllegalArgumentException', 'Invalid quantity format passed to parse');
  }
  return multiple;
}

/** `new BigDecimal("10").pow(exponent, MathContext.DECIMAL64)`. */
function powerOfTen(exponent: number): JavaBigDecimal {
  if (exponent < -999999999 || exponent > 999999999) {
    throw new QuantityParseError('ArithmeticException', 'Invalid operation');
  }
  if (exponent < 0) {
    // 1 / 10^n is exact and is stripped to its shortest form.
    return { unscaled: 1n, scale: -exponent };
  }
  if (exponent <= 15) {
    return { unscaled: 10n ** BigInt(exponent), scale: 0 };
  }
  // More than 16 digits: rounded to 16 significant digits, i.e. 1.000000000000000 x 10^exponent.
  return { unscaled: 10n ** 15n, scale: -(exponent - 15) };
}

/**
 * `new BigDecimal(amount)` for an amount that `Quantity.parse` produced. Such an amount never contains
 * `e`/`E`, so BigDecimal's own exponent syntax is never reached.
 */
function parseJavaBigDecimal(amount: string): JavaBigDecimal {
  if (amount.length === 0) {
    // Java reads in[0] of an empty array and rethrows the index error as a NumberFormatException without a message.
    throw new QuantityParseError('NumberFormatException', 'null');
  }
  let offset = 0;
  if (amount[0] === '-' || amount[0] === '+') {
    offset = 1;
  }
  // BigDecimal takes its compact path for at most 18 characters after the sign; the two paths word the error differently.
  const compact = amount.length - offset <= 18;
  let digits = '';
  let scale = 0;
  let seenPoint = false;
  for (let index = offset; index < amount.length; index++) {
    const character = amount[index];
    const digit = javaDigitValue(character);
    if (digit >= 0) {
      digits += String(digit);
      if (seenPoint) {
        scale++;
      }
    } else if (character === '.') {
      if (seenPoint) {
        throw new QuantityParseError('NumberFormatException', 'Character array contains more than one decimal point.');
      }
      seenPoint = true;
    } else {
      throw new QuantityParseError('NumberFormatException', compact
        ? `Character ${character} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`
        : 'Character array is missing "exponent" mark \'e\' or \'E\'.');
    }
  }
  if (digits.length === 0) {
    throw new QuantityParseError('NumberFormatException', 'No digits found.');
  }
  const magnitude = BigInt(digits);
  return { unscaled: amount[0] === '-' ? -magnitude : magnitude, scale };
}

/** `BigDecimal.multiply(BigDecimal)`: the unscaled values multiply, the scales add, and the scale must fit in an int. */
function multiplyJavaBigDecimals(left: JavaBigDecimal, right: JavaBigDecimal): JavaBigDecimal {
  const unscaled = left.unscaled * right.unscaled;
  let scale = left.scale + right.scale;
  if (scale > INT_MAX || scale < INT_MIN) {
    if (left.unscaled !== 0n) {
      throw new QuantityParseError('ArithmeticException', scale > INT_MAX ? 'Underflow' : 'Overflow');
    }
    scale = scale > INT_MAX ? INT_MAX : INT_MIN;
  }
  return { unscaled, scale };
}

function containsJavaDigit(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (javaDigitValue(text[index]) >= 0) {
      return true;
    }
  }
  return false;
}

/** Java `Character.isDigit(int codePoint)`. */
function isJavaDigitCodePoint(codePoint: number): boolean {
  return codePoint >= 0 && codePoint <= 0x10ffff && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint));
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x === 0n ? 1n : x;
}
