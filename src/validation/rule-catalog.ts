/**
 * Every rule the engine can report, by stable id: the one place where a rule's id, severity,
 * stage and summary are written. `npx projen rules` (scripts/render-rules.ts) generates from it
 * the public `ValidationRule` enum (src/validation-rule.ts), the severity and stage line of each
 * rule's section of docs/validation-rules.md and the table of rules there, and the CLI's rule
 * help (src/cli/rule-help.ts); test/validation/rule-catalog.test.ts fails when one of them is stale.
 */
import { Severity } from '../finding';

/**
 * When the problem a rule finds would surface: `admission`, when the resource is applied (the
 * API server's schema, the operator's webhook: `DefaultValidator`); `runtime`, after the operator
 * has admitted it (Flink, the image, Kubernetes, the operator's reconciliation, or the resources'
 * lifecycle).
 */
export type RuleStage = 'admission' | 'runtime';

export interface RuleInfo {
  /** The severity of the rule's findings, unless the rule decides case by case. */
  readonly severity: Severity;
  /**
   * What holds when the rule finds nothing, as one sentence without its final period: it is the
   * doc comment of the enum member, the rule's line in the docs' table and its SARIF short
   * description. It starts with a capital letter or a code span; Markdown is limited to code
   * spans; no `.`, `;`, `!` or `?` is followed by a space (jsii would end the summary there).
   */
  readonly summary: string;
  readonly stage: RuleStage;
}

const error = (summary: string, stage: RuleStage = 'admission'): RuleInfo => ({ severity: Severity.ERROR, summary, stage });
const warning = (summary: string): RuleInfo => ({ severity: Severity.WARNING, summary, stage: 'runtime' });

