/**
 * Java's String semantics that configuration values go through. These take user input, so each
 * is also run on a large adversarial input: a backtracking regular expression here once took
 * seconds on 80,000 spaces (the jest timeout fails such a test).
 */
import { isJavaWhitespace, javaSplit, javaStrip, javaTokenize, javaTrim } from '../../src/private/jvm/java-string';
import { excludedPeriodsError } from '../../src/validation/checks/excluded-periods';

const SPACES = ' '.repeat(200_000);

describe('javaTrim', () => {
  test('strips characters up to U+0020 only', () => {
    expect(javaTrim('\u0000\t x \n\u001f')).toBe('x');
    expect(javaTrim('\u2028 x \u00a0')).toBe('\u2028 x \u00a0');
  });

  test('a large input with spaces inside', () => {
    expect(javaTrim(`x${SPACES}x`)).toHaveLength(SPACES.length + 2);
  });
});

describe('javaStrip (Character.isWhitespace)', () => {
  test.each([
    ['\u2003 x \u3000', 'x'],
    ['\u00a0x\u2007', '\u00a0x\u2007'], // no-break spaces are not whitespace in Java
    ['\u001cx\u001f', 'x'],
    ['\u0085x', '\u0085x'], // NEL is not Java whitespace
    ['', ''],
  ])('%p strips to %p', (text, stripped) => {
    expect(javaStrip(text)).toBe(stripped);
  });

  test('a large input: spaces between two letters, and only spaces', () => {
    expect(javaStrip(`x${SPACES}x`)).toBe(`x${SPACES}x`);
    expect(javaStrip(`${SPACES}x${SPACES}`)).toBe('x');
    expect(javaStrip(SPACES)).toBe('');
  });

  test.each(['\t', '\n', '\u000b', '\f', '\r', '\u001c', ' ', '\u1680', '\u2000', '\u2006', '\u2008', '\u200a', '\u2028', '\u2029', '\u205f', '\u3000'])(
    '%p is whitespace', (character) => {
      expect(isJavaWhitespace(character)).toBe(true);
    });

  test.each(['\u00a0', '\u2007', '\u202f', '\u0085', 'x', '\u200b'])('%p is not whitespace', (character) => {
    expect(isJavaWhitespace(character)).toBe(false);
  });
});

describe('javaSplit and javaTokenize', () => {
  test('split drops trailing empty pieces and keeps a leading one', () => {
    expect(javaSplit('a&&', '&&')).toEqual(['a']);
    expect(javaSplit('&&a', '&&')).toEqual(['', 'a']);
    expect(javaSplit('&&', '&&')).toEqual([]);
    expect(javaSplit('', '&&')).toEqual(['']);
  });

  test('tokenize skips empty tokens', () => {
    expect(javaTokenize('09::00:', ':')).toEqual(['09', '00']);
    expect(javaTokenize(`a${SPACES}b`, ' \t')).toEqual(['a', 'b']);
  });
});

describe('the autoscaler excluded periods on large values', () => {
  test("'x' + 200,000 spaces + 'x' is reported, not a hang", () => {
    expect(excludedPeriodsError(`x${SPACES}x`)).toMatch(/neither a valid daily expression nor a valid cron expression/);
  });

  test('200,000 spaces around a valid range', () => {
    expect(excludedPeriodsError(`${SPACES}22:00-23:59${SPACES}`)).toBeUndefined();
  });

  test('10,000 list elements', () => {
    expect(excludedPeriodsError(Array.from({ length: 10_000 }, () => '22:00-23:59').join(';'))).toBeUndefined();
  });
});
