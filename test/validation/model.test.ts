/**
 * The model of what will run: the configuration the operator builds for a FlinkDeployment, and
 * what Flink reads back from the file the operator writes.
 *
 * The builder cases restate, as our own data, the inputs and expected keys of the operator's
 * `FlinkConfigBuilderTest` (flink-kubernetes-operator release-1.15.0), each named after its test;
 * the legacy loader cases restate Flink's `GlobalConfigurationTest.testConfigurationWithLegacyYAML`
 * (Flink 1.20). The fixture is the operator test's base deployment (`BaseTestUtils`), valid
 * against the CRD.
 */
import { FlinkVersion } from '../../src';
import { configurationFileName, entriesFlinkReads, legacyFileLines, readLegacyFile } from '../../src/validation/model/configuration-file';
import { buildDeploymentConfiguration } from '../../src/validation/model/deployment-configuration';
import { DeploymentModel } from '../../src/validation/model/deployment-model';
import { readDifferences } from '../../src/validation/model/read-differences';
import { SessionJobModel } from '../../src/validation/model/session-job-configuration';
import { crdSchemaErrors } from '../support/crd-schema';

const GIB = 1024 * 1024 * 1024;

/** The operator test's base deployment: an application with HA, two JobManagers and two slots. */
function base(): any {
  return {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: { name: 'test-cluster', namespace: 'flink-operator-test' },
    spec: {
      image: 'flink:latest',
      imagePullPolicy: 'IfNotPresent',
      serviceAccount: 'flink-operator',
      flinkVersion: 'v1_17',
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': '2',
        'high-availability.type': 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory',
        'high-availability.storageDir': 'test',
        'execution.checkpointing.savepoint-dir': 'test-savepoint-dir',
        'execution.checkpointing.dir': 'file:///test/test-checkpoint-dir',
      },
      jobManager: { resource: { cpu: 1, memory: '2048m', ephemeralStorage: '2G' }, replicas: 2 },
      taskManager: { resource: { cpu: 1, memory: '2048m', ephemeralStorage: '2G' } },
      job: { jarURI: 'local:///tmp/sample.jar', parallelism: 2, upgradeMode: 'stateless', state: 'running' },
    },
  };
}

function built(change: (deployment: any) => void = () => {}, operator: { [key: string]: string } = {}): ReadonlyMap<string, string> {
  const deployment = base();
  change(deployment);
  expect(crdSchemaErrors(deployment)).toEqual([]);
  return buildDeploymentConfiguration(new Map(Object.entries(operator)), deployment).entries;
}

