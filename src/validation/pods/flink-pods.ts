/**
 * The JobManager and TaskManager pods of a FlinkDeployment, as the operator and Flink build them
 * from the pod templates: `spec.podTemplate` merged with `spec.jobManager.podTemplate` or
 * `spec.taskManager.podTemplate` the way the operator merges them (`FlinkUtils.mergePodTemplates`:
 * objects key by key, lists position by position unless
 * `kubernetes.operator.pod-template.merge-arrays-by-name` is true), then Flink's main container
 * found by its name, `flink-main-container`, with the environment that `flinkConfiguration` adds
 * to it (`containerized.master.env.*`, `containerized.taskmanager.env.*`).
 */
import { EffectiveConfiguration } from '../../private/options/effective-configuration';
import { POD_TEMPLATE_MERGE_BY_NAME } from '../../private/options/operator-options';
import { childPath } from '../json-path';

/** The name Flink and the operator give the container that runs Flink itself. */
export const FLINK_MAIN_CONTAINER = 'flink-main-container';

/** A container of a pod and where the manifest defines it. */
export interface PodContainer {
  readonly container: any;
  readonly name: string | undefined;
  readonly init: boolean;
  /** The container's path in the manifest, e.g. `spec.podTemplate.spec.containers[1]`. */
  readonly path: string;
}

/** One process's pod. */
export interface FlinkPod {
  readonly process: 'JobManager' | 'TaskManager';
  /** The merged pod template (metadata and spec), as the operator writes it to the template file; undefined when no template applies. */
  readonly template: any;
  /** The specific template's path in the manifest, e.g. `spec.taskManager.podTemplate` (`spec.podTemplate` when only the common one is set). */
  readonly templatePath: string;
  /** The merged pod spec (an empty object when no template applies). */
  readonly spec: any;
  readonly containers: ReadonlyArray<PodContainer>;
  /** Flink's main container, if a template defines one. */
  readonly main?: PodContainer;
  /** The volumes of the pod, by name. */
  readonly volumes: ReadonlyMap<string, any>;
}

const isObject = (value: unknown): value is { [key: string]: any } => value !== null && typeof value === 'object' && !Array.isArray(value);

function namesDefined(list: any[]): boolean {
  return list.every((element) => isObject(element) && element.name !== undefined);
}

function mergeArray(to: any[], from: any[], byName: boolean): void {
  if (byName && namesDefined(to) && namesDefined(from)) {
    const grouped = new Map<string, any>(to.map((element) => [String(element.name), element]));
    for (const element of from) {
      const existing = grouped.get(String(element.name));
      if (existing === undefined) {
        grouped.set(String(element.name), element);
      } else {
        mergeInto(existing, element, byName);
      }
    }
    to.splice(0, to.length, ...grouped.values());
    return;
  }
  from.forEach((element, index) => {
    if (to.length <= index) {
      to.push(element);
    }
    mergeInto(to[index], element, byName);
  });
}

/** The operator's `FlinkUtils.mergeInto`: a value of `from` replaces one of `to`, except that objects and lists merge. */
function mergeInto(to: any, from: any, byName: boolean): void {
  if (!isObject(from) || !isObject(to)) {
    return; // Jackson iterates no field names of a non-object, and sets none on one
  }
  for (const [key, fromChild] of Object.entries(from)) {
    const toChild = to[key];
    if (Array.isArray(toChild) && Array.isArray(fromChild)) {
      mergeArray(toChild, fromChild, byName);
    } else if (isObject(toChild)) {
      mergeInto(toChild, fromChild, byName);
    } else {
      to[key] = fromChild;
    }
  }
}

/**
 * The operator's merge of two pod templates (the process's over the shared one), on copies:
 * objects key by key, the process's scalars win, lists position by position (elements past the
 * shared list's end are appended; a scalar element of the shared list stays) unless `byName`
 * and every element of both lists has a name, when elements merge by name in the shared list's
 * order, new names appended.
 */
export function mergePodTemplates(shared: unknown, process: unknown, byName: boolean): any {
  if (!isObject(process)) {
    return isObject(shared) ? JSON.parse(JSON.stringify(shared)) : undefined;
  }
  if (!isObject(shared)) {
    return JSON.parse(JSON.stringify(process));
  }
  const merged = JSON.parse(JSON.stringify(shared));
  mergeInto(merged, JSON.parse(JSON.stringify(process)), byName);
  return merged;
}

