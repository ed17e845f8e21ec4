/**
 * The rejecting and accepting cases of the security rules, spread into the rule table of
 * rules.test.ts.
 */
import { APPLICATION, JOB_RBAC, onFlink, patched, SESSION_CLUSTER, SESSION_JOB } from './fixtures';
import { PodSecurityLevel, Severity, ValidationOptions } from '../../src';
import { RULES } from '../../src/validation/rule-catalog';

/** One case of the rule table of rules.test.ts. */
export interface RuleCase {
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
  /** The severity, where the rule decides it case by case; the catalog's otherwise. */
  readonly severity?: Severity;
}

const app = (patch: any) => [patched(APPLICATION, patch), ...JOB_RBAC];
/** A hand-written NetworkPolicy in the application fixture's namespace. */
const networkPolicy = (podSelector: any, ingress: any[]) => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'flink', namespace: 'flink' }, spec: { podSelector, policyTypes: ['Ingress'], ingress },
});
const config = (entries: { [key: string]: string }) => ({ spec: { flinkConfiguration: entries } });
const namespace = (level: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'flink', labels: { 'pod-security.kubernetes.io/enforce': level } } });
const RESTRICTED_NAMESPACE = namespace('restricted');
const BASELINE_NAMESPACE = namespace('baseline');
/** The constructs' restricted defaults, as a hand-written template. */
const HARDENED_TEMPLATE = {
  spec: {
    securityContext: { runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [{ name: 'flink-main-container', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true } }],
  },
};

