/**
 * State on pod-local storage: `file://` checkpoints, savepoints or high availability data that
 * no shared volume holds in every pod that writes or reads them. A container's own file system,
 * an `emptyDir` (or a volume without a source, which Kubernetes makes one) go away with the pod;
 * a `hostPath` is a directory of whichever node the pod runs on. A PersistentVolumeClaim with
 * ReadWriteMany, NFS and the other network file systems are shared.
 */
import { uriPath } from '../../private/flink/uri';
import { flattenConfiguration } from '../../private/options/effective-configuration';
import { sessionClusterOf } from '../configuration';
import { RuleContext } from '../context';
import { configuredStatePaths, StatePath } from '../model/state-paths';
import { FlinkPod, FLINK_MAIN_CONTAINER, volumeMounts } from '../pods/flink-pods';

/** Where a path lands in one pod: lost with the container or the pod, on the node, or shared. */
type Storage = 'lost' | 'node' | 'shared';

interface Placement {
  readonly storage: Storage;
  /** Words for where the path lands, e.g. "volume 'data' (emptyDir) of the TaskManager pod". */
  readonly where: string;
}

/** A state path on a pod's own file system, and why losing it loses the job's state, when it does. */
interface Location extends StatePath {
  readonly critical?: string;
}

const SHARED_SOURCES = ['nfs', 'cephfs', 'glusterfs', 'azureFile', 'csi', 'quobyte', 'flocker', 'portworxVolume', 'storageos', 'vsphereVolume', 'photonPersistentDisk', 'scaleIO'];
const NODE_SOURCES = ['hostPath', 'local', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'cinder', 'iscsi', 'fc', 'rbd'];

function within(path: string, mountPath: string): boolean {
  const base = mountPath.replace(/\/+$/, '');
  return path === base || path.startsWith(`${base}/`) || base === '';
}

function placement(context: RuleContext, pod: FlinkPod, path: string, namespace: string | undefined): Placement {
  const mounts = volumeMounts(pod.main?.container).filter((mount) => within(path, mount.mountPath))
    .sort((a, b) => b.mountPath.length - a.mountPath.length);
  if (mounts.length === 0) {
    const elsewhere = pod.containers.find((entry) => entry.name !== FLINK_MAIN_CONTAINER
      && volumeMounts(entry.container).some((mount) => within(path, mount.mountPath)));
    const hint = elsewhere === undefined ? '' : ` (container '${elsewhere.name}' mounts a volume there, but it is not Flink's)`;
    return { storage: 'lost', where: `the ${pod.process} container's own file system, since '${FLINK_MAIN_CONTAINER}' mounts no volume at that path${hint}` };
  }
  const mount = mounts[0];
  const volume = pod.volumes.get(mount.name);
  const named = `volume '${mount.name}' of the ${pod.process} pod`;
  if (volume === undefined) {
    return { storage: 'lost', where: `${named}, which the pod does not define` };
  }
  const sources = Object.keys(volume).filter((field) => field !== 'name' && volume[field] !== null && volume[field] !== undefined);
  if (sources.length === 0) {
    return { storage: 'lost', where: `${named}, which has no source, so Kubernetes makes it an emptyDir, deleted with the pod` };
  }
  if (sources.includes('emptyDir') || sources.includes('ephemeral')) {
    return { storage: 'lost', where: `${named} (${sources.includes('emptyDir') ? 'emptyDir' : 'an ephemeral volume'}), deleted with the pod` };
  }
  if (sources.includes('persistentVolumeClaim')) {
    const claimName = volume.persistentVolumeClaim?.claimName;
    const claim = typeof claimName === 'string' ? context.index.find('PersistentVolumeClaim', claimName, namespace) : undefined;
    const modes: unknown[] = Array.isArray(claim?.spec?.accessModes) ? claim.spec.accessModes : [];
    if (claim !== undefined && !modes.includes('ReadWriteMany')) {
      return { storage: 'node', where: `${named}, PersistentVolumeClaim '${claimName}' with access modes ${modes.map((m) => `'${m}'`).join(', ') || 'unset'} (not ReadWriteMany), which one node at a time can mount` };
    }
    return { storage: 'shared', where: named };
  }
  if (sources.some((source) => NODE_SOURCES.includes(source))) {
    const hostPath = volume.hostPath?.path;
    return { storage: 'node', where: `${named} (${sources.find((source) => NODE_SOURCES.includes(source))}${typeof hostPath === 'string' ? ` '${hostPath}'` : ''}), storage of the node the pod runs on` };
  }
  if (sources.some((source) => SHARED_SOURCES.includes(source))) {
    return { storage: 'shared', where: named };
  }
  return { storage: 'lost', where: `${named} (${sources.join(', ')}), which Flink cannot write state to` };
}

