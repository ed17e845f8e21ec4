/**
 * The memory options the derivation reads, for one Flink version: keys, fallback keys and
 * defaults come from the option registry (private/options/memory-options.ts), in the shape the
 * derivation's Flink-`Configuration` reader takes.
 */
import { FloatOption, MemoryOption, PlainOption } from './flink-configuration';
import { FlinkVersion } from '../../flink-version';
import { parseMemorySize } from '../flink/memory-size';
import { parseJavaFloat } from '../jvm/java-numbers';
import * as M from '../options/memory-options';
import { defaultAt, FlinkOption, keysRead, mainKey } from '../options/option';

/** The version-dependent parts of the derivation. */
export interface VersionRules {
  /** The version. */
  readonly version: FlinkVersion;
  /** The version, for messages, e.g. `1.17`. */
  readonly label: string;
  /**
   * Whether the legacy heap options (`taskmanager.heap.size`/`.mb`, `jobmanager.heap.size`/`.mb`)
   * are still mapped to the total process memory (Flink 1.x; removed in 2.0 by FLINK-33750).
   */
  readonly legacyHeapOptions: boolean;
  /**
   * Whether `taskmanager.network.numberOfBuffers` can still fix the network memory size
   * (Flink 1.x; removed in 2.0 by FLINK-33750).
   */
  readonly legacyNetworkBuffers: boolean;
}

/**
 * The oldest Flink version the memory model implements: 1.13, older than the operator runs
 * (`FlinkVersion` has no constant for it), so that manifests of older operators are still
 * derived.
 */
export const OLDEST_MODELLED_VERSION = FlinkVersion.of('v1_13');

/** The rules for a Flink version. Versions before `OLDEST_MODELLED_VERSION` are not supported. */
export function versionRules(version: FlinkVersion): VersionRules {
  if (!version.isAtLeast(OLDEST_MODELLED_VERSION)) {
    throw new Error(`Flink memory derivation: Flink ${version.major}.${version.minor} is not supported; the rules are implemented for Flink 1.13 and later. Pass a newer 'flinkVersion' (e.g. FlinkVersion.V1_20).`);
  }
  return {
    version,
    label: `${version.major}.${version.minor}`,
    legacyHeapOptions: keysRead(M.TM_LEGACY_HEAP, version).length > 0,
    legacyNetworkBuffers: keysRead(M.TM_NETWORK_BUFFERS, version).length > 0,
  };
}

/** The registry's option as the derivation reads it in one version: its key, fallback keys and default. */
function read(option: FlinkOption, version: FlinkVersion): { key: string; fallbackKeys: string[]; defaultText?: string } {
  const [key, ...fallbackKeys] = keysRead(option, version);
  return { key: key ?? mainKey(option), fallbackKeys, defaultText: defaultAt(option, version) };
}

function memory(option: FlinkOption, version: FlinkVersion): MemoryOption {
  const { key, fallbackKeys, defaultText } = read(option, version);
  return { key, fallbackKeys, defaultBytes: defaultText === undefined ? undefined : parseMemorySize(defaultText) };
}

function fraction(option: FlinkOption, version: FlinkVersion): FloatOption {
  const { key, fallbackKeys, defaultText } = read(option, version);
  return { key, fallbackKeys, defaultValue: parseJavaFloat(defaultText!), defaultText: defaultText! };
}

function plain(option: FlinkOption, version: FlinkVersion): PlainOption {
  const { key, fallbackKeys } = read(option, version);
  return { key, fallbackKeys };
}

/** The options every Flink process (JobManager or TaskManager) shares, per `ProcessMemoryOptions`. */
export interface ProcessMemoryOptionSet {
  /** `TaskManager` or `JobManager`, for messages. */
  readonly processName: string;
  /** The total process size Flink's default configuration ships, as an example in advice. */
  readonly exampleProcessSize: string;
  /** The fine-grained options that, all set, select the fine-grained path. */
  readonly requiredFineGrained: readonly MemoryOption[];
  readonly totalFlink: MemoryOption;
  readonly totalProcess: MemoryOption;
  readonly jvmMetaspace: MemoryOption;
  readonly jvmOverheadMin: MemoryOption;
  readonly jvmOverheadMax: MemoryOption;
  readonly jvmOverheadFraction: FloatOption;
  /** The legacy heap options Flink 1.x maps onto `totalProcess` (active Kubernetes/YARN deployments). */
  readonly legacyHeap: MemoryOption;
  readonly legacyHeapMb: PlainOption;
}

/** The TaskManager's memory options (`TaskManagerOptions` and friends) for one Flink version. */
export interface TaskManagerMemoryOptionSet extends ProcessMemoryOptionSet {
  readonly frameworkHeap: MemoryOption;
  readonly frameworkOffHeap: MemoryOption;
  readonly taskHeap: MemoryOption;
  readonly taskOffHeap: MemoryOption;
  readonly managedSize: MemoryOption;
  readonly managedFraction: FloatOption;
  readonly networkMin: MemoryOption;
  readonly networkMax: MemoryOption;
  readonly networkFraction: FloatOption;
  readonly segmentSize: MemoryOption;
  readonly networkNumberOfBuffers: PlainOption;
}

