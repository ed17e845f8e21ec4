/**
 * The text a `flinkConfiguration` key or value, or a `logConfiguration` file name, may not hold:
 * control characters, and in keys the `#` and `: ` at which Flink's legacy loader cuts or splits
 * a line. The `config-injection` rule and the constructs share these predicates (see
 * rules/configuration-text.ts for why each matters).
 */
import { quoted } from '../../private/kubernetes-names';

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

/** A job field that the operator writes into the cluster's configuration file, with the option it becomes. */
export interface WrittenJobField {
  /** The field, e.g. `args[1]` (relative to the job). */
  readonly field: string;
  readonly value: string;
  /** The option the operator writes it as, e.g. `$internal.application.program-args`. */
  readonly option: string;
  /** Whether the JobManager reads it back from the file (a `#` then cuts what the job gets). */
  readonly readBack: boolean;
}

/**
 * The job fields an application's operator writes as options of the cluster's configuration file:
 * `jarURI` (`pipeline.jars`; `pipeline.classpaths` in standalone mode), `entryClass`
 * (`$internal.application.main`), each of `args` (`$internal.application.program-args`, joined
 * with `;`) and `initialSavepointPath` (`execution.savepoint.path`, set when the job is first
 * deployed). In native mode the JobManager takes the entry class, the arguments and the savepoint
 * from the file; in standalone mode the operator also passes them on its command line, which wins.
 */
export function writtenJobFields(job: any, standalone: boolean): WrittenJobField[] {
  if (job === null || typeof job !== 'object' || Array.isArray(job)) {
    return [];
  }
  const fields: WrittenJobField[] = [];
  const add = (field: string, value: unknown, option: string, readBack: boolean) => {
    if (typeof value === 'string') {
      fields.push({ field, value, option, readBack });
    }
  };
  add('jarURI', job.jarURI, standalone ? 'pipeline.classpaths' : 'pipeline.jars', false);
  add('entryClass', job.entryClass, '$internal.application.main', !standalone);
  if (Array.isArray(job.args)) {
    job.args.forEach((arg: unknown, index: number) => add(`args[${index}]`, arg, '$internal.application.program-args', !standalone));
  }
  add('initialSavepointPath', job.initialSavepointPath, 'execution.savepoint.path', !standalone);
  return fields;
}

/**
 * What is wrong with the text of a job field written into `flink-conf.yaml` (Flink before 2.0), or
 * undefined: a line break or NUL (injection); a `#` where the JobManager reads the field back
 * (`readBack`), since the loader ends the line there.
 */
export function writtenJobFieldProblem(field: WrittenJobField): string | undefined {
  const problem = configurationValueProblem(field.value);
  if (problem !== undefined) {
    return `${problem} (got ${quoted(field.value)}): before Flink 2.0 the operator writes it into flink-conf.yaml as the option '${field.option}', `
      + 'and the text after a line break becomes an option of its own, past the operator\'s checks. Remove the line break (pass multi-line input in a file), or use Flink 2.0+, whose config.yaml quotes it';
  }
  if (field.readBack && field.value.includes('#')) {
    return `holds '#' (got ${quoted(field.value)}): before Flink 2.0 the operator writes it into flink-conf.yaml as the option '${field.option}', `
      + `and Flink's loader ends the line at '#': the JobManager reads this field as ${quoted(field.value.slice(0, field.value.indexOf('#')))}, and nothing written after it. Avoid '#' in it, or use Flink 2.0+`;
  }
  return undefined;
}
