/**
 * The TaskManager (TaskExecutor) memory derivation: Flink's `TaskExecutorFlinkMemoryUtils` for
 * the Flink memory components, on top of the shared process-level derivation.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup_tm/
 */
import { deriveOrExplainRefusal, DerivationTrace } from './diagnostics';
import { FlinkConfiguration } from './flink-configuration';
import { taskManagerKeys, taskManagerOptionSet, TaskManagerMemoryOptionSet, VersionRules } from './options';
import {
  deriveProcessMemory, deriveWithFraction, deriveWithInverseFraction, FlinkMemoryDerivation, getRangeFraction,
  mapLegacyHeapOptions, ProcessMemory, RangeFraction, totalMemoryKey,
} from './process-memory';
import { addMemorySizes, checkedMemorySize, formatHumanReadable, MAX_MEMORY_BYTES, subtractMemorySize } from '../flink/memory-size';
import { illegalArgument, illegalConfiguration, JavaException } from '../jvm/java-exception';

/** Flink's `TaskExecutorFlinkMemory`. */
export interface TaskManagerFlinkMemory {
  readonly frameworkHeap: bigint;
  readonly frameworkOffHeap: bigint;
  readonly taskHeap: bigint;
  readonly taskOffHeap: bigint;
  readonly network: bigint;
  readonly managed: bigint;
}

/** A TaskManager's full memory setup, as Flink's `TaskExecutorProcessSpec` holds it. */
export interface TaskManagerProcessMemory extends ProcessMemory<TaskManagerFlinkMemory> {
  /** `-Xmx`/`-Xms`: framework heap + task heap. */
  readonly jvmHeap: bigint;
  /** `-XX:MaxDirectMemorySize`: framework off-heap + task off-heap + network (managed memory is not included). */
  readonly jvmDirect: bigint;
  /** The JVM flags, exactly as Flink's `generateJvmParametersStr` writes them. */
  readonly jvmArgs: string;
}

/** Flink's `MemoryManager.MIN_PAGE_SIZE`. */
const MIN_PAGE_SIZE = 4096n;
const INT_MAX = 2n ** 31n - 1n;

/**
 * Derives the TaskManager memory from `flinkConfiguration` as Flink `rules.label` would.
 *
 * @throws Error when Flink would refuse to start, with Flink's message, the values so far and a fix
 */
export function deriveTaskManagerMemory(flinkConfiguration: { readonly [key: string]: unknown }, rules: VersionRules): TaskManagerProcessMemory {
  const options = taskManagerOptionSet(rules);
  return deriveOrExplainRefusal('TaskManager', rules.label, flinkConfiguration, taskManagerKeys(options, rules), (configuration, trace) => {
    const config = mapLegacyHeapOptions(configuration, options, rules);
    const memory = deriveProcessMemory(config, options, new TaskManagerFlinkMemoryDerivation(config, options, rules, trace), trace);
    const flink = memory.flinkMemory;
    const jvmHeap = addMemorySizes(flink.frameworkHeap, flink.taskHeap);
    const jvmDirect = addMemorySizes(flink.frameworkOffHeap, flink.taskOffHeap, flink.network);
    return {
      ...memory,
      jvmHeap,
      jvmDirect,
      jvmArgs: `-Xmx${jvmHeap} -Xms${jvmHeap} -XX:MaxDirectMemorySize=${jvmDirect} -XX:MaxMetaspaceSize=${memory.jvmMetaspace}`,
    };
  });
}

/** Flink's `TaskExecutorFlinkMemoryUtils`. */
class TaskManagerFlinkMemoryDerivation implements FlinkMemoryDerivation<TaskManagerFlinkMemory> {
  public constructor(
    private readonly config: FlinkConfiguration,
    private readonly options: TaskManagerMemoryOptionSet,
    private readonly rules: VersionRules,
    private readonly trace: DerivationTrace,
  ) {}

  public totalFlinkOf(memory: TaskManagerFlinkMemory): bigint {
    return addMemorySizes(memory.frameworkHeap, memory.frameworkOffHeap, memory.taskHeap, memory.taskOffHeap, memory.network, memory.managed);
  }

