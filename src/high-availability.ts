import { FlinkVersion } from './flink-version';
import { isHierarchicalUri } from './private/flink/uri';
import { HA_STORAGE_DIRECTORY, HIGH_AVAILABILITY } from './private/options/flink-options';
import { writtenKey } from './private/options/written-key';
import { argumentError } from './props/prop-errors';

/**
 * Options of Kubernetes high availability.
 */
export interface KubernetesHighAvailabilityOptions {
  /**
   * Durable storage for the JobManager's metadata, e.g. `s3://bucket/flink-ha`.
   */
  readonly storageDirectory: string;
}

/**
 * High availability of the JobManager: leader election and job metadata that survive a
 * JobManager failure. The operator needs it for `last-state` upgrades without its own
 * fallback, for standby JobManagers and for rollbacks.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/ha/kubernetes_ha/
 */
export class HighAvailability {
  /**
   * Kubernetes HA: leader election and pointers in ConfigMaps, metadata in `storageDirectory`.
   * The JobManager's service account needs the job rules on ConfigMaps (as `FlinkJobRbac` grants).
   */
  public static kubernetes(options: KubernetesHighAvailabilityOptions): HighAvailability {
    if (!isHierarchicalUri(options.storageDirectory ?? '')) {
      throw argumentError('HighAvailability.kubernetes', 'storageDirectory', `'storageDirectory' must be a URI with a scheme, e.g. 's3://bucket/flink-ha' (got '${options.storageDirectory}').`);
    }
    return new HighAvailability(options.storageDirectory);
  }

  private constructor(
    /** Where the JobManager's metadata is stored. */
    public readonly storageDirectory: string,
  ) {}

  /**
   * The configuration entries for a Flink version.
   * @internal
   */
  public _entries(version: FlinkVersion): Array<[string, string]> {
    const type = version.isAtLeast(FlinkVersion.V1_17) ? 'kubernetes' : 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory';
    return [[writtenKey(HIGH_AVAILABILITY, version), type], [writtenKey(HA_STORAGE_DIRECTORY, version), this.storageDirectory]];
  }
}
