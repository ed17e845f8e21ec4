import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkClusterProps } from './cluster-props';
import { FlinkVersion } from './flink-version';
import { FlinkJobRbac } from './job-rbac';
import { resourceName, resourceNamespace } from './props/names';
import { checkedAt, propError } from './props/prop-errors';
import { dedicatedTaskManagerAccount, kubernetesHighAvailabilityIn, taskManagerAccountEntry, taskManagerAccountName } from './render/cluster-identity';
import { checkClusterProps, checkJobManagerAccountKey, clusterConfiguration } from './render/cluster-setup';
import { ADD_FLINK_CONFIGURATION, ConfigurationBuilder, typedPropSource } from './render/configuration-builder';
import { FlinkTaskManagerRbac } from './task-manager-rbac';

/**
 * What every construct that renders Flink clusters shares (`FlinkSessionCluster`,
 * `FlinkApplication`, `FlinkBlueGreenDeployment`): its name and namespace, the Flink
 * configuration assembled from the raw and the typed props, and the service account with its
 * RBAC. The custom resource is the construct's default child, id `Resource`:
 * `ApiObject.of(cluster)` returns it.
 */
export abstract class FlinkClusterBase extends Construct {
  /** The name of the custom resource (`metadata.name`). */
  public readonly name: string;

  /** Its namespace, if known at synth time. */
  public readonly namespace?: string;

  /**
   * The Flink version (always set; optional in the type because `IFlinkCluster` allows
   * clusters of unknown version).
   */
  public readonly flinkVersion?: FlinkVersion;

  /** The name of the service account the JobManager runs as (`spec.serviceAccount`). */
  public readonly serviceAccountName: string;

  /** The RBAC objects created for the cluster; undefined when an existing account was given. */
  public readonly rbac?: FlinkJobRbac;

  /** The TaskManagers' own ServiceAccount (`dedicatedTaskManagerServiceAccount`); undefined when they share the JobManager's. */
  public readonly taskManagerRbac?: FlinkTaskManagerRbac;

  /** The custom resource; `ApiObject.of(cluster)` returns it too. */
  protected abstract readonly apiObject: ApiObject;

  private readonly configuration: ConfigurationBuilder;

  /**
   * @param kind the custom resource's kind, for messages
   */
  protected constructor(scope: Construct, id: string, props: FlinkClusterProps, kind: string) {
    super(scope, id);
    const setup = checkedAt(this, () => {
      const name = resourceName(this, props.metadata, kind);
      const problem = this._nameProblem(name);
      if (problem !== undefined) {
        throw propError('metadata.name', `'metadata.name' ${problem}.`);
      }
      checkClusterProps(props);
      const configuration = clusterConfiguration(props);
      if (dedicatedTaskManagerAccount(props)) {
        const entry = taskManagerAccountEntry(props.flinkVersion, name);
        configuration.set(entry.key, entry.value, typedPropSource(entry.source));
      }
      return { name, namespace: resourceNamespace(this, props.metadata), configuration };
    });
    this.name = setup.name;
    this.namespace = setup.namespace;
    this.flinkVersion = props.flinkVersion;
    this.configuration = setup.configuration;
    const serviceAccount = checkedAt(this, () => serviceAccountOf(this, props, this.name, this.namespace));
    this.serviceAccountName = serviceAccount.name;
    this.rbac = serviceAccount.rbac;
    if (dedicatedTaskManagerAccount(props)) {
      this.taskManagerRbac = checkedAt(this, () => new FlinkTaskManagerRbac(this, 'TaskManagerRbac', {
        metadata: { name: taskManagerAccountName(this.name), namespace: this.namespace },
        leaderRetrieval: kubernetesHighAvailabilityIn(this.configuration.toObject(), props.flinkVersion),
        workloadIdentity: props.workloadIdentity,
      }));
    }
  }

  /**
   * The Flink configuration so far (a copy).
   */
  public get flinkConfiguration(): { [key: string]: string } {
    return this.configuration.toObject();
  }

  /**
   * Sets a Flink configuration key.
   *
   * Setting a key twice to different values is an error, so that two settings can't silently
   * override each other.
   *
   * @param key a Flink configuration key, e.g. `web.submit.enable`
   * @param value its value
   */
  public addFlinkConfiguration(key: string, value: string): void {
    checkedAt(this, () => {
      checkJobManagerAccountKey(String(key), value, this.rbac !== undefined, 'addFlinkConfiguration(key)');
      this.configuration.set(key, value, ADD_FLINK_CONFIGURATION);
    });
    if (this.taskManagerRbac !== undefined && this.flinkVersion !== undefined && !this.taskManagerRbac.leaderRetrieval
      && kubernetesHighAvailabilityIn(this.configuration.toObject(), this.flinkVersion)) {
      this.taskManagerRbac.allowLeaderRetrieval();
    }
  }

  /**
   * What is wrong with a name under the resource's naming rule, or undefined.
   * @internal
   */
  protected abstract _nameProblem(name: string): string | undefined;

  /**
   * The value of a configuration key so far.
   * @internal
   */
  protected _configurationValue(key: string): string | undefined {
    return this.configuration.get(key);
  }
}

/** The given service account, or a new one with the job RBAC, named `name`. */
function serviceAccountOf(
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
  const rbac = new FlinkJobRbac(scope, 'JobRbac', { metadata: { name, namespace }, workloadIdentity: props.workloadIdentity });
  return { name: rbac.serviceAccount.name, rbac };
}
