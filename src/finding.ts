/**
 * How bad a finding is.
 */
export enum Severity {
  /** The operator or Flink would reject or break on this: synth fails, the CLI exits 1. */
  ERROR = 'error',
  /** Likely a mistake, or a reference that could not be checked; never fails synth. */
  WARNING = 'warning',
}

/**
 * A level of the Kubernetes Pod Security Standards.
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export enum PodSecurityLevel {
  /** No restrictions. */
  PRIVILEGED = 'privileged',
  /** Prevents known privilege escalations: no host namespaces, privileged containers, hostPath volumes, ... */
  BASELINE = 'baseline',
  /** Baseline, plus non-root, no privilege escalation, all capabilities dropped, a seccomp profile, restricted volume types. */
  RESTRICTED = 'restricted',
}

/**
 * The rules of the validation engine, by their stable ids (see docs/validation-rules.md).
 */
export enum ValidationRule {
  /** The manifest matches its CRD structural schema: types, enums, and no unknown fields. */
  CRD_SCHEMA = 'crd-schema',
  /** A manifest is a map with apiVersion, kind and metadata.name. */
  MANIFEST_SHAPE = 'manifest-shape',
  /** Metadata.name is a DNS-1123 subdomain (at most 253 characters); a FlinkSessionJob name fits a label value (at most 63). */
  RESOURCE_NAME = 'resource-name',
  /** The validation options have their documented types (a list of strings, a boolean, a map of strings). */
  VALIDATION_OPTIONS = 'validation-options',
  /** FlinkDeployment names (and session jobs' deploymentName) follow the operator rule: [a-z]([-a-z0-9]{0,43}[a-z0-9])?. */
  DEPLOYMENT_NAME = 'deployment-name',
  /** Spec.flinkVersion is set. */
  FLINK_VERSION_REQUIRED = 'flink-version-required',
  /** Spec.flinkVersion is one the operator still supports (v1_15 and newer). */
  FLINK_VERSION_SUPPORTED = 'flink-version-supported',
  /** FlinkConfiguration does not set keys the operator owns (kubernetes.namespace, kubernetes.cluster-id, high-availability.cluster-id). */
  FORBIDDEN_CONFIG_KEY = 'forbidden-config-key',
  /** Every declared option the resource sets has a value of its type for the cluster's Flink version (the operator or Flink cannot read it otherwise). */
  CONFIG_VALUE_FORMAT = 'config-value-format',
  /** Every declared option the resource sets uses a key that the cluster's Flink version reads (a key it does not read has no effect). */
  CONFIG_KEY_UNREAD = 'config-key-unread',
  /** Heartbeat.timeout is not shorter than heartbeat.interval. */
  HEARTBEAT_TIMEOUT = 'heartbeat-timeout',
  /** Deployment rollback needs high availability. */
  ROLLBACK_REQUIRES_HA = 'rollback-requires-ha',
  /** The cluster health check needs JobManager deployment recovery. */
  HEALTH_CHECK_REQUIRES_JM_RECOVERY = 'health-check-requires-jm-recovery',
  /** Spec.ingress.template is set and renders to a valid URL. */
  INGRESS_TEMPLATE = 'ingress-template',
  /** Spec.logConfiguration has only log4j-console.properties and logback-console.xml. */
  LOG_CONFIG_KEY = 'log-config-key',
  /** Savepoint and last-state upgrades need a checkpoint directory. */
  CHECKPOINT_DIR_REQUIRED = 'checkpoint-dir-required',
  /** Savepoint upgrades, savepoint triggers, periodic savepoints and a max checkpoint age need a savepoint directory. */
  SAVEPOINT_DIR_REQUIRED = 'savepoint-dir-required',
  /** A job's parallelism is at least 1 (unless the TaskManager replicas are set). */
  JOB_PARALLELISM = 'job-parallelism',
  /** Spec.taskManager.replicas is at least 1. */
  TASKMANAGER_REPLICAS = 'taskmanager-replicas',
  /** Spec.jobManager.replicas is at least 1. */
  JOBMANAGER_REPLICAS = 'jobmanager-replicas',
  /** More than one JobManager replica needs high availability. */
  STANDBY_JOBMANAGER_REQUIRES_HA = 'standby-jobmanager-requires-ha',
  /** The high availability or checkpoint directory a job relies on is set under a key the cluster's Flink version reads (and, for a session job before Flink 1.17, on its cluster). */
  STATE_CONFIG_UNREAD = 'state-config-unread',
  /** The JobManager memory is defined (resource.memory or Flink memory options). */
  JOBMANAGER_MEMORY_REQUIRED = 'jobmanager-memory-required',
  /** The TaskManager memory is defined (resource.memory or Flink memory options). */
  TASKMANAGER_MEMORY_REQUIRED = 'taskmanager-memory-required',
  /** Flink can derive every JobManager memory component from resource.memory and flinkConfiguration. */
  JOBMANAGER_MEMORY_MODEL = 'jobmanager-memory-model',
  /** Flink can derive every TaskManager memory component from resource.memory and flinkConfiguration. */
  TASKMANAGER_MEMORY_MODEL = 'taskmanager-memory-model',
  /** Resource.memory parses as a Flink memory size or a Kubernetes quantity. */
  RESOURCE_MEMORY_FORMAT = 'resource-memory-format',
  /** Resource.ephemeralStorage parses as a Kubernetes quantity. */
  RESOURCE_EPHEMERAL_STORAGE_FORMAT = 'resource-ephemeral-storage-format',
  /** Spec.serviceAccount is set. */
  SERVICE_ACCOUNT_REQUIRED = 'service-account-required',
  /** Autoscaler options are numbers within the operator's ranges. */
  AUTOSCALER_OPTION_RANGE = 'autoscaler-option-range',
  /** Job.autoscaler.excluded.periods are daily ranges or Quartz cron expressions. */
  AUTOSCALER_EXCLUDED_PERIODS = 'autoscaler-excluded-periods',
  /** A change against status.reconciliationStatus.lastReconciledSpec is one the operator allows. */
  SPEC_CHANGE = 'spec-change',
  /** A job with durable state does not leave its upgrade mode to the stateless default. */
  IMPLICIT_STATELESS_UPGRADE = 'implicit-stateless-upgrade',
  /** Compared with the previous manifests, no resource with durable state (a stateful job, a savepoint snapshot that disposes of its data) disappears or is renamed unless the removal is allowed. */
  STATEFUL_RESOURCE_REMOVED = 'stateful-resource-removed',
  /** Periodic savepoint and checkpoint intervals are Flink durations or Quartz cron expressions (the operator never triggers on anything else). */
  PERIODIC_SNAPSHOT_SCHEDULE = 'periodic-snapshot-schedule',
  /** A BATCH job, which takes no checkpoints, uses the stateless upgrade mode. */
  BATCH_JOB_UPGRADE_MODE = 'batch-job-upgrade-mode',
  /** Last-state upgrades have high availability (under a key the cluster's Flink version reads) to recover a failed JobManager. */
  LAST_STATE_WITHOUT_HA = 'last-state-without-ha',
  /** Features the cluster's Flink version lacks: checkpoint triggers, periodic checkpoints and the autoscaler need 1.17+ (the operator accepts and skips them); the ForSt state backend needs 2.0+ (Flink fails to start: an error). */
  FLINK_VERSION_FEATURE = 'flink-version-feature',
  /** A FlinkBlueGreenDeployment name leaves room for -green within 45 characters (at most 39). */
  BLUEGREEN_NAME = 'bluegreen-name',
  /** A FlinkBlueGreenDeployment has a template spec; the FlinkDeployment rules apply to it. */
  BLUEGREEN_TEMPLATE = 'bluegreen-template',
  /** A FlinkSessionJob has spec.job. */
  SESSION_JOB_SPEC_REQUIRED = 'session-job-spec-required',
  /** A session job on a cluster before Flink 1.17 sets no flinkConfiguration key that only Flink reads: the operator does not send it. */
  SESSION_JOB_CONFIG_IGNORED = 'session-job-config-ignored',
  /** A session job's jarURI is a valid URI. */
  JAR_URI_SYNTAX = 'jar-uri-syntax',
  /** A session job's jarURI has a scheme the operator allows (https by default). */
  JAR_URI_SCHEME = 'jar-uri-scheme',
  /** An http(s) jarURI names a host. */
  JAR_URI_HOST = 'jar-uri-host',
  /** An http(s) jarURI does not point at a loopback, link-local, private, wildcard or multicast address. */
  JAR_URI_RESTRICTED_HOST = 'jar-uri-restricted-host',
  /** A session job runs on a session cluster, not on an application cluster. */
  SESSION_JOB_TARGET_KIND = 'session-job-target-kind',
  /** The session cluster a session job names is in the same manifest set. */
  SESSION_JOB_TARGET_MISSING = 'session-job-target-missing',
  /** A job's parallelism fits the task slots of a cluster whose TaskManager count is bounded. */
  SLOT_CAPACITY = 'slot-capacity',
  /** The running session jobs of a bounded session cluster fit its task slots together. */
  SESSION_SLOT_CAPACITY = 'session-slot-capacity',
  /** A FlinkStateSnapshot has exactly one of savepoint and checkpoint. */
  SNAPSHOT_TYPE = 'snapshot-type',
  /** A FlinkStateSnapshot names its job, unless it records a savepoint that already exists. */
  SNAPSHOT_JOB_REFERENCE = 'snapshot-job-reference',
  /** A checkpoint FlinkStateSnapshot references a job on Flink 1.17 or newer. */
  SNAPSHOT_CHECKPOINT_VERSION = 'snapshot-checkpoint-version',
  /** The job a FlinkStateSnapshot references is in the same manifest set. */
  SNAPSHOT_TARGET_MISSING = 'snapshot-target-missing',
  /** An Ingress to a session cluster's REST service, or the operator's spec.ingress, authenticates, unless jar uploads are off or the exposure is accepted explicitly. */
  WEB_UI_EXPOSURE = 'web-ui-exposure',
  /** State, HA and jar URIs on s3, gs, abfs, wasb or oss have the file system plugin enabled in the pods that use them, on the official images. */
  FILESYSTEM_PLUGIN_MISSING = 'filesystem-plugin-missing',
  /** State, HA and jar URIs that need a file system plugin, on an image that is not official: the image must hold the plugin. */
  FILESYSTEM_PLUGIN_CUSTOM_IMAGE = 'filesystem-plugin-custom-image',
  /** Every jar ENABLE_BUILT_IN_PLUGINS names on an official image is one the image has (the image's exact Flink version). */
  BUILTIN_PLUGIN_VERSION = 'builtin-plugin-version',
  /** A plugin jar pinned to a Flink version goes with an image tag pinned to the same version. */
  BUILTIN_PLUGIN_FLOATING_TAG = 'builtin-plugin-floating-tag',
  /** A PyFlink job is one Flink recognises: no .py file as jarURI of a jar job, an entry class for a session job's Python arguments, a program for PythonDriver, -pyfs with -pym. */
  PYTHON_JOB = 'python-job',
  /** An application's jarURI has a scheme (before Flink 1.19, local://). */
  APPLICATION_JAR_URI = 'application-jar-uri',
  /** High availability data, and the checkpoints or savepoints of a last-state or savepoint job, on file:// are on a volume shared by the pods that use them, not the container, an emptyDir or a volume without a source. */
  LOCAL_STATE_LOST = 'local-state-lost',
  /** File:// state is not on node-local storage (hostPath, a ReadWriteOnce claim), nor on pod-local storage for a job that does not restore from it. */
  LOCAL_STATE_AT_RISK = 'local-state-at-risk',
  /** Every image of a FlinkDeployment (spec.image, the pod template containers) is a valid image reference. */
  IMAGE_REFERENCE = 'image-reference',
  /** An official Flink image's tag names the Flink version of spec.flinkVersion. */
  IMAGE_FLINK_VERSION = 'image-flink-version',
  /** Spec.image is set (otherwise the operator's default image runs, whose Flink version is the operator's). */
  IMAGE_MISSING = 'image-missing',
  /** Every container of a pod template but flink-main-container has an image. */
  POD_TEMPLATE_CONTAINER_IMAGE = 'pod-template-container-image',
  /** A volume mounted at a Flink path (/opt/flink/...) on another container is mounted on flink-main-container too. */
  POD_TEMPLATE_FLINK_MOUNT = 'pod-template-flink-mount',
  /** A FlinkDeployment's service account is bound to a Role with the operator's job rules. */
  SERVICE_ACCOUNT_BINDING = 'service-account-binding',
  /** FlinkConfiguration keys and values and logConfiguration file names hold no line break, carriage return or NUL (and keys no '#' or ': '). */
  CONFIG_INJECTION = 'config-injection',
  /** No flinkConfiguration key that Flink treats as sensitive (password, secret, token, ...) holds a literal value, unless accepted explicitly. */
  SENSITIVE_CONFIG_VALUE = 'sensitive-config-value',
  /** No URI (jarURI, initialSavepointPath, a flinkConfiguration value, a snapshot path) carries a password in its user info. */
  CREDENTIALS_IN_URL = 'credentials-in-url',
  /** A FlinkDeployment's JobManager and TaskManager pods pass the Pod Security level their Namespace enforces (or the validation applies). */
  POD_SECURITY_ADMISSION = 'pod-security-admission',
  /** The pod templates grant none of the privileges the restricted defaults take away (root, privileged, host namespaces, hostPath, ...), or it is reported. */
  POD_PRIVILEGES = 'pod-privileges',
}

