/**
 * The text a `flinkConfiguration` key or value, or a `logConfiguration` file name, may not hold:
 * control characters, and in keys the `#` and `: ` at which Flink's legacy loader cuts or splits
 * a line. The `config-injection` rule and the constructs share these predicates (see
 * rules/configuration-text.ts for why each matters).
 */

const CONTROL = /[\u0000-\u001f\u007f]/;
const LINE_BREAK_OR_NUL = /[\n\r\0]/;

const CHARACTER_NAMES: { readonly [character: string]: string } = { '\n': 'a newline', '\r': 'a carriage return', '\0': 'a NUL' };

function named(text: string, pattern: RegExp): string {
  const found = text.match(new RegExp(pattern.source))![0];
  return CHARACTER_NAMES[found] ?? `the control character U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What is wrong with a `flinkConfiguration` key, or undefined: a control character, or a `#` or
 * `: ` that Flink's legacy loader would cut or split the line at.
 */
export function configurationKeyProblem(key: string): string | undefined {
  if (CONTROL.test(key)) {
    return `holds ${named(key, CONTROL)}`;
  }
  if (key.includes('#')) {
    return "holds '#', where Flink's flink-conf.yaml loader cuts the line";
  }
  if (key.includes(': ')) {
    return "holds ': ', where Flink's flink-conf.yaml loader splits the line into key and value";
  }
  return undefined;
}

/** What is wrong with a `flinkConfiguration` value, or undefined: a newline, carriage return or NUL. */
export function configurationValueProblem(value: string): string | undefined {
  return LINE_BREAK_OR_NUL.test(value) ? `holds ${named(value, LINE_BREAK_OR_NUL)}` : undefined;
}

/** What is wrong with a `logConfiguration` file name, or undefined. */
export function logFileNameProblem(name: string): string | undefined {
  return CONTROL.test(name) ? `holds ${named(name, CONTROL)}` : undefined;
}

/** Whether a text holds a control character (U+0000 to U+001F, or U+007F). */
export function holdsControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}