  /** Task heap and managed memory both configured: network is the rest of the total Flink memory, or its inverse fraction. */
  public fromRequiredFineGrained(): TaskManagerFlinkMemory {
    const taskHeap = this.record('Task Heap Memory', this.config.getMemorySize(this.options.taskHeap));
    const managed = this.record('Managed Memory', this.config.getMemorySize(this.options.managedSize));
    const { frameworkHeap, frameworkOffHeap, taskOffHeap } = this.fixedComponents();
    const allButNetwork = addMemorySizes(frameworkHeap, frameworkOffHeap, taskHeap, taskOffHeap, managed);

    let network: bigint;
    if (this.config.contains(this.options.totalFlink)) {
      const totalFlink = this.config.getMemorySize(this.options.totalFlink);
      this.checkAllButNetworkFit(allButNetwork, totalFlink, { frameworkHeap, frameworkOffHeap, taskHeap, taskOffHeap, managed });
      network = this.record('Network Memory', subtractMemorySize(totalFlink, allButNetwork));
      this.checkNetworkAsTheRest(network, totalFlink);
    } else {
      network = this.record('Network Memory', this.usesLegacyNetworkBuffers()
        ? this.legacyNetworkSize()
        : deriveWithInverseFraction(allButNetwork, this.networkRange()));
    }
    return { frameworkHeap, frameworkOffHeap, taskHeap, taskOffHeap, network, managed };
  }

  /** From a configured or derived total Flink memory. */
  public fromTotalFlink(totalFlink: bigint): TaskManagerFlinkMemory {
    const { frameworkHeap, frameworkOffHeap, taskOffHeap } = this.fixedComponents();

    if (this.config.contains(this.options.taskHeap)) {
      // task heap configured: managed from its size or fraction, network is the rest
      const taskHeap = this.record('Task Heap Memory', this.config.getMemorySize(this.options.taskHeap));
      const managed = this.record('Managed Memory', this.managedSize(totalFlink));
      const allButNetwork = addMemorySizes(frameworkHeap, frameworkOffHeap, taskHeap, taskOffHeap, managed);
      this.checkAllButNetworkFit(allButNetwork, totalFlink, { frameworkHeap, frameworkOffHeap, taskHeap, taskOffHeap, managed });
      const network = this.record('Network Memory', subtractMemorySize(totalFlink, allButNetwork));
      this.checkNetworkAsTheRest(network, totalFlink);
      return { frameworkHeap, frameworkOffHeap, taskHeap, taskOffHeap, network, managed };
    }

    // task heap not configured: managed and network from sizes or fractions, task heap is the rest
    const managed = this.record('Managed Memory', this.managedSize(totalFlink));
    const network = this.record('Network Memory', this.usesLegacyNetworkBuffers()
      ? this.legacyNetworkSize()
      : deriveWithFraction(totalFlink, this.networkRange()));
    const allButTaskHeap = addMemorySizes(frameworkHeap, frameworkOffHeap, taskOffHeap, managed, network);
    if (allButTaskHeap > totalFlink) {
      throw illegalConfiguration(
        `Sum of configured Framework Heap Memory (${formatHumanReadable(frameworkHeap)}), Framework Off-Heap Memory (${formatHumanReadable(frameworkOffHeap)}), `
        + `Task Off-Heap Memory (${formatHumanReadable(taskOffHeap)}), Managed Memory (${formatHumanReadable(managed)}) and Network Memory (${formatHumanReadable(network)}) `
        + `exceed configured Total Flink Memory (${formatHumanReadable(totalFlink)}).`,
      ).withAdvice(
        `Task Heap Memory is what remains of the Total Flink Memory (${formatHumanReadable(totalFlink)}) after the other components `
        + `(${formatHumanReadable(allButTaskHeap)}) and would be negative. Raise '${totalMemoryKey(this.config, this.options)}', or lower the Managed Memory `
        + `('${this.options.managedSize.key}' or '${this.options.managedFraction.key}'), the Network Memory ('${this.options.networkFraction.key}', '${this.options.networkMin.key}') `
        + `or '${this.options.frameworkHeap.key}', '${this.options.frameworkOffHeap.key}', '${this.options.taskOffHeap.key}'.`,
      );
    }
    const taskHeap = this.record('Task Heap Memory', totalFlink - allButTaskHeap);
    return { frameworkHeap, frameworkOffHeap, taskHeap, taskOffHeap, network, managed };
  }

