/**
 * GKE Ingress authenticates through Identity-Aware Proxy, configured on the backend Service: a
 * BackendConfig (`cloud.google.com/v1`) with `iap.enabled: true`, attached to the REST Service by
 * its annotation `cloud.google.com/backend-config`. Flink writes the REST Service, so the
 * annotation comes from the cluster's `kubernetes.rest-service.annotations`.
 */
import { REST_PORT, REST_SERVICE_ANNOTATIONS } from '../../private/options/flink-options';
import { mainKey } from '../../private/options/option';
import { RuleContext } from '../context';
import { ExposedCluster } from './exposed-cluster';

export const BACKEND_CONFIG_ANNOTATION = 'cloud.google.com/backend-config';

/**
 * The BackendConfig that applies to the REST Service's port, from the annotation's value: the one
 * `ports` names for the port's number or name (`{"ports": {"8081": name}}`, `{"ports": {"rest": name}}`),
 * else `default`. Undefined for a value that is not such JSON; `name` undefined when none applies.
 */
function backendConfigOfPort(value: string, port: string, portName: string): { name?: string; ports: string[] } | undefined {
  try {
    const parsed = JSON.parse(value);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return undefined;
    }
    const ports = parsed.ports !== null && typeof parsed.ports === 'object' && !Array.isArray(parsed.ports) ? parsed.ports : {};
    const named = [ports[port], ports[portName], parsed.default].find((name): name is string => typeof name === 'string');
    return { name: named, ports: Object.keys(ports) };
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
  const port = context.clusterConfiguration(cluster.spec).text(REST_PORT) ?? '8081';
  const applies = backendConfigOfPort(value, port.trim(), 'rest');
  if (applies === undefined) {
    return `'${BACKEND_CONFIG_ANNOTATION}' must be JSON such as '{"default":"flink-iap"}' (got '${value}')`;
  }
  if (applies.name === undefined) {
    return `'${BACKEND_CONFIG_ANNOTATION}' gives no BackendConfig to the REST port: its 'ports' names ${applies.ports.map((key) => `'${key}'`).join(', ') || 'nothing'}, `
      + `not the port '${port.trim()}' or its name 'rest', and it has no 'default'`;
  }
  const config = context.index.find('BackendConfig', applies.name, context.namespace);
  return config === undefined || config.spec?.iap?.enabled === true ? undefined
    : `BackendConfig '${config.metadata?.name}' does not turn Identity-Aware Proxy on ('spec.iap.enabled' is not true)`;
}
