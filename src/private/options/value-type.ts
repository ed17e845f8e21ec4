/**
 * The value types of Flink and operator options, read the way Flink's `ConfigurationUtils`
 * converts a configuration string: `Integer.parseInt`, `Long.parseLong`, `Float.parseFloat`,
 * `Double.parseDouble`, `TimeUtils.parseDuration`, `MemorySize.parse`, the case-insensitive
 * boolean and enum rules, and the `;`-separated list splitter.
 */
import { parseFlinkDuration } from '../flink/duration';
import { splitFlinkList, splitFlinkMap } from '../flink/list-splitter';
import { parseMemorySize } from '../flink/memory-size';
import { uriPath, uriScheme } from '../flink/uri';
import { JavaException } from '../jvm/java-exception';
import { parseFlinkBoolean, parseJavaDouble, parseJavaFloat, parseJavaInt } from '../jvm/java-numbers';
import { onFirstUse } from '../on-first-use';
import type * as Quartz from '../quartz/cron-expression';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const quartz = onFirstUse(() => require('../quartz/cron-expression') as typeof Quartz);

/**
 * A value read from its text, or why Flink could not read it (with the exception Flink's converter
 * throws, where the type mirrors one).
 */
export type ReadResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string; readonly exception?: JavaException };

/** How an option's text is turned into a value. */
export interface ValueType<T> {
  /** The type as the docs name it, e.g. `duration`. */
  readonly name: string;
  /** The accepted form, for messages, e.g. `a duration such as '30 s' or '5 min'`. */
  readonly accepted: string;
  /** Reads a text as Flink's converter does. */
  read(text: string): ReadResult<T>;
}

function attempt<T>(read: () => T, reason: (error: unknown) => string): ReadResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    return { ok: false, reason: reason(error), exception: error instanceof JavaException ? error : undefined };
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const BOOLEAN: ValueType<boolean> = {
  name: 'boolean',
  accepted: "'true' or 'false'",
  read: (text) => attempt(() => parseFlinkBoolean(text), message),
};

export const INTEGER: ValueType<number> = {
  name: 'integer',
  accepted: 'a whole number',
  read: (text) => attempt(() => parseJavaInt(text), message),
};

export const LONG: ValueType<bigint> = {
  name: 'long',
  accepted: 'a whole number',
  read: (text) => (/^[+-]?\d+$/.test(text) && BigInt(text) <= 2n ** 63n - 1n && BigInt(text) >= -(2n ** 63n)
    ? { ok: true, value: BigInt(text) }
    : { ok: false, reason: `For input string: "${text}"` }),
};

export const FLOAT: ValueType<number> = {
  name: 'float',
  accepted: "a number such as '0.4'",
  read: (text) => attempt(() => parseJavaFloat(text), message),
};

export const DOUBLE: ValueType<number> = {
  name: 'double',
  accepted: "a number such as '0.7'",
  read: (text) => attempt(() => parseJavaDouble(text), message),
};

export const DURATION: ValueType<number> = {
  name: 'duration',
  accepted: "a duration such as '30 s', '5 min' or '500 ms' (a plain number is milliseconds)",
  read: (text) => {
    const ms = parseFlinkDuration(text);
    return ms === undefined ? { ok: false, reason: `Could not parse value '${text}' as a duration` } : { ok: true, value: ms };
  },
};

/** Milliseconds as a `Long` (what the heartbeat options were before Flink 1.20). */
export const MILLISECONDS: ValueType<number> = {
  name: 'milliseconds',
  accepted: "a whole number of milliseconds such as '50000'",
  read: (text) => {
    const parsed = LONG.read(text);
    return parsed.ok ? { ok: true, value: Number(parsed.value) } : parsed;
  },
};

export const MEMORY_SIZE: ValueType<bigint> = {
  name: 'memory size',
  accepted: "a whole number of bytes with an optional unit (b, k, m, g or t; all binary), e.g. '1536m' or '2g'",
  read: (text) => attempt(() => parseMemorySize(text), message),
};

export const STRING: ValueType<string> = {
  name: 'string',
  accepted: 'text',
  read: (text) => ({ ok: true, value: text }),
};

export const STRING_LIST: ValueType<string[]> = {
  name: 'list',
  accepted: "a ';'-separated list",
  read: (text) => attempt(() => splitFlinkList(text), message),
};

export const STRING_MAP: ValueType<Map<string, string>> = {
  name: 'map',
  accepted: "'key:value' entries separated by ',' (quote a key or value that holds ',' or ':' with ')",
  read: (text) => attempt(() => splitFlinkMap(text), message),
};

/**
 * The operator's snapshot schedules (`SnapshotUtils.shouldTriggerAutomaticSnapshot`, operator
 * 1.7+): blank means off; otherwise the text is read as a Flink duration, else as a Quartz cron
 * expression. Text that is neither never triggers (the operator only logs a warning).
 */
export const DURATION_OR_CRON: ValueType<string> = {
  name: 'duration or Quartz cron',
  accepted: "a duration such as '6h', or a Quartz cron expression such as '0 0 2 * * ?'",
  read: (text) => {
    if (text.trim() === '' || parseFlinkDuration(text) !== undefined) {
      return { ok: true, value: text };
    }
    const cronError = quartz().quartzCronError(text);
    return cronError === undefined ? { ok: true, value: text } : { ok: false, reason: `neither a duration nor a Quartz cron expression (${cronError})` };
  },
};

/**
 * An enum option: Flink matches the constant's name case-insensitively
 * (`ConfigurationUtils.convertToEnum`).
 */
export function enumType(values: ReadonlyArray<string>): ValueType<string> {
  const byUpper = new Map(values.map((value) => [value.toUpperCase(), value]));
  return {
    name: 'enum',
    accepted: `one of ${values.map((value) => `'${value}'`).join(', ')}`,
    read: (text) => {
      const value = byUpper.get(text.toUpperCase());
      return value === undefined
        ? { ok: false, reason: `Could not parse value for enum. Expected one of: [${values.join(', ')}]` }
        : { ok: true, value };
    },
  };
}

/** A string option with a closed set of well-known values, compared case-insensitively. */
export function choiceType(values: ReadonlyArray<string>, otherwise?: (text: string) => boolean): ValueType<string> {
  const known = new Set(values.map((value) => value.toLowerCase()));
  return {
    name: 'string',
    accepted: `one of ${values.map((value) => `'${value}'`).join(', ')}${otherwise ? ' or a factory class name' : ''}`,
    read: (text) => (known.has(text.toLowerCase()) || otherwise?.(text) === true
      ? { ok: true, value: text }
      : { ok: false, reason: `'${text}' is not a known value` }),
  };
}

/**
 * A checkpoint or savepoint directory. Flink refuses one without a scheme, or the root of a file
 * system (`FileSystemCheckpointStorage.validatePath`: "The scheme (hdfs://, file://, etc) is
 * null", "Cannot use the root directory for checkpoints").
 */
export const STATE_DIRECTORY: ValueType<string> = {
  name: 'URI',
  accepted: "a URI with a scheme and a directory, such as 's3://bucket/checkpoints' or 'file:///flink-data/checkpoints'",
  read: (text) => {
    if (uriScheme(text) === undefined) {
      return { ok: false, reason: 'The scheme (hdfs://, file://, etc) is null' };
    }
    const path = uriPath(text);
    return path === '' || path === '/' ? { ok: false, reason: 'Cannot use the root directory for checkpoints' } : { ok: true, value: text };
  },
};
