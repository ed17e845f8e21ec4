import { ApiObject, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkDeploymentBase } from './flink-deployment-base';
import { FlinkVersion } from './flink-version';
import { FlinkSessionJob as FlinkSessionJobKind, FlinkSessionJobSpec, toJson_FlinkSessionJobSpec } from './imports/flink.apache.org';
import { FlinkSessionJobOptions } from './job-options';
import { addConstructCheck, validateAppOnSynth } from './render/app-validation';
import { ConfigurationBuilder } from './render/configuration-builder';
import { renderJob } from './render/job-spec';
import { nameFromId } from './render/names';
import { checkObjectName } from './render/prop-checks';
import { implicitStatelessError } from './render/state-safety';
import { cachedJson, markChanged } from './render/synth-cache';
import { jobConfigurationEntries } from './render/typed-configuration';
import type { IFlinkSessionCluster } from './session-cluster';

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
 * The construct is the API object itself (`ApiObject.of(job)` returns it), so that apps with
 * hundreds of jobs stay small trees: cdk8s walks the whole tree again for every chart it renders.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/overview/#flinksessionjob
 */
export class FlinkSessionJob extends ApiObject {
  /** Its namespace, if known at synth time: always the cluster's. */
  public readonly namespace?: string;

  /** The session cluster the job runs on. */
  public readonly cluster: IFlinkSessionCluster;

  constructor(scope: Construct, id: string, props: FlinkSessionJobProps) {
    const path = scope.node.path === '' ? id : `${scope.node.path}/${id}`;
    const name = nameFromId(id, path, props.metadata, 'FlinkSessionJob');
    checkObjectName('metadata.name', name);
    const requested = props.metadata?.namespace;
    if (requested !== undefined && props.cluster.namespace !== undefined && requested !== props.cluster.namespace) {
      throw new Error(`${path}: 'metadata.namespace' must be the namespace of session cluster '${props.cluster.name}' ('${props.cluster.namespace}'; got '${requested}'): the operator looks the cluster up in the job's namespace.`);
    }
    const namespace = requested ?? props.cluster.namespace;
    const flinkConfiguration = sessionJobConfiguration(path, props);
    checkNonce('restartNonce', props.restartNonce);
    const version = props.cluster.flinkVersion;
    if (props.checkpointTriggerNonce !== undefined && version !== undefined && !version.isAtLeast(FlinkVersion.V1_17)) {
      throw new Error(`${path}: 'checkpointTriggerNonce' needs Flink 1.17 or newer, which can trigger checkpoints on request (session cluster '${props.cluster.name}' runs ${version.name}).`);
    }
    const spec: FlinkSessionJobSpec = {
      restartNonce: props.restartNonce,
      deploymentName: props.cluster.name,
      flinkConfiguration: Object.keys(flinkConfiguration).length > 0 ? flinkConfiguration : undefined,
      job: renderJob(props, undefined, props.cluster.flinkVersion),
    };
    super(scope, id, {
      ...FlinkSessionJobKind.GVK,
      metadata: { ...props.metadata, name, namespace },
      spec: toJson_FlinkSessionJobSpec(spec),
    });
    this.cluster = props.cluster;
    this.namespace = namespace ?? this.metadata.namespace;
    markChanged();
    // The cluster's FlinkDeployment comes before the jobs that run on it. A job added with
    // addJob() is a later child of the cluster, so the construct tree already orders it; only a
    // job defined elsewhere needs an explicit dependency (on the FlinkDeployment, not on the
    // cluster construct, whose children include other jobs).
    const clusterResource = props.cluster.node.defaultChild;
    if (clusterResource !== undefined && !this.node.scopes.includes(props.cluster)) {
      this.node.addDependency(clusterResource);
    }
    addConstructCheck(this, () => {
      const clusterConfiguration = props.cluster instanceof FlinkDeploymentBase ? props.cluster.flinkConfiguration : {};
      const error = implicitStatelessError(`FlinkSessionJob '${this.name}'`, props.upgradeMode !== undefined, { ...clusterConfiguration, ...flinkConfiguration });
      return error === undefined ? [] : [error];
    });
    validateAppOnSynth(this);
  }

  public toJson(): any {
    return cachedJson(this.node.root, this) ?? super.toJson();
  }

  public addJsonPatch(...ops: JsonPatch[]): void {
    markChanged();
    super.addJsonPatch(...ops);
  }
}

function checkNonce(prop: string, value: number | undefined): void {
  if (value !== undefined && !Number.isSafeInteger(value)) {
    throw new Error(`'${prop}' must be a whole number, e.g. 20261125 (got ${value}).`);
  }
}

/** The raw flinkConfiguration plus the typed job settings, with the cluster's key names. */
function sessionJobConfiguration(path: string, props: FlinkSessionJobProps): { [key: string]: string } {
  const configuration = new ConfigurationBuilder(path);
  configuration.setAll(props.flinkConfiguration, "'flinkConfiguration'");
  const typed = props.checkpointing !== undefined || props.savepoints !== undefined || props.restartStrategy !== undefined;
  if (typed) {
    const version = props.cluster.flinkVersion;
    if (version === undefined) {
      throw new Error(`${path}: typed settings (checkpointing, savepoints, restartStrategy) need the Flink version of session cluster '${props.cluster.name}' to pick key names. Import it with FlinkSessionCluster.fromAttributes(scope, id, { name, flinkVersion }).`);
    }
    for (const entry of jobConfigurationEntries(props, version)) {
      configuration.set(entry.key, entry.value, `'${entry.source}'`);
    }
  }
  return configuration.toObject();
}
