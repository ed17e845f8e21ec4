/**
 * What a failed derivation reports: Flink's own exception (message and causes), the configured
 * values, the components derived before the failure, and what to change.
 */
import { VersionRules } from './options';
import { formatHumanReadable } from '../flink/memory-size';
import { JavaException } from '../jvm/java-exception';
import { EffectiveConfiguration } from '../options/effective-configuration';

/** The memory components derived so far, in derivation order, for error messages. */
export class DerivationTrace {
  private readonly values = new Map<string, bigint>();

  /** Records (or replaces) a component and returns its size. */
  public record(label: string, bytes: bigint): bigint {
    this.values.set(label, bytes);
    return bytes;
  }

  /** `label = 1.000gb (1073741824 bytes), ...`, or `nothing yet`. */
  public describe(): string {
    if (this.values.size === 0) {
      return 'nothing yet';
    }
    return [...this.values].map(([label, bytes]) => `${label} = ${formatHumanReadable(bytes)}`).join(', ');
  }
}

/** The context of one derivation run, for composing its error message. */
export interface DerivationContext {
  /** `TaskManager` or `JobManager`. */
  readonly processName: string;
  /** The Flink version whose rules apply, e.g. `1.17`. */
  readonly versionLabel: string;
  readonly configuration: EffectiveConfiguration;
  /** The keys to echo from the configuration, in display order. */
  readonly relevantKeys: readonly string[];
  readonly trace: DerivationTrace;
  /** Keys the user wrote through another field (e.g. `spec.taskManager.resource.memory`): named so in the message. */
  readonly writtenAs: ReadonlyMap<string, WrittenAs>;
}

/** A configuration key the user set through another field, and what they wrote there. */
export interface WrittenAs {
  /** The field, e.g. `spec.taskManager.resource.memory` or the construct prop `taskManager.memory`. */
  readonly field: string;
  /** The value as written there, e.g. `512m`. */
  readonly value: string;
}

/** A derivation's outcome: what it derived, or the message of Flink's refusal. */
type Outcome = { readonly derived: unknown } | { readonly refusal: string };

/**
 * The outcomes of recent derivations, by what decides them: the process, the rules, the values of
 * the keys the derivation reads and the fields those were written as. A cluster's derivation runs
 * when a construct checks its props, when the rules check the manifest, and when the model sizes
 * its pods; and clusters of one app often share their sizes. Bounded: cleared when full.
 */
const OUTCOMES = new Map<string, Outcome>();
const MOST_OUTCOMES = 512;

/**
 * Runs one process's derivation. A refusal (a `JavaException`, as Flink would throw at
 * startup) becomes an `Error` with `refusalMessage`: Flink's reason, the configured keys, the
 * components derived so far and a fix.
 *
 * The derivation sees only `relevantKeys` (every key it may read), so that its outcome depends on
 * nothing else and is reused for the same values. What it returns is shared: callers read it and
 * never change it.
 */
export function deriveOrExplainRefusal<T>(
  processName: string,
  rules: VersionRules,
  flinkConfiguration: { readonly [key: string]: unknown },
  relevantKeys: readonly string[],
  derive: (configuration: EffectiveConfiguration, trace: DerivationTrace) => T,
  writtenAs: ReadonlyMap<string, WrittenAs> = new Map(),
): T {
  const entries = configurationEntries(flinkConfiguration, relevantKeys);
  const written = [...writtenAs].filter(([key]) => entries.has(key));
  const memoKey = JSON.stringify([processName, rules.label, rules.legacyHeapOptions, rules.legacyNetworkBuffers, [...entries], written]);
  let outcome = OUTCOMES.get(memoKey);
  if (outcome === undefined) {
    outcome = runDerivation(processName, rules, entries, relevantKeys, derive, writtenAs);
    if (OUTCOMES.size >= MOST_OUTCOMES) {
      OUTCOMES.clear();
    }
    OUTCOMES.set(memoKey, outcome);
  }
  if ('refusal' in outcome) {
    throw new Error(outcome.refusal);
  }
  return outcome.derived as T;
}

function runDerivation<T>(
  processName: string,
  rules: VersionRules,
  entries: Map<string, string>,
  relevantKeys: readonly string[],
  derive: (configuration: EffectiveConfiguration, trace: DerivationTrace) => T,
  writtenAs: ReadonlyMap<string, WrittenAs>,
): Outcome {
  const context: DerivationContext = {
    processName,
    versionLabel: rules.label,
    configuration: new EffectiveConfiguration(entries, rules.version),
    relevantKeys,
    trace: new DerivationTrace(),
    writtenAs,
  };
  try {
    return { derived: derive(context.configuration, context.trace) };
  } catch (error) {
    if (error instanceof JavaException) {
      return { refusal: refusalMessage(context, error) };
    }
    throw error;
  }
}

/**
 * The message of the `Error` thrown when Flink would refuse the configuration:
 *
 * ```
 * TaskManager memory (Flink 2.2 rules): Flink would refuse to start with IllegalConfigurationException: <Flink's message>
 * Caused by: <class>: <message>
 * Configured: 'taskmanager.memory.process.size' = '800m'
 * Derived so far: JVM Metaspace = 256.000mb (268435456 bytes), ...
 * To fix: <advice>
 * ```
 */
export function refusalMessage(context: DerivationContext, exception: JavaException): string {
  const chain = exception.chain;
  const lines = [
    `${context.processName} memory (Flink ${context.versionLabel} rules): Flink would refuse to start with ${exception.javaClass}: ${exception.message}`,
    ...chain.slice(1).map((cause) => `Caused by: ${cause.javaClass}: ${cause.message}`),
    `Configured: ${describeConfigured(context)}`,
    `Derived so far: ${context.trace.describe()}`,
  ];
  const advice = chain.find((link) => link.advice !== undefined)?.advice;
  if (advice !== undefined) {
    lines.push(`To fix: ${nameWrittenFields(advice, context.writtenAs)}`);
  }
  return lines.join('\n');
}

/** The entries of `keys`, as Flink's `Configuration` holds them: values as text; `undefined` and `null` count as absent. */
function configurationEntries(flinkConfiguration: { readonly [key: string]: unknown }, keys: readonly string[]): Map<string, string> {
  const entries = new Map<string, string>();
  for (const key of keys) {
    const value = Object.prototype.hasOwnProperty.call(flinkConfiguration, key) ? flinkConfiguration[key] : undefined;
    if (value !== undefined && value !== null) {
      entries.set(key, String(value));
    }
  }
  return entries;
}

/** Advice that names a key the user set through another field names that field instead. */
function nameWrittenFields(advice: string, writtenAs: ReadonlyMap<string, WrittenAs>): string {
  let named = advice;
  for (const [key, { field }] of writtenAs) {
    named = named.split(`'${key}'`).join(field);
  }
  return named;
}

function describeConfigured(context: DerivationContext): string {
  const configured = context.relevantKeys
    .filter((key) => context.configuration.has(key))
    .map((key) => {
      const written = context.writtenAs.get(key);
      return written === undefined ? `'${key}' = '${context.configuration.raw(key)}'` : `${written.field} = '${written.value}'`;
    });
  return configured.length === 0 ? 'no memory option' : configured.join(', ');
}
