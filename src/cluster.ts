import { IConstruct } from 'constructs';
import { FlinkVersion } from './flink-version';

/**
 * What a Flink cluster runs.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/overview/
 */
export enum FlinkClusterType {
  /** A session cluster: a FlinkDeployment without a job, running `FlinkSessionJob`s. */
  SESSION = 'session',
  /** An application cluster: a FlinkDeployment with its own job. */
  APPLICATION = 'application',
}

/**
 * A Flink cluster (a `FlinkDeployment`), defined in this app or elsewhere: what the constructs
 * that refer to a cluster need to know of it.
 */
export interface IFlinkCluster extends IConstruct {
  /** The name of the FlinkDeployment (`metadata.name`). */
  readonly name: string;

  /** Its namespace, when known. */
  readonly namespace?: string;

  /** Its Flink version, when known: typed job settings need it to pick key names. */
  readonly flinkVersion?: FlinkVersion;

  /** Whether it is a session or an application cluster. */
  readonly clusterType: FlinkClusterType;

  /** Its Flink configuration, as far as it is known here (a copy). */
  readonly flinkConfiguration: { [key: string]: string };

  /** The Service Flink creates for the REST endpoint and web UI: `<name>-rest`. */
  readonly restServiceName: string;

  /** The port of the REST endpoint and web UI (`rest.port`, default 8081). */
  readonly restPort: number;

  /**
   * Whether the web UI's jar upload (`/jars/upload`, which the operator uses to submit
   * FlinkSessionJobs) is on: a session cluster's is, unless `web.submit.enable` is `false`; an
   * application cluster's REST endpoint has no jar handlers. A session cluster takes jobs over its
   * REST API (`POST /jobs`) either way, so turning this off does not make exposing it safe.
   */
  readonly webUiAcceptsJarUploads: boolean;
}

/**
 * What is known about a cluster defined outside this app, besides its name.
 */
export interface FlinkClusterImportOptions {
  /**
   * Its namespace.
   *
   * @default - unknown: a session job lands in its own chart's namespace
   */
  readonly namespace?: string;

  /**
   * Its Flink version; typed job settings (checkpointing, restart strategy) need it.
   *
   * @default - unknown
   */
  readonly flinkVersion?: FlinkVersion;

  /**
   * The parts of its Flink configuration that matter here, e.g. `rest.port` or
   * `web.submit.enable`.
   *
   * @default - none known
   */
  readonly flinkConfiguration?: { [key: string]: string };
}
