import { Construct } from 'constructs';
import { FlinkClusterImportOptions, FlinkClusterType } from './cluster';
import { FlinkClusterProps } from './cluster-props';
import { FlinkDeploymentBase } from './flink-deployment-base';
import { FlinkSessionJobOptions } from './job-options';
import { ImportedFlinkCluster } from './render/imported-cluster';
import { FlinkSessionJob, IFlinkSessionCluster } from './session-job';

/**
 * Props of `FlinkSessionCluster`.
 */
export interface FlinkSessionClusterProps extends FlinkClusterProps {}

/**
 * A Flink session cluster: a `FlinkDeployment` without a job, that runs the
 * `FlinkSessionJob`s submitted to it.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/overview/
 */
export class FlinkSessionCluster extends FlinkDeploymentBase implements IFlinkSessionCluster {
  /**
   * A session cluster defined outside this app, by the name of its FlinkDeployment. It takes
   * jobs like one defined here: `FlinkSessionCluster.fromName(...).addJob(id, options)`.
   *
   * @param name the FlinkDeployment's `metadata.name`
   * @param options what else is known of it: namespace, Flink version (typed job settings need
   * it), configuration
   */
  public static fromName(scope: Construct, id: string, name: string, options: FlinkClusterImportOptions = {}): IFlinkSessionCluster {
    return new ImportedFlinkSessionCluster(scope, id, name, FlinkClusterType.SESSION, options);
  }

  /** A session cluster. */
  public readonly clusterType: FlinkClusterType = FlinkClusterType.SESSION;

  constructor(scope: Construct, id: string, props: FlinkSessionClusterProps) {
    super(scope, id, props);
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

/** A session cluster defined outside this app, which takes jobs as one defined here does. */
class ImportedFlinkSessionCluster extends ImportedFlinkCluster implements IFlinkSessionCluster {
  public addJob(id: string, options: FlinkSessionJobOptions): FlinkSessionJob {
    return new FlinkSessionJob(this, id, { ...options, cluster: this });
  }
}
