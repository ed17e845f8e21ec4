/**
 * The process-level part of Flink's memory derivation, shared by JobManager and TaskManager
 * (Flink's `ProcessMemoryUtils`): which of the three configuration paths applies, and how JVM
 * Metaspace and JVM Overhead follow from the total Flink or total process memory.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup/
 */
import { DerivationTrace } from './diagnostics';
import { ProcessMemoryOptionSet, VersionRules } from './options';
import { FlinkVersion } from '../../flink-version';
import {
  addMemorySizes, formatBytesValue, formatHumanReadable, formatMemorySize, MEBIBYTE, multiplyMemorySize, parseMemorySize, subtractMemorySize,
} from '../flink/memory-size';
import { illegalArgument, illegalConfiguration, JavaException } from '../jvm/java-exception';
import { javaDoubleToString } from '../jvm/java-numbers';
import { EffectiveConfiguration } from '../options/effective-configuration';
import { defaultAt, FlinkOption, keysRead, mainKey, typeAt } from '../options/option';
import { MEMORY_SIZE } from '../options/value-type';

/**
 * Flink's `ProcessMemoryUtils.getMemorySizeFromConfig(config, option)`: the value or the default;
 * any failure (unparsable, or unset without default) becomes
 * `IllegalConfigurationException("Cannot read memory size from config option '<key>'.")`.
 */
export function memorySizeFromConfig(config: EffectiveConfiguration, option: FlinkOption<bigint>): bigint {
  try {
    const value = config.get(option);
    if (value === undefined) {
      throw new JavaException('NullPointerException', 'The memory option is not set and has no default value.');
    }
    return value;
  } catch (error) {
    if (!(error instanceof JavaException)) {
      throw error;
    }
    throw illegalConfiguration(`Cannot read memory size from config option '${mainKey(option)}'.`, error);
  }
}

/**
 * Flink's `ConfigOption.toString()`, which some of Flink's messages print instead of the key:
 * the key, the default (a memory size in Flink's notation, a float as Java prints it) and the
 * fallback keys of the version.
 */
export function describeOption(option: FlinkOption<bigint> | FlinkOption<number>, version: FlinkVersion | undefined): string {
  const [key, ...fallbackKeys] = keysRead(option, version);
  const defaultText = defaultAt(option, version);
  const isSize = typeAt<unknown>(option, version) === MEMORY_SIZE;
  const shown = defaultText === undefined ? 'null' : isSize ? formatMemorySize(parseMemorySize(defaultText)) : defaultText;
  const fallbacks = fallbackKeys.map((fallback) => `{key=${fallback}, isDeprecated=true}`).join(', ');
  return `Key: '${key}' , default: ${shown} (fallback keys: [${fallbacks}])`;
}

/** Flink's `RangeFraction`: a fraction of some base, capped to [min, max]. */
export interface RangeFraction {
  readonly min: bigint;
  readonly max: bigint;
  /** The configured float, widened to double (a JavaScript number holds the same value). */
  readonly fraction: number;
}

/**
 * Flink's `ProcessMemoryUtils.getRangeFraction`: reads the fraction and validates
 * `min <= max` and `0 <= fraction < 1`, failing with Flink's "Inconsistently configured" error.
 */
export function getRangeFraction(
  config: EffectiveConfiguration,
  min: bigint,
  max: bigint,
  fractionOption: FlinkOption<number>,
  advice: string,
): RangeFraction {
  const fraction = config.get(fractionOption)!;
  let violation: string | undefined;
  if (!(min <= max)) {
    violation = 'min value must be less or equal to max value';
  } else if (!(fraction >= 0 && fraction < 1)) {
    violation = 'fraction must be in range [0, 1)';
  }
  if (violation !== undefined) {
    throw illegalConfiguration(
      `Inconsistently configured ${describeOption(fractionOption, config.version)} (${javaDoubleToString(fraction)}) and its min (${formatHumanReadable(min)}), max (${formatHumanReadable(max)}) value`,
      illegalArgument(violation),
    ).withAdvice(advice);
  }
  return { min, max, fraction };
}

