/**
 * Construct-time errors are PropErrors that name the construct path and the prop (and echo the value).
 */
import { Duration } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  CheckpointingOptions, FlinkApplication, FlinkBlueGreenDeployment, FlinkSessionCluster, FlinkSessionJob, FlinkStateSnapshot, FlinkVersion,
  JobJar, JobReference, PythonJob, RuntimeMode, SnapshotType, UpgradeMode,
} from '../src';
import { testChart } from './support/manifests';
import { propErrorOf } from './support/prop-errors';

const JAR = 'https://repo1.maven.org/maven2/org/example/job.jar';
const app = { flinkVersion: FlinkVersion.V1_20, jar: JobJar.fromLocal('/opt/job.jar'), upgradeMode: UpgradeMode.STATELESS };

test.each<[string, () => unknown, string, RegExp]>([
  ['a cluster prop', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, taskManager: { slots: 0 } }),
    'taskManager.slots', /^test\/Session: 'taskManager\.slots' must be a whole number of at least 1 \(got 0\)/],
  ['a cluster name', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, metadata: { name: 'Bad_Name' } }),
    'metadata.name', /^test\/Session: 'metadata\.name' must start with a lowercase letter.*\(got 'Bad_Name', 8 characters\)/],
  ['a typed setting', () => new FlinkSessionCluster(testChart(), 'Session', {
    flinkVersion: FlinkVersion.V1_20, checkpointing: { interval: Duration.millis(5) } as CheckpointingOptions,
  }), 'checkpointing.interval', /^test\/Session: 'checkpointing\.interval' must be at least 10 ms/],
  ['a version gate', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_16, autoscaler: {} }),
    'autoscaler.enabled', /^test\/Session: 'autoscaler\.enabled' is not available in Flink 1\.16 \(it needs Flink 1\.17 or newer\)/],
  ['a job prop', () => new FlinkApplication(testChart(), 'App', { ...app, parallelism: 0 }),
    'parallelism', /^test\/App: 'parallelism' must be a whole number of at least 1 \(got 0\)/],
  ['a nonce', () => new FlinkApplication(testChart(), 'App', { ...app, savepointTriggerNonce: 1.5 }),
    'savepointTriggerNonce', /^test\/App: 'savepointTriggerNonce' must be a whole number, e.g. 20261125 \(got 1\.5\)/],
  ['a raw configuration value', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { a: 2 as any } }),
    "flinkConfiguration['a']", /^test\/Session: flinkConfiguration 'a' must be a string \(got number 2\)/],
  ['a blue/green name', () => new FlinkBlueGreenDeployment(testChart(), 'Bg', { ...app, metadata: { name: 'x'.repeat(40) } }),
    'metadata.name', /^test\/Bg: 'metadata\.name' must start .* at most 39 characters/],
  ['a session job prop', () => {
    const chart = testChart();
    return new FlinkSessionJob(chart, 'Job', { cluster: FlinkSessionCluster.fromName(chart, 'C', 'c'), jar: JobJar.fromUri(JAR), restartNonce: 0.5 });
  }, 'restartNonce', /^test\/Job: 'restartNonce' must be a whole number, e.g. 20261125 \(got 0\.5\)/],
  ['a snapshot prop', () => new FlinkStateSnapshot(testChart(), 'Snap', {
    snapshot: SnapshotType.savepoint(), job: JobReference.deploymentName('orders'), backoffLimit: -2,
  }), 'backoffLimit', /^test\/Snap: 'backoffLimit' must be a whole number of at least -1 \(-1 retries forever; got -2\)/],
  ['an Ingress prop', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20 }).exposeWebUi({ host: 'Bad Host' }),
    'host', /^test\/Session\/WebUiIngress: 'host' must be a lowercase DNS name such as 'flink.example.com' \(got 'Bad Host'\)/],
  ['props refused together: the prop is the one the message names first', () => new FlinkApplication(testChart(), 'App', {
    ...app, upgradeMode: UpgradeMode.SAVEPOINT, execution: { runtimeMode: RuntimeMode.BATCH },
  }), 'execution.runtimeMode', /^test\/App: 'execution\.runtimeMode' BATCH takes no checkpoints, so 'upgradeMode' savepoint has nothing to restore from/],
  ['a python job with an entry class', () => new FlinkApplication(testChart(), 'App', {
    ...app, jar: undefined, python: PythonJob.fromScript('/opt/job.py'), entryClass: 'org.example.Job',
  }), 'python', /^test\/App: A 'python' job sets its own entry class and arguments/],
  // Flink's kubernetes.jobmanager.service-account falls back to kubernetes.service-account (written from spec.serviceAccount): the key wins.
  ['a JobManager account key where the construct binds its own account', () => new FlinkSessionCluster(testChart(), 'Session', {
    flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { 'kubernetes.jobmanager.service-account': 'flink-jm' },
  }), "flinkConfiguration['kubernetes.jobmanager.service-account']",
  /^test\/Session: flinkConfiguration 'kubernetes\.jobmanager\.service-account' \('flink-jm'\) makes the JobManager run as that account, not as the ServiceAccount this construct creates/],
  ['a JobManager account key added later', () => new FlinkApplication(testChart(), 'App', app).addFlinkConfiguration('kubernetes.jobmanager.service-account', 'flink-jm'),
    'addFlinkConfiguration(key)', /^test\/App: flinkConfiguration 'kubernetes\.jobmanager\.service-account' \('flink-jm'\) makes the JobManager run/],
  ['a later configuration call', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20 }).addFlinkConfiguration(' ', 'x'),
    'addFlinkConfiguration(key)', /^test\/Session: flinkConfiguration keys must not be empty/],
])('%s', (_what, action, prop, message) => {
  expect(action).toThrow(message);
  expect(propErrorOf(action).prop).toBe(prop);
});

