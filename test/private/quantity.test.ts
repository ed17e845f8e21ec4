import {
  normalizeOperatorMemoryText,
  operatorCatches,
  parseEphemeralStorageQuantity,
  parseOperatorMemoryQuantity,
  parseQuantity,
} from '../../src/private/fabric8/quantity';
import {
  JavaBigDecimal,
  javaBigDecimalToBigInt,
  javaBigDecimalToRational,
  javaBigDecimalToString,
  MAX_RATIONAL_SCALE,
} from '../../src/private/jvm/big-decimal';
import { JavaException } from '../../src/private/jvm/java-exception';
import { javaDigitValue, javaIsDigit, tryParseJavaInt as javaParseInt } from '../../src/private/jvm/java-numbers';

/** `Quantity.getAmountInBytes(new Quantity(text)).toString()`. */
const amountString = (text: string) => javaBigDecimalToString(parseQuantity(text).value);

/** The error parseQuantity-like functions throw, or undefined. */
function errorOf(fn: () => unknown): JavaException | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof JavaException) {
      return error;
    }
    throw error;
  }
}

describe('parseQuantity: fabric8 QuantityTest', () => {
  // Expected strings from fabric8io/kubernetes-client
  // kubernetes-model-core/src/test/java/io/fabric8/kubernetes/api/model/QuantityTest.java (testExponents,
  // testNegativeExponents, testExponent, testNormalization).
  test.each([
    ['129e6', '129000000'],
    ['129e+6', '129000000'],
    ['8Ki', '8192'],
    ['7Mi', '7340032'],
    ['6Gi', '6442450944'],
    ['5Ti', '5497558138880'],
    ['4Pi', '4503599627370496'],
    ['3Ei', '3.458764513820541E+18'],
    ['5n', '5E-9'],
    ['4u', '0.000004'],
    ['3m', '0.003'],
    ['9', '9'],
    ['8k', '8000'],
    ['50k', '50000'],
    ['7M', '7000000'],
    ['6G', '6000000000'],
    ['5T', '5000000000000'],
    ['40T', '40000000000000'],
    ['300T', '300000000000000'],
    ['2P', '2000000000000000'],
    ['1E', '1.000000000000000E+18'],
    ['.5Mi', '524288.0'],
    ['0.5e-1', '0.05'],
    ['1.1E-5', '0.000011'],
    ['100001m', '100.001'],
    ['1n', '1E-9'],
    ['1e4', '10000'],
    ['2E9', '2000000000'],
  ])('%s -> %s', (text, expected) => {
    expect(amountString(text)).toBe(expected);
  });

  // QuantityTest.testEquality / testNormalization: equal numerical amounts.
  test.each([
    ['.5Mi', '512Ki'],
    ['1Gi', '1024Mi'],
  ])('%s equals %s numerically', (left, right) => {
    expect(javaBigDecimalToRational(parseQuantity(left).value)).toEqual(javaBigDecimalToRational(parseQuantity(right).value));
  });

  test('100.035k is 100035 (QuantityTest.testEquality hashCode)', () => {
    expect(parseQuantity('100.035k').value).toEqual({ unscaled: 100035000n, scale: 3 });
    expect(javaBigDecimalToBigInt(parseQuantity('100.035k').value)).toBe(100035n);
  });

  test('100m and 200m differ (QuantityTest.testFractions)', () => {
    expect(javaBigDecimalToRational(parseQuantity('100m').value)).not.toEqual(javaBigDecimalToRational(parseQuantity('200m').value));
  });

  // QuantityTest.testQuantityObj / testStringConversion: amount and format split.
  test.each([
    ['32Mi', '32', 'Mi'],
    ['.5Mi', '.5', 'Mi'],
    ['129e6', '129', 'e6'],
    ['0.001m', '0.001', 'm'],
    ['1e-3', '1', 'e-3'],
    ['100k', '100', 'k'],
    ['1', '1', ''],
  ])('%s splits into amount %p and format %p', (text, amount, format) => {
    const parsed = parseQuantity(text);
    expect(parsed.amount).toBe(amount);
    expect(parsed.format).toBe(format);
  });

  // QuantityTest.testParseFailure: each throws IllegalArgumentException. Messages from Quantity.java.
  test.each([
    ['4e9e', 'Invalid quantity string format passed'],
    ['', 'Invalid quantity string format passed.'],
    ['4MiB', 'Invalid quantity format passed to parse'],
    ['4megabyte', 'Invalid quantity format passed to parse'],
  ])('%p is rejected with %p', (text, message) => {
    const error = errorOf(() => parseQuantity(text));
    expect(error?.message).toBe(message);
    expect(error?.javaClass).toBe('IllegalArgumentException');
    expect(error !== undefined && operatorCatches(error)).toBe(true);
  });
});