/**
 * One problem in one manifest.
 */
export interface Finding {
  /** The rule, e.g. `ValidationRule.JAR_URI_SCHEME` (`jar-uri-scheme`); see docs/validation-rules.md. */
  readonly rule: ValidationRule;

  /** Error or warning. */
  readonly severity: Severity;

  /** Kind of the manifest, e.g. `FlinkSessionJob`. */
  readonly kind: string;

  /** `metadata.name` of the manifest. */
  readonly name: string;

  /** `metadata.namespace` of the manifest, when set. */
  readonly namespace?: string;

  /** JSON path of the offending field in the manifest, e.g. `spec.job.parallelism`. */
  readonly path: string;

  /** What is wrong, with the value found and the fix. */
  readonly message: string;
}

/**
 * Operator-level settings that some rules depend on. The defaults are the operator's.
 */
export interface ValidationOptions {
  /**
   * URI schemes the operator accepts for session job jars
   * (`kubernetes.operator.user.artifacts.allowed-schemes`). From JavaScript or plugin
   * properties, a comma-separated string such as `'https,s3'` is read as a list too.
   *
   * @default ['https']
   */
  readonly allowedJarSchemes?: string[];

  /**
   * Whether the operator refuses session job jars from loopback, link-local, private,
   * wildcard or multicast addresses (`kubernetes.operator.user.artifacts.disallow-restricted-hosts`).
   * Host names are not resolved at synth time: IP literals and `localhost` are checked.
   *
   * @default true
   */
  readonly disallowRestrictedHosts?: boolean;

