/**
 * `flinkConfiguration` keys that the operator replaces (`FlinkConfigBuilder`, see
 * model/deployment-configuration.ts): the process sizes from `resource.memory`, the image from
 * `spec.image`, the account from `spec.serviceAccount`, the parallelism of an application from its
 * job, and what the operator decides itself. The key has no effect, and what runs is not what the
 * manifest says there. (The keys the operator refuses outright are `forbidden-config-key`'s.)
 */
import { replacedConfigurationMessage } from '../checks/replaced-configuration';
import { FORBIDDEN_KEYS } from '../configuration';
import { RuleContext } from '../context';
import { childPath } from '../json-path';

const FORBIDDEN: ReadonlySet<string> = new Set(FORBIDDEN_KEYS);

export function checkReplacedConfiguration(context: RuleContext): void {
  for (const entry of context.modelOf(context.manifest).built.replaced) {
    if (!FORBIDDEN.has(entry.key)) {
      context.report('config-replaced', childPath('spec.flinkConfiguration', entry.key),
        replacedConfigurationMessage(entry.key, entry.configured, entry.by === 'operator' ? 'the operator' : entry.by, entry.value));
    }
  }
}
