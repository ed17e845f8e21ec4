import { FlinkVersion } from './flink-version';
import { MemoryDerivationOptions } from './memory-derivation-options';
import { memorySizeToNumber } from './private/flink/memory-size';
import type * as MemoryOptions from './private/memory/options';
import type * as Derivation from './private/memory/task-manager';
import { onFirstUse } from './private/on-first-use';

// Flink's memory model, loaded when a size is derived (see private/on-first-use.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const derivation = onFirstUse(() => require('./private/memory/task-manager') as typeof Derivation);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const memoryOptions = onFirstUse(() => require('./private/memory/options') as typeof MemoryOptions);

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

/**
 * Flink's TaskManager memory derivation, reproduced to the byte: what a TaskManager started
 * with a given `flinkConfiguration` gets for each memory component, or the reason Flink would
 * refuse to start it.
 *
 * It follows Flink's own code, not just its documentation: the three configuration paths
 * (task heap and managed size; total Flink memory; total process memory) with Flink's precedence,
 * fractions read as Java floats and multiplied like `MemorySize.multiply`, capping to min/max,
 * deprecated keys (`taskmanager.network.memory.*`, `taskmanager.memory.size`), and per-version
 * defaults (see `MemoryDerivationOptions.flinkVersion`).
 *
 * Not covered: local (MiniCluster) execution, which uses other defaults, and the
 * `FLINK_TM_HEAP` environment variable of Flink 1.x.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup_tm/
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup/
 */
export class TaskManagerMemory {
  /**
   * Derives the TaskManager memory components from a Flink configuration.
   *
   * @param flinkConfiguration Flink configuration keys and values as strings, e.g.
   * `{ 'taskmanager.memory.process.size': '1728m' }` (the same map a FlinkDeployment's
   * `flinkConfiguration` holds). Sizes use Flink's syntax (`1728m`, `2g`, `1073741824`);
   * a number without a unit is bytes.
   * @param options the Flink version whose rules apply
   * @throws Error when Flink would refuse to start the TaskManager. The message quotes Flink's
   * own exception (and its causes), lists the configured memory options and the components derived
   * before the failure, and says which option to change.
   */
  public static derive(flinkConfiguration: { [key: string]: string }, options: MemoryDerivationOptions = {}): TaskManagerMemoryBreakdown {
    const version = options.flinkVersion ?? FlinkVersion.V2_2;
    const memory = derivation().deriveTaskManagerMemory(flinkConfiguration, memoryOptions().versionRules(version));
    const bytes = (what: string, value: bigint) => memorySizeToNumber(`TaskManager memory: ${what}`, value);
    const flink = memory.flinkMemory;
    return {
      frameworkHeap: bytes('Framework Heap Memory', flink.frameworkHeap),
      taskHeap: bytes('Task Heap Memory', flink.taskHeap),
      frameworkOffHeap: bytes('Framework Off-Heap Memory', flink.frameworkOffHeap),
      taskOffHeap: bytes('Task Off-Heap Memory', flink.taskOffHeap),
      network: bytes('Network Memory', flink.network),
      managed: bytes('Managed Memory', flink.managed),
      jvmMetaspace: bytes('JVM Metaspace', memory.jvmMetaspace),
      jvmOverhead: bytes('JVM Overhead', memory.jvmOverhead),
      totalFlink: bytes('Total Flink Memory', memory.totalFlink),
      totalProcess: bytes('Total Process Memory', memory.totalProcess),
      jvmHeap: bytes('JVM Heap', memory.jvmHeap),
      maxDirectMemory: bytes('JVM Direct Memory', memory.jvmDirect),
      maxMetaspace: bytes('JVM Metaspace', memory.jvmMetaspace),
      jvmArgs: memory.jvmArgs,
    };
  }

  private constructor() {}
}
