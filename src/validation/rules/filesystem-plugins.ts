/**
 * File system plugins: state and jars on `s3://`, `gs://`, `abfs://`, `oss://`... need Flink's
 * plugin for the scheme in the pods that read or write them, or Flink fails with "Could not find
 * a file system implementation for scheme". The official images enable built-in plugins from
 * `ENABLE_BUILT_IN_PLUGINS` on the main container; its jar names carry the image's exact Flink
 * version, and a name the image does not have stops the container.
 */
import { FlinkVersion } from '../../flink-version';
import { FileSystemPluginFamily, builtInPluginJars, parsePluginJar, pluginsForScheme } from '../../private/flink/plugins';
import { uriScheme } from '../../private/flink/uri';
import { EffectiveConfiguration, flattenConfiguration } from '../../private/options/effective-configuration';
import {
  BUILT_IN_PLUGINS_JOBMANAGER, BUILT_IN_PLUGINS_TASKMANAGER, BUILT_IN_PLUGINS_VARIABLE,
} from '../../private/options/storage-options';
import { flinkVersionOf, SESSION_JOB_CONFIGURATION_SINCE, sessionClusterOf } from '../configuration';
import { RuleContext } from '../context';
import { ImageFlinkVersion, imageFlinkVersion, isOfficialFlinkImage, parseImageReference, versionText } from '../image-reference';
import { childPath } from '../json-path';
import { ResolvedValue } from '../model/cluster-objects';
import { configuredStatePaths, FlinkProcess, StatePath } from '../model/state-paths';
import { environmentValue, FlinkPod, volumeMounts } from '../pods/flink-pods';

type Process = FlinkProcess;
const LABEL: { [process in Process]: string } = { jobManager: 'JobManager', taskManager: 'TaskManager' };

/** The plugins a pod enables, or undefined when the manifests cannot tell (a ConfigMap, a mounted plugins folder). */
interface EnabledPlugins {
  readonly jars: ReadonlyArray<string>;
  readonly path?: string;
}

/** The image the pods run, as far as the manifests say. */
interface PodImage {
  readonly text?: string;
  readonly official: boolean;
  readonly version?: ImageFlinkVersion;
}

/** The image a process runs (model/cluster-objects.ts): `spec.image`, an image key, the template's, or Flink's default (official). */
function imageOf(image: ResolvedValue): PodImage {
  if (image.value === undefined || image.value.trim() === '') {
    return { official: true }; // the image Flink defaults to: apache/flink of the operator's Flink version
  }
  const reference = parseImageReference(image.value);
  if (typeof reference === 'string') {
    return { text: image.value, official: false };
  }
  return { text: image.value, official: isOfficialFlinkImage(reference), version: imageFlinkVersion(reference) };
}

/** The images of a FlinkDeployment's JobManager and TaskManager pods. */
function imagesOf(context: RuleContext, deployment: any): { [process in Process]: PodImage } {
  const images = context.modelOf(deployment).images;
  return { jobManager: imageOf(images.jobManager), taskManager: imageOf(images.taskManager) };
}

/**
 * A FlinkDeployment's storage (model/state-paths.ts): checkpoints and savepoints (both pods), high
 * availability's storage and the job result store, and from Flink 1.19 a jar the JobManager
 * fetches with its file systems (before, only local:// works).
 */
function deploymentStorage(context: RuleContext): StatePath[] {
  const version = context.config.version;
  const fetchesJars = version === undefined || version.isAtLeast(FlinkVersion.V1_19);
  return context.modelOf(context.manifest).paths.filter((path) => path.role === 'job-jar' ? fetchesJars : path.role !== 'initial-savepoint');
}

