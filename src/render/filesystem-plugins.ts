/**
 * A cluster's `filesystemPlugins` as the official image enables them: `ENABLE_BUILT_IN_PLUGINS`
 * with the plugins' jar names, `;`-separated, on the Flink main container of both pods.
 */
import { FlinkClusterProps } from '../cluster-props';
import { FLINK_MAIN_CONTAINER } from './pod-template';
import { mainKey } from '../private/options/option';
import { BUILT_IN_PLUGINS_JOBMANAGER, BUILT_IN_PLUGINS_TASKMANAGER, BUILT_IN_PLUGINS_VARIABLE } from '../private/options/storage-options';
import { PropError } from '../private/prop-error';
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
 * a jar name cannot be known (the image does not pin the Flink release) or when the props set
 * the variable another way too.
 */
export function builtInPluginsValue(props: FlinkClusterProps): string | undefined {
  const plugins = props.filesystemPlugins ?? [];
  if (plugins.length === 0) {
    return undefined;
  }
  const image = props.image ?? props.flinkVersion.defaultImage;
  const release = pinnedRelease(image);
  const jars = plugins.map((plugin) => {
    if (plugin.jarName === undefined && release === undefined) {
      throw new PropError(`'filesystemPlugins' names the jar of ${plugin.name} with the image's full Flink version ('${plugin.name}-<version>.jar'), which image '${image}' does not pin. Set 'image' to an official release such as 'flink:${props.flinkVersion.major}.${props.flinkVersion.minor}.1', or give the jar with FileSystemPlugin.fromJarName('${plugin.name}-${props.flinkVersion.major}.${props.flinkVersion.minor}.1.jar').`);
    }
    return plugin.jarFor(release ?? '');
  });
  const mainEnv = (template: any) => (template?.spec?.containers ?? []).find((c: any) => c?.name === FLINK_MAIN_CONTAINER)?.env ?? [];
  const templates = [props.podTemplate, props.jobManager?.podTemplate, props.taskManager?.podTemplate];
  if (templates.some((template) => mainEnv(template).some((entry: any) => entry?.name === BUILT_IN_PLUGINS_VARIABLE))) {
    throw new PropError(`'filesystemPlugins' sets ${BUILT_IN_PLUGINS_VARIABLE} on '${FLINK_MAIN_CONTAINER}', which a pod template sets too. Keep one: list every plugin in 'filesystemPlugins'.`);
  }
  for (const option of [BUILT_IN_PLUGINS_JOBMANAGER, BUILT_IN_PLUGINS_TASKMANAGER]) {
    if (props.flinkConfiguration?.[mainKey(option)] !== undefined) {
      throw new PropError(`'filesystemPlugins' and 'flinkConfiguration' key '${mainKey(option)}' both set ${BUILT_IN_PLUGINS_VARIABLE}. Keep one: list every plugin in 'filesystemPlugins'.`);
    }
  }
  return [...new Set(jars)].join(';');
}

/**
 * Adds the variable to the main container of a rendered pod template. The operator merges the
 * shared template into the JobManager's and TaskManager's position by position, `env` lists
 * included, so a process template whose main container has an `env` list gets it too, first.
 */
export function withBuiltInPlugins(template: any, value: string | undefined, always: boolean): any {
  const containers = template?.spec?.containers;
  const mainHasEnv = Array.isArray(containers) && containers.some((c: any) => c?.name === FLINK_MAIN_CONTAINER && Array.isArray(c.env));
  if (value === undefined || (!always && !mainHasEnv)) {
    return template;
  }
  const variable = { name: BUILT_IN_PLUGINS_VARIABLE, value };
  const list: any[] = Array.isArray(containers) && containers.length > 0 ? containers : [{ name: FLINK_MAIN_CONTAINER }];
  return {
    ...template,
    spec: {
      ...template?.spec,
      containers: list.map((container) => (container?.name === FLINK_MAIN_CONTAINER
        ? { ...container, env: [variable, ...(container.env ?? [])] } : container)),
    },
  };
}
