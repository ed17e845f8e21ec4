import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { FlinkClusterType, IFlinkCluster } from './cluster';
import { FlinkSessionJob as FlinkSessionJobKind, FlinkSessionJobSpec, toJson_FlinkSessionJobSpec } from './imports/flink.apache.org';
import { FlinkSessionJobOptions } from './job-options';
import { NAMESPACE_NAME } from './private/kubernetes-names';
import { checkMetadataKeys, checkName } from './props/name-checks';
import { nameFromId } from './props/names';
import { checkNonce, checkObjectName } from './props/prop-checks';
import { checkedAt, entryProp, propError } from './props/prop-errors';
import { ConfigurationBuilder, FLINK_CONFIGURATION_PROP, typedPropSource } from './render/configuration-builder';
import { renderJob } from './render/job-spec';
import { checkBatchJob } from './render/operations-configuration';
import { ConfigEntry, jobConfigurationEntries } from './render/typed-configuration';
import { validateAppOnSynth } from './synth/app-validation';
import { renderedInSession } from './synth/synth-session';
import { checkpointTriggerProblem } from './validation/checks/checkpoint-trigger';
import { ignoredSessionJobKeys, ignoredSessionJobSettingsMessage } from './validation/checks/session-job-settings';
import { sessionJobConfigurationReachesFlink } from './validation/configuration';

/**
 * A session cluster that session jobs can run on, defined in this app (`FlinkSessionCluster`)
 * or elsewhere (`FlinkSessionCluster.fromName`). An application cluster is not one: it runs
 * only its own job.
 */
export interface IFlinkSessionCluster extends IFlinkCluster {
  /**
   * Adds a session job that runs on this cluster.
   *
   * @param id the construct id; the job's name is derived from it unless `metadata.name` is set
   */
  addJob(id: string, options: FlinkSessionJobOptions): FlinkSessionJob;
}

/**
 * Props of `FlinkSessionJob`.
 */
export interface FlinkSessionJobProps extends FlinkSessionJobOptions {
  /**
   * The session cluster the job runs on.
   */
  readonly cluster: IFlinkSessionCluster;
}

/**
 * A job submitted to a Flink session cluster: a `FlinkSessionJob` custom resource.
 *
 * Unlike the other constructs, which own their custom resource as the default child `Resource`,
 * a session job *is* its API object (`ApiObject.of(job)` returns it all the same). This is for
 * speed: cdk8s walks the whole construct tree again for every chart it renders, and apps with
 * hundreds of jobs stay half the size this way (see bench/).
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/overview/#flinksessionjob
 */
export class FlinkSessionJob extends ApiObject {
  /** Its namespace, if known at synth time: always the cluster's. */
  public readonly namespace?: string;

  /** The session cluster the job runs on. */
  public readonly cluster: IFlinkSessionCluster;

  constructor(scope: Construct, id: string, props: FlinkSessionJobProps) {
    const path = () => (scope.node.path === '' ? id : `${scope.node.path}/${id}`);
    const { name, namespace, spec } = checkedAt(path, () => sessionJobSpec(id, props));
    super(scope, id, {
      ...FlinkSessionJobKind.GVK,
      metadata: { ...props.metadata, name, namespace },
      spec: toJson_FlinkSessionJobSpec(spec),
    });
    this.cluster = props.cluster;
    this.namespace = namespace ?? this.metadata.namespace;
    // The cluster's FlinkDeployment comes before the jobs that run on it. A job added with
    // addJob() is a later child of the cluster, so the construct tree already orders it; only a
    // job defined elsewhere needs an explicit dependency (on the FlinkDeployment, not on the
    // cluster construct, whose children include other jobs).
    const clusterResource = props.cluster.node.defaultChild;
    if (clusterResource !== undefined && !isWithin(scope, props.cluster)) {
      this.node.addDependency(clusterResource);
    }
    validateAppOnSynth(this);
  }

  /** The manifest; rendered once per synth (the validation's rendering is reused). */
  public toJson(): any {
    return renderedInSession(this, () => super.toJson());
  }
}

/** Whether `scope` is `ancestor` or lies under it. */
function isWithin(scope: IConstruct, ancestor: IConstruct): boolean {
  for (let current: IConstruct | undefined = scope; current !== undefined; current = current.node.scope) {
    if (current === ancestor) {
      return true;
    }
  }
  return false;
}

