/**
 * The pod templates of a cluster: the restricted security defaults, with the user's
 * `podSecurityContext`, `containerSecurityContext` and pod templates merged over them field by
 * field; what the library adds to the main container (writable directories for a read-only root
 * filesystem, credentials from Secrets); and the JobManager and TaskManager templates aligned
 * with the common one, so that the operator's merge by position lands every element on its
 * namesake.
 */
import { k8s } from 'cdk8s-plus-28';
import { FlinkClusterProps } from '../cluster-props';
import {
  defaultContainerSecurityContext,
  defaultPodSecurityContext,
  FLINK_MAIN_CONTAINER,
  FLINK_METRICS_PORT_NAME,
  KEYED_LISTS,
  mainContainerFirst,
  mergeJson,
  podTemplateJson,
} from './pod-template';
import { PodPrivilege } from '../pod-privilege';
import { EffectiveConfiguration, flattenConfiguration } from '../private/options/effective-configuration';
import { HOST_NETWORK, IO_TMP_DIRS, KUBERNETES_LOG_DIR, USER_ARTIFACTS_DIR } from '../private/options/flink-options';
import { mainKey } from '../private/options/option';
import { propError } from '../props/prop-errors';
import { grantedPrivileges } from '../validation/pods/privileges';

/** What the library adds to the Flink pods: labels, and the main container's environment, mounts and security context. */
export interface PodAdditions {
  readonly labels?: { [key: string]: string };
  readonly env?: any[];
  readonly volumeMounts?: any[];
  readonly volumes?: any[];
  readonly securityContext?: any;
}

/** The rendered templates of a FlinkDeployment spec. */
export interface RenderedPodTemplates {
  readonly podTemplate: any;
  readonly jobManager?: any;
  readonly taskManager?: any;
}

const isObject = (value: unknown): value is Record<string, any> => value !== null && typeof value === 'object' && !Array.isArray(value);
const containerDefaults = () => k8s.toJson_SecurityContext(defaultContainerSecurityContext());

/** Gives every container and init container of a template the container defaults under its own security context. */
function hardenContainers(template: any, only?: (container: any) => boolean): any {
  if (!isObject(template?.spec)) {
    return template;
  }
  const spec = { ...template.spec };
  for (const field of ['containers', 'initContainers']) {
    if (Array.isArray(spec[field])) {
      spec[field] = spec[field].map((container: any) => (isObject(container) && (only === undefined || only(container))
        ? { ...container, securityContext: mergeJson(containerDefaults(), container.securityContext) }
        : container));
    }
  }
  return { ...template, spec };
}

/**
 * A specific list laid out for the operator's merge by position: first an element for each
 * element of the common list, in its order (the specific element of the same key, or a stub
 * that holds just the key), then the elements only the specific list has.
 */
function alignList(common: any[] | undefined, specific: any[], key: string, inner?: (common: any, specific: any) => any): any[] {
  const keys = new Set<unknown>();
  const head = (common ?? []).filter(isObject).map((element) => {
    if (element[key] === undefined) {
      return {}; // an element without its key (an unnamed port): kept as it is, matched by none
    }
    keys.add(element[key]);
    const own = specific.find((item) => isObject(item) && item[key] === element[key]);
    if (own === undefined) {
      return key === 'mountPath' ? { name: element.name, mountPath: element.mountPath } : { [key]: element[key] };
    }
    return inner === undefined ? own : inner(element, own);
  });
  return [...head, ...specific.filter((item) => !isObject(item) || !keys.has(item[key]))];
}

function alignContainer(common: any, specific: any): any {
  const result = { ...specific };
  // The main container's ports too: the constructs' `metrics` port must survive a template that declares ports of its own.
  for (const field of ['env', 'volumeMounts', 'ports']) {
    if (Array.isArray(specific[field])) {
      result[field] = alignList(common[field], specific[field], KEYED_LISTS[field]);
    }
  }
  return result;
}