/** The options of `ProcessMemoryOptions` a process has: its totals, JVM overhead and metaspace, and legacy heap options. */
function processOptionSet(
  version: FlinkVersion,
  names: { processName: string; exampleProcessSize: string; requiredFineGrained: MemoryOption[] },
  options: {
    totalFlink: FlinkOption;
    totalProcess: FlinkOption;
    metaspace: FlinkOption;
    overhead: [FlinkOption, FlinkOption, FlinkOption];
    legacyHeap: [FlinkOption, FlinkOption];
  },
): ProcessMemoryOptionSet {
  const [overheadMin, overheadMax, overheadFraction] = options.overhead;
  return {
    ...names,
    totalFlink: memory(options.totalFlink, version),
    totalProcess: memory(options.totalProcess, version),
    jvmMetaspace: memory(options.metaspace, version),
    jvmOverheadMin: memory(overheadMin, version),
    jvmOverheadMax: memory(overheadMax, version),
    jvmOverheadFraction: fraction(overheadFraction, version),
    legacyHeap: memory(options.legacyHeap[0], version),
    legacyHeapMb: plain(options.legacyHeap[1], version),
  };
}

/** The TaskManager options of the given Flink version. */
export function taskManagerOptionSet(rules: VersionRules): TaskManagerMemoryOptionSet {
  const v = rules.version;
  const taskHeap = memory(M.TM_TASK_HEAP, v);
  const managedSize = memory(M.TM_MANAGED_SIZE, v);
  return {
    ...processOptionSet(v, { processName: 'TaskManager', exampleProcessSize: '1728m', requiredFineGrained: [taskHeap, managedSize] }, {
      totalFlink: M.TM_FLINK_SIZE,
      totalProcess: M.TM_PROCESS_SIZE,
      metaspace: M.TM_METASPACE,
      overhead: [M.TM_OVERHEAD_MIN, M.TM_OVERHEAD_MAX, M.TM_OVERHEAD_FRACTION],
      legacyHeap: [M.TM_LEGACY_HEAP, M.TM_LEGACY_HEAP_MB],
    }),
    frameworkHeap: memory(M.TM_FRAMEWORK_HEAP, v),
    frameworkOffHeap: memory(M.TM_FRAMEWORK_OFF_HEAP, v),
    taskHeap,
    taskOffHeap: memory(M.TM_TASK_OFF_HEAP, v),
    managedSize,
    managedFraction: fraction(M.TM_MANAGED_FRACTION, v),
    networkMin: memory(M.TM_NETWORK_MIN, v),
    networkMax: memory(M.TM_NETWORK_MAX, v),
    networkFraction: fraction(M.TM_NETWORK_FRACTION, v),
    segmentSize: memory(M.TM_SEGMENT_SIZE, v),
    networkNumberOfBuffers: plain(M.TM_NETWORK_BUFFERS, v),
  };
}

/** The JobManager's memory options (`JobManagerOptions`) for one Flink version. */
export interface JobManagerMemoryOptionSet extends ProcessMemoryOptionSet {
  readonly jvmHeap: MemoryOption;
  readonly offHeap: MemoryOption;
  readonly jvmDirectMemoryLimitEnabled: PlainOption;
}

/** The JobManager options of the given Flink version. */
export function jobManagerOptionSet(rules: VersionRules): JobManagerMemoryOptionSet {
  const v = rules.version;
  const jvmHeap = memory(M.JM_HEAP, v);
  return {
    ...processOptionSet(v, { processName: 'JobManager', exampleProcessSize: '1600m', requiredFineGrained: [jvmHeap] }, {
      totalFlink: M.JM_FLINK_SIZE,
      totalProcess: M.JM_PROCESS_SIZE,
      metaspace: M.JM_METASPACE,
      overhead: [M.JM_OVERHEAD_MIN, M.JM_OVERHEAD_MAX, M.JM_OVERHEAD_FRACTION],
      legacyHeap: [M.JM_LEGACY_HEAP, M.JM_LEGACY_HEAP_MB],
    }),
    jvmHeap,
    offHeap: memory(M.JM_OFF_HEAP, v),
    jvmDirectMemoryLimitEnabled: plain(M.JM_DIRECT_MEMORY_LIMIT, v),
  };
}

/** Every key the TaskManager derivation may read, current and deprecated, for error messages. */
export function taskManagerKeys(options: TaskManagerMemoryOptionSet, rules: VersionRules): string[] {
  const keys = [
    options.totalProcess, options.totalFlink, options.frameworkHeap, options.taskHeap, options.frameworkOffHeap,
    options.taskOffHeap, options.managedSize, options.managedFraction, options.networkMin, options.networkMax,
    options.networkFraction, options.jvmMetaspace, options.jvmOverheadMin, options.jvmOverheadMax, options.jvmOverheadFraction,
  ].flatMap((option) => [option.key, ...(option.fallbackKeys ?? [])]);
  if (rules.legacyNetworkBuffers) {
    keys.push(options.networkNumberOfBuffers.key, options.segmentSize.key);
  }
  if (rules.legacyHeapOptions) {
    keys.push(options.legacyHeap.key, options.legacyHeapMb.key);
  }
  return keys;
}

/** Every key the JobManager derivation may read, for error messages. */
export function jobManagerKeys(options: JobManagerMemoryOptionSet, rules: VersionRules): string[] {
  const keys = [
    options.totalProcess, options.totalFlink, options.jvmHeap, options.offHeap,
    options.jvmMetaspace, options.jvmOverheadMin, options.jvmOverheadMax, options.jvmOverheadFraction,
    options.jvmDirectMemoryLimitEnabled,
  ].map((option) => option.key);
  if (rules.legacyHeapOptions) {
    keys.push(options.legacyHeap.key, options.legacyHeapMb.key);
  }
  return keys;
}
