/**
 * What `FlinkValidator.explain` returns: what the operator and Flink will make of a manifest.
 */
import { ExplainedObjects } from './explained-objects';
import { JobManagerMemoryBreakdown } from './job-manager-memory-breakdown';
import { TaskManagerMemoryBreakdown } from './task-manager-memory-breakdown';

/**
 * Options of `FlinkValidator.explain`.
 */
export interface ExplainOptions {
  /**
   * The operator's default Flink configuration, which every resource's `flinkConfiguration` is
   * laid over (the `defaultConfiguration` of the operator's Helm values).
   *
   * @default - none
   */
  readonly operatorConfiguration?: { [key: string]: string };
}

/**
 * An entry of the configuration the operator builds.
 */
export interface ExplainedEntry {
  /** The key, e.g. `taskmanager.memory.process.size`. */
  readonly key: string;

  /** The value; `******` when Flink treats the key as sensitive. */
  readonly value: string;

  /**
   * What wrote it: `spec.flinkConfiguration`, a spec field (`spec.taskManager.resource.memory`),
   * `metadata.name`, or `operator` (the operator's defaults and its own settings). For a session
   * job, what came from its cluster says `cluster` first, e.g. `cluster spec.flinkConfiguration`.
   */
  readonly source: string;

  /** Whether Flink treats the key as sensitive (the value is then masked). */
  readonly sensitive: boolean;
}

/**
 * A `flinkConfiguration` entry that the operator replaces with the value of a spec field.
 */
export interface ExplainedReplacement {
  /** The key. */
  readonly key: string;

  /** The value `flinkConfiguration` gives it; `******` when sensitive. */
  readonly configured: string;

  /** The value that runs; `******` when sensitive. */
  readonly value: string;

  /** What wins, e.g. `spec.taskManager.resource.memory`. */
  readonly replacedBy: string;

  /** Whether Flink treats the key as sensitive (the values are then masked). */
  readonly sensitive: boolean;
}

/**
 * An entry that Flink reads differently from how the operator writes it: left out of the
 * configuration file, or read by the legacy `flink-conf.yaml` loader (before Flink 2.0) under
 * another key or with another value.
 */
export interface ExplainedReadDifference {
  /** The key, as the configuration holds it. */
  readonly key: string;

  /** The value, as the configuration holds it; `******` when sensitive. */
  readonly written: string;

  /**
   * The key Flink reads it as.
   *
   * @default - Flink does not read it (the line is skipped, or the entry is not written)
   */
  readonly readKey?: string;

  /**
   * The value Flink reads; `******` when sensitive.
   *
   * @default - Flink does not read it
   */
  readonly readValue?: string;

  /** What happens to it, e.g. `the loader cuts the value at '#'`. */
  readonly reason: string;

  /** Whether Flink treats the key (or the key it reads) as sensitive. */
  readonly sensitive: boolean;
}

/**
 * The parallelism a job runs at.
 */
export interface ExplainedParallelism {
  /**
   * The parallelism.
   *
   * @default - it cannot be read (a `parallelism.default` that is no whole number)
   */
  readonly value?: number;

  /** What decides it, e.g. `spec.job.parallelism` or `spec.taskManager.replicas` (replicas x slots). */
  readonly source: string;

  /**
   * A `spec.job.parallelism` that the operator ignores, because `spec.taskManager.replicas` is set.
   *
   * @default - none is ignored
   */
  readonly ignoredJobParallelism?: number;
}

/**
 * How many TaskManagers a cluster has.
 */
export interface ExplainedTaskManagers {
  /** Whether the count is fixed (standalone mode); otherwise TaskManagers start on demand (native mode). */
  readonly fixed: boolean;

  /**
   * The fixed count.
   *
   * @default - on demand
   */
  readonly count?: number;

  /**
   * The most slots the cluster can offer.
   *
   * @default - unbounded
   */
  readonly maxSlots?: number;

  /** In words, e.g. `2 TaskManager replicas x 4 slots (standalone mode)`. */
  readonly explanation: string;
}

/**
 * The REST request (`JarRun`) with which the operator submits a session job to its cluster.
 */
export interface ExplainedSubmission {
  /**
   * `spec.job.entryClass`.
   *
   * @default - the jar's manifest names the entry class
   */
  readonly entryClass?: string;

  /** `spec.job.args`. */
  readonly args: string[];

  /**
   * `spec.job.parallelism`, sent when above 0.
   *
   * @default - none is sent: the cluster decides
   */
  readonly parallelism?: number;

  /**
   * `spec.job.allowNonRestoredState`.
   *
   * @default - not sent
   */
  readonly allowNonRestoredState?: boolean;

  /** Whether the request carries the job's configuration (the cluster runs Flink 1.17 or newer). */
  readonly configurationSent: boolean;
}

/**
 * A path the job or its state is read from or written to: a checkpoint or savepoint directory,
 * high availability's storage, the job result store, the jar, or the savepoint the job starts from.
 */
export interface ExplainedPath {
  /** What it holds: `checkpoints`, `savepoints`, `high-availability`, `job-result-store`, `job-jar` or `initial-savepoint`. */
  readonly role: string;