/** A JobManager or TaskManager template aligned with the common template, its own containers hardened. */
export function alignWithCommon(common: any, specific: any): any {
  if (!isObject(specific) || !isObject(specific.spec)) {
    return specific;
  }
  const spec = { ...specific.spec };
  const commonSpec = isObject(common?.spec) ? common.spec : {};
  const ownContainers = new Set<string>();
  for (const field of ['containers', 'initContainers', 'volumes']) {
    if (Array.isArray(spec[field])) {
      const commonNames = new Set((commonSpec[field] ?? []).map((element: any) => element?.name));
      spec[field].filter((element: any) => isObject(element) && !commonNames.has(element.name))
        .forEach((element: any) => ownContainers.add(element.name));
      spec[field] = alignList(commonSpec[field], spec[field], 'name', field === 'volumes' ? undefined : alignContainer);
    }
  }
  const own = (container: any) => ownContainers.has(container.name) && container.name !== FLINK_MAIN_CONTAINER;
  const hardened = hardenContainers({ ...specific, spec }, own);
  return mainContainerFirst(hardened);
}

/** The directories Flink writes to, as the configuration sets them: the log dir, the temporary dirs and the artifacts dir. */
export function writableDirectories(configuration: { [key: string]: string }): Array<{ name: string; path: string }> {
  const config = EffectiveConfiguration.merge(undefined, flattenConfiguration(configuration));
  const trimmed = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
  const directories = [
    { name: 'flink-log', path: config.text(KUBERNETES_LOG_DIR)! },
    ...config.text(IO_TMP_DIRS)!.split(/[,:]/).map((path, index) => ({ name: index === 0 ? 'flink-tmp' : `flink-tmp-${index}`, path })),
    { name: 'flink-artifacts', path: config.text(USER_ARTIFACTS_DIR)! },
  ].map(({ name, path }) => ({ name, path: trimmed(path.trim()) })).filter(({ path }) => path.startsWith('/'));
  return directories.filter(({ path }, index) => !directories.some((other, j) => j < index && (path === other.path || path.startsWith(`${other.path}/`))));
}

/** What a read-only root filesystem adds: the flag, and an emptyDir for every directory Flink writes to. */
function readOnlyRootAdditions(configuration: { [key: string]: string }): PodAdditions {
  const directories = writableDirectories(configuration);
  return {
    securityContext: { readOnlyRootFilesystem: true },
    volumeMounts: directories.map(({ name, path }) => ({ name, mountPath: path })),
    volumes: directories.map(({ name }) => ({ name, emptyDir: {} })),
  };
}

/** The common template: defaults, then what the library adds, then the user's template; every container hardened. */
function commonTemplate(props: FlinkClusterProps, additions: PodAdditions[]): any {
  const metricsPort = props.metrics?.prometheusPort;
  const defaults = {
    spec: {
      securityContext: mergeJson(k8s.toJson_PodSecurityContext(defaultPodSecurityContext()),
        k8s.toJson_PodSecurityContext(props.podSecurityContext ?? {})),
      containers: [{
        name: FLINK_MAIN_CONTAINER,
        securityContext: mergeJson(containerDefaults(), k8s.toJson_SecurityContext(props.containerSecurityContext ?? {})),
        ports: metricsPort === undefined ? undefined : [{ name: FLINK_METRICS_PORT_NAME, containerPort: metricsPort, protocol: 'TCP' }],
      }],
    },
  };
  const added = additions.reduce((template, addition) => mergeJson(template, {
    metadata: addition.labels === undefined ? undefined : { labels: addition.labels },
    spec: {
      containers: [{ name: FLINK_MAIN_CONTAINER, env: addition.env, volumeMounts: addition.volumeMounts, securityContext: addition.securityContext }],
      volumes: addition.volumes,
    },
  }), defaults);
  return mainContainerFirst(hardenContainers(mergeJson(added, podTemplateJson(props.podTemplate))));
}

/**
 * The pod templates of a FlinkDeployment spec.
 *
 * @param configuration the cluster's final Flink configuration (for the writable directories)
 * @param additions what the library adds to the main container (credentials)
 */
export function renderPodTemplates(props: FlinkClusterProps, configuration: { [key: string]: string },
  additions: PodAdditions[] = []): RenderedPodTemplates {
  const all = props.readOnlyRootFilesystem === true ? [readOnlyRootAdditions(configuration), ...additions] : additions;
  const podTemplate = commonTemplate(props, all);
  return {
    podTemplate,
    jobManager: alignWithCommon(podTemplate, podTemplateJson(props.jobManager?.podTemplate)),
    taskManager: alignWithCommon(podTemplate, podTemplateJson(props.taskManager?.podTemplate)),
  };
}