describe('parseEphemeralStorageQuantity: operator cases', () => {
  // Values the operator accepts (its DefaultValidatorTest uses ephemeralStorage `2G`; fabric8's QuantityTest the others).
  test.each([
    ['2G', 2000000000n],
    ['1Gi', 1073741824n],
    ['512Mi', 536870912n],
    ['100', 100n],
    ['1e3', 1000n],
    ['-1Gi', -1073741824n], // negative amounts are not rejected by fabric8's Quantity
  ])('%s is %d bytes', (text, bytes) => {
    expect(javaBigDecimalToBigInt(parseEphemeralStorageQuantity(text).value)).toBe(bytes);
  });

  // The operator's DefaultValidatorTest: ephemeralStorage `abc` gives the BigDecimal message.
  test('abc gives the BigDecimal message the operator prints', () => {
    const error = errorOf(() => parseEphemeralStorageQuantity('abc'));
    expect(error?.message).toBe('Character a is neither a decimal digit number, decimal point, nor "e" notation exponential mark.');
    expect(error?.javaClass).toBe('NumberFormatException');
  });
});

describe('parseQuantity: BigDecimal amount rules (JDK BigDecimal(String))', () => {
  test.each([
    ['1.2.3', 'Character array contains more than one decimal point.'],
    ['-', 'No digits found.'],
    ['+Ki', 'No digits found.'],
    ['Gi', 'null'], // empty amount: NumberFormatException without a message
    ['1 Gi', 'Character   is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
    ['1B', 'Character B is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
    ['+-1', 'Character - is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
    // 18 characters after the sign still take the compact path...
    ['-12345678901234567a', 'Character a is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
    // ...19 and more take the long path, which words the error differently.
    ['123456789012345678a', 'Character array is missing "exponent" mark \'e\' or \'E\'.'],
  ])('%p is rejected with %p', (text, message) => {
    const error = errorOf(() => parseQuantity(text));
    expect(error?.message).toBe(message);
    expect(error?.javaClass).toBe('NumberFormatException');
  });

  test.each([
    ['.', '0'], // a leading '.' gets a '0' prepended, so "." is "0."
    ['.Gi', '0'],
    ['+5', '5'],
    ['-0.50', '-0.50'],
    ['-0', '0'],
    ['0001.10', '1.10'],
    ['1234567890123456789012345', '1234567890123456789012345'],
    ['\u0661\u0662', '12'], // Arabic-Indic digits are Java digits
    ['\uff13Ki', '3072'], // fullwidth digit three
  ])('%p is %s', (text, expected) => {
    expect(amountString(text)).toBe(expected);
  });

  test('a NUL at a digit code point index suppresses the leading-zero fix (fabric8 isDigit(indexOf(0)) quirk)', () => {
    const text = `.Gi${'x'.repeat(45)}\u0000`; // NUL at index 48, the code point of '0'
    expect(errorOf(() => parseQuantity(text))?.message).toBe('No digits found.');
    const withoutQuirk = `.Gi${'x'.repeat(44)}\u0000`; // NUL at index 47 ('/'): "0." is parsed, then the format fails
    expect(errorOf(() => parseQuantity(withoutQuirk))?.message).toBe('Invalid quantity format passed to parse');
  });
});

describe('parseQuantity: formats and exponents (Quantity.getMultiple)', () => {
  test.each([
    ['1e0', '1'],
    ['1e-0', '1'],
    ['1e15', '1000000000000000'],
    ['1e16', '1.000000000000000E+16'], // DECIMAL64 keeps 16 digits
    ['2e20', '2.000000000000000E+20'],
    ['1e-20', '1E-20'],
    ['1m5', '100000'], // any format with a digit is an exponent: everything after its first character
    ['1k-2', '0.01'],
    ['1e\u0663', '1000'], // Unicode digits count in Integer.parseInt
  ])('%s -> %s', (text, expected) => {
    expect(amountString(text)).toBe(expected);
  });

  test('Ei is 2^60 rounded to 16 digits, as BigDecimal.pow(60, DECIMAL64)', () => {
    expect(parseQuantity('1Ei').value).toEqual({ unscaled: 1152921504606847n, scale: -3 });
    expect(javaBigDecimalToBigInt(parseQuantity('1Ei').value)).toBe(1152921504606847000n);
  });

  test.each([
    ['1Ki3', 'For input string: "i3"', 'NumberFormatException'],
    ['1e3.5', 'For input string: "3.5"', 'NumberFormatException'],
    ['1e+-3', 'For input string: "+-3"', 'NumberFormatException'],
    ['1e99999999999', 'For input string: "99999999999"', 'NumberFormatException'],
    ['1e3Gi', 'Invalid quantity string format passed', 'IllegalArgumentException'],
    ['1e', 'Invalid quantity format passed to parse', 'IllegalArgumentException'],
    ['1K', 'Invalid quantity format passed to parse', 'IllegalArgumentException'],
    ['1ki', 'Invalid quantity format passed to parse', 'IllegalArgumentException'],
  ])('%p is rejected with %p', (text, message, javaException) => {
    const error = errorOf(() => parseQuantity(text));
    expect(error?.message).toBe(message);
    expect(error?.javaClass).toBe(javaException);
    expect(error !== undefined && operatorCatches(error)).toBe(true);
  });

  test.each(['1e1000000000', '1e-1000000000'])('%s throws ArithmeticException, which the operator does not catch', (text) => {
    const error = errorOf(() => parseQuantity(text));
    expect(error?.message).toBe('Invalid operation');
    expect(error?.javaClass).toBe('ArithmeticException');
    expect(error !== undefined && operatorCatches(error)).toBe(false);
  });

  test('the largest exponents still work', () => {
    expect(amountString('1e999999999')).toBe('1.000000000000000E+999999999');
    expect(amountString('1e-999999999')).toBe('1E-999999999');
  });

});

describe('parseOperatorMemoryQuantity: the operator fallback normalisation', () => {
  test.each([
    ['1Gi', '1Gi', '1073741824'],
    ['512Mi', '512Mi', '536870912'],
    ['1gi', '1Gi', '1073741824'],
    ['1GiB', '1Gi', '1073741824'],
    ['1gib', '1Gi', '1073741824'],
    ['512 mi', '512Mi', '536870912'],
    [' 2 GB ', '2G', '2000000000'],
    ['2\tg\nb', '2G', '2000000000'],
    ['1ki', '1Ki', '1024'],
    ['1e3', '1E3', '1000'],
    ['100m', '100M', '100000000'], // upper-casing makes 'm' mega, not milli
    // 1.5g parses as a quantity, but its Java string keeps a fraction, which MemorySize then rejects.
    ['1.5g', '1.5G', '1500000000.0'],
    ['1.5Gi', '1.5Gi', '1610612736.0'],
    ['1E', '1E', '1.000000000000000E+18'],
    ['1Ei', '1Ei', '1.152921504606847E+18'],
    ['0E', '0E', '0E+3'],
    ['-1Gi', '-1Gi', '-1073741824'],
  ])('%p normalises to %p and gives %p', (text, normalized, javaString) => {
    const parsed = parseOperatorMemoryQuantity(text);
    expect(parsed.normalized).toBe(normalized);
    expect(parsed.javaString).toBe(javaString);
  });

  test('1.5g is exactly 1.5e9', () => {
    expect(javaBigDecimalToRational(parseOperatorMemoryQuantity('1.5g').value)).toEqual({ numerator: 1500000000n, denominator: 1n });
  });

  // The operator's DefaultValidatorTest: memory `invalid` is a parse error. The message is from BigDecimal.
  test.each([
    ['invalid', 'Character I is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
    ['abc', 'Character A is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
    ['1nb', 'Character N is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'],
    ['B', 'Invalid quantity string format passed.'],
    ['  ', 'Invalid quantity string format passed.'],
    ['1kb', 'Invalid quantity format passed to parse'],
  ])('%p is rejected with %p', (text, message) => {
    expect(errorOf(() => parseOperatorMemoryQuantity(text))?.message).toBe(message);
  });

  test('only the Java \\s characters are removed inside the text; trim removes any control character at the ends', () => {
    expect(normalizeOperatorMemoryText('\u00011 Gi\u0001')).toBe('1Gi');
    expect(normalizeOperatorMemoryText('1\u00a0Gi')).toBe('1\u00a0Gi');
    expect(normalizeOperatorMemoryText('1\u0001Gi')).toBe('1\u0001Gi');
    expect(normalizeOperatorMemoryText('2BB')).toBe('2B');
    expect(normalizeOperatorMemoryText('2ib')).toBe('2i');
  });
});

describe('Java helpers', () => {
  test.each<[JavaBigDecimal, string]>([
    [{ unscaled: 0n, scale: 0 }, '0'],
    [{ unscaled: 0n, scale: 2 }, '0.00'],
    [{ unscaled: 0n, scale: -2 }, '0E+2'],
    [{ unscaled: -5n, scale: 1 }, '-0.5'],
    [{ unscaled: 123n, scale: 5 }, '0.00123'],
    [{ unscaled: 1n, scale: 7 }, '1E-7'],
    [{ unscaled: 123n, scale: 9 }, '1.23E-7'],
    [{ unscaled: 1234n, scale: 2 }, '12.34'],
    [{ unscaled: 1234n, scale: -2 }, '1.234E+5'],
    [{ unscaled: 1n, scale: -3 }, '1E+3'],
    [{ unscaled: -12n, scale: 1 }, '-1.2'],
  ])('BigDecimal.toString(%p) is %s', (decimal, expected) => {
    expect(javaBigDecimalToString(decimal)).toBe(expected);
  });

  test('rationals are reduced', () => {
    expect(javaBigDecimalToRational({ unscaled: -150n, scale: 2 })).toEqual({ numerator: -3n, denominator: 2n });
    expect(javaBigDecimalToRational({ unscaled: 0n, scale: 3 })).toEqual({ numerator: 0n, denominator: 1n });
    expect(javaBigDecimalToRational({ unscaled: 7n, scale: -2 })).toEqual({ numerator: 700n, denominator: 1n });
    expect(javaBigDecimalToBigInt({ unscaled: 15n, scale: 1 })).toBeUndefined();
    expect(javaBigDecimalToBigInt({ unscaled: 10n, scale: 1 })).toBe(1n);
    expect(() => javaBigDecimalToRational({ unscaled: 1n, scale: MAX_RATIONAL_SCALE + 1 })).toThrow(RangeError);
  });

  test.each([
    ['0', 0], ['+7', 7], ['-7', -7], ['-0', 0], ['007', 7], ['2147483647', 2147483647], ['-2147483648', -2147483648],
    ['\u0667', 7],
  ])('Integer.parseInt(%p) is %d', (text, expected) => {
    expect(javaParseInt(text)).toBe(expected);
  });

  test.each(['', '+', '-', '2147483648', '-2147483649', '1.0', ' 1', '1 ', '0x1', '++1', '99999999999'])('Integer.parseInt(%p) throws', (text) => {
    expect(javaParseInt(text)).toBeUndefined();
  });

  test('digit values in any script, one UTF-16 unit at a time', () => {
    expect(javaDigitValue('9')).toBe(9);
    expect(javaDigitValue('\u0669')).toBe(9);
    expect(javaDigitValue('\u09e6')).toBe(0);
    expect(javaDigitValue('a')).toBe(-1);
    expect(javaDigitValue('12')).toBe(-1);
    expect(javaDigitValue('\ud835')).toBe(-1); // half of a surrogate pair is never a digit
    expect(javaIsDigit('\u00b2')).toBe(false); // superscript two is No, not Nd
  });
});
