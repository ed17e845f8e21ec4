/**
 * A Flink configuration assembled from several sources (the raw `flinkConfiguration` prop,
 * the typed props, later `addFlinkConfiguration()` calls). A key set twice to different values
 * is an error that names both sources.
 */
import { PropError } from '../private/prop-error';

export class ConfigurationBuilder {
  private readonly values: { [key: string]: string } = {};
  private readonly sources: { [key: string]: string } = {};

  public set(key: string, value: string, source: string): void {
    if (key.trim() === '') {
      throw new PropError('flinkConfiguration keys must not be empty.');
    }
    if (typeof value !== 'string') {
      throw new PropError(`flinkConfiguration '${key}' must be a string (got ${typeof value} ${JSON.stringify(value)}). Quote it, e.g. '${key}': '${value}'.`);
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
