/**
 * Java's `BigDecimal`, as far as fabric8's `Quantity` uses it: exact values held as an unscaled
 * `bigint` and a scale, `new BigDecimal(String)` for plain decimal amounts, `multiply`,
 * `pow(n, MathContext.DECIMAL64)` of ten, and `toString()`. Failures are the `JavaException`s
 * Java throws, with Java's messages.
 */
import { JavaException } from './java-exception';
import { javaDigitValue } from './java-numbers';

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** A Java `BigDecimal`: the value is `unscaled × 10^(-scale)`. This is exact; nothing is rounded here. */
export interface JavaBigDecimal {
  /** `BigDecimal.unscaledValue()`. */
  readonly unscaled: bigint;
  /** `BigDecimal.scale()`: the number of decimal places. It is negative for multiples of a power of ten. */
  readonly scale: number;
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

/** `new BigDecimal("10").pow(exponent, MathContext.DECIMAL64)`. */
export function powerOfTenDecimal64(exponent: number): JavaBigDecimal {
  if (exponent < -999999999 || exponent > 999999999) {
    throw new JavaException('ArithmeticException', 'Invalid operation');
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
export function parseJavaBigDecimal(amount: string): JavaBigDecimal {
  if (amount.length === 0) {
    // Java reads in[0] of an empty array and rethrows the index error as a NumberFormatException without a message.
    throw new JavaException('NumberFormatException', 'null');
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
        throw new JavaException('NumberFormatException', 'Character array contains more than one decimal point.');
      }
      seenPoint = true;
    } else {
      throw new JavaException('NumberFormatException', compact
        ? `Character ${character} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`
        : 'Character array is missing "exponent" mark \'e\' or \'E\'.');
    }
  }
  if (digits.length === 0) {
    throw new JavaException('NumberFormatException', 'No digits found.');
  }
  const magnitude = BigInt(digits);
  return { unscaled: amount[0] === '-' ? -magnitude : magnitude, scale };
}

/** `BigDecimal.multiply(BigDecimal)`: the unscaled values multiply, the scales add, and the scale must fit in an int. */
export function multiplyJavaBigDecimals(left: JavaBigDecimal, right: JavaBigDecimal): JavaBigDecimal {
  const unscaled = left.unscaled * right.unscaled;
  let scale = left.scale + right.scale;
  if (scale > INT_MAX || scale < INT_MIN) {
    if (left.unscaled !== 0n) {
      throw new JavaException('ArithmeticException', scale > INT_MAX ? 'Underflow' : 'Overflow');
    }
    scale = scale > INT_MAX ? INT_MAX : INT_MIN;
  }
  return { unscaled, scale };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x === 0n ? 1n : x;
}