describe("the operator's configuration of a FlinkDeployment (FlinkConfigBuilderTest)", () => {
  test('testApplyImage: spec.image as kubernetes.container.image.ref from Flink 1.17', () => {
    expect(built().get('kubernetes.container.image.ref')).toBe('flink:latest');
    const old = built((d) => { d.spec.flinkVersion = 'v1_16'; });
    expect(old.get('kubernetes.container.image')).toBe('flink:latest');
    expect(old.has('kubernetes.container.image.ref')).toBe(false);
  });

  test('testApplyImagePolicy and testApplyServiceAccount', () => {
    expect(built().get('kubernetes.container.image.pull-policy')).toBe('IfNotPresent');
    expect(built().get('kubernetes.service-account')).toBe('flink-operator');
  });

  test('testApplyFlinkConfiguration: the user keys, ClusterIP and web.cancel.enable false where unset', () => {
    const entries = built();
    expect(entries.get('taskmanager.numberOfTaskSlots')).toBe('2');
    expect(entries.get('kubernetes.rest-service.exposed.type')).toBe('ClusterIP');
    expect(entries.get('web.cancel.enable')).toBe('false');
    expect(built((d) => { d.spec.flinkConfiguration['kubernetes.rest-service.exposed.type'] = 'LoadBalancer'; }).get('kubernetes.rest-service.exposed.type')).toBe('LoadBalancer');
    expect(built((d) => { delete d.spec.job; }).get('web.cancel.enable')).toBe('false');
  });

  test('testDeprecatedConfigKeys: before Flink 1.17 the old cpu keys too', () => {
    const entries = built((d) => { d.spec.flinkVersion = 'v1_16'; });
    expect(entries.get('kubernetes.jobmanager.cpu')).toBe('1.0');
    expect(entries.get('kubernetes.taskmanager.cpu')).toBe('1.0');
    expect(entries.get('kubernetes.jobmanager.cpu.amount')).toBe('1.0');
  });

  test('testApplyJobManagerSpec and testTaskManagerSpec: process sizes, cpu and JobManager replicas', () => {
    const entries = built();
    expect(entries.get('jobmanager.memory.process.size')).toBe(String(2 * GIB));
    expect(entries.get('kubernetes.jobmanager.cpu.amount')).toBe('1.0');
    expect(entries.get('kubernetes.jobmanager.replicas')).toBe('2');
    expect(entries.get('taskmanager.memory.process.size')).toBe(String(2 * GIB));
    expect(entries.get('kubernetes.taskmanager.cpu.amount')).toBe('1.0');
    expect(built((d) => { d.spec.jobManager.resource.memory = '1Gi'; }).get('jobmanager.memory.process.size')).toBe(String(GIB));
  });

  test.each([
    // Flink's memory size first (units are binary: 2G is 2 GiB), then a Kubernetes quantity.
    ['2048m', 2 * GIB], ['2g', 2 * GIB], ['2gb', 2 * GIB], ['2G', 2 * GIB], ['2 g', 2 * GIB],
    ['2048Mi', 2 * GIB], ['2gi', 2 * GIB], ['2gib', 2 * GIB], ['2Gi', 2 * GIB], ['2 Gi', 2 * GIB],
    ['512m', 512 * 1024 * 1024], ['512mi', 512 * 1024 * 1024], ['1024m', GIB], ['1024mi', GIB],
    ['1000000b', 1_000_000], ['1000000 b', 1_000_000], ['1e6', 1_000_000], ['1e6 b', 1_000_000],
  ])('testTaskManagerSpecWith memory %p: %p bytes', (memory, bytes) => {
    expect(built((d) => { d.spec.taskManager.resource.memory = memory; }).get('taskmanager.memory.process.size')).toBe(String(bytes));
  });

  test('testApplyJobOrSessionSpec: an application', () => {
    const entries = built((d) => { d.spec.job.allowNonRestoredState = true; d.spec.job.args = ['--test', '123']; });
    expect(entries.get('execution.savepoint.ignore-unclaimed-state')).toBe('true');
    expect(entries.get('execution.target')).toBe('kubernetes-application');
    expect(entries.get('pipeline.jars')).toBe('local:///tmp/sample.jar');
    expect(entries.get('parallelism.default')).toBe('2');
    expect(entries.get('$internal.application.program-args')).toBe('--test;123');
  });

  test('testApplyJobOrSessionSpec: with TaskManager replicas, replicas x slots; the job defaults', () => {
    const entries = built((d) => { d.spec.taskManager.replicas = 3; d.spec.flinkConfiguration['taskmanager.numberOfTaskSlots'] = '4'; });
    expect(entries.get('parallelism.default')).toBe('12');
    expect(entries.get('execution.submit-failed-job-on-application-error')).toBe('true');
    expect(entries.get('execution.shutdown-on-application-finish')).toBe('false');
    expect(entries.get('pipeline.name')).toBe('test-cluster');
  });

  test('testApplyJobOrSessionSpec: last-state gets a checkpoint interval of 5 minutes where none is set', () => {
    expect(built((d) => { d.spec.job.upgradeMode = 'last-state'; }).get('execution.checkpointing.interval')).toBe('5 min');
    expect(built((d) => {
      d.spec.job.upgradeMode = 'last-state';
      d.spec.flinkConfiguration['execution.checkpointing.interval'] = '1 min';
    }).get('execution.checkpointing.interval')).toBe('1 min');
  });

  test('applyJobConfig: every job, not only last-state, retains its externalized checkpoints on cancellation where unset', () => {
    const retention = 'execution.checkpointing.externalized-checkpoint-retention';
    expect(built().get(retention)).toBe('RETAIN_ON_CANCELLATION');
    expect(built((d) => { d.spec.job.upgradeMode = 'savepoint'; }).get(retention)).toBe('RETAIN_ON_CANCELLATION');
    expect(built((d) => { d.spec.flinkConfiguration[retention] = 'DELETE_ON_CANCELLATION'; }).get(retention)).toBe('DELETE_ON_CANCELLATION');
    expect(built((d) => { delete d.spec.job; }).has(retention)).toBe(false);
  });

  test('testApplyJobOrSessionSpecWithNoJar', () => {
    expect(built((d) => { delete d.spec.job.jarURI; }).has('pipeline.jars')).toBe(false);
  });

  test('testAllowNonRestoredStateInSpecOverrideInFlinkConf: the spec field wins', () => {
    expect(built((d) => {
      d.spec.job.allowNonRestoredState = false;
      d.spec.flinkConfiguration['execution.savepoint.ignore-unclaimed-state'] = 'true';
    }).get('execution.savepoint.ignore-unclaimed-state')).toBe('false');
    expect(built((d) => {
      d.spec.job.allowNonRestoredState = true;
      d.spec.flinkConfiguration['execution.savepoint.ignore-unclaimed-state'] = 'false';
    }).get('execution.savepoint.ignore-unclaimed-state')).toBe('true');
  });

  test('testApplyStandaloneApplicationSpec', () => {
    const standalone = (d: any) => {
      d.spec.mode = 'standalone';
      d.spec.job.entryClass = 'entry.class';
      d.spec.job.jarURI = 'local:///flink/opt/StateMachine.jar';
    };
    const entries = built((d) => { standalone(d); d.spec.taskManager.replicas = 3; });
    expect(entries.get('execution.target')).toBe('remote');
    expect(entries.get('kubernetes.internal.cluster-mode')).toBe('APPLICATION');
    expect(entries.get('parallelism.default')).toBe('6');
    expect(entries.get('$internal.application.main')).toBe('entry.class');
    expect(entries.get('kubernetes.internal.taskmanager.replicas')).toBe('3');
    expect(entries.get('pipeline.classpaths')).toBe('file:///flink/opt/StateMachine.jar');
    expect(built((d) => { standalone(d); d.spec.job.parallelism = 10; }).get('kubernetes.internal.taskmanager.replicas')).toBe('5');
    expect(built((d) => {
      standalone(d);
      d.spec.job.parallelism = 10;
      d.spec.flinkConfiguration['pipeline.jobvertex-parallelism-overrides'] = 'vertex1:10,vertex2:20';
    }).get('kubernetes.internal.taskmanager.replicas')).toBe('10');
  });

  test('testApplyStandaloneSessionSpec', () => {
    const entries = built((d) => { d.spec.mode = 'standalone'; delete d.spec.job; d.spec.taskManager.replicas = 5; });
    expect(entries.get('execution.target')).toBe('remote');
    expect(entries.get('kubernetes.internal.cluster-mode')).toBe('SESSION');
    expect(entries.get('kubernetes.internal.taskmanager.replicas')).toBe('5');
  });

  test('testParallelismOverridesOnlyAppliedForStandaloneMode', () => {
    const overrides = (mode: string) => built((d) => {
      d.spec.mode = mode;
      d.spec.job.parallelism = 5;
      d.spec.flinkConfiguration['pipeline.jobvertex-parallelism-overrides'] = 'vertex1:10,vertex2:20';
    }).get('parallelism.default');
    expect(overrides('standalone')).toBe('20');
    expect(overrides('native')).toBe('5');
  });

  test('testBuildFrom: the namespace and cluster id (and the HA cluster id) come from metadata', () => {
    const entries = built();
    expect(entries.get('kubernetes.namespace')).toBe('flink-operator-test');
    expect(entries.get('kubernetes.cluster-id')).toBe('test-cluster');
    expect(entries.get('high-availability.cluster-id')).toBe('test-cluster');
  });

  test("the operator's defaults lie under the user's keys, and a spec field replaces a user key, recorded", () => {
    const deployment = base();
    deployment.spec.flinkConfiguration['taskmanager.memory.process.size'] = '4096m';
    const configuration = buildDeploymentConfiguration(new Map([['taskmanager.numberOfTaskSlots', '8'], ['pipeline.name', 'x']]), deployment);
    expect(configuration.entries.get('taskmanager.numberOfTaskSlots')).toBe('2');
    expect(configuration.entries.get('pipeline.name')).toBe('x');
    expect(configuration.replaced).toEqual([
      { key: 'taskmanager.memory.process.size', configured: '4096m', value: String(2 * GIB), by: 'spec.taskManager.resource.memory' },
    ]);
    expect(configuration.sources.get('taskmanager.memory.process.size')).toBe('spec.taskManager.resource.memory');
    expect(configuration.sources.get('taskmanager.numberOfTaskSlots')).toBe('spec.flinkConfiguration');
  });
});

