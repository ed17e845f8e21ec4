/**
 * Flink's MemorySize semantics. Expected values come from Flink's MemorySizeTest, from the
 * parsing rules of Flink's `MemorySize` (flink-core, `org.apache.flink.configuration.MemorySize`)
 * and from Java's own number semantics (`Integer.parseInt`, `Float.parseFloat`, `Double.toString`);
 * none is computed by the code under test.
 */
import {
  addMemorySizes, formatBytesValue, formatConfigValue, formatHumanReadable, formatMemorySize, MAX_MEMORY_BYTES,
  memorySizeToNumber, multiplyMemorySize, parseMemorySize, subtractMemorySize,
} from '../../src/private/flink/memory-size';
import { JavaException } from '../../src/private/jvm/java-exception';
import { javaDoubleToString, parseFlinkBoolean, parseJavaFloat, parseJavaInt } from '../../src/private/jvm/java-numbers';
import { javaTrim } from '../../src/private/jvm/java-string';

const K = 1024n;
const M = K * K;
const G = M * K;
const T = G * K;

/** The Java exception a call throws (fails the test if it does not throw one). */
function javaExceptionOf(action: () => unknown): JavaException {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(JavaException);
    return error as JavaException;
  }
  throw new Error('expected a JavaException');
}

describe('parseMemorySize', () => {
  // MemorySizeTest#testParseBytes
  test.each(['1234', '1234b', '1234 b', '1234bytes', '1234 bytes'])('parses %p as 1234 bytes', (text) => {
    expect(parseMemorySize(text)).toBe(1234n);
  });

  // MemorySizeTest#testParseKibiBytes / testParseMebiBytes / testParseGibiBytes / testParseTebiBytes
  test.each([
    ['667766', K, ['k', ' k', 'kb', ' kb', 'kibibytes', ' kibibytes']],
    ['7657623', M, ['m', ' m', 'mb', ' mb', 'mebibytes', ' mebibytes']],
    ['987654', G, ['g', ' g', 'gb', ' gb', 'gibibytes', ' gibibytes']],
    ['1234567', T, ['t', ' t', 'tb', ' tb', 'tebibytes', ' tebibytes']],
  ] as Array<[string, bigint, string[]]>)('parses %s with every spelling of its unit', (number, multiplier, units) => {
    for (const unit of units) {
      expect(parseMemorySize(`${number}${unit}`)).toBe(BigInt(number) * multiplier);
    }
  });

  // MemorySizeTest#testUpperCase
  test.each([['1 B', 1n], ['1 K', K], ['1 M', M], ['1 G', G], ['1 T', T], ['2 GiBiBytes', 2n * G]])('units are case-insensitive: %p', (text, bytes) => {
    expect(parseMemorySize(text)).toBe(bytes);
  });

  // MemorySizeTest#testTrimBeforeParse
  test.each(['      155      ', '      155      bytes   '])('trims %p', (text) => {
    expect(parseMemorySize(text)).toBe(155n);
  });

  // MemorySize.parse: leading zeros are fine; no unit means bytes; whitespace between number and unit
  test.each([['007m', 7n * M], ['0', 0n], ['64 mb', 64n * M], ['1728m', 1728n * M]])('parses %p', (text, bytes) => {
    expect(parseMemorySize(text)).toBe(bytes);
  });

  // MemorySize.parse, step 2: Java's trim strips every char <= U+0020 (control chars too), and nothing else
  test('trims ASCII control characters like Java, but not NBSP', () => {
    expect(parseMemorySize('\u0000\u001f 12m\u0007')).toBe(12n * M);
    expect(javaExceptionOf(() => parseMemorySize('\u00a012m')).message).toBe('text does not start with a number');
    expect(javaExceptionOf(() => parseMemorySize('12m\u00a0')).message).toMatch(/^Memory size unit 'm\u00a0' does not match/);
    expect(javaTrim('\u2028 x \u0001')).toBe('\u2028 x');
    expect(javaTrim('\u0000\t x \n\u001f')).toBe('x');
    expect(javaTrim('\u00a0x\u3000')).toBe('\u00a0x\u3000');
    expect(javaTrim('   ')).toBe('');
  });

  // MemorySizeTest#testParseInvalid (empty, blank); message: MemorySize.parse, step 3
  test.each(['', '     '])('rejects the empty or blank %p', (text) => {
    const error = javaExceptionOf(() => parseMemorySize(text));
    expect(error.javaClass).toBe('IllegalArgumentException');
    expect(error.message).toBe('argument is an empty- or whitespace-only string');
  });

  // MemorySizeTest#testParseInvalid (no number, negative number); MemorySize.parse, step 6: "+1m", ".5g" also fail
  test.each(['foobar or fubar or foo bazz', '-100 bytes', '+1m', '.5g'])('rejects %p: no leading digits', (text) => {
    const error = javaExceptionOf(() => parseMemorySize(text));
    expect(error.javaClass).toBe('NumberFormatException');
    expect(error.message).toBe('text does not start with a number');
  });

  // MemorySizeTest#testParseInvalid (wrong unit, multiple numbers); MemorySize.parse, steps 8 and 10
  test.each([
    ['16 gjah', 'gjah'],
    ['16 16 17 18 bytes', '16 17 18 bytes'],
    ['1.5g', '.5g'],
    ['0x10', 'x10'],
    ['1 g b', 'g b'],
    ['1kib', 'kib'],
    ['1 MiB', 'mib'],
    ['1p', 'p'],
  ])('rejects %p: unknown unit %p', (text, unit) => {
    const error = javaExceptionOf(() => parseMemorySize(text));
    expect(error.javaClass).toBe('IllegalArgumentException');
    expect(error.message).toBe(`Memory size unit '${unit}' does not match any of the recognized units: `
      + '(b | bytes) / (k | kb | kibibytes) / (m | mb | mebibytes) / (g | gb | gibibytes) / (t | tb | tebibytes)');
  });

  // MemorySizeTest#testParseNumberOverflow; message: MemorySize.parse, step 7 (Flink's "re represented" typo included)
  test('rejects a number beyond 64 bits', () => {
    const error = javaExceptionOf(() => parseMemorySize('100000000000000000000000000000000 bytes'));
    expect(error.message).toBe("The value '100000000000000000000000000000000' cannot be re represented as 64bit number (numeric overflow).");
  });

  // MemorySizeTest#testParseNumberTimeUnitOverflow; message: MemorySize.parse, step 9 (quotes the untrimmed text)
  test('rejects a number whose bytes overflow 64 bits', () => {
    const error = javaExceptionOf(() => parseMemorySize(' 100000000000000 tb'));
    expect(error.message).toBe("The value ' 100000000000000 tb' cannot be re represented as 64bit number of bytes (numeric overflow).");
  });

  // MemorySize: Long.MAX_VALUE is the largest size; 8388607t is the largest whole number of tebibytes
  test('accepts up to Long.MAX_VALUE bytes', () => {
    expect(parseMemorySize('9223372036854775807')).toBe(9223372036854775807n);
    expect(parseMemorySize('8388607t')).toBe(8388607n * T);
    expect(() => parseMemorySize('9223372036854775808')).toThrow(/cannot be re represented as 64bit number \(numeric overflow\)/);
    expect(() => parseMemorySize('8388608t')).toThrow(/cannot be re represented as 64bit number of bytes/);
  });
});

