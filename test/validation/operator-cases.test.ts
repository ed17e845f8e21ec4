/**
 * The Flink Kubernetes Operator's own validator test cases (DefaultValidatorTest,
 * JarUriValidationUtilsTest, the autoscaler tests), replayed as manifests: every case the
 * operator decides from a single manifest must get the same verdict here. The source of each
 * case is named next to it; the fixture mirrors the operator's test fixture (TestUtils).
 */
import { patched } from './fixtures';
import { FlinkValidator, Severity, ValidationOptions } from '../../src';
import { RULES } from '../../src/validation/rule-catalog';

const CHECKPOINT_DIR = 'execution.checkpointing.dir';
const SAVEPOINT_DIR = 'execution.checkpointing.savepoint-dir';

/** The operator test fixture's application cluster (TestUtils.buildApplicationCluster). */
const FIXTURE = {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkDeployment',
  metadata: { name: 'test-cluster', namespace: 'flink-operator-test' },
  spec: {
    image: 'flink:latest',
    flinkVersion: 'v1_17',
    serviceAccount: 'flink-operator',
    flinkConfiguration: {
      'taskmanager.numberOfTaskSlots': '2',
      'high-availability.type': 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory',
      'high-availability.storageDir': 'test',
      [SAVEPOINT_DIR]: 'test-savepoint-dir',
      [CHECKPOINT_DIR]: 'file:///test/test-checkpoint-dir',
    },
    jobManager: { resource: { cpu: 1, memory: '2048m', ephemeralStorage: '2G' }, replicas: 1 },
    taskManager: { resource: { cpu: 1, memory: '2048m', ephemeralStorage: '2G' } },
    job: { jarURI: 'local:///tmp/sample.jar', parallelism: 1, upgradeMode: 'stateless', state: 'running' },
  },
};

function patchedConfig(entries: { [key: string]: string }): any {
  const result = patched(FIXTURE);
  result.spec.flinkConfiguration = entries;
  return result;
}
const withoutKey = (key: string, patch: any = {}) => {
  const result = patched(FIXTURE, patch);
  delete result.spec.flinkConfiguration[key];
  return result;
};
const lastReconciled = (manifest: any, previousSpec: any) =>
  patched(manifest, { status: { reconciliationStatus: { lastReconciledSpec: JSON.stringify(previousSpec) } } });

type Verdict = 'accept' | RegExp;

/** The errors of the engine on some manifests: warnings (unresolved references) do not reject. */
function verdict(manifests: any[], options?: ValidationOptions): string[] {
  return FlinkValidator.validate(manifests, options).filter((f) => f.severity === Severity.ERROR).map((f) => `${f.rule}: ${f.message}`);
}

/**
 * The operator's verdict is its admission verdict. Where it admits, the engine's admission rules
 * must stay silent; its run-time rules may still report what fails after admission (Flink
 * refusing a value, state that is lost), as the cases at the end of this file show. Where the
 * operator rejects, the expected finding is named.
 */
function expectVerdict(manifests: any[], expected: Verdict, options?: ValidationOptions): void {
  const errors = verdict(manifests, options);
  if (expected === 'accept') {
    expect(errors.filter((error) => RULES[error.split(':')[0] as keyof typeof RULES].stage === 'admission')).toEqual([]);
  } else {
    expect(errors.join('\n')).toMatch(expected);
  }
}

