/**
 * The JobManager memory derivation: Flink's `JobManagerFlinkMemoryUtils` for JVM heap and
 * off-heap memory, on top of the shared process-level derivation.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup_jobmanager/
 */
import { deriveOrExplainRefusal, DerivationTrace, WrittenAs } from './diagnostics';
import { JOB_MANAGER_OPTIONS, jobManagerKeys, JobManagerMemoryOptionSet, VersionRules } from './options';
import {
  deriveProcessMemory, FlinkMemoryDerivation, mapLegacyHeapOptions, memorySizeFromConfig, ProcessMemory, totalMemoryKey,
} from './process-memory';
import type { JobManagerMemoryBreakdown } from '../../job-manager-memory-breakdown';
import { addMemorySizes, formatHumanReadable, memorySizeToNumber, subtractMemorySize } from '../flink/memory-size';
import { illegalConfiguration } from '../jvm/java-exception';
import { EffectiveConfiguration } from '../options/effective-configuration';
import { mainKey } from '../options/option';

/** Flink's `JobManagerFlinkMemory`. */
export interface JobManagerFlinkMemory {
  readonly jvmHeap: bigint;
  readonly offHeap: bigint;
}

/** A JobManager's full memory setup, as Flink's `JobManagerProcessSpec` holds it. */
export interface JobManagerProcessMemory extends ProcessMemory<JobManagerFlinkMemory> {
  /** Whether `-XX:MaxDirectMemorySize` is set (`jobmanager.memory.enable-jvm-direct-memory-limit`). */
  readonly directMemoryLimitEnabled: boolean;
  /** The JVM flags, exactly as Flink's `JobManagerProcessUtils.generateJvmParametersStr` writes them. */
  readonly jvmArgs: string;
}

/**
 * Derives the JobManager memory from `flinkConfiguration` as Flink `rules.label` would.
 *
 * @throws Error when Flink would refuse to start, with Flink's message, the values so far and a fix
 */
export function deriveJobManagerMemory(
  flinkConfiguration: { readonly [key: string]: unknown },
  rules: VersionRules,
  writtenAs?: ReadonlyMap<string, WrittenAs>,
): JobManagerProcessMemory {
  const options = JOB_MANAGER_OPTIONS;
  return deriveOrExplainRefusal('JobManager', rules, flinkConfiguration, jobManagerKeys(rules), (configuration, trace) => {
    const config = mapLegacyHeapOptions(configuration, options, rules);
    const memory = deriveProcessMemory(config, options, new JobManagerFlinkMemoryDerivation(config, options, trace), trace);
    const directMemoryLimitEnabled = config.get(options.jvmDirectMemoryLimitEnabled) ?? false;
    const { jvmHeap, offHeap } = memory.flinkMemory;
    const flags = [`-Xmx${jvmHeap}`, `-Xms${jvmHeap}`];
    if (directMemoryLimitEnabled) {
      flags.push(`-XX:MaxDirectMemorySize=${offHeap}`);
    }
    flags.push(`-XX:MaxMetaspaceSize=${memory.jvmMetaspace}`);
    return { ...memory, directMemoryLimitEnabled, jvmArgs: flags.join(' ') };
  }, writtenAs);
}

/** Flink's `JobManagerFlinkMemoryUtils` (the Flink 1.12+ behaviour, which derives off-heap from total Flink minus heap). */
class JobManagerFlinkMemoryDerivation implements FlinkMemoryDerivation<JobManagerFlinkMemory> {
  public constructor(
    private readonly config: EffectiveConfiguration,
    private readonly options: JobManagerMemoryOptionSet,
    private readonly trace: DerivationTrace,
  ) {}

  public totalFlinkOf(memory: JobManagerFlinkMemory): bigint {
    return addMemorySizes(memory.jvmHeap, memory.offHeap);
  }

  /** JVM heap configured; with total Flink memory also configured, off-heap must match or is the rest. */
  public fromRequiredFineGrained(): JobManagerFlinkMemory {
    const heapKey = mainKey(this.options.jvmHeap);
    const offHeapKey = mainKey(this.options.offHeap);
    const flinkKey = mainKey(this.options.totalFlink);
    const jvmHeap = this.trace.record('JVM Heap', memorySizeFromConfig(this.config, this.options.jvmHeap));
    let offHeap = this.trace.record('Off-Heap Memory', memorySizeFromConfig(this.config, this.options.offHeap));

    if (this.config.contains(this.options.totalFlink)) {
      const totalFlink = memorySizeFromConfig(this.config, this.options.totalFlink);
      const consistently = 'Please, make the configuration consistent or configure only one option: either JVM Heap or Total Flink Memory.';
      if (this.config.contains(this.options.offHeap)) {
        if (addMemorySizes(jvmHeap, offHeap) !== totalFlink) {
          throw illegalConfiguration(
            `Sum of the configured JVM Heap Memory (${formatHumanReadable(jvmHeap)}) and the configured Off-heap Memory (${formatHumanReadable(offHeap)}) `
            + `does not match the configured Total Flink Memory (${formatHumanReadable(totalFlink)}). ${consistently}`,
          ).withAdvice(
            `Make '${heapKey}' + '${offHeapKey}' equal '${flinkKey}' (${formatHumanReadable(totalFlink)}), or remove '${offHeapKey}' `
            + `(Off-Heap Memory then is Total Flink Memory minus JVM Heap), or set only one of '${heapKey}' and '${flinkKey}'.`,
          );
        }
      } else {
        if (totalFlink < jvmHeap) {
          throw illegalConfiguration(
            `The configured JVM Heap Memory (${formatHumanReadable(jvmHeap)}) exceeds the configured Total Flink Memory (${formatHumanReadable(totalFlink)}). ${consistently}`,
          ).withAdvice(`Raise '${flinkKey}' to at least '${heapKey}' (${formatHumanReadable(jvmHeap)}) plus the Off-Heap Memory, lower '${heapKey}', or set only one of them.`);
        }
        offHeap = this.trace.record('Off-Heap Memory', subtractMemorySize(totalFlink, jvmHeap));
      }
    }
    return { jvmHeap, offHeap };
  }

  /** From a configured or derived total Flink memory: JVM heap is the rest after off-heap. */
  public fromTotalFlink(totalFlink: bigint): JobManagerFlinkMemory {
    const offHeap = this.trace.record('Off-Heap Memory', memorySizeFromConfig(this.config, this.options.offHeap));
    if (totalFlink <= offHeap) {
      throw illegalConfiguration(
        `The configured Total Flink Memory (${formatHumanReadable(totalFlink)}) is less than the configured Off-heap Memory (${formatHumanReadable(offHeap)}).`,
      ).withAdvice(
        `JVM Heap is what remains of the Total Flink Memory after the Off-Heap Memory and must be positive. Raise '${totalMemoryKey(this.config, this.options)}' `
        + `(the Total Flink Memory must exceed ${formatHumanReadable(offHeap)}; from a total process size, JVM Metaspace and JVM Overhead come off first), `
        + `or lower '${mainKey(this.options.offHeap)}'.`,
      );
    }
    const jvmHeap = this.trace.record('JVM Heap', totalFlink - offHeap);
    return { jvmHeap, offHeap };
  }
}

/** The derivation as the public `JobManagerMemory.derive` returns it: every component in bytes, and the JVM flags. */
export function jobManagerMemoryBreakdown(flinkConfiguration: { readonly [key: string]: unknown }, rules: VersionRules): JobManagerMemoryBreakdown {
  const memory = deriveJobManagerMemory(flinkConfiguration, rules);
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