/** Flink's `deriveWithFraction`: `base × fraction`, truncated, then capped to [min, max]. */
export function deriveWithFraction(base: bigint, range: RangeFraction): bigint {
  return capToRange(multiplyMemorySize(base, range.fraction), range);
}

/**
 * Flink's `deriveWithInverseFraction`: the part that makes up `fraction` of a total of which
 * `base` is the rest, i.e. `base × (f / (1 - f))` with the ratio computed in double first,
 * truncated, then capped to [min, max].
 */
export function deriveWithInverseFraction(base: bigint, range: RangeFraction): bigint {
  return capToRange(multiplyMemorySize(base, range.fraction / (1 - range.fraction)), range);
}

/** Caps to the range; the max is checked first, as in Flink. */
function capToRange(size: bigint, range: RangeFraction): bigint {
  if (size > range.max) {
    return range.max;
  }
  if (size < range.min) {
    return range.min;
  }
  return size;
}

/** How a process derives its Flink memory components (JobManager or TaskManager specific). */
export interface FlinkMemoryDerivation<FM> {
  /** Flink's `deriveFromRequiredFineGrainedOptions`. */
  fromRequiredFineGrained(): FM;
  /** Flink's `deriveFromTotalFlinkMemory`. */
  fromTotalFlink(totalFlink: bigint): FM;
  /** The sum of the Flink memory components. */
  totalFlinkOf(memory: FM): bigint;
}

/** Flink's `CommonProcessMemorySpec`. */
export interface ProcessMemory<FM> {
  readonly flinkMemory: FM;
  readonly totalFlink: bigint;
  readonly jvmMetaspace: bigint;
  readonly jvmOverhead: bigint;
  readonly totalProcess: bigint;
}

/**
 * Flink 1.x maps a legacy heap option onto the total process memory when that is not set
 * (`MemoryBackwardsCompatibilityUtils`, as active Kubernetes and YARN deployments call it).
 * The `FLINK_TM_HEAP`/`FLINK_JM_HEAP` environment variables that Flink reads first are not
 * part of a configuration map and are not considered.
 */
export function mapLegacyHeapOptions(config: EffectiveConfiguration, options: ProcessMemoryOptionSet, rules: VersionRules): EffectiveConfiguration {
  if (!rules.legacyHeapOptions || config.contains(options.totalProcess)) {
    return config;
  }
  if (config.contains(options.legacyHeap)) {
    return withMemorySize(config, options.totalProcess, memorySizeFromConfig(config, options.legacyHeap));
  }
  if (config.contains(options.legacyHeapMb)) {
    const megabytes = config.get(options.legacyHeapMb)!;
    if (megabytes < 0) {
      throw illegalConfiguration(`Configured total process memory size (${megabytes}MB) must not be less than 0.`)
        .withAdvice(`Set '${mainKey(options.totalProcess)}' instead of the deprecated '${mainKey(options.legacyHeapMb)}', e.g. '${options.exampleProcessSize}'.`);
    }
    return withMemorySize(config, options.totalProcess, BigInt(megabytes) * MEBIBYTE);
  }
  return config;
}

/** Flink's `copiedConfig.set(option, size)`: a copy with the option's key set to the size. */
function withMemorySize(config: EffectiveConfiguration, option: FlinkOption<bigint>, bytes: bigint): EffectiveConfiguration {
  return EffectiveConfiguration.merge(config.version, config.entries, new Map([[mainKey(option), formatBytesValue(bytes)]]));
}

/**
 * Flink's `ProcessMemoryUtils.memoryProcessSpecFromConfig`: the three configuration paths, in
 * Flink's order of precedence.
 */
