import { Construct } from 'constructs';
import { FlinkClusterProps } from './cluster-props';
import { FlinkDeploymentBase } from './flink-deployment-base';
import { FlinkVersion } from './flink-version';
import { FlinkJobOptions } from './job-options';
import { addConstructCheck } from './render/app-validation';
import { renderJob } from './render/job-spec';
import { implicitStatelessError } from './render/state-safety';

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
  private readonly job: any;

  constructor(scope: Construct, id: string, props: FlinkApplicationProps) {
    super(scope, id, props);
    this.job = renderJob(props, props.taskManager?.replicas, props.flinkVersion);
    if (props.checkpointTriggerNonce !== undefined && !props.flinkVersion.isAtLeast(FlinkVersion.V1_17)) {
      throw new Error(`'checkpointTriggerNonce' needs Flink 1.17 or newer, which can trigger checkpoints on request (got ${props.flinkVersion.name}). Use 'savepointTriggerNonce' or upgrade 'flinkVersion'.`);
    }
    addConstructCheck(this, () => {
      const error = implicitStatelessError(`FlinkApplication '${this.name}'`, props.upgradeMode !== undefined, this.flinkConfiguration);
      return error === undefined ? [] : [error];
    });
  }

  /** @internal */
  protected _renderJob(): any {
    return this.job;
  }
}
