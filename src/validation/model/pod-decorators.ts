/**
 * The JobManager's and TaskManager's pods as the operator and Flink build them from the merged pod
 * templates: the operator's ephemeral storage and startup probe, then what Flink's decorators set
 * on the main container (image, pull policy, account, memory and CPU, ports, environment, host
 * network). Part of the model of objects (cluster-objects.ts, which describes the steps).
 */
import { BuiltConfiguration } from './deployment-configuration';
import { FlinkVersion } from '../../flink-version';
import { deriveJobManagerMemory } from '../../private/memory/job-manager';
import { versionRules } from '../../private/memory/options';
import { deriveTaskManagerMemory } from '../../private/memory/task-manager';
import * as D from '../../private/options/deployment-options';
import { EffectiveConfiguration, isBlank } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import { JM_STARTUP_PROBE } from '../../private/options/operator-options';
import { FlinkOption, mainKey } from '../../private/options/option';
import { childPath } from '../json-path';
import { FLINK_MAIN_CONTAINER, FlinkPod } from '../pods/flink-pods';


/** Where a value of the objects comes from. */
export interface ValueSource {
  /**
   * What decides it, for messages: a manifest field (`spec.image`), a configuration key
   * (`flinkConfiguration 'kubernetes.container.image.ref'`), the operator's configuration, or a default.
   */
  readonly source: string;
  /** The manifest path that sets it, when the manifest does. */
  readonly path?: string;
}

/** A value of the objects, and where it comes from. */
export interface ResolvedValue extends ValueSource {
  /** The value; undefined when it is a default the manifests cannot name (Flink's default image). */
  readonly value?: string;
  /** Whether the value is Flink's (or the operator's) default. */
  readonly isDefault: boolean;
}

/** What `image` says when no manifest field or configuration key names the image. */
export const FLINK_DEFAULT_IMAGE_TEXT = 'the image Flink defaults to (apache/flink:<Flink version>-scala_2.12)';

/** A container port: what the template declares, or what Flink adds. */
export interface ContainerPortObject {
  readonly name?: string;
  readonly containerPort?: number;
  /** `template` (the merged pod template declares it) or `flink` (a decorator adds it). */
  readonly from: 'template' | 'flink';
}

/** The JobManager's or TaskManager's pod (the pod template of their Deployment, or the pods the JobManager starts). */
export interface FlinkPodObject {
  readonly component: 'JobManager' | 'TaskManager';
  /** The merged template and where the manifest defines it (pods/flink-pods.ts). */
  readonly merged: FlinkPod;
  /** What runs the pods: `Deployment '<name>'`, or `pods the JobManager starts` (native TaskManagers). */
  readonly workload: string;
  /** The Deployment's replicas, when a Deployment runs the pods. */
  readonly replicas?: number;
  /** The pod, Kubernetes-shaped (`metadata`, `spec`), after the operator's and Flink's changes. */
  readonly pod: { readonly metadata: any; readonly spec: any };
  /** The main container in `pod.spec.containers`. */
  readonly main: any;
  readonly image: ResolvedValue;
  readonly imagePullPolicy: ResolvedValue;
  readonly serviceAccount: ResolvedValue;
  readonly hostNetwork: boolean;
  /** The main container's ports: the template's, then Flink's. */
  readonly ports: ReadonlyArray<ContainerPortObject>;
  /** The pod's labels that Flink sets (and Services select on). */
  readonly labels: { readonly [key: string]: string };
}

/** A Service Flink creates for the JobManager. */

/** What the model of objects needs of the model of a deployment (see deployment-model.ts). */
export interface ObjectsInput {
  readonly manifest: any;
  readonly built: BuiltConfiguration;
  /** What Flink's processes read from the configuration file. */
  readonly flink: EffectiveConfiguration;
  /** The built configuration as the operator's Flink library reads it (it builds the JobManager, the Services, standalone TaskManagers). */
  readonly operatorRead: EffectiveConfiguration;
}


export const isObject = (value: unknown): value is { [key: string]: any } => value !== null && typeof value === 'object' && !Array.isArray(value);
const copy = (value: any): any => JSON.parse(JSON.stringify(value));
const isMain = (container: unknown): boolean => isObject(container) && container.name === FLINK_MAIN_CONTAINER;
const MAX_INT = 2147483647;

/** Who decorates a pod, and from which configuration. */
export interface Decorator {
  /** The configuration the decorator reads. */
  readonly config: EffectiveConfiguration;
  /** The Flink version of the decorator's library (the memory model follows it). */
  readonly version: FlinkVersion;
  /**
   * The operator's standalone TaskManager decorator: it overwrites the image, pull policy and
   * account with the configuration's (no `resolveUserDefinedValue`), leaves the host network and
   * dnsPolicy to the template, and adds no pod address variable.
   */
  readonly standaloneTaskManager: boolean;
}

