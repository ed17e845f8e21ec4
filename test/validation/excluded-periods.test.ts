import { splitFlinkList } from '../../src/private/flink/list-splitter';
import { CronValidationOptions, isValidCronExpression, quartzCronError } from '../../src/private/quartz/cron-expression';
import { isValidDailyExpression } from '../../src/private/quartz/daily-calendar';
import { EXCLUDED_PERIODS_KEY, excludedExpressionError, excludedPeriodsError } from '../../src/validation/checks/excluded-periods';

const neither = (expression: string) =>
  `Invalid value ${expression} in the autoscaler config job.autoscaler.excluded.periods, the value is neither a valid daily expression nor a valid cron expression`;
const sameKind = (expression: string) =>
  `Invalid value ${expression} in the autoscaler config job.autoscaler.excluded.periods, the value can not be configured as dailyExpression && dailyExpression or cronExpression && cronExpression`;
const tooMany = (expression: string) => `Invalid value ${expression} in the autoscaler config job.autoscaler.excluded.periods`;

const LEGACY: CronValidationOptions = { quartz: 'legacy', currentYear: 2025 };
const CURRENT: CronValidationOptions = { quartz: 'current', currentYear: 2025 };

describe('excludedPeriodsError: operator CalendarUtilsTest.testValidateExcludedPeriods', () => {
  // apache/flink-kubernetes-operator flink-autoscaler/src/test/java/org/apache/flink/autoscaler/utils/CalendarUtilsTest.java.
  // Each Java List.of(...) is written here as the option's ';'-separated string form.
  test.each([
    ['09:13:17-08:15:18', neither('09:13:17-08:15:18')],
    ['09:13:17-25:15:18', neither('09:13:17-25:15:18')],
    ['09:13:17-11:15:18;18:01:20-16:00:00', neither('18:01:20-16:00:00')],
    ['09:13:17-11:15:18 && 12:01:20-16:00:00', sameKind('09:13:17-11:15:18 && 12:01:20-16:00:00')],
    ['09:13:17-11:15:18;14:01:20-16:00:00', undefined],
    ['* * * ? * 2,5555', neither('* * * ? * 2,5555')],
    ['* * * ? * 2,5 && 18:01:20-16:00:00', neither('* * * ? * 2,5 && 18:01:20-16:00:00')],
    ['* * * ? * 2,5 && * * 11-13 * * ?', sameKind('* * * ? * 2,5 && * * 11-13 * * ?')],
    ['* * * ? * 2,5 && 14:01:20-16:00:00', undefined],
  ])('%p -> %p', (value, expected) => {
    expect(excludedPeriodsError(value)).toBe(expected);
  });

  // CalendarUtilsTest.testExcludedPeriods: expressions it evaluates must be valid.
  test.each(['* * 14-16 * * ?', '09:13:17-11:15:18;14:01:20-16:00:00'])('%p is valid', (value) => {
    expect(excludedPeriodsError(value)).toBeUndefined();
  });

  // The operator's DefaultValidatorTest.testAutoScalerDeploymentWithInvalidExcludedPeriods.
  test('12:00-10:00 is rejected', () => {
    expect(excludedPeriodsError('12:00-10:00')).toBe(neither('12:00-10:00'));
  });
});

describe('excludedExpressionError: splitting on && (the autoscaler\'s CalendarUtils)', () => {
  test('more than two parts', () => {
    expect(excludedExpressionError('09:00-10:00 && * * * ? * 2 && 11:00-12:00')).toBe(tooMany('09:00-10:00 && * * * ? * 2 && 11:00-12:00'));
    expect(excludedExpressionError('a&&&&b')).toBe(tooMany('a&&&&b')); // Java split keeps the empty middle piece
  });

  test('Java split drops trailing empty pieces, so "&&" alone is valid and "x&&" is one piece', () => {
    expect(excludedExpressionError('&&')).toBeUndefined();
    expect(excludedExpressionError('&&&&')).toBeUndefined();
    expect(excludedExpressionError('09:00-10:00&&')).toBeUndefined();
    expect(excludedExpressionError('09:00-10:00&&&&')).toBeUndefined();
    expect(excludedExpressionError('&&09:00-10:00')).toBe(neither('&&09:00-10:00')); // the leading empty piece is kept
  });

  test('parts are stripped of Unicode whitespace (String.strip)', () => {
    expect(excludedExpressionError('\u3000* * * ? * 2,5\t&&\u2003 14:01:20-16:00:00\n')).toBeUndefined();
    expect(excludedExpressionError('\u00a014:01:20-16:00:00')).toBe(neither('\u00a014:01:20-16:00:00')); // NBSP is not Java whitespace
  });

  test('the order of daily and cron does not matter', () => {
    expect(excludedExpressionError('14:01:20-16:00:00 && * * * ? * MON-FRI')).toBeUndefined();
  });

  test('the first invalid list element wins', () => {
    expect(excludedPeriodsError('09:00-10:00;bad;worse')).toBe(neither('bad'));
  });

  test('messages use the main key', () => {
    expect(EXCLUDED_PERIODS_KEY).toBe('job.autoscaler.excluded.periods');
  });
});

