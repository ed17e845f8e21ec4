/**
 * What every construct that renders a FlinkDeployment spec (clusters, applications, and
 * blue/green templates) does with the cluster props: the eager checks and the assembled Flink
 * configuration.
 */
import { FlinkClusterProps } from '../cluster-props';
import { checkIdentityProps, identityConfigurationEntries } from './cluster-identity';
import { ConfigurationBuilder, FLINK_CONFIGURATION_PROP, typedPropSource } from './configuration-builder';
import { DEFAULT_MEMORY } from './deployment-spec';
import { builtInPluginsValue } from './filesystem-plugins';
import { checkPodProps } from './pod-hardening';
import { clusterConfigurationEntries } from './typed-configuration';
import { quoted, SERVICE_ACCOUNT_NAME } from '../private/kubernetes-names';
import { onFirstUse } from '../private/on-first-use';
import * as D from '../private/options/deployment-options';
import * as M from '../private/options/memory-options';
import { allKeys, FlinkOption, mainKey } from '../private/options/option';
import { checkMetadataKeys, checkName } from '../props/name-checks';
import { checkNonce, checkPositiveNumber, checkWholeNumber, flinkMemoryString } from '../props/prop-checks';
import { entryProp, propError } from '../props/prop-errors';
import { logFileNameProblem } from '../validation/checks/configuration-text';
import type * as ProcessMemory from '../validation/checks/process-memory';
import { replacedConfigurationMessage } from '../validation/checks/replaced-configuration';
import type * as DeploymentConfiguration from '../validation/model/deployment-configuration';

// The memory model and the operator's memory parser, loaded on first use (importing the library stays cheap).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const processMemory = onFirstUse(() => require('../validation/checks/process-memory') as typeof ProcessMemory);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploymentConfiguration = onFirstUse(() => require('../validation/model/deployment-configuration') as typeof DeploymentConfiguration);

/** Throws on cluster props that the props alone decide are wrong. */
export function checkClusterProps(props: FlinkClusterProps): void {
  checkPositiveNumber('jobManager.cpu', props.jobManager?.cpu);
  checkWholeNumber('jobManager.replicas', props.jobManager?.replicas, 1);
  checkPositiveNumber('taskManager.cpu', props.taskManager?.cpu);
  checkWholeNumber('taskManager.replicas', props.taskManager?.replicas, 1);
  checkWholeNumber('taskManager.slots', props.taskManager?.slots, 1);
  checkNonce('restartNonce', props.restartNonce);
  flinkMemoryString('jobManager.memory', props.jobManager?.memory);
  flinkMemoryString('jobManager.ephemeralStorage', props.jobManager?.ephemeralStorage);
  flinkMemoryString('taskManager.memory', props.taskManager?.memory);
  flinkMemoryString('taskManager.ephemeralStorage', props.taskManager?.ephemeralStorage);
  checkMetadataKeys('metadata', props.metadata);
  checkMetadataKeys('podTemplate.metadata', props.podTemplate?.metadata);
  checkMetadataKeys('jobManager.podTemplate.metadata', props.jobManager?.podTemplate?.metadata);
  checkMetadataKeys('taskManager.podTemplate.metadata', props.taskManager?.podTemplate?.metadata);
  checkName('serviceAccount', props.serviceAccount?.name, SERVICE_ACCOUNT_NAME);
  checkPodProps(props);
  checkIdentityProps(props);
  for (const file of Object.keys(props.logConfiguration ?? {})) {
    const problem = logFileNameProblem(file);
    if (problem !== undefined) {
      throw propError(entryProp('logConfiguration', file), `'logConfiguration' file name ${quoted(file)} ${problem}. Use 'log4j-console.properties' or 'logback-console.xml'.`);
    }
  }
  builtInPluginsValue(props);
}

/**
 * The options the operator writes from spec fields that the constructs always render (or render
 * when the prop is set), with those props: a raw `flinkConfiguration` key of one of them would
 * have no effect (`config-replaced`).
 */
interface WrittenFromProp {
  readonly option: FlinkOption;
  readonly prop: string;
  /** Whether the construct renders the spec field; always when absent. */
  readonly set?: (props: FlinkClusterProps) => boolean;
}

