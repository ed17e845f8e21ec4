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
 * error. {@link operatorCatches} says which case applies.
 *
 * Known gaps:
 * - Unicode digits are recognised with this JavaScript engine's Unicode tables. These may be newer than the
 *   operator JVM's.
 * - Java's `toUpperCase()` uses the JVM default locale. A Turkish-locale JVM would upper-case `i`
 *   differently. We assume a root/English locale.
 */

import { JavaBigDecimal, javaBigDecimalToString, multiplyJavaBigDecimals, parseJavaBigDecimal, powerOfTenDecimal64 } from '../jvm/big-decimal';
import { JavaException } from '../jvm/java-exception';
import { isJavaDigitCodePoint, javaDigitValue, tryParseJavaInt } from '../jvm/java-numbers';
import { javaTrim } from '../jvm/java-string';

/**
 * Whether the operator's validator catches a quantity exception: it catches IllegalArgumentException,
 * and so NumberFormatException, and turns it into a `... parse error: <message>` rejection. An
 * ArithmeticException escapes, and the webhook fails with an internal error.
 */
export function operatorCatches(error: JavaException): boolean {
  return error.javaClass !== 'ArithmeticException';
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
 * @throws JavaException with fabric8's / Java's message
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
 * @throws JavaException with fabric8's / Java's message
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
 * @throws JavaException with fabric8's / Java's message
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
  ['n', powerOfTenDecimal64(-9)],
  ['u', powerOfTenDecimal64(-6)],
  ['m', powerOfTenDecimal64(-3)],
  ['k', powerOfTenDecimal64(3)],
  ['M', powerOfTenDecimal64(6)],
  ['G', powerOfTenDecimal64(9)],
  ['T', powerOfTenDecimal64(12)],
  ['P', powerOfTenDecimal64(15)],
  ['E', powerOfTenDecimal64(18)],
]);

const ALPHABETIC = /^\p{Alphabetic}$/u;

/** fabric8 `Quantity.parse`: split at the first unit character, and reject an exponent that ends in a letter. */
function splitQuantity(text: string): { amount: string; format: string } {
  if (text.length === 0) {
    throw new JavaException('IllegalArgumentException', 'Invalid quantity string format passed.');
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
    throw new JavaException('IllegalArgumentException', 'Invalid quantity string format passed');
  }
  return { amount, format };
}

/** fabric8 `Quantity.getMultiple(format)`. */
function quantityMultiple(format: string): JavaBigDecimal {
  // A format holding a digit always starts with a unit character, so it is at least two characters long.
  if (containsJavaDigit(format)) {
    const exponentText = format.slice(1);
    const exponent = tryParseJavaInt(exponentText);
    if (exponent === undefined) {
      throw new JavaException('NumberFormatException', `For input string: "${exponentText}"`);
    }
    return powerOfTenDecimal64(exponent);
  }
  const multiple = FORMAT_MULTIPLES.get(format);
  if (multiple === undefined) {
    throw new JavaException('IllegalArgumentException', 'Invalid quantity format passed to parse');
  }
  return multiple;
}

function containsJavaDigit(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (javaDigitValue(text[index]) >= 0) {
      return true;
    }
  }
  return false;
}