/** The job's name, namespace and spec, from its props (throws `PropError`s). */
function sessionJobSpec(id: string, props: FlinkSessionJobProps): { name: string; namespace?: string; spec: FlinkSessionJobSpec } {
  const cluster = props.cluster;
  const name = nameFromId(id, props.metadata, 'FlinkSessionJob');
  checkObjectName('metadata.name', name);
  if (cluster.clusterType !== FlinkClusterType.SESSION) {
    throw propError('cluster', `'cluster' must be a session cluster (got the application cluster '${cluster.name}'): session jobs run only on session clusters.`);
  }
  const requested = props.metadata?.namespace;
  checkName('metadata.namespace', requested, NAMESPACE_NAME);
  checkMetadataKeys('metadata', props.metadata);
  if (requested !== undefined && cluster.namespace !== undefined && requested !== cluster.namespace) {
    throw propError('metadata.namespace', `'metadata.namespace' must be the namespace of session cluster '${cluster.name}' ('${cluster.namespace}'; got '${requested}'): the operator looks the cluster up in the job's namespace.`);
  }
  checkNonce('restartNonce', props.restartNonce);
  const version = cluster.flinkVersion;
  const nonceProblem = props.checkpointTriggerNonce === undefined || version === undefined ? undefined
    : checkpointTriggerProblem(version, { nonce: 'checkpointTriggerNonce', savepointNonce: 'savepointTriggerNonce', cluster: `session cluster '${cluster.name}'` });
  if (nonceProblem !== undefined) {
    throw propError('checkpointTriggerNonce', nonceProblem);
  }
  checkBatchJob(props.execution, props.upgradeMode, props.snapshots);
  const flinkConfiguration = renderFlinkConfiguration(props);
  return {
    name,
    namespace: requested ?? cluster.namespace,
    spec: {
      restartNonce: props.restartNonce,
      deploymentName: cluster.name,
      flinkConfiguration: Object.keys(flinkConfiguration).length > 0 ? flinkConfiguration : undefined,
      job: renderJob(props, undefined, version, { inFile: false }),
    },
  };
}

/**
 * Before Flink 1.17 the operator submits a session job without its configuration, so settings
 * that only Flink reads would be dropped silently: refuse them, raw keys and typed settings alike
 * (a typed setting is named by its group, e.g. 'checkpointing'; see checks/session-job-settings.ts).
 */
function checkSettingsReachFlink(props: FlinkSessionJobProps, typedEntries: ReadonlyArray<ConfigEntry>): void {
  const version = props.cluster.flinkVersion;
  if (sessionJobConfigurationReachesFlink(version)) {
    return;
  }
  const groups = [...new Set(typedEntries
    .filter((entry) => ignoredSessionJobKeys([entry.key], version).length > 0)
    .map((entry) => entry.source.split('.')[0]))];
  const ignored: Array<{ prop: string; text: string }> = [
    ...groups.map((group) => ({ prop: group, text: `'${group}'` })),
    ...ignoredSessionJobKeys(Object.keys(props.flinkConfiguration ?? {}), version)
      .map((key) => ({ prop: entryProp('flinkConfiguration', key), text: `'flinkConfiguration' key '${key}'` })),
  ];
  if (ignored.length > 0) {
    throw propError(ignored[0].prop, ignoredSessionJobSettingsMessage(ignored.map(({ text }) => text), props.cluster.name, version!));
  }
}

/** The job's `spec.flinkConfiguration` as the construct writes it: the raw flinkConfiguration plus the typed job settings, with the cluster's key names. */
function renderFlinkConfiguration(props: FlinkSessionJobProps): { [key: string]: string } {
  const groups = ['checkpointing', 'savepoints', 'restartStrategy', 'upgrades', 'health', 'snapshots', 'stateBackend', 'execution'] as const;
  const typed = groups.filter((group) => props[group] !== undefined);
  const version = props.cluster.flinkVersion;
  if (typed.length > 0 && version === undefined) {
    throw propError(typed[0], `typed settings (checkpointing, savepoints, restartStrategy, upgrades, health, snapshots, stateBackend, execution) need the Flink version of session cluster '${props.cluster.name}' to pick key names. Import it with FlinkSessionCluster.fromName(scope, id, name, { flinkVersion }).`);
  }
  const typedEntries = typed.length > 0 ? jobConfigurationEntries(props, version!) : [];
  checkSettingsReachFlink(props, typedEntries);
  const configuration = new ConfigurationBuilder();
  configuration.setAll(props.flinkConfiguration, FLINK_CONFIGURATION_PROP);
  for (const entry of typedEntries) {
    configuration.set(entry.key, entry.value, typedPropSource(entry.source));
  }
  return configuration.toObject();
}
