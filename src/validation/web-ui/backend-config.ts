/**
 * GKE Ingress authenticates through Identity-Aware Proxy, configured on the backend Service: a
 * BackendConfig (`cloud.google.com/v1`) with `iap.enabled: true`, attached to the REST Service by
 * its annotation `cloud.google.com/backend-config`. Flink writes the REST Service, so the
 * annotation comes from the cluster's `kubernetes.rest-service.annotations`.
 */
import { REST_SERVICE_ANNOTATIONS } from '../../private/options/flink-options';
import { mainKey } from '../../private/options/option';
import { RuleContext } from '../context';
import { ExposedCluster } from './exposed-cluster';

export const BACKEND_CONFIG_ANNOTATION = 'cloud.google.com/backend-config';

/** The BackendConfig names of the annotation's value: `{"default": name}` or `{"ports": {"8081": name}}`. */
function backendConfigNames(value: string): string[] | undefined {
  try {
    const parsed = JSON.parse(value);
    const ports = parsed?.ports !== null && typeof parsed?.ports === 'object' ? Object.values(parsed.ports) : [];
    const names = [parsed?.default, ...ports];
    return names.filter((name): name is string => typeof name === 'string');
  } catch {
    return undefined;
  }
}

export const GKE_FIX = `Fix it with 'authentication: WebUiAuthentication.gkeIdentityAwareProxy(<BackendConfig>)', which adds '${BACKEND_CONFIG_ANNOTATION}' `
  + `to flinkConfiguration '${mainKey(REST_SERVICE_ANNOTATIONS)}', and a BackendConfig whose 'spec.iap.enabled' is true.`;

/** Why the cluster's REST Service is not behind Identity-Aware Proxy, or undefined when it is. */
export function gkeIapProblem(context: RuleContext, cluster: ExposedCluster): string | undefined {
  const read = context.clusterConfiguration(cluster.spec).read(REST_SERVICE_ANNOTATIONS).read;
  if (!read.ok) {
    return `flinkConfiguration '${mainKey(REST_SERVICE_ANNOTATIONS)}' cannot be read (${read.reason})`;
  }
  const value = read.value?.get(BACKEND_CONFIG_ANNOTATION);
  if (value === undefined) {
    return `the REST Service of ${cluster.description} has no BackendConfig (annotation '${BACKEND_CONFIG_ANNOTATION}')`;
  }
  const names = backendConfigNames(value);
  if (names === undefined || names.length === 0) {
    return `'${BACKEND_CONFIG_ANNOTATION}' must be JSON such as '{"default":"flink-iap"}' (got '${value}')`;
  }
  const off = names.map((name) => context.index.find('BackendConfig', name, context.namespace))
    .find((config) => config !== undefined && config.spec?.iap?.enabled !== true);
  return off === undefined ? undefined : `BackendConfig '${off.metadata?.name}' does not turn Identity-Aware Proxy on ('spec.iap.enabled' is not true)`;
}
