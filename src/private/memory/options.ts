/**
 * The memory options each process's derivation reads, as declared in the option registry
 * (private/options/memory-options.ts), and what changes with the Flink version. The derivation
 * reads them through `EffectiveConfiguration`, with the keys, fallback keys and defaults of the
 * version.
 */
import { FlinkVersion } from '../../flink-version';
import * as M from '../options/memory-options';
import { FlinkOption, keysRead } from '../options/option';

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

/** The rules of each version asked for, by label (a handful of versions exist). */
const RULES_BY_LABEL = new Map<string, VersionRules>();

/** The rules for a Flink version. Versions before `OLDEST_MODELLED_VERSION` are not supported. */
export function versionRules(version: FlinkVersion): VersionRules {
  if (!version.isAtLeast(OLDEST_MODELLED_VERSION)) {
    throw new Error(`Flink memory derivation: Flink ${version.major}.${version.minor} is not supported; the rules are implemented for Flink 1.13 and later. Pass a newer 'flinkVersion' (e.g. FlinkVersion.V1_20).`);
  }
  const label = `${version.major}.${version.minor}`;
  let rules = RULES_BY_LABEL.get(label);
  if (rules === undefined) {
    rules = {
      version,
      label,
      legacyHeapOptions: keysRead(M.TM_LEGACY_HEAP, version).length > 0,
      legacyNetworkBuffers: keysRead(M.TM_NETWORK_BUFFERS, version).length > 0,
    };
    RULES_BY_LABEL.set(label, rules);
  }
  return rules;
}


/** The options every Flink process (JobManager or TaskManager) reads, per `ProcessMemoryOptions`. */
export interface ProcessMemoryOptionSet {
  /** `TaskManager` or `JobManager`, for messages. */
  readonly processName: string;
  /** The total process size Flink's default configuration ships, as an example in advice. */
  readonly exampleProcessSize: string;
  /** The fine-grained options that, all set, select the fine-grained path. */
  readonly requiredFineGrained: ReadonlyArray<FlinkOption<bigint>>;
  readonly totalFlink: FlinkOption<bigint>;
  readonly totalProcess: FlinkOption<bigint>;
  readonly jvmMetaspace: FlinkOption<bigint>;
  readonly jvmOverheadMin: FlinkOption<bigint>;
  readonly jvmOverheadMax: FlinkOption<bigint>;
  readonly jvmOverheadFraction: FlinkOption<number>;
  /** The legacy heap options Flink 1.x maps onto `totalProcess` (active Kubernetes/YARN deployments). */
  readonly legacyHeap: FlinkOption<bigint>;
  readonly legacyHeapMb: FlinkOption<number>;
}

/** The TaskManager's memory options (`TaskManagerOptions` and friends). */
export interface TaskManagerMemoryOptionSet extends ProcessMemoryOptionSet {
  readonly frameworkHeap: FlinkOption<bigint>;
  readonly frameworkOffHeap: FlinkOption<bigint>;
  readonly taskHeap: FlinkOption<bigint>;
  readonly taskOffHeap: FlinkOption<bigint>;
  readonly managedSize: FlinkOption<bigint>;
  readonly managedFraction: FlinkOption<number>;
  readonly networkMin: FlinkOption<bigint>;
  readonly networkMax: FlinkOption<bigint>;
  readonly networkFraction: FlinkOption<number>;
  readonly segmentSize: FlinkOption<bigint>;
  readonly networkNumberOfBuffers: FlinkOption<number>;
}

export const TASK_MANAGER_OPTIONS: TaskManagerMemoryOptionSet = {
  processName: 'TaskManager',
  exampleProcessSize: '1728m',
  requiredFineGrained: [M.TM_TASK_HEAP, M.TM_MANAGED_SIZE],
  totalFlink: M.TM_FLINK_SIZE,
  totalProcess: M.TM_PROCESS_SIZE,
  jvmMetaspace: M.TM_METASPACE,
  jvmOverheadMin: M.TM_OVERHEAD_MIN,
  jvmOverheadMax: M.TM_OVERHEAD_MAX,
  jvmOverheadFraction: M.TM_OVERHEAD_FRACTION,
  legacyHeap: M.TM_LEGACY_HEAP,
  legacyHeapMb: M.TM_LEGACY_HEAP_MB,
  frameworkHeap: M.TM_FRAMEWORK_HEAP,
  frameworkOffHeap: M.TM_FRAMEWORK_OFF_HEAP,
  taskHeap: M.TM_TASK_HEAP,
  taskOffHeap: M.TM_TASK_OFF_HEAP,
  managedSize: M.TM_MANAGED_SIZE,
  managedFraction: M.TM_MANAGED_FRACTION,
  networkMin: M.TM_NETWORK_MIN,
  networkMax: M.TM_NETWORK_MAX,
  networkFraction: M.TM_NETWORK_FRACTION,
  segmentSize: M.TM_SEGMENT_SIZE,
  networkNumberOfBuffers: M.TM_NETWORK_BUFFERS,
};

