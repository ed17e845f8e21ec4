/**
 * What a cluster's identity props add: credentials from Secrets (environment variables, a key
 * file) and workload identity (a pod label, Flink configuration), the TaskManagers' own
 * ServiceAccount, and the checks of their combination.
 */
import { FlinkClusterProps } from '../cluster-props';
import { FlinkVersion } from '../flink-version';
import { PodAdditions } from './pod-hardening';
import { ConfigEntry } from './typed-configuration';
import { EffectiveConfiguration } from '../private/options/effective-configuration';
import { TASKMANAGER_SERVICE_ACCOUNT } from '../private/options/flink-options';
import { writtenKey } from '../private/options/written-key';
import { propError } from '../props/prop-errors';
import { kubernetesHighAvailability } from '../validation/configuration';

/** The annotation IRSA puts on a ServiceAccount. */
const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';

/** Whether the cluster's TaskManagers get their own ServiceAccount: by default when cdk8s-flink creates the JobManager's. */
export function dedicatedTaskManagerAccount(props: FlinkClusterProps): boolean {
  return props.dedicatedTaskManagerServiceAccount ?? props.serviceAccount === undefined;
}

/** The name of the TaskManagers' own ServiceAccount. */
export function taskManagerAccountName(clusterName: string): string {
  return `${clusterName}-taskmanager`;
}

/** Throws on identity props that do not fit together. */
export function checkIdentityProps(props: FlinkClusterProps): void {
  if (props.workloadIdentity !== undefined && props.serviceAccount !== undefined) {
    throw propError('workloadIdentity', `'workloadIdentity' annotates the ServiceAccounts cdk8s-flink creates, but 'serviceAccount' names an existing one ('${props.serviceAccount.name}'). `
      + `Annotate that account yourself (${Object.keys(props.workloadIdentity.serviceAccountAnnotations).join(', ')}), or leave 'serviceAccount' out.`);
  }
  const credentials = props.fileSystemCredentials ?? [];
  const seen = new Map<string, string>();
  for (const credential of credentials) {
    for (const variable of credential._podAdditions().env) {
      const first = seen.get(variable.name);
      if (first !== undefined) {
        throw propError('fileSystemCredentials', `'fileSystemCredentials' sets ${variable.name} twice (${first} and ${credential.fileSystem}): the plugin reads one value. Give each file system once.`);
      }
      seen.set(variable.name, credential.fileSystem);
    }
  }
  if (props.workloadIdentity?.serviceAccountAnnotations[IRSA_ANNOTATION] !== undefined && credentials.some((c) => c.fileSystem === 'S3')) {
    throw propError('fileSystemCredentials', "'fileSystemCredentials' gives S3 keys from a Secret, but 'workloadIdentity' an IAM role, which replaces S3A's credential chain. Use one of them.");
  }
}

/** The Flink configuration entries of the credentials and the workload identity. */
export function identityConfigurationEntries(props: FlinkClusterProps): ConfigEntry[] {
  return [
    ...(props.fileSystemCredentials ?? []).flatMap((credential) => credential._configuration()
      .map(([key, value]) => ({ key, value, source: 'fileSystemCredentials' }))),
    ...(props.workloadIdentity?._configuration() ?? []).map(([key, value]) => ({ key, value, source: 'workloadIdentity' })),
  ];
}

/** The entry that points the TaskManagers at their own ServiceAccount. */
export function taskManagerAccountEntry(version: FlinkVersion, clusterName: string): ConfigEntry {
  return { key: writtenKey(TASKMANAGER_SERVICE_ACCOUNT, version), value: taskManagerAccountName(clusterName), source: 'dedicatedTaskManagerServiceAccount' };
}

/** What the credentials and the workload identity add to the Flink pods. */
export function identityPodAdditions(props: FlinkClusterProps): PodAdditions[] {
  return [
    ...(props.fileSystemCredentials ?? []).map((credential) => credential._podAdditions()),
    ...(props.workloadIdentity === undefined || Object.keys(props.workloadIdentity.podLabels).length === 0 ? []
      : [{ labels: props.workloadIdentity.podLabels }]),
  ];
}

/** Whether a configuration turns Kubernetes high availability on, as the cluster's Flink version reads it. */
export function kubernetesHighAvailabilityIn(configuration: { [key: string]: string }, version: FlinkVersion): boolean {
  return kubernetesHighAvailability(EffectiveConfiguration.merge(version, new Map(Object.entries(configuration))));
}
