import { ApiObject, ApiObjectMetadata, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import type { FlinkApplication } from './application';
import { SavepointFormat } from './checkpointing';
import { FlinkStateSnapshot as FlinkStateSnapshotKind, FlinkStateSnapshotSpec, toJson_FlinkStateSnapshotSpec } from './imports/flink.apache.org';
import { validateAppOnSynth } from './render/app-validation';
import { nameFromId } from './render/names';
import { checkObjectName } from './render/prop-checks';
import { cachedJson, markChanged } from './render/synth-cache';
import type { FlinkSessionJob } from './session-job';

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
      throw new Error("SnapshotType.existingSavepoint: 'path' must be the savepoint's path, e.g. 's3://bucket/savepoints/savepoint-1a2b3c'.");
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
 * The job a FlinkStateSnapshot belongs to.
 */
export class JobReference {
  /** The job of an application cluster defined in this app. */
  public static application(application: FlinkApplication): JobReference {
    return new JobReference('FlinkDeployment', application.name, application.namespace);
  }

  /** A session job defined in this app. */
  public static sessionJob(job: FlinkSessionJob): JobReference {
    return new JobReference('FlinkSessionJob', job.name, job.namespace);
  }

  /** An application cluster's FlinkDeployment defined elsewhere, by name. */
  public static deploymentName(name: string): JobReference {
    return new JobReference('FlinkDeployment', name, undefined);
  }

  /** A FlinkSessionJob defined elsewhere, by name. */
  public static sessionJobName(name: string): JobReference {
    return new JobReference('FlinkSessionJob', name, undefined);
  }

  private constructor(
    /** `FlinkDeployment` or `FlinkSessionJob`. */
    public readonly kind: string,
    /** The resource's name. */
    public readonly name: string,
    /** Its namespace, when known: the snapshot must live in the same one. */
    public readonly namespace?: string,
  ) {
    checkObjectName('job reference name', name);
  }
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
 * A savepoint or checkpoint of a job, as a `FlinkStateSnapshot` custom resource.
 *
 * Like `FlinkSessionJob`, the construct is the API object itself.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/snapshots/
 */
export class FlinkStateSnapshot extends ApiObject {
  /** The namespace, if known at synth time. */
  public readonly namespace?: string;

  /** The job, if any. */
  public readonly job?: JobReference;

  constructor(scope: Construct, id: string, props: FlinkStateSnapshotProps) {
    const path = scope.node.path === '' ? id : `${scope.node.path}/${id}`;
    const name = nameFromId(id, path, props.metadata, 'FlinkStateSnapshot');
    checkObjectName('metadata.name', name);
    if (props.job === undefined && !props.snapshot.recordsExistingSavepoint) {
      throw new Error(`${path}: 'job' must name the job to snapshot (JobReference.application(...), .sessionJob(...), .deploymentName(...) or .sessionJobName(...)); only SnapshotType.existingSavepoint() may omit it.`);
    }
    if (props.backoffLimit !== undefined && (!Number.isInteger(props.backoffLimit) || props.backoffLimit < -1)) {
      throw new Error(`${path}: 'backoffLimit' must be a whole number of at least -1 (-1 retries forever; got ${props.backoffLimit}).`);
    }
    const requested = props.metadata?.namespace;
    const jobNamespace = props.job?.namespace;
    if (requested !== undefined && jobNamespace !== undefined && requested !== jobNamespace) {
      throw new Error(`${path}: 'metadata.namespace' must be the namespace of ${props.job!.kind} '${props.job!.name}' ('${jobNamespace}'; got '${requested}'): a job reference has no namespace of its own.`);
    }
    const namespace = requested ?? jobNamespace;
    const spec: FlinkStateSnapshotSpec = {
      ...props.snapshot._spec,
      backoffLimit: props.backoffLimit,
      jobReference: props.job === undefined ? undefined : { kind: props.job.kind as any, name: props.job.name },
    };
    super(scope, id, {
      ...FlinkStateSnapshotKind.GVK,
      metadata: { ...props.metadata, name, namespace },
      spec: toJson_FlinkStateSnapshotSpec(spec),
    });
    this.namespace = namespace ?? this.metadata.namespace;
    this.job = props.job;
    markChanged();
    validateAppOnSynth(this);
  }

  public toJson(): any {
    return cachedJson(this.node.root, this) ?? super.toJson();
  }

  public addJsonPatch(...ops: JsonPatch[]): void {
    markChanged();
    super.addJsonPatch(...ops);
  }
}
