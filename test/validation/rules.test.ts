/**
 * A table of accepted and rejected manifests: every rule has at least one rejecting and one
 * accepting case, so that no rule rejects valid input.
 */
import { APPLICATION, BLUE_GREEN, JOB_RBAC, onFlink, patched, SESSION_CLUSTER, SESSION_JOB, SNAPSHOT, STATEFUL_APPLICATION } from './fixtures';
import { RuleCase, SECURITY_CASES } from './security-cases';
import { Finding, FlinkValidator, Severity } from '../../src';
import { RULES } from '../../src/validation/rule-catalog';

type Case = RuleCase;

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

/** A pod template with the S3 plugin and a volume 'data' at /flink-data on the main container of both pods. */
const localVolume = (source: object) => ({
  spec: {
    containers: [{ ...APPLICATION.spec.podTemplate.spec.containers[0], volumeMounts: [{ name: 'data', mountPath: '/flink-data' }] }],
    volumes: [{ name: 'data', ...source }],
  },
});

// Issue 20, case 10: a process template that declares ports on the main container replaces the common template's.
const PLUGIN_ENV = [{ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-hadoop-1.20.1.jar' }];
const metricsApp = (taskManagerPorts: any[] | undefined, flinkConfiguration: any = {}) => app({
  spec: {
    flinkConfiguration,
    podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: PLUGIN_ENV, ports: [{ name: 'metrics', containerPort: 9249 }] }] } },
    taskManager: taskManagerPorts === undefined ? {} : { podTemplate: { spec: { containers: [{ name: 'flink-main-container', ports: taskManagerPorts }] } } },
  },
});
const podMonitor = (selector: any) => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PodMonitor',
  metadata: { name: 'app', namespace: 'flink' },
  spec: { selector, podMetricsEndpoints: [{ port: 'metrics' }] },
});
const FLINK_PODS = { matchLabels: { app: 'app', type: 'flink-native-kubernetes' }, matchExpressions: [{ key: 'component', operator: 'In', values: ['jobmanager', 'taskmanager'] }] };
const metricsService = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'app-metrics', namespace: 'flink', labels: { scrape: 'flink' } },
  spec: { selector: { app: 'app', component: 'taskmanager' }, ports: [{ name: 'prom', port: 9249, targetPort: 'metrics' }] },
};
const serviceMonitor = {
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'ServiceMonitor',
  metadata: { name: 'app', namespace: 'flink' },
  spec: { selector: { matchLabels: { scrape: 'flink' } }, endpoints: [{ port: 'prom' }] },
};