describe('configuration injection', () => {
  test.each<[string, () => unknown, string, RegExp]>([
    ['a newline in a value', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { 'pipeline.name': 'x\nkubernetes.cluster-id: evil' } }),
      "flinkConfiguration['pipeline.name']", /^test\/Session: flinkConfiguration 'pipeline\.name' \(from 'flinkConfiguration'\) holds a newline \(got 'x\\nkubernetes\.cluster-id: evil'\)/],
    ['a carriage return added later', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20 }).addFlinkConfiguration('pipeline.name', 'x\ry: z'),
      'addFlinkConfiguration(value)', /^test\/Session: flinkConfiguration 'pipeline\.name' \(from addFlinkConfiguration\(\)\) holds a carriage return/],
    ['a NUL in a session job value', () => {
      const chart = testChart();
      return new FlinkSessionJob(chart, 'Job', { cluster: FlinkSessionCluster.fromName(chart, 'C', 'c'), jar: JobJar.fromUri(JAR), flinkConfiguration: { 'pipeline.name': 'a\u0000' } });
    }, "flinkConfiguration['pipeline.name']", /^test\/Job: flinkConfiguration 'pipeline\.name' \(from 'flinkConfiguration'\) holds a NUL/],
    ['a newline in a key', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { 'a\nkubernetes.cluster-id': 'evil' } }),
      "flinkConfiguration['a\\nkubernetes.cluster-id']", /flinkConfiguration key 'a\\nkubernetes\.cluster-id' \(from 'flinkConfiguration'\) holds a newline/],
    ["': ' in a key", () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { 'a: b': 'c' } }),
      "flinkConfiguration['a: b']", /flinkConfiguration key 'a: b' .* holds ': '/],
    ['a newline in a logConfiguration file name', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, logConfiguration: { 'log4j-console.properties\nx': 'a' } }),
      "logConfiguration['log4j-console.properties\\nx']", /^test\/Session: 'logConfiguration' file name 'log4j-console\.properties\\nx' holds a newline/],
  ])('refuses %s', (_what, action, prop, message) => {
    expect(action).toThrow(message);
    expect(propErrorOf(action).prop).toBe(prop);
  });
});

test('a JobManager account key is the caller\'s choice when the caller gives the account', () => {
  const chart = testChart();
  const session = new FlinkSessionCluster(chart, 'Session', {
    flinkVersion: FlinkVersion.V1_20,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    flinkConfiguration: { 'kubernetes.jobmanager.service-account': 'flink-jm' },
  });
  expect(session.rbac).toBeUndefined();
});