function enabledPlugins(pod: FlinkPod, config: EffectiveConfiguration, process: Process): EnabledPlugins | undefined {
  const option = process === 'jobManager' ? BUILT_IN_PLUGINS_JOBMANAGER : BUILT_IN_PLUGINS_TASKMANAGER;
  const configured = config.lookup(option, 'flink');
  if (configured !== undefined) {
    return { jars: builtInPluginJars(configured.value), path: childPath('spec.flinkConfiguration', configured.key) };
  }
  if (volumeMounts(pod.main?.container).some((mount) => /^\/opt\/flink\/plugins(\/|$)/.test(mount.mountPath))) {
    return undefined; // plugins mounted into the image
  }
  const env = environmentValue(pod.main?.container, BUILT_IN_PLUGINS_VARIABLE);
  if (env?.unknown === true) {
    return undefined;
  }
  return { jars: env?.value === undefined ? [] : builtInPluginJars(env.value), path: env?.path === undefined ? undefined : `${pod.main!.path}.${env.path}` };
}

function exampleJar(plugin: FileSystemPluginFamily, image: PodImage): string {
  return `${plugin.jar}-${image.version?.patch !== undefined ? versionText(image.version) : "<the image's Flink version, e.g. 1.20.1>"}.jar`;
}

/** Reports storage URIs whose scheme no plugin of the pods serves. */
function checkMissingPlugins(context: RuleContext, uris: ReadonlyArray<StatePath>, deployment: any, config: EffectiveConfiguration): void {
  if (uris.length === 0) {
    return;
  }
  const spec = deployment.spec;
  // The same for every session job of a cluster: computed once per cluster spec and run.
  const { images, enabled } = context.shared(spec, 'plugins', () => {
    const pods = context.podsOf(spec);
    return {
      images: imagesOf(context, deployment),
      enabled: { jobManager: enabledPlugins(pods.jobManager, config, 'jobManager'), taskManager: enabledPlugins(pods.taskManager, config, 'taskManager') },
    };
  });
  for (const storage of uris) {
    const scheme = uriScheme(storage.uri);
    const plugins = scheme === undefined ? [] : pluginsForScheme(scheme);
    if (plugins.length === 0) {
      continue;
    }
    const lacking = storage.processes.filter((process) => {
      const jars = enabled[process];
      return jars !== undefined && !jars.jars.some((jar) => plugins.some((plugin) => jar.startsWith(`${plugin.jar}-`) || jar === `${plugin.jar}.jar`));
    });
    // The pods that lack it, grouped by the image they run (the JobManager's and TaskManagers' may differ).
    const groups = new Map<string | undefined, Process[]>();
    lacking.forEach((process) => groups.set(images[process].text, [...(groups.get(images[process].text) ?? []), process]));
    for (const processes of groups.values()) {
      reportMissingPlugin(context, storage, scheme!, plugins, processes, images[processes[0]]);
    }
  }
}

function reportMissingPlugin(
  context: RuleContext, storage: StatePath, scheme: string, plugins: FileSystemPluginFamily[], lacking: Process[], image: PodImage,
): void {
  const where = lacking.map((process) => LABEL[process]).join(' and ');
  const names = plugins.map((plugin) => `'${plugin.jar}'`).join(' or ');
  const subject = `${storage.what} is '${storage.uri}', which needs the ${names} file system plugin in the ${where} ${lacking.length > 1 ? 'pods' : 'pod'}`;
  if (image.official) {
    const shown = image.text === undefined ? 'the image Flink defaults to (an official image)' : `the official image '${image.text}'`;
    context.report('filesystem-plugin-missing', storage.path,
      `${subject}, but ${shown} enables none there: Flink fails with "Could not find a file system implementation for scheme '${scheme}'". Set ${BUILT_IN_PLUGINS_VARIABLE}=${exampleJar(plugins[0], image)} on 'flink-main-container' in spec.podTemplate (both pods), or use 'fileSystemPlugins' in the constructs.`);
  } else {
    context.report('filesystem-plugin-custom-image', storage.path,
      `${subject}, and '${image.text}' is not an official Flink image, whose ${BUILT_IN_PLUGINS_VARIABLE} would enable it: the image must hold the plugin jar in its own folder under /opt/flink/plugins/ (e.g. /opt/flink/plugins/${plugins[0].jar.replace(/^flink-/, '')}/${plugins[0].jar}-<Flink version>.jar), or Flink fails with "Could not find a file system implementation for scheme '${scheme}'".`);
  }
}