export const RULES = {
  'crd-schema': error('The manifest matches its CRD\'s structural schema: types, enums, and no unknown fields'),
  'manifest-shape': error('A manifest is a map with `apiVersion`, `kind` and `metadata.name`, made of JSON data: no cycles, functions, symbols or BigInts, nested at most 100 levels'),
  'resource-name': error('`metadata.name` is a DNS-1123 subdomain (at most 253 characters), and a FlinkSessionJob name fits a label value (at most 63)'),
  'validation-options': error('The validation options have their documented types (a list of strings, a boolean, a map of strings)'),
  'deployment-name': error('FlinkDeployment names, and session jobs\' `deploymentName`, follow the operator\'s rule `[a-z]([-a-z0-9]{0,43}[a-z0-9])?`'),
  'flink-version-required': error('`spec.flinkVersion` is set'),
  'flink-version-supported': error('`spec.flinkVersion` is one the operator still supports (`v1_15` and newer)'),
  'forbidden-config-key': error('`flinkConfiguration` does not set keys the operator owns (`kubernetes.namespace`, `kubernetes.cluster-id`, `high-availability.cluster-id`), nor, before Flink 2.0, a key that Flink reads as one of them once trimmed'),
  'config-value-format': error('Every declared option the resource sets has a value of its type for the cluster\'s Flink version (the operator or Flink cannot read it otherwise)', 'runtime'),
  'config-key-unread': warning('Every declared option the resource sets uses a key that the cluster\'s Flink version reads, or for the operator\'s options the operator release named by operatorVersion (a key it does not read has no effect)'),
  'rest-bind-port': error('The REST bind port (`rest.bind-port`, else `rest.port`), which the REST Service targets, is one port from 1 to 65535 in native mode (Flink\'s Kubernetes client fails the deployment on a range)', 'runtime'),
  'config-replaced': error('`flinkConfiguration` sets no key that the operator replaces, from a spec field such as `resource.memory` or `spec.image` or with a value of its own', 'runtime'),
  'heartbeat-timeout': error('`heartbeat.timeout` is not shorter than `heartbeat.interval`', 'runtime'),
  'rollback-requires-ha': error('Deployment rollback needs high availability'),
  'health-check-requires-jm-recovery': error('The cluster health check needs JobManager deployment recovery'),
  'ingress-template': error('`spec.ingress.template` is set and renders to a valid URL'),
  'log-config-key': error('`spec.logConfiguration` has only `log4j-console.properties` and `logback-console.xml`'),
  'checkpoint-dir-required': error('Savepoint and last-state upgrades need a checkpoint directory'),
  'savepoint-dir-required': error('Savepoint upgrades, savepoint triggers, periodic savepoints and a max checkpoint age need a savepoint directory'),
  'job-parallelism': error('A job\'s parallelism is at least 1 (unless the TaskManager replicas are set)'),
  'taskmanager-replicas': error('`spec.taskManager.replicas` is at least 1'),
  'jobmanager-replicas': error('`spec.jobManager.replicas` is at least 1'),
  'standby-jobmanager-requires-ha': error('More than one JobManager replica needs high availability'),
  'state-config-unread': error('The high availability or checkpoint directory a job relies on is set under a key the cluster\'s Flink version reads (and, for a session job before Flink 1.17, on its cluster)', 'runtime'),
  'jobmanager-memory-required': error('The JobManager memory is defined (`resource.memory` or Flink memory options)'),
  'taskmanager-memory-required': error('The TaskManager memory is defined (`resource.memory` or Flink memory options)'),
  'jobmanager-memory-model': error('Flink can derive every JobManager memory component from `resource.memory` and `flinkConfiguration`', 'runtime'),
  'taskmanager-memory-model': error('Flink can derive every TaskManager memory component from `resource.memory` and `flinkConfiguration`', 'runtime'),
  'resource-memory-format': error('`resource.memory` parses as a Flink memory size or a Kubernetes quantity'),
  'resource-ephemeral-storage-format': error('`resource.ephemeralStorage` parses as a Kubernetes quantity'),
  'service-account-required': error('`spec.serviceAccount` is set'),
  'autoscaler-option-range': error('Autoscaler options are numbers within the operator\'s ranges'),
  'autoscaler-excluded-periods': error('`job.autoscaler.excluded.periods` are daily ranges or Quartz cron expressions'),
  'spec-change': error('A change against `status.reconciliationStatus.lastReconciledSpec` is one the operator allows'),
  'implicit-stateless-upgrade': warning('A job with durable state does not leave its upgrade mode to the stateless default'),
  'stateful-resource-removed': error('Compared with the previous manifests, no resource with durable state (a stateful job, a savepoint snapshot that disposes of its data) disappears or is renamed unless the removal is allowed', 'runtime'),
  'periodic-snapshot-schedule': warning('Periodic savepoint and checkpoint intervals are Flink durations or Quartz cron expressions (the operator never triggers on anything else)'),
  'batch-job-upgrade-mode': warning('A BATCH job, which takes no checkpoints, uses the stateless upgrade mode'),
  'last-state-without-ha': warning('Last-state upgrades have high availability (under a key the cluster\'s Flink version reads) to recover a failed JobManager'),
  'flink-version-feature': warning('The resource uses no feature its cluster\'s Flink version lacks: checkpoint triggers, periodic checkpoints and the autoscaler need 1.17+ (the operator accepts and skips them), the ForSt state backend 2.0+ (Flink fails to start: an error)'),
  'bluegreen-name': error('A FlinkBlueGreenDeployment name leaves room for `-green` within 45 characters (at most 39)'),
  'bluegreen-template': error('A FlinkBlueGreenDeployment has a template spec, which the FlinkDeployment rules check'),
  'session-job-spec-required': error('A FlinkSessionJob has `spec.job`'),
  'session-job-config-ignored': warning('A session job on a cluster before Flink 1.17 sets no `flinkConfiguration` key that only Flink reads: the operator does not send it'),
  'jar-uri-syntax': error('A session job\'s `jarURI` is a valid URI'),
  'jar-uri-scheme': error('A session job\'s `jarURI` has a scheme the operator allows (`https` by default)'),
  'jar-uri-host': error('An http(s) `jarURI` names a host'),
  'jar-uri-restricted-host': error('An http(s) `jarURI` does not point at a loopback, link-local, private, wildcard or multicast address'),
  'session-job-target-kind': error('A session job runs on a session cluster, not on an application cluster'),
  'session-job-target-missing': warning('The session cluster a session job names is in the same manifest set'),
  'slot-capacity': error('A job\'s parallelism, as the operator runs it, fits the task slots of a cluster whose TaskManager count is bounded (standalone, or `slotmanager.number-of-slots.max`)', 'runtime'),
  'job-parallelism-ignored': warning('An application with `taskManager.replicas` sets no `job.parallelism` other than the replicas x slots the operator runs it at'),
  'session-slot-capacity': warning('The running session jobs of a bounded session cluster fit its task slots together'),
  'snapshot-type': error('A FlinkStateSnapshot has exactly one of savepoint and checkpoint'),
  'snapshot-job-reference': error('A FlinkStateSnapshot names its job, unless it records a savepoint that already exists'),
  'snapshot-checkpoint-version': error('A checkpoint FlinkStateSnapshot references a job on Flink 1.17 or newer', 'runtime'),
  'snapshot-target-missing': warning('The job a FlinkStateSnapshot references is in the same manifest set'),
  'session-job-submission-disabled': error('A session cluster that FlinkSessionJobs of the set run on keeps `web.submit.enable` on: the operator submits them through the web UI\'s jar upload', 'runtime'),
  'network-policy-rest-open': warning('A NetworkPolicy that selects a FlinkDeployment\'s JobManager pods does not let every address (`0.0.0.0/0`, `::/0`) reach their REST port'),
  'web-ui-exposure': error('An Ingress or HTTPRoute to a Flink cluster\'s REST service, or the operator\'s `spec.ingress`, authenticates with the controller that serves it, unless the exposure is accepted explicitly', 'runtime'),
  'filesystem-plugin-missing': error('State, HA and jar URIs on s3, gs, abfs, wasb or oss have the file system plugin enabled in the pods that use them, on the official images', 'runtime'),
  'filesystem-plugin-custom-image': warning('State, HA and jar URIs that need a file system plugin, on an image that is not official: the image must hold the plugin'),
  'builtin-plugin-version': error('Every jar `ENABLE_BUILT_IN_PLUGINS` names on an official image is one the image has (the image\'s exact Flink version)', 'runtime'),
  'builtin-plugin-floating-tag': warning('A plugin jar pinned to a Flink version goes with an image tag pinned to the same version'),
  'monitor-port-missing': warning('A PodMonitor or ServiceMonitor that selects a FlinkDeployment\'s pods scrapes a port name those pods have, after the operator\'s pod template merge'),
  'python-job': error('A PyFlink job is one Flink recognises: no .py file as `jarURI` of a jar job, an entry class for a session job\'s Python arguments, a program for `PythonDriver`, `-pym` together with `-pyfs`', 'runtime'),
  'application-jar-uri': error('An application\'s `jarURI` has a scheme (before Flink 1.19, `local://`)', 'runtime'),
  'local-state-lost': error('High availability data, and the checkpoints or savepoints of a last-state or savepoint job, on `file://` are on a volume shared by the pods that use them, not the container, an emptyDir or a volume without a source', 'runtime'),
  'local-state-at-risk': warning('`file://` state is not on node-local storage (hostPath, a ReadWriteOnce claim), nor on pod-local storage for a job that does not restore from it'),
  'image-reference': error('Every image of a FlinkDeployment (`spec.image`, the pod template containers) is a valid image reference', 'runtime'),
  'image-flink-version': warning('An official Flink image\'s tag names the Flink version of `spec.flinkVersion`'),
  'image-missing': warning('Both Flink pods have an image: `spec.image`, an image key, or the pod template\'s main container (otherwise Flink\'s default image runs, whose Flink version is the operator\'s)'),
  'pod-template-container-image': error('Every container of a pod template but `flink-main-container` has an image', 'runtime'),
  'pod-template-flink-mount': warning('A volume mounted at a Flink path (`/opt/flink/...`) on another container is mounted on `flink-main-container` too'),
  'config-injection': error('`flinkConfiguration` keys and `logConfiguration` file names hold no control character, values no line break, carriage return or NUL, and keys no `#` or `: `, which would inject options into Flink\'s configuration file, nor, before Flink 2.0, do an application\'s job fields that the operator writes there (`args`, `entryClass`, `jarURI`, `initialSavepointPath`), where a `#` also cuts the value', 'runtime'),
  'config-placeholder': error('No `flinkConfiguration` value or job field is a placeholder that nothing fills in (`${VAR}`, `$VAR`, `{{ name }}`, `<name>`): Flink reads it as written (shell variables in `env.java.opts*` and the entrypoint arguments excepted)', 'runtime'),
  'secret-volume-name': error('Every Secret `kubernetes.secrets` mounts gives Flink\'s volume `<secret>-volume` a valid name (a DNS-1123 label: no `.`, a Secret name of at most 56 characters)', 'runtime'),
  'sensitive-config-value': error('No `flinkConfiguration` key that Flink treats as sensitive (a fragment of its `GlobalConfiguration.SENSITIVE_KEYS`: password, secret, token, ...) holds a literal value, unless accepted with the `cdk8s-flink/literal-secrets` annotation or `allowLiteralSecrets`', 'runtime'),
  'credentials-in-url': warning('No URI (`jarURI`, `initialSavepointPath`, a `flinkConfiguration` value, a snapshot path) carries a password in its user info'),
  'pod-security-admission': error('A FlinkDeployment\'s JobManager and TaskManager pods (the pod templates merged as the operator merges them) pass the Pod Security Standards level their Namespace enforces or the validation applies, and a stricter warn or audit label gives warnings', 'runtime'),
  'pod-privileges': warning('The pod templates grant none of the privileges the restricted defaults take away (root, privileged containers, privilege escalation, capabilities, host namespaces, hostPath volumes, host ports, unconfined seccomp)'),
  'service-account-binding': warning('A FlinkDeployment\'s JobManager account (spec.serviceAccount, or the kubernetes.jobmanager.service-account key that wins over it) is bound to a Role with the operator\'s job rules, and with Kubernetes HA the TaskManagers\' own account may watch ConfigMaps'),
} as const;

export type RuleId = keyof typeof RULES;
