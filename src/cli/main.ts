/**
 * The `cdk8s-flink` command line.
 */
import { EXPLAIN_USAGE, explainCommand } from './explain-command';
import { EXPLAIN_MEMORY_USAGE, explainMemoryCommand } from './explain-memory-command';
import { usageError, validateCommand, Output, VALIDATE_USAGE } from './validate-command';
import { escapeControlCharacters } from '../validation/printable';

const USAGE = [
  'Usage: cdk8s-flink <command> [options]',
  '',
  'Commands:',
  '  validate FILE|DIR...         check Flink manifests against the operator\'s rules',
  '  explain FILE|DIR...          show what the operator and Flink will make of each Flink',
  '                               resource: the configuration (sensitive values masked), the',
  '                               facts derived from it, the memory',
  '  explain-memory FILE|DIR...   show the JobManager and TaskManager memory Flink derives',
  '',
  'Run `cdk8s-flink <command> --help` for a command\'s options.',
].join('\n');

const STANDARD_OUTPUT: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the CLI; returns the exit status. */
export function main(args: string[], output: Output = STANDARD_OUTPUT): number {
  const [command, ...rest] = args;
  try {
    if (command === 'validate') {
      if (rest.includes('--help') || rest.includes('-h')) {
        output.out(VALIDATE_USAGE);
        return 0;
      }
      return validateCommand(rest, output);
    }
    if (command === 'explain') {
      if (rest.includes('--help') || rest.includes('-h')) {
        output.out(EXPLAIN_USAGE);
        return 0;
      }
      return explainCommand(rest, output);
    }
    if (command === 'explain-memory') {
      if (rest.includes('--help') || rest.includes('-h')) {
        output.out(EXPLAIN_MEMORY_USAGE);
        return 0;
      }
      return explainMemoryCommand(rest, output);
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      output.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    return usageError(output, 'cdk8s-flink', `unknown command '${command}'`, USAGE);
  } catch (error) {
    // Not reached by any known input; the user gets one line, never a stack trace.
    let text: string;
    try {
      text = error instanceof Error ? error.message : String(error);
    } catch {
      text = 'an error that cannot be shown';
    }
    output.err(escapeControlCharacters(`cdk8s-flink: internal error: ${text.split('\n')[0]} (please report it)`));
    return 2;
  }
}
