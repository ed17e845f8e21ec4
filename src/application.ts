import { Construct } from 'constructs';
import { FlinkClusterImportOptions, FlinkClusterType, IFlinkCluster } from './cluster';
import { FlinkClusterProps } from './cluster-props';
import { FlinkDeploymentBase } from './flink-deployment-base';
import { FlinkJobOptions } from './job-options';
import { checkedAt, propError } from './props/prop-errors';
import { ImportedFlinkCluster } from './render/imported-cluster';
import { renderJob } from './render/job-spec';
import { checkBatchJob } from './render/operations-configuration';
import { DeploymentMode } from './types';
import { checkpointTriggerProblem } from './validation/checks/checkpoint-trigger';

/**
 * Props of `FlinkApplication`: the cluster props of a session cluster plus the job options
 * of a session job.
 */
export interface FlinkApplicationProps extends FlinkClusterProps, FlinkJobOptions {}

/**
 * A Flink application cluster: a `FlinkDeployment` with a `job`, a cluster dedicated to one
 * job and torn down with it.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/overview/
 */
export class FlinkApplication extends FlinkDeploymentBase {
  /**
   * An application cluster defined outside this app, by the name of its FlinkDeployment, e.g.
   * to take snapshots of its job (`JobReference.application(...)`) or expose its web UI.
   *
   * @param name the FlinkDeployment's `metadata.name`
   * @param options what else is known of it: namespace, Flink version, configuration
   */
  public static fromName(scope: Construct, id: string, name: string, options: FlinkClusterImportOptions = {}): IFlinkCluster {
    return new ImportedFlinkCluster(scope, id, name, FlinkClusterType.APPLICATION, options);
  }

  /** An application cluster. */
  public readonly clusterType: FlinkClusterType = FlinkClusterType.APPLICATION;

  private readonly job: any;

  constructor(scope: Construct, id: string, props: FlinkApplicationProps) {
    super(scope, id, props);
    this.job = checkedAt(this, () => {
      const nonceProblem = props.checkpointTriggerNonce === undefined ? undefined
        : checkpointTriggerProblem(props.flinkVersion, { nonce: 'checkpointTriggerNonce', savepointNonce: 'savepointTriggerNonce', cluster: 'the cluster' });
      if (nonceProblem !== undefined) {
        throw propError('checkpointTriggerNonce', nonceProblem);
      }
      checkBatchJob(props.execution, props.upgradeMode, props.snapshots);
      const standalone = props.mode === DeploymentMode.STANDALONE;
      return renderJob(props, props.taskManager?.replicas, props.flinkVersion, { inFile: true, standalone });
    });
  }

  /** @internal */
  protected _renderJob(): any {
    return this.job;
  }
}
