/**
 * The kinds other than the Flink ones that rules read: to resolve references (a FlinkDeployment's
 * service account and the Roles bound to it) and to check what exposes a cluster's web UI (an
 * Ingress or an HTTPRoute) with what authenticates it (an IngressClass, a Traefik Middleware, a
 * GKE BackendConfig, an Envoy Gateway SecurityPolicy), and the Namespaces whose Pod Security labels
 * the pods must pass. Of any other manifest the engine needs only its kind and name.
 */
export const REFERENCED_KINDS: ReadonlySet<string> = new Set([
  'Role', 'RoleBinding', 'ClusterRole', 'ServiceAccount',
  'Ingress', 'HTTPRoute', 'IngressClass', 'Middleware', 'BackendConfig', 'SecurityPolicy', 'Namespace',
]);