describe("Flink's legacy loader (GlobalConfigurationTest.testConfigurationWithLegacyYAML)", () => {
  test('reads key: value lines: comments, separators, trimming, empty parts, and the last of a duplicate', () => {
    const read = readLegacyFile([
      'mykey1: myvalue1',
      'mykey2       : myvalue2',
      'mykey3:myvalue3',
      'nonsense',
      ' :  ',
      '',
      'mykey4: myvalue4# some comments',
      '   mykey5    :    myvalue5    ',
      'mykey6: my: value6',
      'mykey7: ',
      ': myvalue8',
      'mykey9: myvalue9',
      'mykey9: myvalue10',
    ]);
    expect(Object.fromEntries(read)).toEqual({
      mykey1: 'myvalue1', mykey2: 'myvalue2', mykey4: 'myvalue4', mykey5: 'myvalue5', mykey6: 'my: value6', mykey9: 'myvalue10',
    });
  });

  test('the operator writes flink-conf.yaml before Flink 2.0 and config.yaml from 2.0', () => {
    expect(configurationFileName(FlinkVersion.V1_20)).toBe('flink-conf.yaml');
    expect(configurationFileName(FlinkVersion.V2_0)).toBe('config.yaml');
  });

  test('what a Flink 1.x cluster reads of its file: a spaced key overrides, a line break injects, # cuts, the pods\' addresses are left out', () => {
    const entries = new Map([
      ['kubernetes.cluster-id', 'orders'],
      [' kubernetes.cluster-id', 'other'],
      ['pipeline.name', 'a\nstate.backend.type: hashmap'],
      ['s3.secret-key', 'abc#def'],
      ['rest.bind-address', '0.0.0.0'],
    ]);
    expect(legacyFileLines(entries)).toEqual([
      'kubernetes.cluster-id: orders', ' kubernetes.cluster-id: other', 'pipeline.name: a', 'state.backend.type: hashmap', 's3.secret-key: abc#def',
    ]);
    expect(Object.fromEntries(entriesFlinkReads(entries, FlinkVersion.V1_20))).toEqual({
      'kubernetes.cluster-id': 'other', 'pipeline.name': 'a', 'state.backend.type': 'hashmap', 's3.secret-key': 'abc',
    });
    expect(Object.fromEntries(entriesFlinkReads(entries, FlinkVersion.V2_0))).toEqual({
      'kubernetes.cluster-id': 'orders', ' kubernetes.cluster-id': 'other', 'pipeline.name': 'a\nstate.backend.type: hashmap', 's3.secret-key': 'abc#def',
    });
  });
});