/** On an official image, each enabled jar must be one the image has: its version is the image's. */
function checkPluginVersions(context: RuleContext): void {
  const spec = context.spec;
  const images = imagesOf(context, context.manifest);
  const pods = context.podsOf(spec);
  const seen = new Set<string>();
  for (const process of ['jobManager', 'taskManager'] as Process[]) {
    const image = images[process];
    if (!image.official) {
      continue;
    }
    const enabled = enabledPlugins(process === 'jobManager' ? pods.jobManager : pods.taskManager, context.config, process);
    for (const jar of enabled?.jars ?? []) {
      const path = enabled!.path ?? 'spec.podTemplate';
      if (seen.has(`${path}|${jar}`)) {
        continue;
      }
      seen.add(`${path}|${jar}`);
      checkPluginJar(context, jar, path, image);
    }
  }
}

function checkPluginJar(context: RuleContext, jar: string, path: string, image: PodImage): void {
  const parsed = parsePluginJar(jar);
  const tag = image.version;
  const exits = `the image's entrypoint exits with "Plugin ${jar} does not exist. Exiting." and the container restarts forever`;
  if (parsed === undefined) {
    context.report('builtin-plugin-version', path,
      `${BUILT_IN_PLUGINS_VARIABLE} names '${jar}', but the jars of /opt/flink/opt are named with the image's Flink version, e.g. 'flink-s3-fs-hadoop-${tag?.patch !== undefined ? versionText(tag) : '1.20.1'}.jar': ${exits}. Use the exact jar name.`);
    return;
  }
  const otherRelease = tag !== undefined
    && (tag.major !== parsed.major || tag.minor !== parsed.minor || (tag.patch !== undefined && versionText(tag) !== parsed.version));
  if (otherRelease) {
    context.report('builtin-plugin-version', path,
      `${BUILT_IN_PLUGINS_VARIABLE} names '${jar}' (Flink ${parsed.version}), but '${image.text}' ships Flink ${versionText(tag)}${tag.patch === undefined ? '' : `, whose jar is '${parsed.name}-${versionText(tag)}.jar'`}: ${exits}. Name the jar of the image's version.`);
    return;
  }
  if (tag?.patch === undefined) {
    const floating = image.text === undefined
      ? "no image is set: the image Flink defaults to carries the Flink version of the operator's Flink library, not this jar's"
      : `'${image.text}' is a floating tag: it moves to each new patch release (and 'latest' to each release), while '${jar}' names Flink ${parsed.version} for good`;
    context.report('builtin-plugin-floating-tag', path,
      `${floating}. Once the image holds another version, ${exits}. Pin the image to Flink ${parsed.version} (e.g. 'flink:${parsed.version}').`);
  }
}

export function checkFileSystemPlugins(context: RuleContext): void {
  checkMissingPlugins(context, deploymentStorage(context), context.manifest, context.config);
  checkPluginVersions(context);
}

/**
 * A session job's own checkpoint and savepoint directories are written by its cluster's pods
 * (its checkpoint directory reaches them from Flink 1.17; the operator sends the savepoint
 * directory with each savepoint).
 */
export function checkSessionJobFileSystemPlugins(context: RuleContext): void {
  const cluster = sessionClusterOf(context.index, context.manifest);
  if (cluster === undefined || cluster.spec === null || typeof cluster.spec !== 'object') {
    return;
  }
  const own = flattenConfiguration(context.spec.flinkConfiguration);
  if (own.size === 0) {
    return; // the cluster's own directories are the cluster's findings
  }
  const version = flinkVersionOf(cluster.spec.flinkVersion);
  const reaches = version === undefined || version.isAtLeast(SESSION_JOB_CONFIGURATION_SINCE);
  // The job's own directories: its checkpoint directory reaches the cluster from Flink 1.17; the operator sends the savepoint directory.
  const uris = configuredStatePaths(context.mergedJobConfiguration(cluster.spec), own)
    .filter((path) => path.ownEntry && (path.role === 'savepoints' || (path.role === 'checkpoints' && reaches)));
  const clusterConfig = context.clusterConfiguration(cluster.spec);
  checkMissingPlugins(context, uris, cluster, clusterConfig);
}
