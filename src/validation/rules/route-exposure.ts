/**
 * The web UI exposure rule for the routing kinds other than Ingress and HTTPRoute: OpenShift
 * Routes, the Gateway API's GRPCRoute, TLSRoute, TCPRoute and UDPRoute, Istio VirtualServices,
 * Traefik IngressRoutes and Contour HTTPProxies. A route whose backend is a cluster's REST
 * endpoint (`<cluster>-rest`, or a Service that reaches it: web-ui/exposed-cluster.ts) must
 * authenticate where cdk8s-flink can see it (a Traefik authentication Middleware, Contour's
 * external authorization), or carry the explicit opt-in. Where the kind's authentication lives
 * outside the route (an Istio AuthorizationPolicy, a proxy in front of an OpenShift Route) or
 * cannot exist (a TCP or TLS passthrough carries HTTP the Gateway never reads), the rule fails
 * closed: the opt-in is the visible statement that something else authenticates, or that nothing
 * needs to.
 */
import { FlinkAnnotations } from '../../constants';
import { RuleContext } from '../context';
import { clusterOfService, ExposedCluster, exposureSeverity, optedIn, stakes, submissionNote } from '../web-ui/exposed-cluster';

/** A Service a route sends requests to, and where the route names it. */
interface RouteBackend {
  readonly service: string;
  readonly namespace?: string;
  readonly path: string;
  /** The route (`spec.routes[i]`) that names it, for the kinds whose routes carry their authentication. */
  readonly route?: any;
}

interface RouteKind {
  /** The API groups of the kind, as `apiVersion` prefixes. */
  readonly groups: ReadonlyArray<string>;
  /** e.g. `OpenShift Route`. */
  readonly label: string;
  readonly backends: (spec: any, namespace: string | undefined) => RouteBackend[];
  /** Whether the route authenticates requests to `backend`, as far as the manifests show. */
  readonly authenticates?: (context: RuleContext, spec: any, backend: RouteBackend) => boolean;
  /** Why the rule cannot see an authentication of this kind, and what would do it. */
  readonly why: string;
}

const isMap = (value: unknown): value is { [key: string]: any } => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);

/** `backendRefs` of Gateway API rules that name a core Service. */
function gatewayBackends(spec: any): RouteBackend[] {
  const backends: RouteBackend[] = [];
  list(spec?.rules).forEach((rule, r) => list(rule?.backendRefs).forEach((ref, b) => {
    if ((ref?.group ?? '') === '' && (ref?.kind ?? 'Service') === 'Service' && typeof ref?.name === 'string') {
      backends.push({ service: ref.name, namespace: typeof ref.namespace === 'string' ? ref.namespace : undefined, path: `spec.rules[${r}].backendRefs[${b}].name` });
    }
  }));
  return backends;
}

/** An Istio destination host: `name`, `name.namespace`, or `name.namespace.svc[.cluster.local]`. */
function istioHost(host: unknown, namespace: string | undefined): { service: string; namespace?: string } | undefined {
  if (typeof host !== 'string') {
    return undefined;
  }
  const match = /^([a-z0-9-]+)(?:\.([a-z0-9-]+)(?:\.svc(?:\.cluster\.local)?)?)?\.?$/i.exec(host.trim());
  return match === null ? undefined : { service: match[1].toLowerCase(), namespace: match[2]?.toLowerCase() ?? namespace };
}

function istioBackends(spec: any, namespace: string | undefined): RouteBackend[] {
  const backends: RouteBackend[] = [];
  for (const section of ['http', 'tls', 'tcp']) {
    list(spec?.[section]).forEach((route, r) => list(route?.route).forEach((destination, d) => {
      const host = istioHost(destination?.destination?.host, namespace);
      if (host !== undefined) {
        backends.push({ ...host, path: `spec.${section}[${r}].route[${d}].destination.host` });
      }
    }));
  }
  return backends;
}

/** Traefik's Middleware sections that authenticate. */
const TRAEFIK_AUTHENTICATING = ['basicAuth', 'digestAuth', 'forwardAuth'];

function traefikBackends(spec: any): RouteBackend[] {
  const backends: RouteBackend[] = [];
  list(spec?.routes).forEach((route, r) => list(route?.services).forEach((service, s) => {
    if ((service?.kind ?? 'Service') === 'Service' && typeof service?.name === 'string') {
      backends.push({ service: service.name, namespace: typeof service.namespace === 'string' ? service.namespace : undefined, path: `spec.routes[${r}].services[${s}].name`, route });
    }
  }));
  return backends;
}

/** A route of the IngressRoute whose middlewares include one of the set that authenticates. */
function traefikAuthenticates(context: RuleContext, _spec: any, backend: RouteBackend): boolean {
  return list(backend.route?.middlewares).some((reference) => {
    const middleware = typeof reference?.name === 'string'
      ? context.index.find('Middleware', reference.name, typeof reference.namespace === 'string' ? reference.namespace : context.namespace) : undefined;
    return middleware !== undefined && TRAEFIK_AUTHENTICATING.some((section) => isMap(middleware.spec?.[section]));
  });
}

