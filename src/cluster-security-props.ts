import { FileSystemCredentials } from './file-system-credentials';
import { PodPrivilege } from './pod-privilege';
import { WorkloadIdentity } from './workload-identity';

/**
 * The security props of every Flink cluster, beyond the security contexts and the service
 * account (see `FlinkClusterProps`): what the pods may be granted, a read-only root filesystem,
 * and secrets in plain text. See docs/security.md.
 */
export interface FlinkClusterSecurityProps {
  /**
   * Accept secrets in plain text in `flinkConfiguration` (keys Flink treats as sensitive, such
   * as `s3.secret-key` or `*.password`), for a test setup. The FlinkDeployment is annotated
   * `cdk8s-flink/literal-secrets: "true"` so that the choice stays visible in the manifests.
   *
   * @default false: a literal value under a sensitive key fails synth (rule `sensitive-config-value`);
   * give credentials with `fileSystemCredentials` or `workloadIdentity` instead
   */
  readonly allowLiteralSecrets?: boolean;

  /**
   * The privileges the pod templates and security contexts may grant back, of those the
   * restricted defaults take away. Any other one is a construct error that names the prop;
   * those listed are reported as warnings at synth (rule `pod-privileges`).
   *
   * @default - none
   */
  readonly allowedPodPrivileges?: PodPrivilege[];

  /**
   * Run the Flink main container with a read-only root filesystem, and mount an `emptyDir` on
   * every directory Flink writes to: the log directory (`kubernetes.flink.log.dir`, default
   * `/opt/flink/log`), the temporary directories (`io.tmp.dirs`, default `/tmp`: spilling,
   * RocksDB, blobs, uploaded jars, JVM perf data) and the artifacts directory
   * (`user.artifacts.base-dir`, default `/opt/flink/artifacts`). The configuration directory
   * is a read-only ConfigMap anyway. Plugins must be in the image: the entrypoint cannot link
   * `ENABLE_BUILT_IN_PLUGINS` into a read-only `/opt/flink/plugins`.
   *
   * @default false
   */
  readonly readOnlyRootFilesystem?: boolean;

  /**
   * Credentials of the file system plugins (S3, Azure Blob Storage, GCS) from Kubernetes
   * Secrets, given to the JobManager and TaskManager main containers as environment variables
   * or a mounted key file, never in `flinkConfiguration`.
   *
   * @default - none
   */
  readonly fileSystemCredentials?: FileSystemCredentials[];

  /**
   * The cloud identity of the Flink pods (EKS IRSA, GKE Workload Identity, Azure Workload
   * Identity): annotations on the ServiceAccounts cdk8s-flink creates, a pod label, and the
   * file system configuration it needs. Needs the ServiceAccounts cdk8s-flink creates (no
   * `serviceAccount`).
   *
   * @default - none
   */
  readonly workloadIdentity?: WorkloadIdentity;

  /**
   * Give the TaskManagers their own ServiceAccount, `<cluster>-taskmanager`
   * (`kubernetes.taskmanager.service-account`), with no Role and no API token: they run the
   * job's code and need no Kubernetes API access. With Kubernetes high availability they watch
   * the HA ConfigMaps for their leader, so the account then mounts its token and may get, list
   * and watch ConfigMaps (see `FlinkTaskManagerRbac`). The JobManager keeps the operator
   * chart's job rules.
   *
   * @default true when cdk8s-flink creates the JobManager's account (no `serviceAccount`), false otherwise
   */
  readonly dedicatedTaskManagerServiceAccount?: boolean;
}
