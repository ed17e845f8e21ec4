import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { SavepointFormat } from './checkpointing';
import { FlinkClusterType, IFlinkCluster } from './cluster';
import { FlinkStateSnapshot as FlinkStateSnapshotKind, FlinkStateSnapshotSpec, toJson_FlinkStateSnapshotSpec } from './imports/flink.apache.org';
import { NAMESPACE_NAME } from './private/kubernetes-names';
import { checkMetadataKeys, checkName } from './props/name-checks';
import { resourceName, resourceNamespace } from './props/names';
import { checkObjectName, objectNameProblem } from './props/prop-checks';
import { argumentError, checkedAt, propError } from './props/prop-errors';
import { FlinkCustomResource } from './render/custom-resource';
import type { FlinkSessionJob } from './session-job';
import { validateAppOnSynth } from './synth/app-validation';

/**
 * Options of a new savepoint.
 */
export interface SavepointSnapshotOptions {
  /**
   * The directory to write the savepoint to.
   *
   * @default - the job's savepoint directory
   */
  readonly path?: string;

  /**
   * The savepoint format.
   *
   * @default - the operator's default, CANONICAL
   */
  readonly formatType?: SavepointFormat;

  /**
   * Whether deleting the FlinkStateSnapshot also deletes the savepoint data. The operator
   * disposes of it through the job, which must then be running.
   *
   * @default - the operator's default, true
   */
  readonly disposeOnDelete?: boolean;
}

/**
 * What a FlinkStateSnapshot takes or records.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/snapshots/
 */
export class SnapshotType {
  /** A new savepoint of the referenced job. */
  public static savepoint(options: SavepointSnapshotOptions = {}): SnapshotType {
    return new SnapshotType({
      savepoint: {
        path: options.path,
        formatType: options.formatType as string | undefined as any,
        disposeOnDelete: options.disposeOnDelete,
        alreadyExists: false,
      },
    }, false);
  }

  /**
   * A savepoint that already exists, e.g. to start a job from (`alreadyExists: true`); no job
   * reference is needed.
   *
   * @param path the savepoint's path
   * @param disposeOnDelete whether deleting the resource deletes the savepoint data
   */
  public static existingSavepoint(path: string, disposeOnDelete: boolean = false): SnapshotType {
    if (path.trim() === '') {
      throw argumentError('SnapshotType.existingSavepoint', 'path', "'path' must be the savepoint's path, e.g. 's3://bucket/savepoints/savepoint-1a2b3c'.");
    }
    return new SnapshotType({ savepoint: { alreadyExists: true, disposeOnDelete, path } }, true);
  }

  /** A checkpoint of the referenced job (Flink 1.17+), always a full one. */
  public static checkpoint(): SnapshotType {
    return new SnapshotType({ checkpoint: {} }, false);
  }

  private constructor(
    /** @internal */
    public readonly _spec: FlinkStateSnapshotSpec,
    /** Whether the snapshot records an existing savepoint, and so needs no job. */
    public readonly recordsExistingSavepoint: boolean,
  ) {}
}

/**
 * The kind of job a FlinkStateSnapshot belongs to.
 */
export enum JobKind {
  /** An application cluster's job: its `FlinkDeployment`. */
  FLINK_DEPLOYMENT = 'FlinkDeployment',
  /** A `FlinkSessionJob`. */
  FLINK_SESSION_JOB = 'FlinkSessionJob',
}

/**
 * The job a FlinkStateSnapshot belongs to.
 */
export class JobReference {
  /**
   * The job of an application cluster, defined in this app or imported with
   * `FlinkApplication.fromName(...)`.
   */
  public static application(application: IFlinkCluster): JobReference {
    if (application.clusterType !== FlinkClusterType.APPLICATION) {
      throw argumentError('JobReference.application', 'application', `'${application.name}' is a session cluster, which has no job of its own; reference its FlinkSessionJob with JobReference.sessionJob(...).`);
    }
    return new JobReference(JobKind.FLINK_DEPLOYMENT, referenceName('application', 'application', application.name), application.namespace);
  }

  /** A session job defined in this app. */
  public static sessionJob(job: FlinkSessionJob): JobReference {
    return new JobReference(JobKind.FLINK_SESSION_JOB, referenceName('sessionJob', 'job', job.name), job.namespace);
  }

  /** An application cluster's FlinkDeployment defined elsewhere, by name. */
  public static deploymentName(name: string): JobReference {
    return new JobReference(JobKind.FLINK_DEPLOYMENT, referenceName('deploymentName', 'name', name), undefined);
  }

