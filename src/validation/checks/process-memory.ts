/**
 * Flink's memory model on a process whose size the user wrote as a spec field or a construct
 * prop (`spec.taskManager.resource.memory`, `taskManager.memory`): whether Flink would start the
 * process, and if not, why, in the terms the user wrote, with the smallest size that starts.
 * The `*-memory-model` rules and the cluster constructs share it.
 */
import { FlinkVersion } from '../../flink-version';
import { WrittenAs } from '../../private/memory/diagnostics';
import { deriveJobManagerMemory } from '../../private/memory/job-manager';
import { OLDEST_MODELLED_VERSION, versionRules } from '../../private/memory/options';
import { deriveTaskManagerMemory } from '../../private/memory/task-manager';
import { JM_PROCESS_SIZE, TM_PROCESS_SIZE } from '../../private/options/memory-options';
import { mainKey } from '../../private/options/option';

/** The process a size is for. */
export type FlinkProcessName = 'JobManager' | 'TaskManager';

/** A process size, as the user wrote it, and the configuration it starts with. */
export interface WrittenProcessSize {
  readonly process: FlinkProcessName;
  /** The field or prop, e.g. `spec.taskManager.resource.memory` or `taskManager.memory`. */
  readonly field: string;
  /** What the user wrote there, e.g. `512m`, or the default. */
  readonly written: string;
  /** Whether `written` is the default of a field the user left out. */
  readonly defaulted?: boolean;
  /** The size in bytes, as the operator reads it. */
  readonly bytes: bigint;
  /** The rest of the Flink configuration (its process size key is replaced by `bytes`). */
  readonly configuration: { readonly [key: string]: string };
  /** The Flink version whose rules apply. */
  readonly version: FlinkVersion;
  /** Other keys of `configuration` the user set through a field or prop, named so in the message. */
  readonly otherFields?: ReadonlyMap<string, WrittenAs>;
}

const MEBIBYTE = BigInt(1024 * 1024);
/** The largest size the search for a size that starts tries: 1 TiB. */
const LARGEST_MEBIBYTES = 1024 * 1024;

function processSizeKey(process: FlinkProcessName): string {
  return mainKey(process === 'JobManager' ? JM_PROCESS_SIZE : TM_PROCESS_SIZE);
}

/** Flink's refusal at `bytes`, on one line, or undefined when the process starts. */
function refusalAt(size: WrittenProcessSize, bytes: bigint): string | undefined {
  const key = processSizeKey(size.process);
  const configuration = { ...size.configuration, [key]: bytes.toString() };
  const rules = versionRules(size.version.isAtLeast(OLDEST_MODELLED_VERSION) ? size.version : OLDEST_MODELLED_VERSION);
  const writtenAs = new Map([...size.otherFields ?? [], [key, { field: size.field, value: size.written }]]);
  try {
    if (size.process === 'JobManager') {
      deriveJobManagerMemory(configuration, rules, writtenAs);
    } else {
      deriveTaskManagerMemory(configuration, rules, writtenAs);
    }
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
  }
}

/**
 * The smallest whole number of mebibytes above `bytes` at which the process starts, or undefined
 * when doubling up to 1 TiB finds none (the configuration fails for another reason). Once
 * doubling finds a size that starts, halving the gap finds the lower end of its range.
 */
function smallestStartingMebibytes(size: WrittenProcessSize): number | undefined {
  const fails = (mebibytes: number) => refusalAt(size, BigInt(mebibytes) * MEBIBYTE) !== undefined;
  let low = Number(size.bytes / MEBIBYTE);
  let high = Math.max(2 * low, 64);
  while (fails(high)) {
    if (high >= LARGEST_MEBIBYTES) {
      return undefined;
    }
    low = high;
    high = Math.min(2 * high, LARGEST_MEBIBYTES);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fails(middle)) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return high;
}

/**
 * Why Flink would refuse to start the process at the size the user wrote, naming the field and
 * the smallest size that starts; undefined when it starts.
 */
export function processSizeRefusal(size: WrittenProcessSize, context = ''): string | undefined {
  const refusal = refusalAt(size, size.bytes);
  if (refusal === undefined) {
    return undefined;
  }
  const smallest = smallestStartingMebibytes(size);
  const fix = smallest === undefined ? ''
    : ` The smallest ${size.field} with which it starts${context === '' ? '' : ` with ${context}`} is '${smallest}m'.`;
  const written = `'${size.written}'${size.defaulted === true ? ' (the default)' : ''}`;
  return `Flink would refuse to start the ${size.process} with ${size.field} ${written}${context === '' ? '' : ` and ${context}`}: ${refusal}${fix}`;
}
