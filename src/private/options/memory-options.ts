/**
 * The memory options of Flink's TaskManager and JobManager processes (`TaskManagerOptions`,
 * `JobManagerOptions`, `NettyShuffleEnvironmentOptions`), with their defaults and deprecated
 * keys per version. Flink 1.17 made the network maximum unlimited (FLINK-30472); Flink 2.0
 * removed the legacy heap options and `taskmanager.network.numberOfBuffers` (FLINK-33750). The
 * network options keep their `taskmanager.network.memory.*` deprecated keys in 2.x, as the
 * messages of Flink's `TaskExecutorProcessUtilsTest` show.
 */
import { FlinkOption, versioned } from './option';
import { BOOLEAN, FLOAT, INTEGER, MEMORY_SIZE, ValueType } from './value-type';
import { FlinkVersion } from '../../flink-version';

const V1_17 = FlinkVersion.V1_17;
const V2_0 = FlinkVersion.V2_0;

/** Long.MAX_VALUE bytes: Flink's `MemorySize.MAX_VALUE`. */
const UNLIMITED = '9223372036854775807b';

interface MemoryDeclaration<T> {
  /** The value type; a memory size where absent. */
  readonly type?: ValueType<T>;
  readonly defaults?: FlinkOption['defaults'];
  readonly fallbackKeys?: FlinkOption['fallbackKeys'];
  /** The last version that has the option (legacy options Flink 2.0 removed). */
  readonly removedIn?: FlinkVersion;
  readonly prop?: string;
}

function memoryOption<T = bigint>(key: string, source: string, declaration: MemoryDeclaration<T> = {}): FlinkOption<T> {
  return {
    keys: [versioned(key, { until: declaration.removedIn })],
    fallbackKeys: declaration.fallbackKeys,
    type: declaration.type ?? (MEMORY_SIZE as ValueType<unknown> as ValueType<T>),
    defaults: declaration.defaults,
    reader: 'flink',
    source,
    prop: declaration.prop,
    format: declaration.type as ValueType<unknown> === FLOAT ? 'fraction, e.g. `0.4`' : declaration.type === undefined ? 'memory size, e.g. `1536m`' : undefined,
  };
}

const always = (text: string) => [versioned(text)];
const tm = (prop: string) => `taskManager.memoryComponents.${prop}`;
const jm = (prop: string) => `jobManager.memoryComponents.${prop}`;

// ----- TaskManager -----------------------------------------------------------------------------

export const TM_PROCESS_SIZE = memoryOption('taskmanager.memory.process.size', 'TaskManagerOptions.TOTAL_PROCESS_MEMORY');
export const TM_FLINK_SIZE = memoryOption('taskmanager.memory.flink.size', 'TaskManagerOptions.TOTAL_FLINK_MEMORY', { prop: tm('totalFlink') });
export const TM_FRAMEWORK_HEAP = memoryOption('taskmanager.memory.framework.heap.size', 'TaskManagerOptions.FRAMEWORK_HEAP_MEMORY',
  { defaults: always('128m'), prop: tm('frameworkHeap') });
export const TM_FRAMEWORK_OFF_HEAP = memoryOption('taskmanager.memory.framework.off-heap.size', 'TaskManagerOptions.FRAMEWORK_OFF_HEAP_MEMORY',
  { defaults: always('128m'), prop: tm('frameworkOffHeap') });
export const TM_TASK_HEAP = memoryOption('taskmanager.memory.task.heap.size', 'TaskManagerOptions.TASK_HEAP_MEMORY', { prop: tm('taskHeap') });
export const TM_TASK_OFF_HEAP = memoryOption('taskmanager.memory.task.off-heap.size', 'TaskManagerOptions.TASK_OFF_HEAP_MEMORY',
  { defaults: always('0b'), prop: tm('taskOffHeap') });
export const TM_MANAGED_SIZE = memoryOption('taskmanager.memory.managed.size', 'TaskManagerOptions.MANAGED_MEMORY_SIZE',
  { fallbackKeys: always('taskmanager.memory.size'), prop: tm('managedSize') });
export const TM_MANAGED_FRACTION = memoryOption('taskmanager.memory.managed.fraction', 'TaskManagerOptions.MANAGED_MEMORY_FRACTION',
  { type: FLOAT, defaults: always('0.4'), prop: tm('managedFraction') });
export const TM_NETWORK_MIN = memoryOption('taskmanager.memory.network.min', 'TaskManagerOptions.NETWORK_MEMORY_MIN',
  { fallbackKeys: always('taskmanager.network.memory.min'), defaults: always('64m'), prop: tm('networkMin') });