describe('splitFlinkList: Flink StructuredOptionsSplitter', () => {
  test.each<[string, string[]]>([
    ['', []],
    ['a', ['a']],
    [' a ; b ', ['a', 'b']],
    ['a;;b', ['a', '', 'b']],
    ['a; ;b', ['a', '', 'b']],
    [';a;', ['a']],
    [';;', ['']],
    ['\'a;b\';c', ['a;b', 'c']],
    ['"it\'\'s";\'it\'\'s\'', ['it\'\'s', 'it\'s']],
    ['"a""b"', ['a"b']],
    ['a\'b;c', ['a\'b', 'c']],
    [' \'x\' ;y', ['x', 'y']],
  ])('%p -> %p', (value, expected) => {
    expect(splitFlinkList(value)).toEqual(expected);
  });

  test('bad quoting throws as Flink does (an internal error in the operator)', () => {
    expect(() => splitFlinkList('\'a\'b')).toThrow('Could not split string. Illegal quoting at position: 2');
    expect(() => splitFlinkList('\'a')).toThrow('Could not split string. Quoting was not closed properly.');
    expect(() => excludedPeriodsError('\'09:00-10:00\' x')).toThrow(/Illegal quoting/);
  });

  test('a quoted element may contain ;', () => {
    expect(excludedPeriodsError('\'09:00-10:00\';"* * * ? * 2,5 && 14:01:20-16:00:00"')).toBeUndefined();
    expect(excludedPeriodsError(';;')).toBe(neither(''));
  });
});

describe('isValidDailyExpression: Quartz DailyCalendar(String, String)', () => {
  test.each([
    '09:00-10:00',
    '0:0-23:59:59:999',
    '9:0:0:999-9:0:1',
    '09:00:00:000-09:00:00:001',
    '09:00-10:00-', // Java split drops the trailing empty piece
    '09::00-10:00', // StringTokenizer skips empty tokens
    ':09:00:-10:00',
    '+9:00-10:00', // Integer.parseInt accepts a plus sign
    '\u0660\u0669:00-10:00', // ...and any script's digits
    '00:00-00:00:00:001',
  ])('%p is valid', (expression) => {
    expect(isValidDailyExpression(expression)).toBe(true);
  });

  test.each([
    '10:00-10:00', // start must be strictly before end
    '12:00-10:00',
    '22:00-02:00', // no wrap-around
    '24:00-24:30',
    '09:60-10:00',
    '09:00:60-10:00',
    '09:00:00:1000-10:00',
    '-1:00-10:00', // three pieces
    '9-10', // one field per side
    '1:2:3:4:5-6:7',
    '09:00 -10:00', // a space inside a field
    ' 09:00-10:00', // not stripped here
    '09:00--10:00',
    '09:00',
    '',
    '-',
    'a:b-c:d',
    '09:00-99999999999:00',
  ])('%p is invalid', (expression) => {
    expect(isValidDailyExpression(expression)).toBe(false);
  });
});

