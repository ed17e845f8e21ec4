import { FlinkVersion } from './flink-version';
import { MemoryDerivationOptions } from './memory-derivation-options';
import { memorySizeToNumber } from './private/flink/memory-size';
import type * as Derivation from './private/memory/job-manager';
import type * as MemoryOptions from './private/memory/options';
import { onFirstUse } from './private/on-first-use';

// Flink's memory model, loaded when a size is derived (see private/on-first-use.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const derivation = onFirstUse(() => require('./private/memory/job-manager') as typeof Derivation);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const memoryOptions = onFirstUse(() => require('./private/memory/options') as typeof MemoryOptions);

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

/**
 * Flink's JobManager memory derivation, reproduced to the byte: what a JobManager started with
 * a given `flinkConfiguration` gets for each memory component, or the reason Flink would refuse
 * to start it.
 *
 * It follows Flink's own code: the three configuration paths (JVM heap; total Flink memory;
 * total process memory) with Flink's precedence, the JVM overhead fraction read as a Java float
 * and multiplied like `MemorySize.multiply`, capping to min/max, and, up to Flink 1.20, the legacy
 * `jobmanager.heap.size`/`jobmanager.heap.mb` options standing in for the total process memory.
 *
 * Not covered: the `FLINK_JM_HEAP` environment variable of Flink 1.x.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup_jobmanager/
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup/
 */
export class JobManagerMemory {
  /**
   * Derives the JobManager memory components from a Flink configuration.
   *
   * @param flinkConfiguration Flink configuration keys and values as strings, e.g.
   * `{ 'jobmanager.memory.process.size': '1600m' }` (the same map a FlinkDeployment's
   * `flinkConfiguration` holds). Sizes use Flink's syntax (`1600m`, `2g`, `1073741824`);
   * a number without a unit is bytes.
   * @param options the Flink version whose rules apply
   * @throws Error when Flink would refuse to start the JobManager. The message quotes Flink's
   * own exception (and its causes), lists the configured memory options and the components derived
   * before the failure, and says which option to change.
   */
  public static derive(flinkConfiguration: { [key: string]: string }, options: MemoryDerivationOptions = {}): JobManagerMemoryBreakdown {
    const version = options.flinkVersion ?? FlinkVersion.V2_2;
    const memory = derivation().deriveJobManagerMemory(flinkConfiguration, memoryOptions().versionRules(version));
    const bytes = (what: string, value: bigint) => memorySizeToNumber(`JobManager memory: ${what}`, value);
    const { jvmHeap, offHeap } = memory.flinkMemory;
    return {
      jvmHeap: bytes('JVM Heap', jvmHeap),
      offHeap: bytes('Off-Heap Memory', offHeap),
      jvmMetaspace: bytes('JVM Metaspace', memory.jvmMetaspace),
      jvmOverhead: bytes('JVM Overhead', memory.jvmOverhead),
      totalFlink: bytes('Total Flink Memory', memory.totalFlink),
      totalProcess: bytes('Total Process Memory', memory.totalProcess),
      maxDirectMemory: memory.directMemoryLimitEnabled ? bytes('Off-Heap Memory', offHeap) : undefined,
      maxMetaspace: bytes('JVM Metaspace', memory.jvmMetaspace),
      jvmArgs: memory.jvmArgs,
    };
  }

  private constructor() {}
}
