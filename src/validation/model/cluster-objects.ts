/**
 * The Kubernetes objects a FlinkDeployment becomes, as far as the manifest decides them: the
 * JobManager and TaskManager pods, the REST Service, the internal Service, the ConfigMap that holds
 * the configuration file, and the operator's Ingress.
 *
 * The pods are built in three steps:
 * 1. the operator merges `spec.podTemplate` with `spec.jobManager.podTemplate` or
 *    `spec.taskManager.podTemplate` (`FlinkUtils.mergePodTemplates`: objects key by key, lists
 *    position by position unless `kubernetes.operator.pod-template.merge-arrays-by-name` is true;
 *    the merge is pods/flink-pods.ts's `flinkPods`), then puts `resource.ephemeralStorage` on the
 *    main container and the JobManager's startup probe (`FlinkConfigBuilder.applyPodTemplate`);
 * 2. Flink's decorators (`InitJobManagerDecorator`, `InitTaskManagerDecorator`) set the main
 *    container `flink-main-container`: the image and pull policy (a key explicitly present in the
 *    configuration beats the template's value, which beats Flink's default:
 *    `KubernetesUtils.resolveUserDefinedValue`), the service account, memory and CPU, and they
 *    add their ports and environment to the template's;
 * 3. in native mode the JobManager's Deployment, the Services and the ConfigMap are built inside
 *    the operator by its Flink library (1.20), from the configuration the operator built; the
 *    TaskManager pods are built later by the running JobManager, from the configuration file, with
 *    the cluster's Flink version. In standalone mode the operator builds a JobManager Deployment
 *    and a TaskManager Deployment itself; its TaskManager decorator
 *    (`InitStandaloneTaskManagerDecorator`) overwrites the image, the pull policy and the service
 *    account with the configuration's values (or Flink's defaults), whatever the template says.
 *
 * What is not established is left out: labels and annotations from `kubernetes.*.labels`, volumes
 * of secrets and of the configuration, the log configuration files in the ConfigMap, commands.
 */
import { configurationFileName } from './configuration-file';
import { OPERATOR_FLINK_VERSION } from './deployment-configuration';
import {
  ContainerPortObject, decoratePod, Decorator, FLINK_DEFAULT_IMAGE_TEXT, FlinkPodObject, fixedPort, isObject,
  ObjectsInput, podImage, ResolvedValue, ValueSource, wholeNumber,
} from './pod-decorators';
import * as D from '../../private/options/deployment-options';
import { EffectiveConfiguration } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import { mainKey } from '../../private/options/option';
import { restBindPort } from '../checks/rest-port';
import { highAvailabilityEnabled } from '../configuration';
import { FlinkPod, flinkPods } from '../pods/flink-pods';

export { FLINK_DEFAULT_IMAGE_TEXT };
export type { ContainerPortObject, FlinkPodObject, ObjectsInput, ResolvedValue, ValueSource };

export interface ServiceObject {
  readonly name: string;
  /** `ClusterIP`, `NodePort`, `LoadBalancer` (`Headless_ClusterIP` is a ClusterIP Service with `clusterIP: None`). */
  readonly type: string;
  readonly headless: boolean;
  readonly selector: { readonly [key: string]: string };
  readonly ports: ReadonlyArray<{ readonly name: string; readonly port?: number; readonly targetPort?: number | string }>;
  /** The Service, Kubernetes-shaped. */
  readonly manifest: any;
}

/** The ConfigMap that holds the configuration file. */
export interface ConfigMapObject {
  readonly name: string;
  /** `flink-conf.yaml` before Flink 2.0, `config.yaml` from 2.0 (by `spec.flinkVersion`). */
  readonly fileName: string;
}

/** The Ingress the operator creates for `spec.ingress` (unless the operator runs with `kubernetes.operator.ingress.manage: false`). */
export interface IngressObject {
  readonly name: string;
  readonly className?: string;
  /** The host of the rendered `spec.ingress.template`, if any. */
  readonly host?: string;
  /** The path of the rendered template, if any. */
  readonly path?: string;
  readonly serviceName: string;
  readonly servicePort?: number;
  /** The Ingress, Kubernetes-shaped. */
  readonly manifest: any;
}

