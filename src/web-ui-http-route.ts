import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { IFlinkCluster } from './cluster';
import { FlinkAnnotations } from './constants';
import { HttpRouteAuthentication } from './http-route-authentication';
import type * as GatewayApi from './imports/gateway.networking.k8s.io';
import { onFirstUse } from './private/on-first-use';
import { checkObjectName } from './props/prop-checks';
import { checkedAt, propError } from './props/prop-errors';
import { normalizePathPrefix } from './render/url-path';
import { validateAppOnSynth } from './synth/app-validation';

// The generated Gateway API types, loaded when a route is made (see private/on-first-use.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gatewayApi = onFirstUse(() => require('./imports/gateway.networking.k8s.io') as typeof GatewayApi);

/**
 * Options of `exposeWebUiWithGateway()`: a Gateway API HTTPRoute to the web UI.
 */
export interface ExposeWebUiWithGatewayOptions {
  /** The Gateway the route attaches to (`parentRefs[].name`). */
  readonly gatewayName: string;

  /**
   * The Gateway's namespace. Its listener must allow routes from the cluster's namespace
   * (`allowedRoutes`).
   *
   * @default - the route's namespace
   */
  readonly gatewayNamespace?: string;

  /**
   * The Gateway listener the route attaches to (`parentRefs[].sectionName`).
   *
   * @default - every listener that accepts it
   */
  readonly sectionName?: string;

  /**
   * Host names the route serves (`hostnames`), e.g. `flink.example.com` or `*.example.com`.
   *
   * @default - every host name of the listener
   */
  readonly hostnames?: string[];

  /**
   * Path prefix the UI is served under, e.g. `/flink`: a plain path (letters, digits, `.`,
   * `_`, `~`, `-` in each segment). The route rewrites `/flink/...` to `/...` with the standard
   * `URLRewrite` filter (`ReplacePrefixMatch`) and redirects `/flink` to `/flink/` with a
   * `RequestRedirect`, because the UI loads its assets by relative paths.
   *
   * @default '/'
   */
  readonly path?: string;

  /**
   * What authenticates the route's requests: a filter or policy of the Gateway implementation.
   *
   * @default - none: synth fails unless `allowUnauthenticatedAccess` is set
   */
  readonly authentication?: HttpRouteAuthentication;

  /**
   * Accept that anyone who reaches the route can use the web UI and REST API. The route is
   * annotated `cdk8s-flink/unauthenticated-web-ui: "true"` so the choice stays visible.
   *
   * @default false
   */
  readonly allowUnauthenticatedAccess?: boolean;

  /**
   * Metadata of the HTTPRoute. Its namespace must be the cluster's.
   *
   * @default - named `<cluster>-web-ui`, in the cluster's namespace
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * Props of `FlinkWebUiHttpRoute`.
 */
export interface FlinkWebUiHttpRouteProps extends ExposeWebUiWithGatewayOptions {
  /** The cluster whose web UI is exposed. */
  readonly cluster: IFlinkCluster;
}

const DNS_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * A Gateway API `gateway.networking.k8s.io/v1` HTTPRoute (standard channel) to the REST
 * service Flink creates for a cluster (`<cluster>-rest`, on `rest.port`), attached to a Gateway.
 *
 * Synth fails unless the route names what authenticates it, or the exposure is accepted
 * explicitly (rule `web-ui-exposure`). The HTTPRoute is the construct's default child, id
 * `Resource`.
 *
 * @see https://gateway-api.sigs.k8s.io/api-types/httproute/
 */
export class FlinkWebUiHttpRoute extends Construct {
  /** The name of the HTTPRoute. */
  public readonly name: string;

  /** The path prefix the UI is served under (`/` or e.g. `/flink`). */
  public readonly path: string;

  /** The HTTPRoute API object; `ApiObject.of(route)` returns it too. */
  protected readonly apiObject: ApiObject;

  private readonly cluster: IFlinkCluster;
  private readonly options: ExposeWebUiWithGatewayOptions;

