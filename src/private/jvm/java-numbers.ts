/**
 * The Java number conversions that Flink applies to configuration strings, reimplemented so that
 * the memory derivation sees exactly the values a Flink JVM sees:
 *
 * - `Float.parseFloat` (the memory fractions are `float` options), with correct single rounding
 *   from the decimal text to the nearest float, as Java does;
 * - `Integer.parseInt` (legacy `*.heap.mb` and `taskmanager.network.numberOfBuffers`);
 * - Flink's string-to-boolean rule;
 * - `Double.toString`, which Flink's "Inconsistently configured ..." message prints.
 */
import { illegalArgument, numberFormat } from './java-exception';
import { javaTrim } from './java-string';

/** `[+-] digits [. digits] [e [+-] digits] [fFdD]`, at least one mantissa digit. */
const DECIMAL_DIGIT = /^\p{Nd}$/u;

const DECIMAL_FLOAT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?[fFdD]?$/;
/** `[+-] 0x hexdigits [. hexdigits] p [+-] digits [fFdD]`, at least one mantissa digit. */
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)[fFdD]?$/;

/**
 * Java's `Float.parseFloat(text)`, returned as the JavaScript number equal to the resulting float.
 *
 * Accepts what Java accepts: surrounding whitespace (Java trim rule), a sign, `NaN`, `Infinity`,
 * decimal and hexadecimal (`0x1.8p1`) notation, an exponent and one trailing `f`/`F`/`d`/`D`.
 * The decimal value is rounded once, directly to the nearest float (ties to even), like Java;
 * `Math.fround(Number(text))` would round twice and can differ in rare halfway cases.
 *
 * @throws JavaException (`NumberFormatException`) with Java's message for anything else
 */
export function parseJavaFloat(text: string): number {
  const trimmed = javaTrim(text);
  if (trimmed.length === 0) {
    throw numberFormat('empty String');
  }
  const special = /^([+-]?)(NaN|Infinity)$/.exec(trimmed);
  if (special) {
    if (special[2] === 'NaN') {
      return NaN;
    }
    return special[1] === '-' ? -Infinity : Infinity;
  }

  const hex = HEX_FLOAT.exec(trimmed);
  if (hex && (hex[2].length > 0 || (hex[3] ?? '').length > 0)) {
    const fraction = hex[3] ?? '';
    const mantissa = BigInt(`0x${hex[2]}${fraction}`);
    const binaryExponent = BigInt(hex[4]) - BigInt(4 * fraction.length);
    return roundToFloat(hex[1] === '-', mantissa, 2n, binaryExponent);
  }

  const decimal = DECIMAL_FLOAT.exec(trimmed);
  if (decimal && (decimal[2].length > 0 || (decimal[3] ?? '').length > 0)) {
    const fraction = decimal[3] ?? '';
    const mantissa = BigInt(`${decimal[2]}${fraction}`);
    const decimalExponent = BigInt(decimal[4] ?? '0') - BigInt(fraction.length);
    return roundToFloat(decimal[1] === '-', mantissa, 10n, decimalExponent);
  }

  throw numberFormat(`For input string: "${trimmed}"`);
}

/**
 * The float nearest to `± mantissa × radix^exponent` (ties to even), as a JavaScript number.
 * Overflow gives ±Infinity and underflow ±0, as in Java.
 */
