import { ApiObjectMetadata, Size } from 'cdk8s';
import { IServiceAccount, ImagePullPolicy, k8s } from 'cdk8s-plus-28';
import { AutoscalerOptions } from './autoscaler';
import { CheckpointingOptions, HeartbeatOptions, MetricsOptions, SavepointOptions } from './checkpointing';
import { FlinkClusterSecurityProps } from './cluster-security-props';
import { ExecutionOptions } from './execution';
import { FileSystemPlugin } from './file-system-plugin';
import { FlinkVersion } from './flink-version';
import { HealthOptions } from './health';
import { HighAvailability } from './high-availability';
import { JobManagerMemoryComponents, TaskManagerMemoryComponents } from './memory-components';
import { RestartStrategy } from './restart-strategy';
import { SnapshotOptions } from './snapshots';
import { StateBackendOptions } from './state-backend';
import { DeploymentMode } from './types';
import { UpgradeOptions } from './upgrades';
import { WebUiAccessOptions } from './web-ui-authentication';

/**
 * Resources and pod template of the JobManager.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#jobmanagerspec
 */
export interface JobManagerOptions {
  /**
   * CPU cores of the JobManager container (`resource.cpu`).
   *
   * @default 1
   */
  readonly cpu?: number;

  /**
   * Memory of the JobManager container (`resource.memory`). The operator turns it into
   * `jobmanager.memory.process.size`, the total process memory of the JobManager JVM.
   *
   * @default Size.mebibytes(2048)
   */
  readonly memory?: Size;

  /**
   * Ephemeral storage of the JobManager container (`resource.ephemeralStorage`).
   *
   * @default - no request or limit
   */
  readonly ephemeralStorage?: Size;

  /**
   * Number of JobManager replicas; more than one needs high availability.
   *
   * @default 1
   */
  readonly replicas?: number;

  /**
   * Pod template for the JobManager pods, merged by the operator onto the cluster's `podTemplate`.
   *
   * @default - none
   */
  readonly podTemplate?: k8s.PodTemplateSpec;

  /**
   * Fine-grained JobManager memory components (`jobmanager.memory.*`).
   *
   * @default - derived by Flink from `memory`
   */
  readonly memoryComponents?: JobManagerMemoryComponents;
}

/**
 * Resources, slots and pod template of the TaskManagers.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#taskmanagerspec
 */
export interface TaskManagerOptions {
  /**
   * CPU cores of each TaskManager container (`resource.cpu`).
   *
   * @default 1
   */
  readonly cpu?: number;

  /**
   * Memory of each TaskManager container (`resource.memory`). The operator turns it into
   * `taskmanager.memory.process.size`.
   *
   * @default Size.mebibytes(2048)
   */
  readonly memory?: Size;

  /**
   * Ephemeral storage of each TaskManager container (`resource.ephemeralStorage`).
   *
   * @default - no request or limit
   */
  readonly ephemeralStorage?: Size;

  /**
   * Number of TaskManager replicas.
   *
   * @default - Flink starts TaskManagers on demand (native mode) or the operator derives the
   * count from the job's parallelism (application mode)
   */
  readonly replicas?: number;

  /**
   * Task slots per TaskManager (`taskmanager.numberOfTaskSlots`).
   *
   * @default - Flink's default, 1
   */
  readonly slots?: number;

  /**
   * Pod template for the TaskManager pods, merged by the operator onto the cluster's `podTemplate`.
   *
   * @default - none
   */
  readonly podTemplate?: k8s.PodTemplateSpec;

  /**
   * Fine-grained TaskManager memory components (`taskmanager.memory.*`).
   *
   * @default - derived by Flink from `memory`
   */
  readonly memoryComponents?: TaskManagerMemoryComponents;
}

/**
 * Props shared by every Flink cluster: `FlinkSessionCluster` and `FlinkApplication`.
 */
export interface FlinkClusterProps extends FlinkClusterSecurityProps {
  /**
   * Metadata of the FlinkDeployment.
   *
   * The name is used as is, with no hash suffix, and must follow the operator's rule (at most
   * 45 characters). Renaming a FlinkDeployment replaces it and loses its state and savepoint
   * history, so pin it.
   *
   * @default - name derived from the construct id (`MyCluster` -> `my-cluster`), the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The Flink version of the image (`spec.flinkVersion`).
   */
  readonly flinkVersion: FlinkVersion;

  /**
   * The Flink image.
   *
   * @default - the official image of `flinkVersion`, e.g. `flink:1.17`
   */
  readonly image?: string;

  /**
   * Flink file system plugins of the official image to enable, for state, savepoints, high
   * availability or jars on object storage (`s3://`, `gs://`, `abfs://`, `oss://`): sets
   * `ENABLE_BUILT_IN_PLUGINS` on the main container of the JobManager and the TaskManagers.
   * The jar names carry the image's exact Flink release, so `image` must pin one (e.g.
   * `flink:1.20.1`), or use `FileSystemPlugin.fromJarName()`.
   *
   * @default - none: `s3://` and the like fail synth on an official image
   */
  readonly fileSystemPlugins?: FileSystemPlugin[];

  /**
   * Pull policy of the Flink image.
   *
   * @default - Kubernetes' default
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * JobManager resources and pod template.
   *
   * @default - 1 CPU and 2048 MiB
   */
  readonly jobManager?: JobManagerOptions;

  /**
   * TaskManager resources, slots and pod template.
   *
   * @default - 1 CPU and 2048 MiB per TaskManager
   */
  readonly taskManager?: TaskManagerOptions;