  /**
   * The operator's default Flink configuration, which every resource's `flinkConfiguration`
   * is laid over (e.g. a default `high-availability.type` or checkpoint directory).
   *
   * @default - none
   */
  readonly operatorConfiguration?: { [key: string]: string };

  /**
   * The manifests of the previous release, e.g. those committed on the main branch. When
   * given, every Flink resource with durable state (a job with a savepoint or last-state
   * upgrade mode or checkpointing, or a savepoint snapshot that disposes of its data on
   * deletion) that is in them but not in the new manifests is an error
   * (`stateful-resource-removed`): a GitOps sync would delete it, and a rename starts the job
   * from empty state.
   *
   * @default - no comparison
   */
  readonly previousManifests?: any[];

  /**
   * Removals to allow, as `Kind/name` (e.g. `FlinkDeployment/orders`), for resources that are
   * meant to go away.
   *
   * @default - none
   */
  readonly allowedRemovals?: string[];

  /**
   * Accept literal values under the `flinkConfiguration` keys Flink treats as sensitive
   * (password, secret, token, ...) in every resource, e.g. for a test setup. A single resource
   * is accepted with the annotation `cdk8s-flink/literal-secrets: "true"` instead.
   *
   * @default false: such a value is an error (`sensitive-config-value`)
   */
  readonly allowLiteralSecrets?: boolean;

  /**
   * A Pod Security Standards level that every FlinkDeployment's JobManager and TaskManager pods
   * must pass (rule `pod-security-admission`), as if their namespace enforced it. A Namespace in
   * the manifests with a stricter `pod-security.kubernetes.io/enforce` label wins.
   *
   * @default - only the levels the Namespaces in the manifests enforce
   */
  readonly podSecurityLevel?: PodSecurityLevel;
}
