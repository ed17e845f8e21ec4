import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IFlinkCluster } from './cluster';
import { FlinkAnnotations } from './constants';
import { IngressController } from './ingress-controller';
import { checkExposureNames, checkMetadataKeys } from './props/name-checks';
import { checkObjectName } from './props/prop-checks';
import { checkedAt, propError } from './props/prop-errors';
import { escapeRegex, normalizePathPrefix } from './render/url-path';
import { validateAppOnSynth } from './synth/app-validation';
import { wellKnownController } from './validation/web-ui/ingress-classes';
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
   * Path prefix the UI is served under, e.g. `/flink`: a plain path (letters, digits, `.`,
   * `_`, `~`, `-` in each segment). Needs `host`, and an ingress-nginx class.
   *
   * A prefix other than `/` uses only annotations a default ingress-nginx install accepts
   * (no snippets): a regex path with `rewrite-target` forwards `/flink/...` as `/...`, and a
   * second Ingress, `<name>-redirect`, answers `/flink` with a `permanent-redirect` to
   * `/flink/`, because the UI loads its assets by relative paths. For another controller,
   * use `exposeWebUiWithGateway()`, whose HTTPRoute rewrites the prefix portably.
   *
   * @default '/'
   */
  readonly path?: string;

  /**
   * The IngressClass of the controller that serves the Ingress. Needed with `authentication`
   * (annotations are honoured by one controller only; see `ingressController` for a custom
   * class name) and with a `path` prefix.
   *
   * @default - the cluster's default IngressClass (only with `allowUnauthenticatedAccess`)
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
const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * A `networking.k8s.io/v1` Ingress to the REST service Flink creates for a cluster
 * (`<cluster>-rest`, on `rest.port`, default 8081), which serves the web UI; with a path
 * prefix, also `<name>-redirect`, which sends the bare prefix to the prefix with a slash.
 *
 * Synth fails unless the Ingress authenticates with the controller that serves its class, or
 * the exposure is accepted explicitly (rule `web-ui-exposure`); see `WebUiAccessOptions` and
 * docs/web-ui.md. The Ingress is the construct's default child, id `Resource`.
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
    this.options = props;
    const checked = checkedAt(this, () => {
      const name = props.metadata?.name ?? `${props.cluster.name}-web-ui`;
      checkObjectName('metadata.name', name);
      checkExposureNames(props);
      checkMetadataKeys('metadata', props.metadata);
      if (props.metadata?.namespace !== undefined && props.metadata.namespace !== props.cluster.namespace) {
        throw propError('metadata.namespace', `'metadata.namespace' must be the cluster's namespace '${props.cluster.namespace}' (got '${props.metadata.namespace}'): an Ingress can only route to a Service in its own namespace.`);
      }
      if (props.host !== undefined && !HOST.test(props.host)) {
        throw propError('host', `'host' must be a lowercase DNS name such as 'flink.example.com' (got '${props.host}').`);
      }
      if (props.tlsSecretName !== undefined && props.host === undefined) {
        throw propError('tlsSecretName', "'tlsSecretName' needs 'host': a TLS certificate is issued for a host name. Set 'host', e.g. 'flink.example.com'.");
      }
      const path = normalizePathPrefix('path', props.path);
      if (path !== '/') {
        checkPathPrefixController(props, path);
        checkObjectName('metadata.name', `${name}-redirect`);
      }
      return { name, path };
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
        annotations: this.renderAnnotations(this.path === '/' ? {} : {
          [`${NGINX}/use-regex`]: 'true',
          [`${NGINX}/rewrite-target`]: '/$1',
        }),
      },
      spec: Lazy.any({
        produce: () => this.renderSpec(this.path === '/'
          ? { path: '/', pathType: 'Prefix' }
          : { path: `${escapeRegex(this.path)}/(.*)`, pathType: 'ImplementationSpecific' }),
      }),
    });
    if (this.path !== '/') {
      new k8s.KubeIngress(this, 'Redirect', {
        metadata: {
          ...props.metadata,
          name: `${this.name}-redirect`,
          namespace: props.cluster.namespace,
          annotations: this.renderAnnotations({ [`${NGINX}/permanent-redirect`]: this.url! }),
        },
        spec: Lazy.any({ produce: () => this.renderSpec({ path: this.path, pathType: 'Exact' }) }),
      });
    }
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

  private renderAnnotations(routing: { [key: string]: string }): { [key: string]: string } {
    return {
      ...routing,
      ...(this.options.allowUnauthenticatedAccess === true ? { [FlinkAnnotations.UNAUTHENTICATED_WEB_UI]: 'true' } : {}),
      ...(this.options.ingressController === undefined ? {} : { [FlinkAnnotations.INGRESS_CONTROLLER]: this.options.ingressController }),
      ...this.options.authentication?.annotations,
      ...this.options.metadata?.annotations,
      ...this.options.annotations,
    };
  }

  private renderSpec(route: { path: string; pathType: string }): k8s.IngressSpec {
    return {
      ingressClassName: this.options.ingressClassName,
      rules: [{
        host: this.host,
        http: {
          paths: [{
            ...route,
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

/**
 * A path prefix is rewritten and redirected with ingress-nginx annotations, to an absolute
 * URL: it needs an ingress-nginx class and a host.
 */
function checkPathPrefixController(props: ExposeWebUiOptions, path: string): void {
  const controller = props.ingressController ?? (props.ingressClassName === undefined ? undefined : wellKnownController(props.ingressClassName));
  const other = 'for another controller, use exposeWebUiWithGateway(), whose HTTPRoute rewrites the prefix portably, or serve the UI at \'/\'';
  if (props.ingressClassName === undefined) {
    throw propError('path', `'path' '${path}' is rewritten with ingress-nginx annotations, which other controllers ignore: set 'ingressClassName' to an ingress-nginx class (e.g. 'nginx'); ${other}.`);
  }
  if (controller !== IngressController.INGRESS_NGINX) {
    const served = controller === undefined ? `cannot tell which controller serves class '${props.ingressClassName}' (set 'ingressController' if it is ingress-nginx)` : `class '${props.ingressClassName}' is served by ${controller}`;
    throw propError('path', `'path' '${path}' is rewritten with ingress-nginx annotations, but ${served}; ${other}.`);
  }
  if (props.host === undefined) {
    throw propError('path', `'path' '${path}' needs 'host': the bare prefix is redirected to the absolute URL of the prefix with a trailing slash. Set 'host', e.g. 'flink.example.com'.`);
  }
}
