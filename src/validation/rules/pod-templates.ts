/**
 * Pod templates: only Flink's main container (`flink-main-container`) gets the Flink image and
 * Flink's settings. Another container without an image makes Kubernetes refuse the pod, and a
 * volume mounted at a Flink path on another container never reaches Flink.
 */
import { editDistance } from '../../private/edit-distance';
import { RuleContext } from '../context';
import { FLINK_MAIN_CONTAINER, PodContainer, volumeMounts } from '../pods/flink-pods';

/** Whether a container name looks like an attempt at Flink's main container. */
function meantAsMain(name: string | undefined): boolean {
  return name !== undefined && (editDistance(name.toLowerCase().slice(0, 2 * FLINK_MAIN_CONTAINER.length), FLINK_MAIN_CONTAINER) <= 4 || /flink.*main|main.*flink|^flink$/i.test(name));
}

/** Paths under which the Flink image keeps what Flink reads. */
const FLINK_PATH = /^\/opt\/flink(\/|$)/;

export function checkPodTemplates(context: RuleContext): void {
  const pods = context.podsOf(context.spec);
  const reported = new Set<string>();
  for (const pod of [pods.jobManager, pods.taskManager]) {
    for (const entry of pod.containers) {
      if (entry.name === FLINK_MAIN_CONTAINER && !entry.init) {
        continue;
      }
      checkImage(context, entry, pod.process, reported);
      checkFlinkMounts(context, entry, pod.main, pod.process, reported);
    }
  }
}

function checkImage(context: RuleContext, entry: PodContainer, process: string, reported: Set<string>): void {
  const image = entry.container.image;
  if ((typeof image === 'string' && image.trim() !== '') || reported.has(`image|${entry.path}`)) {
    return;
  }
  reported.add(`image|${entry.path}`);
  const hint = meantAsMain(entry.name)
    ? ` If it is meant to be Flink's own container, name it '${FLINK_MAIN_CONTAINER}': under another name its volume mounts and environment never reach Flink.`
    : '';
  context.report('pod-template-container-image', entry.path,
    `${entry.init ? 'Init container' : 'Container'} '${entry.name ?? '<unnamed>'}' of the ${process} pod has no image: only '${FLINK_MAIN_CONTAINER}' gets the Flink image (spec.image), and Kubernetes refuses a pod with a container without one. Set its image.${hint}`);
}

function checkFlinkMounts(context: RuleContext, entry: PodContainer, main: PodContainer | undefined, process: string, reported: Set<string>): void {
  const mainVolumes = new Set(volumeMounts(main?.container).map((mount) => mount.name));
  for (const mount of volumeMounts(entry.container)) {
    if (!FLINK_PATH.test(mount.mountPath) || mainVolumes.has(mount.name) || reported.has(`mount|${entry.path}|${mount.index}`)) {
      continue;
    }
    reported.add(`mount|${entry.path}|${mount.index}`);
    context.report('pod-template-flink-mount', `${entry.path}.volumeMounts[${mount.index}]`,
      `${entry.init ? 'Init container' : 'Container'} '${entry.name ?? '<unnamed>'}' of the ${process} pod mounts volume '${mount.name}' at '${mount.mountPath}', a path of the Flink image, but '${FLINK_MAIN_CONTAINER}' does not mount '${mount.name}': Flink never sees it. Mount the volume on '${FLINK_MAIN_CONTAINER}' too${meantAsMain(entry.name) ? `, or name this container '${FLINK_MAIN_CONTAINER}'` : ''}.`);
  }
}
