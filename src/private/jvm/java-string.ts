/**
 * Java's `String` and `Character` semantics that Flink, the operator and Quartz rely on, where
 * they differ from JavaScript's: which characters `trim()` and `strip()` remove, how `split()`
 * treats empty pieces, and `StringTokenizer`.
 *
 * Every function here runs in time linear in its input: they take user-supplied configuration
 * values, so no regular expression with backtracking is used.
 */

/**
 * Java's `String.trim()`: strips every character up to and including U+0020 (space and all
 * ASCII control characters) from both ends, and nothing else (unlike JavaScript's `trim()`,
 * which also strips NBSP, line separators and other Unicode spaces, but not all control characters).
 */
export function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) {
    start++;
  }
  while (end > start && text.charCodeAt(end - 1) <= 0x20) {
    end--;
  }
  return text.slice(start, end);
}

/**
 * Java's `Character.isWhitespace(char)` for one UTF-16 code unit: the Unicode space separators
 * except the no-break spaces (U+00A0, U+2007, U+202F), the line and paragraph separators, and
 * the ASCII/C0 separators tab, line feed, vertical tab, form feed, carriage return and U+001C-U+001F.
 */
export function isJavaWhitespace(character: string): boolean {
  if (character.length !== 1) {
    return false;
  }
  const code = character.charCodeAt(0);
  return (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x20)
    || code === 0x1680 || (code >= 0x2000 && code <= 0x2006) || (code >= 0x2008 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x205f || code === 0x3000;
}

/** Java's `String.strip()`: removes `Character.isWhitespace` characters from both ends. */
export function javaStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isJavaWhitespace(text[start])) {
    start++;
  }
  while (end > start && isJavaWhitespace(text[end - 1])) {
    end--;
  }
  return text.slice(start, end);
}

/**
 * Java's `String.split(separator)` for a separator with no regex meta-characters. It keeps a
 * leading empty piece, drops trailing empty pieces, and returns the input itself when the
 * separator does not occur.
 */
export function javaSplit(text: string, separator: string): string[] {
  const pieces = text.split(separator);
  if (pieces.length === 1) {
    return pieces;
  }
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') {
    pieces.pop();
  }
  return pieces;
}

/** `java.util.StringTokenizer` with the given delimiter characters: the non-empty runs of other characters. */
export function javaTokenize(text: string, delimiters: string): string[] {
  const tokens: string[] = [];
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index === text.length || delimiters.includes(text[index])) {
      if (index > start) {
        tokens.push(text.slice(start, index));
      }
      start = index + 1;
    }
  }
  return tokens;
}
