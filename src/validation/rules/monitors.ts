/**
 * Prometheus Operator monitors of Flink pods: a PodMonitor (or a ServiceMonitor, through a Service
 * of the set) that selects a FlinkDeployment's JobManager or TaskManager pods must scrape a port
 * name those pods have. The pods are the model of objects (model/cluster-objects.ts): the operator's
 * merge of the pod templates, which replaces a common template's `ports` by a process template's
 * position by position unless `kubernetes.operator.pod-template.merge-arrays-by-name` is true, and
 * the ports Flink adds. A monitor that targets a missing port name scrapes nothing, silently.
 */
import { RuleContext } from '../context';
import { childPath } from '../json-path';
import { FlinkPodObject } from '../model/cluster-objects';
import { FLINK_MAIN_CONTAINER } from '../pods/flink-pods';

const isObject = (value: unknown): value is { [key: string]: any } => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether a label selector (`matchLabels`, `matchExpressions`) selects these labels; an empty or unreadable selector selects nothing here. */
function selects(selector: unknown, labels: { readonly [key: string]: unknown }): boolean {
  if (!isObject(selector)) {
    return false;
  }
  const matchLabels = isObject(selector.matchLabels) ? Object.entries(selector.matchLabels) : [];
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  if (matchLabels.length === 0 && expressions.length === 0) {
    return false; // selects every pod of the namespace: not aimed at Flink's pods
  }
  const has = (key: unknown) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(labels, key);
  return matchLabels.every(([key, value]) => has(key) && labels[key] === value) && expressions.every((expression: any) => {
    if (!isObject(expression) || typeof expression.key !== 'string') {
      return false;
    }
    const values: unknown[] = Array.isArray(expression.values) ? expression.values : [];
    switch (expression.operator) {
      case 'In': return has(expression.key) && values.includes(labels[expression.key]);
      case 'NotIn': return !has(expression.key) || !values.includes(labels[expression.key]);
      case 'Exists': return has(expression.key);
      case 'DoesNotExist': return !has(expression.key);
      default: return false;
    }
  });
}

/** Whether a monitor's `namespaceSelector` (its own namespace by default) reaches a namespace. */
function reachesNamespace(context: RuleContext, namespaceSelector: unknown, namespace: unknown): boolean {
  if (isObject(namespaceSelector) && namespaceSelector.any === true) {
    return true;
  }
  if (isObject(namespaceSelector) && Array.isArray(namespaceSelector.matchNames) && namespaceSelector.matchNames.length > 0) {
    return namespaceSelector.matchNames.includes(namespace);
  }
  return namespace === context.namespace;
}

/** The container port names of a pod (every container's). */
function portNames(pod: FlinkPodObject): Set<string> {
  const containers = Array.isArray(pod.pod.spec.containers) ? pod.pod.spec.containers : [];
  return new Set(containers.flatMap((container: any) => (isObject(container) && Array.isArray(container.ports) ? container.ports : []))
    .filter((port: any) => isObject(port) && typeof port.name === 'string')
    .map((port: any) => port.name as string));
}

/** Why a port name is missing, when the common template declares it on the main container and a process template's ports replaced it. */
function mergeNote(deployment: any, pod: FlinkPodObject, port: string): string {
  const mainPorts = (template: any) => (Array.isArray(template?.spec?.containers) ? template.spec.containers : [])
    .filter((container: any) => isObject(container) && container.name === FLINK_MAIN_CONTAINER)
    .flatMap((container: any) => (Array.isArray(container.ports) ? container.ports : []));
  const common = mainPorts(deployment?.spec?.podTemplate);
  if (!common.some((entry: any) => isObject(entry) && entry.name === port) || pod.merged.templatePath === 'spec.podTemplate') {
    return ` Declare a container port named '${port}' on '${FLINK_MAIN_CONTAINER}' (the constructs' 'metrics.prometheusPort' does).`;
  }
  return ` spec.podTemplate declares it, but ${pod.merged.templatePath} declares ports on '${FLINK_MAIN_CONTAINER}' too, and the operator merges lists position by position `
    + "unless 'kubernetes.operator.pod-template.merge-arrays-by-name' is 'true': its ports replace the common ones. Repeat the port in "
    + `${pod.merged.templatePath}, or set that key to 'true' in flinkConfiguration (every container, port and volume must then have a name).`;
}

type SelectedPod = { deployment: any; pod: FlinkPodObject };

