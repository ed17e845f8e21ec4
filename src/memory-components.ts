import { Size } from 'cdk8s';

/**
 * The fine-grained TaskManager memory components (`taskmanager.memory.*`). Set only what you
 * need: Flink derives the rest from the process size (`taskManager.memory`), and synth fails
 * where Flink would refuse the combination.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup_tm/
 */
export interface TaskManagerMemoryComponents {
  /** Total Flink memory: everything but JVM metaspace and overhead. @default - derived */
  readonly totalFlink?: Size;
  /** Task heap, for user code on the JVM heap (raise it against `OutOfMemoryError: Java heap space`). @default - derived */
  readonly taskHeap?: Size;
  /** Task off-heap, for user code's direct or native memory. @default 0 */
  readonly taskOffHeap?: Size;
  /** Framework heap. @default 128 MiB */
  readonly frameworkHeap?: Size;
  /** Framework off-heap. @default 128 MiB */
  readonly frameworkOffHeap?: Size;
  /** Managed memory, e.g. for RocksDB, as a size. @default - managedFraction of the total Flink memory */
  readonly managedSize?: Size;
  /** Managed memory as a fraction of the total Flink memory. @default 0.4 */
  readonly managedFraction?: number;
  /** Network memory lower bound (raise it against "Insufficient number of network buffers"). @default 64 MiB */
  readonly networkMin?: Size;
  /** Network memory upper bound. @default - 1 GiB up to Flink 1.16, unlimited from 1.17 */
  readonly networkMax?: Size;
  /** Network memory as a fraction of the total Flink memory. @default 0.1 */
  readonly networkFraction?: number;
  /** JVM metaspace. @default 256 MiB */
  readonly jvmMetaspace?: Size;
  /** JVM overhead lower bound. @default 192 MiB */
  readonly jvmOverheadMin?: Size;
  /** JVM overhead upper bound. @default 1 GiB */
  readonly jvmOverheadMax?: Size;
  /** JVM overhead as a fraction of the total process memory. @default 0.1 */
  readonly jvmOverheadFraction?: number;
}

/**
 * The fine-grained JobManager memory components (`jobmanager.memory.*`).
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup_jobmanager/
 */
export interface JobManagerMemoryComponents {
  /** Total Flink memory: JVM heap and off-heap. @default - derived */
  readonly totalFlink?: Size;
  /** JVM heap. @default - derived */
  readonly heap?: Size;
  /** Off-heap memory. @default 128 MiB */
  readonly offHeap?: Size;
  /** JVM metaspace. @default 256 MiB */
  readonly jvmMetaspace?: Size;
  /** JVM overhead lower bound. @default 192 MiB */
  readonly jvmOverheadMin?: Size;
  /** JVM overhead upper bound. @default 1 GiB */
  readonly jvmOverheadMax?: Size;
  /** JVM overhead as a fraction of the total process memory. @default 0.1 */
  readonly jvmOverheadFraction?: number;
}