/** The JobManager's memory options (`JobManagerOptions`). */
export interface JobManagerMemoryOptionSet extends ProcessMemoryOptionSet {
  readonly jvmHeap: FlinkOption<bigint>;
  readonly offHeap: FlinkOption<bigint>;
  readonly jvmDirectMemoryLimitEnabled: FlinkOption<boolean>;
}

export const JOB_MANAGER_OPTIONS: JobManagerMemoryOptionSet = {
  processName: 'JobManager',
  exampleProcessSize: '1600m',
  requiredFineGrained: [M.JM_HEAP],
  totalFlink: M.JM_FLINK_SIZE,
  totalProcess: M.JM_PROCESS_SIZE,
  jvmMetaspace: M.JM_METASPACE,
  jvmOverheadMin: M.JM_OVERHEAD_MIN,
  jvmOverheadMax: M.JM_OVERHEAD_MAX,
  jvmOverheadFraction: M.JM_OVERHEAD_FRACTION,
  legacyHeap: M.JM_LEGACY_HEAP,
  legacyHeapMb: M.JM_LEGACY_HEAP_MB,
  jvmHeap: M.JM_HEAP,
  offHeap: M.JM_OFF_HEAP,
  jvmDirectMemoryLimitEnabled: M.JM_DIRECT_MEMORY_LIMIT,
};

/** Every key the TaskManager derivation may read in the version, current and deprecated, for error messages. */
export function taskManagerKeys(rules: VersionRules): readonly string[] {
  return keysOf(rules, 'TaskManager', () => readTaskManagerKeys(rules));
}

function readTaskManagerKeys(rules: VersionRules): string[] {
  const options = TASK_MANAGER_OPTIONS;
  const read: FlinkOption[] = [
    options.totalProcess, options.totalFlink, options.frameworkHeap, options.taskHeap, options.frameworkOffHeap,
    options.taskOffHeap, options.managedSize, options.managedFraction, options.networkMin, options.networkMax,
    options.networkFraction, options.jvmMetaspace, options.jvmOverheadMin, options.jvmOverheadMax, options.jvmOverheadFraction,
  ];
  if (rules.legacyNetworkBuffers) {
    read.push(options.networkNumberOfBuffers, options.segmentSize);
  }
  if (rules.legacyHeapOptions) {
    read.push(options.legacyHeap, options.legacyHeapMb);
  }
  return read.flatMap((option) => keysRead(option, rules.version));
}

/** Every key the JobManager derivation may read in the version, for error messages. */
export function jobManagerKeys(rules: VersionRules): readonly string[] {
  return keysOf(rules, 'JobManager', () => readJobManagerKeys(rules));
}

/** The keys each process's derivation reads, by process and rules. */
const KEYS = new Map<string, readonly string[]>();

function keysOf(rules: VersionRules, process: string, read: () => string[]): readonly string[] {
  const key = `${process} ${rules.label} ${rules.legacyHeapOptions} ${rules.legacyNetworkBuffers}`;
  let keys = KEYS.get(key);
  if (keys === undefined) {
    keys = Object.freeze(read());
    KEYS.set(key, keys);
  }
  return keys;
}

function readJobManagerKeys(rules: VersionRules): string[] {
  const options = JOB_MANAGER_OPTIONS;
  const read: FlinkOption[] = [
    options.totalProcess, options.totalFlink, options.jvmHeap, options.offHeap,
    options.jvmMetaspace, options.jvmOverheadMin, options.jvmOverheadMax, options.jvmOverheadFraction,
    options.jvmDirectMemoryLimitEnabled,
  ];
  if (rules.legacyHeapOptions) {
    read.push(options.legacyHeap, options.legacyHeapMb);
  }
  return read.flatMap((option) => keysRead(option, rules.version));
}
