/**
 * A JobManager's memory, component by component, in bytes, as Flink derives it at startup,
 * plus the JVM flags Flink sets.
 *
 * `totalProcess = totalFlink + jvmMetaspace + jvmOverhead` and `totalFlink = jvmHeap + offHeap`.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup_jobmanager/
 */
export interface JobManagerMemoryBreakdown {
  /** JVM Heap (`jobmanager.memory.heap.size`, or what remains), in bytes; also `-Xmx` and `-Xms`. */
  readonly jvmHeap: number;
  /** Off-Heap Memory (`jobmanager.memory.off-heap.size`, or what remains), in bytes. */
  readonly offHeap: number;
  /** JVM Metaspace (`jobmanager.memory.jvm-metaspace.size`), in bytes. */
  readonly jvmMetaspace: number;
  /** JVM Overhead (from `jobmanager.memory.jvm-overhead.fraction/min/max`, or what remains), in bytes. */
  readonly jvmOverhead: number;
  /** Total Flink Memory: JVM Heap + Off-Heap Memory, in bytes. */
  readonly totalFlink: number;
  /** Total Process Memory: Total Flink Memory + JVM Metaspace + JVM Overhead, in bytes (the container memory on Kubernetes). */
  readonly totalProcess: number;
  /**
   * `-XX:MaxDirectMemorySize`: the Off-Heap Memory, in bytes, set only when
   * `jobmanager.memory.enable-jvm-direct-memory-limit` is `true`.
   *
   * @default - undefined: no direct memory limit (Flink's default)
   */
  readonly maxDirectMemory?: number;
  /** `-XX:MaxMetaspaceSize`: the JVM Metaspace, in bytes. */
  readonly maxMetaspace: number;
  /**
   * The JVM memory flags exactly as Flink passes them to the JobManager JVM, e.g.
   * `-Xmx1073741824 -Xms1073741824 -XX:MaxMetaspaceSize=268435456`
   * (with `-XX:MaxDirectMemorySize=<off-heap>` before the metaspace flag when the direct memory limit is enabled).
   */
  readonly jvmArgs: string;
}