describe('isValidCronExpression: Quartz CronExpressionTest', () => {
  // quartz-scheduler/quartz quartz/src/test/java/org/quartz/CronExpressionTest.java.
  test.each([
    '0 15 10 * * ? 2005',
    '0 15 10 L-2 * ? 2010',
    '0 15 10 L-5W * ? 2010',
    '0 15 10 L-1 * ? 2010',
    '0 15 10 L-1W * ? 2010',
    '0 15 10 L * ? 2005',
    '0 15 10 L 2 ? 2004',
    '19 15 10 4 Apr ? ',
    '0 0 0 L-2 * ? *',
    '0 0 0 LW * ? *',
    '0 43 9 ? * 5L',
  ])('%p is valid in both parser generations', (expression) => {
    expect(quartzCronError(expression, LEGACY)).toBeUndefined();
    expect(quartzCronError(expression, CURRENT)).toBeUndefined();
  });

  test.each([
    ['* * * * Foo ? ', 'Invalid Month value: \'FOO\''],
    ['* * * * Jan-Foo ? ', 'Invalid Month value: \'FOO\''],
    ['0 0 * * * *', 'Support for specifying both a day-of-week AND a day-of-month parameter is not implemented.'],
    ['0 0 * 4 * *', 'Support for specifying both a day-of-week AND a day-of-month parameter is not implemented.'],
    ['0 0 * * * 4', 'Support for specifying both a day-of-week AND a day-of-month parameter is not implemented.'],
    ['0 43 9 ? * SAT,SUN,L', 'Support for specifying \'L\' with other days of the week is not implemented'],
    ['0 43 9 ? * 6,7,L', 'Support for specifying \'L\' with other days of the week is not implemented'],
    ['0/5 * * 32W 1 ?', 'The \'W\' option does not make sense with values larger than 31 (max number of days in a month)'],
    ['/120 0 8-18 ? * 2-6', 'Increment > 60 : 120'],
    ['0/120 0 8-18 ? * 2-6', 'Increment > 60 : 120'],
    ['/ 0 8-18 ? * 2-6', '\'/\' must be followed by an integer.'],
    ['0/ 0 8-18 ? * 2-6', '\'/\' must be followed by an integer.'],
    ['0 /120 8-18 ? * 2-6', 'Increment > 60 : 120'],
    ['0 0/120 8-18 ? * 2-6', 'Increment > 60 : 120'],
    ['0 / 8-18 ? * 2-6', '\'/\' must be followed by an integer.'],
    ['0 0/ 8-18 ? * 2-6', '\'/\' must be followed by an integer.'],
    ['0 0 /120 ? * 2-6', 'Increment > 24 : 120'],
    ['0 0 0/120 ? * 2-6', 'Increment > 24 : 120'],
    ['0 0 / ? * 2-6', '\'/\' must be followed by an integer.'],
    ['0 0 0/ ? * 2-6', '\'/\' must be followed by an integer.'],
    ['0 0 0 /120 * 2-6', 'Increment > 31 : 120'],
    ['0 0 0 0/120 * 2-6', 'Increment > 31 : 120'],
    ['0 0 0 / * 2-6', '\'/\' must be followed by an integer.'],
    ['0 0 0 0/ * 2-6', '\'/\' must be followed by an integer.'],
    ['0 0 0 ? /120 2-6', 'Increment > 12 : 120'],
    ['0 0 0 ? 0/120 2-6', 'Increment > 12 : 120'],
    ['0 0 0 ? / 2-6', '\'/\' must be followed by an integer.'],
    ['0 0 0 ? 0/ 2-6', '\'/\' must be followed by an integer.'],
    ['0 0 0 ? * /120', 'Increment > 7 : 120'],
    ['0 0 0 ? * 0/120', 'Increment > 7 : 120'],
    ['0 0 0 ? * /', '\'/\' must be followed by an integer.'],
    ['0 0 0 ? * 0/', '\'/\' must be followed by an integer.'],
  ])('%p is rejected with %p', (expression, message) => {
    expect(quartzCronError(expression, LEGACY)).toBe(message);
    expect(quartzCronError(expression, CURRENT)).toBe(message);
    expect(isValidCronExpression(expression)).toBe(false);
  });

  // testQuartz640 (legacy test file) versus testLastDayOffset (current test file).
  test.each(['0 43 9 1,5,29,L * ?', '0 15 10 1,L * ? 2010', '0 15 10 L-1W,L-1 * ? 2010'])('%p: L with other days of the month', (expression) => {
    expect(quartzCronError(expression, LEGACY)).toBe('Support for specifying \'L\' and \'LW\' with other days of the month is not implemented');
    expect(quartzCronError(expression, CURRENT)).toBeUndefined();
  });

  test('2W,16 is valid in both generations', () => {
    expect(isValidCronExpression('0 15 10 2W,16 * ? 2010', LEGACY)).toBe(true);
    expect(isValidCronExpression('0 15 10 2W,16 * ? 2010', CURRENT)).toBe(true);
  });
});

