import { Construct, IConstruct } from 'constructs';
import { FlinkClusterProps } from './cluster-props';
import { FlinkDeploymentBase } from './flink-deployment-base';
import { FlinkVersion } from './flink-version';
import { FlinkSessionJobOptions } from './job-options';
import { FlinkSessionJob } from './session-job';

/**
 * A Flink session cluster that session jobs can run on, defined here or elsewhere.
 */
export interface IFlinkSessionCluster extends IConstruct {
  /** The name of the session cluster's FlinkDeployment. */
  readonly name: string;

  /** Its namespace, when known. Session jobs must live in the same namespace. */
  readonly namespace?: string;

  /** Its Flink version, when known: typed job settings need it to pick key names. */
  readonly flinkVersion?: FlinkVersion;
}

/**
 * What is known about a session cluster defined outside this app.
 */
export interface FlinkSessionClusterAttributes {
  /** The name of its FlinkDeployment. */
  readonly name: string;

  /**
   * Its namespace.
   *
   * @default - the job's namespace
   */
  readonly namespace?: string;

  /**
   * Its Flink version; needed for typed job settings (checkpointing, restart strategy).
   *
   * @default - unknown
   */
  readonly flinkVersion?: FlinkVersion;
}

/**
 * Props of `FlinkSessionCluster`.
 */
export interface FlinkSessionClusterProps extends FlinkClusterProps {}

class ImportedSessionCluster extends Construct implements IFlinkSessionCluster {
  public readonly name: string;
  public readonly namespace?: string;
  public readonly flinkVersion?: FlinkVersion;

  constructor(scope: Construct, id: string, attributes: FlinkSessionClusterAttributes) {
    super(scope, id);
    this.name = attributes.name;
    this.namespace = attributes.namespace;
    this.flinkVersion = attributes.flinkVersion;
  }
}

/**
 * A Flink session cluster: a `FlinkDeployment` without a job, that runs the
 * `FlinkSessionJob`s submitted to it.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/overview/
 */
export class FlinkSessionCluster extends FlinkDeploymentBase implements IFlinkSessionCluster {
  /**
   * A session cluster defined outside this app, by the name of its FlinkDeployment.
   *
   * @param name the FlinkDeployment's `metadata.name`
   * @param namespace its namespace
   */
  public static fromName(scope: Construct, id: string, name: string, namespace?: string): IFlinkSessionCluster {
    return new ImportedSessionCluster(scope, id, { name, namespace });
  }

  /**
   * A session cluster defined outside this app, with its namespace and Flink version.
   */
  public static fromAttributes(scope: Construct, id: string, attributes: FlinkSessionClusterAttributes): IFlinkSessionCluster {
    return new ImportedSessionCluster(scope, id, attributes);
  }

  constructor(scope: Construct, id: string, props: FlinkSessionClusterProps) {
    super(scope, id, props);
  }

  /** @internal */
  public get _webUiAcceptsJarUploads(): boolean {
    return true;
  }

  /**
   * Adds a session job that runs on this cluster.
   *
   * @param id the construct id; the job's name is derived from it unless `metadata.name` is set
   */
  public addJob(id: string, options: FlinkSessionJobOptions): FlinkSessionJob {
    return new FlinkSessionJob(this, id, { ...options, cluster: this });
  }
}
