/**
 * Flink configuration as the operator reads it: `flinkConfiguration` flattened to string values,
 * laid over the operator's defaults, and looked up by option with fallback and deprecated keys.
 */

/** A Flink configuration option: its key, the older keys Flink still reads, and its default. */
export interface ConfigOption {
  readonly key: string;
  /** Keys read when `key` is absent, in order (Flink's fallback keys come before deprecated keys). */
  readonly alternativeKeys?: ReadonlyArray<string>;
  readonly defaultValue?: string;
}

/**
 * Flattens a `flinkConfiguration` the way the operator does: nested objects join their keys
 * with '.', scalars become text, non-empty lists join their elements with ';', empty lists
 * disappear.
 */
export function flattenConfiguration(configuration: unknown): Map<string, string> {
  const result = new Map<string, string>();
  const visit = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) {
      if (value.length > 0) {
        result.set(prefix, value.map((item) => scalarText(item)).join(';'));
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        visit(prefix === '' ? key : `${prefix}.${key}`, child);
      }
    } else if (prefix !== '') {
      result.set(prefix, scalarText(value));
    }
  };
  if (configuration !== null && typeof configuration === 'object' && !Array.isArray(configuration)) {
    visit('', configuration);
  }
  return result;
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/** The outcome of reading a typed option. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/**
 * An effective Flink configuration: string values, with the key each value came from.
 */
export class FlinkConfig {
  /** Lays `layers` over each other, later layers winning. */
  public static merge(...layers: Array<Map<string, string>>): FlinkConfig {
    const merged = new Map<string, string>();
    for (const layer of layers) {
      for (const [key, value] of layer) {
        merged.set(key, value);
      }
    }
    return new FlinkConfig(merged);
  }

  constructor(public readonly entries: Map<string, string>) {}

  public has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The raw value of an option and the key it was found under, or undefined. */
  public lookup(option: ConfigOption): { key: string; value: string } | undefined {
    for (const key of [option.key, ...(option.alternativeKeys ?? [])]) {
      const value = this.entries.get(key);
      if (value !== undefined) {
        return { key, value };
      }
    }
    return undefined;
  }

  /** The value of an option, its default when absent. */
  public get(option: ConfigOption): string | undefined {
    return this.lookup(option)?.value ?? option.defaultValue;
  }

  /** A boolean option. Flink accepts only `true` and `false`, in any case. */
  public getBoolean(option: ConfigOption): Parsed<boolean> {
    const value = this.get(option);
    if (value === undefined) {
      return { ok: true, value: false };
    }
    const normalized = value.trim().toLowerCase();
    if (normalized === 'true' || normalized === 'false') {
      return { ok: true, value: normalized === 'true' };
    }
    return { ok: false, error: `'${this.lookup(option)?.key ?? option.key}' must be 'true' or 'false' (got '${value}')` };
  }

  /** A double option, parsed like Java's Double.parseDouble. */
  public getNumber(option: ConfigOption): Parsed<number> | undefined {
    const value = this.get(option);
    if (value === undefined) {
      return undefined;
    }
    const parsed = parseJavaDouble(value);
    return parsed === undefined
      ? { ok: false, error: `'${this.lookup(option)?.key ?? option.key}' must be a number (got '${value}')` }
      : { ok: true, value: parsed };
  }
}

/** Java's Double.parseDouble: decimal or exponent syntax, optional d/f suffix, NaN and Infinity. */
export function parseJavaDouble(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[+-]?(NaN|Infinity)$/.test(trimmed)) {
    return Number(trimmed.replace(/^\+/, ''));
  }
  // `\d+(\.\d*)?`, not `\d+\.?\d*`: the two digit runs of the latter backtrack quadratically on a long number.
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(trimmed)) {
    return undefined;
  }
  return Number(trimmed.replace(/[dDfF]$/, ''));
}

