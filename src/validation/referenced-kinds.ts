/**
 * The kinds the engine knows by name, in a module of their own so that reading them loads
 * nothing else (the CRD schemas load with the engine, on first use).
 */

/**
 * The kinds of the operator's CRDs (flink.apache.org). test/validation/kinds.test.ts checks that
 * they are exactly the kinds of the generated CRD schemas.
 */
export const FLINK_KINDS: ReadonlySet<string> = new Set(['FlinkDeployment', 'FlinkSessionJob', 'FlinkStateSnapshot', 'FlinkBlueGreenDeployment']);

/** Whether a kind is one of the operator's CRDs. */
export function isFlinkKind(kind: unknown): boolean {
  return typeof kind === 'string' && FLINK_KINDS.has(kind);
}

/** The `kind` of findings about the validation options rather than a manifest. */
export const OPTIONS_KIND = 'ValidationOptions';

/**
 * The kinds other than the Flink ones that rules read: to resolve references (a FlinkDeployment's
 * service account and the Roles bound to it) and to check what exposes a cluster's web UI (an
 * Ingress, an HTTPRoute, another kind of route, or a Service that selects its JobManager pods) with what authenticates it (an IngressClass, a Traefik Middleware, a
 * GKE BackendConfig, an Envoy Gateway SecurityPolicy), and the Namespaces whose Pod Security labels
 * the pods must pass. Of any other manifest the engine needs only its kind and name.
 */
export const REFERENCED_KINDS: ReadonlySet<string> = new Set([
  'Role', 'RoleBinding', 'ClusterRole', 'ServiceAccount',
  'Ingress', 'HTTPRoute', 'IngressClass', 'Middleware', 'BackendConfig', 'SecurityPolicy', 'Namespace', 'Service',
  'Route', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'VirtualService', 'IngressRoute', 'HTTPProxy', 'NetworkPolicy',
]);