/** The selected pods of the FlinkDeployments in the namespaces a monitor reaches. */
function selectedPods(context: RuleContext, namespaceSelector: unknown, selector: (pod: FlinkPodObject) => boolean): SelectedPod[] {
  const selected: SelectedPod[] = [];
  for (const deployment of context.index.ofKind('FlinkDeployment')) {
    if (!reachesNamespace(context, namespaceSelector, deployment?.metadata?.namespace)) {
      continue;
    }
    const objects = context.modelOf(deployment).objects;
    for (const pod of [objects.jobManager, objects.taskManager]) {
      if (selector(pod)) {
        selected.push({ deployment, pod });
      }
    }
  }
  return selected;
}

function describe(pods: ReadonlyArray<SelectedPod>): string {
  const components = pods.map(({ pod }) => pod.component).join(' and ');
  return `the ${components} ${pods.length > 1 ? 'pods' : 'pod'} of FlinkDeployment '${pods[0].deployment.metadata.name}'`;
}

/** Reports a port name that the selected pods of one deployment lack. */
function reportMissing(context: RuleContext, path: string, port: string, lacking: SelectedPod[], via: string): void {
  const byDeployment = new Map<any, SelectedPod[]>();
  lacking.forEach((entry) => byDeployment.set(entry.deployment, [...(byDeployment.get(entry.deployment) ?? []), entry]));
  for (const pods of byDeployment.values()) {
    const have = [...portNames(pods[0].pod)].map((name) => `'${name}'`).join(', ') || 'none';
    context.report('monitor-port-missing', path,
      `${context.kind} '${context.name}' ${via}'${port}' of ${describe(pods)}, which ${pods.length > 1 ? 'have' : 'has'} no container port of that name `
      + `(the ports after the operator's merge and Flink's additions: ${have}): Prometheus scrapes nothing there.${mergeNote(pods[0].deployment, pods[0].pod, port)}`);
  }
}

/** A PodMonitor's `podMetricsEndpoints[].port` names a port of every Flink pod it selects. */
export function checkPodMonitorPorts(context: RuleContext): void {
  const spec = context.spec;
  const endpoints: unknown[] = Array.isArray(spec.podMetricsEndpoints) ? spec.podMetricsEndpoints : [];
  if (endpoints.length === 0) {
    return;
  }
  const pods = selectedPods(context, spec.namespaceSelector, (pod) => selects(spec.selector, pod.pod.metadata.labels ?? {}));
  endpoints.forEach((endpoint, index) => {
    const port = isObject(endpoint) ? endpoint.port : undefined;
    if (typeof port !== 'string' || port === '') {
      return;
    }
    const lacking = pods.filter(({ pod }) => !portNames(pod).has(port));
    reportMissing(context, childPath(childPath('spec.podMetricsEndpoints', index), 'port'), port, lacking, 'scrapes the port ');
  });
}

/** A ServiceMonitor's endpoint port, through a Service of the set whose `targetPort` is a name, names a port of the Flink pods that Service selects. */
export function checkServiceMonitorPorts(context: RuleContext): void {
  const spec = context.spec;
  const endpoints: unknown[] = Array.isArray(spec.endpoints) ? spec.endpoints : [];
  if (endpoints.length === 0) {
    return;
  }
  const services = context.index.ofKind('Service').filter((service) => isObject(service?.metadata)
    && reachesNamespace(context, spec.namespaceSelector, service.metadata.namespace)
    && selects(spec.selector, isObject(service.metadata.labels) ? service.metadata.labels : {}));
  endpoints.forEach((endpoint, index) => {
    const port = isObject(endpoint) ? endpoint.port : undefined;
    if (typeof port !== 'string' || port === '') {
      return;
    }
    for (const service of services) {
      const servicePort = (Array.isArray(service.spec?.ports) ? service.spec.ports : []).find((entry: any) => isObject(entry) && entry.name === port);
      const target = servicePort?.targetPort;
      const podSelector = service.spec?.selector;
      if (typeof target !== 'string' || !isObject(podSelector) || Object.keys(podSelector).length === 0) {
        continue;
      }
      const pods = selectedPods(context, { matchNames: [service.metadata.namespace] },
        (pod) => Object.entries(podSelector).every(([key, value]) => (pod.pod.metadata.labels ?? {})[key] === value));
      const lacking = pods.filter(({ pod }) => !portNames(pod).has(target));
      reportMissing(context, childPath(childPath('spec.endpoints', index), 'port'), target, lacking, `scrapes port '${port}' of Service '${service.metadata.name}', whose targetPort is `);
    }
  });
}