const WRITTEN_FROM_PROPS: ReadonlyArray<WrittenFromProp> = [
  { option: M.JM_PROCESS_SIZE, prop: 'jobManager.memory' },
  { option: M.TM_PROCESS_SIZE, prop: 'taskManager.memory' },
  { option: D.JOBMANAGER_CPU, prop: 'jobManager.cpu' },
  { option: D.TASKMANAGER_CPU, prop: 'taskManager.cpu' },
  { option: D.JOBMANAGER_REPLICAS, prop: 'jobManager.replicas' },
  { option: D.CONTAINER_IMAGE, prop: 'image' },
  { option: D.CONTAINER_IMAGE_PULL_POLICY, prop: 'imagePullPolicy', set: (props) => props.imagePullPolicy !== undefined },
  { option: D.SERVICE_ACCOUNT, prop: 'serviceAccount' },
];

/** Throws on a raw `flinkConfiguration` key that the operator replaces from a prop the construct renders. */
function checkNotReplaced(props: FlinkClusterProps): void {
  for (const [key, value] of Object.entries(props.flinkConfiguration ?? {})) {
    const written = WRITTEN_FROM_PROPS.find(({ option, set }) => allKeys(option).includes(key.trim()) && (set === undefined || set(props)));
    if (written !== undefined) {
      throw propError(entryProp('flinkConfiguration', key), replacedConfigurationMessage(key, value, `'${written.prop}'`, undefined));
    }
    checkJobManagerAccountKey(key, value, props.serviceAccount === undefined, entryProp('flinkConfiguration', key));
  }
}

/**
 * Throws on a raw `kubernetes.jobmanager.service-account` when the construct creates the
 * JobManager's ServiceAccount and binds it to the job rules: Flink reads that key before the
 * `kubernetes.service-account` the operator writes from spec.serviceAccount, so the JobManager
 * would run as an account the construct did not bind.
 *
 * @param rendersRbac whether the construct creates the account (no `serviceAccount` prop)
 * @param prop the prop to name in the error
 */
export function checkJobManagerAccountKey(key: string, value: unknown, rendersRbac: boolean, prop: string): void {
  const jobManagerKey = mainKey(D.JOBMANAGER_SERVICE_ACCOUNT);
  if (rendersRbac && key.trim() === jobManagerKey) {
    throw propError(prop,
      `flinkConfiguration '${jobManagerKey}' ('${String(value)}') makes the JobManager run as that account, not as the ServiceAccount this construct creates and binds to the operator's job rules (Flink reads the key before the 'kubernetes.service-account' the operator writes from spec.serviceAccount). Remove the key, or pass an account bound to the job rules as 'serviceAccount'.`);
  }
}

/**
 * Throws when Flink would refuse to start the JobManager or TaskManager at the memory the props
 * give it (or the default), naming the prop and the smallest size that starts (the
 * `*-memory-model` rules, at construction).
 */
function checkProcessSizes(props: FlinkClusterProps, configuration: ConfigurationBuilder): void {
  const entries = configuration.toObject();
  const otherFields = configuration.typedEntries();
  for (const [field, process] of [['jobManager', 'JobManager'], ['taskManager', 'TaskManager']] as const) {
    const prop = `${field}.memory`;
    const given = flinkMemoryString(prop, props[field]?.memory);
    const written = given ?? DEFAULT_MEMORY;
    const bytes = deploymentConfiguration().operatorMemoryBytes(written);
    if (typeof bytes === 'string') {
      continue;
    }
    const refusal = processMemory().processSizeRefusal({
      process, field: prop, written, defaulted: given === undefined, bytes, configuration: entries, version: props.flinkVersion, otherFields,
    });
    if (refusal !== undefined) {
      throw propError(prop, refusal);
    }
  }
}

/** The raw `flinkConfiguration` with the typed props' entries, for the cluster's Flink version. */
export function clusterConfiguration(props: FlinkClusterProps): ConfigurationBuilder {
  checkNotReplaced(props);
  const configuration = new ConfigurationBuilder();
  configuration.setAll(props.flinkConfiguration, FLINK_CONFIGURATION_PROP);
  for (const entry of [...clusterConfigurationEntries(props, props.flinkVersion), ...identityConfigurationEntries(props)]) {
    configuration.set(entry.key, entry.value, typedPropSource(entry.source));
  }
  checkProcessSizes(props, configuration);
  return configuration;
}
