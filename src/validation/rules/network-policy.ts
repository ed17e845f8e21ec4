/**
 * NetworkPolicies in front of a Flink cluster's REST endpoint: a policy that lets every address
 * (`ipBlock` `0.0.0.0/0` or `::/0`) reach the JobManager pods' REST port protects nothing there.
 * Whether anything outside routes to the pods (a LoadBalancer, an Ingress, node ports) is not in
 * the policy, so it is a warning (`network-policy-rest-open`); the fix is to name who needs the
 * port (the Ingress controller's or Gateway's pods, the operator's).
 */
import { restBindPort } from '../checks/rest-port';
import { RuleContext } from '../context';

const isMap = (value: unknown): value is { [key: string]: any } => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);

/** Whether a label selector selects a pod with `labels` (matchLabels, and the four matchExpressions operators). */
export function selects(selector: unknown, labels: { readonly [key: string]: string }): boolean {
  if (!isMap(selector)) {
    return false;
  }
  const matchLabels = isMap(selector.matchLabels) ? selector.matchLabels : {};
  if (!Object.entries(matchLabels).every(([key, value]) => labels[key] === value)) {
    return false;
  }
  return list(selector.matchExpressions).every((expression) => {
    const key = String(expression?.key);
    const values = list(expression?.values).map(String);
    switch (expression?.operator) {
      case 'In': return key in labels && values.includes(labels[key]);
      case 'NotIn': return !(key in labels) || !values.includes(labels[key]);
      case 'Exists': return key in labels;
      case 'DoesNotExist': return !(key in labels);
      default: return false; // the API server refuses any other operator
    }
  });
}

/** Whether a CIDR holds every address. */
function everyAddress(cidr: unknown): boolean {
  if (typeof cidr !== 'string') {
    return false;
  }
  const [address, prefix, ...rest] = cidr.trim().split('/');
  return rest.length === 0 && prefix === '0' && (address === '0.0.0.0' || (address.includes(':') && /^[0:]+$/.test(address)));
}

/** Whether a rule's ports include `port` (no ports: every port), by number or by the container port's name `rest`. */
function opens(ports: unknown, port: number): boolean {
  const entries = list(ports);
  return entries.length === 0 || entries.some((entry) => {
    const value = entry?.port;
    if (value === undefined || value === null) {
      return (entry?.protocol ?? 'TCP') === 'TCP';
    }
    if (value === 'rest' || value === port || value === String(port)) {
      return true;
    }
    return typeof value === 'number' && typeof entry?.endPort === 'number' && value <= port && port <= entry.endPort;
  });
}

/** A NetworkPolicy that lets every address reach the REST port of a FlinkDeployment's JobManager pods. */
export function checkNetworkPolicyRestOpen(context: RuleContext): void {
  const spec = context.spec;
  const types = list(spec.policyTypes);
  if (types.length > 0 && !types.includes('Ingress')) {
    return;
  }
  for (const deployment of context.index.ofKind('FlinkDeployment')) {
    const namespace = deployment?.metadata?.namespace;
    if (typeof deployment?.metadata?.name !== 'string' || (context.namespace !== undefined && namespace !== undefined && namespace !== context.namespace)) {
      continue;
    }
    const model = context.modelOf(deployment);
    const labels = model.objects.jobManager.pod.metadata?.labels ?? {};
    if (!selects(spec.podSelector, labels)) {
      continue;
    }
    const port = restBindPort(model.operatorRead).port ?? 8081;
    for (const [r, rule] of list(spec.ingress).entries()) {
      const open = list(rule?.from).findIndex((peer) => everyAddress(peer?.ipBlock?.cidr) && list(peer?.ipBlock?.except).length === 0);
      if (open >= 0 && opens(rule?.ports, port)) {
        context.report('network-policy-rest-open', `spec.ingress[${r}].from[${open}].ipBlock.cidr`,
          `NetworkPolicy '${context.name}' lets every address ('${rule.from[open].ipBlock.cidr}') reach port ${port}, the REST endpoint of Flink cluster '${deployment.metadata.name}': `
          + 'on that port the policy protects nothing, and whoever the network routes to the pods can use the REST API. '
          + "Name who needs it instead: the Ingress controller's or Gateway's pods (restFrom: NetworkPeer.pods(...)), or the addresses of your load balancer.");
        return;
      }
    }
  }
}
