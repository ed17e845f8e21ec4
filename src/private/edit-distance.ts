/**
 * The Levenshtein distance of two texts (insertions, deletions and substitutions each cost 1),
 * to recognise a misspelled name. Costs time in the product of the lengths: callers compare
 * against short known names, or rule long candidates out by their difference in length first.
 */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
