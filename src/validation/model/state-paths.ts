/**
 * The paths a job and its state are read from and written to, as the configuration that will run
 * names them: the checkpoint and savepoint directories (written by the JobManager and the
 * TaskManagers), high availability's storage and the job result store (the JobManager's, with
 * high availability on), and the job's own fields: the jar and the savepoint it starts from.
 *
 * The rules about where state lands (`local-state-*`) and which file systems the pods need
 * (`filesystem-plugin-*`) judge these, and `explain` lists them.
 */
import { uriScheme } from '../../private/flink/uri';
import { EffectiveConfiguration, isBlank } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import { FlinkOption, OptionReader } from '../../private/options/option';
import { JOB_RESULT_STORE_PATH } from '../../private/options/storage-options';
import { highAvailabilityEnabled } from '../configuration';
import { childPath } from '../json-path';

/** A Flink process whose pods use a path. */
export type FlinkProcess = 'jobManager' | 'taskManager';

/** What a path holds. */
export type StateRole = 'checkpoints' | 'savepoints' | 'high-availability' | 'job-result-store' | 'job-jar' | 'initial-savepoint';

/** A path a job or its state is read from or written to. */
export interface StatePath {
  readonly role: StateRole;
  /** The configuration option that names it; undefined for a job field. */
  readonly option?: FlinkOption;
  /** For messages: the key in quotes (`'execution.checkpointing.dir'`), or the field (`spec.job.jarURI`). */
  readonly what: string;
  /** The configuration key that names it, as read; undefined for a job field. */
  readonly key?: string;
  /** The URI or path, trimmed. */
  readonly uri: string;
  /** Its scheme (`s3`, `file`), or undefined for a bare path. */
  readonly scheme?: string;
  /** The manifest path that sets it; `spec.flinkConfiguration` when it comes from elsewhere (the operator's defaults, the cluster). */
  readonly path: string;
  /** Whether the resource itself sets it (its own flinkConfiguration or job field). */
  readonly ownEntry: boolean;
  /** The pods that use it. */
  readonly processes: ReadonlyArray<FlinkProcess>;
  /** Who reads or writes it, for people. */
  readonly use: string;
}

const BOTH: ReadonlyArray<FlinkProcess> = ['jobManager', 'taskManager'];
const JOB_MANAGER: ReadonlyArray<FlinkProcess> = ['jobManager'];

interface ConfiguredPath {
  readonly role: StateRole;
  readonly option: FlinkOption;
  /** Who reads the key: Flink, or the operator (which passes the savepoint directory with each savepoint it triggers). */
  readonly reader: OptionReader;
  readonly processes: ReadonlyArray<FlinkProcess>;
  readonly use: string;
  readonly highAvailabilityOnly: boolean;
}

const CONFIGURED_PATHS: ReadonlyArray<ConfiguredPath> = [
  {
    role: 'checkpoints',
    option: F.CHECKPOINT_DIRECTORY,
    reader: 'flink',
    processes: BOTH,
    highAvailabilityOnly: false,
    use: 'the TaskManagers write checkpoint data, the JobManager their metadata; a restart restores from them',
  },
  {
    role: 'savepoints',
    option: F.SAVEPOINT_DIRECTORY,
    reader: 'operator',
    processes: BOTH,
    highAvailabilityOnly: false,
    use: 'the savepoints the operator triggers (upgrades, savepoint upgrade mode) are written there by the JobManager and the TaskManagers',
  },
  {
    role: 'high-availability',
    option: F.HA_STORAGE_DIRECTORY,
    reader: 'flink',
    processes: JOB_MANAGER,
    highAvailabilityOnly: true,
    use: 'the JobManager keeps the metadata a new leader recovers the jobs from',
  },
  {
    role: 'job-result-store',
    option: JOB_RESULT_STORE_PATH,
    reader: 'flink',
    processes: JOB_MANAGER,
    highAvailabilityOnly: true,
    use: 'the JobManager records finished jobs, so that a new leader does not run them again',
  },
];

/**
 * The state paths a configuration names: checkpoints and savepoints, and with high availability
 * on, its storage and the job result store. `own` holds the resource's own flinkConfiguration,
 * to tell its entries from the ones it inherits. `operatorConfig` is the configuration the operator
 * reads the savepoint directory from, when it differs (a session job's, which the operator keeps
 * whether or not the cluster's Flink takes it with the job).
 */
export function configuredStatePaths(
  config: EffectiveConfiguration, own: ReadonlyMap<string, string>, operatorConfig: EffectiveConfiguration = config,
): StatePath[] {
  const highAvailability = highAvailabilityEnabled(config, 'flink');
  const paths: StatePath[] = [];
  for (const entry of CONFIGURED_PATHS) {
    if (entry.highAvailabilityOnly && !highAvailability) {
      continue;
    }
    const found = (entry.reader === 'operator' ? operatorConfig : config).lookup(entry.option, entry.reader);
    if (found === undefined || isBlank(found.value)) {
      continue;
    }
    const uri = found.value.trim();
    // The resource's own entry, when it is the one in effect (a session job's may not reach its cluster).
    const ownEntry = own.get(found.key) === found.value;
    paths.push({
      role: entry.role,
      option: entry.option,
      what: `'${found.key}'`,
      key: found.key,
      uri,
      scheme: uriScheme(uri),
      path: ownEntry ? childPath('spec.flinkConfiguration', found.key) : 'spec.flinkConfiguration',
      ownEntry,
      processes: entry.processes,
      use: entry.use,
    });
  }
  return paths;
}

/**
 * The paths of a job's own fields: the jar the JobManager runs (an application's; the operator
 * uploads a session job's), and the savepoint the job starts from.
 */
export function jobStatePaths(job: unknown, sessionJob: boolean): StatePath[] {
  if (job === null || typeof job !== 'object' || Array.isArray(job)) {
    return [];
  }
  const fields = job as { [field: string]: unknown };
  const paths: StatePath[] = [];
  const field = (role: StateRole, name: string, processes: ReadonlyArray<FlinkProcess>, use: string) => {
    const value = fields[name];
    if (typeof value === 'string' && !isBlank(value)) {
      const uri = value.trim();
      paths.push({ role, what: `spec.job.${name}`, uri, scheme: uriScheme(uri), path: `spec.job.${name}`, ownEntry: true, processes, use });
    }
  };
  field('job-jar', 'jarURI', sessionJob ? [] : JOB_MANAGER, sessionJob
    ? 'the operator fetches the jar and uploads it to the cluster'
    : 'the JobManager runs the jar (local:// from the image; from Flink 1.19 it fetches other schemes with its file systems)');
  field('initial-savepoint', 'initialSavepointPath', BOTH, 'the job restores from this savepoint when it is first deployed');
  return paths;
}
