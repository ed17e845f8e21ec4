/**
 * A `flinkConfiguration` key that the operator replaces with a value of its own, written from a
 * spec field (`FlinkConfigBuilder`: `resource.memory` becomes the process size, `spec.image` the
 * container image, ...) or decided by the operator itself: what runs is the replacement, and the
 * key has no effect. The `FlinkDeployment` constructs (at construction) and the
 * `config-replaced` rule (on manifests) both say it with this message.
 */

/**
 * The message for a replaced key.
 *
 * @param key the key, as flinkConfiguration sets it
 * @param configured the value flinkConfiguration gives it
 * @param by what replaces it, as each side names it: a spec field (`spec.taskManager.resource.memory`), a prop (`'taskManager.memory'`), or the operator
 * @param value the value that runs instead, when known
 */
export function replacedConfigurationMessage(key: string, configured: string, by: string, value: string | undefined): string {
  const runs = value === undefined ? `the value of ${by} runs` : `'${value}' runs`;
  const fix = by === 'the operator' ? 'Remove the key: the operator sets it for every cluster.' : `Set ${by} instead, and remove the key.`;
  return `flinkConfiguration '${key}' is '${configured}', but the operator replaces it from ${by}: ${runs}, and the key has no effect. ${fix}`;
}