describe('the facts derived from the model', () => {
  const model = (change: (deployment: any) => void = () => {}) => {
    const deployment = base();
    change(deployment);
    return DeploymentModel.of(new Map(), deployment);
  };

  test('an application runs at replicas x slots when the replicas are set, and its own parallelism is ignored', () => {
    expect(model().parallelism).toEqual({ value: 2, source: 'spec.job.parallelism', ignored: undefined });
    expect(model((d) => { d.spec.taskManager.replicas = 2; d.spec.job.parallelism = 8; }).parallelism)
      .toEqual({ value: 4, source: 'spec.taskManager.replicas', ignored: 8 });
  });

  test('native clusters start TaskManagers on demand; standalone ones have a fixed count', () => {
    expect(model((d) => { d.spec.taskManager.replicas = 2; }).taskManagers).toMatchObject({ fixed: false, maxSlots: undefined });
    expect(model((d) => { d.spec.flinkConfiguration['slotmanager.number-of-slots.max'] = '6'; }).taskManagers).toMatchObject({ fixed: false, maxSlots: 6 });
    expect(model((d) => { d.spec.mode = 'standalone'; d.spec.taskManager.replicas = 3; }).taskManagers).toMatchObject({ fixed: true, count: 3, maxSlots: 6 });
  });

  test("the processes' accounts: a JobManager or TaskManager key beats spec.serviceAccount", () => {
    expect(model().jobManagerAccount).toBe('flink-operator');
    expect(model().taskManagerAccount).toBe('flink-operator');
    const own = model((d) => { d.spec.flinkConfiguration['kubernetes.jobmanager.service-account'] = 'jm'; });
    expect(own.jobManagerAccount).toBe('jm');
    expect(own.taskManagerAccount).toBe('flink-operator');
  });
});