/** Where `built.sources` says a key comes from, as a value source. */
function keySource(built: BuiltConfiguration, key: string): ValueSource {
  const by = built.sources.get(key);
  if (by === 'spec.flinkConfiguration') {
    return { source: `flinkConfiguration '${key}'`, path: childPath('spec.flinkConfiguration', key) };
  }
  if (by === undefined || by === 'operator') {
    return { source: `the operator's configuration '${key}'` };
  }
  return { source: by, path: by.startsWith('spec.') ? by : undefined };
}

/** The path in the manifest of the template field that gives the merged main container `field`. */
function templateFieldPath(spec: any, pod: FlinkPod, field: string): string | undefined {
  const process = pod.process === 'JobManager' ? 'jobManager' : 'taskManager';
  for (const base of [`spec.${process}.podTemplate`, 'spec.podTemplate']) {
    const template = base === 'spec.podTemplate' ? spec?.podTemplate : spec?.[process]?.podTemplate;
    const containers = template?.spec?.containers;
    if (Array.isArray(containers)) {
      const index = containers.findIndex((container: any) => isMain(container) && container[field] !== undefined);
      if (index >= 0) {
        return childPath(childPath(`${base}.spec.containers`, index), field);
      }
    }
  }
  return pod.main === undefined ? undefined : childPath(pod.main.path, field);
}

/** `KubernetesUtils.resolveUserDefinedValue`: a key present in the configuration, else the template's value, else the option's default. */
function resolve(
  input: ObjectsInput, decorator: Decorator, option: FlinkOption, templateValue: unknown, templatePath: string | undefined, fallback: ResolvedValue,
): ResolvedValue {
  const found = decorator.config.lookup(option);
  if (found !== undefined) {
    return { value: found.value, isDefault: false, ...keySource(input.built, found.key) };
  }
  if (!decorator.standaloneTaskManager && typeof templateValue === 'string' && templateValue !== '') {
    return { value: templateValue, isDefault: false, source: templatePath ?? 'the pod template', path: templatePath };
  }
  return fallback;
}

/** A port as Flink fixes it on Kubernetes: a single number ("0" becomes `zero`); undefined for a range, which Flink refuses. */
export function fixedPort(text: string | undefined, zero?: number): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) {
    return undefined;
  }
  const port = Number(text.trim());
  return port === 0 ? zero : port;
}

export function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text.trim()) : undefined;
}