/** What a FlinkDeployment becomes. */
export interface ClusterObjects {
  /** `kubernetes.cluster-id`: the resource's name. */
  readonly clusterId?: string;
  readonly namespace?: string;
  readonly standalone: boolean;
  readonly jobManager: FlinkPodObject;
  readonly taskManager: FlinkPodObject;
  readonly restService: ServiceObject;
  /** The headless `<cluster-id>` Service; native mode creates it only without high availability. */
  readonly internalService?: ServiceObject;
  readonly configMap: ConfigMapObject;
  readonly ingress?: IngressObject;
}

function service(name: string, type: string, selector: { [key: string]: string }, ports: ServiceObject['ports'], namespace?: string): ServiceObject {
  const headless = type === 'Headless_ClusterIP';
  return {
    name,
    type: headless ? 'ClusterIP' : type,
    headless,
    selector,
    ports,
    manifest: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
      spec: { type: headless ? 'ClusterIP' : type, ...(headless ? { clusterIP: 'None' } : {}), selector, ports: ports.map((port) => ({ ...port, protocol: 'TCP' })) },
    },
  };
}

/** The host and path of a rendered `spec.ingress.template` (`IngressUtils.getIngressUrl`), when it parses. */
function ingressUrl(template: string, name: string, namespace: string): { host?: string; path?: string } {
  let url = /^https?:\/\//i.test(template) ? template : `http://${template}`;
  url = url.replace(/\{\{name\}\}/gi, name).replace(/\{\{namespace\}\}/gi, namespace);
  const match = /^[a-z]+:\/\/([^/?#]*)([^?#]*)/i.exec(url);
  if (match === null) {
    return {};
  }
  const authority = match[1].slice(match[1].lastIndexOf('@') + 1);
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.split(':')[0];
  return { host: host === '' ? undefined : host, path: match[2] === '' ? undefined : match[2] };
}

function ingressOf(input: ObjectsInput, config: EffectiveConfiguration, name: string, namespace: string | undefined): IngressObject | undefined {
  const ingress = input.manifest?.spec?.ingress;
  if (!isObject(ingress)) {
    return undefined;
  }
  const servicePort = fixedPort(config.text(F.REST_PORT));
  const { host, path } = typeof ingress.template === 'string' ? ingressUrl(ingress.template, name, namespace ?? 'default') : { host: undefined, path: undefined };
  const serviceName = `${name}-rest`;
  const className = typeof ingress.className === 'string' ? ingress.className : undefined;
  const labels = { ...(isObject(ingress.labels) ? ingress.labels : {}), component: 'ingress' };
  return {
    name,
    className,
    host,
    path,
    serviceName,
    servicePort,
    manifest: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name,
        ...(namespace === undefined ? {} : { namespace }),
        labels,
        ...(isObject(ingress.annotations) ? { annotations: ingress.annotations } : {}),
      },
      spec: {
        ...(className === undefined ? {} : { ingressClassName: className }),
        ...(Array.isArray(ingress.tls) ? { tls: ingress.tls } : {}),
        rules: [{
          ...(host === undefined ? {} : { host }),
          http: { paths: [{ ...(path === undefined ? {} : { path }), pathType: 'ImplementationSpecific', backend: { service: { name: serviceName, port: { number: servicePort } } } }] },
        }],
      },
    },
  };
}

/** The images the JobManager and TaskManager pods run. */
export interface ClusterImages {
  readonly jobManager: ResolvedValue;
  readonly taskManager: ResolvedValue;
}

/** What the pods are built from: the merged templates, and who decorates each with which configuration. */
interface PodPlan {
  readonly name?: string;
  readonly namespace?: string;
  readonly id: string;
  readonly standalone: boolean;
  readonly operatorConfig: EffectiveConfiguration;
  readonly pods: { readonly jobManager: FlinkPod; readonly taskManager: FlinkPod };
  readonly jobManager: Decorator;
  readonly taskManager: Decorator;
}

const DEFAULT_IMAGE: ResolvedValue = { isDefault: true, source: FLINK_DEFAULT_IMAGE_TEXT };