// DefaultValidatorTest#testValidationWithoutDefaultConfig (FlinkDeployment cases)
const DEPLOYMENT_CASES: Array<[string, any, Verdict]> = [
  ['the fixture', FIXTURE, 'accept'],
  ['name session-cluster', patched(FIXTURE, { metadata: { name: 'session-cluster' } }), 'accept'],
  ['name session-cluster-1.13', patched(FIXTURE, { metadata: { name: 'session-cluster-1.13' } }), /deployment-name/],
  ['job suspended', patched(FIXTURE, { spec: { job: { state: 'suspended' } } }), 'accept'],
  ['job running', patched(FIXTURE, { spec: { job: { state: 'running' } } }), 'accept'],
  ['parallelism 0', patched(FIXTURE, { spec: { job: { parallelism: 0 } } }), /job-parallelism/],
  ['TaskManager replicas 0', patched(FIXTURE, { spec: { taskManager: { replicas: 0, resource: undefined } } }), /taskmanager-replicas/],
  ['TaskManager replicas 1 and parallelism 0', patched(FIXTURE, { spec: { taskManager: { replicas: 1 }, job: { parallelism: 0 } } }), 'accept'],
  ['savepoint upgrades without a savepoint dir', withoutKey(SAVEPOINT_DIR, { spec: { job: { upgradeMode: 'savepoint' } } }), /savepoint-dir-required/],
  ['savepoint upgrades without a checkpoint dir', withoutKey(CHECKPOINT_DIR, { spec: { job: { upgradeMode: 'savepoint' } } }), /checkpoint-dir-required/],
  ['last-state upgrades without a checkpoint dir', withoutKey(CHECKPOINT_DIR, { spec: { job: { upgradeMode: 'last-state' } } }), /checkpoint-dir-required/],
  ['stateless upgrades without a checkpoint dir', withoutKey(CHECKPOINT_DIR, { spec: { job: { upgradeMode: 'stateless' } } }), 'accept'],
  ['a savepoint trigger without configuration', patched(patchedConfig({}), { spec: { job: { savepointTriggerNonce: 8765309 } } }), /savepoint-dir-required.*savepointTriggerNonce/],
  ['periodic savepoints without a savepoint dir', patchedConfig({ 'kubernetes.operator.periodic.savepoint.interval': '1m' }), /savepoint-dir-required.*periodic/],
  ['a max checkpoint age without a savepoint dir', patchedConfig({ 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age': '1m' }), /savepoint-dir-required/],
  ['an unknown configuration key', patchedConfig({ random: 'config' }), 'accept'],
  ['kubernetes.namespace', patchedConfig({ 'kubernetes.namespace': 'myns' }), /forbidden-config-key/],
  ['high-availability.cluster-id', patchedConfig({ 'high-availability.cluster-id': 'my-cluster-id' }), /forbidden-config-key/],
  ['health check without JM recovery', patchedConfig({ 'kubernetes.operator.cluster.health-check.enabled': 'true', 'kubernetes.operator.jm-deployment-recovery.enabled': 'false' }), /health-check-requires-jm-recovery/],
  ['log4j-console.properties', patched(FIXTURE, { spec: { logConfiguration: { 'log4j-console.properties': 'rootLogger.level = INFO' } } }), 'accept'],
  ['an ingress without template', patched(FIXTURE, { spec: { ingress: {} } }), /ingress-template/],
  ['an ingress template with a bad port', patched(FIXTURE, { spec: { ingress: { template: 'example.com:port' } } }), /ingress-template/],
  // With the explicit opt-in: the engine's own web-ui-exposure rule (not the operator's) refuses
  // an unauthenticated Ingress.
  ['an ingress template with a path', patched(FIXTURE, { spec: { ingress: { template: 'example.com/{{namespace}}/{{name}}', annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' } } } }), 'accept'],
  ['an unknown log configuration file', patched(FIXTURE, { spec: { logConfiguration: { random: 'config' } } }), /log-config-key/],
  ['two JobManagers without HA', patched(patchedConfig({}), { spec: { jobManager: { replicas: 2 } } }), /standby-jobmanager-requires-ha/],
  ['rollback without HA', patchedConfig({ 'kubernetes.operator.deployment.rollback.enabled': 'true' }), /rollback-requires-ha/],
  ['JobManager replicas 0', patched(FIXTURE, { spec: { jobManager: { replicas: 0 } } }), /jobmanager-replicas/],
  ['TaskManager memory 1G', patched(FIXTURE, { spec: { taskManager: { resource: { memory: '1G' } } } }), 'accept'],
  // The operator's webhook admits a 100-byte TaskManager; Flink then refuses it when the cluster is
  // deployed (TaskExecutorProcessUtils in getClusterSpecification). The engine moves that failure
  // to synth time, by design (rule taskmanager-memory-model).
  ['TaskManager memory 100', patched(FIXTURE, { spec: { taskManager: { resource: { memory: '100' } } } }), /taskmanager-memory-model/],
  ['JobManager memory 1Gi', patched(FIXTURE, { spec: { jobManager: { resource: { memory: '1Gi' } } } }), 'accept'],
  ['TaskManager memory 1Gi', patched(FIXTURE, { spec: { taskManager: { resource: { memory: '1Gi' } } } }), 'accept'],
  ['TaskManager memory invalid', patched(FIXTURE, { spec: { taskManager: { resource: { memory: 'invalid' } } } }), /resource-memory-format.*TaskManager|spec\.taskManager\.resource\.memory 'invalid'/],
  ['JobManager memory invalid', patched(FIXTURE, { spec: { jobManager: { resource: { memory: 'invalid' } } } }), /spec\.jobManager\.resource\.memory 'invalid'/],
  ['no TaskManager memory', patched(FIXTURE, { spec: { taskManager: { resource: { memory: undefined } } } }), /taskmanager-memory-required/],
  ['no JobManager memory', patched(FIXTURE, { spec: { jobManager: { resource: { memory: undefined } } } }), /jobmanager-memory-required/],
  ['no TaskManager memory, task heap only', patched(patchedConfig({ 'taskmanager.memory.task.heap.size': '1024m' }), { spec: { taskManager: { resource: { memory: undefined } } } }), /taskmanager-memory-required/],
  ['no JobManager memory, JM heap', patched(patchedConfig({ 'jobmanager.memory.heap.size': '2048m' }), { spec: { jobManager: { resource: { memory: undefined } } } }), 'accept'],
  ['no TaskManager memory, total Flink memory', patched(patchedConfig({ 'taskmanager.memory.flink.size': '2048m' }), { spec: { taskManager: { resource: { memory: undefined } } } }), 'accept'],
  ['no TaskManager memory, task heap and managed', patched(patchedConfig({ 'taskmanager.memory.task.heap.size': '1024m', 'taskmanager.memory.managed.size': '1024m' }), { spec: { taskManager: { resource: { memory: undefined } } } }), 'accept'],
  ['no flinkVersion', patched(FIXTURE, { spec: { flinkVersion: undefined } }), /flink-version-required/],
  ['flinkVersion v1_14', patched(FIXTURE, { spec: { flinkVersion: 'v1_14' } }), /flink-version-supported/],
  ['flinkVersion v1_15', patched(FIXTURE, { spec: { flinkVersion: 'v1_15' } }), 'accept'],
  ['no service account', patched(FIXTURE, { spec: { serviceAccount: undefined } }), /service-account-required/],
  ['service account flink', patched(FIXTURE, { spec: { serviceAccount: 'flink' } }), 'accept'],
  ['last-state with Kubernetes HA', patched(FIXTURE, { spec: { flinkConfiguration: { 'high-availability.type': 'kubernetes' }, job: { upgradeMode: 'last-state' } } }), 'accept'],
  ['JobManager ephemeral storage abc', patched(FIXTURE, { spec: { jobManager: { resource: { ephemeralStorage: 'abc' } } } }), /resource-ephemeral-storage-format/],
  ['TaskManager ephemeral storage abc', patched(FIXTURE, { spec: { taskManager: { resource: { ephemeralStorage: 'abc' } } } }), /resource-ephemeral-storage-format/],
  // status-based change checks (lastReconciledSpec)
  ['job removed', lastReconciled(patched(FIXTURE, { spec: { job: undefined } }), FIXTURE.spec), /spec-change.*removed/],
  ['job added', lastReconciled(FIXTURE, patched(FIXTURE, { spec: { job: undefined } }).spec), /spec-change.*added/],
  ['native to standalone', lastReconciled(patched(FIXTURE, { spec: { mode: 'standalone' } }), patched(FIXTURE, { spec: { mode: 'native' } }).spec), /spec-change/],
  ['default to standalone', lastReconciled(patched(FIXTURE, { spec: { mode: 'standalone' } }), FIXTURE.spec), /spec-change/],
  ['standalone to default', lastReconciled(FIXTURE, patched(FIXTURE, { spec: { mode: 'standalone' } }).spec), /spec-change/],
  ['standalone to native', lastReconciled(patched(FIXTURE, { spec: { mode: 'native' } }), patched(FIXTURE, { spec: { mode: 'standalone' } }).spec), /spec-change/],
  ['suspended then resumed with savepoint upgrades', lastReconciled(patched(FIXTURE, { spec: { job: { upgradeMode: 'savepoint' } } }), patched(FIXTURE, { spec: { job: { state: 'suspended' } } }).spec), 'accept'],
];

// DefaultValidatorTest#testSavepointRedeployValidation
const withNonce = (nonce: number | undefined, path: string | undefined) =>
  patched(FIXTURE, { spec: { job: { savepointRedeployNonce: nonce, initialSavepointPath: path } } });
const REDEPLOY_CASES: Array<[string, any, Verdict]> = [
  ['nonce 1 and a path after none', lastReconciled(withNonce(1, 's'), FIXTURE.spec), 'accept'],
  ['nonce removed, path kept', lastReconciled(withNonce(undefined, 's'), withNonce(1, 's').spec), 'accept'],
  ['nonce and path removed', lastReconciled(withNonce(undefined, undefined), withNonce(1, 's').spec), 'accept'],
  ['nonce 2 with a path', lastReconciled(withNonce(2, 's'), withNonce(1, 's').spec), 'accept'],
  ['nonce 1 without a path', lastReconciled(withNonce(1, undefined), FIXTURE.spec), /spec-change.*initialSavepointPath/],
  ['nonce 1 with a blank path', lastReconciled(withNonce(1, ' '), FIXTURE.spec), /spec-change/],
  ['nonce 2 without a path', lastReconciled(withNonce(2, undefined), withNonce(1, 's').spec), /spec-change/],
];

// DefaultValidatorTest#testFlinkVersionChangeValidation
const VERSION_CHANGE_CASES: Array<[string, any, Verdict]> = [];
for (const toMode of ['stateless', 'last-state', 'savepoint']) {
  for (const [fromMode, fromState] of [['last-state', 'suspended'], ['last-state', 'running'], ['savepoint', 'suspended'], ['stateless', 'suspended'], ['savepoint', 'running']]) {
    const rejected = fromMode === 'last-state' && fromState === 'suspended' && toMode !== 'stateless';
    VERSION_CHANGE_CASES.push([
      `${fromMode}/${fromState} on v1_18 to ${toMode} on v1_20`,
      lastReconciled(patched(FIXTURE, { spec: { flinkVersion: 'v1_20', job: { upgradeMode: toMode } } }),
        patched(FIXTURE, { spec: { flinkVersion: 'v1_18', job: { upgradeMode: fromMode, state: fromState } } }).spec),
      rejected ? /spec-change.*flinkVersion/ : 'accept',
    ]);
  }
}

// DefaultValidatorTest autoscaler cases (the autoscaler configuration replaces the fixture's)
const AUTOSCALER = {
  'job.autoscaler.enabled': 'true',
  'job.autoscaler.scale-up.max-factor': '100000.0',
  'job.autoscaler.scale-down.max-factor': '0.6',
  'job.autoscaler.utilization.target': '0.7',
  'job.autoscaler.utilization.max': '1.0',
  'job.autoscaler.utilization.min': '0.3',
};
const autoscaler = (changes: { [key: string]: string | undefined }) => {
  const entries: { [key: string]: string } = { ...AUTOSCALER };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete entries[key];
    } else {
      entries[key] = value;
    }
  }
  return patchedConfig(entries);
};
const range = (key: string, bounds: string) => new RegExp(`'job\\.autoscaler\\.${key.replace(/\./g, '\\.')}' is .* outside the range \\[${bounds.replace(/[.+[\]]/g, '\\$&')}\\]`);
const JUNK = { 'job.autoscaler.scale-up.max-factor': '-1.6', 'job.autoscaler.scale-down.max-factor': '-1.6', 'job.autoscaler.utilization.target': '-1.6', 'job.autoscaler.utilization.max': '-1.6', 'job.autoscaler.utilization.min': '-1.6' };
const AUTOSCALER_CASES: Array<[string, any, Verdict]> = [
  ['the base configuration', autoscaler({}), 'accept'],
  ['scale-down factor -0.1', autoscaler({ 'job.autoscaler.scale-down.max-factor': '-0.1' }), range('scale-down.max-factor', '0.0, +Infinity')],
  ['scale-up factor -0.1', autoscaler({ 'job.autoscaler.scale-up.max-factor': '-0.1' }), range('scale-up.max-factor', '0.0, +Infinity')],
  ['utilization target -0.6', autoscaler({ 'job.autoscaler.utilization.target': '-0.6' }), range('utilization.target', '0.0, 1.0')],
  ['utilization max -0.6', autoscaler({ 'job.autoscaler.utilization.max': '-0.6' }), range('utilization.max', '0.7, 1.0')],
  ['utilization min -0.6', autoscaler({ 'job.autoscaler.utilization.min': '-0.6' }), range('utilization.min', '0.0, 0.7')],
  ['excluded period 12:00-10:00', autoscaler({ 'job.autoscaler.excluded.periods': '12:00-10:00' }), /autoscaler-excluded-periods/],
  ['coefficient-min 1.2', autoscaler({ 'job.autoscaler.observed-scalability.coefficient-min': '1.2' }), range('observed-scalability.coefficient-min', '0.01, 1.0')],
  ['junk without the enabled key', autoscaler({ ...JUNK, 'job.autoscaler.enabled': undefined }), 'accept'],
  ['junk while disabled', autoscaler({ ...JUNK, 'job.autoscaler.enabled': 'false' }), 'accept'],
  ['max 0.4 below target 0.5', autoscaler({ 'job.autoscaler.utilization.min': '0.3', 'job.autoscaler.utilization.target': '0.5', 'job.autoscaler.utilization.max': '0.4' }), range('utilization.max', '0.5, 1.0')],
  ['min 0.8 above target 0.7', autoscaler({ 'job.autoscaler.utilization.min': '0.8' }), range('utilization.min', '0.0, 0.7')],
  ['target 1.5', autoscaler({ 'job.autoscaler.utilization.target': '1.5' }), range('utilization.target', '0.0, 1.0')],
  ['min 0.2, target 0.5, max 0.6', autoscaler({ 'job.autoscaler.utilization.min': '0.2', 'job.autoscaler.utilization.target': '0.5', 'job.autoscaler.utilization.max': '0.6' }), 'accept'],
];

describe('operator DefaultValidatorTest cases, as single manifests', () => {
  test.each(DEPLOYMENT_CASES)('%s', (_name, manifest, expected) => expectVerdict([manifest], expected));
  test.each(REDEPLOY_CASES)('savepoint redeploy: %s', (_name, manifest, expected) => expectVerdict([manifest], expected));
  test.each(VERSION_CHANGE_CASES)('flinkVersion change: %s', (_name, manifest, expected) => expectVerdict([manifest], expected));
  test.each(AUTOSCALER_CASES)('autoscaler: %s', (_name, manifest, expected) => expectVerdict([manifest], expected));

  test('testValidationWithDefaultConfig: the operator default configuration supplies HA and the checkpoint dir', () => {
    const manifest = patched(patchedConfig({}), { spec: { job: { upgradeMode: 'last-state' } } });
    expectVerdict([manifest], /checkpoint-dir-required/);
    expectVerdict([manifest], 'accept', {
      operatorConfiguration: { 'high-availability.type': 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory', [CHECKPOINT_DIR]: 'cpdir' },
    });
  });
});

// Session job cases (DefaultValidatorTest#testSessionJobWithSession), the cluster given alongside
const SESSION_CLUSTER = patched(FIXTURE, { spec: { job: undefined } });
const SESSION_JOB = {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkSessionJob',
  metadata: { name: 'test-session-job', namespace: 'flink-operator-test' },
  spec: {
    deploymentName: 'test-cluster',
    flinkConfiguration: { 'kubernetes.operator.user.artifacts.http.header': 'header' },
    job: { jarURI: 'https://repo.example.com/sample.jar', parallelism: 1, upgradeMode: 'stateless', state: 'running' },
  },
};

describe('operator session job cases', () => {
  test.each<[string, any[], Verdict]>([
    ['the fixture with its cluster', [SESSION_JOB, SESSION_CLUSTER], 'accept'],
    ['the fixture without its cluster', [SESSION_JOB], 'accept'],
    ['an application cluster', [SESSION_JOB, patched(FIXTURE)], /session-job-target-kind/],
    ['last-state with HA and checkpoints on the cluster', [patched(SESSION_JOB, { spec: { job: { upgradeMode: 'last-state' } } }), SESSION_CLUSTER], 'accept'],
    ['an http header option', [patched(SESSION_JOB, { spec: { flinkConfiguration: { 'kubernetes.operator.user.artifacts.http.header': 'headerKey1:headerValue1,headerKey2:headerValue2' } } }), SESSION_CLUSTER], 'accept'],
    ['periodic savepoints with the cluster savepoint dir', [patched(SESSION_JOB, { spec: { flinkConfiguration: { 'kubernetes.operator.periodic.savepoint.interval': '1m' } } }), SESSION_CLUSTER], 'accept'],
    ['a moved session job', [lastReconciled(patched(SESSION_JOB, { spec: { deploymentName: 'new-deployment-name' } }), SESSION_JOB.spec)], /spec-change.*deploymentName/],
    ['savepoint upgrades with the job\'s own directories', [
      patched(SESSION_JOB, { spec: { job: { upgradeMode: 'savepoint' }, flinkConfiguration: { [SAVEPOINT_DIR]: 'test-savepoint-dir', [CHECKPOINT_DIR]: 'test-checkpoint-dir' } } }),
      (() => { const c = patched(SESSION_CLUSTER); c.spec.flinkConfiguration = {}; return c; })(),
    ], 'accept'],
  ])('%s', (_name, manifests, expected) => expectVerdict(manifests, expected));
});

// JarUriValidationUtilsTest, through a session job
describe('operator jarURI cases', () => {
  const job = (jarURI: string) => patched(SESSION_JOB, { spec: { job: { jarURI } } });
  test.each<[string, ValidationOptions, Verdict]>([
    ['https://203.0.113.5/job.jar', {}, 'accept'],
    ['https://127.0.0.1/job.jar', {}, /restricted address|jar-uri-restricted-host/],
    ['https://127.0.0.1/job.jar', { disallowRestrictedHosts: false }, 'accept'],
    ['https://203.0.113.5/job.jar', { allowedJarSchemes: ['s3'] }, /jar-uri-scheme/],
    ['s3://bucket/job.jar', { allowedJarSchemes: ['s3'] }, 'accept'],
    ['ht tp://bad uri', {}, /jar-uri-syntax/],
    ['/no/scheme/job.jar', {}, /jar-uri-scheme.*no scheme/],
    ['https:///job.jar', {}, /jar-uri-host/],
  ])('%s with %j', (uri, options, expected) => expectVerdict([job(uri), SESSION_CLUSTER], expected, options));
});

// DefaultValidatorTest#testFlinkStateSnapshotValidator (single snapshots)
describe('operator snapshot cases', () => {
  const snapshot = {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkStateSnapshot',
    metadata: { name: 'test-savepoint', namespace: 'test' },
    spec: { savepoint: { path: 'test-path', alreadyExists: false }, jobReference: { kind: 'FlinkDeployment', name: 'test-cluster' } },
  };
  test.each<[string, any, Verdict]>([
    ['the fixture', snapshot, 'accept'],
    ['both checkpoint and savepoint', patched(snapshot, { spec: { checkpoint: {} } }), /snapshot-type/],
    ['no job reference', patched(snapshot, { spec: { jobReference: undefined } }), /snapshot-job-reference/],
    ['no job reference for an existing savepoint', patched(snapshot, { spec: { jobReference: undefined, savepoint: { alreadyExists: true } } }), 'accept'],
  ])('%s', (_name, manifest, expected) => expectVerdict([manifest], expected));
});

// What the operator admits in its own test fixture and Flink would then refuse or lose: the
// engine's run-time rules report it, by design (the operator reads every key at admission;
// Flink reads its version's keys and values when it starts).
describe('run-time failures in the operator fixture', () => {
  const runtimeErrors = (manifest: any) => FlinkValidator.validate([manifest])
    .filter((f) => f.severity === Severity.ERROR && RULES[f.rule as keyof typeof RULES].stage === 'runtime')
    .map((f) => `${f.rule} ${f.path}`).sort();

  test('its HA storage is a relative path in the JobManager container, and Flink 1.17 reads neither of its 1.20 directory keys', () => {
    expect(runtimeErrors(FIXTURE)).toEqual(["local-state-lost spec.flinkConfiguration['high-availability.storageDir']"]);
    expect(FlinkValidator.validate([FIXTURE]).filter((f) => f.rule === 'config-key-unread').map((f) => f.path).sort()).toEqual([
      "spec.flinkConfiguration['execution.checkpointing.dir']", "spec.flinkConfiguration['execution.checkpointing.savepoint-dir']",
    ]);
  });

  test('on Flink 1.20, which reads it, its savepoint directory without a scheme is refused', () => {
    expect(runtimeErrors(patched(FIXTURE, { spec: { flinkVersion: 'v1_20' } })))
      .toContain("config-value-format spec.flinkConfiguration['execution.checkpointing.savepoint-dir']");
  });

  test('last-state on v1_17 with the 1.20 checkpoint key: Flink 1.17 writes no checkpoints there', () => {
    const manifest = patched(FIXTURE, { spec: { flinkConfiguration: { 'high-availability.type': 'kubernetes' }, job: { upgradeMode: 'last-state' } } });
    expect(runtimeErrors(manifest)).toContain('state-config-unread spec.job.upgradeMode');
  });
});
