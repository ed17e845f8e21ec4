/**
 * What every construct that renders a FlinkDeployment spec (clusters, applications, and
 * blue/green templates) does with the cluster props: the eager checks, the assembled Flink
 * configuration, and the service account with its RBAC.
 */
import { Construct } from 'constructs';
import { FlinkClusterProps } from '../cluster-props';
import { FlinkJobRbac } from '../job-rbac';
import { ConfigurationBuilder } from './configuration-builder';
import { checkPositiveNumber, checkWholeNumber, flinkMemoryString } from './prop-checks';
import { clusterConfigurationEntries } from './typed-configuration';

/** Throws on cluster props that the props alone decide are wrong. */
export function checkClusterProps(props: FlinkClusterProps): void {
  checkPositiveNumber('jobManager.cpu', props.jobManager?.cpu);
  checkWholeNumber('jobManager.replicas', props.jobManager?.replicas, 1);
  checkPositiveNumber('taskManager.cpu', props.taskManager?.cpu);
  checkWholeNumber('taskManager.replicas', props.taskManager?.replicas, 1);
  checkWholeNumber('taskManager.slots', props.taskManager?.slots, 1);
  if (props.restartNonce !== undefined && !Number.isSafeInteger(props.restartNonce)) {
    throw new Error(`'restartNonce' must be a whole number, e.g. 20261125 (got ${props.restartNonce}).`);
  }
  flinkMemoryString('jobManager.memory', props.jobManager?.memory);
  flinkMemoryString('jobManager.ephemeralStorage', props.jobManager?.ephemeralStorage);
  flinkMemoryString('taskManager.memory', props.taskManager?.memory);
  flinkMemoryString('taskManager.ephemeralStorage', props.taskManager?.ephemeralStorage);
}

/** The raw `flinkConfiguration` with the typed props' entries, for the cluster's Flink version. */
export function clusterConfiguration(where: string, props: FlinkClusterProps): ConfigurationBuilder {
  const configuration = new ConfigurationBuilder(where);
  configuration.setAll(props.flinkConfiguration, "'flinkConfiguration'");
  for (const entry of clusterConfigurationEntries(props, props.flinkVersion)) {
    configuration.set(entry.key, entry.value, `'${entry.source}'`);
  }
  return configuration;
}

/** The given service account, or a new one with the job RBAC, named `name`. */
export function clusterServiceAccount(
  scope: Construct,
  props: FlinkClusterProps,
  name: string,
  namespace: string | undefined,
): { name: string; rbac?: FlinkJobRbac } {
  if (props.serviceAccount) {
    return { name: props.serviceAccount.name };
  }
  // Created before the custom resource, so that cdk8s writes it first (the construct tree
  // order); no explicit dependency, which cdk8s would resolve again for every chart.
  const rbac = new FlinkJobRbac(scope, 'JobRbac', { metadata: { name, namespace } });
  return { name: rbac.serviceAccount.name, rbac };
}
