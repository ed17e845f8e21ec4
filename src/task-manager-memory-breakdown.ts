/**
 * A TaskManager's memory, component by component, in bytes, as Flink derives it at startup
 * (and logs it as "Final TaskExecutor Memory configuration"), plus the JVM flags Flink sets.
 *
 * `totalProcess = totalFlink + jvmMetaspace + jvmOverhead` and
 * `totalFlink = frameworkHeap + taskHeap + frameworkOffHeap + taskOffHeap + network + managed`.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup_tm/
 */
export interface TaskManagerMemoryBreakdown {
  /** Framework Heap Memory (`taskmanager.memory.framework.heap.size`), in bytes. */
  readonly frameworkHeap: number;
  /** Task Heap Memory (`taskmanager.memory.task.heap.size`, or what remains), in bytes. */
  readonly taskHeap: number;
  /** Framework Off-Heap Memory (`taskmanager.memory.framework.off-heap.size`), in bytes. */
  readonly frameworkOffHeap: number;
  /** Task Off-Heap Memory (`taskmanager.memory.task.off-heap.size`), in bytes. */
  readonly taskOffHeap: number;
  /** Network Memory (from `taskmanager.memory.network.fraction/min/max`, or what remains), in bytes. */
  readonly network: number;
  /** Managed Memory (`taskmanager.memory.managed.size` or `.fraction` of the total Flink memory), in bytes. */
  readonly managed: number;
  /** JVM Metaspace (`taskmanager.memory.jvm-metaspace.size`), in bytes. */
  readonly jvmMetaspace: number;
  /** JVM Overhead (from `taskmanager.memory.jvm-overhead.fraction/min/max`, or what remains), in bytes. */
  readonly jvmOverhead: number;
  /** Total Flink Memory: all components above but JVM Metaspace and JVM Overhead, in bytes. */
  readonly totalFlink: number;
  /** Total Process Memory: Total Flink Memory + JVM Metaspace + JVM Overhead, in bytes (the container memory on Kubernetes). */
  readonly totalProcess: number;
  /** The JVM heap, `-Xmx` and `-Xms`: framework heap + task heap, in bytes. */
  readonly jvmHeap: number;
  /** `-XX:MaxDirectMemorySize`: framework off-heap + task off-heap + network, in bytes (managed memory is not included). */
  readonly maxDirectMemory: number;
  /** `-XX:MaxMetaspaceSize`: the JVM Metaspace, in bytes. */
  readonly maxMetaspace: number;
  /**
   * The JVM memory flags exactly as Flink passes them to the TaskManager JVM, e.g.
   * `-Xmx536870902 -Xms536870902 -XX:MaxDirectMemorySize=268435458 -XX:MaxMetaspaceSize=268435456`.
   */
  readonly jvmArgs: string;
}
