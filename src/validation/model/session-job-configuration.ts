/**
 * What will run for a FlinkSessionJob, as operator 1.15 submits it
 * (`FlinkConfigManager.getSessionJobConfig`, `AbstractFlinkService.runJar`):
 *
 * - the configuration: the session cluster's, as the builder of deployment-configuration.ts
 *   builds it (the operator starts from the cluster's observe configuration: the configuration of
 *   its deployed spec, with the savepoint directory of its current spec under its main key), the
 *   job's own `flinkConfiguration` laid over it, then what `applyJobConfig` adds for the job
 *   (`pipeline.name` defaults to the session job's name, the checkpoint defaults,
 *   `allowNonRestoredState`, `entryClass` and `args`);
 * - the submission: a REST `JarRun` request to the cluster with the entry class, the arguments,
 *   the parallelism (only when `job.parallelism` is above 0), `allowNonRestoredState`, and the
 *   whole configuration as a map, only when the cluster runs Flink 1.17 or newer (older clusters
 *   receive none of it). No file is written, so nothing is read back differently, and no
 *   TaskManager replica logic applies.
 *
 * The job's parallelism, as the cluster's `JarRunHandler` decides it: the request's parallelism;
 * without one, from Flink 1.17, `parallelism.default` of the configuration the request carries
 * (1 when unset); before 1.17, 1.
 */
import { BuiltConfiguration, ConfigurationBuilder, applyJobConfiguration } from './deployment-configuration';
import { DeploymentModel } from './deployment-model';
import { configuredStatePaths, jobStatePaths, StatePath } from './state-paths';
import { FlinkVersion } from '../../flink-version';
import * as D from '../../private/options/deployment-options';
import { EffectiveConfiguration, flattenConfiguration } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import { keysRead, mainKey, typeAt } from '../../private/options/option';
import { sessionJobConfigurationReachesFlink } from '../configuration';

/** What a source of the cluster's configuration is called in the session job's: `cluster spec.flinkConfiguration`. */
export function clusterSource(source: string): string {
  return source === 'operator' ? source : `cluster ${source}`;
}

const isObject = (value: unknown): value is { [key: string]: any } => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The configuration the operator builds for a session job (`FlinkConfigManager.getSessionJobConfig`),
 * from its cluster's built configuration (undefined when the cluster is not known: then the
 * operator's defaults alone) and the session job's manifest.
 */
export function buildSessionJobConfiguration(
  operatorConfiguration: ReadonlyMap<string, string>, cluster: BuiltConfiguration | undefined, clusterManifest: any, manifest: any,
): BuiltConfiguration {
  const spec = isObject(manifest?.spec) ? manifest.spec : {};
  const own = flattenConfiguration(spec.flinkConfiguration);
  const builder = new ConfigurationBuilder(new Set(own.keys()));
  if (cluster === undefined) {
    operatorConfiguration.forEach((value, key) => builder.setKey(key, value, 'operator'));
  } else {
    cluster.entries.forEach((value, key) => builder.setKey(key, value, clusterSource(cluster.sources.get(key) ?? 'operator')));
    // getObserveConfig: the savepoint directory of the cluster's current spec, under its main key.
    const clusterOwn = flattenConfiguration(clusterManifest?.spec?.flinkConfiguration);
    const savepointKey = keysRead(F.SAVEPOINT_DIRECTORY, undefined, 'operator').find((key) => clusterOwn.has(key));
    if (savepointKey !== undefined) {
      builder.set(F.SAVEPOINT_DIRECTORY, clusterOwn.get(savepointKey)!, clusterSource('spec.flinkConfiguration'));
    }
  }
  own.forEach((value, key) => builder.setKey(key, value, 'spec.flinkConfiguration'));
  if (isObject(spec.job)) {
    applyJobConfiguration(builder, manifest?.metadata?.name, spec.job);
  }
  return { entries: builder.entries, sources: builder.sources, replaced: builder.replaced, version: cluster?.version };
}

/** The `JarRun` request the operator sends to submit a session job. */
export interface SessionJobSubmission {
  /** `job.entryClass`; undefined lets Flink take the jar's manifest entry. */
  readonly entryClass?: string;
  /** `job.args`. */
  readonly args: ReadonlyArray<string>;
  /** `job.parallelism` when above 0; undefined otherwise (the cluster then decides). */
  readonly parallelism?: number;
  /** `job.allowNonRestoredState`, when set. */
  readonly allowNonRestoredState?: boolean;
  /** Whether the request carries the configuration (the cluster runs Flink 1.17 or newer, or its version is unknown). */
  readonly configurationSent: boolean;
}

