/**
 * Text from a manifest made safe to print on a terminal or in a CI log: control characters
 * (C0 and C1, DEL, including ESC, carriage return and line feed), Unicode line separators and
 * bidirectional overrides become visible escapes, so that a value cannot start a new line,
 * forge a summary, move the cursor or reorder what a reader sees.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: { readonly [character: string]: string } = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character written as an escape (`\n`, `\x1b`, `\u202e`). */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    const code = character.charCodeAt(0);
    return NAMED[character] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
