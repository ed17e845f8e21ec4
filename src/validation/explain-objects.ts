/**
 * The Kubernetes objects of `FlinkValidator.explain` and `cdk8s-flink explain`: what the model of
 * objects (model/cluster-objects.ts) says a FlinkDeployment becomes, as plain, jsii-friendly data.
 * Environment values whose name looks sensitive are masked.
 */
import { MASKED, sensitiveFragment } from './checks/sensitive-keys';
import { ServiceObject } from './model/cluster-objects';
import { DeploymentModel } from './model/deployment-model';
import { FlinkPodObject } from './model/pod-decorators';
import { errorText } from './sanitize';
import { ExplainedEnvVar, ExplainedObjects, ExplainedPod, ExplainedService } from '../explained-objects';
import { FlinkVersion } from '../flink-version';

const isObject = (value: unknown): value is { [key: string]: any } => value !== null && typeof value === 'object' && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined);

/** A map of strings (resource quantities, labels), other values left out. */
function stringMap(value: unknown): { [name: string]: string } {
  const map: { [name: string]: string } = {};
  if (isObject(value)) {
    for (const [key, entry] of Object.entries(value)) {
      const shown = text(entry);
      if (shown !== undefined) {
        map[key] = shown;
      }
    }
  }
  return map;
}

/** `secretKeyRef flink-s3/secret-key`, `fieldRef status.podIP`, ... */
function valueFromText(valueFrom: unknown): string | undefined {
  if (!isObject(valueFrom)) {
    return undefined;
  }
  return Object.entries(valueFrom).map(([kind, ref]) => {
    if (!isObject(ref)) {
      return kind;
    }
    const where = [text(ref.name), text(ref.key)].filter((part) => part !== undefined).join('/');
    const field = text(ref.fieldPath) ?? text(ref.resource);
    return [kind, where || field].filter((part) => part).join(' ');
  }).join(', ');
}

function explainedEnv(env: unknown, version: FlinkVersion | undefined): ExplainedEnvVar[] {
  return (Array.isArray(env) ? env : []).filter(isObject).map((variable) => {
    const name = text(variable.name) ?? '<unnamed>';
    const value = text(variable.value);
    const sensitive = sensitiveFragment(name.toLowerCase().replace(/_/g, '.'), version) !== undefined;
    return { name, value: value !== undefined && sensitive ? MASKED : value, valueFrom: valueFromText(variable.valueFrom) };
  });
}

function explainedPod(pod: FlinkPodObject, version: FlinkVersion | undefined): ExplainedPod {
  const resources = isObject(pod.main?.resources) ? pod.main.resources : {};
  return {
    component: pod.component,
    workload: pod.workload,
    replicas: pod.replicas,
    image: { value: pod.image.value, source: pod.image.source },
    imagePullPolicy: { value: pod.imagePullPolicy.value, source: pod.imagePullPolicy.source },
    serviceAccount: { value: pod.serviceAccount.value, source: pod.serviceAccount.source },
    hostNetwork: pod.hostNetwork,
    requests: stringMap(resources.requests),
    limits: stringMap(resources.limits),
    ports: pod.ports.map((port) => ({ name: port.name, containerPort: port.containerPort, from: port.from })),
    env: explainedEnv(pod.main?.env, version),
    labels: stringMap(pod.labels),
  };
}

function explainedService(service: ServiceObject): ExplainedService {
  return {
    name: service.name,
    type: service.type,
    headless: service.headless,
    selector: stringMap(service.selector),
    ports: service.ports.map((port) => ({
      name: port.name, port: port.port, targetPort: port.targetPort === undefined ? undefined : String(port.targetPort),
    })),
  };
}

/** The Kubernetes objects, or a note on why they cannot be told. */
export function objectsOf(model: DeploymentModel, version: FlinkVersion | undefined, notes: string[]): ExplainedObjects | undefined {
  try {
    const objects = model.objects;
    const ingress = objects.ingress;
    return {
      jobManager: explainedPod(objects.jobManager, version),
      taskManager: explainedPod(objects.taskManager, version),
      restService: explainedService(objects.restService),
      internalService: objects.internalService === undefined ? undefined : explainedService(objects.internalService),
      configMapName: objects.configMap.name,
      ingress: ingress === undefined ? undefined : {
        name: ingress.name,
        className: ingress.className,
        host: ingress.host,
        path: ingress.path,
        serviceName: ingress.serviceName,
        servicePort: ingress.servicePort,
      },
    };
  } catch (error) {
    notes.push(`the Kubernetes objects could not be worked out: ${errorText(error)}`);
    return undefined;
  }
}