  private record(label: string, bytes: bigint): bigint {
    return this.trace.record(label, bytes);
  }

  private fixedComponents(): { frameworkHeap: bigint; frameworkOffHeap: bigint; taskOffHeap: bigint } {
    return {
      frameworkHeap: this.record('Framework Heap Memory', this.config.getMemorySize(this.options.frameworkHeap)),
      frameworkOffHeap: this.record('Framework Off-Heap Memory', this.config.getMemorySize(this.options.frameworkOffHeap)),
      taskOffHeap: this.record('Task Off-Heap Memory', this.config.getMemorySize(this.options.taskOffHeap)),
    };
  }

  /** Flink's `deriveManagedMemoryAbsoluteOrWithFraction`: the size if configured, else the capped fraction of `base`. */
  private managedSize(base: bigint): bigint {
    if (this.config.contains(this.options.managedSize)) {
      return this.config.getMemorySize(this.options.managedSize);
    }
    const range = getRangeFraction(this.config, 0n, MAX_MEMORY_BYTES, this.options.managedFraction,
      `Set '${this.options.managedFraction.key}' to a value in [0, 1), or set '${this.options.managedSize.key}'.`);
    return deriveWithFraction(base, range);
  }

  private networkRange(): RangeFraction {
    const min = this.config.getMemorySize(this.options.networkMin);
    const max = this.config.getMemorySize(this.options.networkMax);
    return getRangeFraction(this.config, min, max, this.options.networkFraction,
      `Set '${this.options.networkFraction.key}' to a value in [0, 1) and make sure '${this.options.networkMin.key}' <= '${this.options.networkMax.key}' `
      + '(the deprecated taskmanager.network.memory.* keys count as well).');
  }

  /** The sum of all components but network must fit into the total Flink memory (network is the rest). */
  private checkAllButNetworkFit(allButNetwork: bigint, totalFlink: bigint, parts: Omit<TaskManagerFlinkMemory, 'network'>): void {
    if (allButNetwork <= totalFlink) {
      return;
    }
    throw illegalConfiguration(
      `Sum of configured Framework Heap Memory (${formatHumanReadable(parts.frameworkHeap)}), Framework Off-Heap Memory (${formatHumanReadable(parts.frameworkOffHeap)}), `
      + `Task Heap Memory (${formatHumanReadable(parts.taskHeap)}), Task Off-Heap Memory (${formatHumanReadable(parts.taskOffHeap)}) and Managed Memory (${formatHumanReadable(parts.managed)}) `
      + `exceed configured Total Flink Memory (${formatHumanReadable(totalFlink)}).`,
    ).withAdvice(
      `Network Memory is what remains of the Total Flink Memory (${formatHumanReadable(totalFlink)}) after the other components `
      + `(${formatHumanReadable(allButNetwork)}) and would be negative. Raise '${totalMemoryKey(this.config, this.options)}', or lower '${this.options.taskHeap.key}', `
      + `the Managed Memory ('${this.options.managedSize.key}' or '${this.options.managedFraction.key}') `
      + `or '${this.options.frameworkHeap.key}', '${this.options.frameworkOffHeap.key}', '${this.options.taskOffHeap.key}'.`,
    );
  }

  /**
   * Flink's `sanityCheckNetworkMemoryWithExplicitlySetTotalFlinkAndHeapMemory`: the network memory
   * left over must match the network configuration; configuration errors are wrapped in Flink's explanation.
   */
  private checkNetworkAsTheRest(network: bigint, totalFlink: bigint): void {
    try {
      this.checkNetwork(network, totalFlink);
    } catch (error) {
      if (error instanceof JavaException && error.javaClass === 'IllegalConfigurationException') {
        throw illegalConfiguration(
          'If Total Flink, Task Heap and (or) Managed Memory sizes are explicitly configured then the Network Memory size is the rest of the Total Flink memory '
          + 'after subtracting all other configured types of memory, but the derived Network Memory is inconsistent with its configuration.',
          error,
        );
      }
      throw error;
    }
  }