/** The props that can grant a privilege, and the pod spec each one contributes. */
/** The props that can grant privileges: each with the pod spec (and template metadata) it contributes. */
function privilegeSources(props: FlinkClusterProps): Array<[string, any, any?]> {
  const template = (value: unknown): [any, any] => {
    const json = podTemplateJson(value as any);
    return [json?.spec, json?.metadata];
  };
  return [
    ['podSecurityContext', props.podSecurityContext === undefined ? {} : { securityContext: k8s.toJson_PodSecurityContext(props.podSecurityContext) }],
    ['containerSecurityContext', props.containerSecurityContext === undefined ? {}
      : { containers: [{ name: FLINK_MAIN_CONTAINER, securityContext: k8s.toJson_SecurityContext(props.containerSecurityContext) }] }],
    ['podTemplate', ...template(props.podTemplate)],
    ['jobManager.podTemplate', ...template(props.jobManager?.podTemplate)],
    ['taskManager.podTemplate', ...template(props.taskManager?.podTemplate)],
    ['flinkConfiguration', (props.flinkConfiguration?.[mainKey(HOST_NETWORK)] ?? '').trim().toLowerCase() === 'true' ? { hostNetwork: true } : {}],
  ];
}

/**
 * Throws when a pod template declares the main container's port `metrics` on another number than
 * `metrics.prometheusPort`: the reporter listens on the one, the PodMonitor scrapes the other.
 */
function checkMetricsPort(props: FlinkClusterProps): void {
  const port = props.metrics?.prometheusPort;
  if (port === undefined) {
    return;
  }
  const templates: Array<[string, any]> = [
    ['podTemplate', podTemplateJson(props.podTemplate)],
    ['jobManager.podTemplate', podTemplateJson(props.jobManager?.podTemplate)],
    ['taskManager.podTemplate', podTemplateJson(props.taskManager?.podTemplate)],
  ];
  for (const [prop, template] of templates) {
    const main = (template?.spec?.containers ?? []).find((container: any) => container?.name === FLINK_MAIN_CONTAINER);
    const declared = (main?.ports ?? []).find((entry: any) => entry?.name === FLINK_METRICS_PORT_NAME && entry.containerPort !== port);
    if (declared !== undefined) {
      throw propError(prop, `'${prop}' declares the container port '${FLINK_METRICS_PORT_NAME}' as ${declared.containerPort}, but 'metrics.prometheusPort' is ${port}: `
        + `the reporter listens on ${port} while a PodMonitor scrapes the port named '${FLINK_METRICS_PORT_NAME}'. Remove that port from the template `
        + `(the constructs declare it from 'metrics.prometheusPort'), or set 'metrics.prometheusPort' to ${declared.containerPort}.`);
    }
  }
}

/**
 * Throws unless every privilege the props grant is listed in `allowedPodPrivileges` (the error
 * names the prop to change), unless a read-only root filesystem is asked for consistently, and
 * unless the templates agree with `metrics.prometheusPort`.
 */
export function checkPodProps(props: FlinkClusterProps): void {
  checkMetricsPort(props);
  if (props.readOnlyRootFilesystem === true && props.containerSecurityContext?.readOnlyRootFilesystem === false) {
    throw propError('readOnlyRootFilesystem', "'readOnlyRootFilesystem' is true, but 'containerSecurityContext.readOnlyRootFilesystem' is false. Set one of them.");
  }
  const allowed = new Set(props.allowedPodPrivileges ?? []);
  for (const [prop, spec, metadata] of privilegeSources(props)) {
    const granted = grantedPrivileges(spec, metadata).find(({ privilege }) => !allowed.has(privilege));
    if (granted !== undefined) {
      const member = Object.entries(PodPrivilege).find(([, value]) => value === granted.privilege)![0];
      throw propError(prop, `'${prop}' grants '${granted.privilege}' (${granted.where}), which the restricted pod defaults take away. `
        + `Remove it, or allow it explicitly: allowedPodPrivileges: [PodPrivilege.${member}].`);
    }
  }
}