describe('MemorySize arithmetic', () => {
  // MemorySize and Java floats: fractions are floats widened to double; 0.4f is 0.4000000059604645, 0.1f is 0.10000000149011612.
  // Real TaskManager logs: managed 536870920 and network 134217730 for Total Flink 1342177280.
  test.each([
    [1342177280n, 0.4, 536870920n], // 1342177280 × 0.4000000059604645 = 536870920.0000…
    [1342177280n, 0.1, 134217730n], // 1342177280 × 0.10000000149011612 = 134217730.0000…
    [1811939328n, 0.1, 181193935n], // Flink 2.0.0 TM log: overhead from fraction "172.800mb" = 181193935 bytes
    [1677721600n, 0.1, 167772162n], // Flink 1.11.0/2.0.0 JM logs: 160.000mb = 167772162 bytes
    [2483027968n, 0.4, 993211202n], // StreamPark (Flink 1.17) log: managed memory
    [2483027968n, 0.1, 248302800n], // StreamPark (Flink 1.17) log: network memory
  ])('%p × (double) %pf truncates like BigDecimal: %p', (bytes, fraction, expected) => {
    expect(multiplyMemorySize(bytes, Math.fround(fraction))).toBe(expected);
  });

  // MemorySize and Java floats: the inverse ratio f / (1 - f) for 0.1f is 0.11111111295076065
  test('multiplies by the inverse ratio computed in double', () => {
    const f = Math.fround(0.1);
    expect(f / (1 - f)).toBe(0.11111111295076065);
    // 1585446912 × 0.11111111295076065 = 176160770.9… (TaskExecutorProcessUtils.processSpecFromWorkerResourceSpec, before capping)
    expect(multiplyMemorySize(1585446912n, f / (1 - f))).toBe(176160770n);
  });

  // MemorySize and Java floats: an exponent in the double's decimal string is honoured (1.0E-7 = 0.0000001)
  test('handles doubles printed with an exponent', () => {
    expect(multiplyMemorySize(10n ** 12n, 1e-7)).toBe(100000n);
    expect(multiplyMemorySize(0n, 1e21)).toBe(0n);
    expect(() => multiplyMemorySize(3n, 1e21)).toThrow('long overflow');
  });

  // MemorySize and Java floats: multiplier must be >= 0 (NaN fails too); a product above Long.MAX_VALUE is "long overflow"
  test('rejects negative or NaN multipliers and overflowing products', () => {
    expect(javaExceptionOf(() => multiplyMemorySize(1n, -0.5)).message).toBe('multiplier must be >= 0');
    expect(javaExceptionOf(() => multiplyMemorySize(1n, NaN)).message).toBe('multiplier must be >= 0');
    const overflow = javaExceptionOf(() => multiplyMemorySize(MAX_MEMORY_BYTES, 2));
    expect([overflow.javaClass, overflow.message]).toEqual(['ArithmeticException', 'long overflow']);
    expect(() => multiplyMemorySize(1n, Infinity)).toThrow(/multiplier must be finite/);
  });

  // MemorySize and Java floats: add is Math.addExact; subtract below zero is rejected by the MemorySize constructor
  test('adds exactly and subtracts without going negative', () => {
    expect(addMemorySizes(MAX_MEMORY_BYTES - 1n, 1n)).toBe(MAX_MEMORY_BYTES);
    expect(javaExceptionOf(() => addMemorySizes(MAX_MEMORY_BYTES, 1n)).message).toBe('long overflow');
    expect(subtractMemorySize(3n, 3n)).toBe(0n);
    expect(javaExceptionOf(() => subtractMemorySize(3n, 4n)).message).toBe('bytes must be >= 0');
  });
});

