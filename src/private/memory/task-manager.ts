/**
 * The TaskManager (TaskExecutor) memory derivation: Flink's `TaskExecutorFlinkMemoryUtils` for
 * the Flink memory components, on top of the shared process-level derivation.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup_tm/
 */
import { deriveOrExplainRefusal, DerivationTrace, WrittenAs } from './diagnostics';
import { TASK_MANAGER_OPTIONS, taskManagerKeys, TaskManagerMemoryOptionSet, VersionRules } from './options';
import {
  deriveProcessMemory, deriveWithFraction, deriveWithInverseFraction, FlinkMemoryDerivation, getRangeFraction,
  mapLegacyHeapOptions, memorySizeFromConfig, ProcessMemory, RangeFraction, totalMemoryKey,
} from './process-memory';
import type { TaskManagerMemoryBreakdown } from '../../task-manager-memory-breakdown';
import { addMemorySizes, checkedMemorySize, formatHumanReadable, MAX_MEMORY_BYTES, memorySizeToNumber, subtractMemorySize } from '../flink/memory-size';
import { illegalArgument, illegalConfiguration, JavaException } from '../jvm/java-exception';
import { EffectiveConfiguration } from '../options/effective-configuration';
import { mainKey } from '../options/option';

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
export function deriveTaskManagerMemory(
  flinkConfiguration: { readonly [key: string]: unknown },
  rules: VersionRules,
  writtenAs?: ReadonlyMap<string, WrittenAs>,
): TaskManagerProcessMemory {
  const options = TASK_MANAGER_OPTIONS;
  return deriveOrExplainRefusal('TaskManager', rules, flinkConfiguration, taskManagerKeys(rules), (configuration, trace) => {
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
  }, writtenAs);
}

/** Flink's `TaskExecutorFlinkMemoryUtils`. */
class TaskManagerFlinkMemoryDerivation implements FlinkMemoryDerivation<TaskManagerFlinkMemory> {
  public constructor(
    private readonly config: EffectiveConfiguration,
    private readonly options: TaskManagerMemoryOptionSet,
    private readonly rules: VersionRules,
    private readonly trace: DerivationTrace,
  ) {}

  public totalFlinkOf(memory: TaskManagerFlinkMemory): bigint {
    return addMemorySizes(memory.frameworkHeap, memory.frameworkOffHeap, memory.taskHeap, memory.taskOffHeap, memory.network, memory.managed);
  }

  /** Task heap and managed memory both configured: network is the rest of the total Flink memory, or its inverse fraction. */
  public fromRequiredFineGrained(): TaskManagerFlinkMemory {
    const taskHeap = this.record('Task Heap Memory', memorySizeFromConfig(this.config, this.options.taskHeap));
    const managed = this.record('Managed Memory', memorySizeFromConfig(this.config, this.options.managedSize));
    const { frameworkHeap, frameworkOffHeap, taskOffHeap } = this.fixedComponents();
    const allButNetwork = addMemorySizes(frameworkHeap, frameworkOffHeap, taskHeap, taskOffHeap, managed);

    let network: bigint;
    if (this.config.contains(this.options.totalFlink)) {
      const totalFlink = memorySizeFromConfig(this.config, this.options.totalFlink);
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
      const taskHeap = this.record('Task Heap Memory', memorySizeFromConfig(this.config, this.options.taskHeap));
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
        + `('${mainKey(this.options.managedSize)}' or '${mainKey(this.options.managedFraction)}'), the Network Memory ('${mainKey(this.options.networkFraction)}', '${mainKey(this.options.networkMin)}') `
        + `or '${mainKey(this.options.frameworkHeap)}', '${mainKey(this.options.frameworkOffHeap)}', '${mainKey(this.options.taskOffHeap)}'.`,
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
      frameworkHeap: this.record('Framework Heap Memory', memorySizeFromConfig(this.config, this.options.frameworkHeap)),
      frameworkOffHeap: this.record('Framework Off-Heap Memory', memorySizeFromConfig(this.config, this.options.frameworkOffHeap)),
      taskOffHeap: this.record('Task Off-Heap Memory', memorySizeFromConfig(this.config, this.options.taskOffHeap)),
    };
  }

