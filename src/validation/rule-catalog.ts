/**
 * Every rule the engine can report, by stable id. docs/validation-rules.md documents them, and
 * the rule tests check that each id has both a rejecting and an accepting case.
 */
import { Severity } from '../finding';

export interface RuleInfo {
  readonly severity: Severity;
  /** Which operator check (or which reason) the rule stands for. */
  readonly summary: string;
}

const error = (summary: string): RuleInfo => ({ severity: Severity.ERROR, summary });
const warning = (summary: string): RuleInfo => ({ severity: Severity.WARNING, summary });

export const RULES = {
  'crd-schema': error('the manifest matches its CRD structural schema: types, enums, and no unknown fields'),
  'manifest-shape': error('a manifest is a map with apiVersion, kind and metadata.name'),
  'deployment-name': error('FlinkDeployment names (and session jobs\' deploymentName) follow the operator rule: [a-z]([-a-z0-9]{0,43}[a-z0-9])?'),
  'flink-version-required': error('spec.flinkVersion is set'),
  'flink-version-supported': error('spec.flinkVersion is one the operator still supports (v1_15 and newer)'),
  'forbidden-config-key': error('flinkConfiguration does not set keys the operator owns (kubernetes.namespace, kubernetes.cluster-id, high-availability.cluster-id)'),
  'config-value-format': error('boolean and duration options the operator reads parse (a bad value makes the admission webhook fail)'),
  'heartbeat-timeout': error('heartbeat.timeout is not shorter than heartbeat.interval'),
  'rollback-requires-ha': error('deployment rollback needs high availability'),
  'health-check-requires-jm-recovery': error('the cluster health check needs JobManager deployment recovery'),
  'ingress-template': error('spec.ingress.template is set and renders to a valid URL'),
  'log-config-key': error('spec.logConfiguration has only log4j-console.properties and logback-console.xml'),
  'checkpoint-dir-required': error('savepoint and last-state upgrades need a checkpoint directory'),
  'savepoint-dir-required': error('savepoint upgrades, savepoint triggers, periodic savepoints and a max checkpoint age need a savepoint directory'),
  'job-parallelism': error('a job\'s parallelism is at least 1 (unless the TaskManager replicas are set)'),
  'taskmanager-replicas': error('spec.taskManager.replicas is at least 1'),
  'jobmanager-replicas': error('spec.jobManager.replicas is at least 1'),
  'standby-jobmanager-requires-ha': error('more than one JobManager replica needs high availability'),
  'jobmanager-memory-required': error('the JobManager memory is defined (resource.memory or Flink memory options)'),
  'taskmanager-memory-required': error('the TaskManager memory is defined (resource.memory or Flink memory options)'),
  'jobmanager-memory-model': error('Flink can derive every JobManager memory component from resource.memory and flinkConfiguration'),
  'taskmanager-memory-model': error('Flink can derive every TaskManager memory component from resource.memory and flinkConfiguration'),
  'resource-memory-format': error('resource.memory parses as a Flink memory size or a Kubernetes quantity'),
  'resource-ephemeral-storage-format': error('resource.ephemeralStorage parses as a Kubernetes quantity'),
  'service-account-required': error('spec.serviceAccount is set'),
  'autoscaler-option-range': error('autoscaler options are numbers within the operator\'s ranges'),
  'autoscaler-excluded-periods': error('job.autoscaler.excluded.periods are daily ranges or Quartz cron expressions'),
  'spec-change': error('a change against status.reconciliationStatus.lastReconciledSpec is one the operator allows'),
  'implicit-stateless-upgrade': warning('a job with durable state does not leave its upgrade mode to the stateless default'),
  'stateful-resource-removed': error('compared with the previous manifests, no resource with durable state (a stateful job, a savepoint snapshot that disposes of its data) disappears or is renamed unless the removal is allowed'),
  'last-state-without-ha': warning('last-state upgrades have high availability to recover a failed JobManager'),
  'flink-version-feature': error('configured features exist in the cluster\'s Flink version (checkpoint triggers, periodic checkpoints, the autoscaler: 1.17+)'),
  'bluegreen-name': error('a FlinkBlueGreenDeployment name leaves room for -green within 45 characters (at most 39)'),
  'bluegreen-template': error('a FlinkBlueGreenDeployment has a template spec; the FlinkDeployment rules apply to it'),
  'session-job-spec-required': error('a FlinkSessionJob has spec.job'),
  'jar-uri-syntax': error('a session job\'s jarURI is a valid URI'),
  'jar-uri-scheme': error('a session job\'s jarURI has a scheme the operator allows (https by default)'),
  'jar-uri-host': error('an http(s) jarURI names a host'),
  'jar-uri-restricted-host': error('an http(s) jarURI does not point at a loopback, link-local, private, wildcard or multicast address'),
  'session-job-target-kind': error('a session job runs on a session cluster, not on an application cluster'),
  'session-job-target-missing': warning('the session cluster a session job names is in the same manifest set'),
  'slot-capacity': error('a job\'s parallelism fits the task slots of a cluster whose TaskManager count is bounded'),
  'session-slot-capacity': warning('the running session jobs of a bounded session cluster fit its task slots together'),
  'snapshot-type': error('a FlinkStateSnapshot has exactly one of savepoint and checkpoint'),
  'snapshot-job-reference': error('a FlinkStateSnapshot names its job, unless it records a savepoint that already exists'),
  'snapshot-target-missing': warning('the job a FlinkStateSnapshot references is in the same manifest set'),
  'web-ui-exposure': error('an Ingress to a session cluster\'s REST service, or the operator\'s spec.ingress, authenticates, unless jar uploads are off or the exposure is accepted explicitly'),
  'config-injection': error('flinkConfiguration keys and values and logConfiguration file names hold no line break, carriage return or NUL (and keys no \'#\' or \': \'), which would inject options into Flink\'s configuration file'),
  'sensitive-config-value': error('no flinkConfiguration key that Flink treats as sensitive (its GlobalConfiguration.SENSITIVE_KEYS fragments: password, secret, token, ...) holds a literal value, unless accepted with the cdk8s-flink/literal-secrets annotation or allowLiteralSecrets'),
  'credentials-in-url': warning('no URI (jarURI, initialSavepointPath, a flinkConfiguration value, a snapshot path) carries a password in its user info'),
  'pod-security-admission': error('a FlinkDeployment\'s JobManager and TaskManager pods (the pod templates merged as the operator merges them) pass the Pod Security Standards level their Namespace enforces, or the validation applies; a warn or audit label gives warnings'),
  'pod-privileges': warning('the pod templates grant none of the privileges the restricted defaults take away (root, privileged containers, privilege escalation, capabilities, host namespaces, hostPath volumes, host ports, unconfined seccomp)'),
  'service-account-binding': warning('a FlinkDeployment\'s service account is bound to a Role with the operator\'s job rules; with Kubernetes HA, the TaskManagers\' own account may watch ConfigMaps'),
} as const;

export type RuleId = keyof typeof RULES;

/** Every rule of the catalog is a member of the public `ValidationRule` enum, and the other way round (a test checks it). */
export const RULE_IDS: ReadonlyArray<RuleId> = Object.keys(RULES) as RuleId[];
