import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkClusterType, IFlinkCluster } from './cluster';
import { FlinkClusterProps, OperatorIngressOptions } from './cluster-props';
import { FlinkClusterBase } from './flink-cluster-base';
import { FlinkDeployment, toJson_FlinkDeploymentSpec } from './imports/flink.apache.org';
import { FlinkNetworkPolicy, RestrictNetworkOptions } from './network-policy';
import { FlinkPodMonitor, FlinkPodMonitorOptions } from './pod-monitor';
import { REST_PORT, WEB_SUBMIT } from './private/options/flink-options';
import { mainKey } from './private/options/option';
import { checkExposureNames } from './props/name-checks';
import { checkedAt, entryProp, propError, scopedPropError } from './props/prop-errors';
import { FlinkCustomResource } from './render/custom-resource';
import { clusterResourceMetadata, renderDeploymentSpec } from './render/deployment-spec';
import { REST_SERVICE_ANNOTATIONS_KEY, restServiceAnnotationsEntry } from './render/rest-service-annotations';
import { validateAppOnSynth } from './synth/app-validation';
import { deploymentNameProblem } from './validation/checks/names';
import { WebUiAuthentication } from './web-ui-authentication';
import { ExposeWebUiWithGatewayOptions, FlinkWebUiHttpRoute } from './web-ui-http-route';
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
  private webUiExposure?: string;
  private podMonitor?: FlinkPodMonitor;
  private networkPolicy?: FlinkNetworkPolicy;
  private readonly props: FlinkClusterProps;

  protected constructor(scope: Construct, id: string, props: FlinkClusterProps) {
    super(scope, id, props, 'FlinkDeployment');
    this.props = props;
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
      throw scopedPropError(this, entryProp('flinkConfiguration', mainKey(REST_PORT)), `flinkConfiguration '${mainKey(REST_PORT)}' must be a port number from 1 to 65535 (got '${configured}').`);
    }
    return port;
  }

  /**
   * Whether the web UI's jar upload (`/jars/upload`, which the operator uses to submit
   * FlinkSessionJobs) is on: a session cluster's is, unless `web.submit.enable` is `false`; an
   * application cluster's REST endpoint has no jar handlers. A session cluster takes jobs over its
   * REST API (`POST /jobs`) either way, so turning this off does not make exposing it safe.
   */
  public get webUiAcceptsJarUploads(): boolean {
    return this.clusterType === FlinkClusterType.SESSION
      && (this._configurationValue(mainKey(WEB_SUBMIT)) ?? 'true').trim().toLowerCase() !== 'false';
  }

  /**
   * Exposes the Flink web UI through an Ingress to the cluster's REST service. It must
   * authenticate with the controller that serves its class, or accept the exposure explicitly
   * (see docs/web-ui.md).
   *
   * @returns the Ingress
   */
  public exposeWebUi(options: ExposeWebUiOptions = {}): FlinkWebUiIngress {
    this.checkSingleExposure('exposeWebUi');
    this.addRestServiceAnnotations(options.authentication);
    return new FlinkWebUiIngress(this, 'WebUiIngress', { ...options, cluster: this });
  }

  /**
   * Exposes the Flink web UI through the Ingress the operator creates from `spec.ingress`. It
   * must authenticate with the controller that serves its class, or accept the exposure
   * explicitly (see docs/web-ui.md).
   */
  public exposeWebUiWithOperatorIngress(options: OperatorIngressOptions): void {
    this.checkSingleExposure('exposeWebUiWithOperatorIngress');
    checkedAt(this, () => {
      if (options.template.trim() === '') {
        throw propError('template', "'template' must not be empty; use e.g. '{{name}}.{{namespace}}.flink.example.com'.");
      }
      checkExposureNames(options);
    });
    this.addRestServiceAnnotations(options.authentication);
    this.operatorIngress = options;
  }

  /**
   * Scrapes the cluster's metrics with the Prometheus Operator: a `PodMonitor` for the
   * JobManager and TaskManager pods, on the port of `metrics.prometheusPort` (the reporter's
   * port and the container port it declares, named `metrics`).
   *
   * @returns the PodMonitor construct
   */
  public addPodMonitor(options: FlinkPodMonitorOptions = {}): FlinkPodMonitor {
    if (this.podMonitor !== undefined) {
      throw scopedPropError(this, 'addPodMonitor()', `addPodMonitor() was already called for '${this.name}'. Scrape it once.`);
    }
    checkedAt(this, () => {
      if (this.props.metrics?.prometheusPort === undefined) {
        throw propError('addPodMonitor()', "addPodMonitor() needs the Prometheus reporter: set 'metrics: { prometheusPort: 9249 }' on the cluster, which configures the reporter and declares the container port the monitor scrapes.");
      }
    });
    this.podMonitor = new FlinkPodMonitor(this, 'PodMonitor', { ...options, cluster: this, deploymentMode: this.props.mode });
    return this.podMonitor;
  }

  /**
   * Exposes the Flink web UI through a Gateway API HTTPRoute (`gateway.networking.k8s.io/v1`)
   * attached to a Gateway. The standard channel has no authentication: name the filter or
   * policy of your Gateway implementation that authenticates (`authentication`), or accept
   * the exposure explicitly (see docs/web-ui.md).
   *
   * @returns the HTTPRoute
   */
  public exposeWebUiWithGateway(options: ExposeWebUiWithGatewayOptions): FlinkWebUiHttpRoute {
    this.checkSingleExposure('exposeWebUiWithGateway');
    return new FlinkWebUiHttpRoute(this, 'WebUiHttpRoute', { ...options, cluster: this });
  }

  /**
   * Isolates the cluster's pods with a NetworkPolicy: traffic among them, the REST port from
   * the operator (and whoever `restFrom` names), DNS, the Kubernetes API and the egress listed.
   *
   * @returns the NetworkPolicy
   */
  public restrictNetwork(options: RestrictNetworkOptions): FlinkNetworkPolicy {
    if (this.networkPolicy !== undefined) {
      throw scopedPropError(this, 'restrictNetwork()', `restrictNetwork() was already called for '${this.name}'. Call it once, with every peer.`);
    }
    this.networkPolicy = new FlinkNetworkPolicy(this, 'NetworkPolicy', { ...options, cluster: this, deploymentMode: this.props.mode });
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
    if (this.webUiExposure !== undefined) {
      throw scopedPropError(this, `${method}()`, `${method}() cannot be used: the web UI of '${this.name}' is already exposed by ${this.webUiExposure}(). Expose it once.`);
    }
    this.webUiExposure = method;
  }

  /** The REST Service annotations an authentication needs (GKE's BackendConfig). */
  private addRestServiceAnnotations(authentication: WebUiAuthentication | undefined): void {
    const needed = authentication?.restServiceAnnotations;
    if (needed === undefined) {
      return;
    }
    const configured = this._configurationValue(REST_SERVICE_ANNOTATIONS_KEY);
    const entry = checkedAt(this, () => restServiceAnnotationsEntry(configured, needed, 'WebUiAuthentication.gkeIdentityAwareProxy()'));
    if (entry !== undefined) {
      this.addFlinkConfiguration(entry.key, entry.value);
    }
  }
}
