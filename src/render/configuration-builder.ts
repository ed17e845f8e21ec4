/**
 * A Flink configuration assembled from several sources (the raw `flinkConfiguration` prop,
 * the typed props, later `addFlinkConfiguration()` calls). A key set twice to different values
 * is an error that names both sources.
 */
import { quoted } from '../private/kubernetes-names';
import { PropError } from '../private/prop-error';
import { configurationKeyProblem, configurationValueProblem } from '../validation/checks/configuration-text';

export class ConfigurationBuilder {
  private readonly values: { [key: string]: string } = {};
  private readonly sources: { [key: string]: string } = {};

  public set(key: string, value: string, source: string): void {
    if (key.trim() === '') {
      throw new PropError('flinkConfiguration keys must not be empty.');
    }
    const keyProblem = configurationKeyProblem(key);
    if (keyProblem !== undefined) {
      throw new PropError(`flinkConfiguration key ${quoted(key)} (from ${source}) ${keyProblem}: the operator writes each entry as a line of Flink's configuration file, so it would inject options. Use the option's plain key.`);
    }
    if (typeof value !== 'string') {
      throw new PropError(`flinkConfiguration '${key}' must be a string (got ${typeof value} ${JSON.stringify(value)}). Quote it, e.g. '${key}': '${value}'.`);
    }
    const valueProblem = configurationValueProblem(value);
    if (valueProblem !== undefined) {
      throw new PropError(`flinkConfiguration '${key}' (from ${source}) ${valueProblem} (got ${quoted(value)}): the operator writes each entry as a line of Flink's configuration file, so the text after it would become an option of its own. Remove the control characters.`);
    }
    const existing = this.values[key];
    if (existing !== undefined && existing !== value) {
      throw new PropError(`flinkConfiguration '${key}' is set to '${existing}' by ${this.sources[key]} and again by ${source} to '${value}'. Set it in one place.`);
    }
    if (existing === undefined) {
      this.values[key] = value;
      this.sources[key] = source;
    }
  }

  /** Sets every entry of a raw configuration map. */
  public setAll(entries: { [key: string]: string } | undefined, source: string): void {
    for (const [key, value] of Object.entries(entries ?? {})) {
      this.set(key, value, source);
    }
  }

  /** A copy of the configuration. */
  public toObject(): { [key: string]: string } {
    return { ...this.values };
  }

  public get(key: string): string | undefined {
    return this.values[key];
  }
}
