import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  FlinkSessionJob as FlinkSessionJobResource,
  FlinkSessionJobSpecJob,
} from './imports/flink.apache.org';
import { FlinkSessionJobOptions } from './job-options';
import { validateAppOnSynth } from './private/app-validation';
import { checkObjectName } from './private/checks';
import { renderJob } from './private/job-spec';
import { resourceName } from './private/names';
import { jobConfigurationEntries } from './private/typed-configuration';
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
 * A job submitted to a Flink session cluster: a `FlinkSessionJob` custom resource (the
 * construct's default child, id `Resource`).
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/overview/#flinksessionjob
 */
export class FlinkSessionJob extends Construct {
  /** The name of the FlinkSessionJob. */
  public readonly name: string;

  /** Its namespace, if known at synth time: always the cluster's. */
  public readonly namespace?: string;

  /** The session cluster the job runs on. */
  public readonly cluster: IFlinkSessionCluster;

  /** The FlinkSessionJob API object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: FlinkSessionJobProps) {
    super(scope, id);
    this.cluster = props.cluster;
    this.name = resourceName(this, props.metadata, 'FlinkSessionJob');
    checkObjectName('metadata.name', this.name);
    const requested = props.metadata?.namespace;
    if (requested !== undefined && props.cluster.namespace !== undefined && requested !== props.cluster.namespace) {
      throw new Error(`${this.node.path}: 'metadata.namespace' must be the namespace of session cluster '${props.cluster.name}' ('${props.cluster.namespace}'; got '${requested}'): the operator looks the cluster up in the job's namespace.`);
    }
    this.namespace = requested ?? props.cluster.namespace;
    const job: FlinkSessionJobSpecJob = renderJob(props);
    const flinkConfiguration = this.configuration(props);

    this.apiObject = new FlinkSessionJobResource(this, 'Resource', {
      metadata: { ...props.metadata, name: this.name, namespace: this.namespace },
      spec: {
        deploymentName: props.cluster.name,
        flinkConfiguration: Object.keys(flinkConfiguration).length > 0 ? flinkConfiguration : undefined,
        job,
      },
    });
    // The cluster's FlinkDeployment comes before the jobs that run on it. (Not the cluster
    // construct itself: the job may be its child, and so may other jobs.)
    const clusterResource = props.cluster.node.defaultChild;
    if (clusterResource !== undefined) {
      this.apiObject.node.addDependency(clusterResource);
    }
    validateAppOnSynth(this);
  }

  /** The raw flinkConfiguration plus the typed job settings, with the cluster's key names. */
  private configuration(props: FlinkSessionJobProps): { [key: string]: string } {
    const result: { [key: string]: string } = {};
    const sources: { [key: string]: string } = {};
    const set = (key: string, value: string, source: string) => {
      if (typeof value !== 'string') {
        throw new Error(`${this.node.path}: flinkConfiguration '${key}' must be a string (got ${typeof value} ${JSON.stringify(value)}).`);
      }
      if (result[key] !== undefined && result[key] !== value) {
        throw new Error(`${this.node.path}: flinkConfiguration '${key}' is set to '${result[key]}' by ${sources[key]} and again by ${source} to '${value}'. Set it in one place.`);
      }
      result[key] = value;
      sources[key] = source;
    };
    for (const [key, value] of Object.entries(props.flinkConfiguration ?? {})) {
      set(key, value, "'flinkConfiguration'");
    }
    const typed = props.checkpointing !== undefined || props.savepoints !== undefined || props.restartStrategy !== undefined;
    if (typed) {
      const version = props.cluster.flinkVersion;
      if (version === undefined) {
        throw new Error(`${this.node.path}: typed settings (checkpointing, savepoints, restartStrategy) need the Flink version of session cluster '${props.cluster.name}' to pick key names. Import it with FlinkSessionCluster.fromAttributes(scope, id, { name, flinkVersion }).`);
      }
      for (const entry of jobConfigurationEntries(props, version)) {
        set(entry.key, entry.value, `'${entry.source}'`);
      }
    }
    return result;
  }
}
