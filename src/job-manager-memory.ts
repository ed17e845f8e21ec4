import { FlinkVersion } from './flink-version';
import type { JobManagerMemoryBreakdown } from './job-manager-memory-breakdown';
import { MemoryDerivationOptions } from './memory-derivation-options';
import type * as Derivation from './private/memory/job-manager';
import type * as MemoryOptions from './private/memory/options';
import { onFirstUse } from './private/on-first-use';

// Flink's memory model, loaded when a size is derived (see private/on-first-use.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const derivation = onFirstUse(() => require('./private/memory/job-manager') as typeof Derivation);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const memoryOptions = onFirstUse(() => require('./private/memory/options') as typeof MemoryOptions);

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
    return derivation().jobManagerMemoryBreakdown(flinkConfiguration, memoryOptions().versionRules(version));
  }

  private constructor() {}
}
