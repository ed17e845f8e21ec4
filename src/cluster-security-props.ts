import { PodPrivilege } from './pod-privilege';

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
}
