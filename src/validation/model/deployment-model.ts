/**
 * What will run for a FlinkDeployment: the configuration the operator builds
 * (deployment-configuration.ts), what Flink reads of it (configuration-file.ts), and the facts
 * derived from both that the rules judge: the parallelism the job runs at, the slots, how many
 * TaskManagers there are, and the accounts the processes run as; and the Kubernetes objects it
 * becomes (cluster-objects.ts: pods, Services, ConfigMap, Ingress).
 */
import { ClusterImages, clusterImages, ClusterObjects, clusterObjects } from './cluster-objects';
import { entriesFlinkReads } from './configuration-file';
import { BuiltConfiguration, buildDeploymentConfiguration, OPERATOR_FLINK_VERSION } from './deployment-configuration';
import { configuredStatePaths, jobStatePaths, StatePath } from './state-paths';
import * as D from '../../private/options/deployment-options';
import { EffectiveConfiguration, flattenConfiguration } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import { FlinkOption, mainKey } from '../../private/options/option';

/** How many TaskManagers a cluster has. */
export interface TaskManagerCount {
  /** Whether the count is fixed (standalone mode), or TaskManagers start on demand (native mode). */
  readonly fixed: boolean;
  /** The fixed count; undefined on demand. */
  readonly count?: number;
  /** The most slots the cluster can ever offer, when something bounds it (a fixed count, or `slotmanager.number-of-slots.max`). */
  readonly maxSlots?: number;
  /** Why, for messages, e.g. `2 TaskManager replicas x 4 slots`. */
  readonly explanation: string;
}

/** The parallelism an application runs at, as the operator decides it. */
export interface ApplicationParallelism {
  readonly value: number;
  /** What decides it: `spec.job.parallelism`, or `spec.taskManager.replicas` (replicas x slots). */
  readonly source: string;
  /** A `spec.job.parallelism` the operator ignores because `spec.taskManager.replicas` is set. */
  readonly ignored?: number;
}

function wholeNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value.trim()) : undefined;
}

export class DeploymentModel {
  /** The model of a FlinkDeployment manifest, with the operator's default configuration. */
  public static of(operatorConfiguration: ReadonlyMap<string, string>, manifest: any): DeploymentModel {
    return new DeploymentModel(manifest, buildDeploymentConfiguration(operatorConfiguration, manifest));
  }

  /** What Flink's processes read: the configuration file, read back by the cluster's Flink version. */
  public readonly flink: EffectiveConfiguration;

  private computedObjects?: ClusterObjects;
  private computedOperatorRead?: EffectiveConfiguration;
  private computedImages?: ClusterImages;
  private computedPaths?: ReadonlyArray<StatePath>;

  private constructor(public readonly manifest: any, public readonly built: BuiltConfiguration) {
    this.flink = new EffectiveConfiguration(entriesFlinkReads(built.entries, built.version), built.version);
  }

  /**
   * The configuration as the operator's Flink library reads it: that library builds the
   * JobManager, the Services and the ConfigMap (and a standalone cluster's TaskManagers) from it.
   */
  public get operatorRead(): EffectiveConfiguration {
    this.computedOperatorRead ??= new EffectiveConfiguration(this.built.entries, OPERATOR_FLINK_VERSION);
    return this.computedOperatorRead;
  }

  /**
   * The Kubernetes objects the deployment becomes: the JobManager and TaskManager pods (merged
   * templates, then the image, account, resources, ports and environment Flink sets), the REST
   * and internal Services, the ConfigMap, the Ingress. Computed on first use.
   */
  public get objects(): ClusterObjects {
    this.computedObjects ??= clusterObjects(this);
    return this.computedObjects;
  }

  /** The images the JobManager and TaskManager pods run (the same as `objects`' pods', without building them). */
  public get images(): ClusterImages {
    this.computedImages ??= this.computedObjects === undefined
      ? clusterImages(this)
      : { jobManager: this.computedObjects.jobManager.image, taskManager: this.computedObjects.taskManager.image };
    return this.computedImages;
  }

  /**
   * The paths the job and its state are read from and written to (model/state-paths.ts): the
   * checkpoint and savepoint directories, high availability's storage and job result store, the
   * jar and the initial savepoint, as the configuration Flink reads names them.
   */
  public get paths(): ReadonlyArray<StatePath> {
    this.computedPaths ??= [
      ...configuredStatePaths(this.flink, flattenConfiguration(this.spec.flinkConfiguration)),
      ...jobStatePaths(this.spec.job, false),
    ];
    return this.computedPaths;
  }