  private checkNetwork(network: bigint, totalFlink: bigint): void {
    const levers = `'${totalMemoryKey(this.config, this.options)}', '${this.options.taskHeap.key}' or the Managed Memory ('${this.options.managedSize.key}' or '${this.options.managedFraction.key}')`;
    if (this.usesLegacyNetworkBuffers()) {
      const configured = this.legacyNetworkSize();
      if (configured !== network) {
        throw illegalConfiguration(
          `Derived Network Memory size (${formatHumanReadable(network)}) does not match configured Network Memory size (${formatHumanReadable(configured)}).`,
        ).withAdvice(
          `The rest of the Total Flink Memory (${formatHumanReadable(totalFlink)}) is ${formatHumanReadable(network)}, but '${this.options.networkNumberOfBuffers.key}' `
          + `× '${this.options.segmentSize.key}' is ${formatHumanReadable(configured)}. Change ${levers} so that they match, or remove the deprecated `
          + `'${this.options.networkNumberOfBuffers.key}'.`,
        );
      }
      return;
    }
    const range = this.networkRange();
    if (network > range.max || network < range.min) {
      throw illegalConfiguration(
        `Derived Network Memory size (${formatHumanReadable(network)}) is not in configured Network Memory range [${formatHumanReadable(range.min)}, ${formatHumanReadable(range.max)}].`,
      ).withAdvice(
        `The rest of the Total Flink Memory (${formatHumanReadable(totalFlink)}) after all other components is ${formatHumanReadable(network)}. Change ${levers} `
        + `so that the rest lies within [${formatHumanReadable(range.min)}, ${formatHumanReadable(range.max)}], or change '${this.options.networkMin.key}'/'${this.options.networkMax.key}'.`,
      );
    }
  }

  /** Flink 1.x: `taskmanager.network.numberOfBuffers` fixes the network size when no network option is set. */
  private usesLegacyNetworkBuffers(): boolean {
    const anyNetworkOption = [this.options.networkMin, this.options.networkMax, this.options.networkFraction]
      .some((option) => this.config.contains(option));
    return this.rules.legacyNetworkBuffers && !anyNetworkOption && this.config.contains(this.options.networkNumberOfBuffers);
  }

  /** Flink's `getNetworkMemorySizeWithLegacyConfig`: number of buffers × page size. */
  private legacyNetworkSize(): bigint {
    const buffers = BigInt(this.config.getInteger(this.options.networkNumberOfBuffers) as number);
    const pageSize = this.pageSize();
    try {
      return checkedMemorySize(buffers * pageSize);
    } catch (error) {
      throw (error as JavaException).withAdvice(`Set '${this.options.networkNumberOfBuffers.key}' to a positive number, or replace it with '${this.options.networkMin.key}'/'${this.options.networkMax.key}'.`);
    }
  }

  /** Flink's `ConfigurationParserUtils.getPageSize`. */
  private pageSize(): bigint {
    const key = this.options.segmentSize.key;
    const advice = `Set '${key}' to a power of two of at least 4kb, e.g. '32kb'.`;
    const bytes = this.config.getMemorySizeUnwrapped(this.options.segmentSize) as bigint;
    if (bytes > INT_MAX) {
      throw illegalArgument(`Cannot downcast long value ${bytes} to integer.`).withAdvice(advice);
    }
    if (bytes < MIN_PAGE_SIZE) {
      throw illegalConfiguration(`Invalid configuration value for ${key} : ${bytes} - Minimum memory segment size is ${MIN_PAGE_SIZE}`).withAdvice(advice);
    }
    if (!isPowerOfTwo(bytes)) {
      throw illegalConfiguration(`Invalid configuration value for ${key} : ${bytes} - Memory segment size must be a power of 2.`).withAdvice(advice);
    }
    return bytes;
  }
}

function isPowerOfTwo(value: bigint): boolean {
  let remaining = value;
  while (remaining > 1n && remaining % 2n === 0n) {
    remaining /= 2n;
  }
  return remaining === 1n;
}
