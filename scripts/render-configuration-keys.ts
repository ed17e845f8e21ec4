/**
 * Writes the key table of docs/configuration-keys.md from the option registry (src/private/options/)
 * (`npx projen docs:configuration-keys`). test/typed-configuration.test.ts fails when it is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderKeysTable } from '../src/private/options/registry';

export const DOC = path.join(__dirname, '..', 'docs', 'configuration-keys.md');
export const BEGIN = '<!-- BEGIN GENERATED: npx projen docs:configuration-keys -->';
export const END = '<!-- END GENERATED -->';

/** The document with its generated table replaced by the current one. */
export function renderedDocument(): string {
  const text = fs.readFileSync(DOC, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`${DOC} lacks the ${BEGIN} ... ${END} markers`);
  }
  return `${text.slice(0, start + BEGIN.length)}\n${renderKeysTable()}\n${text.slice(end)}`;
}

if (require.main === module) {
  fs.writeFileSync(DOC, renderedDocument());
  console.log(`wrote ${path.relative(process.cwd(), DOC)}`);
}
