/**
 * Copies the figures of bench/RESULTS.md into the performance table of CONTRIBUTING.md (between
 * its BEGIN/END PERFORMANCE markers): `npx projen bench` runs it after a full run, and
 * test/readme.test.ts checks that the two agree.
 */
import * as fs from 'fs';
import * as path from 'path';

const BEGIN = '<!-- BEGIN PERFORMANCE -->';
const END = '<!-- END PERFORMANCE -->';

/** The rows of RESULTS.md's table: each figure's name, ratio cell and budget. */
function resultRows(results: string): string[][] {
  return results.split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| figure'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
    .map((cells) => [cells[0], cells[5], cells[6]]);
}

/** Rewrites the performance table of CONTRIBUTING.md from bench/RESULTS.md. */
export function quoteResults(root: string): void {
  const contributingFile = path.join(root, 'CONTRIBUTING.md');
  const contributing = fs.readFileSync(contributingFile, 'utf8');
  const begin = contributing.indexOf(BEGIN);
  const end = contributing.indexOf(END);
  if (begin < 0 || end < begin) {
    throw new Error(`CONTRIBUTING.md has no ${BEGIN} ... ${END} section`);
  }
  const rows = resultRows(fs.readFileSync(path.join(root, 'bench', 'RESULTS.md'), 'utf8'));
  const table = [
    '| figure | ratio, median (min–max) | budget |',
    '|---|---|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
  fs.writeFileSync(contributingFile, `${contributing.slice(0, begin + BEGIN.length)}\n${table.join('\n')}\n${contributing.slice(end)}`);
}

if (require.main === module) {
  quoteResults(path.resolve(__dirname, '..'));
}
