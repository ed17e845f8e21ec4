/**
 * No configuration injection: the text of `flinkConfiguration` keys and values and of
 * `logConfiguration` file names holds no line break, carriage return or NUL.
 *
 * The operator writes each `flinkConfiguration` entry as one `key: value` line of the file it
 * mounts into the pods (its FlinkConfMountDecorator; `flink-conf.yaml` for every Flink version
 * before 2.0, without quoting), and Flink's legacy loader reads that file line by line, cuts
 * each line at `#` and splits it at the first `: `. A value `x\nkubernetes.cluster-id: evil`
 * thus becomes a second option, which the operator's own checks never saw. Flink 2.x dumps
 * standard YAML, which quotes such values, but a control character is never a valid option,
 * so it is refused for every version.
 *
 * An application's job fields become options too (`args`, `entryClass`, `jarURI`,
 * `initialSavepointPath`): before Flink 2.0 they are lines of the same file, so a line break in
 * them injects options as well, and a `#` cuts what the JobManager reads back. (A session job's
 * fields travel in the REST request that submits it, and its flinkConfiguration as a map: no file.)
 */
import { quoted } from '../../private/kubernetes-names';
import { flattenConfiguration } from '../../private/options/effective-configuration';
import {
  configurationKeyProblem, configurationValueProblem, holdsControlCharacter, logFileNameProblem, writtenJobFieldProblem, writtenJobFields,
} from '../checks/configuration-text';
import { flinkVersionOf } from '../configuration';
import { RuleContext } from '../context';
import { childPath } from '../json-path';
import { writesLegacyFile } from '../model/configuration-file';

const WHY = 'the operator writes each entry as a line of the configuration file it mounts into the pods, '
  + 'so the text after a line break becomes an option of its own, past the operator\'s checks';

/** A path to a key that may hold control characters, escaped (as in JSON) so that it prints on one line. */
function keyPath(base: string, key: string): string {
  return holdsControlCharacter(key) ? `${base}['${JSON.stringify(key).slice(1, -1).replace(/'/g, "\\'")}']` : childPath(base, key);
}

/** Checks a FlinkDeployment's `flinkConfiguration` and `logConfiguration` file names (a session job's configuration travels as a map: no file). */
export function checkConfigurationText(context: RuleContext): void {
  const base = 'spec.flinkConfiguration';
  for (const [key, value] of flattenConfiguration(context.spec.flinkConfiguration)) {
    const keyProblem = configurationKeyProblem(key);
    if (keyProblem !== undefined) {
      context.report('config-injection', keyPath(base, key),
        `The flinkConfiguration key ${quoted(key)} ${keyProblem}; ${WHY}. Use the option's plain key.`);
      continue;
    }
    const valueProblem = configurationValueProblem(value);
    if (valueProblem !== undefined) {
      context.report('config-injection', keyPath(base, key),
        `flinkConfiguration ${quoted(key)} ${valueProblem} in its value (${quoted(value)}); ${WHY}. Remove the control characters.`);
    }
  }
  const logConfiguration = context.spec.logConfiguration;
  if (logConfiguration !== null && typeof logConfiguration === 'object') {
    for (const file of Object.keys(logConfiguration)) {
      const problem = logFileNameProblem(file);
      if (problem !== undefined) {
        context.report('config-injection', keyPath('spec.logConfiguration', file),
          `The logConfiguration file name ${quoted(file)} ${problem}. Use 'log4j-console.properties' or 'logback-console.xml'.`);
      }
    }
  }
}

/** An application's job fields that the operator writes into flink-conf.yaml (Flink before 2.0). */
export function checkJobFieldText(context: RuleContext): void {
  const job = context.spec.job;
  if (context.kind !== 'FlinkDeployment' || job === null || typeof job !== 'object' || !writesLegacyFile(flinkVersionOf(context.spec.flinkVersion))) {
    return;
  }
  for (const field of writtenJobFields(job, context.spec.mode === 'standalone')) {
    const problem = writtenJobFieldProblem(field);
    if (problem !== undefined) {
      context.report('config-injection', `spec.job.${field.field}`, `spec.job.${field.field} ${problem}.`);
    }
  }
}