export function deriveProcessMemory<FM>(
  config: EffectiveConfiguration,
  options: ProcessMemoryOptionSet,
  flinkMemory: FlinkMemoryDerivation<FM>,
  trace: DerivationTrace,
): ProcessMemory<FM> {
  const derivation = new JvmMemoryDerivation(config, options, trace);

  if (options.requiredFineGrained.every((option) => config.contains(option))) {
    // 1. all fine-grained options: derive the total Flink memory from them
    const memory = flinkMemory.fromRequiredFineGrained();
    const totalFlink = trace.record('Total Flink Memory', flinkMemory.totalFlinkOf(memory));
    return derivation.completeFromTotalFlink(memory, totalFlink);
  }
  if (config.contains(options.totalFlink)) {
    // 2. total Flink memory
    const totalFlink = trace.record('Total Flink Memory', memorySizeFromConfig(config, options.totalFlink));
    const memory = flinkMemory.fromTotalFlink(totalFlink);
    return derivation.completeFromTotalFlink(memory, totalFlink);
  }
  if (config.contains(options.totalProcess)) {
    // 3. total process memory: metaspace and overhead first, the rest is total Flink memory
    const totalProcess = trace.record('Total Process Memory', memorySizeFromConfig(config, options.totalProcess));
    const { jvmMetaspace, jvmOverhead } = derivation.fromTotalProcess(totalProcess);
    const totalFlink = trace.record('Total Flink Memory', subtractMemorySize(totalProcess, addMemorySizes(jvmMetaspace, jvmOverhead)));
    const memory = flinkMemory.fromTotalFlink(totalFlink);
    return { flinkMemory: memory, totalFlink, jvmMetaspace, jvmOverhead, totalProcess };
  }

  const required = options.requiredFineGrained.map(mainKey);
  throw illegalConfiguration(
    `Either required fine-grained memory (${required.join(' and ')}), or Total Flink Memory size (${describeOption(options.totalFlink, config.version)}), `
    + `or Total Process Memory size (${describeOption(options.totalProcess, config.version)}) need to be configured explicitly.`,
  ).withAdvice(
    `Set '${mainKey(options.totalProcess)}' (the usual choice on Kubernetes: the container memory, e.g. '${options.exampleProcessSize}'), `
    + `or '${mainKey(options.totalFlink)}', or ${required.map((key) => `'${key}'`).join(' and ')}.`,
  );
}

/** JVM Metaspace and JVM Overhead (Flink's `JvmMetaspaceAndOverhead`). */
class JvmMemoryDerivation {
  public constructor(
    private readonly config: EffectiveConfiguration,
    private readonly options: ProcessMemoryOptionSet,
    private readonly trace: DerivationTrace,
  ) {}

  /** Path 3: overhead is a capped fraction of the total process memory. */
  public fromTotalProcess(totalProcess: bigint): { jvmMetaspace: bigint; jvmOverhead: bigint } {
    const jvmMetaspace = this.trace.record('JVM Metaspace', memorySizeFromConfig(this.config, this.options.jvmMetaspace));
    const jvmOverhead = this.trace.record('JVM Overhead', deriveWithFraction(totalProcess, this.overheadRange()));
    if (addMemorySizes(jvmMetaspace, jvmOverhead) > totalProcess) {
      throw illegalConfiguration(
        `Sum of configured JVM Metaspace (${formatHumanReadable(jvmMetaspace)}) and JVM Overhead (${formatHumanReadable(jvmOverhead)}) `
        + `exceed configured Total Process Memory (${formatHumanReadable(totalProcess)}).`,
      ).withAdvice(
        `Raise '${mainKey(this.options.totalProcess)}' well above ${formatHumanReadable(jvmMetaspace + jvmOverhead)} (JVM Metaspace plus JVM Overhead; `
        + `the Total Flink Memory is what remains), or lower '${mainKey(this.options.jvmMetaspace)}' or '${mainKey(this.options.jvmOverheadMin)}'.`,
      );
    }
    return { jvmMetaspace, jvmOverhead };
  }