  private get spec(): any {
    const spec = this.manifest?.spec;
    return spec !== null && typeof spec === 'object' ? spec : {};
  }

  /** The task slots of a TaskManager (`taskmanager.numberOfTaskSlots`, 1 by default). */
  public get slots(): number {
    return wholeNumber(this.flink.text(F.TASK_SLOTS)) ?? 1;
  }

  /** An application's parallelism as the operator runs it; undefined for a session cluster. */
  public get parallelism(): ApplicationParallelism | undefined {
    const job = this.spec.job;
    if (job === undefined || job === null || typeof job !== 'object') {
      return undefined;
    }
    const key = mainKey(D.PARALLELISM_DEFAULT);
    const decided = { value: Number(this.built.entries.get(key)), source: this.built.sources.get(key) ?? 'spec.job.parallelism' };
    const configured = job.parallelism;
    const ignored = decided.source === 'spec.taskManager.replicas' && typeof configured === 'number' && configured > 0 && configured !== decided.value
      ? configured : undefined;
    return { ...decided, ignored };
  }

  /** Whether the cluster runs in standalone mode (a fixed TaskManager count) rather than native. */
  public get standalone(): boolean {
    return this.spec.mode === 'standalone';
  }

  /** How many TaskManagers the cluster has, and the most slots it can offer. */
  public get taskManagers(): TaskManagerCount {
    const slots = this.slots;
    const maxSlotsKey = mainKey(F.MAX_SLOTS);
    const maxSlots = wholeNumber(this.flink.raw(maxSlotsKey));
    const bound = maxSlots !== undefined && maxSlots < 2147483647 ? maxSlots : undefined;
    if (this.standalone) {
      const count = wholeNumber(this.flink.raw(mainKey(D.STANDALONE_TASKMANAGER_REPLICAS))) ?? 0;
      const fixed = count * slots;
      return {
        fixed: true,
        count,
        maxSlots: bound === undefined ? fixed : Math.min(fixed, bound),
        explanation: `${count} TaskManager replicas x ${slots} slots (standalone mode)`,
      };
    }
    return {
      fixed: false,
      maxSlots: bound,
      explanation: bound === undefined ? 'TaskManagers start on demand (native mode)' : `'${maxSlotsKey}' ${bound}`,
    };
  }

  /** The account the JobManager runs as (`kubernetes.jobmanager.service-account`, else `kubernetes.service-account`). */
  public get jobManagerAccount(): string {
    return this.flink.text(D.JOBMANAGER_SERVICE_ACCOUNT) ?? 'default';
  }

  /** The account the TaskManagers run as (`kubernetes.taskmanager.service-account`, else `kubernetes.service-account`). */
  public get taskManagerAccount(): string {
    return this.flink.text(F.TASKMANAGER_SERVICE_ACCOUNT) ?? 'default';
  }

  /** Where the JobManager's account comes from (see `AccountOrigin`). */
  public get jobManagerAccountOrigin(): AccountOrigin {
    return this.accountOrigin(D.JOBMANAGER_SERVICE_ACCOUNT);
  }

  /** Where the TaskManagers' account comes from (see `AccountOrigin`). */
  public get taskManagerAccountOrigin(): AccountOrigin {
    return this.accountOrigin(F.TASKMANAGER_SERVICE_ACCOUNT);
  }

  private accountOrigin(option: FlinkOption): AccountOrigin {
    const found = this.flink.lookup(option);
    if (found === undefined) {
      return { account: this.flink.text(option) ?? 'default' };
    }
    return { account: found.value, key: found.key, writtenBy: this.built.sources.get(found.key) };
  }
}

/**
 * An account a Flink process runs as, and the configuration key Flink read it from. A pod
 * template's `serviceAccountName` never applies: Flink keeps it only when no key is set, and the
 * operator requires `spec.serviceAccount` and writes it as `kubernetes.service-account`.
 */
export interface AccountOrigin {
  readonly account: string;
  /** The key Flink read it from; undefined when the default ('default') applies. */
  readonly key?: string;
  /** What wrote that key: `spec.flinkConfiguration`, `spec.serviceAccount`, or `operator` (its default configuration). */
  readonly writtenBy?: string;
}
