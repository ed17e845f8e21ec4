/**
 * Pod templates: conversion from cdk8s-plus-28 structs, the restricted security defaults,
 * and merging.
 */
import { k8s } from 'cdk8s-plus-28';
import { FLINK_MAIN_CONTAINER } from '../validation/pods/flink-pods';

export { FLINK_MAIN_CONTAINER };

/** The name of the container port `metrics.prometheusPort` declares on the main container, which PodMonitors scrape. */
export const FLINK_METRICS_PORT_NAME = 'metrics';

/** The uid and gid of the `flink` user in the official Flink images. */
export const FLINK_IMAGE_USER_ID = 9999;

/** Pod-level defaults of the Kubernetes "restricted" Pod Security Standard. */
export function defaultPodSecurityContext(): k8s.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: FLINK_IMAGE_USER_ID,
    runAsGroup: FLINK_IMAGE_USER_ID,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Container-level defaults of the Kubernetes "restricted" Pod Security Standard. */
export function defaultContainerSecurityContext(): k8s.SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
  };
}

/** Kubernetes JSON for a cdk8s-plus-28 pod template, or undefined. */
export function podTemplateJson(template: k8s.PodTemplateSpec | undefined): any {
  return template === undefined ? undefined : k8s.toJson_PodTemplateSpec(template);
}

function isPlainObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mergeKeyedLists(base: any[], override: any[], key: string): any[] {
  const result = base.map((item) => (isPlainObject(item) ? { ...item } : item));
  for (const item of override) {
    const index = isPlainObject(item) && item[key] !== undefined ? result.findIndex((existing) => existing?.[key] === item[key]) : -1;
    if (index >= 0) {
      result[index] = mergeJson(result[index], item);
    } else {
      result.push(item);
    }
  }
  return result;
}

/** The lists of a pod template whose elements are identified by a field, and that field. */
export const KEYED_LISTS: { readonly [list: string]: string } = {
  containers: 'name',
  initContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  ports: 'name',
};

/**
 * Deep-merges `override` onto `base`: objects merge key by key, the keyed lists of a pod
 * (containers, init containers and volumes by `name`, a container's `env` and `ports` by `name`
 * and `volumeMounts` by `mountPath`) merge element by element (an element without its key is
 * appended), and any other value in `override` wins.
 */
export function mergeJson(base: any, override: any): any {
  if (override === undefined) {
    return base;
  }
  if (!isPlainObject(base) || !isPlainObject(override)) {
    return override;
  }
  const result: Record<string, any> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (KEYED_LISTS[key] !== undefined && Array.isArray(result[key]) && Array.isArray(value)) {
      result[key] = mergeKeyedLists(result[key], value, KEYED_LISTS[key]);
    } else {
      result[key] = mergeJson(result[key], value);
    }
  }
  return result;
}

/**
 * Puts the Flink main container first in a template's container list, adding a bare entry
 * when the template has containers but not the main one.
 *
 * The operator merges the common pod template into the JobManager and TaskManager templates
 * position by position (unless `kubernetes.operator.pod-template.merge-arrays-by-name` is
 * set). With the main container at index 0 everywhere, the security defaults of the common
 * template always land on the main container, not on a sidecar.
 */
export function mainContainerFirst(template: any): any {
  const containers = template?.spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    return template;
  }
  const main = containers.find((c: any) => c?.name === FLINK_MAIN_CONTAINER) ?? { name: FLINK_MAIN_CONTAINER };
  const others = containers.filter((c: any) => c?.name !== FLINK_MAIN_CONTAINER);
  return { ...template, spec: { ...template.spec, containers: [main, ...others] } };
}