/** Where the templates define a container of a name: the process's template first. */
function locate(spec: any, field: 'jobManager' | 'taskManager', list: 'containers' | 'initContainers', name: string | undefined, index: number): string {
  for (const base of [`spec.${field}.podTemplate`, 'spec.podTemplate']) {
    const template = base === 'spec.podTemplate' ? spec.podTemplate : spec[field]?.podTemplate;
    const containers = template?.spec?.[list];
    if (Array.isArray(containers)) {
      const position = containers.findIndex((container: any) => isObject(container) && container.name === name);
      if (position >= 0) {
        return childPath(`${base}.spec.${list}`, position);
      }
    }
  }
  return childPath(`${isObject(spec[field]?.podTemplate) ? `spec.${field}.podTemplate` : 'spec.podTemplate'}.spec.${list}`, index);
}

function podOf(spec: any, field: 'jobManager' | 'taskManager', byName: boolean): FlinkPod {
  const common = isObject(spec.podTemplate) ? spec.podTemplate : undefined;
  const specific = isObject(spec[field]) && isObject(spec[field].podTemplate) ? spec[field].podTemplate : undefined;
  const template = mergePodTemplates(common, specific, byName);
  const podSpec = isObject(template?.spec) ? template.spec : {};
  const containers: PodContainer[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    (Array.isArray(podSpec[list]) ? podSpec[list] : []).forEach((container: any, index: number) => {
      if (isObject(container)) {
        const name = typeof container.name === 'string' ? container.name : undefined;
        containers.push({ container, name, init: list === 'initContainers', path: locate(spec, field, list, name, index) });
      }
    });
  }
  const volumes = new Map<string, any>();
  for (const volume of Array.isArray(podSpec.volumes) ? podSpec.volumes : []) {
    if (isObject(volume) && typeof volume.name === 'string') {
      volumes.set(volume.name, volume);
    }
  }
  return {
    process: field === 'jobManager' ? 'JobManager' : 'TaskManager',
    template,
    templatePath: specific === undefined && common !== undefined ? 'spec.podTemplate' : `spec.${field}.podTemplate`,
    spec: podSpec,
    containers,
    main: containers.find((entry) => !entry.init && entry.name === FLINK_MAIN_CONTAINER),
    volumes,
  };
}

/**
 * The JobManager and TaskManager pods of a FlinkDeployment spec, as the operator's merge leaves
 * them (the one place the templates are merged: the Pod Security view, effective-pods.ts, and the
 * model of objects, model/cluster-objects.ts, build on it).
 */
export function flinkPods(spec: any, config: EffectiveConfiguration): { jobManager: FlinkPod; taskManager: FlinkPod } {
  const value = config.read(POD_TEMPLATE_MERGE_BY_NAME, 'operator').read;
  const byName = value.ok && value.value === true;
  const safe = isObject(spec) ? spec : {};
  return { jobManager: podOf(safe, 'jobManager', byName), taskManager: podOf(safe, 'taskManager', byName) };
}

/** A container's volume mounts (well-formed ones). */
export function volumeMounts(container: any): Array<{ name: string; mountPath: string; index: number }> {
  const mounts = Array.isArray(container?.volumeMounts) ? container.volumeMounts : [];
  return mounts.flatMap((mount: any, index: number) => (isObject(mount) && typeof mount.name === 'string' && typeof mount.mountPath === 'string'
    ? [{ name: mount.name, mountPath: mount.mountPath, index }] : []));
}

/** The value a container's environment gives a variable: the last entry wins; `valueFrom` is unknown. */
export function environmentValue(container: any, variable: string): { value?: string; path?: string; unknown: boolean } | undefined {
  const env = Array.isArray(container?.env) ? container.env : [];
  for (let index = env.length - 1; index >= 0; index--) {
    const entry = env[index];
    if (isObject(entry) && entry.name === variable) {
      return entry.valueFrom !== undefined && entry.valueFrom !== null
        ? { unknown: true }
        : { value: typeof entry.value === 'string' ? entry.value : '', path: childPath(childPath('env', index), 'value'), unknown: false };
    }
  }
  return Array.isArray(container?.envFrom) && container.envFrom.length > 0 ? { unknown: true } : undefined;
}
