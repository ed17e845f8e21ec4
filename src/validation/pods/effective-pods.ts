/**
 * The pods a FlinkDeployment runs, as far as the manifest decides them: the operator merges the
 * common `spec.podTemplate` with `spec.jobManager.podTemplate` and `spec.taskManager.podTemplate`
 * (FlinkConfigBuilder.applyPodTemplate, FlinkUtils.mergePodTemplates), and Flink adds its main
 * container when a template has none and turns on `hostNetwork` for
 * `kubernetes.hostnetwork.enabled`.
 * The merge itself is flink-pods.ts's (`flinkPods`); the full model of what runs is
 * model/cluster-objects.ts.
 */
import { FLINK_MAIN_CONTAINER, flinkPods } from './flink-pods';
import { EffectiveConfiguration } from '../../private/options/effective-configuration';
import { HOST_NETWORK } from '../../private/options/flink-options';

/** The pod of one Flink process as the API server admits it (what Pod Security checks). */
export interface AdmittedPod {
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
 * configuration (for the operator's merge mode and Flink's host network switch): the merged
 * templates of `flinkPods`, with the main container Flink adds and its host network.
 */
export function effectivePods(spec: any, config: EffectiveConfiguration): AdmittedPod[] {
  const hostNetwork = config.read(HOST_NETWORK).read;
  const pods = flinkPods(spec, config);
  return [pods.jobManager, pods.taskManager].map((pod) => {
    const merged = isObject(pod.template) ? pod.template : {};
    const podSpec = withMainContainer(merged);
    return {
      component: pod.process,
      templatePath: pod.templatePath,
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
