/**
 * Images: every image reference parses (the kubelet refuses one that does not), an official
 * Flink image's tag agrees with `spec.flinkVersion`, and `spec.image` is set.
 */
import { flinkVersionOf } from '../configuration';
import { RuleContext } from '../context';
import { imageFlinkVersion, isOfficialFlinkImage, parseImageReference, versionText } from '../image-reference';
import { childPath } from '../json-path';

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

/** An official image whose tag names another Flink version than `spec.flinkVersion`. */
function checkImageVersion(context: RuleContext): void {
  const image = context.spec.image;
  const version = flinkVersionOf(context.spec.flinkVersion);
  const reference = typeof image === 'string' ? parseImageReference(image) : undefined;
  if (version === undefined || reference === undefined || typeof reference === 'string' || !isOfficialFlinkImage(reference)) {
    return;
  }
  const tagged = imageFlinkVersion(reference);
  if (tagged !== undefined && (tagged.major !== version.major || tagged.minor !== version.minor)) {
    context.report('image-flink-version', 'spec.flinkVersion',
      `spec.image '${image}' runs Flink ${versionText(tagged)}, but spec.flinkVersion is '${context.spec.flinkVersion}': the operator (and this validator) configure the cluster for Flink ${version.major}.${version.minor}, its key names, value types and features. Set spec.flinkVersion to 'v${tagged.major}_${tagged.minor}', or use an image of Flink ${version.major}.${version.minor}.`);
  }
}

/**
 * No `spec.image`: the operator leaves the image to Flink's default
 * (`KubernetesConfigOptions.getDefaultFlinkImage`), which is the version of the Flink library
 * inside the operator, not `spec.flinkVersion`.
 */
function checkImageMissing(context: RuleContext): void {
  const image = context.spec.image;
  if (typeof image === 'string' && image.trim() !== '') {
    return;
  }
  context.report('image-missing', 'spec.image',
    `spec.image is not set: the pods run the operator's default image, 'apache/flink:<the Flink version the operator is built with>-scala_2.12' (from the Flink library inside the operator, not from spec.flinkVersion '${context.spec.flinkVersion ?? ''}'). Set spec.image to the image of your Flink version, e.g. 'flink:1.20.1'.`);
}