function javaDouble(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

function readNumber(config: EffectiveConfiguration, option: FlinkOption): number | undefined {
  const text = config.text(option);
  return text !== undefined && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
}

/** The process memory in MiB, as Flink's memory model derives it; undefined when Flink would refuse the configuration. */
function processMemoryMiB(component: 'JobManager' | 'TaskManager', entries: ReadonlyMap<string, string>, version: FlinkVersion): number | undefined {
  try {
    const rules = versionRules(version);
    const configuration = Object.fromEntries(entries);
    const memory = component === 'JobManager' ? deriveJobManagerMemory(configuration, rules) : deriveTaskManagerMemory(configuration, rules);
    return Number(memory.totalProcess / 1048576n);
  } catch {
    return undefined;
  }
}

/** The CPU of a process: the JobManager's `kubernetes.jobmanager.cpu.amount`; the TaskManager's `taskmanager.cpu.cores`, else a positive `kubernetes.taskmanager.cpu.amount`, else its slots. */
function processCpu(component: 'JobManager' | 'TaskManager', config: EffectiveConfiguration): number | undefined {
  if (component === 'JobManager') {
    return readNumber(config, D.JOBMANAGER_CPU);
  }
  if (config.contains(D.TASKMANAGER_CPU_CORES)) {
    return readNumber(config, D.TASKMANAGER_CPU_CORES);
  }
  const amount = readNumber(config, D.TASKMANAGER_CPU);
  if (amount !== undefined && amount > 0) {
    return amount;
  }
  return readNumber(config, F.TASK_SLOTS) ?? 1;
}

/** The operator's changes to a merged template (`FlinkConfigBuilder.applyPodTemplate`): ephemeral storage, and the JobManager's startup probe. */
function operatorTemplate(input: ObjectsInput, pod: FlinkPod, spec: any): any {
  const template = isObject(pod.template) ? copy(pod.template) : {};
  const process = pod.process === 'JobManager' ? 'jobManager' : 'taskManager';
  const storage = spec?.[process]?.resource?.ephemeralStorage;
  const probe = input.operatorRead.read(JM_STARTUP_PROBE).read;
  const wantsProbe = pod.process === 'JobManager' && probe.ok && probe.value === true;
  const wantsStorage = typeof storage === 'string' && !isBlank(storage);
  if (!wantsProbe && !wantsStorage) {
    return template;
  }
  template.spec = isObject(template.spec) ? template.spec : {};
  template.spec.containers = Array.isArray(template.spec.containers) ? template.spec.containers : [];
  let main = template.spec.containers.find((container: any) => isObject(container) && container.name === FLINK_MAIN_CONTAINER);
  if (main === undefined) {
    main = { name: FLINK_MAIN_CONTAINER };
    template.spec.containers.push(main);
  }
  if (wantsStorage) {
    main.resources = isObject(main.resources) ? main.resources : {};
    for (const kind of ['limits', 'requests']) {
      main.resources[kind] = { ...(isObject(main.resources[kind]) ? main.resources[kind] : {}), 'ephemeral-storage': storage };
    }
  }
  if (wantsProbe && (main.startupProbe === undefined || main.startupProbe === null)) {
    main.startupProbe = { httpGet: { path: '/config', port: 'rest' }, periodSeconds: 1, failureThreshold: MAX_INT };
  }
  return template;
}

/** The main container of a merged template (the operator's changes to it touch neither the image nor the pull policy). */
function templateMainContainer(template: any): any {
  const containers = isObject(template) && isObject(template.spec) && Array.isArray(template.spec.containers) ? template.spec.containers : [];
  return containers.find(isMain) ?? { name: FLINK_MAIN_CONTAINER };
}

/** The image a pod runs (see `decoratePod`), without building the pod. */
export function podImage(input: ObjectsInput, pod: FlinkPod, decorator: Decorator, defaultImage: ResolvedValue): ResolvedValue {
  const spec = isObject(input.manifest?.spec) ? input.manifest.spec : {};
  return resolve(input, decorator, D.CONTAINER_IMAGE, templateMainContainer(pod.template).image, templateFieldPath(spec, pod, 'image'), defaultImage);
}

export function decoratePod(
  input: ObjectsInput, pod: FlinkPod, decorator: Decorator, defaultImage: ResolvedValue, labels: { [key: string]: string },
): FlinkPodObject {
  const spec = isObject(input.manifest?.spec) ? input.manifest.spec : {};
  const config = decorator.config;
  const template = operatorTemplate(input, pod, spec);
  const podSpec = isObject(template.spec) ? { ...template.spec } : {};
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
  const templateMain = containers.find(isMain) ?? { name: FLINK_MAIN_CONTAINER };
  const main: any = { ...templateMain };

  const image = podImage(input, pod, decorator, defaultImage);
  const imagePullPolicy = resolve(input, decorator, D.CONTAINER_IMAGE_PULL_POLICY, templateMain.imagePullPolicy, templateFieldPath(spec, pod, 'imagePullPolicy'),
    { value: 'IfNotPresent', isDefault: true, source: 'the default of kubernetes.container.image.pull-policy' });
  const accountOption = pod.process === 'JobManager' ? D.JOBMANAGER_SERVICE_ACCOUNT : F.TASKMANAGER_SERVICE_ACCOUNT;
  const templateAccount = typeof podSpec.serviceAccount === 'string' ? podSpec.serviceAccount : podSpec.serviceAccountName;
  const accountField = typeof podSpec.serviceAccount === 'string' ? 'serviceAccount' : 'serviceAccountName';
  const serviceAccount = resolve(input, decorator, accountOption, templateAccount, `${pod.templatePath}.spec.${accountField}`,
    { value: 'default', isDefault: true, source: `the default of ${mainKey(accountOption)}` });
  if (image.value !== undefined) {
    main.image = image.value;
  } else {
    delete main.image;
  }
  main.imagePullPolicy = imagePullPolicy.value;
  podSpec.serviceAccount = serviceAccount.value;
  podSpec.serviceAccountName = serviceAccount.value;

  const hostNetworkRead = config.read(F.HOST_NETWORK).read;
  const hostNetwork = decorator.standaloneTaskManager ? podSpec.hostNetwork === true : hostNetworkRead.ok && hostNetworkRead.value === true;
  if (!decorator.standaloneTaskManager) {
    podSpec.hostNetwork = hostNetwork;
    // The template's dnsPolicy is kept from Flink 1.17; before, it is always overwritten.
    if (hostNetwork) {
      podSpec.dnsPolicy = 'ClusterFirstWithHostNet';
    } else if (typeof podSpec.dnsPolicy !== 'string' || !decorator.version.isAtLeast(FlinkVersion.V1_17)) {
      podSpec.dnsPolicy = 'ClusterFirst';
    }
  }

  // Memory and CPU overwrite the template's; other resources of the template stay.
  const memory = processMemoryMiB(pod.process, config.entries, decorator.version);
  const cpu = processCpu(pod.process, config);
  const prefix = pod.process === 'JobManager' ? 'jobmanager' : 'taskmanager';
  const memoryFactor = readNumber(config, pod.process === 'JobManager' ? D.JOBMANAGER_MEMORY_LIMIT_FACTOR : D.TASKMANAGER_MEMORY_LIMIT_FACTOR) ?? 1;
  const cpuFactor = readNumber(config, pod.process === 'JobManager' ? D.JOBMANAGER_CPU_LIMIT_FACTOR : D.TASKMANAGER_CPU_LIMIT_FACTOR) ?? 1;
  const resources = isObject(main.resources) ? copy(main.resources) : {};
  resources.requests = isObject(resources.requests) ? resources.requests : {};
  resources.limits = isObject(resources.limits) ? resources.limits : {};
  if (memory !== undefined) {
    resources.requests.memory = `${memory}Mi`;
    resources.limits.memory = `${Math.trunc(memory * memoryFactor)}Mi`;
  } else {
    // Flink would refuse the memory configuration (the memory rules say why).
    resources.requests.memory = `<the ${prefix} process memory>`;
    resources.limits.memory = `<the ${prefix} process memory>`;
  }
  if (cpu !== undefined) {
    resources.requests.cpu = javaDouble(cpu);
    resources.limits.cpu = javaDouble(cpu * cpuFactor);
  }
  main.resources = resources;

  // Ports: Flink adds its own to the template's, none with the host network.
  const templatePorts: ContainerPortObject[] = (Array.isArray(templateMain.ports) ? templateMain.ports : []).filter(isObject).map((port: any) => ({
    name: typeof port.name === 'string' ? port.name : undefined,
    containerPort: typeof port.containerPort === 'number' ? port.containerPort : undefined,
    from: 'template' as const,
  }));
  const flinkPorts: ContainerPortObject[] = [];
  if (!hostNetwork || decorator.standaloneTaskManager) {
    if (pod.process === 'JobManager') {
      flinkPorts.push(
        { name: 'rest', containerPort: fixedPort(config.text(F.REST_PORT)), from: 'flink' },
        { name: 'jobmanager-rpc', containerPort: fixedPort(config.text(D.JOBMANAGER_RPC_PORT)), from: 'flink' },
        { name: 'blobserver', containerPort: fixedPort(config.text(D.BLOB_SERVER_PORT), 6124), from: 'flink' },
      );
    } else {
      flinkPorts.push({ name: 'taskmanager-rpc', containerPort: fixedPort(config.text(D.TASKMANAGER_RPC_PORT), 6122), from: 'flink' });
    }
  }
  const ports = [...templatePorts, ...flinkPorts];
  main.ports = [
    ...(Array.isArray(templateMain.ports) ? templateMain.ports : []),
    ...flinkPorts.map((port) => ({ name: port.name, containerPort: port.containerPort, protocol: 'TCP' })),
  ];
  if (main.ports.length === 0) {
    delete main.ports;
  }

  // Environment: `containerized.master.env.*` or `containerized.taskmanager.env.*`, added to the template's.
  const envPrefix = pod.process === 'JobManager' ? 'containerized.master.env.' : 'containerized.taskmanager.env.';
  const env: any[] = [...(Array.isArray(templateMain.env) ? templateMain.env : [])];
  for (const [key, value] of config.entries) {
    if (key.startsWith(envPrefix) && key.length > envPrefix.length) {
      env.push({ name: key.slice(envPrefix.length), value });
    }
  }
  if (!decorator.standaloneTaskManager) {
    env.push(pod.process === 'JobManager'
      ? { name: '_POD_IP_ADDRESS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } }
      : { name: '_POD_NODE_ID', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } });
  }
  const logDir = config.lookup(F.KUBERNETES_LOG_DIR);
  if (logDir !== undefined) {
    env.push({ name: 'FLINK_LOG_DIR', value: logDir.value });
  }
  if (env.length > 0) {
    main.env = env;
  }

  // The main container goes last, after the template's other containers.
  podSpec.containers = [...containers.filter((container: any) => container !== templateMain), main];
  const metadata = isObject(template.metadata) ? copy(template.metadata) : {};
  metadata.labels = { ...(isObject(metadata.labels) ? metadata.labels : {}), ...labels };
  return {
    component: pod.process,
    merged: pod,
    workload: '',
    pod: { metadata, spec: podSpec },
    main,
    image,
    imagePullPolicy,
    serviceAccount,
    hostNetwork,
    ports,
    labels,
  };
}
