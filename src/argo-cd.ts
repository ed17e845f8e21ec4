import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { argumentError } from './props/prop-errors';

/**
 * The Argo CD sync waves of each kind of object.
 */
export interface SyncWaveOptions {
  /**
   * Service accounts, RBAC, ConfigMaps and Secrets the Flink resources use.
   *
   * @default -1
   */
  readonly supportingResources?: number;

  /**
   * FlinkDeployments, FlinkBlueGreenDeployments and their Ingresses.
   *
   * @default 0
   */
  readonly clusters?: number;

  /**
   * FlinkSessionJobs, which need their session cluster.
   *
   * @default 1
   */
  readonly jobs?: number;

  /**
   * FlinkStateSnapshots, which need their job.
   *
   * @default 2
   */
  readonly snapshots?: number;
}

const SUPPORTING = new Set(['ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'PersistentVolumeClaim']);
const CLUSTERS = new Set(['FlinkDeployment', 'FlinkBlueGreenDeployment', 'Ingress']);

/**
 * Argo CD sync waves for Flink resources, so that an Argo CD sync creates RBAC first, then
 * clusters, then their session jobs, then snapshots, and prunes in the reverse order (session
 * jobs before the cluster they run on, which the operator would otherwise refuse to delete
 * until they are gone).
 *
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/
 */
export class ArgoCdSyncWaves {
  /** The annotation Argo CD reads. */
  public static readonly ANNOTATION = 'argocd.argoproj.io/sync-wave';

  /**
   * Annotates every API object below `scope` (a chart or the whole app) with its wave.
   * Objects of other kinds, and objects that already carry the annotation, are left alone.
   */
  public static apply(scope: IConstruct, options: SyncWaveOptions = {}): void {
    for (const [option, value] of Object.entries(options)) {
      if (value !== undefined && !Number.isInteger(value)) {
        throw argumentError('ArgoCdSyncWaves.apply', option, `'${option}' is ${value}; Argo CD sync waves are whole numbers, such as ${Math.round(value)}.`);
      }
    }
    const waveOf = (kind: string): number | undefined => {
      if (SUPPORTING.has(kind)) {
        return options.supportingResources ?? -1;
      }
      if (CLUSTERS.has(kind)) {
        return options.clusters ?? 0;
      }
      if (kind === 'FlinkSessionJob') {
        return options.jobs ?? 1;
      }
      if (kind === 'FlinkStateSnapshot') {
        return options.snapshots ?? 2;
      }
      return undefined;
    };
    for (const construct of scope.node.findAll()) {
      if (!ApiObject.isApiObject(construct)) {
        continue;
      }
      const wave = waveOf(construct.kind);
      if (wave !== undefined && construct.metadata.toJson().annotations?.[ArgoCdSyncWaves.ANNOTATION] === undefined) {
        construct.metadata.addAnnotation(ArgoCdSyncWaves.ANNOTATION, String(wave));
      }
    }
  }

  private constructor() {}
}
