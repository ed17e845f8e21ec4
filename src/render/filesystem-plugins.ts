/**
 * A cluster's `fileSystemPlugins` as the official image enables them: `ENABLE_BUILT_IN_PLUGINS`
 * with the plugins' jar names, `;`-separated, on the Flink main container of both pods.
 */
import { FlinkClusterProps } from '../cluster-props';
import { PodAdditions } from './pod-hardening';
import { FLINK_MAIN_CONTAINER } from './pod-template';
import { mainKey } from '../private/options/option';
import { BUILT_IN_PLUGINS_JOBMANAGER, BUILT_IN_PLUGINS_TASKMANAGER, BUILT_IN_PLUGINS_VARIABLE } from '../private/options/storage-options';
import { propError } from '../props/prop-errors';
import { imageFlinkVersion, isOfficialFlinkImage, parseImageReference, versionText } from '../validation/image-reference';

/** The Flink release an image pins, when it is an official image with a full version tag. */
function pinnedRelease(image: string): string | undefined {
  const reference = parseImageReference(image);
  if (typeof reference === 'string' || !isOfficialFlinkImage(reference)) {
    return undefined;
  }
  const version = imageFlinkVersion(reference);
  return version?.patch === undefined ? undefined : versionText(version);
}

/**
 * The value of `ENABLE_BUILT_IN_PLUGINS` for the props, or undefined without plugins. Throws when
 * a jar name cannot be known (the image does not pin the Flink release), when the props set the
 * variable another way too, or when the root filesystem is read-only (the entrypoint links the
 * jars into /opt/flink/plugins).
 */
export function builtInPluginsValue(props: FlinkClusterProps): string | undefined {
  const plugins = props.fileSystemPlugins ?? [];
  if (plugins.length === 0) {
    return undefined;
  }
  if (props.readOnlyRootFilesystem === true || props.containerSecurityContext?.readOnlyRootFilesystem === true) {
    throw propError('fileSystemPlugins', '\'fileSystemPlugins\' needs the image\'s entrypoint to link the plugin jars into /opt/flink/plugins at startup, which a read-only root filesystem (\'readOnlyRootFilesystem\') forbids: the pods would fail to start. Use an image that holds the plugins under /opt/flink/plugins already (and drop \'fileSystemPlugins\'), or turn the read-only root filesystem off.');
  }
  const image = props.image ?? props.flinkVersion.defaultImage;
  const release = pinnedRelease(image);
  const jars = plugins.map((plugin) => {
    if (plugin.jarName === undefined && release === undefined) {
      throw propError('fileSystemPlugins', `'fileSystemPlugins' names the jar of ${plugin.name} with the image's full Flink version ('${plugin.name}-<version>.jar'), which image '${image}' does not pin. Set 'image' to an official release such as 'flink:${props.flinkVersion.major}.${props.flinkVersion.minor}.1', or give the jar with FileSystemPlugin.fromJarName('${plugin.name}-${props.flinkVersion.major}.${props.flinkVersion.minor}.1.jar').`);
    }
    return plugin.jarFor(release ?? '');
  });
  const mainEnv = (template: any) => (template?.spec?.containers ?? []).find((c: any) => c?.name === FLINK_MAIN_CONTAINER)?.env ?? [];
  const templates = [props.podTemplate, props.jobManager?.podTemplate, props.taskManager?.podTemplate];
  if (templates.some((template) => mainEnv(template).some((entry: any) => entry?.name === BUILT_IN_PLUGINS_VARIABLE))) {
    throw propError('fileSystemPlugins', `'fileSystemPlugins' sets ${BUILT_IN_PLUGINS_VARIABLE} on '${FLINK_MAIN_CONTAINER}', which a pod template sets too. Keep one: list every plugin in 'fileSystemPlugins'.`);
  }
  for (const option of [BUILT_IN_PLUGINS_JOBMANAGER, BUILT_IN_PLUGINS_TASKMANAGER]) {
    if (props.flinkConfiguration?.[mainKey(option)] !== undefined) {
      throw propError('fileSystemPlugins', `'fileSystemPlugins' and 'flinkConfiguration' key '${mainKey(option)}' both set ${BUILT_IN_PLUGINS_VARIABLE}. Keep one: list every plugin in 'fileSystemPlugins'.`);
    }
  }
  return [...new Set(jars)].join(';');
}

/** What the plugins add to the main container of both pods: ENABLE_BUILT_IN_PLUGINS, if any plugin is named. */
export function builtInPluginsAdditions(props: FlinkClusterProps): PodAdditions[] {
  const value = builtInPluginsValue(props);
  return value === undefined ? [] : [{ env: [{ name: BUILT_IN_PLUGINS_VARIABLE, value }] }];
}
