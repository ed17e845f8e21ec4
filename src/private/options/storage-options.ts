/**
 * The options that decide where a cluster's state lands and which file systems its pods can
 * reach: the job result store, and the built-in plugins that the official image's entrypoint
 * enables from a container's environment (how the operator merges the pod templates that carry
 * that environment is POD_TEMPLATE_MERGE_BY_NAME, among the operator's options).
 *
 * Sources: `JobResultStoreOptions` (flink-runtime), `ResourceManagerOptions`'
 * `containerized.master.env.` / `containerized.taskmanager.env.` prefixes (set a variable on the
 * JobManager / TaskManager main container; Flink's native Kubernetes docs use them for
 * `ENABLE_BUILT_IN_PLUGINS`).
 */
import { option, versioned } from './option';
import { STRING } from './value-type';
import { FlinkVersion } from '../../flink-version';

/** The official image's variable that links plugin jars from `/opt/flink/opt` into `/opt/flink/plugins`. */
export const BUILT_IN_PLUGINS_VARIABLE = 'ENABLE_BUILT_IN_PLUGINS';

export const JOB_RESULT_STORE_PATH = option({
  keys: [versioned('job-result-store.storage-path', { since: FlinkVersion.V1_15 })],
  type: STRING,
  reader: 'flink',
  source: 'JobResultStoreOptions.STORAGE_PATH (default: under high-availability.storageDir)',
  format: 'URI, e.g. `s3://bucket/job-results`',
});

export const BUILT_IN_PLUGINS_JOBMANAGER = option({
  keys: [versioned(`containerized.master.env.${BUILT_IN_PLUGINS_VARIABLE}`)],
  type: STRING,
  reader: 'flink',
  source: 'ResourceManagerOptions.CONTAINERIZED_MASTER_ENV_PREFIX + ENABLE_BUILT_IN_PLUGINS',
  format: "plugin jar names separated by ';', e.g. `flink-s3-fs-hadoop-1.20.1.jar`",
});

export const BUILT_IN_PLUGINS_TASKMANAGER = option({
  keys: [versioned(`containerized.taskmanager.env.${BUILT_IN_PLUGINS_VARIABLE}`)],
  type: STRING,
  reader: 'flink',
  source: 'ResourceManagerOptions.CONTAINERIZED_TASK_MANAGER_ENV_PREFIX + ENABLE_BUILT_IN_PLUGINS',
  format: "plugin jar names separated by ';', e.g. `flink-s3-fs-hadoop-1.20.1.jar`",
});