  constructor(scope: Construct, id: string, props: FlinkWebUiHttpRouteProps) {
    super(scope, id);
    this.cluster = props.cluster;
    this.options = props;
    const checked = checkedAt(this, () => {
      const name = props.metadata?.name ?? `${props.cluster.name}-web-ui`;
      checkObjectName('metadata.name', name);
      if (props.metadata?.namespace !== undefined && props.metadata.namespace !== props.cluster.namespace) {
        throw propError('metadata.namespace', `'metadata.namespace' must be the cluster's namespace '${props.cluster.namespace}' (got '${props.metadata.namespace}'): a route to a Service in another namespace needs a ReferenceGrant.`);
      }
      checkPattern('gatewayName', props.gatewayName, DNS_NAME, "a lowercase DNS name such as 'shared-gateway'");
      checkPattern('gatewayNamespace', props.gatewayNamespace, LABEL, "a namespace name such as 'gateway-system'");
      checkPattern('sectionName', props.sectionName, DNS_NAME, "a listener name such as 'https'");
      if ((props.hostnames ?? []).length > 16) {
        throw propError('hostnames', `'hostnames' may hold at most 16 names (got ${props.hostnames!.length}).`);
      }
      (props.hostnames ?? []).forEach((host, index) => {
        const what = "a lowercase host name such as 'flink.example.com', not an IP address";
        checkPattern(`hostnames[${index}]`, host, /^[0-9.]+$/.test(host) ? /^$/ : HOSTNAME, what);
      });
      return { name, path: normalizePathPrefix('path', props.path) };
    });
    this.name = checked.name;
    this.path = checked.path;

    const annotations = {
      ...(props.allowUnauthenticatedAccess === true ? { [FlinkAnnotations.UNAUTHENTICATED_WEB_UI]: 'true' } : {}),
      ...(props.authentication === undefined ? {} : { [FlinkAnnotations.AUTHENTICATED_BY]: props.authentication.reference }),
      ...props.metadata?.annotations,
    };
    // Like the Ingress, the route follows its cluster, and renders at synth: `rest.port` may
    // still change after this call.
    this.apiObject = new (gatewayApi().HttpRoute)(this, 'Resource', {
      metadata: { ...props.metadata, name: this.name, namespace: props.cluster.namespace, annotations },
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    validateAppOnSynth(this);
  }

  private renderSpec(): GatewayApi.HttpRouteSpec {
    const gateway = gatewayApi();
    const authentication = this.options.authentication?._filter;
    const backend: GatewayApi.HttpRouteSpecRules = {
      matches: [{ path: { type: gateway.HttpRouteSpecRulesMatchesPathType.PATH_PREFIX, value: this.path } }],
      filters: [
        ...(this.path === '/' ? [] : [{
          type: gateway.HttpRouteSpecRulesFiltersType.URL_REWRITE,
          urlRewrite: { path: { type: gateway.HttpRouteSpecRulesFiltersUrlRewritePathType.REPLACE_PREFIX_MATCH, replacePrefixMatch: '/' } },
        }]),
        ...(authentication === undefined ? [] : [{ type: gateway.HttpRouteSpecRulesFiltersType.EXTENSION_REF, extensionRef: { ...authentication } }]),
      ],
      backendRefs: [{ name: this.cluster.restServiceName, port: this.cluster.restPort }],
    };
    const redirect: GatewayApi.HttpRouteSpecRules = {
      matches: [{ path: { type: gateway.HttpRouteSpecRulesMatchesPathType.EXACT, value: this.path } }],
      filters: [{
        type: gateway.HttpRouteSpecRulesFiltersType.REQUEST_REDIRECT,
        requestRedirect: {
          path: { type: gateway.HttpRouteSpecRulesFiltersRequestRedirectPathType.REPLACE_FULL_PATH, replaceFullPath: `${this.path}/` },
          statusCode: gateway.HttpRouteSpecRulesFiltersRequestRedirectStatusCode.VALUE_301,
        },
      }],
    };
    return {
      parentRefs: [{ name: this.options.gatewayName, namespace: this.options.gatewayNamespace, sectionName: this.options.sectionName }],
      hostnames: this.options.hostnames,
      rules: this.path === '/' ? [{ ...backend, filters: backend.filters!.length === 0 ? undefined : backend.filters }] : [backend, redirect],
    };
  }
}

function checkPattern(prop: string, value: string | undefined, pattern: RegExp, what: string): void {
  if (value !== undefined && (value.length > 253 || !pattern.test(value))) {
    throw propError(prop, `'${prop}' must be ${what} (got '${value}').`);
  }
}
