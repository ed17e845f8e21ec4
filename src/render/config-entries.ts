/**
 * The configuration entries the typed props write: each under the key of the cluster's Flink
 * version (`writtenKey`, which throws when the version lacks the option), checked against the
 * range the option's reader enforces (declared in the option registry), and tagged with the
 * prop it comes from.
 */
import { Duration, Size } from 'cdk8s';
import { FlinkVersion } from '../flink-version';
import { flinkDuration } from '../private/flink/duration';
import { FlinkOption, inNumericRange } from '../private/options/option';
import { writtenKey } from '../private/options/written-key';
import { flinkMemoryString } from '../props/prop-checks';
import { propError } from '../props/prop-errors';

/** One configuration entry and the prop that set it. */
export interface ConfigEntry {
  readonly key: string;
  readonly value: string;
  readonly source: string;
}

export class Entries {
  public readonly list: ConfigEntry[] = [];
  constructor(public readonly version: FlinkVersion) {}

  public add(option: FlinkOption, value: string | undefined, source: string = option.prop!): void {
    if (value !== undefined) {
      this.list.push({ key: writtenKey(option, this.version, source), value, source });
    }
  }

  public bool(option: FlinkOption, value: boolean | undefined, source?: string): void {
    this.add(option, value === undefined ? undefined : String(value), source);
  }

  /** A number, within the range the option's reader enforces (the `when` switch aside: a typed prop is checked always). */
  public number(option: FlinkOption, value: number | undefined, source: string = option.prop!): void {
    if (value === undefined) {
      return;
    }
    const range = option.range;
    if (!Number.isFinite(value) || (range !== undefined && !inNumericRange(range, value))) {
      const bounds = range === undefined ? 'a finite number' : `from ${range.min ?? '-infinity'} to ${range.max ?? 'infinity'}`;
      const why = range === undefined ? '' : ` The operator's ${range.enforcedBy} refuses other values.`;
      throw propError(source, `'${source}' must be ${bounds} (got ${value}).${why}`);
    }
    this.add(option, String(value), source);
  }

  /** A whole number of at least `min`. */
  public count(option: FlinkOption, value: number | undefined, min: number): void {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= min)) {
      throw propError(option.prop!, `'${option.prop}' must be a whole number of at least ${min} (got ${value}).`);
    }
    this.add(option, value === undefined ? undefined : String(value));
  }

  public size(option: FlinkOption, value: Size | undefined): void {
    this.add(option, flinkMemoryString(option.prop!, value));
  }

  public fraction(option: FlinkOption, value: number | undefined): void {
    if (value !== undefined && !(value >= 0 && value < 1)) {
      throw propError(option.prop!, `'${option.prop}' must be a fraction from 0 (inclusive) to 1 (exclusive) (got ${value}).`);
    }
    this.add(option, value === undefined ? undefined : String(value));
  }

  /**
   * A duration; `positive` refuses zero, which the operator reads as "off" or "never".
   */
  public duration(option: FlinkOption, value: Duration | undefined, source: string = option.prop!, positive: boolean = false): void {
    if (value === undefined) {
      return;
    }
    const ms = value.toMilliseconds();
    if (!Number.isSafeInteger(ms) || ms < 0 || (positive && ms === 0)) {
      throw propError(source, `'${source}' must be a ${positive ? 'positive' : 'non-negative'} whole number of milliseconds (got ${ms} ms).`);
    }
    this.add(option, flinkDuration(value), source);
  }

  public raw(entries: Array<[string, string]>, source: string): void {
    entries.forEach(([key, value]) => this.list.push({ key, value, source }));
  }
}
