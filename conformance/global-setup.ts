/**
 * Global setup of the conformance suite: the pinned operator files must be here, or be
 * downloadable. Without them the suite fails with what to set; it never passes quietly.
 */
import { ensureOperatorFiles } from '../imports/operator-files';

export default async function setup(): Promise<void> {
  const found = await ensureOperatorFiles();
  process.stderr.write(`\nconformance: operator files from ${found.via} (${found.dir})\n`);
}