/** The parallelism a session job runs at, as its cluster decides it. */
export interface SessionJobParallelism {
  /** The parallelism; undefined when `parallelism.default` cannot be read (the submission then fails). */
  readonly value?: number;
  /** What decides it: `spec.job.parallelism`, the configuration's `parallelism.default` (with its source), or Flink's default. */
  readonly source: string;
}

export class SessionJobModel {
  /** The model of a FlinkSessionJob manifest on its cluster (undefined when the cluster is not known). */
  public static of(operatorConfiguration: ReadonlyMap<string, string>, clusterManifest: any | undefined, manifest: any): SessionJobModel {
    const cluster = clusterManifest === undefined ? undefined : DeploymentModel.of(operatorConfiguration, clusterManifest);
    return new SessionJobModel(manifest, cluster, buildSessionJobConfiguration(operatorConfiguration, cluster?.built, clusterManifest, manifest));
  }

  private constructor(
    private readonly manifest: any,
    /** The session cluster's model; undefined when the cluster is not known. */
    public readonly cluster: DeploymentModel | undefined,
    /** The job's configuration, as the operator builds it. */
    public readonly built: BuiltConfiguration,
  ) {}

  private get job(): { [key: string]: any } {
    const job = this.manifest?.spec?.job;
    return isObject(job) ? job : {};
  }

  /** The cluster's Flink version, which receives the job; undefined when unknown. */
  public get version(): FlinkVersion | undefined {
    return this.built.version;
  }

  /** Whether the submission carries the job's configuration (Flink 1.17 or newer, or an unknown version). */
  public get configurationSent(): boolean {
    return sessionJobConfigurationReachesFlink(this.version);
  }

  /** The `JarRun` request. */
  public get submission(): SessionJobSubmission {
    const job = this.job;
    return {
      entryClass: typeof job.entryClass === 'string' ? job.entryClass : undefined,
      args: Array.isArray(job.args) ? job.args.map((arg: unknown) => String(arg)) : [],
      parallelism: typeof job.parallelism === 'number' && Number.isInteger(job.parallelism) && job.parallelism > 0 ? job.parallelism : undefined,
      allowNonRestoredState: typeof job.allowNonRestoredState === 'boolean' ? job.allowNonRestoredState : undefined,
      configurationSent: this.configurationSent,
    };
  }

  /**
   * What the job reads: the cluster's configuration as its JobManager read it from its file, with
   * the configuration the request carries laid over it (the cluster's own alone before Flink 1.17).
   */
  public get flink(): EffectiveConfiguration {
    const read = this.cluster?.flink.entries ?? new Map<string, string>();
    return this.configurationSent
      ? EffectiveConfiguration.merge(this.version, read, this.built.entries)
      : new EffectiveConfiguration(read, this.version);
  }

  /**
   * The paths the job and its state use (model/state-paths.ts): its checkpoint, savepoint and high
   * availability paths as the cluster reads them with the job's configuration (the savepoint
   * directory as the operator reads it), the jar the operator uploads, and the savepoint it starts from.
   */
  public get paths(): ReadonlyArray<StatePath> {
    const operatorConfig = new EffectiveConfiguration(this.built.entries, this.version);
    return [
      ...configuredStatePaths(this.flink, flattenConfiguration(this.manifest?.spec?.flinkConfiguration), operatorConfig),
      ...jobStatePaths(this.manifest?.spec?.job, true),
    ];
  }

  /** The parallelism the job runs at. */
  public get parallelism(): SessionJobParallelism {
    const requested = this.submission.parallelism;
    if (requested !== undefined) {
      return { value: requested, source: 'spec.job.parallelism' };
    }
    if (!this.configurationSent) {
      return { value: 1, source: 'Flink\'s default: the cluster runs Flink before 1.17, which takes no configuration with the job' };
    }
    const key = mainKey(D.PARALLELISM_DEFAULT);
    const text = this.built.entries.get(key);
    if (text === undefined) {
      return { value: 1, source: `Flink's default: neither spec.job.parallelism nor '${key}' is set` };
    }
    // Flink reads the request's map as it is (Integer.parseInt, no trimming).
    const read = typeAt(D.PARALLELISM_DEFAULT, this.version).read(text);
    return { value: read.ok ? read.value : undefined, source: `'${key}' (${this.built.sources.get(key)})` };
  }
}
