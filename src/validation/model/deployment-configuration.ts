/**
 * The configuration the operator builds for a FlinkDeployment, step by step as operator 1.15's
 * `FlinkConfigBuilder.buildFrom` does: the operator's defaults with `spec.flinkConfiguration` laid
 * over them (and a few defaults where a key is unset), then the keys it writes from the spec's
 * other fields (image, service account, resources, replicas, the job), then the namespace and
 * cluster id. A step that writes a key replaces what `flinkConfiguration` set there; each
 * replacement is recorded, so that a rule can name both the key and the field that won.
 *
 * The operator runs these steps with the Flink library it bundles (1.20): the keys it writes
 * are that version's, whatever `spec.flinkVersion` says, except where it asks the version.
 */
import { FlinkVersion } from '../../flink-version';
import { parseOperatorMemoryQuantity } from '../../private/fabric8/quantity';
import { parseMemorySize } from '../../private/flink/memory-size';
import * as D from '../../private/options/deployment-options';
import { flattenConfiguration, isBlank } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import * as M from '../../private/options/memory-options';
import { FlinkOption, keysRead, mainKey, typeAt, writeKey } from '../../private/options/option';
import { optionForKey } from '../../private/options/registry';
import { flinkVersionOf } from '../configuration';

/** The Flink library inside operator 1.15, whose option keys the operator writes. */
export const OPERATOR_FLINK_VERSION = FlinkVersion.V1_20;

/** The last-state checkpoint interval the operator sets when none is configured (`FlinkConfigBuilder`). */
const LAST_STATE_CHECKPOINT_INTERVAL = '5 min';

/** A `flinkConfiguration` entry that a later step of the builder replaced. */
export interface ReplacedEntry {
  /** The key, as `flinkConfiguration` set it. */
  readonly key: string;
  /** The value `flinkConfiguration` gave it. */
  readonly configured: string;
  /** The value the operator wrote instead. */
  readonly value: string;
  /** The spec field (or operator decision) that wrote it, e.g. `spec.taskManager.resource.memory`. */
  readonly by: string;
}

/** The configuration the operator builds, with where each entry comes from. */
export interface BuiltConfiguration {
  /** The entries, in the order the builder set them. */
  readonly entries: ReadonlyMap<string, string>;
  /** For each key, what wrote it: `spec.flinkConfiguration`, a spec field, or `operator`. */
  readonly sources: ReadonlyMap<string, string>;
  /** The `flinkConfiguration` entries a later step replaced. */
  readonly replaced: ReadonlyArray<ReplacedEntry>;
  /** The cluster's Flink version, as `spec.flinkVersion` names it; undefined when it names none. */
  readonly version: FlinkVersion | undefined;
}

