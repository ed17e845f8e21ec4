/**
 * The pods a FlinkDeployment runs, as far as the manifest decides them: the operator merges the
 * common `spec.podTemplate` with `spec.jobManager.podTemplate` and `spec.taskManager.podTemplate`
 * (FlinkConfigBuilder.applyPodTemplate, FlinkUtils.mergePodTemplates), and Flink adds its main
 * container when a template has none and turns on `hostNetwork` for
 * `kubernetes.hostnetwork.enabled`.
 *
 * The operator's merge (documented in its pod-template page, release 1.15): objects merge field
 * by field, the specific template's scalars win, and arrays merge position by position
 * (elements past the common template's end are appended) unless
 * `kubernetes.operator.pod-template.merge-arrays-by-name` is on, when elements with a `name`
 * merge by name. Within an array merged by position, a scalar element of the common template
 * stays (only objects merge), as in its Jackson tree merge.
 */
import { EffectiveConfiguration } from '../../private/options/effective-configuration';
import { HOST_NETWORK } from '../../private/options/flink-options';
import { POD_TEMPLATE_MERGE_BY_NAME } from '../../private/options/operator-options';

/** The name Flink and the operator give the container that runs Flink. */
export const FLINK_MAIN_CONTAINER = 'flink-main-container';

/** The pods of one Flink process. */
export interface FlinkPod {
  /** `JobManager` or `TaskManager`. */
  readonly component: string;
  /** The specific template's path in the manifest, e.g. `spec.taskManager.podTemplate`. */
  readonly templatePath: string;
  /** The pod's metadata (labels and annotations of the merged template). */
  readonly metadata: any;
  /** The pod spec, merged. */
  readonly spec: any;
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/** Merges `from` into a copy of `to`, as the operator merges a specific pod template into the common one. */
export function operatorMerge(to: any, from: any, byName: boolean): any {
  if (from === undefined || from === null) {
    return clone(to);
  }
  if (to === undefined || to === null) {
    return clone(from);
  }
  const result = clone(to);
  mergeInto(result, clone(from), byName);
  return result;
}

function mergeInto(to: Record<string, any>, from: any, byName: boolean): void {
  if (!isObject(to) || !isObject(from)) {
    return;
  }
  for (const [key, value] of Object.entries(from)) {
    const existing = to[key];
    if (Array.isArray(existing) && Array.isArray(value)) {
      to[key] = byName ? mergeArraysByName(existing, value) : mergeArraysByPosition(existing, value);
    } else if (isObject(existing)) {
      mergeInto(existing, value, byName);
    } else {
      to[key] = value;
    }
  }
}

function mergeArraysByPosition(to: any[], from: any[]): any[] {
  const result = [...to];
  from.forEach((item, index) => {
    if (index >= result.length) {
      result.push(item);
    } else {
      mergeInto(result[index], item, false);
    }
  });
  return result;
}

function mergeArraysByName(to: any[], from: any[]): any[] {
  const result = [...to];
  for (const item of from) {
    const index = isObject(item) && item.name !== undefined ? result.findIndex((existing) => isObject(existing) && existing.name === item.name) : -1;
    if (index >= 0) {
      mergeInto(result[index], item, true);
    } else {
      result.push(item);
    }
  }
  return result;
}

/** A pod template's spec with the main container Flink adds when the template has none. */
function withMainContainer(template: any): any {
  const spec = isObject(template?.spec) ? template.spec : {};
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  if (containers.some((container: any) => container?.name === FLINK_MAIN_CONTAINER)) {
    return spec;
  }
  return { ...spec, containers: [...containers, { name: FLINK_MAIN_CONTAINER }] };
}

/**
 * The JobManager and TaskManager pods of a FlinkDeployment spec, with its effective
 * configuration (for the operator's merge mode and Flink's host network switch).
 */
export function effectivePods(spec: any, config: EffectiveConfiguration): FlinkPod[] {
  const byName = config.read(POD_TEMPLATE_MERGE_BY_NAME, 'operator').read;
  const mergeByName = byName.ok && byName.value === true;
  const hostNetwork = config.read(HOST_NETWORK).read;
  const common = isObject(spec?.podTemplate) ? spec.podTemplate : undefined;
  return (['jobManager', 'taskManager'] as const).map((process) => {
    const specific = isObject(spec?.[process]) && isObject(spec[process].podTemplate) ? spec[process].podTemplate : undefined;
    const merged = operatorMerge(common, specific, mergeByName) ?? {};
    const podSpec = withMainContainer(merged);
    return {
      component: process === 'jobManager' ? 'JobManager' : 'TaskManager',
      templatePath: specific === undefined && common !== undefined ? 'spec.podTemplate' : `spec.${process}.podTemplate`,
      metadata: isObject(merged.metadata) ? merged.metadata : {},
      spec: hostNetwork.ok && hostNetwork.value === true ? { ...podSpec, hostNetwork: true } : podSpec,
    };
  });
}

/** Every container of a pod spec (containers, init containers, ephemeral containers), as pod security admission visits them. */
export function containersOf(podSpec: any): any[] {
  return ['containers', 'initContainers', 'ephemeralContainers']
    .flatMap((field) => (Array.isArray(podSpec?.[field]) ? podSpec[field] : []))
    .filter(isObject);
}
