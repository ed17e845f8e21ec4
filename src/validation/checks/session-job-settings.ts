/**
 * Before Flink 1.17 the operator submits a session job without its configuration
 * (`AbstractFlinkService.runJar` sends it with the job only from 1.17), so the settings only
 * Flink reads never reach it and the job runs with its cluster's; the operator's own keys and the
 * savepoint directory still work. The `FlinkSessionJob` construct (at construction) and the
 * `session-job-config-ignored` rule (on manifests) both ask this module.
 */
import { FlinkVersion } from '../../flink-version';
import { operatorReadsKey, SESSION_JOB_CONFIGURATION_SINCE, sessionJobConfigurationReachesFlink } from '../configuration';

/** The keys of a session job's configuration that never reach Flink on a cluster of `version` (none when the version is unknown). */
export function ignoredSessionJobKeys(keys: Iterable<string>, version: FlinkVersion | undefined): string[] {
  if (sessionJobConfigurationReachesFlink(version)) {
    return [];
  }
  return [...keys].filter((key) => !operatorReadsKey(key));
}

/**
 * The message for settings of a session job that never reach Flink.
 *
 * @param settings the settings, as each side names them, e.g. `'checkpointing'` or `flinkConfiguration 'pipeline.name'`
 * @param cluster the session cluster's name
 * @param version the cluster's Flink version, older than 1.17
 */
export function ignoredSessionJobSettingsMessage(settings: ReadonlyArray<string>, cluster: string, version: FlinkVersion): string {
  const since = SESSION_JOB_CONFIGURATION_SINCE;
  return `${settings.join(', ')} never reach${settings.length === 1 ? 'es' : ''} Flink: session cluster '${cluster}' runs Flink ${version.major}.${version.minor}, `
    + `and the operator sends a session job's configuration with the job only from Flink ${since.major}.${since.minor}, so the job runs with the cluster's. `
    + `Set ${settings.length === 1 ? 'it' : 'them'} on the session cluster (for every job), or upgrade the cluster to Flink ${since.major}.${since.minor} or newer.`;
}