const CASES: Case[] = [
  // crd-schema
  { rule: 'crd-schema', what: 'a misspelled field', manifests: app({ spec: { job: { upgradMode: 'savepoint' } } }), reported: true, path: 'spec.job.upgradMode', message: /Did you mean 'upgradeMode'/ },
  { rule: 'crd-schema', what: 'a wrong enum value', manifests: app({ spec: { job: { upgradeMode: 'Savepoint' } } }), reported: true, message: /must be one of 'last-state', 'savepoint', 'stateless'/ },
  { rule: 'crd-schema', what: 'a string for an integer', manifests: app({ spec: { job: { parallelism: '2' } } }), reported: true, path: 'spec.job.parallelism', message: /must be an integer \(got "2"\)/ },
  { rule: 'crd-schema', what: 'an unknown field in a pod template container', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', securityContex: {} }] } } } }), reported: true, path: 'spec.podTemplate.spec.containers[0].securityContex' },
  { rule: 'crd-schema', what: 'an int-or-string port given as a string', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'x', image: 'busybox:1.36', ports: [{ containerPort: 9249 }], livenessProbe: { httpGet: { port: 'http' } } }] } } } }), reported: false },
  { rule: 'crd-schema', what: 'nested flinkConfiguration (preserve-unknown-fields)', manifests: app({ spec: { flinkConfiguration: { taskmanager: { numberOfTaskSlots: 2 } } } }), reported: false },
  { rule: 'crd-schema', what: 'a wrong apiVersion', manifests: app({ apiVersion: 'flink.apache.org/v1' }), reported: true, path: 'apiVersion' },
  { rule: 'crd-schema', what: 'status, as exported by kubectl', manifests: app({ status: { lifecycleState: 'STABLE' } }), reported: false },
  // manifest-shape
  { rule: 'manifest-shape', what: 'no metadata.name', manifests: [patched(APPLICATION, { metadata: { name: undefined } })], reported: true, path: 'metadata.name' },
  { rule: 'manifest-shape', what: 'a complete manifest', manifests: app({}), reported: false },
  { rule: 'manifest-shape', what: 'a BigInt', manifests: app({ spec: { job: { parallelism: 2n } } }), reported: true, path: 'spec.job.parallelism', message: /BigInt \(2n\)/ },
  // resource-name
  { rule: 'resource-name', what: "a session job named 'Bad_Name'", manifests: sessionJob({ metadata: { name: 'Bad_Name' } }), reported: true, path: 'metadata.name', message: /"Bad_Name" is not a valid Kubernetes name/ },
  { rule: 'resource-name', what: 'a session job name of 64 characters', manifests: sessionJob({ metadata: { name: 'a'.repeat(64) } }), reported: true, message: /64 characters long.*job-reference\.name/ },
  { rule: 'resource-name', what: 'a snapshot name with a newline', manifests: [patched(SNAPSHOT, { metadata: { name: 'x\n0 manifests checked' } }), ...app({})], reported: true },
  { rule: 'resource-name', what: 'a snapshot name of 254 characters', manifests: [patched(SNAPSHOT, { metadata: { name: 'a'.repeat(254) } }), ...app({})], reported: true, message: /at most 253/ },
  { rule: 'resource-name', what: 'a session job name of 63 characters, with dots', manifests: sessionJob({ metadata: { name: `${'a'.repeat(31)}.${'b'.repeat(31)}` } }), reported: false },
  { rule: 'resource-name', what: 'a snapshot name of 253 characters', manifests: [patched(SNAPSHOT, { metadata: { name: 'a'.repeat(253) } }), ...app({})], reported: false },
  // validation-options
  { rule: 'validation-options', what: 'allowedJarSchemes as a number', manifests: sessionJob({}), options: { allowedJarSchemes: 42 as any }, reported: true, path: 'allowedJarSchemes' },
  { rule: 'validation-options', what: 'operatorVersion as a YAML number', manifests: sessionJob({}), options: { operatorVersion: 1.1 as any }, reported: true, path: 'operatorVersion', message: /as a string \(YAML reads 1\.10 as the number 1\.1\)/ },
  { rule: 'validation-options', what: "operatorVersion 'latest'", manifests: sessionJob({}), options: { operatorVersion: 'latest' }, reported: true, path: 'operatorVersion' },
  { rule: 'validation-options', what: "operatorVersion 'release-1.9.0'", manifests: sessionJob({}), options: { operatorVersion: 'release-1.9.0' }, reported: false },
  { rule: 'validation-options', what: "allowedJarSchemes as the operator's comma-separated string", manifests: sessionJob({ spec: { job: { jarURI: 's3://b/job.jar' } } }), options: { allowedJarSchemes: 'https,s3' as any }, reported: false },
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
  // Keys as Flink reads them: the legacy flink-conf.yaml loader trims them (before Flink 2.0, 1.19 and 1.20 included).
  { rule: 'forbidden-config-key', what: "' kubernetes.cluster-id' on Flink 1.20 (the operator's exact check lets it through; Flink trims it)", manifests: app(config({ ' kubernetes.cluster-id': 'other' })), reported: true, path: "spec.flinkConfiguration[' kubernetes.cluster-id']", message: /flinkConfiguration key " kubernetes\.cluster-id" is read by Flink 1\.20 as 'kubernetes\.cluster-id' \(value 'other'\).*loader trims keys.*Remove the key/ },
  { rule: 'forbidden-config-key', what: "'kubernetes.namespace ' on Flink 1.19", manifests: app({ spec: { ...onFlink('1.19.3').spec, flinkConfiguration: { 'kubernetes.namespace ': 'other' } } }), reported: true, message: /key "kubernetes\.namespace " is read by Flink 1\.19 as 'kubernetes\.namespace'/ },
  { rule: 'forbidden-config-key', what: "'high-availability.cluster-id ', HA on", manifests: app(config({ 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha', 'high-availability.cluster-id  ': 'x' })), reported: true, message: /as 'high-availability\.cluster-id'.*high availability id/ },
  { rule: 'forbidden-config-key', what: "' kubernetes.cluster-id' on Flink 2.0 (config.yaml keeps the key as written)", manifests: app({ spec: { ...onFlink('2.0.0').spec, flinkConfiguration: { ' kubernetes.cluster-id': 'other' } } }), reported: false },
  { rule: 'forbidden-config-key', what: "' kubernetes.cluster-id' with an empty value (the loader skips the line)", manifests: app(config({ ' kubernetes.cluster-id': ' ' })), reported: false },
  // config-value-format
  { rule: 'config-value-format', what: "' taskmanager.numberOfTaskSlots', which Flink 1.20 reads trimmed", manifests: app(config({ ' taskmanager.numberOfTaskSlots': 'four' })), reported: true, path: "spec.flinkConfiguration[' taskmanager.numberOfTaskSlots']", message: /flinkConfiguration " taskmanager\.numberOfTaskSlots" \(read by Flink as 'taskmanager\.numberOfTaskSlots'.*got 'four'/ },
  { rule: 'config-value-format', what: "' taskmanager.numberOfTaskSlots' on Flink 2.0 (another key, which nothing reads)", manifests: app({ spec: { ...onFlink('2.0.0').spec, flinkConfiguration: { ' taskmanager.numberOfTaskSlots': 'four' } } }), reported: false },
  { rule: 'config-value-format', what: 'a boolean that is not one', manifests: app(config({ 'kubernetes.operator.deployment.rollback.enabled': 'yes' })), reported: true, message: /must be 'true' or 'false' \(got 'yes'\)/ },
  { rule: 'config-value-format', what: 'an unparsable max checkpoint age', manifests: stateful(config({ 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age': 'ten minutes' })), reported: true },
  { rule: 'config-value-format', what: 'a word for a number of slots', manifests: app(config({ 'taskmanager.numberOfTaskSlots': 'two' })), reported: true, path: "spec.flinkConfiguration['taskmanager.numberOfTaskSlots']", message: /'taskmanager.numberOfTaskSlots' must be a whole number \(got 'two'\)/ },
  { rule: 'config-value-format', what: 'a misspelled high availability type', manifests: app(config({ 'high-availability.type': 'kubernetez' })), reported: true, message: /one of 'NONE', 'ZOOKEEPER', 'KUBERNETES' or a factory class name \(got 'kubernetez'\)/ },
  { rule: 'config-value-format', what: 'an empty (null) checkpoint directory, which the operator counts as set', manifests: stateful({ spec: { flinkConfiguration: { 'execution.checkpointing.dir': null }, job: { upgradeMode: 'last-state' } } }), reported: true, message: /got 'null'\) \(an empty YAML value reaches the operator as the text 'null'\)/ },
  { rule: 'config-value-format', what: 'a checkpoint directory without a scheme', manifests: app(config({ 'execution.checkpointing.dir': '/flink/checkpoints' })), reported: true, message: /a URI with a scheme/ },
  { rule: 'config-value-format', what: 'a heartbeat with a unit on Flink 1.19, which reads milliseconds', manifests: app({ spec: { ...onFlink('1.19.3').spec, flinkConfiguration: { 'heartbeat.timeout': '50 s' } } }), reported: true, message: /got '50 s'\); Flink 1.19 reads it as milliseconds, and a duration such as '30 s'.* only from Flink 1.20/ },
  { rule: 'config-value-format', what: 'a heartbeat with a unit on Flink 1.20', manifests: app(config({ 'heartbeat.timeout': '50 s' })), reported: false },
  { rule: 'config-value-format', what: 'a high availability type in capitals and the legacy state backend name', manifests: app(config({ 'high-availability.type': 'KUBERNETES', 'high-availability.storageDir': 's3://b/ha', 'state.backend.type': 'filesystem' })), reported: false },
  { rule: 'config-value-format', what: 'a boolean in capitals and a duration with a unit', manifests: stateful(config({ 'kubernetes.operator.cluster.health-check.enabled': 'TRUE', 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age': '10 min' })), reported: false },
  // rest-bind-port: Flink 1.20 KubernetesClusterDescriptor fixes the ports; a range fails the deployment.
  { rule: 'rest-bind-port', what: 'a range of bind ports', manifests: app(config({ 'rest.bind-port': '50100-50200' })), reported: true, path: "spec.flinkConfiguration['rest.bind-port']", message: /'rest.bind-port' is '50100-50200', not one port.*should be specified to a fixed port/ },
  { rule: 'rest-bind-port', what: 'a list of bind ports', manifests: app(config({ 'rest.bind-port': '8081,8082' })), reported: true },
  { rule: 'rest-bind-port', what: 'a range in rest.port, read as the bind port', manifests: app(config({ 'rest.port': '50100-50200' })), reported: true, message: /'rest.port' \(read as 'rest.bind-port', which falls back to it\)/ },
  { rule: 'rest-bind-port', what: 'a bind port of 70000', manifests: app(config({ 'rest.bind-port': '70000' })), reported: true, message: /not a port from 1 to 65535/ },
  { rule: 'rest-bind-port', what: 'one bind port', manifests: app(config({ 'rest.bind-port': '8082' })), reported: false },
  { rule: 'rest-bind-port', what: 'a bind port of 0, which the client replaces with 8081', manifests: app(config({ 'rest.bind-port': '0' })), reported: false },
  { rule: 'rest-bind-port', what: 'a range in standalone mode (not judged)', manifests: app({ spec: { mode: 'standalone', flinkConfiguration: { 'rest.bind-port': '50100-50200' } } }), reported: false },
  { rule: 'rest-bind-port', what: 'a number instead of a string', manifests: app(config({ 'rest.bind-port': 8082 as any })), reported: false },
  // config-key-unread
  { rule: 'config-key-unread', what: "'high-availability.type' on Flink 1.16", manifests: app({ spec: { ...onFlink('1.16.3').spec, flinkConfiguration: { 'high-availability.type': 'kubernetes' } } }), reported: true, path: "spec.flinkConfiguration['high-availability.type']", message: /not read by Flink 1.16.*Rename the key to 'high-availability'/ },
  { rule: 'config-key-unread', what: "'execution.checkpointing.dir' on Flink 1.19", manifests: app({ spec: { ...onFlink('1.19.3').spec, flinkConfiguration: { 'execution.checkpointing.dir': 's3://b/c' } } }), reported: true, message: /Rename the key to 'state.checkpoints.dir'/ },
  { rule: 'config-key-unread', what: 'a restart option Flink 1.18 does not have', manifests: app({ spec: { ...onFlink('1.18.1').spec, flinkConfiguration: { 'restart-strategy.exponential-delay.attempts-before-reset-backoff': '3' } } }), reported: true, message: /needs Flink 1.19 or newer/ },
  { rule: 'config-key-unread', what: "the deprecated 'state.checkpoints.dir' on Flink 1.20, which still reads it", manifests: app(config({ 'state.checkpoints.dir': 's3://b/c' })), reported: false },
  // Options newer than the operator: AutoScalerOptions has EXCLUDED_PERIODS from release-1.8.0 (none at release-1.7.0).
  { rule: 'config-key-unread', what: "'job.autoscaler.excluded.periods' under the operator 1.7", manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.excluded.periods': '22:00-23:59' })), options: { operatorVersion: '1.7' }, reported: true, path: "spec.flinkConfiguration['job.autoscaler.excluded.periods']", message: /not read by the Flink Kubernetes Operator 1\.7.*needs operator 1\.8 or newer/ },
  { rule: 'config-key-unread', what: "'job.autoscaler.excluded.periods' under the operator 1.8", manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.excluded.periods': '22:00-23:59' })), options: { operatorVersion: '1.8.0' }, reported: false },
  { rule: 'config-key-unread', what: "'job.autoscaler.excluded.periods' with no operatorVersion (1.15)", manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.excluded.periods': '22:00-23:59' })), reported: false },
  // release-1.9.0 reads 'job.autoscaler.scale-up.grace-period' (SCALE_UP_GRACE_PERIOD), not 'scale-down.interval' (release-1.10.0).
  { rule: 'config-key-unread', what: "'job.autoscaler.scale-down.interval' under the operator 1.9", manifests: app(config({ 'job.autoscaler.scale-down.interval': '30min' })), options: { operatorVersion: '1.9' }, reported: true, message: /needs operator 1\.10 or newer/ },
  { rule: 'config-key-unread', what: "'job.autoscaler.scale-up.grace-period' under the operator 1.9, which reads it", manifests: app(config({ 'job.autoscaler.scale-up.grace-period': '30min' })), options: { operatorVersion: '1.9' }, reported: false },
  { rule: 'config-key-unread', what: "'high-availability' on Flink 1.16", manifests: app({ spec: { ...onFlink('1.16.3').spec, flinkConfiguration: { 'high-availability': 'kubernetes', 'high-availability.storageDir': 's3://b/ha' } } }), reported: false },
  // state-config-unread
  { rule: 'state-config-unread', what: 'last-state on Flink 1.16 with the 1.20 checkpoint key', manifests: app({ spec: { ...onFlink('1.16.3').spec, flinkConfiguration: { 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha', 'execution.checkpointing.dir': 's3://b/c' }, job: { upgradeMode: 'last-state' } } }), reported: true, path: 'spec.job.upgradeMode', message: /Flink 1.16 does not read 'execution.checkpointing.dir'; use 'state.checkpoints.dir'/ },
  { rule: 'state-config-unread', what: 'two JobManagers on Flink 1.16 with the 1.17 HA key', manifests: app({ spec: { ...onFlink('1.16.3').spec, flinkConfiguration: { 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha' }, jobManager: { replicas: 2 } } }), reported: true, message: /Use 'high-availability', or 1 replica/ },
  { rule: 'state-config-unread', what: 'a last-state session job whose checkpoint directory a 1.16 cluster never receives', manifests: sessionJob({ spec: { job: { upgradeMode: 'last-state' }, flinkConfiguration: { 'state.checkpoints.dir': 's3://b/c' } } }, onFlink('1.16.3')), reported: true, message: /set it on the session cluster/ },
  { rule: 'state-config-unread', what: 'last-state on Flink 1.16 with its own keys', manifests: app({ spec: { ...onFlink('1.16.3').spec, flinkConfiguration: { 'high-availability': 'kubernetes', 'high-availability.storageDir': 's3://b/ha', 'state.checkpoints.dir': 's3://b/c' }, job: { upgradeMode: 'last-state' } } }), reported: false },
  // heartbeat
  // config-replaced
  { rule: 'config-replaced', what: 'a TaskManager process size beside resource.memory', manifests: app(config({ 'taskmanager.memory.process.size': '4096m' })), reported: true, path: "spec.flinkConfiguration['taskmanager.memory.process.size']", message: /^flinkConfiguration 'taskmanager.memory.process.size' is '4096m', but the operator replaces it from spec.taskManager.resource.memory: '\d+' runs/ },
  { rule: 'config-replaced', what: "an application's parallelism.default", manifests: app(config({ 'parallelism.default': '8' })), reported: true, message: /replaces it from spec.job.parallelism/ },
  { rule: 'config-replaced', what: 'what the operator decides itself', manifests: app(config({ 'execution.target': 'remote' })), reported: true, message: /replaces it from the operator.*Remove the key/ },
  { rule: 'config-replaced', what: 'the same size, written another way', manifests: app({ spec: { taskManager: { resource: { memory: '2048m' } }, flinkConfiguration: { 'taskmanager.memory.process.size': '2147483648' } } }), reported: false },
  { rule: 'config-replaced', what: 'a REST Service type, which the operator only defaults', manifests: app(config({ 'kubernetes.rest-service.exposed.type': 'ClusterIP' })), reported: false },
  { rule: 'heartbeat-timeout', what: 'a timeout below the default interval', manifests: app(config({ 'heartbeat.timeout': '5000' })), reported: true, path: "spec.flinkConfiguration['heartbeat.timeout']", message: /^'heartbeat.timeout' \(5000 ms\) is shorter than 'heartbeat.interval' \(10000 ms, the default\): Flink refuses to start/ },
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
  { rule: 'ingress-template', what: 'a path template', manifests: app({ spec: { ingress: { template: 'example.com/{{namespace}}/{{name}}', annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' } } } }), reported: false },
  { rule: 'ingress-template', what: 'a regex path template', manifests: app({ spec: { ingress: { template: '/{{namespace}}/{{name}}(/|$)(.*)', annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' } } } }), reported: false },
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
  { rule: 'resource-memory-format', what: "memory '1.5Gi' (a valid quantity the operator turns into '1610612736.0')", manifests: app({ spec: { taskManager: { resource: { memory: '1.5Gi' } } } }), reported: true, message: /'1\.5Gi' is a valid Kubernetes quantity, but Flink cannot take it: the operator converts it to the byte count '1610612736\.0'.*Write it as '1536m'/ },
  ...['1G', '1Gi', '1600Mi', '2048m', '2 gb'].map((memory): Case => ({ rule: 'resource-memory-format', what: `memory '${memory}'`, manifests: app({ spec: { taskManager: { resource: { memory } }, jobManager: { resource: { memory } } } }), reported: false })),
  { rule: 'taskmanager-memory-model', what: 'a 512Mi TaskManager (framework memory alone exceeds what is left)', manifests: app({ spec: { taskManager: { resource: { memory: '512Mi' } } } }), reported: true, message: /^Flink would refuse to start the TaskManager with spec\.taskManager\.resource\.memory '512Mi' and this flinkConfiguration: .*Configured: spec\.taskManager\.resource\.memory = '512Mi'.*Raise spec\.taskManager\.resource\.memory.* The smallest spec\.taskManager\.resource\.memory with which it starts with this flinkConfiguration is '\d+m'\.$/ },
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
  { rule: 'web-ui-exposure', what: 'a hand-written Ingress with ingress-nginx basic auth', manifests: [...session({}), webUiIngress({ metadata: { annotations: { 'nginx.ingress.kubernetes.io/auth-type': 'basic', 'nginx.ingress.kubernetes.io/auth-secret': 'ui-users' } }, spec: { ingressClassName: 'nginx' } })], reported: false },
  { rule: 'web-ui-exposure', what: 'ingress-nginx basic auth without an IngressClass', manifests: [...session({}), webUiIngress({ metadata: { annotations: { 'nginx.ingress.kubernetes.io/auth-type': 'basic', 'nginx.ingress.kubernetes.io/auth-secret': 'ui-users' } } })], reported: true, path: 'spec.ingressClassName', message: /asks for ingress-nginx basic authentication, but has no IngressClass/ },
  { rule: 'web-ui-exposure', what: 'an Ingress with the explicit opt-in annotation', manifests: [...session({}), webUiIngress({ metadata: { annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' } } })], reported: false },
  { rule: 'web-ui-exposure', what: 'a session cluster with jar uploads off, without authentication (POST /jobs stays)', manifests: [...session(config({ 'web.submit.enable': 'false' })), webUiIngress({})], reported: true, severity: Severity.ERROR, message: /a session cluster takes jobs over its REST API: anyone who reaches it can submit a job with its jars \(POST \/jobs, whatever 'web.submit.enable' says\).*'web.submit.enable': 'false' does not close it/ },
  { rule: 'web-ui-exposure', what: 'a session cluster whose REST Service is a LoadBalancer (flinkConfiguration)', manifests: session(config({ 'kubernetes.rest-service.exposed.type': 'LoadBalancer' })), reported: true, severity: Severity.ERROR, path: "spec.flinkConfiguration['kubernetes.rest-service.exposed.type']", message: /flinkConfiguration 'kubernetes.rest-service.exposed.type' is 'LoadBalancer': Flink publishes the REST Service 'session-rest' of Flink cluster 'session' on a load balancer, with no authentication in front: a session cluster takes jobs/ },
  { rule: 'web-ui-exposure', what: 'a NodePort REST Service, written in lower case (Flink reads enums case-insensitively)', manifests: session(config({ 'kubernetes.rest-service.exposed.type': 'nodeport' })), reported: true, severity: Severity.ERROR, message: /on a port of every node \(NodePort\)/ },
  { rule: 'web-ui-exposure', what: 'a LoadBalancer REST Service accepted with the opt-in annotation', manifests: session({ metadata: { annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' } }, ...config({ 'kubernetes.rest-service.exposed.type': 'LoadBalancer' }) }), reported: false },
  { rule: 'web-ui-exposure', what: 'a LoadBalancer REST Service of an application cluster', manifests: app(config({ 'kubernetes.rest-service.exposed.type': 'LoadBalancer' })), reported: true, severity: Severity.WARNING, message: /anyone who reaches it can cancel jobs/ },
  { rule: 'web-ui-exposure', what: 'the operator\'s configuration publishing every REST Service', manifests: session({}), options: { operatorConfiguration: { 'kubernetes.rest-service.exposed.type': 'LoadBalancer' } }, reported: true, path: 'spec.flinkConfiguration', message: /the operator's configuration \('kubernetes.rest-service.exposed.type'\) is 'LoadBalancer'/ },
  { rule: 'web-ui-exposure', what: "a blue/green template's LoadBalancer REST Service", manifests: [patched(BLUE_GREEN, { spec: { template: { spec: { flinkConfiguration: { 'kubernetes.rest-service.exposed.type': 'LoadBalancer' } } } } }), ...JOB_RBAC], reported: true, severity: Severity.WARNING, path: "spec.template.spec.flinkConfiguration['kubernetes.rest-service.exposed.type']", message: /REST Service 'orders-blue-rest' of blue\/green deployment 'orders'/ },
  { rule: 'web-ui-exposure', what: 'a ClusterIP or headless REST Service', manifests: session(config({ 'kubernetes.rest-service.exposed.type': 'Headless_ClusterIP' })), reported: false },
  { rule: 'web-ui-exposure', what: "an unauthenticated Ingress to an application cluster's REST service", manifests: [...app({}), webUiIngress({ spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'app-rest', port: { number: 8081 } } } }] } }] } })], reported: true, severity: Severity.WARNING, message: /Flink cluster 'app' without authentication: anyone who reaches it can cancel jobs/ },
  // file system plugins
  { rule: 'filesystem-plugin-missing', what: 'S3 checkpoints on a stock image without the plugin', manifests: app({ spec: { podTemplate: undefined, flinkConfiguration: { 'execution.checkpointing.dir': 's3://flink/checkpoints' } } }), reported: true, path: "spec.flinkConfiguration['execution.checkpointing.dir']", message: /'execution.checkpointing.dir' is 's3:\/\/flink\/checkpoints', which needs the 'flink-s3-fs-hadoop' or 'flink-s3-fs-presto' file system plugin in the JobManager and TaskManager pods, but the official image 'flink:1.20.1' enables none there: Flink fails with "Could not find a file system implementation for scheme 's3'". Set ENABLE_BUILT_IN_PLUGINS=flink-s3-fs-hadoop-1.20.1.jar/ },
  { rule: 'filesystem-plugin-missing', what: 'the plugin on the JobManager only (jobManager.podTemplate), GCS savepoints', manifests: app({ spec: { podTemplate: undefined, jobManager: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-gs-fs-hadoop-1.20.1.jar' }] }] } } }, flinkConfiguration: { 'execution.checkpointing.savepoint-dir': 'gs://flink/savepoints' } } }), reported: true, message: /plugin in the TaskManager pod, but/ },
  { rule: 'filesystem-plugin-missing', what: 'an s3a checkpoint directory with only the Presto plugin', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-presto-1.20.1.jar' }] }] } }, flinkConfiguration: { 'execution.checkpointing.dir': 's3a://flink/checkpoints' } } }), reported: true },
  { rule: 'filesystem-plugin-missing', what: 'the plugin from containerized.*.env configuration', manifests: app({ spec: { podTemplate: undefined, flinkConfiguration: { 'execution.checkpointing.dir': 's3://flink/checkpoints', 'containerized.master.env.ENABLE_BUILT_IN_PLUGINS': 'flink-s3-fs-hadoop-1.20.1.jar', 'containerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS': 'flink-s3-fs-hadoop-1.20.1.jar' } } }), reported: false },
  { rule: 'filesystem-plugin-missing', what: 'S3 state with ENABLE_BUILT_IN_PLUGINS in the pod template', manifests: stateful({}), reported: false },
  { rule: 'filesystem-plugin-custom-image', what: 'S3 checkpoints on a custom image', manifests: app({ spec: { image: 'registry.example.com/data/orders-job:4.2', podTemplate: undefined, flinkConfiguration: { 'execution.checkpointing.dir': 's3://flink/checkpoints' } } }), reported: true, message: /not an official Flink image.*\/opt\/flink\/plugins\/s3-fs-hadoop\// },
  { rule: 'filesystem-plugin-custom-image', what: 'a custom image that enables the plugin the official way', manifests: app({ spec: { image: 'registry.example.com/data/orders-job:4.2', flinkConfiguration: { 'execution.checkpointing.dir': 's3://flink/checkpoints' } } }), reported: false },
  { rule: 'builtin-plugin-version', what: 'a plugin jar of another patch release', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-hadoop-1.20.0.jar' }] }] } } } }), reported: true, path: 'spec.podTemplate.spec.containers[0].env[0].value', message: /'flink-s3-fs-hadoop-1.20.0.jar' \(Flink 1.20.0\), but 'flink:1.20.1' ships Flink 1.20.1, whose jar is 'flink-s3-fs-hadoop-1.20.1.jar'.*Plugin flink-s3-fs-hadoop-1.20.0.jar does not exist/ },
  { rule: 'builtin-plugin-version', what: 'a jar name without a version', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-hadoop.jar' }] }] } } } }), reported: true },
  { rule: 'builtin-plugin-version', what: 'two plugins of the image version, separated by ;', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-hadoop-1.20.1.jar;flink-gs-fs-hadoop-1.20.1.jar;' }] }] } } } }), reported: false },
  { rule: 'builtin-plugin-floating-tag', what: 'flink:1.19 with flink-s3-fs-hadoop-1.19.1.jar', manifests: app({ spec: { ...onFlink('1.19.1').spec, image: 'flink:1.19' } }), reported: true, message: /'flink:1.19' is a floating tag.*Pin the image to Flink 1.19.1 \(e.g. 'flink:1.19.1'\)/ },
  { rule: 'builtin-plugin-floating-tag', what: 'flink:1.19.1 with flink-s3-fs-hadoop-1.19.1.jar', manifests: app(onFlink('1.19.1')), reported: false },
  // jobs
  { rule: 'application-jar-uri', what: 'a relative jar path on Flink 1.18', manifests: app({ spec: { ...onFlink('1.18.1').spec, job: { jarURI: 'usrlib/orders.jar' } } }), reported: true, path: 'spec.job.jarURI', message: /'usrlib\/orders.jar' has no scheme.*Write 'local:\/\/\/opt\/flink\/usrlib\/usrlib\/orders.jar'/ },
  { rule: 'application-jar-uri', what: 'a local:// jar on Flink 1.18', manifests: app({ spec: { ...onFlink('1.18.1').spec, job: { jarURI: 'local:///opt/flink/usrlib/orders.jar' } } }), reported: false },
  { rule: 'python-job', what: 'a .py file as the jarURI of an application', manifests: app({ spec: { job: { jarURI: 'local:///opt/flink/usrlib/job.py' } } }), reported: true, path: 'spec.job.jarURI', message: /is a Python file, but without the PythonDriver entry class or a -py argument/ },
  { rule: 'python-job', what: 'a .py file as the jarURI of a session job', manifests: sessionJob({ spec: { job: { jarURI: 'https://repo.example.com/jobs/word_count.py' } } }), reported: true, message: /Only Jar files are allowed/ },
  { rule: 'python-job', what: "a session job's -py arguments without an entry class", manifests: sessionJob({ spec: { job: { args: ['-py', '/opt/flink/usrlib/job.py'] } } }), reported: true, path: 'spec.job.entryClass' },
  { rule: 'python-job', what: 'PythonDriver without -py or -pym', manifests: app({ spec: { job: { entryClass: 'org.apache.flink.client.python.PythonDriver', args: ['/opt/flink/usrlib/job.py'] } } }), reported: true, path: 'spec.job.args', message: /The Python entrypoint has not been specified/ },
  { rule: 'python-job', what: '-pym without -pyfs', manifests: app({ spec: { job: { entryClass: 'org.apache.flink.client.python.PythonDriver', args: ['-pym', 'jobs.word_count'] } } }), reported: true, message: /Option -pym must be used in conjunction with `--pyFiles`/ },
  { rule: 'python-job', what: "the operator's Python example: PythonDriver, -py, and the flink-python jar as a placeholder", manifests: app({ spec: { job: { jarURI: 'local:///opt/flink/opt/flink-python_2.12-1.16.1.jar', entryClass: 'org.apache.flink.client.python.PythonDriver', args: ['-pyclientexec', '/usr/local/bin/python3', '-py', '/opt/flink/usrlib/python_demo.py'] } } }), reported: false },
  { rule: 'python-job', what: 'an application with -py arguments and no entry class (Flink recognises PyFlink by its arguments)', manifests: app({ spec: { job: { args: ['-py', '/opt/flink/usrlib/job.py'] } } }), reported: false },
  // state on pod-local storage
  { rule: 'local-state-lost', what: 'HA storage in /tmp of the container', manifests: app(config({ 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 'file:///tmp/flink/ha' })), reported: true, path: "spec.flinkConfiguration['high-availability.storageDir']", message: /'file:\/\/\/tmp\/flink\/ha', on the JobManager container's own file system.*a new JobManager pod finds none/ },
  { rule: 'local-state-lost', what: 'last-state checkpoints on an emptyDir', manifests: app({ spec: { podTemplate: localVolume({ emptyDir: {} }), flinkConfiguration: { 'execution.checkpointing.dir': 'file:///flink-data/checkpoints' }, job: { upgradeMode: 'last-state' } } }), reported: true, message: /volume 'data' of the JobManager pod \(emptyDir\), deleted with the pod.*upgradeMode is 'last-state'/ },
  { rule: 'local-state-lost', what: 'savepoint upgrades to a volume without a source', manifests: app({ spec: { podTemplate: localVolume({}), flinkConfiguration: { 'execution.checkpointing.dir': 'file:///flink-data/checkpoints', 'execution.checkpointing.savepoint-dir': 'file:///flink-data/savepoints' }, job: { upgradeMode: 'savepoint' } } }), reported: true, message: /no source, so Kubernetes makes it an emptyDir/ },
  { rule: 'local-state-lost', what: 'last-state on a ReadWriteMany claim mounted in both pods', manifests: [...app({ spec: { podTemplate: localVolume({ persistentVolumeClaim: { claimName: 'flink-data' } }), flinkConfiguration: { 'execution.checkpointing.dir': 'file:///flink-data/checkpoints', 'execution.checkpointing.savepoint-dir': 'file:///flink-data/savepoints' }, job: { upgradeMode: 'savepoint' } } }), { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'flink-data', namespace: 'flink' }, spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '10Gi' } } } }], reported: false },
  { rule: 'local-state-at-risk', what: "HA and savepoints on a hostPath, as the operator's basic-checkpoint-ha example", manifests: app({ spec: { podTemplate: localVolume({ hostPath: { path: '/tmp/flink', type: 'Directory' } }), flinkConfiguration: { 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 'file:///flink-data/ha', 'execution.checkpointing.dir': 'file:///flink-data/checkpoints', 'execution.checkpointing.savepoint-dir': 'file:///flink-data/savepoints' }, job: { upgradeMode: 'savepoint' } } }), reported: true, message: /\(hostPath '\/tmp\/flink'\), storage of the node the pod runs on: that works while the JobManager and the TaskManagers run on one node/ },
  { rule: 'local-state-at-risk', what: 'a stateless job checkpointing to /tmp', manifests: app(config({ 'execution.checkpointing.interval': '1 min', 'execution.checkpointing.dir': 'file:///tmp/checkpoints' })), reported: true, message: /lost whenever a pod restarts/ },
  { rule: 'local-state-at-risk', what: 'checkpoints on NFS', manifests: app({ spec: { podTemplate: localVolume({ nfs: { server: 'nfs.example.com', path: '/exports/flink' } }), flinkConfiguration: { 'execution.checkpointing.dir': 'file:///flink-data/checkpoints' } } }), reported: false },
  // images
  { rule: 'image-reference', what: 'a registry placeholder', manifests: app({ spec: { image: '<ACR_LOGIN_SERVER>/flink-jobs:1.4' } }), reported: true, path: 'spec.image', message: /'<ACR_LOGIN_SERVER>\/flink-jobs:1.4' is not a valid image reference \('<' cannot appear/ },
  { rule: 'image-reference', what: 'an unsubstituted variable', manifests: app({ spec: { image: '${IMAGE}' } }), reported: true },
  { rule: 'image-reference', what: 'a sidecar image in capitals', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container' }, { name: 'logs', image: 'Fluent/Fluent-Bit:2' }] } } } }), reported: true, path: 'spec.podTemplate.spec.containers[1].image' },
  { rule: 'image-reference', what: 'a private registry with a port and a digest', manifests: app({ spec: { image: `registry.example.com:5000/data/flink-job@sha256:${'a'.repeat(64)}`, flinkVersion: 'v1_20' } }), reported: false },
  { rule: 'image-flink-version', what: 'flink:1.18 with v1_17', manifests: app({ spec: { image: 'flink:1.18', flinkVersion: 'v1_17' } }), reported: true, path: 'spec.flinkVersion', message: /'flink:1.18' runs Flink 1.18, but spec.flinkVersion is 'v1_17'/ },
  { rule: 'image-flink-version', what: 'apache/flink:1.20.1-scala_2.12-java17 with v1_20', manifests: app({ spec: { image: 'apache/flink:1.20.1-scala_2.12-java17' } }), reported: false },
  { rule: 'image-missing', what: 'no image', manifests: app({ spec: { image: undefined } }), reported: true, path: 'spec.image', message: /apache\/flink:<the Flink version the operator is built with>-scala_2.12/ },
  { rule: 'image-missing', what: 'an image', manifests: app({}), reported: false },
  { rule: 'monitor-port-missing', what: "a TaskManager template's ports replace the common metrics port", manifests: [...metricsApp([{ name: 'custom', containerPort: 9999 }]), podMonitor(FLINK_PODS)], reported: true, path: 'spec.podMetricsEndpoints[0].port', message: /PodMonitor 'app' scrapes the port 'metrics' of the TaskManager pod of FlinkDeployment 'app', which has no container port of that name.*spec.taskManager.podTemplate declares ports.*merge-arrays-by-name/ },
  { rule: 'monitor-port-missing', what: 'a ServiceMonitor through a Service whose targetPort the TaskManagers lack', manifests: [...metricsApp([{ name: 'custom', containerPort: 9999 }]), metricsService, serviceMonitor], reported: true, path: 'spec.endpoints[0].port', message: /Service 'app-metrics', whose targetPort is 'metrics'/ },
  { rule: 'monitor-port-missing', what: 'the TaskManager template repeats the metrics port', manifests: [...metricsApp([{ name: 'metrics', containerPort: 9249 }, { name: 'custom', containerPort: 9999 }]), podMonitor(FLINK_PODS), metricsService, serviceMonitor], reported: false },
  { rule: 'monitor-port-missing', what: 'merge-arrays-by-name keeps both ports', manifests: [...metricsApp([{ name: 'custom', containerPort: 9999 }], { 'kubernetes.operator.pod-template.merge-arrays-by-name': 'true' }), podMonitor(FLINK_PODS)], reported: false },
  { rule: 'monitor-port-missing', what: 'a PodMonitor that selects no Flink pod', manifests: [...metricsApp([{ name: 'custom', containerPort: 9999 }]), podMonitor({ matchLabels: { app: 'other' } }), podMonitor({})], reported: false },
  // Case 4 of issue 20: without spec.image the operator sets no image key, and Flink keeps the template's (native mode).
  { rule: 'image-missing', what: 'no spec.image, an image on the main container of spec.podTemplate', manifests: app({ spec: { image: undefined, podTemplate: { spec: { containers: [{ name: 'flink-main-container', image: 'my-registry/flink:1.20-s3' }] } } } }), reported: false },
  { rule: 'image-missing', what: 'no spec.image, an image on the JobManager template only', manifests: app({ spec: { image: undefined, podTemplate: undefined, jobManager: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', image: 'my-registry/flink:1.20-s3' }] } } } } }), reported: true, path: 'spec.image', message: /the TaskManager pods run the image Flink defaults to/ },
  { rule: 'image-missing', what: 'standalone, no spec.image, an image on the template: the TaskManagers take the default', manifests: app({ spec: { mode: 'standalone', image: undefined, podTemplate: { spec: { containers: [{ name: 'flink-main-container', image: 'my-registry/flink:1.20-s3' }] } } } }), reported: true, message: /TaskManager/ },
  { rule: 'filesystem-plugin-custom-image', what: 'no spec.image, S3 checkpoints, a custom image on the template', manifests: app({ spec: { image: undefined, podTemplate: { spec: { containers: [{ name: 'flink-main-container', image: 'my-registry/flink:1.20-s3' }] } }, flinkConfiguration: { 'execution.checkpointing.dir': 's3://flink/checkpoints' } } }), reported: true, path: "spec.flinkConfiguration['execution.checkpointing.dir']", message: /'my-registry\/flink:1.20-s3' is not an official Flink image/ },
  { rule: 'filesystem-plugin-missing', what: 'no spec.image, S3 checkpoints, a custom image on the template', manifests: app({ spec: { image: undefined, podTemplate: { spec: { containers: [{ name: 'flink-main-container', image: 'my-registry/flink:1.20-s3' }] } }, flinkConfiguration: { 'execution.checkpointing.dir': 's3://flink/checkpoints' } } }), reported: false },
  { rule: 'filesystem-plugin-missing', what: 'spec.image beats the image of the template', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', image: 'my-registry/flink:1.20-s3' }] } }, flinkConfiguration: { 'execution.checkpointing.dir': 's3://flink/checkpoints' } } }), reported: true, message: /but the official image 'flink:1.20.1' enables none there/ },
  { rule: 'filesystem-plugin-custom-image', what: 'spec.image beats the image of the template', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', image: 'my-registry/flink:1.20-s3' }] } }, flinkConfiguration: { 'execution.checkpointing.dir': 's3://flink/checkpoints', 'containerized.master.env.ENABLE_BUILT_IN_PLUGINS': 'flink-s3-fs-hadoop-1.20.1.jar', 'containerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS': 'flink-s3-fs-hadoop-1.20.1.jar' } } }), reported: false },
  // pod templates
  { rule: 'pod-template-container-image', what: 'a misspelled main container without an image', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main', volumeMounts: [{ name: 'data', mountPath: '/flink-data' }] }], volumes: [{ name: 'data', emptyDir: {} }] } } } }), reported: true, path: 'spec.podTemplate.spec.containers[0]', message: /'flink-main' of the JobManager pod has no image.*name it 'flink-main-container'/ },
  { rule: 'pod-template-container-image', what: 'an init container without an image in the TaskManager template', manifests: app({ spec: { taskManager: { podTemplate: { spec: { initContainers: [{ name: 'fetch', command: ['sh'] }] } } } } }), reported: true, path: 'spec.taskManager.podTemplate.spec.initContainers[0]', message: /Init container 'fetch' of the TaskManager pod/ },
  { rule: 'pod-template-container-image', what: 'the main container without an image, and a sidecar with one', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container' }, { name: 'logs', image: 'fluent/fluent-bit:2.2' }] } } } }), reported: false },
  { rule: 'pod-template-flink-mount', what: 'a volume mounted under /opt/flink on a sidecar only', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container' }, { name: 'fetch', image: 'busybox:1.36', volumeMounts: [{ name: 'jars', mountPath: '/opt/flink/usrlib' }] }], volumes: [{ name: 'jars', emptyDir: {} }] } } } }), reported: true, path: 'spec.podTemplate.spec.containers[1].volumeMounts[0]', message: /'flink-main-container' does not mount 'jars': Flink never sees it/ },
  { rule: 'pod-template-flink-mount', what: 'an init container that fills a volume the main container mounts', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', volumeMounts: [{ name: 'jars', mountPath: '/opt/flink/usrlib' }] }], initContainers: [{ name: 'fetch', image: 'busybox:1.36', volumeMounts: [{ name: 'jars', mountPath: '/opt/flink/usrlib' }] }], volumes: [{ name: 'jars', emptyDir: {} }] } } } }), reported: false },
  { rule: 'service-account-binding', what: 'an account bound nowhere in the set', manifests: [APPLICATION], reported: true, message: /not bound to a Role in this set/ },
  { rule: 'service-account-binding', what: 'an account bound to a Role without the job rules', manifests: [APPLICATION, JOB_RBAC[0], patched(JOB_RBAC[1], { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] }), JOB_RBAC[2]], reported: true, message: /lack 27 of the operator's job permissions/ },
  { rule: 'service-account-binding', what: 'an account bound to the job rules', manifests: app({}), reported: false },
  // A JobManager key wins over spec.serviceAccount: Flink's kubernetes.jobmanager.service-account falls back to kubernetes.service-account.
  { rule: 'service-account-binding', what: "the chart's RBAC for 'flink', but the JobManager runs as 'flink-jm'", manifests: app(config({ 'kubernetes.jobmanager.service-account': 'flink-jm' })), reported: true, path: "spec.flinkConfiguration['kubernetes.jobmanager.service-account']", message: /JobManager's account 'flink-jm' \(flinkConfiguration 'kubernetes.jobmanager.service-account', which Flink reads before .* spec.serviceAccount 'flink'\) is not bound to a Role/ },
  { rule: 'service-account-binding', what: "the job rules bound to 'flink-jm', which the JobManager runs as", manifests: [patched(APPLICATION, config({ 'kubernetes.jobmanager.service-account': 'flink-jm' })), patched(JOB_RBAC[0], { metadata: { name: 'flink-jm' } }), JOB_RBAC[1], patched(JOB_RBAC[2], { subjects: [{ kind: 'ServiceAccount', name: 'flink-jm', namespace: 'flink' }] })], reported: false },
  { rule: 'service-account-binding', what: "with Kubernetes HA, the TaskManagers keep spec.serviceAccount 'flink' when only the JobManager's key names 'flink-jm'", manifests: [patched(APPLICATION, config({ 'kubernetes.jobmanager.service-account': 'flink-jm', 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha' })), JOB_RBAC[0], patched(JOB_RBAC[0], { metadata: { name: 'flink-jm' } }), JOB_RBAC[1], patched(JOB_RBAC[2], { subjects: [{ kind: 'ServiceAccount', name: 'flink-jm', namespace: 'flink' }] })], reported: true, path: 'spec.serviceAccount', message: /TaskManagers' account 'flink' may not get, list and watch configmaps/ },
  { rule: 'service-account-binding', what: "a TaskManager key naming 'flink-tm' leaves the JobManager's 'flink' bound (no HA)", manifests: app(config({ 'kubernetes.taskmanager.service-account': 'flink-tm' })), reported: false },
  // autoscaler
  { rule: 'autoscaler-option-range', what: 'a negative scale-down factor', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.scale-down.max-factor': '-0.1' })), reported: true, message: /\[0\.0, \+Infinity\]/ },
  { rule: 'autoscaler-option-range', what: 'utilization.max below the target', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.utilization.target': '0.5', 'job.autoscaler.utilization.max': '0.4' })), reported: true, message: /\[0\.5, 1\.0\]/ },
  { rule: 'autoscaler-option-range', what: 'the operator-prefixed fallback key', manifests: app(config({ 'kubernetes.operator.job.autoscaler.enabled': 'true', 'kubernetes.operator.job.autoscaler.utilization.target': '1.5' })), reported: true },
  { rule: 'autoscaler-option-range', what: 'a non-numeric factor', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.scale-up.max-factor': 'lots' })), reported: true },
  { rule: 'autoscaler-option-range', what: 'valid ranges', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.utilization.min': '0.2', 'job.autoscaler.utilization.target': '0.5', 'job.autoscaler.utilization.max': '0.6' })), reported: false },
  { rule: 'autoscaler-option-range', what: 'junk while the autoscaler is off', manifests: app(config({ 'job.autoscaler.enabled': 'false', 'job.autoscaler.utilization.target': '-1.6' })), reported: false },
  { rule: 'autoscaler-option-range', what: 'memory tuning overhead above 1 with tuning on', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.memory.tuning.enabled': 'true', 'job.autoscaler.memory.tuning.overhead': '1.5' })), reported: true, path: "spec.flinkConfiguration['job.autoscaler.memory.tuning.overhead']", message: /\[0\.0, 1\.0\]/ },
  { rule: 'autoscaler-option-range', what: 'memory tuning overhead above 1 with tuning off', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.memory.tuning.overhead': '1.5' })), reported: false },
  { rule: 'autoscaler-option-range', what: 'utilization.min above the default target 0.7', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.utilization.min': '0.8' })), reported: true, message: /\[0\.0, 0\.7\]/ },
  { rule: 'autoscaler-option-range', what: 'a negative deprecated boundary', manifests: app(config({ 'job.autoscaler.enabled': 'true', 'job.autoscaler.target.utilization.boundary': '-0.1' })), reported: true },
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
  { rule: 'flink-version-feature', what: 'a checkpoint trigger on Flink 1.16', manifests: app({ spec: { flinkVersion: 'v1_16', job: { checkpointTriggerNonce: 1 } } }), reported: true, message: /^'spec.job.checkpointTriggerNonce' needs Flink 1.17 or newer, which can trigger checkpoints on request \(the cluster runs Flink 1.16\)/ },
  { rule: 'flink-version-feature', what: 'the ForSt state backend on Flink 1.20', manifests: app({ spec: { flinkVersion: 'v1_20', flinkConfiguration: { 'state.backend.type': 'forst' } } }), reported: true, severity: Severity.ERROR, path: "spec.flinkConfiguration['state.backend.type']", message: /needs Flink 2\.0/ },
  { rule: 'flink-version-feature', what: 'the ForSt state backend on Flink 2.0', manifests: app({ spec: { flinkVersion: 'v2_0', flinkConfiguration: { 'state.backend.type': 'forst' } } }), reported: false },
  // periodic-snapshot-schedule
  { rule: 'periodic-snapshot-schedule', what: 'a Unix cron expression', manifests: stateful({ spec: { flinkConfiguration: { 'kubernetes.operator.periodic.savepoint.interval': '0 0 */6 * * *' } } }), reported: true, path: "spec.flinkConfiguration['kubernetes.operator.periodic.savepoint.interval']", message: /never take these snapshots/ },
  { rule: 'periodic-snapshot-schedule', what: 'a word for a checkpoint interval', manifests: stateful({ spec: { flinkConfiguration: { 'kubernetes.operator.periodic.checkpoint.interval': 'hourly' } } }), reported: true },
  { rule: 'periodic-snapshot-schedule', what: 'a Quartz cron expression', manifests: stateful({ spec: { flinkConfiguration: { 'kubernetes.operator.periodic.savepoint.interval': '0 0 */6 * * ?' } } }), reported: false },
  { rule: 'periodic-snapshot-schedule', what: 'a duration', manifests: stateful({ spec: { flinkConfiguration: { 'kubernetes.operator.periodic.checkpoint.interval': '6h' } } }), reported: false },
  { rule: 'periodic-snapshot-schedule', what: "a session job's bad schedule", manifests: sessionJob({ spec: { flinkConfiguration: { 'kubernetes.operator.periodic.checkpoint.interval': 'nightly' } } }), reported: true },
  // batch-job-upgrade-mode
  { rule: 'batch-job-upgrade-mode', what: 'a BATCH application with savepoint upgrades', manifests: stateful({ spec: { job: { upgradeMode: 'savepoint' }, flinkConfiguration: { 'execution.runtime-mode': 'BATCH' } } }), reported: true, path: 'spec.job.upgradeMode', message: /^'execution.runtime-mode' BATCH takes no checkpoints, so 'spec.job.upgradeMode' savepoint has nothing to restore from/ },
  { rule: 'batch-job-upgrade-mode', what: 'a batch session job (lower case) with last-state upgrades', manifests: sessionJob({ spec: { job: { upgradeMode: 'last-state' }, flinkConfiguration: { 'execution.runtime-mode': 'batch', 'execution.checkpointing.dir': 's3://b/c' } } }), reported: true },
  { rule: 'batch-job-upgrade-mode', what: 'a stateless BATCH application', manifests: app({ spec: { flinkConfiguration: { 'execution.runtime-mode': 'BATCH' } } }), reported: false },
  { rule: 'batch-job-upgrade-mode', what: 'a STREAMING application with savepoint upgrades', manifests: stateful({ spec: { job: { upgradeMode: 'savepoint' }, flinkConfiguration: { 'execution.runtime-mode': 'STREAMING' } } }), reported: false },
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
  { rule: 'job-parallelism', what: 'a session job with parallelism 0 whose cluster is not in the set', manifests: [patched(SESSION_JOB, { spec: { job: { parallelism: 0 } } })], reported: true, message: /must be at least 1 \(got 0\)/ },
  // session-job-submission-disabled
  { rule: 'session-job-submission-disabled', what: 'jar uploads off on the cluster of a session job', manifests: sessionJob({}, config({ 'web.submit.enable': 'false' })), reported: true, path: "spec.flinkConfiguration['web.submit.enable']", message: /FlinkSessionJob 'job' runs on this session cluster: the operator submits them through the web UI's jar upload \(\/jars\/upload\)/ },
  { rule: 'session-job-submission-disabled', what: 'jar uploads off on a session cluster without session jobs', manifests: session(config({ 'web.submit.enable': 'false' })), reported: false },
  { rule: 'session-job-submission-disabled', what: 'jar uploads on, the default', manifests: sessionJob({}), reported: false },
  { rule: 'session-job-config-ignored', what: 'checkpointing and a restart strategy on a session job of a 1.16 cluster', manifests: sessionJob({ spec: { flinkConfiguration: { 'state.checkpoints.dir': 's3://b/c', 'restart-strategy': 'fixed-delay' } } }, onFlink('1.16.3')), reported: true, path: 'spec.flinkConfiguration.restart-strategy', message: /runs Flink 1.16, and the operator sends a session job's configuration with the job only from Flink 1.17/ },
  { rule: 'session-job-config-ignored', what: 'operator keys and the savepoint directory on a session job of a 1.16 cluster', manifests: sessionJob({ spec: { flinkConfiguration: { 'state.savepoints.dir': 's3://b/s', 'kubernetes.operator.savepoint.history.max.count': '3' } } }, onFlink('1.16.3')), reported: false },
  { rule: 'session-job-config-ignored', what: 'checkpointing on a session job of a 1.17 cluster', manifests: sessionJob({ spec: { flinkConfiguration: { 'state.checkpoints.dir': 's3://b/c' } } }, onFlink('1.17.2')), reported: false },
  { rule: 'autoscaler-option-range', what: "a session job's autoscaler option merged with its cluster's", manifests: sessionJob(config({ 'job.autoscaler.utilization.max': '0.6' }), config({ 'job.autoscaler.enabled': 'true' })), reported: true },
  // capacity
  { rule: 'slot-capacity', what: 'an application above slotmanager.number-of-slots.max', manifests: app({ spec: { flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2', 'slotmanager.number-of-slots.max': '4' }, job: { parallelism: 5 } } }), reported: true, message: /runs at parallelism 5 \(spec.job.parallelism\).*at most 4/ },
  { rule: 'slot-capacity', what: 'a session job above slotmanager.number-of-slots.max', manifests: sessionJob({ spec: { job: { parallelism: 5 } } }, config({ 'slotmanager.number-of-slots.max': '4' })), reported: true, message: /can never be scheduled/ },
  { rule: 'slot-capacity', what: 'a session job above the replicas x slots of a standalone cluster', manifests: sessionJob({ spec: { job: { parallelism: 3 } } }, { spec: { mode: 'standalone', taskManager: { replicas: 1 } } }), reported: true, message: /1 TaskManager replicas x 1 slots \(standalone mode\)/ },
  { rule: 'slot-capacity', what: 'parallelism 8 on 2 x 2 replicas: it runs at 4 (native or standalone)', manifests: app({ spec: { taskManager: { replicas: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' }, job: { parallelism: 8 } } }), reported: false },
  { rule: 'slot-capacity', what: 'a session job above replicas x slots of a native cluster, which starts TaskManagers on demand', manifests: sessionJob({ spec: { job: { parallelism: 3 } } }, { spec: { taskManager: { replicas: 1 } } }), reported: false },
  { rule: 'slot-capacity', what: 'an unbounded session cluster', manifests: sessionJob({ spec: { job: { parallelism: 64 } } }), reported: false },
  { rule: 'slot-capacity', what: 'the adaptive scheduler', manifests: app({ spec: { flinkConfiguration: { 'jobmanager.scheduler': 'adaptive', 'slotmanager.number-of-slots.max': '1' }, job: { parallelism: 8 } } }), reported: false },
  { rule: 'job-parallelism-ignored', what: 'parallelism 8 on 2 replicas of 2 slots', manifests: app({ spec: { taskManager: { replicas: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' }, job: { parallelism: 8 } } }), reported: true, path: 'spec.job.parallelism', message: /^spec.job.parallelism 8 is ignored: .*runs the job at replicas x slots, 4 \(2 x 2\)/ },
  { rule: 'job-parallelism-ignored', what: 'parallelism 2 on 2 replicas of 4 slots, which runs at 8', manifests: app({ spec: { taskManager: { replicas: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '4' }, job: { parallelism: 2 } } }), reported: true, message: /runs the job at replicas x slots, 8/ },
  { rule: 'job-parallelism-ignored', what: 'the parallelism that runs', manifests: app({ spec: { taskManager: { replicas: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' }, job: { parallelism: 4 } } }), reported: false },
  { rule: 'job-parallelism-ignored', what: 'no replicas', manifests: app({ spec: { job: { parallelism: 8 } } }), reported: false },
  { rule: 'session-slot-capacity', what: 'two jobs that do not fit together on a standalone cluster', manifests: [patched(SESSION_JOB, { metadata: { name: 'a' }, spec: { job: { parallelism: 3 } } }), patched(SESSION_JOB, { metadata: { name: 'b' }, spec: { job: { parallelism: 2 } } }), patched(SESSION_CLUSTER, { spec: { mode: 'standalone', taskManager: { replicas: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' } } }), ...JOB_RBAC], reported: true, message: /need 5 task slots together \(a: 3, b: 2\)/ },
  { rule: 'session-slot-capacity', what: 'two jobs that fit, one suspended', manifests: [patched(SESSION_JOB, { metadata: { name: 'a' }, spec: { job: { parallelism: 3 } } }), patched(SESSION_JOB, { metadata: { name: 'b' }, spec: { job: { parallelism: 2, state: 'suspended' } } }), patched(SESSION_CLUSTER, { spec: { mode: 'standalone', taskManager: { replicas: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' } } }), ...JOB_RBAC], reported: false },
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
  { rule: 'snapshot-checkpoint-version', what: 'a checkpoint snapshot of a Flink 1.16 application', manifests: [patched(SNAPSHOT, { spec: { savepoint: undefined, checkpoint: {} } }), ...app(onFlink('1.16.3'))], reported: true, path: 'spec.checkpoint', message: /Manual checkpoint triggering is not supported/ },
  { rule: 'snapshot-checkpoint-version', what: 'a checkpoint snapshot of a session job on a 1.17 cluster', manifests: [patched(SNAPSHOT, { spec: { savepoint: undefined, checkpoint: {}, jobReference: { kind: 'FlinkSessionJob', name: 'job' } } }), ...sessionJob({}, onFlink('1.17.2'))], reported: false },
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
    expect(matching[0].severity).toBe(testCase.severity ?? RULES[rule].severity);
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

describe('memory messages', () => {
  const memoryFinding = (memory: string) => FlinkValidator.validate(app({ spec: { taskManager: { resource: { memory } } } }))
    .find((finding) => finding.rule === 'taskmanager-memory-model');

  test('the smallest size a memory error names starts, and one mebibyte less does not', () => {
    const smallest = /is '(\d+)m'\.$/.exec(memoryFinding('512Mi')?.message ?? '')?.[1];
    expect(smallest).toBeDefined();
    expect(Number(smallest)).toBeGreaterThan(512);
    expect(memoryFinding(`${smallest}m`)).toBeUndefined();
    expect(memoryFinding(`${Number(smallest) - 1}m`)?.message).toMatch(new RegExp(`is '${smallest}m'\\.$`));
  });

  test('a configuration no size fixes names no size', () => {
    const findings = FlinkValidator.validate(app({ spec: { flinkConfiguration: { 'taskmanager.memory.network.min': '1g', 'taskmanager.memory.network.max': '512m' } } }));
    const finding = findings.find((f) => f.rule === 'taskmanager-memory-model');
    expect(finding?.message).toMatch(/Flink would refuse to start the TaskManager/);
    expect(finding?.message).not.toMatch(/The smallest/);
  });
});
