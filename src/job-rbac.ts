import { ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkedObjectIdentity } from './props/name-checks';
import { checkedAt, scopedPropError } from './props/prop-errors';
import { WorkloadIdentity } from './workload-identity';

/**
 * Props of `FlinkJobRbac`.
 */
export interface FlinkJobRbacProps {
  /**
   * Metadata shared by the ServiceAccount, Role and RoleBinding. A namespace is required,
   * from here or from the chart, because the RoleBinding must name the account's namespace.
   *
   * @default - name derived from the construct id, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The cloud identity of the JobManager: its annotations go on the ServiceAccount.
   *
   * @default - none
   */
  readonly workloadIdentity?: WorkloadIdentity;
}

/** The verbs of the operator chart's job rules. */
const JOB_RULE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/**
 * The resources of the operator chart's job rules (`jobRbacRules` in the Helm chart):
 * core pods and configmaps, apps deployments and deployments/finalizers.
 */
const JOB_RULE_RESOURCES: ReadonlyArray<{ apiGroup: string; resourceType: string }> = [
  { apiGroup: '', resourceType: 'pods' },
  { apiGroup: '', resourceType: 'configmaps' },
  { apiGroup: 'apps', resourceType: 'deployments' },
  { apiGroup: 'apps', resourceType: 'deployments/finalizers' },
];

/**
 * The ServiceAccount, Role and RoleBinding a Flink JobManager runs with.
 *
 * The Role holds exactly the operator Helm chart's job rules: get, list, watch, create,
 * update, patch and delete on pods and configmaps (core) and on deployments and
 * deployments/finalizers (apps). No wildcards, no secrets.
 *
 * The account mounts its API token, because the JobManager talks to the Kubernetes API to
 * start TaskManagers and to store high-availability metadata.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/operations/rbac/
 */
export class FlinkJobRbac extends Construct {
  /** The name of the ServiceAccount, Role and RoleBinding. */
  public readonly name: string;

  /** The namespace of the ServiceAccount, Role and RoleBinding. */
  public readonly namespace: string;

  /** The JobManager's service account. */
  public readonly serviceAccount: kplus.ServiceAccount;

  /** The Role with the job rules. */
  public readonly role: kplus.Role;

  /** The binding of `role` to `serviceAccount`. */
  public readonly roleBinding: kplus.RoleBinding;

  constructor(scope: Construct, id: string, props: FlinkJobRbacProps = {}) {
    super(scope, id);
    const checked = checkedAt(this, () => checkedObjectIdentity(this, props.metadata, 'service account'));
    this.name = checked.name;
    if (checked.namespace === undefined) {
      throw scopedPropError(this, 'metadata.namespace', 'the job RBAC objects need a namespace, because a RoleBinding must name its ServiceAccount\'s namespace. Set \'metadata.namespace\' or the chart\'s namespace (new Chart(app, \'flink\', { namespace: \'flink\' })).');
    }
    const namespace = checked.namespace;
    this.namespace = namespace;
    const metadata: ApiObjectMetadata = { ...props.metadata, name: this.name, namespace };

    const accountMetadata = props.workloadIdentity === undefined ? metadata
      : { ...metadata, annotations: { ...metadata.annotations, ...props.workloadIdentity.serviceAccountAnnotations } };
    this.serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', { metadata: accountMetadata, automountToken: true });
    this.role = new kplus.Role(this, 'Role', { metadata });
    this.role.allow(JOB_RULE_VERBS, ...JOB_RULE_RESOURCES.map((resource) => kplus.ApiResource.custom(resource)));
    this.roleBinding = new kplus.RoleBinding(this, 'RoleBinding', { metadata, role: this.role });
    this.roleBinding.addSubjects(this.serviceAccount);
  }
}