describe('configuration as Flink reads it (issue 20, cases 6 to 8)', () => {
  const session = (flinkConfiguration: { [key: string]: string }, flinkVersion: FlinkVersion = FlinkVersion.V1_20) =>
    () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion, flinkConfiguration });
  const sessionJob = (props: object) => () => {
    const chart = testChart();
    return new FlinkSessionJob(chart, 'Job', { cluster: FlinkSessionCluster.fromName(chart, 'C', 'c', { flinkVersion: FlinkVersion.V1_20 }), jar: JobJar.fromUri(JAR), ...props });
  };

  test.each<[string, () => unknown, string, RegExp]>([
    ["' kubernetes.cluster-id', which flink-conf.yaml's loader trims", session({ ' kubernetes.cluster-id': 'other' }),
      "flinkConfiguration[' kubernetes.cluster-id']", /^test\/Session: flinkConfiguration 'kubernetes\.cluster-id' \(from 'flinkConfiguration'\) is a key the operator sets itself.*Flink reads " kubernetes\.cluster-id" as 'kubernetes\.cluster-id'/],
    ['kubernetes.namespace', session({ 'kubernetes.namespace': 'other' }), "flinkConfiguration['kubernetes.namespace']", /is a key the operator sets itself, from the resource's metadata\. Remove it/],
    ['a padded owned key added later', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20 }).addFlinkConfiguration('high-availability.cluster-id ', 'x'),
      'addFlinkConfiguration(key)', /'high-availability\.cluster-id' \(from addFlinkConfiguration\(\)\) is a key the operator sets itself/],
    ['an S3 secret key left as ${S3_SECRET_KEY}', session({ 's3.secret-key': '${S3_SECRET_KEY}' }),
      "flinkConfiguration['s3.secret-key']", /holds '\$\{S3_SECRET_KEY\}' \(an environment variable reference\), which nothing fills in.*AWS_SECRET_ACCESS_KEY/],
    ['a keystore password left as <jks-password>', session({ 'security.ssl.keystore-password': '<jks-password>' }),
      "flinkConfiguration['security.ssl.keystore-password']", /holds '<jks-password>'/],
    ["a session job's placeholder", sessionJob({ flinkConfiguration: { 'pipeline.name': '{{ .Values.name }}' } }), "flinkConfiguration['pipeline.name']", /a template expression that was not rendered/],
    ["kubernetes.secrets '<jks-secret>:/opt/jks'", session({ 'kubernetes.secrets': '<jks-secret>:/opt/jks' }),
      "flinkConfiguration['kubernetes.secrets']", /mounts Secret "<jks-secret>", for which Flink adds the pod volume "<jks-secret>-volume"/],
    ["a Secret name with '.'", session({ 'kubernetes.secrets': 'flink.jks:/opt/jks' }), "flinkConfiguration['kubernetes.secrets']", /may hold '\.', a volume name may not/],
    ['a program argument that carries a second option', () => new FlinkApplication(testChart(), 'App', { ...app, args: ['--input', 'x\nkubernetes.cluster-id: evil'] }),
      'args', /^test\/App: The job's args\[1\] holds a newline \(got 'x\\nkubernetes\.cluster-id: evil'\).*'\$internal\.application\.program-args'/],
    ['a carriage return in initialSavepointPath on Flink 1.19', () => new FlinkApplication(testChart(), 'App', { ...app, flinkVersion: FlinkVersion.V1_19, initialSavepointPath: 's3://b/sp\ry: z' }),
      'initialSavepointPath', /initialSavepointPath holds a carriage return.*'execution\.savepoint\.path'/],
    ["a '#' in a program argument", () => new FlinkApplication(testChart(), 'App', { ...app, args: ['--tag', '#flink'] }), 'args', /holds '#'/],
    ['a placeholder as a program argument', () => new FlinkApplication(testChart(), 'App', { ...app, args: ['--password', '${DB_PASSWORD}'] }), 'args', /args\[1\] holds '\$\{DB_PASSWORD\}'/],
    ["a session job's placeholder argument", sessionJob({ args: ['<input>'] }), 'args', /args\[0\] holds '<input>'/],
  ])('refuses %s', (_what, action, prop, message) => {
    expect(action).toThrow(message);
    expect(propErrorOf(action).prop).toBe(prop);
  });

  test.each<[string, () => unknown]>([
    ['shell variables in the JVM options', session({ 'env.java.opts.all': '-Dhttps.proxyHost=${PROXY_HOST}' })],
    ['metric scope variables', session({ 'metrics.scope.jm': '<host>.jobmanager' })],
    ['a padded key that is no owned key on Flink 2.0', session({ ' pipeline.name': 'x' }, FlinkVersion.V2_0)],
    ['a multi-line argument on Flink 2.0', () => new FlinkApplication(testChart(), 'App', { ...app, flinkVersion: FlinkVersion.V2_0, args: ['--sql', 'SELECT *\nFROM t'] })],
    ["a session job's multi-line argument (a REST request, no file)", sessionJob({ args: ['--sql', 'SELECT *\nFROM t'] })],
    ['a templated program argument', () => new FlinkApplication(testChart(), 'App', { ...app, args: ['--output', 's3://b/out/${date}'] })],
  ])('accepts %s', (_what, action) => {
    expect(action).not.toThrow();
  });
});