describe('isValidCronExpression: Quartz syntax rules', () => {
  test.each([
    '0 0 12 * * ?',
    '0 15 10 ? * *',
    '0 15 10 * * ? *',
    '0 0/5 14,18 * * ?',
    '0 0-5 14 * * ?',
    '0 10,44 14 ? 3 WED',
    '0 15 10 ? * MON-FRI',
    '0 15 10 15 * ?',
    '0 15 10 ? * 6L',
    '0 15 10 ? * 6L 2002-2005',
    '0 15 10 ? * 6#3',
    '0 0 12 1/5 * ?',
    '0 11 11 11 11 ?',
    '0 0 22-2 ? * FRI-MON', // ranges may wrap
    '0 0 0 ? NOV-FEB *',
    '0 0 0 ? JAN-DEC SUN-SAT',
    '0 0 0 ? jan mon', // case-insensitive
    '0 0 0 ? * MONDAY', // only the first three letters are read
    '0 0 0 ? * MON#5',
    '0 0 0 ? * SATL',
    '0 0 0 LW * ?',
    '0 0 0 L-30 * ?',
    '0 0 0 L-W * ?',
    '0 0 0 15W * ?',
    '0 0 0 ? * L',
    '0 0 0 ? * L-3',
    '0 0 0 ? * 7L',
    '0\t0  0 ? * *', // tabs and repeated spaces separate fields
    '59 59 23 31 12 ? 2099',
    '0 0 0 ? * * 1969', // year values are not range-checked
    '0 0 0 ? * * 2500',
    '0 0 0 ? * * 2000-2500',
    '0 0 0 ? * * 1970/50',
    '0 0 0 ? * * */1000',
    '5X * * ? * *', // Quartz ignores junk after a value
    '*X * * ? * *',
    '*/-5 * * ? * *', // a negative or zero step on * means every value
    '*/0 * * ? * *',
    '0-59/100 * * ? * *', // a range step is not range-checked
    '59-0 * * ? * *',
    '0 0 0 31-1 * ?',
    '0 0 0 ? * 1-0',
    '0 0 0 1-31/0 * ?',
    'L * * ? * *', // L in other fields is read and ignored
    'LW L-5 L ? * *',
    '0 0 0 ?X * *', // one character after '?' is tolerated
    '0 0 0 ? * 9#2', // '#' skips the day-of-week bounds check
    '0 0 0 0W * ?', // 'W' has no lower bound
    '0 0 0 ? * 2,5,7',
    '0 0 0 ? * 2-\u0665', // the end of a range is a single Integer.parseInt(char), so any script's digit works
    '0 0 0 ? * 1-5/\u0662',
    '0 0 0 ? * 1/2',
  ])('%p is valid', (expression) => {
    expect(quartzCronError(expression, LEGACY)).toBeUndefined();
    expect(isValidCronExpression(expression, CURRENT)).toBe(true);
  });

  test.each([
    ['', 'Unexpected end of expression.'],
    ['0 0 0 ? *', 'Unexpected end of expression.'],
    ['60 * * ? * *', 'Minute and Second values must be between 0 and 59'],
    ['* 60 * ? * *', 'Minute and Second values must be between 0 and 59'],
    ['0-60 * * ? * *', 'Minute and Second values must be between 0 and 59'],
    ['* * 24 ? * *', 'Hour values must be between 0 and 23'],
    ['* * * 0 * ?', 'Day of month values must be between 1 and 31'],
    ['* * * 32 * ?', 'Day of month values must be between 1 and 31'],
    ['* * * 1-32 * ?', 'Day of month values must be between 1 and 31'],
    ['* * * ? 0 *', 'Month values must be between 1 and 12'],
    ['* * * ? 13 *', 'Month values must be between 1 and 12'],
    ['* * * ? * 0', 'Day-of-Week values must be between 1 and 7'],
    ['* * * ? * 8', 'Day-of-Week values must be between 1 and 7'],
    ['* * * ? * 1-8', 'Day-of-Week values must be between 1 and 7'],
    ['* * * ? * 8L', 'Day-of-Week values must be between 1 and 7'],
    ['* * * ? * ?', '\'?\' can only be specified for Day-of-Month -OR- Day-of-Week.'],
    ['? * * ? * *', '\'?\' can only be specified for Day-of-Month or Day-of-Week.'],
    ['0 0 0 ?XY * *', 'Illegal character after \'?\': X'],
    ['0 0 0 ? * MOX', 'Invalid Day-of-Week value: \'MOX\''],
    ['0 0 0 ? * MON-FRX', 'Invalid Day-of-Week value: \'FRX\''],
    ['0 0 0 ? JAN-XYZ *', 'Invalid Month value: \'XYZ\''],
    ['JAN 0 0 ? * *', 'Illegal characters for this position: \'JAN\''],
    ['0 0 0 ? * MON#6', 'A numeric value between 1 and 5 must follow the \'#\' option'],
    ['0 0 0 ? * MON#', 'A numeric value between 1 and 5 must follow the \'#\' option'],
    ['0 0 0 ? * 2#0', 'A numeric value between 1 and 5 must follow the \'#\' option'],
    ['0 0 0 ? * 2#1,3#2', 'Support for specifying multiple "nth" days is not implemented.'],
    ['0 0 0 ? * 2W', '\'W\' option is not valid here. (pos=1)'],
    ['0 0 0 5L * ?', '\'L\' option is not valid here. (pos=1)'],
    ['0 0 0 5#2 * ?', '\'#\' option is not valid here. (pos=1)'],
    ['0 0 0 L-31 * ?', 'Offset from last day must be <= 30'],
    ['0 0 0 ? * 1/2X', 'Unexpected character \'X\' after \'/\''],
    ['*/ * * ? * *', 'Unexpected end of string.'],
    ['0 0 0 ? * @', 'Unexpected character: @'],
    ['0 0 0 ? * \u00e9', 'Unexpected character: \u00c9'],
  ])('%p is rejected with %p', (expression, message) => {
    expect(quartzCronError(expression, LEGACY)).toBe(message);
  });

  test.each([
    '*/5X * * ? * *', // the step is parsed to the end of the value
    '5- * * ? * *', // nothing after '-'
    '5-X * * ? * *',
    '5-1/ * * ? * *',
    '5-1/X * * ? * *',
    '0 0 0 ? * MO', // fewer than three letters
    '0 0 0 ? * MON-FR',
    '0 0 0 L- * ?',
    '0 0 0 L5 * ?',
    '99999999999 * * ? * *',
    '0 0 0 ? * * 2500-2400', // a year range may not wrap
  ])('%p is rejected (a Java runtime exception that Quartz wraps)', (expression) => {
    expect(quartzCronError(expression, LEGACY)).toMatch(/^Illegal cron expression format \(java\.lang\./);
    expect(isValidCronExpression(expression, CURRENT)).toBe(false);
  });

  test('a start/step year after MAX_YEAR (current year + 100) fails', () => {
    expect(isValidCronExpression('0 0 0 ? * * 2125/5', { currentYear: 2025 })).toBe(true);
    expect(isValidCronExpression('0 0 0 ? * * 2126/5', { currentYear: 2025 })).toBe(false);
    expect(isValidCronExpression('0 0 0 ? * * 2126/5', { currentYear: 2026 })).toBe(true);
    expect(isValidCronExpression(`0 0 0 ? * * ${new Date().getFullYear() + 101}/5`)).toBe(false);
  });

  test('more than seven fields: ignored by the legacy parser, rejected by the current one', () => {
    expect(quartzCronError('0 0 0 ? * * 2030 junk', LEGACY)).toBeUndefined();
    expect(quartzCronError('0 0 0 ? * * 2030 junk', CURRENT)).toBe('Invalid expression has too many terms: 0 0 0 ? * * 2030 JUNK');
  });

  test('? in day-of-week when day-of-month holds no value', () => {
    expect(quartzCronError('0 0 0 , * ?', LEGACY)).toBe('Illegal cron expression format (java.util.NoSuchElementException)');
    expect(quartzCronError('0 0 0 , * ?', CURRENT)).toBeUndefined();
    expect(quartzCronError('0 0 0 LW * ?', LEGACY)).toBeUndefined();
    expect(quartzCronError('0 0 0 15W * ?', CURRENT)).toBeUndefined();
  });

  test('an empty field after trimming is a field without values', () => {
    expect(isValidCronExpression('0 0 0 ? * \n')).toBe(true);
    expect(isValidCronExpression('0 0 0 \n * ?')).toBe(false);
  });

  test('the default generation is legacy', () => {
    expect(isValidCronExpression('0 43 9 1,L * ?')).toBe(false);
  });
});
