/**
 * A read-only view of a Flink configuration map that answers the way Flink's `Configuration`
 * does for the few option types the memory derivation reads: main key first, then fallback
 * (deprecated) keys in declared order, then the option's default.
 */
import { formatBytesValue, formatMemorySize, parseMemorySize } from '../flink/memory-size';
import { illegalArgument, illegalConfiguration, JavaException } from '../jvm/java-exception';
import { parseFlinkBoolean, parseJavaFloat, parseJavaInt } from '../jvm/java-numbers';

/** A Flink `ConfigOption`: its key and the keys Flink falls back to, in order. */
export interface OptionKey {
  /** The current key. */
  readonly key: string;
  /** Deprecated keys, read when the current key is absent. */
  readonly fallbackKeys?: readonly string[];
}

/** A `ConfigOption<MemorySize>`. */
export interface MemoryOption extends OptionKey {
  /** Default in bytes; undefined for `noDefaultValue()`. */
  readonly defaultBytes?: bigint;
}

/** A `ConfigOption<Float>`. */
export interface FloatOption extends OptionKey {
  /** The default float, as a JavaScript number. */
  readonly defaultValue: number;
  /** Java's `Float.toString` of the default, as `ConfigOption.toString()` prints it. */
  readonly defaultText: string;
}

/** A `ConfigOption<Integer>` or `ConfigOption<Boolean>` (only the key matters here). */
export interface PlainOption extends OptionKey {}

/** Flink's `ConfigOption.toString()`, which some of Flink's messages print instead of the key. */
export function describeOption(option: MemoryOption | FloatOption): string {
  const defaultText = 'defaultText' in option
    ? option.defaultText
    : option.defaultBytes === undefined ? 'null' : formatMemorySize(option.defaultBytes);
  const fallbacks = (option.fallbackKeys ?? []).map((key) => `{key=${key}, isDeprecated=true}`).join(', ');
  return `Key: '${option.key}' , default: ${defaultText} (fallback keys: [${fallbacks}])`;
}

/** The configured keys and values, in a form the derivation can read like a Flink `Configuration`. */
export class FlinkConfiguration {
  private readonly entries: ReadonlyMap<string, string>;

  /** @param entries `flinkConfiguration` as given; `undefined`/`null` values count as absent */
  public constructor(entries: { readonly [key: string]: unknown } | ReadonlyMap<string, string>) {
    if (entries instanceof Map) {
      this.entries = new Map(entries);
      return;
    }
    const map = new Map<string, string>();
    for (const [key, value] of Object.entries(entries)) {
      if (value !== undefined && value !== null) {
        map.set(key, String(value));
      }
    }
    this.entries = map;
  }

  /** A copy with one more entry, as Flink's legacy-heap mapping does (`copiedConfig.set(option, value)`). */
  public withMemorySize(option: OptionKey, bytes: bigint): FlinkConfiguration {
    const copy = new Map(this.entries);
    copy.set(option.key, formatBytesValue(bytes));
    return new FlinkConfiguration(copy);
  }

  /** Flink's `contains(option)`: the current key or any fallback key is present. */
  public contains(option: OptionKey): boolean {
    return this.rawEntry(option) !== undefined;
  }

  /** The key and raw value Flink would read for `option`, if any. */
  public rawEntry(option: OptionKey): { readonly key: string; readonly value: string } | undefined {
    for (const key of [option.key, ...(option.fallbackKeys ?? [])]) {
      const value = this.entries.get(key);
      if (value !== undefined) {
        return { key, value };
      }
    }
    return undefined;
  }

  /** Whether the exact key is present (for options the caller lists itself). */
  public hasKey(key: string): boolean {
    return this.entries.has(key);
  }

  /** The raw value of an exact key. */
  public rawValue(key: string): string | undefined {
    return this.entries.get(key);
  }

  /**
   * Flink's `ProcessMemoryUtils.getMemorySizeFromConfig(config, option)`: the value or the default;
   * any failure (unparsable, or unset without default) becomes
   * `IllegalConfigurationException("Cannot read memory size from config option '<key>'.")`.
   */
  public getMemorySize(option: MemoryOption): bigint {
    try {
      const value = this.getMemorySizeUnwrapped(option);
      if (value === undefined) {
        throw new JavaException('NullPointerException', 'The memory option is not set and has no default value.');
      }
      return value;
    } catch (error) {
      throw illegalConfiguration(`Cannot read memory size from config option '${option.key}'.`, asJavaException(error));
    }
  }

  /** Flink's `config.get(memoryOption)`: parse failures surface as Flink's "Could not parse value" error. */
  public getMemorySizeUnwrapped(option: MemoryOption): bigint | undefined {
    return this.convert(option, parseMemorySize,
      (key) => `Set '${key}' to a whole number of bytes with an optional unit (b, k, m, g or t; all binary), e.g. '1728m'.`) ?? option.defaultBytes;
  }

  /** Flink's `config.getFloat(option)`: `Float.parseFloat` of the value, or the default. */
  public getFloat(option: FloatOption): number {
    return this.convert(option, parseJavaFloat, (key) => `Set '${key}' to a decimal fraction in [0, 1), e.g. '0.1'.`) ?? option.defaultValue;
  }

  /** Flink's `config.getInteger(option)` for an option that is known to be present. */
  public getInteger(option: PlainOption): number | undefined {
    return this.convert(option, parseJavaInt, (key) => `Set '${key}' to a whole number.`);
  }

  /** Flink's `config.getBoolean(option)` (the caller supplies the default). */
  public getBoolean(option: PlainOption): boolean | undefined {
    return this.convert(option, parseFlinkBoolean, (key) => `Set '${key}' to 'true' or 'false'.`);
  }

  /** Flink's `Configuration.getOptional`: conversion failures are wrapped with the raw value and the current key. */
  private convert<T>(option: OptionKey, converter: (text: string) => T, advice: (key: string) => string): T | undefined {
    const entry = this.rawEntry(option);
    if (entry === undefined) {
      return undefined;
    }
    try {
      return converter(entry.value);
    } catch (error) {
      throw illegalArgument(`Could not parse value '${entry.value}' for key '${option.key}'.`, asJavaException(error)).withAdvice(advice(entry.key));
    }
  }
}

/** Errors thrown by the converters are always JavaExceptions; anything else is a bug and is rethrown as is. */
function asJavaException(error: unknown): JavaException {
  if (error instanceof JavaException) {
    return error;
  }
  throw error;
}