const DURATION_UNITS: ReadonlyArray<[string[], number]> = [
  [['ns', 'nano', 'nanos', 'nanosecond', 'nanoseconds'], 1e-6],
  [['us', 'µs', 'micro', 'micros', 'microsecond', 'microseconds'], 1e-3],
  [['ms', 'milli', 'millis', 'millisecond', 'milliseconds'], 1],
  [['s', 'sec', 'secs', 'second', 'seconds'], 1000],
  [['min', 'm', 'minute', 'minutes'], 60_000],
  [['h', 'hour', 'hours'], 3_600_000],
  [['d', 'day', 'days'], 86_400_000],
];

/**
 * Flink's duration syntax (TimeUtils.parseDuration): a whole number followed by an optional
 * unit; no unit means milliseconds. Returns milliseconds, or undefined when unparsable.
 */
export function parseFlinkDuration(text: string): number | undefined {
  const match = /^(\d+)\s*([a-zA-Zµ]*)$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const unit = match[2].toLowerCase();
  if (unit === '') {
    return Number(match[1]);
  }
  const entry = DURATION_UNITS.find(([names]) => names.includes(unit));
  return entry === undefined ? undefined : Number(match[1]) * entry[1];
}

// ----- The options the rules read ------------------------------------------------------------

export const HIGH_AVAILABILITY: ConfigOption = { key: 'high-availability.type', alternativeKeys: ['recovery.mode', 'high-availability'], defaultValue: 'NONE' };
export const CHECKPOINT_DIRECTORY: ConfigOption = { key: 'execution.checkpointing.dir', alternativeKeys: ['state.checkpoints.dir', 'state.backend.fs.checkpointdir'] };
export const SAVEPOINT_DIRECTORY: ConfigOption = { key: 'execution.checkpointing.savepoint-dir', alternativeKeys: ['state.savepoints.dir', 'savepoints.state.backend.fs.dir'] };
export const ROLLBACK_ENABLED: ConfigOption = { key: 'kubernetes.operator.deployment.rollback.enabled', defaultValue: 'false' };
export const HEALTH_CHECK_ENABLED: ConfigOption = { key: 'kubernetes.operator.cluster.health-check.enabled', defaultValue: 'false' };
export const JM_DEPLOYMENT_RECOVERY: ConfigOption = {
  key: 'kubernetes.operator.jm-deployment-recovery.enabled',
  alternativeKeys: ['kubernetes.operator.reconciler.jm-deployment-recovery.enabled'],
  defaultValue: 'true',
};
export const PERIODIC_SAVEPOINT_INTERVAL = 'kubernetes.operator.periodic.savepoint.interval';
export const MAX_CHECKPOINT_AGE: ConfigOption = { key: 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age' };

/**
 * Keys whose presence means a job keeps durable state: periodic checkpoints, or a checkpoint or
 * savepoint directory (old and new names).
 */
export const DURABLE_STATE_KEYS: ReadonlyArray<string> = [
  'execution.checkpointing.interval',
  CHECKPOINT_DIRECTORY.key, ...CHECKPOINT_DIRECTORY.alternativeKeys!,
  SAVEPOINT_DIRECTORY.key, ...SAVEPOINT_DIRECTORY.alternativeKeys!,
];

/** The durable-state keys a configuration sets (non-blank). */
export function durableStateKeys(entries: Map<string, string> | { [key: string]: string }): string[] {
  const get = (key: string) => (entries instanceof Map ? entries.get(key) : entries[key]);
  return DURABLE_STATE_KEYS.filter((key) => !isBlank(get(key)));
}

/** Keys the operator sets itself and refuses in `flinkConfiguration`. */
export const FORBIDDEN_KEYS: ReadonlyArray<string> = ['kubernetes.namespace', 'kubernetes.cluster-id', 'high-availability.cluster-id'];

/** Whether the configuration turns high availability on, as Flink decides it. */
export function highAvailabilityEnabled(config: FlinkConfig): boolean {
  const mode = (config.get(HIGH_AVAILABILITY) ?? 'NONE').toLowerCase();
  return mode !== 'none' && mode !== 'standalone';
}

/** Flink's StringUtils.isNullOrWhitespaceOnly. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}
