/**
 * The operator's naming rules for Flink resources, as predicates that the rules and the
 * constructs share: one text per rule.
 */

/**
 * The operator's FlinkDeployment name rule: a lowercase letter first, then letters, digits and
 * '-', ending in a letter or digit, at most 45 characters (Flink derives Service and ConfigMap
 * names from it).
 */
const DEPLOYMENT_NAME = /^[a-z]([-a-z\d]{0,43}[a-z\d])?$/;

/** A blue/green deployment's children add `-green`: at most 39 characters leave room for it. */
const BLUE_GREEN_NAME = /^[a-z]([-a-z\d]{0,37}[a-z\d])?$/;

function got(name: unknown): string {
  return typeof name === 'string' ? `'${name}', ${name.length} characters` : JSON.stringify(name) ?? String(name);
}

/** What is wrong with a FlinkDeployment name, or undefined when it passes the operator's rule. */
export function deploymentNameProblem(name: unknown): string | undefined {
  if (typeof name === 'string' && DEPLOYMENT_NAME.test(name)) {
    return undefined;
  }
  return `must start with a lowercase letter, contain only lowercase letters, digits and '-', end with a letter or digit, and be at most 45 characters (got ${got(name)})`;
}

/** What is wrong with a FlinkBlueGreenDeployment name, or undefined when `<name>-green` fits the FlinkDeployment rule. */
export function blueGreenNameProblem(name: unknown): string | undefined {
  if (typeof name === 'string' && BLUE_GREEN_NAME.test(name)) {
    return undefined;
  }
  const child = typeof name === 'string' ? `'${name}-green'` : 'its child <name>-green';
  return `must start with a lowercase letter, contain only lowercase letters, digits and '-', end with a letter or digit, and be at most 39 characters, so that ${child} fits the operator's 45-character limit (got ${got(name)})`;
}