export const TM_NETWORK_MAX = memoryOption('taskmanager.memory.network.max', 'TaskManagerOptions.NETWORK_MEMORY_MAX (unlimited from 1.17, FLINK-30472)', {
  fallbackKeys: always('taskmanager.network.memory.max'),
  defaults: [versioned('1g', { until: V1_17 }), versioned(UNLIMITED, { since: V1_17 })],
  prop: tm('networkMax'),
});
export const TM_NETWORK_FRACTION = memoryOption('taskmanager.memory.network.fraction', 'TaskManagerOptions.NETWORK_MEMORY_FRACTION',
  { type: FLOAT, fallbackKeys: always('taskmanager.network.memory.fraction'), defaults: always('0.1'), prop: tm('networkFraction') });
export const TM_METASPACE = memoryOption('taskmanager.memory.jvm-metaspace.size', 'TaskManagerOptions.JVM_METASPACE',
  { defaults: always('256m'), prop: tm('jvmMetaspace') });
export const TM_OVERHEAD_MIN = memoryOption('taskmanager.memory.jvm-overhead.min', 'TaskManagerOptions.JVM_OVERHEAD_MIN',
  { defaults: always('192m'), prop: tm('jvmOverheadMin') });
export const TM_OVERHEAD_MAX = memoryOption('taskmanager.memory.jvm-overhead.max', 'TaskManagerOptions.JVM_OVERHEAD_MAX',
  { defaults: always('1g'), prop: tm('jvmOverheadMax') });
export const TM_OVERHEAD_FRACTION = memoryOption('taskmanager.memory.jvm-overhead.fraction', 'TaskManagerOptions.JVM_OVERHEAD_FRACTION',
  { type: FLOAT, defaults: always('0.1'), prop: tm('jvmOverheadFraction') });
export const TM_SEGMENT_SIZE = memoryOption('taskmanager.memory.segment-size', 'TaskManagerOptions.MEMORY_SEGMENT_SIZE', { defaults: always('32kb') });
export const TM_NETWORK_BUFFERS = memoryOption('taskmanager.network.numberOfBuffers', 'NettyShuffleEnvironmentOptions.NETWORK_NUM_BUFFERS (removed in 2.0)',
  { type: INTEGER, removedIn: V2_0 });
export const TM_LEGACY_HEAP = memoryOption('taskmanager.heap.size', 'TaskManagerOptions.TASK_MANAGER_HEAP_MEMORY (removed in 2.0)', { removedIn: V2_0 });
export const TM_LEGACY_HEAP_MB = memoryOption('taskmanager.heap.mb', 'TaskManagerOptions.TASK_MANAGER_HEAP_MEMORY_MB (removed in 2.0)',
  { type: INTEGER, removedIn: V2_0 });

// ----- JobManager ------------------------------------------------------------------------------

export const JM_PROCESS_SIZE = memoryOption('jobmanager.memory.process.size', 'JobManagerOptions.TOTAL_PROCESS_MEMORY');
export const JM_FLINK_SIZE = memoryOption('jobmanager.memory.flink.size', 'JobManagerOptions.TOTAL_FLINK_MEMORY', { prop: jm('totalFlink') });
export const JM_HEAP = memoryOption('jobmanager.memory.heap.size', 'JobManagerOptions.JVM_HEAP_MEMORY', { prop: jm('heap') });
export const JM_OFF_HEAP = memoryOption('jobmanager.memory.off-heap.size', 'JobManagerOptions.OFF_HEAP_MEMORY',
  { defaults: always('128m'), prop: jm('offHeap') });
export const JM_METASPACE = memoryOption('jobmanager.memory.jvm-metaspace.size', 'JobManagerOptions.JVM_METASPACE',
  { defaults: always('256m'), prop: jm('jvmMetaspace') });
export const JM_OVERHEAD_MIN = memoryOption('jobmanager.memory.jvm-overhead.min', 'JobManagerOptions.JVM_OVERHEAD_MIN',
  { defaults: always('192m'), prop: jm('jvmOverheadMin') });
export const JM_OVERHEAD_MAX = memoryOption('jobmanager.memory.jvm-overhead.max', 'JobManagerOptions.JVM_OVERHEAD_MAX',
  { defaults: always('1g'), prop: jm('jvmOverheadMax') });
export const JM_OVERHEAD_FRACTION = memoryOption('jobmanager.memory.jvm-overhead.fraction', 'JobManagerOptions.JVM_OVERHEAD_FRACTION',
  { type: FLOAT, defaults: always('0.1'), prop: jm('jvmOverheadFraction') });
export const JM_DIRECT_MEMORY_LIMIT = memoryOption('jobmanager.memory.enable-jvm-direct-memory-limit',
  'JobManagerOptions.JVM_DIRECT_MEMORY_LIMIT_ENABLED', { type: BOOLEAN, defaults: always('false') });
export const JM_LEGACY_HEAP = memoryOption('jobmanager.heap.size', 'JobManagerOptions.JOB_MANAGER_HEAP_MEMORY (removed in 2.0)', { removedIn: V2_0 });
export const JM_LEGACY_HEAP_MB = memoryOption('jobmanager.heap.mb', 'JobManagerOptions.JOB_MANAGER_HEAP_MEMORY_MB (removed in 2.0)',
  { type: INTEGER, removedIn: V2_0 });