  /** A FlinkSessionJob defined elsewhere, by name. */
  public static sessionJobName(name: string): JobReference {
    return new JobReference(JobKind.FLINK_SESSION_JOB, referenceName('sessionJobName', 'name', name), undefined);
  }

  private constructor(
    /** The kind of the job's resource. */
    public readonly kind: JobKind,
    /** The resource's name. */
    public readonly name: string,
    /** Its namespace, when known: the snapshot must live in the same one. */
    public readonly namespace?: string,
  ) {}
}

/** The name a factory of JobReference was given, checked as an object name. */
function referenceName(factory: string, param: string, name: string): string {
  const problem = objectNameProblem('job reference name', name);
  if (problem !== undefined) {
    throw argumentError(`JobReference.${factory}`, param, problem);
  }
  return name;
}

/**
 * Props of `FlinkStateSnapshot`.
 */
export interface FlinkStateSnapshotProps {
  /**
   * Metadata. The namespace must be the job's.
   *
   * @default - name derived from the construct id, the job's (or the chart's) namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /** What the snapshot takes or records. */
  readonly snapshot: SnapshotType;

  /**
   * The job to snapshot.
   *
   * @default - none; only allowed for `SnapshotType.existingSavepoint()`
   */
  readonly job?: JobReference;

  /**
   * Retries before the snapshot is marked failed: -1 retries forever, 0 never.
   *
   * @default - the operator's default, -1
   */
  readonly backoffLimit?: number;
}

/**
 * A savepoint or checkpoint of a job, as a `FlinkStateSnapshot` custom resource (the construct's
 * default child, id `Resource`).
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/snapshots/
 */
export class FlinkStateSnapshot extends Construct {
  /** The name of the FlinkStateSnapshot. */
  public readonly name: string;

  /** The namespace, if known at synth time. */
  public readonly namespace?: string;

  /** The job, if any. */
  public readonly job?: JobReference;

  /** The FlinkStateSnapshot API object; `ApiObject.of(snapshot)` returns it too. */
  protected readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: FlinkStateSnapshotProps) {
    super(scope, id);
    const { name, namespace, spec } = checkedAt(this, () => snapshotSpec(this, props));
    this.name = name;
    this.job = props.job;
    this.apiObject = new FlinkCustomResource(this, 'Resource', FlinkStateSnapshotKind.GVK, { ...props.metadata, name, namespace },
      () => toJson_FlinkStateSnapshotSpec(spec));
    this.namespace = namespace;
    validateAppOnSynth(this);
  }
}

/** The snapshot's name, namespace and spec, from its props (throws `PropError`s). */
function snapshotSpec(scope: Construct, props: FlinkStateSnapshotProps): { name: string; namespace?: string; spec: FlinkStateSnapshotSpec } {
  const name = resourceName(scope, props.metadata, 'FlinkStateSnapshot');
  checkObjectName('metadata.name', name);
  if (props.job === undefined && !props.snapshot.recordsExistingSavepoint) {
    throw propError('job', "'job' must name the job to snapshot (JobReference.application(...), .sessionJob(...), .deploymentName(...) or .sessionJobName(...)); only SnapshotType.existingSavepoint() may omit it.");
  }
  if (props.backoffLimit !== undefined && (!Number.isInteger(props.backoffLimit) || props.backoffLimit < -1)) {
    throw propError('backoffLimit', `'backoffLimit' must be a whole number of at least -1 (-1 retries forever; got ${props.backoffLimit}).`);
  }
  const requested = props.metadata?.namespace;
  checkName('metadata.namespace', requested, NAMESPACE_NAME);
  checkMetadataKeys('metadata', props.metadata);
  const jobNamespace = props.job?.namespace;
  if (requested !== undefined && jobNamespace !== undefined && requested !== jobNamespace) {
    throw propError('metadata.namespace', `'metadata.namespace' must be the namespace of ${props.job!.kind} '${props.job!.name}' ('${jobNamespace}'; got '${requested}'): a job reference has no namespace of its own.`);
  }
  return {
    name,
    namespace: requested ?? jobNamespace ?? resourceNamespace(scope, undefined),
    spec: {
      ...props.snapshot._spec,
      backoffLimit: props.backoffLimit,
      jobReference: props.job === undefined ? undefined : { kind: props.job.kind as string as any, name: props.job.name },
    },
  };
}
