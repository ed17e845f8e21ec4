/**
 * A Flink configuration assembled from several sources (the raw `flinkConfiguration` prop,
 * the typed props, later `addFlinkConfiguration()` calls). A key set twice to different values
 * is an error that names both sources.
 */
import { javaTrim } from '../private/jvm/java-string';
import { quoted } from '../private/kubernetes-names';
import { KUBERNETES_SECRETS } from '../private/options/flink-options';
import { mainKey } from '../private/options/option';
import { entryProp, propError } from '../props/prop-errors';
import { configurationKeyProblem, configurationValueProblem } from '../validation/checks/configuration-text';
import { NOBODY_SUBSTITUTES, placeholderFix, placeholderIn } from '../validation/checks/placeholders';
import { secretVolumeProblems } from '../validation/checks/secret-volumes';
import { sensitiveFragment } from '../validation/checks/sensitive-keys';
import { FORBIDDEN_KEYS } from '../validation/configuration';

/** Where entries come from: how the messages name it, and the prop of an entry it refuses. */
export interface ConfigurationSource {
  /** As the messages name it: `'flinkConfiguration'`, `addFlinkConfiguration()`, `'checkpointing.interval'`. */
  readonly text: string;
  /** The typed prop that wrote the entries, e.g. `taskManager.memoryComponents.networkMin`; none for raw entries. */
  readonly typedProp?: string;
  /** The prop of a refused entry, by the part of it that is refused. */
  prop(key: string, refused: 'key' | 'value'): string;
}

/** The raw `flinkConfiguration` prop: an entry is `flinkConfiguration['<key>']`. */
export const FLINK_CONFIGURATION_PROP: ConfigurationSource = { text: "'flinkConfiguration'", prop: (key) => entryProp('flinkConfiguration', key) };

/** `addFlinkConfiguration(key, value)`: an entry is refused by its argument. */
export const ADD_FLINK_CONFIGURATION: ConfigurationSource = { text: 'addFlinkConfiguration()', prop: (_key, refused) => `addFlinkConfiguration(${refused})` };

/** A typed prop that writes entries, e.g. `checkpointing.interval`. */
export function typedPropSource(prop: string): ConfigurationSource {
  return { text: `'${prop}'`, prop: () => prop, typedProp: prop };
}

/**
 * Refuses an entry for what Flink makes of it: a key the operator owns, also behind spaces (before
 * Flink 2.0 the flink-conf.yaml loader trims keys, past the operator's exact check); a Secret of
 * `kubernetes.secrets` whose volume name Kubernetes refuses; a placeholder that nothing fills in.
 */
function checkEntryAsFlinkReadsIt(key: string, value: string, source: ConfigurationSource): void {
  const read = javaTrim(key);
  if (FORBIDDEN_KEYS.includes(read)) {
    const trimmed = read === key ? '' : ` (Flink reads ${JSON.stringify(key)} as '${read}': before Flink 2.0 the flink-conf.yaml loader trims keys, past the operator's exact check)`;
    throw propError(source.prop(key, 'key'), `flinkConfiguration '${read}' (from ${source.text}) is a key the operator sets itself, from the resource's metadata${trimmed}. Remove it.`);
  }
  if (read === mainKey(KUBERNETES_SECRETS)) {
    const [problem] = secretVolumeProblems(value);
    if (problem !== undefined) {
      throw propError(source.prop(key, 'value'), `flinkConfiguration '${read}' (from ${source.text}) ${problem.message}`);
    }
  }
  const placeholder = placeholderIn(value, read);
  if (placeholder !== undefined) {
    throw propError(source.prop(key, 'value'), `flinkConfiguration '${key}' (from ${source.text}) holds ${quoted(placeholder.text)} (${placeholder.form}), which nothing fills in: `
      + `${NOBODY_SUBSTITUTES}, so Flink reads it as written. ${placeholderFix(sensitiveFragment(read, undefined) !== undefined)}.`);
  }
}

export class ConfigurationBuilder {
  private readonly values: { [key: string]: string } = {};
  private readonly sources: { [key: string]: ConfigurationSource } = {};

  public set(key: string, value: string, source: ConfigurationSource): void {
    if (key.trim() === '') {
      throw propError(source.prop(key, 'key'), 'flinkConfiguration keys must not be empty.');
    }
    const keyProblem = configurationKeyProblem(key);
    if (keyProblem !== undefined) {
      throw propError(source.prop(key, 'key'), `flinkConfiguration key ${quoted(key)} (from ${source.text}) ${keyProblem}: the operator writes each entry as a line of Flink's configuration file, so it would inject options. Use the option's plain key.`);
    }
    if (typeof value !== 'string') {
      throw propError(source.prop(key, 'value'), `flinkConfiguration '${key}' must be a string (got ${typeof value} ${JSON.stringify(value)}). Quote it, e.g. '${key}': '${value}'.`);
    }
    const valueProblem = configurationValueProblem(value);
    if (valueProblem !== undefined) {
      throw propError(source.prop(key, 'value'), `flinkConfiguration '${key}' (from ${source.text}) ${valueProblem} (got ${quoted(value)}): the operator writes each entry as a line of Flink's configuration file, so the text after it would become an option of its own. Remove the control characters.`);
    }
    checkEntryAsFlinkReadsIt(key, value, source);
    const existing = this.values[key];
    if (existing !== undefined && existing !== value) {
      throw propError(source.prop(key, 'key'), `flinkConfiguration '${key}' is set to '${existing}' by ${this.sources[key].text} and again by ${source.text} to '${value}'. Set it in one place.`);
    }
    if (existing === undefined) {
      this.values[key] = value;
      this.sources[key] = source;
    }
  }

  /** Sets every entry of a raw configuration map. */
  public setAll(entries: { [key: string]: string } | undefined, source: ConfigurationSource): void {
    for (const [key, value] of Object.entries(entries ?? {})) {
      this.set(key, value, source);
    }
  }

  /** A copy of the configuration. */
  public toObject(): { [key: string]: string } {
    return { ...this.values };
  }

  /** The entries a typed prop wrote: each key with the prop and the value, for messages in the user's terms. */
  public typedEntries(): Map<string, { readonly field: string; readonly value: string }> {
    const typed = new Map<string, { readonly field: string; readonly value: string }>();
    for (const [key, source] of Object.entries(this.sources)) {
      if (source.typedProp !== undefined) {
        typed.set(key, { field: source.typedProp, value: this.values[key] });
      }
    }
    return typed;
  }

  public get(key: string): string | undefined {
    return this.values[key];
  }
}