  /**
   * Flink configuration (`spec.flinkConfiguration`), as Flink keys and string values.
   *
   * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/
   * @default - none
   */
  readonly flinkConfiguration?: { [key: string]: string };

  /**
   * Logging configuration files (`spec.logConfiguration`), e.g. `log4j-console.properties`.
   *
   * @default - the image's logging configuration
   */
  readonly logConfiguration?: { [file: string]: string };

  /**
   * Pod template shared by JobManager and TaskManager pods (`spec.podTemplate`). It is merged
   * onto the restricted security defaults field by field: its fields win, containers, init
   * containers, volumes and environment variables merge by name. Every container it adds gets
   * the container defaults under its own security context. Granting a privilege the defaults
   * take away (root, privileged, host namespaces, hostPath volumes, ...) needs
   * `allowedPodPrivileges`.
   *
   * @default - only the security defaults
   */
  readonly podTemplate?: k8s.PodTemplateSpec;

  /**
   * Pod-level security context of the Flink pods, merged over the defaults field by field
   * (`{ fsGroup: 9999 }` keeps runAsNonRoot, the uid and gid, and seccomp).
   *
   * @default - runAsNonRoot with the official image's uid and gid 9999, seccomp RuntimeDefault
   */
  readonly podSecurityContext?: k8s.PodSecurityContext;

  /**
   * Security context of the Flink main container, merged over the defaults field by field.
   *
   * @default - allowPrivilegeEscalation false, all capabilities dropped, runAsNonRoot
   */
  readonly containerSecurityContext?: k8s.SecurityContext;


  /**
   * Restarts the cluster (and an application's job, with its upgrade mode) when changed to a
   * new value (`spec.restartNonce`).
   *
   * @default - none
   */
  readonly restartNonce?: number;

  /**
   * How the operator deploys the cluster (`spec.mode`).
   *
   * @default - the operator's default, native
   */
  readonly mode?: DeploymentMode;

  /**
   * Checkpointing: interval, mode, state backend, directory.
   *
   * @default - no checkpointing
   */
  readonly checkpointing?: CheckpointingOptions;

  /**
   * Savepoints: directory.
   *
   * @default - no savepoint directory
   */
  readonly savepoints?: SavepointOptions;

  /**
   * High availability of the JobManager.
   *
   * @default - none
   */
  readonly highAvailability?: HighAvailability;

  /**
   * How Flink restarts jobs after failures.
   *
   * @default - Flink's default (none without checkpointing; with checkpointing, exponential-delay from Flink 1.19 and fixed-delay before)
   */
  readonly restartStrategy?: RestartStrategy;

  /**
   * Heartbeats between JobManager and TaskManagers.
   *
   * @default - Flink's defaults, 10 s interval and 50 s timeout
   */
  readonly heartbeat?: HeartbeatOptions;

  /**
   * The operator's job autoscaler (Flink 1.17+).
   *
   * @default - off
   */
  readonly autoscaler?: AutoscalerOptions;

  /**
   * Metrics reporting.
   *
   * @default - no reporter
   */
  readonly metrics?: MetricsOptions;

  /**
   * How the operator upgrades the job: last-state fallback, the oldest checkpoint an upgrade may
   * use, and rollback of failed upgrades. On a session cluster, the defaults of its jobs.
   *
   * @default - the operator's defaults
   */
  readonly upgrades?: UpgradeOptions;

  /**
   * How the operator watches and recovers the cluster: the health check, JobManager deployment
   * recovery, restart of failed jobs.
   *
   * @default - the operator's defaults
   */
  readonly health?: HealthOptions;

  /**
   * Snapshots the operator takes: periodic savepoints and checkpoints on a schedule, a savepoint
   * on deletion, disposal of savepoint data. On a session cluster, the defaults of its jobs.
   *
   * @default - the operator's defaults
   */
  readonly snapshots?: SnapshotOptions;

  /**
   * The state backend, e.g. ForSt on Flink 2.x. On a session cluster, the default of its jobs.
   *
   * @default - Flink's default, hashmap
   */
  readonly stateBackend?: StateBackendOptions;

  /**
   * How Flink executes jobs: the runtime mode. On a session cluster, the default of its jobs.
   *
   * @default - Flink's default, STREAMING
   */
  readonly execution?: ExecutionOptions;

  /**
   * The service account of the JobManager, which creates TaskManager pods and ConfigMaps.
   *
   * Give an existing account (for instance the `flink` account of the operator's Helm chart:
   * `ServiceAccount.fromServiceAccountName(this, 'Flink', 'flink')`) to skip the RBAC objects.
   *
   * @default - a ServiceAccount named after the cluster, with a Role holding exactly the
   * operator chart's job rules and a RoleBinding (see `FlinkJobRbac`)
   */
  readonly serviceAccount?: IServiceAccount;
}

/**
 * Options of the operator's own Ingress (`spec.ingress`): `exposeWebUiWithOperatorIngress()` and
 * the `ingress` of a `FlinkBlueGreenDeployment`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/operations/ingress/
 */
export interface OperatorIngressOptions extends WebUiAccessOptions {
  /**
   * The URL template of the Ingress, with `{{name}}` and `{{namespace}}` placeholders, e.g.
   * `{{name}}.{{namespace}}.flink.example.com` or `/{{namespace}}/{{name}}(/|$)(.*)`.
   */
  readonly template: string;

  /**
   * The IngressClass of the Ingress (`spec.ingress.className`).
   *
   * @default - the cluster's default IngressClass
   */
  readonly ingressClassName?: string;

  /**
   * Annotations of the Ingress.
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Labels of the Ingress.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Secret with the TLS certificate for the template's host.
   *
   * @default - no TLS
   */
  readonly tlsSecretName?: string;
}
