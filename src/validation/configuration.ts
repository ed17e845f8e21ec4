/**
 * The effective configuration of the resources the rules check, and the facts the rules derive
 * from it (high availability, durable state), all read through the option registry.
 */
import { FlinkVersion } from '../flink-version';
import { EffectiveConfiguration, flattenConfiguration, isBlank } from '../private/options/effective-configuration';
import * as F from '../private/options/flink-options';
import { allKeys, mainKey, OptionReader } from '../private/options/option';

/** The Flink version a `spec.flinkVersion` names, or undefined when it names none this library can read. */
export function flinkVersionOf(value: unknown): FlinkVersion | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    return FlinkVersion.of(value);
  } catch {
    return undefined;
  }
}

/** A FlinkDeployment's configuration: the operator's defaults with its flinkConfiguration laid over them. */
export function deploymentConfiguration(operatorConfiguration: ReadonlyMap<string, string>, spec: any): EffectiveConfiguration {
  return EffectiveConfiguration.merge(flinkVersionOf(spec?.flinkVersion), operatorConfiguration, flattenConfiguration(spec?.flinkConfiguration));
}

/** A session job's configuration, as the operator checks it: its cluster's, with the job's laid over it. */
export function sessionJobConfiguration(operatorConfiguration: ReadonlyMap<string, string>, clusterSpec: any, jobSpec: any): EffectiveConfiguration {
  return EffectiveConfiguration.merge(flinkVersionOf(clusterSpec?.flinkVersion), operatorConfiguration,
    flattenConfiguration(clusterSpec?.flinkConfiguration), flattenConfiguration(jobSpec?.flinkConfiguration));
}

/**
 * Whether the configuration turns high availability on, as Flink decides it (`as: 'operator'`
 * for the operator's admission checks, which know every key).
 */
export function highAvailabilityEnabled(config: EffectiveConfiguration, as: OptionReader = 'operator'): boolean {
  const mode = (config.text(F.HIGH_AVAILABILITY, as) ?? 'NONE').toLowerCase();
  return mode !== 'none' && mode !== 'standalone';
}

/**
 * Whether the configuration turns on Kubernetes high availability (`kubernetes`, or the factory
 * class before Flink 1.17), whose leader retrieval makes the TaskManagers watch ConfigMaps.
 */
export function kubernetesHighAvailability(config: EffectiveConfiguration, as: OptionReader = 'flink'): boolean {
  const mode = (config.text(F.HIGH_AVAILABILITY, as) ?? '').trim().toLowerCase();
  return mode === 'kubernetes' || mode === 'org.apache.flink.kubernetes.highavailability.kuberneteshaservicesfactory';
}

/**
 * Keys whose presence means a job keeps durable state: periodic checkpoints, or a checkpoint or
 * savepoint directory (under any of their names).
 */
export const DURABLE_STATE_KEYS: ReadonlyArray<string> = [
  mainKey(F.CHECKPOINT_INTERVAL), ...allKeys(F.CHECKPOINT_DIRECTORY), ...allKeys(F.SAVEPOINT_DIRECTORY),
];

/** The durable-state keys a configuration sets (non-blank). */
export function durableStateKeys(entries: ReadonlyMap<string, string> | { readonly [key: string]: string }): string[] {
  const get = (key: string) => (entries instanceof Map ? entries.get(key) : (entries as { [key: string]: string })[key]);
  return DURABLE_STATE_KEYS.filter((key) => !isBlank(get(key)));
}

/** Keys the operator sets itself and refuses in `flinkConfiguration`. */
export const FORBIDDEN_KEYS: ReadonlyArray<string> = [F.KUBERNETES_NAMESPACE, F.KUBERNETES_CLUSTER_ID, F.HA_CLUSTER_ID].map(mainKey);