  /**
   * Paths 1 and 2: with the total process memory also configured, overhead is the rest and
   * must lie within its range; otherwise it is the capped inverse fraction of Flink memory plus metaspace.
   */
  public completeFromTotalFlink<FM>(flinkMemory: FM, totalFlink: bigint): ProcessMemory<FM> {
    const jvmMetaspace = this.trace.record('JVM Metaspace', memorySizeFromConfig(this.config, this.options.jvmMetaspace));
    const totalFlinkAndMetaspace = addMemorySizes(totalFlink, jvmMetaspace);
    let jvmOverhead: bigint;
    if (this.config.contains(this.options.totalProcess)) {
      const totalProcess = this.trace.record('Total Process Memory', memorySizeFromConfig(this.config, this.options.totalProcess));
      if (totalProcess < totalFlinkAndMetaspace) {
        throw illegalConfiguration(
          `The configured Total Process Memory size (${formatHumanReadable(totalProcess)}) is less than the sum of the derived `
          + `Total Flink Memory size (${formatHumanReadable(totalFlink)}) and the configured or default JVM Metaspace size  (${formatHumanReadable(jvmMetaspace)}).`,
        ).withAdvice(this.totalProcessAdvice(totalFlinkAndMetaspace));
      }
      jvmOverhead = this.trace.record('JVM Overhead', totalProcess - totalFlinkAndMetaspace);
      const range = this.overheadRange();
      if (jvmOverhead > range.max || jvmOverhead < range.min) {
        throw illegalConfiguration(
          `Derived JVM Overhead size (${formatHumanReadable(jvmOverhead)}) is not in configured JVM Overhead range `
          + `[${formatHumanReadable(range.min)}, ${formatHumanReadable(range.max)}].`,
        ).withAdvice(`${this.totalProcessAdvice(totalFlinkAndMetaspace)} Alternatively widen '${mainKey(this.options.jvmOverheadMin)}'/'${mainKey(this.options.jvmOverheadMax)}'.`);
      }
    } else {
      jvmOverhead = this.trace.record('JVM Overhead', deriveWithInverseFraction(totalFlinkAndMetaspace, this.overheadRange()));
    }
    const totalProcess = addMemorySizes(totalFlink, jvmMetaspace, jvmOverhead);
    return { flinkMemory, totalFlink, jvmMetaspace, jvmOverhead, totalProcess };
  }

  private overheadRange(): RangeFraction {
    const min = memorySizeFromConfig(this.config, this.options.jvmOverheadMin);
    const max = memorySizeFromConfig(this.config, this.options.jvmOverheadMax);
    return getRangeFraction(
      this.config, min, max, this.options.jvmOverheadFraction,
      `Set '${mainKey(this.options.jvmOverheadFraction)}' to a value in [0, 1) and make sure '${mainKey(this.options.jvmOverheadMin)}' <= '${mainKey(this.options.jvmOverheadMax)}'.`,
    );
  }

  /** Advice when the configured total process memory does not fit the Flink memory plus metaspace. */
  private totalProcessAdvice(totalFlinkAndMetaspace: bigint): string {
    const process = `'${mainKey(this.options.totalProcess)}'`;
    const rest = `or remove ${process} and let Flink derive it, or configure less Flink memory ('${mainKey(this.options.totalFlink)}' or the fine-grained sizes).`;
    let range: RangeFraction | undefined;
    try {
      range = this.overheadRange();
    } catch (error) {
      if (!(error instanceof JavaException)) {
        throw error;
      }
    }
    if (range === undefined) {
      return `Make ${process} equal to the Total Flink Memory plus JVM Metaspace (${formatHumanReadable(totalFlinkAndMetaspace)}) plus a JVM Overhead within its range, ${rest}`;
    }
    return `Set ${process} between ${formatHumanReadable(totalFlinkAndMetaspace + range.min)} and ${formatHumanReadable(totalFlinkAndMetaspace + range.max)} `
      + `(Total Flink Memory plus JVM Metaspace plus a JVM Overhead within '${mainKey(this.options.jvmOverheadMin)}'..'${mainKey(this.options.jvmOverheadMax)}'), ${rest}`;
  }
}

/** The key that determines the total Flink memory in paths 2 and 3, for advice. */
export function totalMemoryKey(config: EffectiveConfiguration, options: ProcessMemoryOptionSet): string {
  return config.contains(options.totalFlink) ? mainKey(options.totalFlink) : mainKey(options.totalProcess);
}

