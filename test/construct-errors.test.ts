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
