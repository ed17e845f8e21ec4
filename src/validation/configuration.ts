/**
 * The effective configuration of the resources the rules check, and the facts the rules derive
 * from it (high availability, durable state), all read through the option registry.
 */
import { FlinkVersion } from '../flink-version';
import { EffectiveConfiguration, flattenConfiguration, isBlank } from '../private/options/effective-configuration';
import * as F from '../private/options/flink-options';
import { OperatorRelease } from '../private/options/operator-release';
import { allKeys, mainKey, OptionReader } from '../private/options/option';
import { optionForKey } from '../private/options/registry';

/** flinkVersionOf's answers, by text. */
const VERSIONS = new Map<string, FlinkVersion | undefined>();

/** The Flink version a `spec.flinkVersion` names, or undefined when it names none this library can read. */
export function flinkVersionOf(value: unknown): FlinkVersion | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  if (!VERSIONS.has(value)) {
    let version: FlinkVersion | undefined;
    try {
      version = FlinkVersion.of(value);
    } catch {
      version = undefined;
    }
    if (VERSIONS.size >= 1000) {
      VERSIONS.clear(); // hostile input naming ever new versions keeps no memory
    }
    VERSIONS.set(value, version);
  }
  return VERSIONS.get(value);
}

/**
 * A FlinkDeployment's configuration: the operator's defaults with its flinkConfiguration laid
 * over them, the operator's options read as `operator` reads them (the targeted release when undefined).
 */
export function deploymentConfiguration(
  operatorConfiguration: ReadonlyMap<string, string>, spec: any, operator?: OperatorRelease,
): EffectiveConfiguration {
  return EffectiveConfiguration.merge(flinkVersionOf(spec?.flinkVersion), operatorConfiguration, flattenConfiguration(spec?.flinkConfiguration))
    .forOperator(operator);
}

/**
 * A session job's configuration as the operator merges it: the operator's defaults, its cluster's
 * flinkConfiguration, and the job's own laid over them.
 */
export function mergedSessionJobConfiguration(
  operatorConfiguration: ReadonlyMap<string, string>, clusterSpec: any, jobSpec: any,
): EffectiveConfiguration {
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

/** The configuration a resource writes itself, and the Flink version that reads it. */
export interface OwnConfiguration {
  /** The resource's own flinkConfiguration, flattened (no operator defaults, no cluster keys). */
  readonly entries: ReadonlyMap<string, string>;
  /** The Flink version of the cluster the configuration goes to; undefined when unknown. */
  readonly version: FlinkVersion | undefined;
  /** Where the configuration lives, e.g. `spec.flinkConfiguration`. */
  readonly path: string;
  /**
   * Whether Flink receives the keys that only Flink reads: always for a FlinkDeployment; for a
   * session job only from Flink 1.17 (`AbstractFlinkService.runJar` sends its configuration with
   * the job from 1.17, and nothing before).
   */
  readonly reachesFlink: boolean;
}

/** The oldest Flink version that receives a session job's own configuration. */
export const SESSION_JOB_CONFIGURATION_SINCE = FlinkVersion.V1_17;

/** Whether a session job's own configuration reaches Flink on a cluster of `version` (assumed so when the version is unknown). */
export function sessionJobConfigurationReachesFlink(version: FlinkVersion | undefined): boolean {
  return version === undefined || version.isAtLeast(SESSION_JOB_CONFIGURATION_SINCE);
}

/** What finds a manifest by kind, name and namespace (the run's `ManifestIndex`). */
export interface ManifestLookup {
  find(kind: string, name: string, namespace: string | undefined): any | undefined;
  /** A value computed once from an object (see ManifestIndex.derived), when the lookup keeps them. */
  derived?<T>(of: object, what: string, compute: () => T): T;
}

/** A session job's cluster, when it is in the set. */
export function sessionClusterOf(index: ManifestLookup, job: any): any | undefined {
  const find = () => {
    const name = job?.spec?.deploymentName;
    const namespace = typeof job?.metadata?.namespace === 'string' ? job.metadata.namespace : undefined;
    return typeof name === 'string' ? index.find('FlinkDeployment', name, namespace) : undefined;
  };
  return job !== null && typeof job === 'object' && index.derived !== undefined ? index.derived(job, 'session cluster', find) : find();
}

/** The own configuration of a FlinkDeployment or FlinkSessionJob manifest. */
export function ownConfiguration(index: ManifestLookup, manifest: any): OwnConfiguration {
  const spec = manifest?.spec;
  const entries = flattenConfiguration(spec?.flinkConfiguration);
  if (manifest?.kind !== 'FlinkSessionJob') {
    return { entries, version: flinkVersionOf(spec?.flinkVersion), path: 'spec.flinkConfiguration', reachesFlink: true };
  }
  const version = flinkVersionOf(sessionClusterOf(index, manifest)?.spec?.flinkVersion);
  return {
    entries,
    version,
    path: 'spec.flinkConfiguration',
    reachesFlink: sessionJobConfigurationReachesFlink(version),
  };
}

/**
 * Whether the operator reads a key itself, so that it works on a session job whatever the
 * cluster's Flink version: its own options (`kubernetes.operator.*`, the autoscaler's), and the
 * savepoint directory, which it passes with every savepoint it triggers
 * (`SnapshotUtils.triggerSavepoint` reads `CheckpointingOptions.SAVEPOINT_DIRECTORY` from the
 * job's configuration).
 */
export function operatorReadsKey(key: string): boolean {
  const option = optionForKey(key);
  return option?.reader === 'operator' || option === F.SAVEPOINT_DIRECTORY
    || key.startsWith('kubernetes.operator.') || key.startsWith('job.autoscaler.');
}
