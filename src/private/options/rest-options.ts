/**
 * Flink's REST options beyond `rest.port` (flink-options.ts): the port the REST server binds to,
 * which the REST Service Flink creates in native mode targets.
 */
import { option, versioned } from './option';
import { STRING } from './value-type';

const always = (key: string) => [versioned(key)];

/**
 * The port the REST server binds to, which the REST Service targets (its `port` is `rest.port`):
 * a string, as a plain Flink process takes a range too; falls back to `rest.port`.
 */
export const REST_BIND_PORT = option({
  keys: always('rest.bind-port'),
  fallbackKeys: always('rest.port'),
  type: STRING,
  defaults: [versioned('8081')],
  reader: 'flink',
  source: 'RestOptions.BIND_PORT (falls back to rest.port; the REST Service targetPort, KubernetesJobManagerParameters.getRestBindPort)',
});
