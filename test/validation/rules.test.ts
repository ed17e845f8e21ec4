/**
 * A table of accepted and rejected manifests: every rule has at least one rejecting and one
 * accepting case, so that no rule rejects valid input.
 */
import * as fs from 'fs';
import * as path from 'path';
import { APPLICATION, BLUE_GREEN, JOB_RBAC, patched, SESSION_CLUSTER, SESSION_JOB, SNAPSHOT, STATEFUL_APPLICATION } from './fixtures';
import { SECURITY_CASES } from './security-cases';
import { Finding, FlinkValidator, Severity, ValidationOptions, ValidationRule } from '../../src';
import { RULES } from '../../src/validation/rule-catalog';

interface Case {
  readonly rule: keyof typeof RULES;
  readonly what: string;
  readonly manifests: any[];
  /** true: the rule must report (with its catalog severity); false: nothing at all may be an error, and the rule must stay silent. */
  readonly reported: boolean;
  /** A fragment the finding's message must contain. */
  readonly message?: RegExp;
  /** The finding's path. */
  readonly path?: string;
  readonly options?: ValidationOptions;
}

const app = (patch: any) => [patched(APPLICATION, patch), ...JOB_RBAC];
const session = (patch: any) => [patched(SESSION_CLUSTER, patch), ...JOB_RBAC];
const sessionJob = (patch: any, clusterPatch: any = {}) => [patched(SESSION_JOB, patch), patched(SESSION_CLUSTER, clusterPatch), ...JOB_RBAC];
const config = (entries: { [key: string]: string }) => ({ spec: { flinkConfiguration: entries } });
const stateful = (patch: any) => [patched(STATEFUL_APPLICATION, patch), ...JOB_RBAC];
/** A hand-written Ingress to the REST service of the session cluster fixture. */
const webUiIngress = (patch: any) => patched({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'session-ui', namespace: 'flink' },
  spec: { rules: [{ host: 'flink.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'session-rest', port: { number: 8081 } } } }] } }] },
}, patch);

const CASES: Case[] = [
  // crd-schema
  { rule: 'crd-schema', what: 'a misspelled field', manifests: app({ spec: { job: { upgradMode: 'savepoint' } } }), reported: true, path: 'spec.job.upgradMode', message: /Did you mean 'upgradeMode'/ },
  { rule: 'crd-schema', what: 'a wrong enum value', manifests: app({ spec: { job: { upgradeMode: 'Savepoint' } } }), reported: true, message: /must be one of 'last-state', 'savepoint', 'stateless'/ },
  { rule: 'crd-schema', what: 'a string for an integer', manifests: app({ spec: { job: { parallelism: '2' } } }), reported: true, path: 'spec.job.parallelism', message: /must be an integer \(got "2"\)/ },
  { rule: 'crd-schema', what: 'an unknown field in a pod template container', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', securityContex: {} }] } } } }), reported: true, path: 'spec.podTemplate.spec.containers[0].securityContex' },
  { rule: 'crd-schema', what: 'an int-or-string port given as a string', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'x', ports: [{ containerPort: 9249 }], livenessProbe: { httpGet: { port: 'http' } } }] } } } }), reported: false },
  { rule: 'crd-schema', what: 'nested flinkConfiguration (preserve-unknown-fields)', manifests: app({ spec: { flinkConfiguration: { taskmanager: { numberOfTaskSlots: 2 } } } }), reported: false },
  { rule: 'crd-schema', what: 'a wrong apiVersion', manifests: app({ apiVersion: 'flink.apache.org/v1' }), reported: true, path: 'apiVersion' },
  { rule: 'crd-schema', what: 'status, as exported by kubectl', manifests: app({ status: { lifecycleState: 'STABLE' } }), reported: false },
  // manifest-shape
  { rule: 'manifest-shape', what: 'no metadata.name', manifests: [patched(APPLICATION, { metadata: { name: undefined } })], reported: true, path: 'metadata.name' },
  { rule: 'manifest-shape', what: 'a complete manifest', manifests: app({}), reported: false },
  // deployment-name
  { rule: 'deployment-name', what: 'a dot in the name', manifests: app({ metadata: { name: 'session-cluster-1.13' } }), reported: true, message: /got 'session-cluster-1.13'/ },
  { rule: 'deployment-name', what: '46 characters', manifests: app({ metadata: { name: 'a'.repeat(46) } }), reported: true, message: /46 characters/ },
  { rule: 'deployment-name', what: '45 characters', manifests: app({ metadata: { name: 'a'.repeat(45) } }), reported: false },
  { rule: 'deployment-name', what: "a session job's invalid deploymentName", manifests: sessionJob({ spec: { deploymentName: 'Session' } }), reported: true, path: 'spec.deploymentName' },
  // flink version
  { rule: 'flink-version-required', what: 'no flinkVersion', manifests: app({ spec: { flinkVersion: undefined } }), reported: true },
  { rule: 'flink-version-required', what: 'flinkVersion v1_15', manifests: app({ spec: { flinkVersion: 'v1_15' } }), reported: false },
  { rule: 'flink-version-supported', what: 'flinkVersion v1_14', manifests: app({ spec: { flinkVersion: 'v1_14' } }), reported: true, message: /'v1_14' is not supported/ },
  { rule: 'flink-version-supported', what: 'flinkVersion v2_2', manifests: app({ spec: { flinkVersion: 'v2_2' } }), reported: false },
  // forbidden-config-key
  { rule: 'forbidden-config-key', what: 'kubernetes.namespace', manifests: app(config({ 'kubernetes.namespace': 'myns' })), reported: true, path: "spec.flinkConfiguration['kubernetes.namespace']" },
  { rule: 'forbidden-config-key', what: 'high-availability.cluster-id', manifests: app(config({ 'high-availability.cluster-id': 'x' })), reported: true },
  { rule: 'forbidden-config-key', what: 'kubernetes.cluster-id nested', manifests: app({ spec: { flinkConfiguration: { kubernetes: { 'cluster-id': 'x' } } } }), reported: true },
  { rule: 'forbidden-config-key', what: 'an unrelated key', manifests: app(config({ random: 'config' })), reported: false },
  // config-value-format
  { rule: 'config-value-format', what: 'a boolean that is not one', manifests: app(config({ 'kubernetes.operator.deployment.rollback.enabled': 'yes' })), reported: true, message: /must be 'true' or 'false' \(got 'yes'\)/ },
  { rule: 'config-value-format', what: 'an unparsable max checkpoint age', manifests: stateful(config({ 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age': 'ten minutes' })), reported: true },
  { rule: 'config-value-format', what: 'a boolean in capitals and a duration with a unit', manifests: stateful(config({ 'kubernetes.operator.cluster.health-check.enabled': 'TRUE', 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age': '10 min' })), reported: false },
  // heartbeat
  { rule: 'heartbeat-timeout', what: 'a timeout below the default interval', manifests: app(config({ 'heartbeat.timeout': '5000' })), reported: true, path: "spec.flinkConfiguration['heartbeat.timeout']" },
  { rule: 'heartbeat-timeout', what: 'an interval above the timeout, as durations', manifests: app(config({ 'heartbeat.interval': '2 min', 'heartbeat.timeout': '60 s' })), reported: true },
  { rule: 'heartbeat-timeout', what: 'a longer timeout', manifests: app(config({ 'heartbeat.interval': '10000', 'heartbeat.timeout': '120 s' })), reported: false },
  { rule: 'config-value-format', what: 'an unreadable heartbeat timeout', manifests: app(config({ 'heartbeat.timeout': 'long' })), reported: true },
  // rollback / health check
  { rule: 'rollback-requires-ha', what: 'rollback without HA', manifests: app(config({ 'kubernetes.operator.deployment.rollback.enabled': 'true' })), reported: true },
  { rule: 'rollback-requires-ha', what: 'rollback with Kubernetes HA', manifests: app(config({ 'kubernetes.operator.deployment.rollback.enabled': 'true', 'high-availability.type': 'kubernetes' })), reported: false },
  { rule: 'rollback-requires-ha', what: "rollback with the legacy 'high-availability' key", manifests: app(config({ 'kubernetes.operator.deployment.rollback.enabled': 'true', 'high-availability': 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory' })), reported: false },
  { rule: 'health-check-requires-jm-recovery', what: 'health check without JM recovery', manifests: app(config({ 'kubernetes.operator.cluster.health-check.enabled': 'true', 'kubernetes.operator.jm-deployment-recovery.enabled': 'false' })), reported: true },
  { rule: 'health-check-requires-jm-recovery', what: 'health check with default JM recovery', manifests: app(config({ 'kubernetes.operator.cluster.health-check.enabled': 'true' })), reported: false },
  // ingress-template
  { rule: 'ingress-template', what: 'no template', manifests: app({ spec: { ingress: { className: 'nginx' } } }), reported: true, message: /must be set/ },
  { rule: 'ingress-template', what: 'a non-numeric port', manifests: app({ spec: { ingress: { template: 'example.com:port' } } }), reported: true, message: /invalid port 'port'/ },
  { rule: 'ingress-template', what: 'a path template', manifests: app({ spec: { ingress: { template: 'example.com/{{namespace}}/{{name}}' } } }), reported: false },
  { rule: 'ingress-template', what: 'a regex path template', manifests: app({ spec: { ingress: { template: '/{{namespace}}/{{name}}(/|$)(.*)' } } }), reported: false },
  // log-config-key
  { rule: 'log-config-key', what: 'an unknown file', manifests: app({ spec: { logConfiguration: { random: 'config' } } }), reported: true },
  { rule: 'log-config-key', what: 'log4j-console.properties', manifests: app({ spec: { logConfiguration: { 'log4j-console.properties': 'rootLogger.level = INFO' } } }), reported: false },
  // checkpoint / savepoint dirs
  { rule: 'checkpoint-dir-required', what: 'last-state without a checkpoint dir', manifests: app({ spec: { job: { upgradeMode: 'last-state' } } }), reported: true, path: 'spec.job.upgradeMode' },
  { rule: 'checkpoint-dir-required', what: "last-state with the pre-1.20 key 'state.checkpoints.dir'", manifests: app({ spec: { flinkConfiguration: { 'state.checkpoints.dir': 's3://b/c' }, job: { upgradeMode: 'last-state' } } }), reported: false },
  { rule: 'checkpoint-dir-required', what: 'stateless without a checkpoint dir', manifests: app({}), reported: false },
  { rule: 'savepoint-dir-required', what: 'savepoint upgrades without a savepoint dir', manifests: app({ spec: { flinkConfiguration: { 'execution.checkpointing.dir': 's3://b/c' }, job: { upgradeMode: 'savepoint' } } }), reported: true, message: /no savepoint directory/ },
  { rule: 'savepoint-dir-required', what: 'a savepoint trigger without a savepoint dir', manifests: app({ spec: { job: { savepointTriggerNonce: 7 } } }), reported: true, path: 'spec.job.savepointTriggerNonce' },
  { rule: 'savepoint-dir-required', what: 'periodic savepoints without a savepoint dir', manifests: app(config({ 'kubernetes.operator.periodic.savepoint.interval': '1h' })), reported: true },
  { rule: 'savepoint-dir-required', what: 'a max checkpoint age without a savepoint dir', manifests: app(config({ 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age': '1m' })), reported: true },
  { rule: 'savepoint-dir-required', what: "savepoint upgrades with the pre-1.20 key 'state.savepoints.dir'", manifests: app({ spec: { flinkConfiguration: { 'state.checkpoints.dir': 's3://b/c', 'state.savepoints.dir': 's3://b/s' }, job: { upgradeMode: 'savepoint' } } }), reported: false },
  { rule: 'savepoint-dir-required', what: 'savepoint upgrades with both directories', manifests: stateful({ spec: { job: { upgradeMode: 'savepoint', savepointTriggerNonce: 1 } } }), reported: false },
  // parallelism / replicas
  { rule: 'job-parallelism', what: 'parallelism 0', manifests: app({ spec: { job: { parallelism: 0 } } }), reported: true },
  { rule: 'job-parallelism', what: 'no parallelism and no TaskManager replicas', manifests: app({ spec: { job: { parallelism: undefined } } }), reported: true, message: /is not set/ },
  { rule: 'job-parallelism', what: 'no parallelism with TaskManager replicas', manifests: app({ spec: { job: { parallelism: 0 }, taskManager: { replicas: 1 } } }), reported: false },
  { rule: 'taskmanager-replicas', what: 'TaskManager replicas 0', manifests: app({ spec: { taskManager: { replicas: 0 } } }), reported: true },
  { rule: 'taskmanager-replicas', what: 'TaskManager replicas 0 on a session cluster', manifests: session({ spec: { taskManager: { replicas: 0 } } }), reported: true },
  { rule: 'taskmanager-replicas', what: 'TaskManager replicas 3', manifests: session({ spec: { taskManager: { replicas: 3 } } }), reported: false },
  { rule: 'jobmanager-replicas', what: 'JobManager replicas 0', manifests: app({ spec: { jobManager: { replicas: 0 } } }), reported: true },
  { rule: 'jobmanager-replicas', what: 'JobManager replicas 1', manifests: app({ spec: { jobManager: { replicas: 1 } } }), reported: false },
  { rule: 'standby-jobmanager-requires-ha', what: 'two JobManagers without HA', manifests: app({ spec: { jobManager: { replicas: 2 } } }), reported: true },
  { rule: 'standby-jobmanager-requires-ha', what: 'two JobManagers with HA', manifests: stateful({ spec: { jobManager: { replicas: 2 } } }), reported: false },
  // memory
  { rule: 'jobmanager-memory-required', what: 'no JobManager memory', manifests: app({ spec: { jobManager: { resource: { memory: undefined } } } }), reported: true },
  { rule: 'jobmanager-memory-required', what: 'JobManager heap in flinkConfiguration', manifests: app({ spec: { jobManager: { resource: { memory: undefined } }, flinkConfiguration: { 'jobmanager.memory.heap.size': '2048m' } } }), reported: false },
  { rule: 'taskmanager-memory-required', what: 'no TaskManager memory', manifests: app({ spec: { taskManager: undefined } }), reported: true },
  { rule: 'taskmanager-memory-required', what: 'task heap alone', manifests: app({ spec: { taskManager: { resource: { memory: undefined } }, flinkConfiguration: { 'taskmanager.memory.task.heap.size': '1024m' } } }), reported: true },
  { rule: 'taskmanager-memory-required', what: 'total Flink memory in flinkConfiguration', manifests: app({ spec: { taskManager: { resource: { memory: undefined } }, flinkConfiguration: { 'taskmanager.memory.flink.size': '2048m' } } }), reported: false },
  { rule: 'taskmanager-memory-required', what: 'task heap and managed memory', manifests: app({ spec: { taskManager: { resource: { memory: undefined } }, flinkConfiguration: { 'taskmanager.memory.task.heap.size': '1024m', 'taskmanager.memory.managed.size': '1024m' } } }), reported: false },
  { rule: 'resource-memory-format', what: "memory 'invalid'", manifests: app({ spec: { taskManager: { resource: { memory: 'invalid' } } } }), reported: true, path: 'spec.taskManager.resource.memory' },
  { rule: 'resource-memory-format', what: "memory '1.5g' (a fractional quantity is no Flink memory size)", manifests: app({ spec: { jobManager: { resource: { memory: '1.5g' } } } }), reported: true },
  ...['1G', '1Gi', '1600Mi', '2048m', '2 gb'].map((memory): Case => ({ rule: 'resource-memory-format', what: `memory '${memory}'`, manifests: app({ spec: { taskManager: { resource: { memory } }, jobManager: { resource: { memory } } } }), reported: false })),
  { rule: 'taskmanager-memory-model', what: 'a 512Mi TaskManager (framework memory alone exceeds what is left)', manifests: app({ spec: { taskManager: { resource: { memory: '512Mi' } } } }), reported: true, message: /Flink would refuse to start the TaskManager/ },
  { rule: 'taskmanager-memory-model', what: "a 100-byte TaskManager (the operator's own test admits it; Flink refuses it at deploy)", manifests: app({ spec: { taskManager: { resource: { memory: '100' } } } }), reported: true },
  { rule: 'taskmanager-memory-model', what: 'network memory fixed above the total Flink memory', manifests: app({ spec: { flinkConfiguration: { 'taskmanager.memory.network.min': '3g', 'taskmanager.memory.network.max': '3g' } } }), reported: true },
  { rule: 'taskmanager-memory-model', what: 'a 2048m TaskManager with defaults', manifests: app({}), reported: false },
  { rule: 'taskmanager-memory-model', what: 'a 1728m TaskManager with a larger managed fraction', manifests: app({ spec: { taskManager: { resource: { memory: '1728m' } }, flinkConfiguration: { 'taskmanager.memory.managed.fraction': '0.5' } } }), reported: false },
  { rule: 'jobmanager-memory-model', what: 'a JobManager heap larger than its process', manifests: app({ spec: { flinkConfiguration: { 'jobmanager.memory.heap.size': '4g' } } }), reported: true, path: 'spec.jobManager.resource.memory' },
  { rule: 'jobmanager-memory-model', what: 'a 1600m JobManager', manifests: app({ spec: { jobManager: { resource: { memory: '1600m' } } } }), reported: false },
  { rule: 'resource-ephemeral-storage-format', what: "ephemeral storage 'abc'", manifests: app({ spec: { jobManager: { resource: { ephemeralStorage: 'abc' } } } }), reported: true },
  { rule: 'resource-ephemeral-storage-format', what: "ephemeral storage '2G'", manifests: app({ spec: { jobManager: { resource: { ephemeralStorage: '2G' } }, taskManager: { resource: { ephemeralStorage: '10Gi' } } } }), reported: false },
  // service account
  { rule: 'service-account-required', what: 'no service account', manifests: app({ spec: { serviceAccount: undefined } }), reported: true },
  { rule: 'service-account-required', what: 'a service account', manifests: app({}), reported: false },
  // web-ui-exposure
  { rule: 'web-ui-exposure', what: 'a hand-written Ingress to a session cluster without authentication', manifests: [...session({}), webUiIngress({})], reported: true, path: 'spec.rules[0].http.paths[0].backend.service.name', message: /Ingress 'session-ui' exposes the web UI of Flink cluster 'session' without authentication/ },
  { rule: 'web-ui-exposure', what: "the operator's spec.ingress of a session cluster without authentication", manifests: session({ spec: { ingress: { template: '{{name}}.example.com' } } }), reported: true, path: 'spec.ingress', message: /The operator Ingress of 'session'/ },
  { rule: 'web-ui-exposure', what: 'a hand-written Ingress with basic auth', manifests: [...session({}), webUiIngress({ metadata: { annotations: { 'nginx.ingress.kubernetes.io/auth-type': 'basic' } } })], reported: false },
  { rule: 'web-ui-exposure', what: 'an Ingress with the explicit opt-in annotation', manifests: [...session({}), webUiIngress({ metadata: { annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' } } })], reported: false },
  { rule: 'web-ui-exposure', what: 'a session cluster with jar uploads off', manifests: [...session(config({ 'web.submit.enable': 'false' })), webUiIngress({})], reported: false },
  { rule: 'web-ui-exposure', what: "an Ingress to an application cluster's REST service", manifests: [...app({}), webUiIngress({ spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'app-rest', port: { number: 8081 } } } }] } }] } })], reported: false },
  { rule: 'service-account-binding', what: 'an account bound nowhere in the set', manifests: [APPLICATION], reported: true, message: /not bound to a Role in this set/ },
  { rule: 'service-account-binding', what: 'an account bound to a Role without the job rules', manifests: [APPLICATION, JOB_RBAC[0], patched(JOB_RBAC[1], { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] }), JOB_RBAC[2]], reported: true, message: /lack 27 of the operator's job permissions/ },
  { rule: 'service-account-binding', what: 'an account bound to the job rules', manifests: app({}), reported: false },
  // autoscaler
  { rule: 'autoscaler-option-range', what: 'a negative scale-down factor', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.scale-down.max-factor': '-0.1' })), reported: true, message: /\[0\.0, \+Infinity\]/ },
  { rule: 'autoscaler-option-range', what: 'utilization.max below the target', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.utilization.target': '0.5', 'job.autoscaler.utilization.max': '0.4' })), reported: true, message: /\[0\.5, 1\.0\]/ },
  { rule: 'autoscaler-option-range', what: 'the operator-prefixed fallback key', manifests: app(config({ 'kubernetes.operator.job.autoscaler.enabled': 'true', 'kubernetes.operator.job.autoscaler.utilization.target': '1.5' })), reported: true },
  { rule: 'autoscaler-option-range', what: 'a non-numeric factor', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.scale-up.max-factor': 'lots' })), reported: true },
  { rule: 'autoscaler-option-range', what: 'valid ranges', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.utilization.min': '0.2', 'job.autoscaler.utilization.target': '0.5', 'job.autoscaler.utilization.max': '0.6' })), reported: false },
  { rule: 'autoscaler-option-range', what: 'junk while the autoscaler is off', manifests: app(config({ 'job.autoscaler.enabled': 'false', 'job.autoscaler.utilization.target': '-1.6' })), reported: false },
  { rule: 'autoscaler-excluded-periods', what: 'a daily range that ends before it starts', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.excluded.periods': '12:00-10:00' })), reported: true },
  { rule: 'autoscaler-excluded-periods', what: 'a daily range and a cron expression', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.excluded.periods': '9:13:58-10:13:58 && * * * ? * 2-6' })), reported: false },
  // spec-change
  { rule: 'spec-change', what: 'a session cluster turned into an application', manifests: app({ status: { reconciliationStatus: { lastReconciledSpec: JSON.stringify({ spec: SESSION_CLUSTER.spec }) } } }), reported: true, path: 'spec.job' },
  { rule: 'spec-change', what: 'native to standalone', manifests: app({ spec: { mode: 'standalone' }, status: { reconciliationStatus: { lastReconciledSpec: JSON.stringify(APPLICATION.spec) } } }), reported: true, path: 'spec.mode' },
  { rule: 'spec-change', what: 'a redeploy nonce without a savepoint path', manifests: app({ spec: { job: { savepointRedeployNonce: 1 } }, status: { reconciliationStatus: { lastReconciledSpec: JSON.stringify(APPLICATION.spec) } } }), reported: true },
  { rule: 'spec-change', what: 'an unchanged spec', manifests: app({ status: { reconciliationStatus: { lastReconciledSpec: JSON.stringify({ spec: APPLICATION.spec }) } } }), reported: false },
  // state safety and version gates
  // stateful-resource-removed
  { rule: 'stateful-resource-removed', what: 'a stateful application dropped', manifests: [...JOB_RBAC], options: { previousManifests: stateful({ spec: { job: { upgradeMode: 'savepoint' } } }) }, reported: true, path: 'metadata.name', message: /FlinkDeployment 'app' in namespace 'flink'.*upgradeMode 'savepoint'.*--allow-removal FlinkDeployment\/app/ },
  { rule: 'stateful-resource-removed', what: 'a stateful application renamed', manifests: stateful({ metadata: { name: 'orders' }, spec: { job: { upgradeMode: 'savepoint' } } }), options: { previousManifests: stateful({ spec: { job: { upgradeMode: 'savepoint' } } }) }, reported: true, message: /FlinkDeployment 'orders' is new: if it is 'app' renamed.*metadata.name: 'app'/ },
  { rule: 'stateful-resource-removed', what: 'a session job whose cluster checkpoints, dropped', manifests: session({}), options: { previousManifests: sessionJob({ spec: { job: { upgradeMode: 'last-state' } } }, config({ 'execution.checkpointing.dir': 's3://b/c' })) }, reported: true, message: /'execution.checkpointing.dir'/ },
  { rule: 'stateful-resource-removed', what: 'a savepoint snapshot that disposes of its data, dropped', manifests: app({}), options: { previousManifests: [SNAPSHOT, ...app({})] }, reported: true, message: /deletes the savepoint data.*disposeOnDelete: false/ },
  { rule: 'stateful-resource-removed', what: 'a blue/green deployment with state, dropped', manifests: [...JOB_RBAC], options: { previousManifests: [patched(BLUE_GREEN, { spec: { template: { spec: { job: { upgradeMode: 'last-state' } } } } })] }, reported: true },
  { rule: 'stateful-resource-removed', what: 'a stateful application kept', manifests: stateful({ spec: { job: { upgradeMode: 'savepoint' } } }), options: { previousManifests: stateful({ spec: { job: { upgradeMode: 'savepoint' } } }) }, reported: false },
  { rule: 'stateful-resource-removed', what: 'a stateless application dropped', manifests: [...JOB_RBAC], options: { previousManifests: app({}) }, reported: false },
  { rule: 'stateful-resource-removed', what: 'a session cluster dropped', manifests: [...JOB_RBAC], options: { previousManifests: session(config({ 'execution.checkpointing.dir': 's3://b/c' })) }, reported: false },
  { rule: 'stateful-resource-removed', what: 'a snapshot that keeps its data, dropped', manifests: app({}), options: { previousManifests: [patched(SNAPSHOT, { spec: { savepoint: { disposeOnDelete: false } } }), ...app({})] }, reported: false },
  { rule: 'stateful-resource-removed', what: 'an allowed removal', manifests: [...JOB_RBAC], options: { previousManifests: stateful({ spec: { job: { upgradeMode: 'savepoint' } } }), allowedRemovals: ['FlinkDeployment/app'] }, reported: false },
  { rule: 'implicit-stateless-upgrade', what: 'checkpointing without an upgrade mode', manifests: app({ spec: { flinkConfiguration: { 'execution.checkpointing.interval': '1 min' }, job: { upgradeMode: undefined } } }), reported: true },
  { rule: 'implicit-stateless-upgrade', what: 'a session job whose cluster has a savepoint dir', manifests: sessionJob({}, config({ 'state.savepoints.dir': 's3://b/s' })), reported: true },
  { rule: 'implicit-stateless-upgrade', what: 'an explicit stateless mode with checkpointing', manifests: app({ spec: { flinkConfiguration: { 'execution.checkpointing.interval': '1 min' }, job: { upgradeMode: 'stateless' } } }), reported: false },
  { rule: 'implicit-stateless-upgrade', what: 'no durable state and no upgrade mode', manifests: app({ spec: { job: { upgradeMode: undefined } } }), reported: false },
  { rule: 'last-state-without-ha', what: 'last-state without HA', manifests: app({ spec: { flinkConfiguration: { 'execution.checkpointing.dir': 's3://b/c' }, job: { upgradeMode: 'last-state' } } }), reported: true },
  { rule: 'last-state-without-ha', what: 'last-state with Kubernetes HA', manifests: stateful({ spec: { job: { upgradeMode: 'last-state' } } }), reported: false },
  { rule: 'flink-version-feature', what: 'a checkpoint trigger on Flink 1.16', manifests: app({ spec: { flinkVersion: 'v1_16', job: { checkpointTriggerNonce: 1 } } }), reported: true },
  { rule: 'flink-version-feature', what: 'the autoscaler on Flink 1.16', manifests: app({ spec: { flinkVersion: 'v1_16', flinkConfiguration: { 'job.autoscaler.enabled': 'true' } } }), reported: true },
  { rule: 'flink-version-feature', what: "a session job's checkpoint trigger on a 1.16 cluster", manifests: sessionJob({ spec: { job: { checkpointTriggerNonce: 3 } } }, { spec: { flinkVersion: 'v1_16' } }), reported: true },
  { rule: 'flink-version-feature', what: 'a checkpoint trigger on Flink 1.17', manifests: app({ spec: { flinkVersion: 'v1_17', job: { checkpointTriggerNonce: 1 } } }), reported: false },
  // session jobs
  { rule: 'session-job-spec-required', what: 'no job', manifests: sessionJob({ spec: { job: undefined } }), reported: true },
  { rule: 'session-job-spec-required', what: 'a job', manifests: sessionJob({}), reported: false },
  { rule: 'jar-uri-syntax', what: 'a space in the URI', manifests: sessionJob({ spec: { job: { jarURI: 'ht tp://bad uri' } } }), reported: true },
  { rule: 'jar-uri-syntax', what: 'a percent-encoded space', manifests: sessionJob({ spec: { job: { jarURI: 'https://repo.example.com/my%20job.jar' } } }), reported: false },
  { rule: 'jar-uri-scheme', what: 'no scheme', manifests: sessionJob({ spec: { job: { jarURI: '/no/scheme/job.jar' } } }), reported: true, message: /has no scheme/ },
  { rule: 'jar-uri-scheme', what: 'local:// (not allowed by default)', manifests: sessionJob({ spec: { job: { jarURI: 'local:///opt/flink/job.jar' } } }), reported: true, message: /scheme 'local'/ },
  { rule: 'jar-uri-scheme', what: 'http:// (not allowed by default)', manifests: sessionJob({ spec: { job: { jarURI: 'http://repo.example.com/job.jar' } } }), reported: true },
  { rule: 'jar-uri-scheme', what: 's3:// when the operator allows it', manifests: sessionJob({ spec: { job: { jarURI: 's3://bucket/job.jar' } } }), reported: false, options: { allowedJarSchemes: ['https', 's3'] } },
  { rule: 'jar-uri-scheme', what: 'HTTPS in capitals', manifests: sessionJob({ spec: { job: { jarURI: 'HTTPS://repo.example.com/job.jar' } } }), reported: false },
  { rule: 'jar-uri-host', what: 'https without a host', manifests: sessionJob({ spec: { job: { jarURI: 'https:///job.jar' } } }), reported: true },
  { rule: 'jar-uri-host', what: 'a host with an underscore', manifests: sessionJob({ spec: { job: { jarURI: 'https://my_repo.example.com/job.jar' } } }), reported: true },
  { rule: 'jar-uri-host', what: 'a public IP literal', manifests: sessionJob({ spec: { job: { jarURI: 'https://203.0.113.5/job.jar' } } }), reported: false },
  ...['127.0.0.1', 'localhost', '10.1.2.3', '192.168.0.10', '172.20.0.1', '169.254.169.254', '0.0.0.0', '[::1]', '[fe80::1]', '[::ffff:127.0.0.1]', '224.0.0.1'].map((host): Case => ({
    rule: 'jar-uri-restricted-host', what: `host ${host}`, manifests: sessionJob({ spec: { job: { jarURI: `https://${host}:8443/job.jar` } } }), reported: true,
  })),
  { rule: 'jar-uri-restricted-host', what: 'a loopback host when the operator allows restricted hosts', manifests: sessionJob({ spec: { job: { jarURI: 'https://127.0.0.1/job.jar' } } }), reported: false, options: { disallowRestrictedHosts: false } },
  { rule: 'jar-uri-restricted-host', what: 'a CGNAT address', manifests: sessionJob({ spec: { job: { jarURI: 'https://100.64.0.1/job.jar' } } }), reported: false },
  { rule: 'jar-uri-restricted-host', what: 'a DNS name', manifests: sessionJob({}), reported: false },
  { rule: 'session-job-target-kind', what: 'a session job on an application cluster', manifests: [patched(SESSION_JOB, { spec: { deploymentName: 'app' } }), APPLICATION, ...JOB_RBAC], reported: true },
  { rule: 'session-job-target-kind', what: 'a session job on a session cluster', manifests: sessionJob({}), reported: false },
  { rule: 'session-job-target-missing', what: 'a cluster not in the set', manifests: [SESSION_JOB], reported: true, message: /names no FlinkDeployment in this set/ },
  { rule: 'session-job-target-missing', what: 'a cluster in another namespace', manifests: [SESSION_JOB, patched(SESSION_CLUSTER, { metadata: { namespace: 'other' } }), ...JOB_RBAC], reported: true },
  { rule: 'session-job-target-missing', what: 'the cluster in the set', manifests: sessionJob({}), reported: false },
  { rule: 'checkpoint-dir-required', what: 'a last-state session job on a cluster whose configuration has none', manifests: sessionJob({ spec: { job: { upgradeMode: 'last-state' } } }), reported: true, message: /session cluster 'session' merged/ },
  { rule: 'checkpoint-dir-required', what: 'a last-state session job whose cluster has a checkpoint dir', manifests: sessionJob({ spec: { job: { upgradeMode: 'last-state' } } }, config({ 'execution.checkpointing.dir': 's3://b/c' })), reported: false },
  { rule: 'job-parallelism', what: 'a session job without parallelism', manifests: sessionJob({ spec: { job: { parallelism: undefined } } }), reported: true },
  { rule: 'autoscaler-option-range', what: "a session job's autoscaler option merged with its cluster's", manifests: sessionJob(config({ 'job.autoscaler.utilization.max': '0.6' }), config({ 'job.autoscaler.enabled': 'true' })), reported: true },
  // capacity
  { rule: 'slot-capacity', what: 'an application needing more slots than its replicas offer', manifests: app({ spec: { taskManager: { replicas: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' }, job: { parallelism: 5 } } }), reported: true, message: /2 TaskManager replicas x 2 slots/ },
  { rule: 'slot-capacity', what: 'a session job above slotmanager.number-of-slots.max', manifests: sessionJob({ spec: { job: { parallelism: 5 } } }, config({ 'slotmanager.number-of-slots.max': '4' })), reported: true, message: /can never be scheduled/ },
  { rule: 'slot-capacity', what: 'a session job above replicas x slots', manifests: sessionJob({ spec: { job: { parallelism: 3 } } }, { spec: { taskManager: { replicas: 1 } } }), reported: true },
  { rule: 'slot-capacity', what: 'an application that fits', manifests: app({ spec: { taskManager: { replicas: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' }, job: { parallelism: 4 } } }), reported: false },
  { rule: 'slot-capacity', what: 'an unbounded session cluster', manifests: sessionJob({ spec: { job: { parallelism: 64 } } }), reported: false },
  { rule: 'slot-capacity', what: 'the adaptive scheduler', manifests: app({ spec: { taskManager: { replicas: 1 }, flinkConfiguration: { 'jobmanager.scheduler': 'adaptive' }, job: { parallelism: 8 } } }), reported: false },
  { rule: 'session-slot-capacity', what: 'two jobs that do not fit together', manifests: [patched(SESSION_JOB, { metadata: { name: 'a' }, spec: { job: { parallelism: 3 } } }), patched(SESSION_JOB, { metadata: { name: 'b' }, spec: { job: { parallelism: 2 } } }), patched(SESSION_CLUSTER, { spec: { taskManager: { replicas: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' } } }), ...JOB_RBAC], reported: true, message: /need 5 task slots together \(a: 3, b: 2\)/ },
  { rule: 'session-slot-capacity', what: 'two jobs that fit, one suspended', manifests: [patched(SESSION_JOB, { metadata: { name: 'a' }, spec: { job: { parallelism: 3 } } }), patched(SESSION_JOB, { metadata: { name: 'b' }, spec: { job: { parallelism: 2, state: 'suspended' } } }), patched(SESSION_CLUSTER, { spec: { taskManager: { replicas: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' } } }), ...JOB_RBAC], reported: false },
  // blue/green
  { rule: 'bluegreen-name', what: 'a 40-character name', manifests: [patched(BLUE_GREEN, { metadata: { name: 'a'.repeat(40) } }), ...JOB_RBAC], reported: true, message: /'a{40}-green'/ },
  { rule: 'bluegreen-name', what: 'a 39-character name', manifests: [patched(BLUE_GREEN, { metadata: { name: 'a'.repeat(39) } }), ...JOB_RBAC], reported: false },
  { rule: 'bluegreen-template', what: 'no template', manifests: [patched(BLUE_GREEN, { spec: { template: undefined } })], reported: true },
  { rule: 'bluegreen-template', what: 'a valid template', manifests: [BLUE_GREEN, ...JOB_RBAC], reported: false },
  { rule: 'checkpoint-dir-required', what: 'a blue/green template with last-state and no checkpoint dir', manifests: [patched(BLUE_GREEN, { spec: { template: { spec: { job: { upgradeMode: 'last-state' } } } } }), ...JOB_RBAC], reported: true, path: 'spec.template.spec.job.upgradeMode', message: /^In the blue\/green template: / },
  { rule: 'taskmanager-memory-model', what: 'a blue/green template with a 512m TaskManager', manifests: [patched(BLUE_GREEN, { spec: { template: { spec: { taskManager: { resource: { memory: '512m' } } } } } }), ...JOB_RBAC], reported: true, path: 'spec.template.spec.taskManager.resource.memory' },
  // snapshots
  { rule: 'snapshot-type', what: 'both savepoint and checkpoint', manifests: [patched(SNAPSHOT, { spec: { checkpoint: {} } }), APPLICATION], reported: true },
  { rule: 'snapshot-type', what: 'neither', manifests: [patched(SNAPSHOT, { spec: { savepoint: undefined } }), APPLICATION], reported: true },
  { rule: 'snapshot-type', what: 'a checkpoint', manifests: [patched(SNAPSHOT, { spec: { savepoint: undefined, checkpoint: {} } }), ...app({})], reported: false },
  { rule: 'snapshot-job-reference', what: 'no job reference', manifests: [patched(SNAPSHOT, { spec: { jobReference: undefined } })], reported: true },
  { rule: 'snapshot-job-reference', what: 'a reference without a name', manifests: [patched(SNAPSHOT, { spec: { jobReference: { name: undefined } } })], reported: true, path: 'spec.jobReference.name' },
  { rule: 'snapshot-job-reference', what: 'a reference to a session cluster', manifests: [patched(SNAPSHOT, { spec: { jobReference: { name: 'session' } } }), ...session({})], reported: true },
  { rule: 'snapshot-job-reference', what: 'an existing savepoint without a job', manifests: [patched(SNAPSHOT, { spec: { jobReference: undefined, savepoint: { alreadyExists: true } } })], reported: false },
  { rule: 'snapshot-target-missing', what: 'a job not in the set', manifests: [SNAPSHOT], reported: true },
  { rule: 'snapshot-target-missing', what: 'a snapshot that already completed', manifests: [patched(SNAPSHOT, { status: { state: 'COMPLETED' } })], reported: false },
  { rule: 'snapshot-target-missing', what: 'the job in the set', manifests: [SNAPSHOT, ...app({})], reported: false },
  ...SECURITY_CASES,
];

function findingsOf(testCase: Case): Finding[] {
  return FlinkValidator.validate(testCase.manifests, testCase.options);
}

describe('validation rules', () => {
  test.each(CASES.filter((c) => c.reported).map((c) => [c.rule, c.what, c] as const))('%s rejects %s', (rule, _what, testCase) => {
    const matching = findingsOf(testCase).filter((finding) => finding.rule === rule);
    expect(matching.length).toBeGreaterThan(0);
    expect(matching[0].severity).toBe(RULES[rule].severity);
    if (testCase.path !== undefined) {
      expect(matching.map((finding) => finding.path)).toContain(testCase.path);
    }
    if (testCase.message !== undefined) {
      expect(matching.map((finding) => finding.message).join('\n')).toMatch(testCase.message);
    }
  });

  test.each(CASES.filter((c) => !c.reported).map((c) => [c.rule, c.what, c] as const))('%s accepts %s', (rule, _what, testCase) => {
    const findings = findingsOf(testCase);
    expect(findings.filter((finding) => finding.rule === rule)).toEqual([]);
    expect(findings.filter((finding) => finding.severity === Severity.ERROR)).toEqual([]);
  });

  test.each(Object.keys(RULES))('rule %s has a rejecting and an accepting case', (rule) => {
    expect(CASES.some((c) => c.rule === rule && c.reported)).toBe(true);
    expect(CASES.some((c) => c.rule === rule && !c.reported)).toBe(true);
  });

  test('a finding names the manifest, its namespace and a path', () => {
    const [finding] = FlinkValidator.validate([patched(APPLICATION, { spec: { job: { parallelism: 0 } } }), ...JOB_RBAC]);
    expect(finding).toEqual({
      rule: 'job-parallelism',
      severity: Severity.ERROR,
      kind: 'FlinkDeployment',
      name: 'app',
      namespace: 'flink',
      path: 'spec.job.parallelism',
      message: 'spec.job.parallelism must be at least 1 (got 0).',
    });
    expect(FlinkValidator.format(finding)).toBe('FlinkDeployment/app spec.job.parallelism: spec.job.parallelism must be at least 1 (got 0). [job-parallelism]');
  });

  test.each([
    ['null', null],
    ['a string', 'kind: FlinkDeployment'],
    ['a spec that is a list', { ...APPLICATION, spec: [] }],
    ['a job that is a string', { ...APPLICATION, spec: { ...APPLICATION.spec, job: 'x' } }],
    ['a flinkConfiguration that is a number', { ...APPLICATION, spec: { ...APPLICATION.spec, flinkConfiguration: 3 } }],
    ['metadata that is a string', { ...APPLICATION, metadata: 'app' }],
  ])('never throws, on %s', (_what, manifest) => {
    expect(() => FlinkValidator.validate([manifest as any])).not.toThrow();
    expect(FlinkValidator.hasErrors(FlinkValidator.validate([manifest as any]))).toBe(true);
  });

  test('kinds other than Flink custom resources are only used for references', () => {
    expect(FlinkValidator.validate([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 1 } }])).toEqual([]);
  });
});

describe('docs/validation-rules.md', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'validation-rules.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([a-z-]+)` \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]);

  test('documents every rule, with its severity, and nothing else', () => {
    expect(documented.map(([rule]) => rule).sort()).toEqual(Object.keys(RULES).sort());
    for (const [rule, severity] of documented) {
      expect([rule, RULES[rule as keyof typeof RULES].severity]).toEqual([rule, severity]);
    }
  });

  test('the public ValidationRule enum names every rule of the catalog, and nothing else', () => {
    expect(Object.values(ValidationRule).sort()).toEqual(Object.keys(RULES).sort());
  });
});
