import { ApiObject, ApiObjectMetadata, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { FlinkApplicationProps } from './application';
import { OperatorIngressOptions } from './cluster-props';
import { FlinkClusterBase } from './flink-cluster-base';
import {
  FlinkBlueGreenDeployment as FlinkBlueGreenDeploymentKind,
  FlinkBlueGreenDeploymentSpec,
  toJson_FlinkBlueGreenDeploymentSpec,
} from './imports/flink.apache.org';
import { flinkDuration } from './private/flink/duration';
import { BLUE_GREEN_ABORT_GRACE_PERIOD, BLUE_GREEN_DELETION_DELAY, BLUE_GREEN_RESCHEDULE_INTERVAL } from './private/options/blue-green-options';
import { FlinkOption, mainKey } from './private/options/option';
import { checkExposureNames } from './props/name-checks';
import { checkedAt } from './props/prop-errors';
import { FlinkCustomResource } from './render/custom-resource';
import { clusterResourceMetadata, renderDeploymentSpec, renderOperatorIngress } from './render/deployment-spec';
import { renderJob } from './render/job-spec';
import { REST_SERVICE_ANNOTATIONS_KEY, restServiceAnnotationsEntry } from './render/rest-service-annotations';
import { validateAppOnSynth } from './synth/app-validation';
import { DeploymentMode } from './types';
import { blueGreenNameProblem } from './validation/checks/names';

/**
 * How the operator moves between the blue and the green deployment.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/concepts/bluegreen-controller-flow/
 */
export interface BlueGreenOptions {
  /**
   * How long the new deployment may take to become ready before the transition is aborted
   * (`kubernetes.operator.bluegreen.abort.grace-period`).
   *
   * @default - the operator's default, 10 minutes
   */
  readonly abortGracePeriod?: Duration;

  /**
   * How long the old deployment is kept once the new one is ready
   * (`kubernetes.operator.bluegreen.deployment-deletion.delay`).
   *
   * @default - the operator's default, none
   */
  readonly deploymentDeletionDelay?: Duration;

  /**
   * How often the operator checks a transition (`kubernetes.operator.bluegreen.reconciliation.reschedule-interval`).
   *
   * @default - the operator's default, 15 seconds
   */
  readonly reconciliationRescheduleInterval?: Duration;
}

/**
 * Props of `FlinkBlueGreenDeployment`: the props of a `FlinkApplication`, which become the
 * template of the blue and green deployments, plus the blue/green options and Ingress.
 */
export interface FlinkBlueGreenDeploymentProps extends FlinkApplicationProps {
  /**
   * How the operator moves between the deployments.
   *
   * @default - the operator's defaults
   */
  readonly blueGreen?: BlueGreenOptions;

  /**
   * The Ingress the operator keeps pointed at the active deployment's web UI. It must
   * authenticate with the controller that serves its class, or accept the exposure explicitly
   * (see docs/web-ui.md).
   *
   * A blue/green deployment has no `exposeWebUiWithGateway()`: its REST Service changes with
   * every transition (`<name>-blue-rest`, `<name>-green-rest`), and only the operator's Ingress
   * follows it.
   *
   * @default - none
   */
  readonly ingress?: OperatorIngressOptions;
}

/**
 * A blue/green deployment of a Flink application: a `FlinkBlueGreenDeployment` custom resource
 * (the construct's default child, id `Resource`). On every change to the template, the operator
 * starts the other colour (`<name>-blue` or `<name>-green`) from a savepoint of the active one,
 * waits until it runs, switches over and deletes the old one.
 *
 * Its name can be at most 39 characters, so that `<name>-green` stays within the operator's
 * 45-character limit for FlinkDeployments.
 *
 * The operator replaces every occurrence of the name in the template with the child's name.
 * So the service account created by default is bound under three names: `<name>`,
 * `<name>-blue` and `<name>-green`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/concepts/bluegreen-controller-flow/
 */
export class FlinkBlueGreenDeployment extends FlinkClusterBase {
  protected readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: FlinkBlueGreenDeploymentProps) {
    super(scope, id, props, 'FlinkBlueGreenDeployment');
    const job = checkedAt(this, () => {
      if (props.ingress !== undefined) {
        checkExposureNames(props.ingress, 'ingress.');
      }
      const standalone = props.mode === DeploymentMode.STANDALONE;
      return renderJob(props, props.taskManager?.replicas, props.flinkVersion, { inFile: true, standalone });
    });
    if (this.rbac) {
      for (const colour of ['blue', 'green']) {
        const account = new kplus.ServiceAccount(this.rbac, `${colour}ServiceAccount`, {
          metadata: { name: `${this.name}-${colour}`, namespace: this.rbac.namespace, annotations: props.workloadIdentity?.serviceAccountAnnotations },
          automountToken: true,
        });
        this.rbac.roleBinding.addSubjects(account);
      }
    }
    // The TaskManagers' account too: `<name>-taskmanager` becomes `<name>-blue-taskmanager` and `<name>-green-taskmanager`.
    for (const colour of ['blue', 'green']) {
      this.taskManagerRbac?.addServiceAccount(`${this.name}-${colour}-taskmanager`);
    }

    const restServiceAnnotations = props.ingress?.authentication?.restServiceAnnotations;
    if (restServiceAnnotations !== undefined) {
      const configured = this._configurationValue(REST_SERVICE_ANNOTATIONS_KEY);
      const entry = checkedAt(this, () => restServiceAnnotationsEntry(configured, restServiceAnnotations, 'WebUiAuthentication.gkeIdentityAwareProxy()'));
      if (entry !== undefined) {
        this.addFlinkConfiguration(entry.key, entry.value);
      }
    }

    const blueGreen = props.blueGreen ?? {};
    const options: Array<[FlinkOption, Duration | undefined]> = [
      [BLUE_GREEN_ABORT_GRACE_PERIOD, blueGreen.abortGracePeriod],
      [BLUE_GREEN_DELETION_DELAY, blueGreen.deploymentDeletionDelay],
      [BLUE_GREEN_RESCHEDULE_INTERVAL, blueGreen.reconciliationRescheduleInterval],
    ];
    const blueGreenConfiguration = Object.fromEntries(options
      .filter(([, value]) => value !== undefined)
      .map(([option, value]) => [mainKey(option), flinkDuration(value!)]));
    const metadata: ApiObjectMetadata = clusterResourceMetadata(props, this.name, this.namespace);

    this.apiObject = new FlinkCustomResource(this, 'Resource', FlinkBlueGreenDeploymentKind.GVK, metadata, () => {
      const template = renderDeploymentSpec({
        props,
        namespace: this.namespace,
        serviceAccountName: this.serviceAccountName,
        flinkConfiguration: this.flinkConfiguration,
        job,
      }, this.name);
      const spec: FlinkBlueGreenDeploymentSpec = {
        configuration: Object.keys(blueGreenConfiguration).length > 0 ? blueGreenConfiguration : undefined,
        ingress: renderOperatorIngress(props.ingress, this.name, this.namespace),
        template: { spec: template as any },
      };
      return toJson_FlinkBlueGreenDeploymentSpec(spec);
    });
    validateAppOnSynth(this);
  }

  /** @internal */
  protected _nameProblem(name: string): string | undefined {
    return blueGreenNameProblem(name);
  }
}
