/**
 * The port the REST endpoint listens on in a Flink cluster pod, which the REST Service targets:
 * `rest.bind-port`, falling back to `rest.port` (default 8081); the Service's own port is
 * `rest.port`. Shared by the NetworkPolicy construct, which must open it, and the rule that
 * judges it (`rest-bind-port`).
 *
 * In native mode Flink's Kubernetes client (in the operator) fixes the ports before it creates
 * the JobManager: a bind port of `0` becomes 8081, and one that is not a single whole number
 * (a range such as `50100-50200`, or a list) fails the deployment, as the Service needs one
 * target port (Flink 1.20 `KubernetesClusterDescriptor.deployClusterInternal` and
 * `KubernetesUtils.checkAndUpdatePortConfigOption`).
 */
import { EffectiveConfiguration } from '../../private/options/effective-configuration';
import { mainKey } from '../../private/options/option';
import { REST_BIND_PORT } from '../../private/options/rest-options';

/** The port Flink's client puts in place of a bind port of 0. */
const DEFAULT_BIND_PORT = 8081;

export interface RestBindPort {
  /** The key the value was found under (`rest.bind-port` or `rest.port`); undefined for the default. */
  readonly key?: string;
  /** The value as set. */
  readonly text: string;
  /** The port the pod listens on; undefined when the value names none. */
  readonly port?: number;
  /** Why the value names no port the Service can target, as a clause. */
  readonly problem?: string;
}

/** The REST bind port of a cluster's configuration. */
export function restBindPort(config: EffectiveConfiguration): RestBindPort {
  const found = config.lookup(REST_BIND_PORT);
  const text = found?.value ?? config.text(REST_BIND_PORT) ?? String(DEFAULT_BIND_PORT);
  // Java's Integer.parseInt: an optional sign and digits, nothing else (no blanks).
  if (!/^[+-]?\d{1,10}$/.test(text)) {
    return { key: found?.key, text, problem: `is '${text}', not one port: Flink's Kubernetes client needs a fixed port (it fails the deployment, "should be specified to a fixed port")` };
  }
  const port = Number(text);
  if (port === 0) {
    return { key: found?.key, text, port: DEFAULT_BIND_PORT };
  }
  if (port < 1 || port > 65535) {
    return { key: found?.key, text, problem: `is '${text}', not a port from 1 to 65535, which the REST Service cannot target` };
  }
  return { key: found?.key, text, port };
}

/** The main key, for messages. */
export const REST_BIND_PORT_KEY = mainKey(REST_BIND_PORT);