function roundToFloat(negative: boolean, mantissa: bigint, radix: bigint, exponent: bigint): number {
  const sign = negative ? -1 : 1;
  if (mantissa === 0n) {
    return sign * 0;
  }
  // value < radix^upper and value >= radix^(upper - 1). Values far outside the float range need
  // no exact arithmetic (and must not build huge powers): 10^39 and 2^128 overflow, while
  // 10^-46 and 2^-150 are at most half the smallest subnormal float, so they round to zero.
  const upper = BigInt(mantissa.toString(Number(radix)).length) + exponent;
  const [overflowAt, underflowAt] = radix === 10n ? [40n, -46n] : [129n, -150n];
  if (upper >= overflowAt) {
    return sign * Infinity;
  }
  if (upper <= underflowAt) {
    return sign * 0;
  }

  // value = numerator / denominator, exactly
  let numerator = mantissa;
  let denominator = 1n;
  if (exponent >= 0n) {
    numerator *= radix ** exponent;
  } else {
    denominator = radix ** -exponent;
  }

  // binary exponent e with 2^e <= value < 2^(e+1)
  let e = bitLength(numerator) - bitLength(denominator);
  if (compareScaled(numerator, denominator, e) < 0) {
    e--;
  }
  if (e > 127) {
    return sign * Infinity;
  }

  // quantum 2^q: 24 significant bits for normal floats, fixed 2^-149 for subnormals
  const q = Math.max(e, -126) - 23;
  const scaledNumerator = q >= 0 ? numerator : numerator * 2n ** BigInt(-q);
  const scaledDenominator = q >= 0 ? denominator * 2n ** BigInt(q) : denominator;
  let significand = scaledNumerator / scaledDenominator;
  const twiceRemainder = 2n * (scaledNumerator % scaledDenominator);
  if (twiceRemainder > scaledDenominator || (twiceRemainder === scaledDenominator && significand % 2n === 1n)) {
    significand += 1n;
  }
  const value = Number(significand) * 2 ** q;
  return sign * (value >= 2 ** 128 ? Infinity : value);
}

function bitLength(value: bigint): number {
  return value.toString(2).length;
}

/** Compares `numerator / denominator` with `2^e`. */
function compareScaled(numerator: bigint, denominator: bigint, e: number): number {
  const left = e >= 0 ? numerator : numerator * 2n ** BigInt(-e);
  const right = e >= 0 ? denominator * 2n ** BigInt(e) : denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Java's `Integer.parseInt(text)`: an optional sign and decimal digits of any script, no
 * whitespace, within the 32-bit range (see {@link tryParseJavaInt}).
 *
 * @throws JavaException (`NumberFormatException`) with Java's message otherwise
 */
export function parseJavaInt(text: string): number {
  const value = tryParseJavaInt(text);
  if (value === undefined) {
    throw numberFormat(`For input string: "${text}"`);
  }
  return value;
}

/**
 * Java's `Double.parseDouble(text)`: surrounding whitespace (Java trim rule), a sign, `NaN`,
 * `Infinity`, decimal notation with an optional exponent and one trailing `f`/`F`/`d`/`D`.
 * JavaScript's number parsing rounds decimal text to the nearest double as Java does.
 * Hexadecimal notation is not read here.
 *
 * @throws JavaException (`NumberFormatException`) with Java's message otherwise
 */
export function parseJavaDouble(text: string): number {
  const trimmed = javaTrim(text);
  if (/^[+-]?(NaN|Infinity)$/.test(trimmed)) {
    return Number(trimmed.replace(/^\+/, ''));
  }
  // `\d+(\.\d*)?` cannot backtrack: the point separates the two digit runs.
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(trimmed)) {
    throw numberFormat(trimmed === '' ? 'empty String' : `For input string: "${trimmed}"`);
  }
  return Number(trimmed.replace(/[dDfF]$/, ''));
}

/**
 * Flink's boolean conversion: `true` or `false`, case-insensitive, nothing else (no trimming).
 *
 * @throws JavaException (`IllegalArgumentException`) with Flink's message otherwise
 */
export function parseFlinkBoolean(text: string): boolean {
  switch (text.toUpperCase()) {
    case 'TRUE':
      return true;
    case 'FALSE':
      return false;
    default:
      throw illegalArgument(`Unrecognized option for boolean: ${text}. Expected either true or false(case insensitive)`);
  }
}

/**
 * Java's `Double.toString(value)`: `NaN`, `Infinity`, plain notation with at least one decimal
 * (`1.0`, `-0.10000000149011612`) for magnitudes in [10^-3, 10^7), and computerized scientific
 * notation (`1.0E-4`, `1.5E10`) otherwise. Digits are the shortest that round-trip (JDK 19+;
 * older JDKs print a longer string for a few rare doubles).
 */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? 'Infinity' : '-Infinity';
  }
  if (value === 0) {
    return Object.is(value, -0) ? '-0.0' : '0.0';
  }
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${digits}E${Number(exponent)}`;
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
export function tryParseJavaInt(text: string): number | undefined {
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

/** Java `Character.isDigit(int codePoint)`. */
export function isJavaDigitCodePoint(codePoint: number): boolean {
  return codePoint >= 0 && codePoint <= 0x10ffff && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint));
}
