/**
 * Values that nobody substitutes (`config-placeholder`), and the volumes Flink names after the
 * Secrets of `kubernetes.secrets` (`secret-volume-name`): see checks/placeholders.ts and
 * checks/secret-volumes.ts for what Flink does with them.
 */
import { quoted } from '../../private/kubernetes-names';
import { flattenConfiguration } from '../../private/options/effective-configuration';
import { KUBERNETES_SECRETS } from '../../private/options/flink-options';
import { mainKey } from '../../private/options/option';
import { writtenJobFields } from '../checks/configuration-text';
import { NOBODY_SUBSTITUTES, placeholderFix, placeholderIn } from '../checks/placeholders';
import { secretVolumeProblems } from '../checks/secret-volumes';
import { sensitiveFragment } from '../checks/sensitive-keys';
import { flinkVersionOf, ownConfiguration } from '../configuration';
import { RuleContext } from '../context';
import { childPath } from '../json-path';
import { keyFlinkReads } from '../model/configuration-file';

const SECRETS_KEY = mainKey(KUBERNETES_SECRETS);

/** The `flinkConfiguration` keys that Flink reads as `kubernetes.secrets` (trimmed, before Flink 2.0), with their values. */
function secretsEntries(context: RuleContext): Array<[string, string]> {
  const version = flinkVersionOf(context.spec.flinkVersion);
  return [...flattenConfiguration(context.spec.flinkConfiguration)]
    .filter(([key, value]) => key === SECRETS_KEY || keyFlinkReads(key, value, version) === SECRETS_KEY);
}

/** Every Secret of a FlinkDeployment's `kubernetes.secrets` gives a valid volume name. */
export function checkSecretVolumes(context: RuleContext): void {
  for (const [key, value] of secretsEntries(context)) {
    for (const problem of secretVolumeProblems(value)) {
      context.report('secret-volume-name', childPath('spec.flinkConfiguration', key), `flinkConfiguration '${SECRETS_KEY}' ${problem.message}`);
    }
  }
}

/** No `flinkConfiguration` value, and no job field, is a placeholder that nothing fills in. */
export function checkPlaceholders(context: RuleContext): void {
  const sessionJob = context.kind === 'FlinkSessionJob';
  const reads = sessionJob ? 'the operator sends it to Flink with the job as written' : `${NOBODY_SUBSTITUTES}, so Flink reads it as written`;
  for (const [key, value] of flattenConfiguration(context.spec.flinkConfiguration)) {
    const placeholder = placeholderIn(value, key);
    if (placeholder === undefined || (!sessionJob && key === SECRETS_KEY && secretVolumeProblems(value).length > 0)) {
      continue; // secret-volume-name reports the Secret names
    }
    const own = ownConfiguration(context.index, context.manifest);
    const sensitive = sensitiveFragment(key, own.version) !== undefined;
    const consequence = sensitive ? ', and a login or keystore that uses it fails' : '';
    context.report('config-placeholder', childPath(own.path, key),
      `flinkConfiguration '${key}' holds ${quoted(placeholder.text)} (${placeholder.form}), which nothing fills in: ${reads}${consequence}. ${placeholderFix(sensitive)}.`);
  }
  for (const field of writtenJobFields(context.spec.job, context.spec.mode === 'standalone')) {
    const placeholder = placeholderIn(field.value, undefined, field.field.startsWith('args['));
    if (placeholder !== undefined) {
      context.report('config-placeholder', `spec.job.${field.field}`,
        `spec.job.${field.field} holds ${quoted(placeholder.text)} (${placeholder.form}), which nothing fills in: the operator passes it to Flink as written. ${placeholderFix(false)}.`);
    }
  }
}
