/**
 * Flink's `StructuredOptionsSplitter.splitEscaped(value, delimiter)`: how a `List<String>` option
 * (delimiter `;`) and a `Map<String, String>` option (`,` between entries, `:` within one) are read
 * from their string form.
 *
 * Elements are separated by `;`. Whitespace around an unquoted element is trimmed. An element can
 * be quoted with `'` or `"` (a doubled quote escapes itself). Two adjacent `;` give an empty
 * element. A leading or trailing `;` gives nothing. Bad quoting throws, as Flink does.
 */
import { isJavaWhitespace, javaTrim } from '../jvm/java-string';

/**
 * The elements of a list option's string form.
 *
 * @throws Error with Flink's message on bad quoting
 */
export function splitFlinkList(value: string): string[] {
  return splitFlinkEscaped(value, ';');
}

/**
 * The entries of a map option's string form (`key:value,key:value`), as Flink's
 * `ConfigurationUtils` reads them: split on `,`, then each entry on `:`, with the same quoting.
 *
 * @throws Error on bad quoting, or an entry that is not one key and one value
 */
export function splitFlinkMap(value: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const entry of splitFlinkEscaped(value, ',')) {
    const parts = splitFlinkEscaped(entry, ':');
    if (parts.length !== 2) {
      throw new Error(`Could not parse value '${value}': the entry '${entry}' is not 'key:value'.`);
    }
    entries.set(parts[0], parts[1]);
  }
  return entries;
}

/** `StructuredOptionsSplitter.splitEscaped(value, delimiter)`. */
export function splitFlinkEscaped(value: string, delimiter: string): string[] {
  const tokens: ListToken[] = [];
  let cursor = 0;
  while (cursor < value.length) {
    const character = value[cursor];
    if (character === '\'' || character === '"') {
      const quoted = readQuoted(value, cursor);
      tokens.push({ kind: 'quoted', text: quoted.text, position: cursor });
      cursor = quoted.next;
    } else if (character === delimiter) {
      tokens.push({ kind: 'delimiter', text: delimiter, position: cursor });
      cursor++;
    } else if (!isJavaWhitespace(character)) {
      const delimiterIndex = value.indexOf(delimiter, cursor);
      const end = delimiterIndex < 0 ? value.length : delimiterIndex;
      tokens.push({ kind: 'unquoted', text: javaTrim(value.slice(cursor, end)), position: cursor });
      cursor = end;
    } else {
      cursor++;
    }
  }

  const elements: string[] = [];
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    if (token.kind === 'quoted' && next !== undefined && next.kind !== 'delimiter') {
      throw new Error(`Could not split string. Illegal quoting at position: ${next.position - 1}`);
    }
    if (token.kind !== 'delimiter') {
      elements.push(token.text);
    } else if (next !== undefined && next.kind === 'delimiter') {
      elements.push('');
    }
  });
  return elements;
}

interface ListToken {
  readonly kind: 'quoted' | 'unquoted' | 'delimiter';
  readonly text: string;
  readonly position: number;
}

function readQuoted(value: string, start: number): { text: string; next: number } {
  const quote = value[start];
  let text = '';
  for (let index = start + 1; index < value.length; index++) {
    if (value[index] !== quote) {
      text += value[index];
    } else if (value[index + 1] === quote) {
      text += quote;
      index++;
    } else {
      return { text, next: index + 1 };
    }
  }
  throw new Error('Could not split string. Quoting was not closed properly.');
}
