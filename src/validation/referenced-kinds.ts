/**
 * The kinds other than the Flink ones that rules read: to resolve references (a FlinkDeployment's
 * service account and the Roles bound to it) and to check what exposes a cluster's web UI (an
 * Ingress). Of any other manifest the engine needs only its kind and name.
 */
export const REFERENCED_KINDS: ReadonlySet<string> = new Set(['Role', 'RoleBinding', 'ClusterRole', 'ServiceAccount', 'Ingress']);
