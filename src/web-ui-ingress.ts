import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IFlinkCluster } from './cluster';
import { FlinkAnnotations } from './constants';
import { PropError } from './private/prop-error';
import { validateAppOnSynth } from './render/app-validation';
import { checkedAt } from './render/construct-errors';
import { checkExposureNames, checkMetadataKeys } from './render/name-checks';
import { checkObjectName } from './render/prop-checks';
import { markChanged } from './render/synth-cache';
import { WebUiAccessOptions } from './web-ui-authentication';

/**
 * Options of `exposeWebUi()`.
 */
export interface ExposeWebUiOptions extends WebUiAccessOptions {
  /**
   * Host name the UI is served at.
   *
   * @default - every host that reaches the Ingress controller
   */
  readonly host?: string;

  /**
   * Path prefix the UI is served under, e.g. `/flink`.
   *
   * A prefix other than `/` uses ingress-nginx's regex rewrite (as the operator's own
   * ingress documentation does): `/flink/...` is forwarded as `/...`, and `/flink` is
   * redirected to `/flink/` because the UI loads its assets by relative paths.
   *
   * @default '/'
   */
  readonly path?: string;

  /**
   * Redirect the bare path prefix to the prefix with a trailing slash, through an
   * ingress-nginx `configuration-snippet` annotation. ingress-nginx 1.9+ accepts snippet
   * annotations only with `allow-snippet-annotations: "true"` (and, from 1.12,
   * `annotations-risk-level: Critical`); without them, turn this off and open the UI with
   * the trailing slash.
   *
   * @default true when `path` is a prefix other than `/`
   */
  readonly trailingSlashRedirect?: boolean;

  /**
   * The IngressClass of the controller that serves the Ingress.
   *
   * @default - the cluster's default IngressClass
   */
  readonly ingressClassName?: string;

  /**
   * Secret with the TLS certificate and key for `host`. Requires `host`.
   *
   * @default - no TLS
   */
  readonly tlsSecretName?: string;

  /**
   * Extra annotations of the Ingress. They win over the annotations this library computes.
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Metadata of the Ingress. Its namespace must be the cluster's.
   *
   * @default - named `<cluster>-web-ui`, in the cluster's namespace
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * Props of `FlinkWebUiIngress`.
 */
export interface FlinkWebUiIngressProps extends ExposeWebUiOptions {
  /**
   * The cluster whose web UI is exposed.
   */
  readonly cluster: IFlinkCluster;
}

const NGINX = 'nginx.ingress.kubernetes.io';
const PATH_PREFIX = /^(\/[A-Za-z0-9._~-]+)+$/;
const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * A `networking.k8s.io/v1` Ingress to the REST service Flink creates for a cluster
 * (`<cluster>-rest`, on `rest.port`, default 8081), which serves the web UI.
 *
 * Synth fails if the Ingress lets unauthenticated users reach a UI that accepts jar uploads
 * (rule `web-ui-exposure`); see `WebUiAccessOptions`. The Ingress is the construct's default
 * child, id `Resource`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/operations/ingress/
 */
export class FlinkWebUiIngress extends Construct {
  /** The name of the Ingress. */
  public readonly name: string;

  /** The host, if one was given. */
  public readonly host?: string;

  /** The path prefix the UI is served under (`/` or e.g. `/flink`). */
  public readonly path: string;

  /** The Ingress API object; `ApiObject.of(ingress)` returns it too. */
  protected readonly apiObject: ApiObject;

  private readonly cluster: IFlinkCluster;
  private readonly options: ExposeWebUiOptions;

  constructor(scope: Construct, id: string, props: FlinkWebUiIngressProps) {
    super(scope, id);
    this.cluster = props.cluster;
    markChanged();
    this.options = props;
    const checked = checkedAt(this, () => {
      const name = props.metadata?.name ?? `${props.cluster.name}-web-ui`;
      checkObjectName('metadata.name', name);
      checkExposureNames(props);
      checkMetadataKeys('metadata', props.metadata);
      if (props.metadata?.namespace !== undefined && props.metadata.namespace !== props.cluster.namespace) {
        throw new PropError(`'metadata.namespace' must be the cluster's namespace '${props.cluster.namespace}' (got '${props.metadata.namespace}'): an Ingress can only route to a Service in its own namespace.`);
      }
      if (props.host !== undefined && !HOST.test(props.host)) {
        throw new PropError(`'host' must be a lowercase DNS name such as 'flink.example.com' (got '${props.host}').`);
      }
      if (props.tlsSecretName !== undefined && props.host === undefined) {
        throw new PropError("'tlsSecretName' needs 'host': a TLS certificate is issued for a host name. Set 'host', e.g. 'flink.example.com'.");
      }
      return { name, path: normalizePath(props.path) };
    });
    this.name = checked.name;
    this.host = props.host;
    this.path = checked.path;

    // The Ingress follows the cluster whose Service it routes to: it is created after the
    // cluster's FlinkDeployment, as its sibling, so it comes later in the construct tree. The
    // validation engine checks that it authenticates (rule web-ui-exposure).
    this.apiObject = new k8s.KubeIngress(this, 'Resource', {
      metadata: {
        ...props.metadata,
        name: this.name,
        namespace: props.cluster.namespace,
        annotations: this.renderAnnotations(),
      },
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    validateAppOnSynth(this);
  }

  /**
   * The URL of the web UI, when a host is set, e.g. `https://flink.example.com/flink/`.
   */
  public get url(): string | undefined {
    if (this.host === undefined) {
      return undefined;
    }
    const scheme = this.options.tlsSecretName === undefined ? 'http' : 'https';
    return `${scheme}://${this.host}${this.path === '/' ? '/' : `${this.path}/`}`;
  }

  private renderAnnotations(): { [key: string]: string } {
    const computed: { [key: string]: string } = {};
    if (this.path !== '/') {
      computed[`${NGINX}/use-regex`] = 'true';
      computed[`${NGINX}/rewrite-target`] = '/$2';
      if (this.options.trailingSlashRedirect !== false) {
        computed[`${NGINX}/configuration-snippet`] = `rewrite ^(${this.path})$ $1/ permanent;\n`;
      }
    }
    if (this.options.allowUnauthenticatedAccess === true) {
      computed[FlinkAnnotations.UNAUTHENTICATED_WEB_UI] = 'true';
    }
    return {
      ...computed,
      ...this.options.authentication?.annotations,
      ...this.options.metadata?.annotations,
      ...this.options.annotations,
    };
  }

  private renderSpec(): k8s.IngressSpec {
    const prefix = this.path === '/';
    return {
      ingressClassName: this.options.ingressClassName,
      rules: [{
        host: this.host,
        http: {
          paths: [{
            path: prefix ? '/' : `${this.path}(/|$)(.*)`,
            pathType: prefix ? 'Prefix' : 'ImplementationSpecific',
            backend: {
              service: {
                name: this.cluster.restServiceName,
                port: { number: this.cluster.restPort },
              },
            },
          }],
        },
      }],
      tls: this.options.tlsSecretName === undefined ? undefined : [{ hosts: [this.host!], secretName: this.options.tlsSecretName }],
    };
  }
}

function normalizePath(path: string | undefined): string {
  if (path === undefined || path === '/' || path === '') {
    return '/';
  }
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  if (!PATH_PREFIX.test(trimmed)) {
    throw new PropError(`'path' must be '/' or a prefix of plain path segments such as '/flink' or '/ui/flink' (letters, digits, '.', '_', '~', '-'; got '${path}').`);
  }
  return trimmed;
}
