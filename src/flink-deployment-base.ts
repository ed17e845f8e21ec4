import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkClusterProps } from './cluster-props';
import { FlinkVersion } from './flink-version';
import { FlinkDeployment, toJson_FlinkDeploymentSpec } from './imports/flink.apache.org';
import { FlinkJobRbac } from './job-rbac';
import { validateAppOnSynth } from './render/app-validation';
import { checkClusterProps, clusterConfiguration, clusterServiceAccount } from './render/cluster-setup';
import { ConfigurationBuilder } from './render/configuration-builder';
import { FlinkCustomResource } from './render/custom-resource';
import { renderDeploymentSpec } from './render/deployment-spec';
import { resourceName, resourceNamespace } from './render/names';
import { checkFlinkDeploymentName } from './render/prop-checks';
import { markChanged } from './render/synth-cache';
import { webUiExposureError } from './validation/rules/web-ui-exposure';
import { ExposeWebUiOptions, FlinkWebUiIngress, WebUiAccessOptions } from './web-ui-ingress';

/** The port of Flink's REST endpoint and web UI when `rest.port` is not set. */
const DEFAULT_REST_PORT = 8081;

/**
 * Options of `exposeWebUiWithOperatorIngress()`: the operator's own `spec.ingress`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/operations/ingress/
 */
export interface OperatorIngressOptions extends WebUiAccessOptions {
  /**
   * The URL template of the Ingress, with `{{name}}` and `{{namespace}}` placeholders, e.g.
   * `{{name}}.{{namespace}}.flink.example.com` or `/{{namespace}}/{{name}}(/|$)(.*)`.
   */
  readonly template: string;

  /**
   * The IngressClass of the Ingress.
   *
   * @default - the cluster's default IngressClass
   */
  readonly className?: string;

  /**
   * Annotations of the Ingress.
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Labels of the Ingress.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Secret with the TLS certificate for the template's host.
   *
   * @default - no TLS
   */
  readonly tlsSecretName?: string;
}

/**
 * The common base of `FlinkSessionCluster` and `FlinkApplication`: a `FlinkDeployment`
 * custom resource (the construct's default child, id `Resource`), the job RBAC objects, and
 * the ways to expose the web UI.
 */
export abstract class FlinkDeploymentBase extends Construct {
  /** The name of the FlinkDeployment (`metadata.name`). */
  public readonly name: string;

  /** The namespace of the FlinkDeployment, if known at synth time. */
  public readonly namespace?: string;

  /**
   * The Flink version (always set; optional in the type because `IFlinkSessionCluster`
   * allows clusters of unknown version).
   */
  public readonly flinkVersion?: FlinkVersion;

  /** The name of the service account the JobManager runs as (`spec.serviceAccount`). */
  public readonly serviceAccountName: string;

  /** The RBAC objects created for the cluster; undefined when an existing account was given. */
  public readonly rbac?: FlinkJobRbac;

  /** The FlinkDeployment API object. */
  public readonly apiObject: ApiObject;

  private readonly configuration: ConfigurationBuilder;
  private operatorIngress?: OperatorIngressOptions;
  private webUiIngress?: FlinkWebUiIngress;

  protected constructor(scope: Construct, id: string, props: FlinkClusterProps) {
    super(scope, id);
    this.name = resourceName(this, props.metadata, 'FlinkDeployment');
    checkFlinkDeploymentName('metadata.name', this.name);
    this.namespace = resourceNamespace(this, props.metadata);
    this.flinkVersion = props.flinkVersion;
    checkClusterProps(props);
    this.configuration = clusterConfiguration(this.node.path, props);
    const serviceAccount = clusterServiceAccount(this, props, this.name, this.namespace);
    this.serviceAccountName = serviceAccount.name;
    this.rbac = serviceAccount.rbac;

    this.apiObject = new FlinkCustomResource(this, 'Resource', FlinkDeployment.GVK, { ...props.metadata, name: this.name, namespace: this.namespace },
      () => toJson_FlinkDeploymentSpec(renderDeploymentSpec({
        props,
        namespace: this.namespace,
        serviceAccountName: this.serviceAccountName,
        flinkConfiguration: this.flinkConfiguration,
        ingress: this.operatorIngress,
        job: this._renderJob(),
      }, this.name)));

    this.node.addValidation({ validate: () => this.validateOperatorIngress() });
    validateAppOnSynth(this);
  }

  /**
   * The `spec.job` of the FlinkDeployment; none for a session cluster.
   * @internal
   */
  protected _renderJob(): any {
    return undefined;
  }

  /**
   * Whether the web UI of this kind of cluster accepts jar uploads (when `web.submit.enable`
   * allows them). Application clusters never do: their REST endpoint has no jar handlers.
   * @internal
   */
  public get _webUiAcceptsJarUploads(): boolean {
    return false;
  }

  /**
   * The Flink configuration so far (a copy).
   */
  public get flinkConfiguration(): { [key: string]: string } {
    return this.configuration.toObject();
  }

  /** The Service Flink creates for the REST endpoint and web UI: `<name>-rest`. */
  public get restServiceName(): string {
    return `${this.name}-rest`;
  }

  /** The port of the REST endpoint and web UI: `rest.port`, default 8081. */
  public get restPort(): number {
    const configured = this.configuration.get('rest.port');
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
   * Sets a Flink configuration key.
   *
   * Setting a key twice to different values is an error, so that two settings can't silently
   * override each other.
   *
   * @param key a Flink configuration key, e.g. `web.submit.enable`
   * @param value its value
   */
  public addFlinkConfiguration(key: string, value: string): void {
    markChanged();
    this.configuration.set(key, value, 'addFlinkConfiguration()');
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
    if (options.template.trim() === '') {
      throw new Error(`${this.node.path}: 'template' must not be empty; use e.g. '{{name}}.{{namespace}}.flink.example.com'.`);
    }
    this.operatorIngress = options;
    markChanged();
  }

  private checkSingleExposure(method: string): void {
    if (this.webUiIngress !== undefined || this.operatorIngress !== undefined) {
      throw new Error(`${this.node.path}: ${method}() cannot be used: the web UI of '${this.name}' is already exposed. Expose it once.`);
    }
  }

  private validateOperatorIngress(): string[] {
    const ingress = this.operatorIngress;
    if (ingress === undefined) {
      return [];
    }
    const error = webUiExposureError({
      description: `The operator Ingress of '${this.name}' (${this.node.path})`,
      clusterName: this.name,
      annotations: { ...ingress.authentication?.annotations, ...ingress.annotations },
      flinkConfiguration: this.flinkConfiguration,
      allowUnauthenticatedAccess: ingress.allowUnauthenticatedAccess === true,
      acceptsJarUploads: this._webUiAcceptsJarUploads,
    });
    return error === undefined ? [] : [error];
  }
}
