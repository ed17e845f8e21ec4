/**
 * The Flink configuration options the memory derivation reads, with their defaults and fallback
 * keys per Flink version (`TaskManagerOptions`, `JobManagerOptions`, `NettyShuffleEnvironmentOptions`
 * and the legacy heap options).
 */
import { FloatOption, MemoryOption, PlainOption } from './flink-configuration';
import { GIBIBYTE, KIBIBYTE, MAX_MEMORY_BYTES, MEBIBYTE } from '../flink/memory-size';

/** The version-dependent parts of the derivation. */
export interface VersionRules {
  /** The version, for messages, e.g. `1.17`. */
  readonly label: string;
  /**
   * Default of `taskmanager.memory.network.max`: 1g up to Flink 1.16, `Long.MAX_VALUE` from 1.17
   * (FLINK-30472).
   */
  readonly networkMaxDefault: bigint;
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

/** The rules for Flink `major.minor`. Versions before 1.13 are not supported. */
export function versionRules(major: number, minor: number): VersionRules {
  const atLeast = (otherMajor: number, otherMinor: number) => major > otherMajor || (major === otherMajor && minor >= otherMinor);
  if (!atLeast(1, 13)) {
    throw new Error(`Flink memory derivation: Flink ${major}.${minor} is not supported; the rules are implemented for Flink 1.13 and later. Pass a newer 'flinkVersion' (e.g. FlinkVersion.V1_13).`);
  }
  return {
    label: `${major}.${minor}`,
    networkMaxDefault: atLeast(1, 17) ? MAX_MEMORY_BYTES : GIBIBYTE,
    legacyHeapOptions: !atLeast(2, 0),
    legacyNetworkBuffers: !atLeast(2, 0),
  };
}

/** The options every Flink process (JobManager or TaskManager) shares, per `ProcessMemoryOptions`. */
export interface ProcessMemoryOptions {
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

const FRACTION_0_1 = { defaultValue: Math.fround(0.1), defaultText: '0.1' };

function jvmOptions(prefix: string) {
  return {
    jvmMetaspace: { key: `${prefix}.memory.jvm-metaspace.size`, defaultBytes: 256n * MEBIBYTE },
    jvmOverheadMin: { key: `${prefix}.memory.jvm-overhead.min`, defaultBytes: 192n * MEBIBYTE },
    jvmOverheadMax: { key: `${prefix}.memory.jvm-overhead.max`, defaultBytes: GIBIBYTE },
    jvmOverheadFraction: { key: `${prefix}.memory.jvm-overhead.fraction`, ...FRACTION_0_1 },
  };
}

/** `TaskManagerOptions` and friends, for one Flink version. */
export interface TaskManagerOptions extends ProcessMemoryOptions {
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

/** The TaskManager options with the defaults of the given Flink version. */
export function taskManagerOptions(rules: VersionRules): TaskManagerOptions {
  const taskHeap: MemoryOption = { key: 'taskmanager.memory.task.heap.size' };
  const managedSize: MemoryOption = { key: 'taskmanager.memory.managed.size', fallbackKeys: ['taskmanager.memory.size'] };
  return {
    processName: 'TaskManager',
    exampleProcessSize: '1728m',
    requiredFineGrained: [taskHeap, managedSize],
    totalFlink: { key: 'taskmanager.memory.flink.size' },
    totalProcess: { key: 'taskmanager.memory.process.size' },
    ...jvmOptions('taskmanager'),
    legacyHeap: { key: 'taskmanager.heap.size' },
    legacyHeapMb: { key: 'taskmanager.heap.mb' },
    frameworkHeap: { key: 'taskmanager.memory.framework.heap.size', defaultBytes: 128n * MEBIBYTE },
    frameworkOffHeap: { key: 'taskmanager.memory.framework.off-heap.size', defaultBytes: 128n * MEBIBYTE },
    taskHeap,
    taskOffHeap: { key: 'taskmanager.memory.task.off-heap.size', defaultBytes: 0n },
    managedSize,
    managedFraction: { key: 'taskmanager.memory.managed.fraction', defaultValue: Math.fround(0.4), defaultText: '0.4' },
    networkMin: { key: 'taskmanager.memory.network.min', fallbackKeys: ['taskmanager.network.memory.min'], defaultBytes: 64n * MEBIBYTE },
    networkMax: { key: 'taskmanager.memory.network.max', fallbackKeys: ['taskmanager.network.memory.max'], defaultBytes: rules.networkMaxDefault },
    networkFraction: { key: 'taskmanager.memory.network.fraction', fallbackKeys: ['taskmanager.network.memory.fraction'], ...FRACTION_0_1 },
    segmentSize: { key: 'taskmanager.memory.segment-size', defaultBytes: 32n * KIBIBYTE },
    networkNumberOfBuffers: { key: 'taskmanager.network.numberOfBuffers' },
  };
}

/** `JobManagerOptions`, for one Flink version (no JobManager default differs between 1.13 and 2.x). */
export interface JobManagerOptions extends ProcessMemoryOptions {
  readonly jvmHeap: MemoryOption;
  readonly offHeap: MemoryOption;
  readonly jvmDirectMemoryLimitEnabled: PlainOption;
}

/** The JobManager options. */
export function jobManagerOptions(): JobManagerOptions {
  const jvmHeap: MemoryOption = { key: 'jobmanager.memory.heap.size' };
  return {
    processName: 'JobManager',
    exampleProcessSize: '1600m',
    requiredFineGrained: [jvmHeap],
    totalFlink: { key: 'jobmanager.memory.flink.size' },
    totalProcess: { key: 'jobmanager.memory.process.size' },
    ...jvmOptions('jobmanager'),
    legacyHeap: { key: 'jobmanager.heap.size' },
    legacyHeapMb: { key: 'jobmanager.heap.mb' },
    jvmHeap,
    offHeap: { key: 'jobmanager.memory.off-heap.size', defaultBytes: 128n * MEBIBYTE },
    jvmDirectMemoryLimitEnabled: { key: 'jobmanager.memory.enable-jvm-direct-memory-limit' },
  };
}

/** Every key the TaskManager derivation may read, current and deprecated, for error messages. */
export function taskManagerKeys(options: TaskManagerOptions, rules: VersionRules): string[] {
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
export function jobManagerKeys(options: JobManagerOptions, rules: VersionRules): string[] {
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
