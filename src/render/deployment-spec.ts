/**
 * Maps the props of a Flink cluster construct to the FlinkDeployment spec.
 */
import { ApiObjectMetadata } from 'cdk8s';
import { FlinkClusterProps, JobManagerOptions, OperatorIngressOptions, TaskManagerOptions } from '../cluster-props';

import { identityPodAdditions } from './cluster-identity';
import { builtInPluginsAdditions } from './filesystem-plugins';
import { renderPodTemplates } from './pod-hardening';
import { FlinkAnnotations } from '../constants';
import {
  FlinkDeploymentSpec,
  FlinkDeploymentSpecFlinkVersion,
  FlinkDeploymentSpecIngress,
  FlinkDeploymentSpecJob,
  FlinkDeploymentSpecJobManager,
  FlinkDeploymentSpecMode,
} from '../imports/flink.apache.org';
import { flinkMemoryString } from '../props/prop-checks';

/** The CPU and memory of a JobManager or TaskManager when the props leave them out. */
const DEFAULT_CPU = 1;
/** The memory of a JobManager or TaskManager whose props leave it out. */
export const DEFAULT_MEMORY = '2048m';

/** Everything the FlinkDeployment spec is made of. */
export interface DeploymentSpecInput {
  readonly props: FlinkClusterProps;
  readonly namespace?: string;
  readonly serviceAccountName: string;
  readonly flinkConfiguration: { [key: string]: string };
  readonly ingress?: OperatorIngressOptions;
  readonly job?: FlinkDeploymentSpecJob;
}

function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  return value === undefined || Object.keys(value).length === 0 ? undefined : value;
}

export function renderOperatorIngress(
  ingress: OperatorIngressOptions | undefined,
  name: string,
  namespace: string | undefined,
): FlinkDeploymentSpecIngress | undefined {
  if (ingress === undefined) {
    return undefined;
  }
  const annotations = {
    ...(ingress.allowUnauthenticatedAccess === true ? { [FlinkAnnotations.UNAUTHENTICATED_WEB_UI]: 'true' } : {}),
    ...(ingress.ingressController === undefined ? {} : { [FlinkAnnotations.INGRESS_CONTROLLER]: ingress.ingressController }),
    ...ingress.authentication?.annotations,
    ...ingress.annotations,
  };
  let tls;
  if (ingress.tlsSecretName !== undefined) {
    const host = templateHost(ingress.template, name, namespace);
    tls = [{ hosts: host === undefined ? undefined : [host], secretName: ingress.tlsSecretName }];
  }
  return {
    template: ingress.template,
    className: ingress.ingressClassName,
    annotations: nonEmpty(annotations),
    labels: nonEmpty(ingress.labels),
    tls,
  };
}

/** The host of an operator ingress template, with the placeholders filled in, if it has one. */
function templateHost(template: string, name: string, namespace: string | undefined): string | undefined {
  const host = template.split('/')[0];
  if (host === '' || (host.includes('{{namespace}}') && namespace === undefined)) {
    return undefined;
  }
  return host.replace(/\{\{name\}\}/g, name).replace(/\{\{namespace\}\}/g, namespace ?? '');
}

/** The `jobManager` or `taskManager` of the spec: replicas, resources and the pod template of the process. */
function renderProcess(prop: 'jobManager' | 'taskManager', options: JobManagerOptions | TaskManagerOptions, podTemplate: any): FlinkDeploymentSpecJobManager {
  return {
    replicas: options.replicas,
    resource: {
      cpu: options.cpu ?? DEFAULT_CPU,
      memory: flinkMemoryString(`${prop}.memory`, options.memory) ?? DEFAULT_MEMORY,
      ephemeralStorage: flinkMemoryString(`${prop}.ephemeralStorage`, options.ephemeralStorage),
    },
    podTemplate,
  };
}

/**
 * The metadata of a cluster's custom resource: the props' metadata, its name and namespace, and
 * the annotation that records accepted literal secrets.
 */
export function clusterResourceMetadata(props: FlinkClusterProps, name: string, namespace: string | undefined): ApiObjectMetadata {
  const annotations = props.allowLiteralSecrets === true
    ? { ...props.metadata?.annotations, [FlinkAnnotations.LITERAL_SECRETS]: 'true' }
    : props.metadata?.annotations;
  return { ...props.metadata, name, namespace, annotations };
}

/** Renders the FlinkDeployment spec. */
export function renderDeploymentSpec(input: DeploymentSpecInput, name: string): FlinkDeploymentSpec {
  const { props } = input;
  const jobManager = props.jobManager ?? {};
  const taskManager = props.taskManager ?? {};
  const templates = renderPodTemplates(props, input.flinkConfiguration, [...builtInPluginsAdditions(props), ...identityPodAdditions(props)]);
  return {
    image: props.image ?? props.flinkVersion.defaultImage,
    imagePullPolicy: props.imagePullPolicy,
    flinkVersion: props.flinkVersion.name as FlinkDeploymentSpecFlinkVersion,
    mode: props.mode as string | undefined as FlinkDeploymentSpecMode | undefined,
    restartNonce: props.restartNonce,
    serviceAccount: input.serviceAccountName,
    flinkConfiguration: nonEmpty(input.flinkConfiguration),
    logConfiguration: nonEmpty(props.logConfiguration),
    ingress: renderOperatorIngress(input.ingress, name, input.namespace),
    podTemplate: templates.podTemplate,
    jobManager: renderProcess('jobManager', jobManager, templates.jobManager),
    taskManager: renderProcess('taskManager', taskManager, templates.taskManager),
    job: input.job,
  };
}
