import { FlinkVersion } from './flink-version';
import { MemoryDerivationOptions } from './memory-derivation-options';
import type * as MemoryOptions from './private/memory/options';
import type * as Derivation from './private/memory/task-manager';
import { onFirstUse } from './private/on-first-use';
import type { TaskManagerMemoryBreakdown } from './task-manager-memory-breakdown';

// Flink's memory model, loaded when a size is derived (see private/on-first-use.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const derivation = onFirstUse(() => require('./private/memory/task-manager') as typeof Derivation);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const memoryOptions = onFirstUse(() => require('./private/memory/options') as typeof MemoryOptions);

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
    return derivation().taskManagerMemoryBreakdown(flinkConfiguration, memoryOptions().versionRules(version));
  }

  private constructor() {}
}