export const SECURITY_CASES: RuleCase[] = [
  // config-injection
  { rule: 'config-injection', what: 'a newline in a value', manifests: app(config({ 'pipeline.name': 'x\nkubernetes.cluster-id: evil' })), reported: true, path: "spec.flinkConfiguration['pipeline.name']", message: /holds a newline in its value \('x\\nkubernetes.cluster-id: evil'\)/ },
  { rule: 'config-injection', what: 'a carriage return in a value', manifests: app(config({ 'pipeline.name': 'x\rweb.submit.enable: true' })), reported: true, message: /a carriage return/ },
  { rule: 'config-injection', what: 'a NUL in a value', manifests: app(config({ 'pipeline.name': 'x\u0000' })), reported: true, message: /a NUL/ },
  { rule: 'config-injection', what: 'a newline in a key', manifests: app(config({ 'a\nkubernetes.cluster-id': 'evil' })), reported: true, path: "spec.flinkConfiguration['a\\nkubernetes.cluster-id']" },
  { rule: 'config-injection', what: "a key with ': ' and '#'", manifests: app(config({ 'kubernetes.cluster-id: evil #': 'x' })), reported: true, message: /holds '#'/ },
  { rule: 'config-injection', what: 'a tab in a key', manifests: app(config({ 'a\tb': 'x' })), reported: true, message: /U\+0009/ },
  { rule: 'config-injection', what: 'a nested value with a newline', manifests: app({ spec: { flinkConfiguration: { pipeline: { name: 'a\nb: c' } } } }), reported: true },
  { rule: 'config-injection', what: "a session job's value with a newline (its configuration travels as a map in the REST request, not through a file)", manifests: [patched(SESSION_JOB, config({ 'pipeline.name': 'x\ny: z' })), patched(SESSION_CLUSTER), ...JOB_RBAC], reported: false },
  { rule: 'config-injection', what: 'a newline in a logConfiguration file name', manifests: app({ spec: { logConfiguration: { 'log4j-console.properties\nx': 'a' } } }), reported: true },
  { rule: 'config-injection', what: 'a multi-line log4j configuration and plain values with tabs and colons', manifests: app({ spec: { flinkConfiguration: { 'pipeline.name': 'a: b\tc' }, logConfiguration: { 'log4j-console.properties': 'rootLogger.level = INFO\nrootLogger.appenderRef.console.ref = ConsoleAppender\n' } } }), reported: false },
  // config-injection: job fields the operator writes into flink-conf.yaml before Flink 2.0 (FlinkConfigBuilder.applyJobConfig;
  // initialSavepointPath by ApplicationReconciler.deploy as execution.savepoint.path)
  { rule: 'config-injection', what: 'a program argument that carries a second option', manifests: app({ spec: { job: { args: ['--input', 'x\nkubernetes.cluster-id: evil'] } } }), reported: true, path: 'spec.job.args[1]', message: /spec\.job\.args\[1\] holds a newline \(got 'x\\nkubernetes\.cluster-id: evil'\).*flink-conf\.yaml as the option '\$internal\.application\.program-args'.*Remove the line break/ },
  { rule: 'config-injection', what: 'a carriage return in initialSavepointPath', manifests: app({ spec: { job: { initialSavepointPath: 's3://b/sp-1\rweb.submit.enable: true' } } }), reported: true, path: 'spec.job.initialSavepointPath', message: /a carriage return.*'execution\.savepoint\.path'/ },
  { rule: 'config-injection', what: 'a newline in entryClass on Flink 1.19', manifests: app({ spec: { ...onFlink('1.19.3').spec, job: { entryClass: 'org.example.Job\nkubernetes.namespace: other' } } }), reported: true, path: 'spec.job.entryClass', message: /'\$internal\.application\.main'/ },
  { rule: 'config-injection', what: "a '#' in a program argument (native mode: the JobManager reads the arguments back, cut)", manifests: app({ spec: { job: { args: ['--filter', '#flink'] } } }), reported: true, path: 'spec.job.args[1]', message: /holds '#'.*reads this field as ''/ },
  { rule: 'config-injection', what: 'a multi-line SQL argument on Flink 2.0 (config.yaml quotes it)', manifests: app({ spec: { ...onFlink('2.0.0').spec, job: { args: ['--sql', 'SELECT *\nFROM orders'] } } }), reported: false },
  { rule: 'config-injection', what: "a '#' in a program argument in standalone mode (the operator passes the arguments on the command line)", manifests: app({ spec: { mode: 'standalone', job: { args: ['--filter', '#flink'] } } }), reported: false },
  { rule: 'config-injection', what: "a session job's multi-line argument (submitted in a REST request, not through a file)", manifests: [patched(SESSION_JOB, { spec: { job: { args: ['--sql', 'SELECT *\nFROM orders'] } } }), patched(SESSION_CLUSTER), ...JOB_RBAC], reported: false },
  // config-placeholder
  { rule: 'config-placeholder', what: 'an S3 secret key left as ${S3_SECRET_KEY}', manifests: app(config({ 's3.access-key': '${S3_ACCESS_KEY}', 's3.secret-key': '${S3_SECRET_KEY}' })), reported: true, path: "spec.flinkConfiguration['s3.secret-key']", message: /flinkConfiguration 's3\.secret-key' holds '\$\{S3_SECRET_KEY\}' \(an environment variable reference\), which nothing fills in: neither the operator nor Flink substitutes.*read-only ConfigMap.*a login or keystore that uses it fails.*AWS_SECRET_ACCESS_KEY/ },
  { rule: 'config-placeholder', what: 'a keystore password left as <jks-password>', manifests: app(config({ 'security.ssl.enabled': 'true', 'security.ssl.keystore-password': '<jks-password>' })), reported: true, path: "spec.flinkConfiguration['security.ssl.keystore-password']", message: /holds '<jks-password>' \(a placeholder to be replaced by hand\)/ },
  { rule: 'config-placeholder', what: 'Helm values that were not rendered', manifests: app(config({ 'high-availability.storageDir': 's3://{{ .Values.bucket }}/ha', 'security.ssl.truststore-password': '$TRUSTSTORE_PASSWORD' })), reported: true, message: /'\{\{ \.Values\.bucket \}\}' \(a template expression that was not rendered[\s\S]*'\$TRUSTSTORE_PASSWORD'/ },
  { rule: 'config-placeholder', what: 'a placeholder as a program argument and in initialSavepointPath', manifests: app({ spec: { job: { args: ['--password', '${DB_PASSWORD}'], initialSavepointPath: 's3://<bucket>/savepoints/savepoint-1' } } }), reported: true, path: 'spec.job.args[1]', message: /spec\.job\.initialSavepointPath holds '<bucket>'/ },
  { rule: 'config-placeholder', what: "a session job's placeholder", manifests: [patched(SESSION_JOB, config({ 'pipeline.global-job-parameters': 'token:${API_TOKEN}' })), patched(SESSION_CLUSTER), ...JOB_RBAC], reported: true, message: /the operator sends it to Flink with the job as written/ },
  {
    rule: 'config-placeholder',
    what: 'shell variables in the JVM options and entrypoint arguments, metric scope variables, a templated program argument',
    manifests: app({
      spec: {
        flinkConfiguration: { 'env.java.opts.all': '-Dhttps.proxyHost=${PROXY_HOST}', 'env.java.default-opts.jobmanager': '-Dx=$X', 'kubernetes.jobmanager.entrypoint.args': '-Dfoo=${FOO}', 'metrics.scope.jm': '<host>.jobmanager' },
        job: { args: ['--output', 's3://bucket/out/${date}'] },
      },
    }),
    reported: false,
  },
  // secret-volume-name
  { rule: 'secret-volume-name', what: "kubernetes.secrets '<jks-secret>:/opt/flink/jks'", manifests: app(config({ 'kubernetes.secrets': '<jks-secret>:/opt/flink/jks' })), reported: true, path: "spec.flinkConfiguration['kubernetes.secrets']", message: /mounts Secret "<jks-secret>", for which Flink adds the pod volume "<jks-secret>-volume"; a volume name must be a DNS-1123 label.*unfilled placeholder.*Put the Secret's name there/ },
  { rule: 'secret-volume-name', what: "a Secret name with '.'", manifests: app(config({ 'kubernetes.secrets': 'tls:/opt/tls,flink.jks:/opt/jks' })), reported: true, message: /"flink\.jks-volume".*may hold '\.', a volume name may not/ },
  { rule: 'secret-volume-name', what: 'a Secret name of 57 characters', manifests: app(config({ 'kubernetes.secrets': `${'s'.repeat(57)}:/opt/s` })), reported: true, message: /57 characters; with '-volume' the volume name has 64/ },
  { rule: 'secret-volume-name', what: 'a Secret name of 56 characters', manifests: app(config({ 'kubernetes.secrets': `${'s'.repeat(56)}:/opt/s,tls:/opt/tls` })), reported: false },
  // sensitive-config-value
  { rule: 'sensitive-config-value', what: 's3.secret-key', manifests: app(config({ 's3.secret-key': 'wJalrXUtnFEMI' })), reported: true, path: "spec.flinkConfiguration['s3.secret-key']", message: /holds a secret in plain text \('\*\*\*\*\*\*'; Flink treats keys containing 'secret' as sensitive\): the operator copies it into the ConfigMap 'flink-config-app'/ },
  { rule: 'sensitive-config-value', what: 'an Azure account key', manifests: app(config({ 'fs.azure.account.key.acct.blob.core.windows.net': 'abc==' })), reported: true, message: /'fs\.azure\.account\.key'/ },
  { rule: 'sensitive-config-value', what: 'a keystore password, in capitals', manifests: app(config({ 'security.ssl.internal.keystore-PASSWORD': 'changeit' })), reported: true },
  { rule: 'sensitive-config-value', what: 'a token on Flink 1.17', manifests: app({ spec: { flinkVersion: 'v1_17', flinkConfiguration: { 'metrics.reporter.x.token': 'abc' } } }), reported: true, message: /containing 'token'/ },
  { rule: 'sensitive-config-value', what: 'a JAAS config on a session job', manifests: [patched(SESSION_JOB, config({ 'properties.sasl.jaas.config': 'PlainLoginModule required password="x";' })), patched(SESSION_CLUSTER), ...JOB_RBAC], reported: true, message: /submits it with the job/ },
  { rule: 'sensitive-config-value', what: 'a secret in a blue/green template', manifests: [patched({ apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkBlueGreenDeployment', metadata: { name: 'orders', namespace: 'flink' }, spec: { template: { spec: APPLICATION.spec } } }, { spec: { template: { spec: config({ 's3.secret-key': 'x' }).spec } } }), ...JOB_RBAC], reported: true, path: "spec.template.spec.flinkConfiguration['s3.secret-key']" },
  { rule: 'sensitive-config-value', what: 'a token on Flink 1.16 (not sensitive before 1.17)', manifests: app({ spec: { flinkVersion: 'v1_16', flinkConfiguration: { 'metrics.reporter.x.token': 'abc' } } }), reported: false },
  { rule: 'sensitive-config-value', what: 's3.access-key (not sensitive to Flink up to 2.2)', manifests: app(config({ 's3.access-key': 'AKIA...' })), reported: false },
  { rule: 'sensitive-config-value', what: 'booleans and references to Secrets', manifests: app(config({ 'security.delegation.token.provider.hadoopfs.enabled': 'false', 'kubernetes.secrets': 'tls:/opt/tls', 'kubernetes.env.secretKeyRef': 'env:PW,secret:db,key:password', 'fs.azure.account.keyprovider.acct.blob.core.windows.net': 'org.apache.flink.fs.azurefs.EnvironmentVariableKeyProvider' })), reported: false },
  { rule: 'sensitive-config-value', what: 'a literal secret with the opt-in annotation', manifests: app({ metadata: { annotations: { 'cdk8s-flink/literal-secrets': 'true' } }, spec: { flinkConfiguration: { 's3.secret-key': 'x' } } }), reported: false },
  { rule: 'sensitive-config-value', what: 'a literal secret with allowLiteralSecrets', manifests: app(config({ 's3.secret-key': 'x' })), options: { allowLiteralSecrets: true }, reported: false },
  // credentials-in-url
  { rule: 'credentials-in-url', what: 'a password in a session job jarURI', manifests: [patched(SESSION_JOB, { spec: { job: { jarURI: 'https://deploy:s3cr3t@repo.example.com/job.jar' } } }), patched(SESSION_CLUSTER), ...JOB_RBAC], reported: true, path: 'spec.job.jarURI', message: /'https:\/\/deploy:\*\*\*\*\*\*@repo\.example\.com\/job\.jar'/ },
  { rule: 'credentials-in-url', what: 'a password in a checkpoint directory', manifests: app(config({ 'execution.checkpointing.dir': 'hdfs://flink:pw@namenode:8020/checkpoints' })), reported: true, path: "spec.flinkConfiguration['execution.checkpointing.dir']" },
  { rule: 'credentials-in-url', what: 'a user without a password and plain URIs', manifests: app({ spec: { flinkConfiguration: { 'execution.checkpointing.dir': 'hdfs://flink@namenode:8020/checkpoints', 'execution.checkpointing.savepoint-dir': 's3://bucket/savepoints' } } }), reported: false },
  // pod-security-admission
  { rule: 'pod-security-admission', what: 'a FlinkDeployment without security contexts in a restricted namespace', manifests: [RESTRICTED_NAMESPACE, ...app({})], reported: true, path: 'spec.podTemplate', message: /check 'runAsNonRoot' of the Pod Security level 'restricted' that Namespace 'flink' enforces/ },
  { rule: 'pod-security-admission', what: 'a privileged TaskManager sidecar in a baseline namespace', manifests: [BASELINE_NAMESPACE, ...app({ spec: { taskManager: { podTemplate: { spec: { containers: [{ name: 'flink-main-container' }, { name: 'x', securityContext: { privileged: true } }] } } } } })], reported: true, path: 'spec.taskManager.podTemplate' },
  { rule: 'pod-security-admission', what: 'a pod without security contexts under --pod-security restricted', manifests: app({}), options: { podSecurityLevel: PodSecurityLevel.RESTRICTED }, reported: true },
  { rule: 'pod-security-admission', what: 'hardened pods in a restricted namespace', manifests: [RESTRICTED_NAMESPACE, ...app({ spec: { podTemplate: HARDENED_TEMPLATE } })], reported: false },
  { rule: 'pod-security-admission', what: 'a pod without security contexts in a baseline namespace', manifests: [BASELINE_NAMESPACE, ...app({})], reported: false },
  { rule: 'pod-security-admission', what: 'a restricted namespace elsewhere', manifests: [patched(RESTRICTED_NAMESPACE, { metadata: { name: 'other' } }), ...app({})], reported: false },
  // network-policy-rest-open
  { rule: 'network-policy-rest-open', what: 'a hand-written policy that opens the REST port to 0.0.0.0/0', manifests: [...app({}), networkPolicy({ matchLabels: { app: 'app' } }, [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8081 }] }])], reported: true, path: 'spec.ingress[0].from[0].ipBlock.cidr', message: /NetworkPolicy 'flink' lets every address \('0\.0\.0\.0\/0'\) reach port 8081, the REST endpoint of Flink cluster 'app'/ },
  { rule: 'network-policy-rest-open', what: '::/0 on every port, selected by matchExpressions', manifests: [...app({}), networkPolicy({ matchExpressions: [{ key: 'component', operator: 'In', values: ['jobmanager'] }] }, [{ from: [{ ipBlock: { cidr: '::/0' } }] }])], reported: true },
  { rule: 'network-policy-rest-open', what: '0.0.0.0/0 on another port only', manifests: [...app({}), networkPolicy({ matchLabels: { app: 'app' } }, [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 9249 }] }])], reported: false },
  { rule: 'network-policy-rest-open', what: 'a policy on the TaskManagers only', manifests: [...app({}), networkPolicy({ matchLabels: { app: 'app', component: 'taskmanager' } }, [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }])], reported: false },
  { rule: 'network-policy-rest-open', what: 'a private range', manifests: [...app({}), networkPolicy({ matchLabels: { app: 'app' } }, [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 8081 }] }])], reported: false },
  // pod-privileges
  { rule: 'pod-privileges', what: 'an unmasked /proc', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', securityContext: { procMount: 'Unmasked' } }] } } } }), reported: true, message: /granted 'unmasked-proc-mount'.*procMount other than Default/ },
  { rule: 'pod-privileges', what: 'an Unconfined AppArmor profile', manifests: app({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', securityContext: { appArmorProfile: { type: 'Unconfined' } } }] } } } }), reported: true, message: /granted 'unconfined-apparmor'/ },
  { rule: 'pod-privileges', what: 'an unsafe sysctl', manifests: app({ spec: { podTemplate: { spec: { securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } } } } }), reported: true, message: /granted 'unsafe-sysctls'.*kernel\.msgmax/ },
  { rule: 'pod-privileges', what: 'an SELinux type of the node', manifests: app({ spec: { podTemplate: { spec: { securityContext: { seLinuxOptions: { type: 'spc_t' } } } } } }), reported: true, message: /granted 'selinux-options'/ },
  { rule: 'pod-privileges', what: 'a Windows host process', manifests: app({ spec: { podTemplate: { spec: { securityContext: { windowsOptions: { hostProcess: true } } } } } }), reported: true, message: /granted 'windows-host-process'/ },
  { rule: 'pod-privileges', what: 'a safe sysctl and a container SELinux type', manifests: app({ spec: { podTemplate: { spec: { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '600' }], seLinuxOptions: { type: 'container_t' } } } } } }), reported: false },
  { rule: 'pod-privileges', what: 'a hostPath volume', manifests: app({ spec: { podTemplate: { spec: { volumes: [{ name: 'data', hostPath: { path: '/tmp/flink' } }] } } } }), reported: true, path: 'spec.podTemplate', message: /granted 'host-path-volumes'.*volume 'data': hostPath "\/tmp\/flink"/ },
  { rule: 'pod-privileges', what: 'Flink\'s host network switch', manifests: app(config({ 'kubernetes.hostnetwork.enabled': 'true' })), reported: true, message: /'host-namespaces'.*pod hostNetwork: true/ },
  { rule: 'pod-privileges', what: 'a TaskManager container running as root', manifests: app({ spec: { taskManager: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', securityContext: { runAsUser: 0 } }] } } } } }), reported: true, path: 'spec.taskManager.podTemplate' },
  { rule: 'pod-privileges', what: 'no security contexts at all, and hardened pods', manifests: [...app({}), patched(APPLICATION, { metadata: { name: 'hardened' }, spec: { podTemplate: HARDENED_TEMPLATE } })], reported: false },
];
