/**
 * `metadata.name` of every Flink kind: the API server takes only a DNS-1123 subdomain (at most
 * 253 characters), and the operator puts a FlinkSessionJob's name in a label value of the
 * snapshots it takes for the job (`job-reference.name`), which holds at most 63 characters.
 *
 * FlinkDeployment and FlinkBlueGreenDeployment names have stricter rules of their own
 * (`deployment-name`, `bluegreen-name`), which report them instead.
 */
import { RuleContext } from '../context';

/** Lowercase alphanumerics and '-', between dots, starting and ending with an alphanumeric. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_SUBDOMAIN = 253;
const MAX_LABEL_VALUE = 63;

/** Kinds whose own name rule is stricter than a DNS-1123 subdomain. */
const STRICTER_RULE = new Set(['FlinkDeployment', 'FlinkBlueGreenDeployment']);

/** Why a name is no DNS-1123 subdomain, or undefined. The length is checked before the pattern. */
export function dnsSubdomainProblem(name: string): string | undefined {
  if (name.length > MAX_SUBDOMAIN) {
    return `is ${name.length} characters long; the API server takes at most ${MAX_SUBDOMAIN}`;
  }
  if (!DNS_SUBDOMAIN.test(name)) {
    return "is not a valid Kubernetes name (a DNS-1123 subdomain): use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
  }
  return undefined;
}

export function checkResourceName(context: RuleContext): void {
  const name = context.manifest.metadata?.name;
  if (typeof name !== 'string' || name === '' || STRICTER_RULE.has(context.kind)) {
    return; // a missing name is manifest-shape
  }
  const problem = dnsSubdomainProblem(name);
  const shown = () => JSON.stringify(name.length > 80 ? `${name.slice(0, 77)}...` : name);
  if (problem !== undefined) {
    context.report('resource-name', 'metadata.name', `The ${context.kind} name ${shown()} ${problem}; the API server rejects the resource.`);
  } else if (context.kind === 'FlinkSessionJob' && name.length > MAX_LABEL_VALUE) {
    context.report('resource-name', 'metadata.name',
      `The FlinkSessionJob name ${shown()} is ${name.length} characters long; the operator puts it in the label 'job-reference.name' of the job's snapshots, and a label value holds at most ${MAX_LABEL_VALUE}. Use a name of at most ${MAX_LABEL_VALUE} characters.`);
  }
}
