/**
 * Placeholders that nobody fills in: `${S3_SECRET_KEY}`, `$S3_SECRET_KEY`, `{{ .Values.password }}`,
 * `<jks-password>` in a configuration value or a job field. Neither the operator nor Flink's
 * configuration loaders substitute anything (both copy values as written), and in the operator's
 * pods the configuration directory is the ConfigMap the operator mounts, read-only, so the image's
 * entrypoint (`envsubst` before Flink 1.19, `FLINK_PROPERTIES`) cannot rewrite it either: Flink
 * reads the placeholder itself. The exceptions are the options the start scripts hand to a shell:
 * the JVM options (`env.java.opts*`, `env.java.default-opts.*`, evaluated with `eval echo` by
 * `flink-console.sh`) and the entrypoint arguments (`kubernetes.*.entrypoint.args`, run with
 * `bash -c`), where the shell expands `${VAR}` and `$VAR` from the container's environment.
 * `<...>` is Flink's own variable syntax in metric scope formats (`metrics.scope.*`, `<host>`).
 *
 * The `config-placeholder` rule and the constructs share these predicates.
 */

/** A placeholder found in a value. */
export interface Placeholder {
  /** The placeholder as written, e.g. `${S3_SECRET_KEY}`. */
  readonly text: string;
  /** What kind of placeholder it is, for messages. */
  readonly form: string;
}

const SHELL_VARIABLE = /\$\{[^{}\n]*\}/;
const WHOLE_SHELL_VARIABLE = /^\$[A-Z_][A-Z0-9_]*$/;
const TEMPLATE = /\{\{[^{}\n]*\}\}/;
const ANGLE = /<[A-Za-z][\w .-]*>/;
const MAY_HOLD_PLACEHOLDER = /[${<]/;

/** Whether the start scripts pass an option's value through a shell, which expands variables in it. */
export function shellExpandsKey(key: string): boolean {
  return key === 'env.java.opts' || key.startsWith('env.java.opts.') || key.startsWith('env.java.default-opts.')
    || key === 'kubernetes.jobmanager.entrypoint.args' || key === 'kubernetes.taskmanager.entrypoint.args';
}

/** Whether `<name>` is Flink's own variable syntax in an option's value (the metric scope formats). */
function angleVariablesKey(key: string): boolean {
  return key.startsWith('metrics.');
}

/**
 * The first unfilled placeholder in a value, or undefined.
 *
 * @param key the option the value is set for (its exceptions apply); undefined for a job field
 * @param whole only a value that is a placeholder as a whole counts (for program arguments, which
 * the program itself may read as a template)
 */
export function placeholderIn(value: string, key?: string, whole: boolean = false): Placeholder | undefined {
  if (!MAY_HOLD_PLACEHOLDER.test(value)) {
    return undefined; // every form starts with '$', '{' or '<'
  }
  const text = value.trim();
  const shell = key === undefined || !shellExpandsKey(key);
  const found = (pattern: RegExp): string | undefined => {
    const match = pattern.exec(text);
    return match === null || (whole && match[0] !== text) ? undefined : match[0];
  };
  const variable = shell ? found(SHELL_VARIABLE) ?? found(WHOLE_SHELL_VARIABLE) : undefined;
  if (variable !== undefined) {
    return { text: variable, form: 'an environment variable reference' };
  }
  const template = found(TEMPLATE);
  if (template !== undefined) {
    return { text: template, form: 'a template expression that was not rendered (Helm, Go templates, Jinja)' };
  }
  const angle = key === undefined || !angleVariablesKey(key) ? found(ANGLE) : undefined;
  return angle === undefined ? undefined : { text: angle, form: 'a placeholder to be replaced by hand' };
}

/** Why nothing fills a placeholder in, for messages. */
export const NOBODY_SUBSTITUTES = 'neither the operator nor Flink substitutes anything in configuration values, '
  + 'and the image\'s entrypoint cannot rewrite the configuration the operator mounts (a read-only ConfigMap)';

/** How to fill a placeholder in, or do without one, for messages. */
export function placeholderFix(sensitive: boolean): string {
  const render = 'Render the value before the manifest is applied (helm template, kustomize, envsubst)';
  return sensitive
    ? `${render}, or keep the secret out of the configuration: give a file system its credentials from a Kubernetes Secret as environment variables `
      + '(fileSystemCredentials; the S3 plugins read AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or use workload identity'
    : `${render}, or write the real value`;
}