describe('what Flink reads differently from what the operator writes (read-differences.ts)', () => {
  const entries = new Map([
    ['kubernetes.cluster-id', 'orders'],
    [' kubernetes.cluster-id', 'other'],
    ['pipeline.name', 'a\nstate.backend.type: hashmap'],
    ['s3.secret-key', 'abc#def'],
    ['rest.bind-address', '0.0.0.0'],
    ['parallelism.default', '2'],
  ]);

  test('Flink 1.x: the spaced key, the line break, the # and the left-out address, each with why', () => {
    const differences = readDifferences(entries, FlinkVersion.V1_20);
    expect(differences.map(({ key, readKey, readValue }) => ({ key, readKey, readValue }))).toEqual([
      { key: 'kubernetes.cluster-id', readKey: 'kubernetes.cluster-id', readValue: 'orders' },
      { key: ' kubernetes.cluster-id', readKey: 'kubernetes.cluster-id', readValue: 'other' },
      { key: 'pipeline.name', readKey: 'pipeline.name', readValue: 'a' },
      { key: 's3.secret-key', readKey: 's3.secret-key', readValue: 'abc' },
      { key: 'rest.bind-address', readKey: undefined, readValue: undefined },
    ]);
    const reason = (key: string) => differences.find((difference) => difference.key === key)!.reason;
    expect(reason('kubernetes.cluster-id')).toContain("' kubernetes.cluster-id' is read as 'kubernetes.cluster-id' too");
    expect(reason(' kubernetes.cluster-id')).toContain('the loader trims the key');
    expect(reason('pipeline.name')).toContain("the next line is read as the key 'state.backend.type'");
    expect(differences.find((difference) => difference.key === 'pipeline.name')!.readKeys).toEqual(['pipeline.name', 'state.backend.type']);
    expect(reason('s3.secret-key')).toBe("the loader cuts the value at '#'");
    expect(reason('rest.bind-address')).toBe('the operator leaves it out of the configuration file');
  });

  test('Flink 2.x reads config.yaml as written: only the left-out entries differ', () => {
    expect(readDifferences(entries, FlinkVersion.V2_0).map((difference) => difference.key)).toEqual(['rest.bind-address']);
  });
});

/**
 * A session job's configuration, as `FlinkConfigManager.getSessionJobConfig` builds it (operator
 * release-1.15.0): the cluster's observe configuration, the job's flinkConfiguration, applyJobConfig.
 */
describe("a session job's configuration and submission (session-job-configuration.ts)", () => {
  const cluster = (version: string) => {
    const deployment = base();
    delete deployment.spec.job;
    deployment.spec.flinkVersion = version;
    deployment.metadata.name = 'session';
    return deployment;
  };
  const job = (spec: any = {}) => ({
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkSessionJob',
    metadata: { name: 'orders', namespace: 'flink-operator-test' },
    spec: { deploymentName: 'session', job: { jarURI: 'https://example.com/job.jar', upgradeMode: 'stateless', ...spec.job }, ...spec.top },
  });

  test("the cluster's entries, tagged as the cluster's, then the job's own, then applyJobConfig", () => {
    const manifest = job({ top: { flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '4', 'x.y': 'z' } }, job: { entryClass: 'Main', args: ['--a', 'b'] } });
    expect(crdSchemaErrors(manifest)).toEqual([]);
    const model = SessionJobModel.of(new Map(), cluster('v1_18'), manifest);
    const { entries, sources } = model.built;
    expect(entries.get('kubernetes.cluster-id')).toBe('session');
    expect(sources.get('kubernetes.cluster-id')).toBe('cluster metadata.name');
    expect(entries.get('taskmanager.numberOfTaskSlots')).toBe('4');
    expect(sources.get('taskmanager.numberOfTaskSlots')).toBe('spec.flinkConfiguration');
    expect(entries.get('pipeline.name')).toBe('orders');
    expect(entries.get('$internal.application.main')).toBe('Main');
    expect(entries.get('$internal.application.program-args')).toBe('--a;b');
    expect(model.submission).toEqual({ entryClass: 'Main', args: ['--a', 'b'], parallelism: undefined, allowNonRestoredState: undefined, configurationSent: true });
  });

  test('JarRun: the parallelism sent when above 0, else parallelism.default of the configuration sent (from 1.17), else 1', () => {
    expect(SessionJobModel.of(new Map(), cluster('v1_18'), job({ job: { parallelism: 3 } })).parallelism).toEqual({ value: 3, source: 'spec.job.parallelism' });
    const byDefault = SessionJobModel.of(new Map(), cluster('v1_18'), job({ top: { flinkConfiguration: { 'parallelism.default': '5' } } }));
    expect(byDefault.parallelism).toEqual({ value: 5, source: "'parallelism.default' (spec.flinkConfiguration)" });
    const old = SessionJobModel.of(new Map(), cluster('v1_16'), job({ top: { flinkConfiguration: { 'parallelism.default': '5' } } }));
    expect(old.submission.configurationSent).toBe(false);
    expect(old.parallelism.value).toBe(1);
  });

  test("the cluster's savepoint directory (its current spec) under its main key; unknown cluster: the operator's defaults", () => {
    const model = SessionJobModel.of(new Map(), cluster('v1_18'), job());
    expect(model.built.entries.get('execution.checkpointing.savepoint-dir')).toBe('test-savepoint-dir');
    const alone = SessionJobModel.of(new Map([['a.b', 'c']]), undefined, job());
    expect(alone.cluster).toBeUndefined();
    expect(alone.built.entries.get('a.b')).toBe('c');
    expect(alone.built.sources.get('a.b')).toBe('operator');
  });
});