function contourBackends(spec: any): RouteBackend[] {
  const backends: RouteBackend[] = [];
  list(spec?.routes).forEach((route, r) => list(route?.services).forEach((service, s) => {
    if (typeof service?.name === 'string') {
      backends.push({ service: service.name, path: `spec.routes[${r}].services[${s}].name`, route });
    }
  }));
  return backends;
}

/** Contour's external authorization on the virtual host, not disabled on the route. */
function contourAuthenticates(_context: RuleContext, spec: any, backend: RouteBackend): boolean {
  return isMap(spec?.virtualhost?.authorization) && backend.route?.authPolicy?.disabled !== true;
}

const GATEWAY = ['gateway.networking.k8s.io/'];
const PASSTHROUGH = 'it passes connections through to the REST endpoint, and the Gateway never reads the HTTP requests in them, so nothing on the route can authenticate them';

const ROUTE_KINDS: { readonly [kind: string]: RouteKind } = {
  Route: {
    groups: ['route.openshift.io/'],
    label: 'OpenShift Route',
    backends: (spec) => {
      const backends: RouteBackend[] = [];
      if ((spec?.to?.kind ?? 'Service') === 'Service' && typeof spec?.to?.name === 'string') {
        backends.push({ service: spec.to.name, path: 'spec.to.name' });
      }
      list(spec?.alternateBackends).forEach((backend, b) => {
        if ((backend?.kind ?? 'Service') === 'Service' && typeof backend?.name === 'string') {
          backends.push({ service: backend.name, path: `spec.alternateBackends[${b}].name` });
        }
      });
      return backends;
    },
    why: 'an OpenShift Route has no authentication of its own: route to an authenticating proxy (e.g. oauth-proxy) in front of the REST Service instead',
  },
  GRPCRoute: { groups: GATEWAY, label: 'GRPCRoute', backends: gatewayBackends, why: 'cdk8s-flink cannot see an authentication of a GRPCRoute, and the REST endpoint speaks HTTP, not gRPC' },
  TLSRoute: { groups: GATEWAY, label: 'TLSRoute', backends: gatewayBackends, why: PASSTHROUGH },
  TCPRoute: { groups: GATEWAY, label: 'TCPRoute', backends: gatewayBackends, why: PASSTHROUGH },
  UDPRoute: { groups: GATEWAY, label: 'UDPRoute', backends: gatewayBackends, why: PASSTHROUGH },
  VirtualService: {
    groups: ['networking.istio.io/'],
    label: 'Istio VirtualService',
    backends: istioBackends,
    why: 'Istio authenticates with a RequestAuthentication and an AuthorizationPolicy on the gateway or the workload, outside the VirtualService, which cdk8s-flink cannot see',
  },
  IngressRoute: {
    groups: ['traefik.io/', 'traefik.containo.us/'],
    label: 'Traefik IngressRoute',
    backends: traefikBackends,
    authenticates: traefikAuthenticates,
    why: `name a Middleware of the set with ${TRAEFIK_AUTHENTICATING.join(', ')} in the route's middlewares`,
  },
  HTTPProxy: {
    groups: ['projectcontour.io/'],
    label: 'Contour HTTPProxy',
    backends: contourBackends,
    authenticates: contourAuthenticates,
    why: 'set spec.virtualhost.authorization (Contour\'s external authorization) and leave it enabled on the route',
  },
};

/** The routing kinds this rule judges, for the engine's table. */
export const ROUTE_EXPOSURE_KINDS: ReadonlyArray<string> = Object.keys(ROUTE_KINDS);

function problem(context: RuleContext, kind: RouteKind, cluster: ExposedCluster): string {
  return `${kind.label} '${context.name}' sends requests to the REST endpoint of ${cluster.description}, and no authentication in front of it is visible: ${stakes(cluster)}`
    + ` Fix it: ${kind.why}; or, when something cdk8s-flink cannot see authenticates (or the exposure is meant), state it with the annotation '${FlinkAnnotations.UNAUTHENTICATED_WEB_UI}: "true"' on the ${kind.label}.${submissionNote(cluster)}`;
}

/** A route of another kind whose backend is a Flink cluster's REST endpoint. */
export function checkRouteExposure(context: RuleContext): void {
  const kind = ROUTE_KINDS[context.kind];
  const apiVersion = context.manifest.apiVersion;
  if (kind === undefined || typeof apiVersion !== 'string' || !kind.groups.some((group) => apiVersion.startsWith(group))
    || optedIn(context.manifest.metadata?.annotations)) {
    return;
  }
  for (const backend of kind.backends(context.spec, context.namespace)) {
    const cluster = clusterOfService(context, backend.service, backend.namespace ?? context.namespace);
    if (cluster === undefined || kind.authenticates?.(context, context.spec, backend) === true) {
      continue;
    }
    context.report('web-ui-exposure', backend.path, problem(context, kind, cluster), exposureSeverity(context, cluster));
    return;
  }
}