  /** The configuration key (in quotes) or the job field that names it. */
  readonly what: string;

  /** The URI or path (a password in its user info masked). */
  readonly uri: string;

  /** Its scheme, e.g. `s3` or `file`; none for a bare path. */
  readonly scheme?: string;

  /** The manifest path that sets it (`spec.flinkConfiguration` when it is inherited or a default). */
  readonly path: string;

  /** The pods that use it: `JobManager`, `TaskManager` (none for a session job's jar, which the operator uploads). */
  readonly processes: string[];

  /** Who reads or writes it, in words. */
  readonly use: string;
}

/**
 * What the operator and Flink will make of one FlinkDeployment, FlinkBlueGreenDeployment
 * (its template) or FlinkSessionJob.
 */
export interface ResourceExplanation {
  /** The manifest's position in the list given to `FlinkValidator.explain`. */
  readonly manifestIndex: number;

  /** `FlinkDeployment`, `FlinkBlueGreenDeployment` or `FlinkSessionJob`. */
  readonly kind: string;

  /** `metadata.name`. */
  readonly name: string;

  /**
   * `metadata.namespace`.
   *
   * @default - none set
   */
  readonly namespace?: string;

  /**
   * The Flink cluster the configuration is built for: the FlinkDeployment itself, a blue/green
   * deployment's first child (`<name>-blue`), a session job's `spec.deploymentName`.
   *
   * @default - none named
   */
  readonly clusterName?: string;

  /**
   * The Flink version of the cluster, e.g. `v1_20`.
   *
   * @default - unknown: `spec.flinkVersion` is unset or names no version this library knows, or
   * a session job's cluster is not among the manifests
   */
  readonly flinkVersion?: string;

  /**
   * The configuration file the operator writes for the cluster: `flink-conf.yaml` before Flink
   * 2.0, `config.yaml` from 2.0.
   *
   * @default - none: a session job's configuration is sent with its submission
   */
  readonly configurationFile?: string;

  /** How the configuration reaches Flink, in words. */
  readonly configurationDelivery: string;

  /** The configuration as the operator builds it, in the order it sets the entries. */
  readonly configuration: ExplainedEntry[];

  /** The `flinkConfiguration` entries the operator replaces. */
  readonly replaced: ExplainedReplacement[];

  /** The entries Flink reads differently from how they are written. */
  readonly readDifferently: ExplainedReadDifference[];

  /**
   * The parallelism the job runs at.
   *
   * @default - none: a session cluster runs no job of its own
   */
  readonly parallelism?: ExplainedParallelism;

  /**
   * The task slots of each TaskManager (of a session job's cluster).
   *
   * @default - unknown: a session job's cluster is not among the manifests
   */
  readonly slotsPerTaskManager?: number;

  /**
   * How many TaskManagers the cluster (a session job's cluster) has.
   *
   * @default - unknown: a session job's cluster is not among the manifests
   */
  readonly taskManagers?: ExplainedTaskManagers;

  /**
   * The service account the JobManager runs as.
   *
   * @default - unknown: a session job's cluster is not among the manifests
   */
  readonly jobManagerAccount?: string;

  /**
   * The service account the TaskManagers run as.
   *
   * @default - unknown: a session job's cluster is not among the manifests
   */
  readonly taskManagerAccount?: string;

  /**
   * The Flink version whose memory rules size the processes, e.g. `v1_20` (the oldest modelled,
   * 1.13, for older ones; the newest when `spec.flinkVersion` names no known version).
   *
   * @default - none: a session job (its cluster's explanation has the memory)
   */
  readonly memoryModelVersion?: string;

  /**
   * The TaskManager's memory, component by component, as Flink derives it from the configuration
   * it reads (with the process size the operator derives from `spec.taskManager.resource.memory`).
   *
   * @default - none: a session job, or Flink would refuse to start the TaskManager (a note says why)
   */
  readonly taskManagerMemory?: TaskManagerMemoryBreakdown;

  /**
   * The JobManager's memory, component by component, as Flink derives it from the configuration
   * it reads (with the process size the operator derives from `spec.jobManager.resource.memory`).
   *
   * @default - none: a session job, or Flink would refuse to start the JobManager (a note says why)
   */
  readonly jobManagerMemory?: JobManagerMemoryBreakdown;

  /**
   * The Kubernetes objects the cluster becomes: the JobManager and TaskManager pods (image, pull
   * policy, service account, resources, ports, environment, host network), the REST and internal
   * Services, the ConfigMap and the operator's Ingress.
   *
   * @default - none: a session job (its cluster's explanation has them)
   */
  readonly objects?: ExplainedObjects;

  /**
   * The paths the job and its state are read from and written to, as the configuration that will
   * run names them.
   *
   * @default - none: the resource could not be explained
   */
  readonly paths?: ExplainedPath[];

  /**
   * A session job's submission.
   *
   * @default - none: not a session job
   */
  readonly submission?: ExplainedSubmission;

  /** What could not be worked out, or is worth knowing, in words. */
  readonly notes: string[];
}
