/**
 * No secrets in plain text: a `flinkConfiguration` key that Flink itself treats as sensitive
 * must not hold a literal value (`sensitive-config-value`), and URIs must not carry a password
 * (`credentials-in-url`).
 *
 * Flink decides which keys are sensitive in `GlobalConfiguration.isSensitive` (see
 * checks/sensitive-keys.ts). The operator copies a FlinkDeployment's `flinkConfiguration` into
 * the ConfigMap `flink-config-<name>`, so such a value is readable by everyone who can read
 * ConfigMaps or the custom resource in the namespace.
 */
import { FlinkAnnotations } from '../../constants';
import { flattenConfiguration } from '../../private/options/effective-configuration';
import { KUBERNETES_ENV_SECRET_KEY_REF, KUBERNETES_SECRETS } from '../../private/options/flink-options';
import { mainKey } from '../../private/options/option';
import { placeholderIn } from '../checks/placeholders';
import { maskedPasswordUri, sensitiveFragment } from '../checks/sensitive-keys';
import { flinkVersionOf } from '../configuration';
import { RuleContext } from '../context';
import { childPath } from '../json-path';
import { isEmptyConfiguration } from './config-keys';

/** Flink's own Secret references, lower-cased as the keys are compared. */
const SECRET_REFERENCES: ReadonlySet<string> = new Set([KUBERNETES_SECRETS, KUBERNETES_ENV_SECRET_KEY_REF]
  .map((option) => mainKey(option).toLowerCase()));

/**
 * Keys whose value names where a secret comes from rather than holding one: Flink's own Secret
 * mounts (`kubernetes.secrets`, `kubernetes.env.secretKeyRef`) and key providers, such as the
 * Azure file system's `fs.azure.account.keyprovider.<account>...`, whose value is a class.
 */
function referencesSecret(key: string): boolean {
  const lower = key.toLowerCase();
  return SECRET_REFERENCES.has(lower.trim()) || lower.includes('keyprovider'); // trimmed, as flink-conf.yaml's loader reads keys
}


/** Whether the resource accepts literal secrets: the annotation, or the operator-level setting for test setups. */
function literalSecretsAccepted(context: RuleContext): boolean {
  const annotation = context.manifest.metadata?.annotations?.[FlinkAnnotations.LITERAL_SECRETS];
  return context.settings.allowLiteralSecrets || String(annotation ?? '').toLowerCase() === 'true';
}

/** A FlinkDeployment's (or session job's) `flinkConfiguration` holds no literal value under a sensitive key. */
export function checkSensitiveValues(context: RuleContext): void {
  if (isEmptyConfiguration(context.spec.flinkConfiguration) || literalSecretsAccepted(context)) {
    return;
  }
  // A session job's configuration is read by its cluster's Flink version.
  const versionSpec = context.kind === 'FlinkSessionJob'
    ? context.index.find('FlinkDeployment', String(context.spec.deploymentName), context.namespace)?.spec
    : context.spec;
  const version = flinkVersionOf(versionSpec?.flinkVersion);
  const where = context.kind === 'FlinkSessionJob'
    ? 'the operator submits it with the job, and it stays readable in the custom resource'
    : `the operator copies it into the ConfigMap 'flink-config-${context.name}', readable by anyone who can read ConfigMaps or the custom resource in the namespace`;
  for (const [key, value] of flattenConfiguration(context.spec.flinkConfiguration)) {
    const fragment = sensitiveFragment(key, version);
    const trimmed = value.trim().toLowerCase();
    if (fragment === undefined || trimmed === '' || trimmed === 'true' || trimmed === 'false' || referencesSecret(key)) {
      continue;
    }
    if (placeholderIn(value, key) !== undefined) {
      continue; // not a secret: a placeholder, which config-placeholder reports
    }
    context.report('sensitive-config-value', childPath('spec.flinkConfiguration', key),
      `flinkConfiguration '${key}' holds a secret in plain text ('******'; Flink treats keys containing '${fragment}' as sensitive): ${where}. `
      + 'Take it from a Kubernetes Secret (fileSystemCredentials, workloadIdentity, or an environment variable from a Secret); '
      + `in a test setup, accept it with the annotation '${FlinkAnnotations.LITERAL_SECRETS}: "true"' (allowLiteralSecrets).`);
  }
}

function reportUri(context: RuleContext, path: string, what: string, value: unknown): void {
  // User info ends with '@': a URI without one carries no password.
  const masked = typeof value === 'string' && value.includes('@') ? maskedPasswordUri(value) : undefined;
  if (masked !== undefined) {
    context.report('credentials-in-url', path,
      `${what} carries a password in its user info ('${masked}'), in plain text in the manifest (and, for flinkConfiguration, in the cluster's ConfigMap and logs). `
      + 'Drop it from the URI and give the credentials from a Secret (for jars: a repository that authenticates the pods, or a local:// jar in the image).');
  }
}

/** URIs in a Flink resource carry no password: the jar, the initial savepoint, every flinkConfiguration value, a snapshot's path. */
export function checkCredentialsInUrls(context: RuleContext): void {
  const spec = context.spec;
  reportUri(context, 'spec.job.jarURI', 'spec.job.jarURI', spec.job?.jarURI);
  reportUri(context, 'spec.job.initialSavepointPath', 'spec.job.initialSavepointPath', spec.job?.initialSavepointPath);
  reportUri(context, 'spec.savepoint.path', 'spec.savepoint.path', spec.savepoint?.path);
  for (const [key, value] of flattenConfiguration(spec.flinkConfiguration)) {
    reportUri(context, childPath('spec.flinkConfiguration', key), `flinkConfiguration '${key}'`, value);
  }
}