function podPlan(input: ObjectsInput): PodPlan {
  const manifest = input.manifest;
  const spec = isObject(manifest?.spec) ? manifest.spec : {};
  const name = typeof manifest?.metadata?.name === 'string' ? manifest.metadata.name : undefined;
  const namespace = typeof manifest?.metadata?.namespace === 'string' ? manifest.metadata.namespace : undefined;
  const standalone = spec.mode === 'standalone';
  // The operator's Flink library reads the configuration it built (JobManager, Services, standalone TaskManagers);
  // native TaskManagers are built by the JobManager from the configuration file.
  const operatorConfig = input.operatorRead;
  return {
    name,
    namespace,
    id: name ?? '<cluster-id>',
    standalone,
    operatorConfig,
    pods: flinkPods(spec, operatorConfig),
    jobManager: { config: operatorConfig, version: OPERATOR_FLINK_VERSION, standaloneTaskManager: false },
    taskManager: standalone
      ? { config: operatorConfig, version: OPERATOR_FLINK_VERSION, standaloneTaskManager: true }
      : { config: input.flink, version: input.flink.version ?? OPERATOR_FLINK_VERSION, standaloneTaskManager: false },
  };
}

/**
 * The images the pods run, as `clusterObjects` resolves them, without building the pods. Pass a
 * `DeploymentModel`, whose `images` property computes this once.
 */
export function clusterImages(input: ObjectsInput): ClusterImages {
  const plan = podPlan(input);
  return {
    jobManager: podImage(input, plan.pods.jobManager, plan.jobManager, DEFAULT_IMAGE),
    taskManager: podImage(input, plan.pods.taskManager, plan.taskManager, DEFAULT_IMAGE),
  };
}

/**
 * The objects a FlinkDeployment becomes (see the module's comment). Pass a `DeploymentModel`
 * (deployment-model.ts), whose `objects` property computes this once.
 */
export function clusterObjects(input: ObjectsInput): ClusterObjects {
  const plan = podPlan(input);
  const { name, namespace, id, standalone, operatorConfig, pods } = plan;
  const type = standalone ? 'flink-standalone-kubernetes' : 'flink-native-kubernetes';
  const selector = (component: string) => ({ type, app: id, component });
  const jobManager = decoratePod(input, pods.jobManager, plan.jobManager, DEFAULT_IMAGE, selector('jobmanager'));
  const taskManager = decoratePod(input, pods.taskManager, plan.taskManager, DEFAULT_IMAGE, selector('taskmanager'));

  const jobManagerReplicas = wholeNumber(operatorConfig.text(D.JOBMANAGER_REPLICAS));
  const taskManagerReplicas = wholeNumber(operatorConfig.raw(mainKey(D.STANDALONE_TASKMANAGER_REPLICAS)) ?? '1');

  const restPort = fixedPort(operatorConfig.text(F.REST_PORT));
  const restService = service(`${id}-rest`, operatorConfig.text(D.REST_SERVICE_EXPOSED_TYPE) ?? 'ClusterIP', selector('jobmanager'),
    [{ name: 'rest', port: restPort, targetPort: restBindPort(operatorConfig).port }], namespace);
  const internal = standalone || !highAvailabilityEnabled(operatorConfig, 'flink');
  const internalService = internal
    ? service(id, 'Headless_ClusterIP', selector('jobmanager'), [
      { name: 'jobmanager-rpc', port: fixedPort(operatorConfig.text(D.JOBMANAGER_RPC_PORT)) },
      { name: 'blobserver', port: fixedPort(operatorConfig.text(D.BLOB_SERVER_PORT), 6124) },
    ], namespace)
    : undefined;

  return {
    clusterId: name,
    namespace,
    standalone,
    jobManager: { ...jobManager, workload: `Deployment '${id}'`, replicas: jobManagerReplicas },
    taskManager: standalone
      ? { ...taskManager, workload: `Deployment '${id}-taskmanager'`, replicas: taskManagerReplicas }
      : { ...taskManager, workload: 'pods the JobManager starts' },
    restService,
    internalService,
    configMap: { name: `flink-config-${id}`, fileName: configurationFileName(input.built.version) },
    ingress: name === undefined ? undefined : ingressOf(input, operatorConfig, name, namespace),
  };
}
