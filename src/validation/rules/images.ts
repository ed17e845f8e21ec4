/**
 * Images: every image reference parses (the kubelet refuses one that does not), an official
 * Flink image's tag agrees with `spec.flinkVersion`, and `spec.image` is set.
 */
import { flinkVersionOf } from '../configuration';
import { RuleContext } from '../context';
import { imageFlinkVersion, isOfficialFlinkImage, parseImageReference, versionText } from '../image-reference';
import { childPath } from '../json-path';
import { ResolvedValue } from '../model/cluster-objects';

/** The image fields of a FlinkDeployment spec: the Flink image, and every container of the pod templates. */
function imageFields(spec: any): Array<{ path: string; image: unknown }> {
  const fields = [{ path: 'spec.image', image: spec.image }];
  const templates: Array<[string, any]> = [
    ['spec.podTemplate', spec.podTemplate], ['spec.jobManager.podTemplate', spec.jobManager?.podTemplate], ['spec.taskManager.podTemplate', spec.taskManager?.podTemplate],
  ];
  for (const [base, template] of templates) {
    for (const list of ['containers', 'initContainers']) {
      const containers = template?.spec?.[list];
      (Array.isArray(containers) ? containers : []).forEach((container: any, index: number) => {
        if (container !== null && typeof container === 'object' && container.image !== undefined && container.image !== null) {
          fields.push({ path: childPath(childPath(`${base}.spec.${list}`, index), 'image'), image: container.image });
        }
      });
    }
  }
  return fields;
}

export function checkImages(context: RuleContext): void {
  for (const { path, image } of imageFields(context.spec)) {
    if (image === undefined || image === null || typeof image !== 'string') {
      continue; // unset (image-missing), or a type error (crd-schema)
    }
    const reference = parseImageReference(image);
    if (typeof reference === 'string') {
      context.report('image-reference', path,
        `${path} '${image}' is not a valid image reference (${reference}): the kubelet refuses it (InvalidImageName) and the pod never starts. A placeholder such as '<REGISTRY>/app:1' or '\${IMAGE}' must be replaced before the manifest is applied; write [registry/]repository[:tag], e.g. 'flink:1.20.1'.`);
    }
  }
  checkImageVersion(context);
  checkImageMissing(context);
}

/** The images the JobManager and TaskManager pods run (model/cluster-objects.ts). */
function podImages(context: RuleContext): Array<{ component: 'JobManager' | 'TaskManager'; image: ResolvedValue }> {
  const images = context.modelOf(context.manifest).images;
  return [{ component: 'JobManager', image: images.jobManager }, { component: 'TaskManager', image: images.taskManager }];
}

/** An official image whose tag names another Flink version than `spec.flinkVersion` (the image the pods run: spec.image, an image key or the template's). */
function checkImageVersion(context: RuleContext): void {
  const version = flinkVersionOf(context.spec.flinkVersion);
  if (version === undefined) {
    return;
  }
  const seen = new Set<string>();
  for (const { image: { value: image, path } } of podImages(context)) {
    const reference = image === undefined ? undefined : parseImageReference(image);
    if (path === undefined || seen.has(path) || reference === undefined || typeof reference === 'string' || !isOfficialFlinkImage(reference)) {
      continue;
    }
    seen.add(path);
    const tagged = imageFlinkVersion(reference);
    if (tagged !== undefined && (tagged.major !== version.major || tagged.minor !== version.minor)) {
      context.report('image-flink-version', 'spec.flinkVersion',
        `${path} '${image}' runs Flink ${versionText(tagged)}, but spec.flinkVersion is '${context.spec.flinkVersion}': the operator (and this validator) configure the cluster for Flink ${version.major}.${version.minor}, its key names, value types and features. Set spec.flinkVersion to 'v${tagged.major}_${tagged.minor}', or use an image of Flink ${version.major}.${version.minor}.`);
    }
  }
}

/**
 * A pod that no image names: without `spec.image` the operator sets no image key, and Flink keeps
 * the template main container's image (native mode; the operator's standalone TaskManagers take
 * the configuration's only), else its default image (`KubernetesConfigOptions.getDefaultFlinkImage`),
 * whose version is the Flink library's inside the operator, not `spec.flinkVersion`.
 */
function checkImageMissing(context: RuleContext): void {
  const defaulted = podImages(context).filter((pod) => pod.image.isDefault);
  if (defaulted.length === 0) {
    return;
  }
  const pods = defaulted.map((pod) => pod.component).join(' and ');
  const standaloneTemplate = context.spec.mode === 'standalone' && defaulted.length === 1 && defaulted[0].component === 'TaskManager'
    ? ' (in standalone mode the operator sets the TaskManagers\' image from the configuration, whatever the pod template says)' : '';
  context.report('image-missing', 'spec.image',
    `spec.image is not set: the ${pods} pods run the image Flink defaults to, 'apache/flink:<the Flink version the operator is built with>-scala_2.12' (from the Flink library inside the operator, not from spec.flinkVersion '${context.spec.flinkVersion ?? ''}')${standaloneTemplate}. Set spec.image to the image of your Flink version, e.g. 'flink:1.20.1'.`);
}