describe('MemorySize formatting', () => {
  // MemorySizeTest#testToHumanReadableString, plus MemorySize.toHumanReadableString examples
  test.each([
    [0n, '0 bytes'],
    [1n, '1 bytes'],
    [1024n, '1024 bytes'],
    [1025n, '1.001kb (1025 bytes)'],
    [1536n, '1.500kb (1536 bytes)'],
    [1_000_000n, '976.563kb (1000000 bytes)'],
    [1_000_000_000n, '953.674mb (1000000000 bytes)'],
    [1_000_000_000_000n, '931.323gb (1000000000000 bytes)'],
    [1_000_000_000_000_000n, '909.495tb (1000000000000000 bytes)'],
    [1048576n, '1024.000kb (1048576 bytes)'],
    [1073741824n, '1024.000mb (1073741824 bytes)'],
    [1811939328n, '1.688gb (1811939328 bytes)'],
    [181193935n, '172.800mb (181193935 bytes)'], // Flink 2.0.0 TM log
    [3221225472n, '3.000gb (3221225472 bytes)'], // a published TaskManager log
    [MAX_MEMORY_BYTES, '8388608.000tb (9223372036854775807 bytes)'],
  ])('toHumanReadableString(%p) is %p', (bytes, text) => {
    expect(formatHumanReadable(bytes)).toBe(text);
  });

  // String.format("%.3f") rounds the shortest decimal digits half-up: 697561512742486 / 2^40 prints as 634.4285,
  // which Java 17 and 25 format as 634.429 (checked with a Java harness; plain toFixed(3) gives 634.428)
  test('rounds like Java String.format, not like Number.toFixed', () => {
    expect(formatHumanReadable(697561512742486n)).toBe('634.429tb (697561512742486 bytes)');
  });

  // MemorySize.toString(): MemorySize.toString(), including its quirk for multiples of 1 TiB
  test.each([
    [1536n * M, '1536 mb'],
    [T, '1099511627776 bytes'],
    [3n * T, '3298534883328 bytes'],
    [0n, '0 bytes'],
    [1025n, '1025 bytes'],
    [2n * G, '2 gb'],
    [18n * K, '18 kb'],
  ])('toString(%p) is %p', (bytes, text) => {
    expect(formatMemorySize(bytes)).toBe(text);
  });

  test('configuration values round-trip through Flink parsing', () => {
    expect(formatConfigValue(1728n * M)).toBe('1728m');
    expect(formatConfigValue(134217730n)).toBe('134217730b');
    expect(formatBytesValue(1728n * M)).toBe('1811939328b');
    for (const bytes of [0n, 1n, 1728n * M, 134217730n, MAX_MEMORY_BYTES]) {
      expect(parseMemorySize(formatConfigValue(bytes))).toBe(bytes);
      expect(parseMemorySize(formatBytesValue(bytes))).toBe(bytes);
    }
  });

  test('converts to a JavaScript number only while exact', () => {
    expect(memorySizeToNumber('x', 2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => memorySizeToNumber('Total Flink Memory', 2n ** 53n)).toThrow(/Total Flink Memory is 9007199254740992 bytes, more than a JavaScript number holds exactly/);
  });
});

describe('Java number conversions', () => {
  // ConfigurationUtils: Flink reads fractions with Float.parseFloat and widens them to double
  test.each([
    ['0.1', 0.10000000149011612],
    ['0.4', 0.4000000059604645],
    ['0.2', 0.20000000298023224],
    [' 0.1 ', 0.10000000149011612],
    ['0.1f', 0.10000000149011612],
    ['1e-1D', 0.10000000149011612],
    ['-0.1', -0.10000000149011612],
    ['.5', 0.5],
    ['5.', 5],
    ['0x1.8p1', 3],
    ['1.0', 1],
    ['1e39', Infinity],
    ['-1e39', -Infinity],
    ['1e-46', 0],
    ['1e-50', 0],
    ['0.0', 0],
    ['3.5e38', Infinity], // above Float.MAX_VALUE (3.4028235e38) by more than half an ulp
    ['0x1p-151', 0],
    ['0x1p128', Infinity],
    ['1.4e-45', 1.401298464324817e-45],
    ['3.4028235e38', 3.4028234663852886e38],
  ])('Float.parseFloat(%p) widened is %p', (text, value) => {
    expect(parseJavaFloat(text)).toBe(value);
  });

  // Java's grammar: NaN/Infinity with sign, but not in lower case and not with a suffix
  test('accepts NaN and Infinity as Java does', () => {
    expect(parseJavaFloat('NaN')).toBeNaN();
    expect(parseJavaFloat('-NaN')).toBeNaN();
    expect(parseJavaFloat('+Infinity')).toBe(Infinity);
    expect(Object.is(parseJavaFloat('-0'), -0)).toBe(true);
  });

  test.each(['', '  ', 'abc', 'nan', 'Infinityf', '1e', '0x1.8', '1_0', '1,5', '.', '0.1ff'])('Float.parseFloat(%p) fails', (text) => {
    const error = javaExceptionOf(() => parseJavaFloat(text));
    expect(error.javaClass).toBe('NumberFormatException');
    expect(error.message).toBe(text.trim() === '' ? 'empty String' : `For input string: "${text.trim()}"`);
  });

  // Java's Float.parseFloat rounds once, decimal to float: 1.00000005960464477539062500001 lies just above the
  // midpoint of 1 and the next float, so it rounds up (double-then-float rounding would give 1.0)
  test('rounds decimal text to float in one step', () => {
    expect(parseJavaFloat('1.00000005960464477539062500001')).toBe(1.0000001192092896);
    expect(Math.fround(Number('1.00000005960464477539062500001'))).toBe(1);
    expect(parseJavaFloat('1.000000059604644775390625')).toBe(1); // the exact midpoint: ties to even
  });

  // Integer.parseInt: sign allowed, no whitespace, 32-bit range
  test('parses integers like Integer.parseInt', () => {
    expect(parseJavaInt('2048')).toBe(2048);
    expect(parseJavaInt('+7')).toBe(7);
    expect(parseJavaInt('-2147483648')).toBe(-2147483648);
    for (const text of [' 1', '2147483648', '1.0', '', '0x10']) {
      expect(javaExceptionOf(() => parseJavaInt(text)).message).toBe(`For input string: "${text}"`);
    }
  });

  // Flink's ConfigurationUtils.convertToBoolean
  test('parses booleans like Flink', () => {
    expect(parseFlinkBoolean('TRUE')).toBe(true);
    expect(parseFlinkBoolean('False')).toBe(false);
    expect(javaExceptionOf(() => parseFlinkBoolean('yes')).message)
      .toBe('Unrecognized option for boolean: yes. Expected either true or false(case insensitive)');
  });

  // Double.toString as Flink's "Inconsistently configured" message prints the fraction (ProcessMemoryUtils)
  test.each([
    [Math.fround(-0.1), '-0.10000000149011612'],
    [1, '1.0'],
    [Math.fround(0.4), '0.4000000059604645'],
    [0.0001, '1.0E-4'],
    [1.5e10, '1.5E10'],
    [1e7, '1.0E7'],
    [0.001, '0.001'],
    [0, '0.0'],
    [-0, '-0.0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('Double.toString(%p) is %p', (value, text) => {
    expect(javaDoubleToString(value)).toBe(text);
  });
});