/** Whether a state path is a file of the pods': `file://`, or a bare path for high availability's (checkpoint and savepoint paths need a scheme: config-value-format's). */
function onPodFiles(path: StatePath): boolean {
  return path.scheme === undefined ? path.role === 'high-availability' || path.role === 'job-result-store' : path.scheme.toLowerCase() === 'file';
}

const STATE_ROLES: ReadonlyArray<StatePath['role']> = ['checkpoints', 'savepoints', 'high-availability', 'job-result-store'];

function locations(paths: ReadonlyArray<StatePath>, upgradeMode: unknown): Location[] {
  const stateful = upgradeMode === 'last-state' || upgradeMode === 'savepoint'
    ? `spec.job.upgradeMode is '${upgradeMode}': the next upgrade restores from state that went away with the old pods` : undefined;
  const haCritical = 'high availability keeps the JobManager\'s metadata there: a new JobManager pod finds none, and the job starts from empty state';
  const critical = (role: StatePath['role']) => role === 'checkpoints' ? stateful
    : role === 'savepoints' ? (upgradeMode === 'savepoint' ? stateful : undefined)
      : haCritical;
  return paths.filter((path) => STATE_ROLES.includes(path.role) && onPodFiles(path)).map((path) => ({ ...path, critical: critical(path.role) }));
}

function report(context: RuleContext, entry: Location, placements: Placement[]): void {
  const lost = placements.filter((p) => p.storage === 'lost');
  const fix = `Mount a shared volume (a PersistentVolumeClaim with ReadWriteMany, or NFS) at '${uriPath(entry.uri)}' on '${FLINK_MAIN_CONTAINER}' of ${entry.processes.length > 1 ? 'both pods' : 'the JobManager pod'}, or use object storage such as s3://.`;
  const where = (list: Placement[]) => list.map((p) => p.where).join('; and ');
  if (lost.length > 0) {
    const consequence = entry.critical ?? 'it is lost whenever a pod restarts, and what a TaskManager writes the JobManager never sees';
    context.report(entry.critical !== undefined ? 'local-state-lost' : 'local-state-at-risk', entry.path,
      `'${entry.key}' is '${entry.uri}', on ${where(lost)}: ${consequence}. ${fix}`);
    return;
  }
  const node = placements.filter((p) => p.storage === 'node');
  if (node.length > 0) {
    context.report('local-state-at-risk', entry.path,
      `'${entry.key}' is '${entry.uri}', on ${where(node)}: that works while the JobManager and the TaskManagers run on one node; across nodes they see different files, and a pod rescheduled elsewhere loses them. ${fix}`);
  }
}

function check(context: RuleContext, clusterSpec: any, paths: ReadonlyArray<StatePath>, upgradeMode: unknown): void {
  const pods = context.podsOf(clusterSpec);
  const namespace = context.namespace;
  for (const entry of locations(paths, upgradeMode)) {
    const path = uriPath(entry.uri).replace(/\/+$/, '') || '/';
    report(context, entry, entry.processes.map((pod) => placement(context, pod === 'jobManager' ? pods.jobManager : pods.taskManager, path, namespace)));
  }
}

export function checkLocalState(context: RuleContext): void {
  check(context, context.spec, context.modelOf(context.manifest).paths, context.spec.job?.upgradeMode);
}

/** A stateful session job whose state its cluster keeps on pod-local storage. */
export function checkSessionJobLocalState(context: RuleContext): void {
  const cluster = sessionClusterOf(context.index, context.manifest);
  const upgradeMode = context.spec.job?.upgradeMode;
  if (cluster === undefined || cluster.spec === null || typeof cluster.spec !== 'object' || (upgradeMode !== 'last-state' && upgradeMode !== 'savepoint')) {
    return;
  }
  const paths = configuredStatePaths(context.mergedJobConfiguration(cluster.spec), flattenConfiguration(context.spec.flinkConfiguration));
  const pods = context.podsOf(cluster.spec);
  for (const entry of locations(paths, upgradeMode)) {
    if (entry.critical === undefined || entry.role === 'high-availability') {
      continue; // the cluster reports its own HA storage
    }
    const path = uriPath(entry.uri).replace(/\/+$/, '') || '/';
    const placements = entry.processes.map((pod) => placement(context, pod === 'jobManager' ? pods.jobManager : pods.taskManager, path, context.namespace));
    if (placements.some((p) => p.storage === 'lost')) {
      report(context, { ...entry, path: entry.path === 'spec.flinkConfiguration' ? 'spec.job.upgradeMode' : entry.path }, placements);
    }
  }
}
