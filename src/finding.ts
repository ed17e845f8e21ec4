import { ValidationRule } from './validation-rule';

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
   * The release of the Flink Kubernetes Operator that runs the resources, e.g. `'1.9'` or
   * `'1.9.0'`, when it is older than the 1.15 this library targets: its option defaults apply
   * (e.g. the cluster health check's checkpoint progress check is off before 1.10), and a key
   * of an option it does not have yet is reported (`config-key-unread`), as it has no effect.
   *
   * @default '1.15'
   */
  readonly operatorVersion?: string;

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
