import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkClusterType, IFlinkCluster } from './cluster';
import { FlinkClusterProps, OperatorIngressOptions } from './cluster-props';
import { FlinkClusterBase } from './flink-cluster-base';
import { FlinkDeployment, toJson_FlinkDeploymentSpec } from './imports/flink.apache.org';
import { FlinkNetworkPolicy, RestrictNetworkOptions } from './network-policy';
import { REST_PORT, WEB_SUBMIT } from './private/options/flink-options';
import { mainKey } from './private/options/option';
import { PropError } from './private/prop-error';
import { validateAppOnSynth } from './render/app-validation';
import { checkedAt } from './render/construct-errors';
import { FlinkCustomResource } from './render/custom-resource';
import { clusterResourceMetadata, renderDeploymentSpec } from './render/deployment-spec';
import { checkExposureNames } from './render/name-checks';
import { markChanged } from './render/synth-cache';
import { DeploymentMode } from './types';
import { deploymentNameProblem } from './validation/rules/names';
import { ExposeWebUiOptions, FlinkWebUiIngress } from './web-ui-ingress';

/** The port of Flink's REST endpoint and web UI when `rest.port` is not set. */
const DEFAULT_REST_PORT = 8081;

/**
 * The common base of `FlinkSessionCluster` and `FlinkApplication`: a `FlinkDeployment`
 * custom resource (the construct's default child, id `Resource`), the job RBAC objects, and
 * the ways to expose the web UI.
 */
export abstract class FlinkDeploymentBase extends FlinkClusterBase implements IFlinkCluster {
  /** Whether it is a session or an application cluster. */
  public abstract readonly clusterType: FlinkClusterType;

  protected readonly apiObject: ApiObject;

  private operatorIngress?: OperatorIngressOptions;
  private webUiIngress?: FlinkWebUiIngress;
  private networkPolicy?: FlinkNetworkPolicy;
  private readonly deploymentMode?: DeploymentMode;

  protected constructor(scope: Construct, id: string, props: FlinkClusterProps) {
    super(scope, id, props, 'FlinkDeployment');
    this.deploymentMode = props.mode;
    this.apiObject = new FlinkCustomResource(this, 'Resource', FlinkDeployment.GVK, clusterResourceMetadata(props, this.name, this.namespace),
      () => toJson_FlinkDeploymentSpec(renderDeploymentSpec({
        props,
        namespace: this.namespace,
        serviceAccountName: this.serviceAccountName,
        flinkConfiguration: this.flinkConfiguration,
        ingress: this.operatorIngress,
        job: this._renderJob(),
      }, this.name)));
    validateAppOnSynth(this);
  }

  /** The Service Flink creates for the REST endpoint and web UI: `<name>-rest`. */
  public get restServiceName(): string {
    return `${this.name}-rest`;
  }

  /** The port of the REST endpoint and web UI: `rest.port`, default 8081. */
  public get restPort(): number {
    const configured = this._configurationValue(mainKey(REST_PORT));
    if (configured === undefined) {
      return DEFAULT_REST_PORT;
    }
    const port = Number(configured);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`${this.node.path}: flinkConfiguration 'rest.port' must be a port number from 1 to 65535 (got '${configured}').`);
    }
    return port;
  }

  /**
   * Whether the web UI accepts jar uploads: a session cluster's does, unless
   * `web.submit.enable` is `false`; an application cluster's REST endpoint has no jar handlers.
   */
  public get webUiAcceptsJarUploads(): boolean {
    return this.clusterType === FlinkClusterType.SESSION
      && (this._configurationValue(mainKey(WEB_SUBMIT)) ?? 'true').trim().toLowerCase() !== 'false';
  }

  /**
   * Exposes the Flink web UI through an Ingress to the cluster's REST service.
   *
   * @returns the Ingress
   */
  public exposeWebUi(options: ExposeWebUiOptions = {}): FlinkWebUiIngress {
    this.checkSingleExposure('exposeWebUi');
    this.webUiIngress = new FlinkWebUiIngress(this, 'WebUiIngress', { ...options, cluster: this });
    return this.webUiIngress;
  }

  /**
   * Exposes the Flink web UI through the Ingress the operator creates from `spec.ingress`.
   */
  public exposeWebUiWithOperatorIngress(options: OperatorIngressOptions): void {
    this.checkSingleExposure('exposeWebUiWithOperatorIngress');
    checkedAt(this, () => {
      if (options.template.trim() === '') {
        throw new PropError("'template' must not be empty; use e.g. '{{name}}.{{namespace}}.flink.example.com'.");
      }
      checkExposureNames(options);
    });
    this.operatorIngress = options;
    markChanged();
  }

  /**
   * Isolates the cluster's pods with a NetworkPolicy: traffic among them, the REST port from
   * the operator (and whoever `restFrom` names), DNS, the Kubernetes API and the egress listed.
   *
   * @returns the NetworkPolicy
   */
  public restrictNetwork(options: RestrictNetworkOptions): FlinkNetworkPolicy {
    if (this.networkPolicy !== undefined) {
      throw new Error(`${this.node.path}: restrictNetwork() was already called for '${this.name}'. Call it once, with every peer.`);
    }
    this.networkPolicy = new FlinkNetworkPolicy(this, 'NetworkPolicy', { ...options, cluster: this, deploymentMode: this.deploymentMode });
    return this.networkPolicy;
  }

  /** @internal */
  protected _nameProblem(name: string): string | undefined {
    return deploymentNameProblem(name);
  }

  /**
   * The `spec.job` of the FlinkDeployment; none for a session cluster.
   * @internal
   */
  protected _renderJob(): any {
    return undefined;
  }

  private checkSingleExposure(method: string): void {
    if (this.webUiIngress !== undefined || this.operatorIngress !== undefined) {
      throw new Error(`${this.node.path}: ${method}() cannot be used: the web UI of '${this.name}' is already exposed. Expose it once.`);
    }
  }
}
