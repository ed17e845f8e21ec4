import { ApiObjectMetadata, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkedObjectIdentity } from './props/name-checks';
import { checkedAt, scopedPropError } from './props/prop-errors';
import { WorkloadIdentity } from './workload-identity';

/**
 * Props of `FlinkTaskManagerRbac`.
 */
export interface FlinkTaskManagerRbacProps {
  /**
   * Metadata of the ServiceAccount (and of the Role and RoleBinding, when the TaskManagers need
   * them). A namespace is required, from here or from the chart.
   *
   * @default - name derived from the construct id, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * Whether the TaskManagers retrieve their leaders from Kubernetes high-availability
   * ConfigMaps, which needs an API token and read access to ConfigMaps (see
   * `allowLeaderRetrieval()`).
   *
   * @default false
   */
  readonly leaderRetrieval?: boolean;

  /**
   * The cloud identity of the TaskManagers, which write checkpoints: its annotations go on the
   * ServiceAccount.
   *
   * @default - none
   */
  readonly workloadIdentity?: WorkloadIdentity;
}

/** The verbs of leader retrieval: Flink's TaskManagers watch the HA ConfigMaps. */
const LEADER_RETRIEVAL_VERBS = ['get', 'list', 'watch'];

/**
 * The ServiceAccount Flink TaskManagers run as, set through `kubernetes.taskmanager.service-account`.
 *
 * TaskManagers run the job's code and need no Kubernetes API access: the account has no Role and
 * does not mount an API token (`automountServiceAccountToken: false`). With Kubernetes high
 * availability they watch the HA ConfigMaps to find the JobManager's leader (Flink's
 * `kubernetes.taskmanager.service-account` option says so): then the account mounts its token
 * and is bound to a Role that can only get, list and watch ConfigMaps.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/#kubernetes-taskmanager-service-account
 */
export class FlinkTaskManagerRbac extends Construct {
  /** The name of the ServiceAccount (and of the Role and RoleBinding, if any). */
  public readonly name: string;

  /** Their namespace. */
  public readonly namespace: string;

  private readonly metadata: ApiObjectMetadata;
  private readonly accountNames: string[] = [];
  private tokenMounted = false;
  private readonly accountAnnotations?: { [key: string]: string };
  private binding?: kplus.RoleBinding;

  constructor(scope: Construct, id: string, props: FlinkTaskManagerRbacProps = {}) {
    super(scope, id);
    const checked = checkedAt(this, () => checkedObjectIdentity(this, props.metadata, 'service account'));
    if (checked.namespace === undefined) {
      throw scopedPropError(this, 'metadata.namespace', 'the TaskManager ServiceAccount needs a namespace. Set \'metadata.namespace\' or the chart\'s namespace.');
    }
    this.name = checked.name;
    this.namespace = checked.namespace;
    this.metadata = { ...props.metadata, name: this.name, namespace: this.namespace };
    this.accountAnnotations = props.workloadIdentity === undefined ? props.metadata?.annotations
      : { ...props.metadata?.annotations, ...props.workloadIdentity.serviceAccountAnnotations };
    this.addServiceAccount(this.name);
    if (props.leaderRetrieval === true) {
      this.allowLeaderRetrieval();
    }
  }

  /** The name of the TaskManagers' ServiceAccount. */
  public get serviceAccountName(): string {
    return this.name;
  }

  /** Whether the account mounts an API token and may read ConfigMaps (Kubernetes high availability). */
  public get leaderRetrieval(): boolean {
    return this.tokenMounted;
  }

  /**
   * Lets the TaskManagers retrieve their leaders from Kubernetes high-availability ConfigMaps:
   * the accounts mount their API token and are bound to a Role with get, list and watch on
   * ConfigMaps. The clusters call it when their configuration turns Kubernetes HA on.
   */
  public allowLeaderRetrieval(): void {
    this.tokenMounted = true;
    if (this.binding !== undefined) {
      return;
    }
    const role = new kplus.Role(this, 'Role', { metadata: this.metadata });
    role.allow(LEADER_RETRIEVAL_VERBS, kplus.ApiResource.CONFIG_MAPS);
    this.binding = new kplus.RoleBinding(this, 'RoleBinding', { metadata: this.metadata, role });
    this.accountNames.forEach((name) => this.bind(name));
  }

  /**
   * Adds another ServiceAccount with the same settings (token, Role, annotations), e.g. for the
   * blue and green deployments of a `FlinkBlueGreenDeployment`.
   *
   * @param name the account's name
   */
  public addServiceAccount(name: string): void {
    const id = this.accountNames.length === 0 ? 'ServiceAccount' : `ServiceAccount-${name}`;
    new kplus.k8s.KubeServiceAccount(this, id, {
      metadata: { ...this.metadata, name, annotations: this.accountAnnotations },
      automountServiceAccountToken: Lazy.any({ produce: () => this.tokenMounted }) as unknown as boolean,
    });
    this.accountNames.push(name);
    if (this.binding !== undefined) {
      this.bind(name);
    }
  }

  private bind(name: string): void {
    this.binding!.addSubjects(kplus.ServiceAccount.fromServiceAccountName(this, `Subject-${name}`, name, { namespaceName: this.namespace }));
  }
}