/** The bytes the operator reads from `resource.memory` (Flink's memory size, else a Kubernetes quantity), or why it cannot. */
export function operatorMemoryBytes(value: string): bigint | string {
  try {
    return parseMemorySize(value);
  } catch {
    try {
      // The quantity's decimal text must itself be a Flink memory size: '1Gi' is, '1.5g' is not.
      return parseMemorySize(parseOperatorMemoryQuantity(value).javaString);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}

/**
 * A configuration as the operator's builder fills it: `set` replaces, `setDefault` fills only what
 * is unset; each entry keeps what wrote it, and a step that replaces a `spec.flinkConfiguration`
 * entry is recorded. The FlinkDeployment's builder below and the session job's
 * (session-job-configuration.ts) fill one.
 */
export class ConfigurationBuilder {
  public readonly entries = new Map<string, string>();
  public readonly sources = new Map<string, string>();
  public readonly replaced: ReplacedEntry[] = [];

  constructor(private readonly userKeys: ReadonlySet<string>) {}

  /** The value the builder would read for an option (its keys as the operator's library knows them). */
  public get(option: FlinkOption): string | undefined {
    for (const key of keysRead(option, undefined, 'operator')) {
      const value = this.entries.get(key);
      if (value !== undefined) {
        return value;
      }
    }
    return undefined;
  }

  /** Flink's `Configuration.contains`: the key or one of its fallback keys is set. */
  public contains(option: FlinkOption): boolean {
    return this.get(option) !== undefined;
  }

  public setKey(key: string, value: string, by: string): void {
    const previous = this.entries.get(key);
    if (previous !== undefined && this.sources.get(key) === 'spec.flinkConfiguration' && !sameValue(key, previous, value)) {
      this.replaced.push({ key, configured: previous, value, by });
    }
    this.entries.delete(key);
    this.entries.set(key, value);
    this.sources.set(key, by);
  }

  /** Sets the option's key of the operator's library. */
  public set(option: FlinkOption, value: string, by: string, version: FlinkVersion = OPERATOR_FLINK_VERSION): void {
    this.setKey(writeKey(option, version) ?? mainKey(option), value, by);
  }

  public setDefault(option: FlinkOption, value: string, by: string): void {
    if (!this.contains(option)) {
      this.set(option, value, by);
    }
  }

  public isUserKey(key: string): boolean {
    return this.userKeys.has(key);
  }
}

/** Whether two texts are one value of the key's option as the operator reads it ('2048m' and '2147483648' are one memory size). */
function sameValue(key: string, a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const option = optionForKey(key);
  if (option === undefined) {
    return false;
  }
  const type = typeAt(option, OPERATOR_FLINK_VERSION);
  const [left, right] = [type.read(a), type.read(b)];
  return left.ok && right.ok && valueText(left.value) === valueText(right.value);
}

function valueText(value: unknown): string {
  if (value instanceof Map) {
    return JSON.stringify([...value]);
  }
  return typeof value === 'bigint' || typeof value !== 'object' ? String(value) : JSON.stringify(value);
}

const isObject = (value: unknown): value is { [key: string]: any } => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A job parallelism as the operator reads `job.parallelism` (0 when unset). */
function jobParallelism(job: any): number {
  return typeof job?.parallelism === 'number' && Number.isInteger(job.parallelism) ? job.parallelism : 0;
}

/** A whole number of slots as Flink reads `taskmanager.numberOfTaskSlots` (1 when unset or unreadable). */
function slotsOf(builder: ConfigurationBuilder): number {
  const text = builder.get(F.TASK_SLOTS);
  return text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : 1;
}

/** The largest per-vertex parallelism of `pipeline.jobvertex-parallelism-overrides`, if any is above 0. */
function maxParallelismOverride(text: string | undefined): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  const values = text.split(',').map((entry) => Number(entry.split(':')[1])).filter((value) => Number.isInteger(value));
  const max = values.length === 0 ? 0 : Math.max(...values);
  return max > 0 ? max : undefined;
}

/**
 * The parallelism the operator runs an application at (`FlinkConfigBuilder.getParallelism`):
 * with `taskManager.replicas` set, replicas x slots (a configured job parallelism is then
 * ignored); in standalone mode, the largest per-vertex override; otherwise `job.parallelism`.
 */
export function operatorParallelism(spec: any, builder: { get(option: FlinkOption): string | undefined }): { value: number; source: string } {
  const replicas = spec?.taskManager?.replicas;
  if (isObject(spec?.taskManager) && typeof replicas === 'number') {
    const text = builder.get(F.TASK_SLOTS);
    const slots = text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : 1;
    return { value: replicas * slots, source: 'spec.taskManager.replicas' };
  }
  if (spec?.mode === 'standalone') {
    const override = maxParallelismOverride(builder.get(D.JOBVERTEX_PARALLELISM_OVERRIDES));
    if (override !== undefined) {
      return { value: override, source: `flinkConfiguration '${mainKey(D.JOBVERTEX_PARALLELISM_OVERRIDES)}'` };
    }
  }
  return { value: jobParallelism(spec?.job), source: 'spec.job.parallelism' };
}

function applyResource(builder: ConfigurationBuilder, field: 'jobManager' | 'taskManager', resource: any, version: FlinkVersion | undefined): void {
  if (!isObject(resource)) {
    return;
  }
  const memory = resource.memory;
  if (typeof memory === 'string' && !isBlank(memory)) {
    const bytes = operatorMemoryBytes(memory);
    if (typeof bytes === 'bigint') {
      builder.set(field === 'jobManager' ? M.JM_PROCESS_SIZE : M.TM_PROCESS_SIZE, bytes.toString(), `spec.${field}.resource.memory`);
    }
  }
  const cpu = resource.cpu;
  if (typeof cpu === 'number') {
    const option = field === 'jobManager' ? D.JOBMANAGER_CPU : D.TASKMANAGER_CPU;
    const text = Number.isInteger(cpu) ? `${cpu}.0` : String(cpu);
    builder.set(option, text, `spec.${field}.resource.cpu`);
    if (version !== undefined && !version.isAtLeast(FlinkVersion.V1_17)) {
      builder.set(option, text, `spec.${field}.resource.cpu`, version);
    }
  }
}

/**
 * The configuration the operator builds for a FlinkDeployment (`FlinkConfigBuilder.buildFrom`),
 * from the operator's default configuration and the manifest.
 */
export function buildDeploymentConfiguration(operatorConfiguration: ReadonlyMap<string, string>, manifest: any): BuiltConfiguration {
  const spec = isObject(manifest?.spec) ? manifest.spec : {};
  const version = flinkVersionOf(spec.flinkVersion);
  const own = flattenConfiguration(spec.flinkConfiguration);
  const builder = new ConfigurationBuilder(new Set(own.keys()));
  for (const [key, value] of operatorConfiguration) {
    builder.setKey(key, value, 'operator');
  }
  // applyFlinkConfiguration
  for (const [key, value] of own) {
    builder.setKey(key, value, 'spec.flinkConfiguration');
  }
  builder.setDefault(D.REST_SERVICE_EXPOSED_TYPE, 'ClusterIP', 'operator');
  builder.setDefault(D.WEB_CANCEL, 'false', 'operator');
  if (typeof spec.flinkVersion === 'string') {
    builder.set(D.FLINK_VERSION, spec.flinkVersion, 'spec.flinkVersion');
  }
  // applyImage, applyImagePullPolicy, applyServiceAccount
  if (typeof spec.image === 'string' && !isBlank(spec.image)) {
    builder.set(D.CONTAINER_IMAGE, spec.image, 'spec.image', version !== undefined && !version.isAtLeast(FlinkVersion.V1_17) ? version : OPERATOR_FLINK_VERSION);
  }
  if (typeof spec.imagePullPolicy === 'string' && !isBlank(spec.imagePullPolicy)) {
    builder.set(D.CONTAINER_IMAGE_PULL_POLICY, spec.imagePullPolicy, 'spec.imagePullPolicy');
  }
  if (typeof spec.serviceAccount === 'string') {
    builder.set(D.SERVICE_ACCOUNT, spec.serviceAccount, 'spec.serviceAccount');
  }
  // applyJobManagerSpec, applyTaskManagerSpec
  if (isObject(spec.jobManager)) {
    applyResource(builder, 'jobManager', spec.jobManager.resource, version);
    const replicas = spec.jobManager.replicas ?? 1;
    if (typeof replicas === 'number' && replicas > 0) {
      builder.set(D.JOBMANAGER_REPLICAS, String(replicas), 'spec.jobManager.replicas');
    }
  }
  const job = isObject(spec.job) ? spec.job : undefined;
  const standalone = spec.mode === 'standalone';
  if (isObject(spec.taskManager)) {
    applyResource(builder, 'taskManager', spec.taskManager.resource, version);
    const replicas = spec.taskManager.replicas;
    if (typeof replicas === 'number' && replicas > 0) {
      builder.set(D.STANDALONE_TASKMANAGER_REPLICAS, String(replicas), 'spec.taskManager.replicas');
    }
    if (job !== undefined && standalone && !builder.contains(D.STANDALONE_TASKMANAGER_REPLICAS)) {
      const count = Math.ceil(operatorParallelism(spec, builder).value / slotsOf(builder));
      builder.set(D.STANDALONE_TASKMANAGER_REPLICAS, String(count), 'spec.job.parallelism');
    }
  }
  // applyJobOrSessionSpec
  if (job !== undefined) {
    builder.set(D.EXECUTION_TARGET, standalone ? 'remote' : 'kubernetes-application', 'operator');
    if (typeof job.jarURI === 'string') {
      if (standalone) {
        builder.set(D.PIPELINE_CLASSPATHS, job.jarURI.replace(/^local:/, 'file:'), 'spec.job.jarURI');
      } else {
        builder.set(D.PIPELINE_JARS, job.jarURI, 'spec.job.jarURI');
      }
    }
    const parallelism = operatorParallelism(spec, builder);
    builder.set(D.PARALLELISM_DEFAULT, String(parallelism.value), parallelism.source);
    builder.set(D.SHUTDOWN_ON_APPLICATION_FINISH, 'false', 'operator');
    builder.setDefault(D.SUBMIT_FAILED_JOB_ON_APPLICATION_ERROR, 'true', 'operator');
    applyJobConfiguration(builder, manifest?.metadata?.name, job);
    if (standalone) {
      builder.set(D.STANDALONE_CLUSTER_MODE, 'APPLICATION', 'operator');
    }
  } else {
    builder.set(D.EXECUTION_TARGET, standalone ? 'remote' : 'kubernetes-session', 'operator');
    if (standalone) {
      builder.set(D.STANDALONE_CLUSTER_MODE, 'SESSION', 'operator');
    }
  }
  // build
  const metadata = isObject(manifest?.metadata) ? manifest.metadata : {};
  if (typeof metadata.namespace === 'string') {
    builder.set(F.KUBERNETES_NAMESPACE, metadata.namespace, 'metadata.namespace');
  }
  if (typeof metadata.name === 'string') {
    builder.set(F.KUBERNETES_CLUSTER_ID, metadata.name, 'metadata.name');
    const ha = (builder.get(F.HIGH_AVAILABILITY) ?? 'NONE').trim().toUpperCase();
    if (ha !== 'NONE') {
      builder.set(F.HA_CLUSTER_ID, metadata.name, 'metadata.name');
    }
  }
  return { entries: builder.entries, sources: builder.sources, replaced: builder.replaced, version };
}

/**
 * `FlinkConfigBuilder.applyJobConfig`: what a job (an application's, or a session job's) adds.
 * Every job retains its externalized checkpoints on cancellation unless configured otherwise;
 * a last-state job also checkpoints every 5 minutes unless configured otherwise.
 */
export function applyJobConfiguration(builder: ConfigurationBuilder, name: unknown, job: any): void {
  if (typeof name === 'string') {
    builder.setDefault(D.PIPELINE_NAME, name, 'metadata.name');
  }
  if (job.upgradeMode === 'last-state') {
    builder.setDefault(F.CHECKPOINT_INTERVAL, LAST_STATE_CHECKPOINT_INTERVAL, 'spec.job.upgradeMode');
  }
  builder.setDefault(F.EXTERNALIZED_RETENTION, 'RETAIN_ON_CANCELLATION', 'operator');
  if (typeof job.allowNonRestoredState === 'boolean') {
    builder.set(D.IGNORE_UNCLAIMED_STATE, String(job.allowNonRestoredState), 'spec.job.allowNonRestoredState', FlinkVersion.V1_19);
  }
  if (typeof job.entryClass === 'string') {
    builder.set(D.APPLICATION_MAIN_CLASS, job.entryClass, 'spec.job.entryClass');
  }
  if (Array.isArray(job.args)) {
    builder.set(D.APPLICATION_ARGS, job.args.map((arg: unknown) => String(arg)).join(';'), 'spec.job.args');
  }
}