  /** Flink's `deriveManagedMemoryAbsoluteOrWithFraction`: the size if configured, else the capped fraction of `base`. */
  private managedSize(base: bigint): bigint {
    if (this.config.contains(this.options.managedSize)) {
      return memorySizeFromConfig(this.config, this.options.managedSize);
    }
    const range = getRangeFraction(this.config, 0n, MAX_MEMORY_BYTES, this.options.managedFraction,
      `Set '${mainKey(this.options.managedFraction)}' to a value in [0, 1), or set '${mainKey(this.options.managedSize)}'.`);
    return deriveWithFraction(base, range);
  }

  private networkRange(): RangeFraction {
    const min = memorySizeFromConfig(this.config, this.options.networkMin);
    const max = memorySizeFromConfig(this.config, this.options.networkMax);
    return getRangeFraction(this.config, min, max, this.options.networkFraction,
      `Set '${mainKey(this.options.networkFraction)}' to a value in [0, 1) and make sure '${mainKey(this.options.networkMin)}' <= '${mainKey(this.options.networkMax)}' `
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
      + `(${formatHumanReadable(allButNetwork)}) and would be negative. Raise '${totalMemoryKey(this.config, this.options)}', or lower '${mainKey(this.options.taskHeap)}', `
      + `the Managed Memory ('${mainKey(this.options.managedSize)}' or '${mainKey(this.options.managedFraction)}') `
      + `or '${mainKey(this.options.frameworkHeap)}', '${mainKey(this.options.frameworkOffHeap)}', '${mainKey(this.options.taskOffHeap)}'.`,
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
    const levers = `'${totalMemoryKey(this.config, this.options)}', '${mainKey(this.options.taskHeap)}' or the Managed Memory ('${mainKey(this.options.managedSize)}' or '${mainKey(this.options.managedFraction)}')`;
    if (this.usesLegacyNetworkBuffers()) {
      const configured = this.legacyNetworkSize();
      if (configured !== network) {
        throw illegalConfiguration(
          `Derived Network Memory size (${formatHumanReadable(network)}) does not match configured Network Memory size (${formatHumanReadable(configured)}).`,
        ).withAdvice(
          `The rest of the Total Flink Memory (${formatHumanReadable(totalFlink)}) is ${formatHumanReadable(network)}, but '${mainKey(this.options.networkNumberOfBuffers)}' `
          + `× '${mainKey(this.options.segmentSize)}' is ${formatHumanReadable(configured)}. Change ${levers} so that they match, or remove the deprecated `
          + `'${mainKey(this.options.networkNumberOfBuffers)}'.`,
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
        + `so that the rest lies within [${formatHumanReadable(range.min)}, ${formatHumanReadable(range.max)}], or change '${mainKey(this.options.networkMin)}'/'${mainKey(this.options.networkMax)}'.`,
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
    const buffers = BigInt(this.config.get(this.options.networkNumberOfBuffers)!);
    const pageSize = this.pageSize();
    try {
      return checkedMemorySize(buffers * pageSize);
    } catch (error) {
      throw (error as JavaException).withAdvice(`Set '${mainKey(this.options.networkNumberOfBuffers)}' to a positive number, or replace it with '${mainKey(this.options.networkMin)}'/'${mainKey(this.options.networkMax)}'.`);
    }
  }

  /** Flink's `ConfigurationParserUtils.getPageSize`. */
  private pageSize(): bigint {
    const key = mainKey(this.options.segmentSize);
    const advice = `Set '${key}' to a power of two of at least 4kb, e.g. '32kb'.`;
    const bytes = this.config.get(this.options.segmentSize)!;
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

/** The derivation as the public `TaskManagerMemory.derive` returns it: every component in bytes, and the JVM flags. */
export function taskManagerMemoryBreakdown(flinkConfiguration: { readonly [key: string]: unknown }, rules: VersionRules): TaskManagerMemoryBreakdown {
  const memory = deriveTaskManagerMemory(flinkConfiguration, rules);
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
