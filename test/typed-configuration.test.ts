/**
 * Typed configuration: every prop lands in flinkConfiguration under the key the cluster's Flink
 * version reads. The expected keys are written out here from Flink's release notes, not taken
 * from the library's own table:
 * - FLINK-29372 (1.17): `.type` suffixes for high availability, restart strategy, state backend;
 * - FLIP-406 / FLINK-34255 (1.20): `execution.checkpointing.dir`, `.savepoint-dir`, `.incremental`;
 * - FLINK-35359 (1.20): heartbeat options became durations (milliseconds before);
 * - FLINK-33735 / FLINK-33656 (1.19): exponential-delay attempts-before-reset-backoff.
 */
import * as fs from 'fs';
import { Chart, Duration, Size } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  CheckpointingMode,
  CheckpointRetention,
  FileSystemPlugin,
  FlinkClusterProps,
  FlinkSessionCluster,
  FlinkSessionJob,
  FlinkVersion,
  HighAvailability,
  JobJar,
  JobManagerMemoryComponents,
  RestartStrategy,
  RuntimeMode,
  StateBackend,
  TaskManagerMemoryComponents,
  UpgradeMode,
} from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';
import { propErrorOf } from './support/prop-errors';
import { renderedDocument, DOC } from '../scripts/render-configuration-keys';
import { clusterConfigurationEntries, JOB_MANAGER_COMPONENT_OPTIONS, TASK_MANAGER_COMPONENT_OPTIONS } from '../src/render/typed-configuration';

const ALL_VERSIONS = ['v1_15', 'v1_16', 'v1_17', 'v1_18', 'v1_19', 'v1_20', 'v2_0', 'v2_1', 'v2_2'].map((name) => FlinkVersion.of(name));
const at = (version: FlinkVersion, major: number, minor: number) => version.major > major || (version.major === major && version.minor >= minor);

function configurationOf(props: Partial<FlinkClusterProps>, flinkVersion: FlinkVersion = FlinkVersion.V1_20): { [key: string]: string } {
  const chart = testChart();
  new FlinkSessionCluster(chart, 'Session', {
    flinkVersion,
    image: `flink:${flinkVersion.major}.${flinkVersion.minor}.0`,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    ...props,
  });
  return manifestOf(synthValid(chart), 'FlinkDeployment', 'session').spec.flinkConfiguration;
}

const EVERYTHING: Partial<FlinkClusterProps> = {
  taskManager: {
    slots: 4,
    memory: Size.mebibytes(4096),
    memoryComponents: {
      managedFraction: 0.3,
      networkMin: Size.mebibytes(128),
      networkMax: Size.mebibytes(512),
      networkFraction: 0.15,
      taskOffHeap: Size.mebibytes(64),
      frameworkHeap: Size.mebibytes(128),
      frameworkOffHeap: Size.mebibytes(128),
      jvmMetaspace: Size.mebibytes(320),
      jvmOverheadMin: Size.mebibytes(256),
      jvmOverheadMax: Size.gibibytes(1),
      jvmOverheadFraction: 0.1,
    },
  },
  jobManager: { memory: Size.mebibytes(2048), memoryComponents: { offHeap: Size.mebibytes(256), jvmMetaspace: Size.mebibytes(256) } },
  heartbeat: { interval: Duration.seconds(10), timeout: Duration.minutes(2) },
  checkpointing: {
    interval: Duration.minutes(1),
    mode: CheckpointingMode.AT_LEAST_ONCE,
    timeout: Duration.minutes(10),
    minPause: Duration.seconds(30),
    maxConcurrent: 1,
    externalizedRetention: CheckpointRetention.RETAIN_ON_CANCELLATION,
    incremental: true,
    directory: 's3://flink/checkpoints',
  },
  stateBackend: { type: StateBackend.ROCKSDB },
  savepoints: { directory: 's3://flink/savepoints' },
  highAvailability: HighAvailability.kubernetes({ storageDirectory: 's3://flink/ha' }),
  fileSystemPlugins: [FileSystemPlugin.S3_HADOOP],
  restartStrategy: RestartStrategy.fixedDelay({ attempts: 3, delay: Duration.seconds(10) }),
  metrics: { prometheusPort: 9249 },
};

/** The keys and values each version should get for EVERYTHING. */
function expected(version: FlinkVersion): { [key: string]: string } {
  const v117 = at(version, 1, 17);
  const v120 = at(version, 1, 20);
  return {
    'taskmanager.numberOfTaskSlots': '4',
    'taskmanager.memory.managed.fraction': '0.3',
    'taskmanager.memory.network.min': '128m',
    'taskmanager.memory.network.max': '512m',
    'taskmanager.memory.network.fraction': '0.15',
    'taskmanager.memory.task.off-heap.size': '64m',
    'taskmanager.memory.framework.heap.size': '128m',
    'taskmanager.memory.framework.off-heap.size': '128m',
    'taskmanager.memory.jvm-metaspace.size': '320m',
    'taskmanager.memory.jvm-overhead.min': '256m',
    'taskmanager.memory.jvm-overhead.max': '1024m',
    'taskmanager.memory.jvm-overhead.fraction': '0.1',
    'jobmanager.memory.off-heap.size': '256m',
    'jobmanager.memory.jvm-metaspace.size': '256m',
    'heartbeat.interval': v120 ? '10s' : '10000',
    'heartbeat.timeout': v120 ? '2min' : '120000',
    'execution.checkpointing.interval': '1min',
    'execution.checkpointing.mode': 'AT_LEAST_ONCE',
    'execution.checkpointing.timeout': '10min',
    'execution.checkpointing.min-pause': '30s',
    'execution.checkpointing.max-concurrent-checkpoints': '1',
    'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION',
    [v120 ? 'execution.checkpointing.incremental' : 'state.backend.incremental']: 'true',
    [v117 ? 'state.backend.type' : 'state.backend']: 'rocksdb',
    [v120 ? 'execution.checkpointing.dir' : 'state.checkpoints.dir']: 's3://flink/checkpoints',
    [v120 ? 'execution.checkpointing.savepoint-dir' : 'state.savepoints.dir']: 's3://flink/savepoints',
    [v117 ? 'high-availability.type' : 'high-availability']: v117 ? 'kubernetes' : 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory',
    'high-availability.storageDir': 's3://flink/ha',
    [v117 ? 'restart-strategy.type' : 'restart-strategy']: 'fixed-delay',
    'restart-strategy.fixed-delay.attempts': '3',
    'restart-strategy.fixed-delay.delay': '10s',
    'metrics.reporter.prom.factory.class': 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory',
    'metrics.reporter.prom.port': '9249',
  };
}

describe('typed configuration', () => {
  test.each(ALL_VERSIONS.map((v) => [v.name, v]))('Flink %s gets the keys it reads', (_name, version) => {
    expect(configurationOf(EVERYTHING, version)).toEqual(expected(version));
  });

  test.each([
    ['exponential-delay', RestartStrategy.exponentialDelay({ initialBackoff: Duration.seconds(1), maxBackoff: Duration.minutes(2), backoffMultiplier: 2, resetBackoffThreshold: Duration.hours(1), jitterFactor: 0.1 }), {
      'restart-strategy.type': 'exponential-delay',
      'restart-strategy.exponential-delay.initial-backoff': '1s',
      'restart-strategy.exponential-delay.max-backoff': '2min',
      'restart-strategy.exponential-delay.backoff-multiplier': '2',
      'restart-strategy.exponential-delay.reset-backoff-threshold': '1h',
      'restart-strategy.exponential-delay.jitter-factor': '0.1',
    }],
    ['failure-rate', RestartStrategy.failureRate({ maxFailuresPerInterval: 3, failureRateInterval: Duration.minutes(5), delay: Duration.seconds(10) }), {
      'restart-strategy.type': 'failure-rate',
      'restart-strategy.failure-rate.max-failures-per-interval': '3',
      'restart-strategy.failure-rate.failure-rate-interval': '5min',
      'restart-strategy.failure-rate.delay': '10s',
    }],
    ['none', RestartStrategy.none(), { 'restart-strategy.type': 'none' }],
  ])('restart strategy %s', (_name, restartStrategy, keys) => {
    expect(configurationOf({ restartStrategy })).toEqual(keys);
  });

  test('attempts before reset backoff exists from Flink 1.19', () => {
    const restartStrategy = RestartStrategy.exponentialDelay({ attemptsBeforeResetBackoff: 5 });
    expect(configurationOf({ restartStrategy }, FlinkVersion.V1_19)['restart-strategy.exponential-delay.attempts-before-reset-backoff']).toBe('5');
    expect(() => configurationOf({ restartStrategy }, FlinkVersion.V1_18))
      .toThrow(/'restartStrategy \(attemptsBeforeResetBackoff\)' is not available in Flink 1.18 \(it needs Flink 1.19 or newer\)/);
  });

  test('the Prometheus port is declared on the Flink main container', () => {
    const chart = testChart();
    new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, metrics: { prometheusPort: 9250 } });
    const template = manifestOf(synthValid(chart), 'FlinkDeployment', 'session').spec.podTemplate;
    expect(template.spec.containers[0]).toMatchObject({ name: 'flink-main-container', ports: [{ name: 'metrics', containerPort: 9250, protocol: 'TCP' }] });
  });

  test('a raw key that collides with a typed prop is an error that names both', () => {
    expect(() => configurationOf({
      flinkConfiguration: { 'execution.checkpointing.interval': '10s' },
      checkpointing: { interval: Duration.minutes(1) },
    })).toThrow(/'execution.checkpointing.interval' is set to '10s' by 'flinkConfiguration' and again by 'checkpointing.interval' to '1min'/);
    expect(() => configurationOf({
      flinkConfiguration: { 'restart-strategy.type': 'none' },
      restartStrategy: RestartStrategy.fixedDelay({ attempts: 2 }),
    })).toThrow(/'restart-strategy.type' is set to 'none' by 'flinkConfiguration' and again by 'restartStrategy' to 'fixed-delay'/);
  });

  test.each([
    ['a managed fraction of 1', { taskManager: { memoryComponents: { managedFraction: 1 } } }, /'taskManager.memoryComponents.managedFraction' must be a fraction from 0 \(inclusive\) to 1 \(exclusive\) \(got 1\)/],
    ['a negative network fraction', { taskManager: { memoryComponents: { networkFraction: -0.1 } } }, /'taskManager.memoryComponents.networkFraction' must be a fraction/],
    ['a checkpoint interval below 10 ms', { checkpointing: { interval: Duration.millis(5) } }, /'checkpointing.interval' must be at least 10 ms/],
    ['a heartbeat timeout below the interval', { heartbeat: { interval: Duration.seconds(30), timeout: Duration.seconds(10) } }, /'heartbeat.timeout' \(10000 ms\) is shorter than 'heartbeat.interval' \(30000 ms\): Flink refuses to start/],
    ['a heartbeat interval above the default timeout', { heartbeat: { interval: Duration.minutes(1) } }, /'heartbeat.timeout' \(50000 ms, the default\) is shorter than 'heartbeat.interval' \(60000 ms\)/],
    ['a checkpoint directory without scheme', { checkpointing: { interval: Duration.minutes(1), directory: '/checkpoints' } }, /'checkpointing.directory' must be a URI with a scheme/],
    ['a savepoint directory without scheme', { savepoints: { directory: 'savepoints' } }, /'savepoints.directory' must be a URI/],
    ['a Prometheus port of 0', { metrics: { prometheusPort: 0 } }, /'metrics.prometheusPort' must be a port number from 1 to 65535 \(got 0\)/],
    ['zero concurrent checkpoints', { checkpointing: { interval: Duration.minutes(1), maxConcurrent: 0 } }, /'checkpointing.maxConcurrent' must be a whole number of at least 1/],
    ['a fractional memory size', { jobManager: { memoryComponents: { offHeap: Size.kibibytes(0.0001) } } }, /'jobManager.memoryComponents.offHeap' must be a positive whole number of bytes/],
  ])('rejects %s', (_what, props, message) => {
    expect(() => configurationOf(props as Partial<FlinkClusterProps>)).toThrow(message);
  });

  test('value classes refuse bad input', () => {
    expect(() => HighAvailability.kubernetes({ storageDirectory: 'ha' })).toThrow(/'storageDirectory' must be a URI with a scheme/);
    expect(() => RestartStrategy.fixedDelay({ attempts: -1 })).toThrow(/'attempts' must be a whole number of at least 0/);
    expect(() => RestartStrategy.exponentialDelay({ backoffMultiplier: 0.5 })).toThrow(/'backoffMultiplier' must be at least 1/);
    expect(() => RestartStrategy.exponentialDelay({ jitterFactor: 2 })).toThrow(/'jitterFactor' must be from 0 to 1/);
    expect(() => RestartStrategy.failureRate({ maxFailuresPerInterval: 0 })).toThrow(/'maxFailuresPerInterval' must be a whole number of at least 1/);
  });

  test('NO_EXTERNALIZED_CHECKPOINTS needs Flink 1.15', () => {
    const checkpointing = { interval: Duration.minutes(1), externalizedRetention: CheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS };
    expect(() => configurationOf({ checkpointing }, FlinkVersion.of('v1_14')))
      .toThrow(/NO_EXTERNALIZED_CHECKPOINTS needs Flink 1.15/);
  });
});

describe('typed job settings of session jobs', () => {
  const JAR = 'https://repo1.maven.org/maven2/org/example/job.jar';

  test.each([[FlinkVersion.V1_18, 'state.checkpoints.dir'], [FlinkVersion.V2_0, 'execution.checkpointing.dir']])(
    'follow the cluster version %s', (flinkVersion, directoryKey) => {
      const chart = testChart();
      new FlinkSessionCluster(chart, 'Session', { flinkVersion, image: `flink:${flinkVersion.major}.${flinkVersion.minor}.0`, fileSystemPlugins: [FileSystemPlugin.S3_HADOOP] }).addJob('Job', {
        jar: JobJar.fromUri(JAR),
        checkpointing: { interval: Duration.seconds(30), directory: 's3://flink/cp' },
        restartStrategy: RestartStrategy.none(),
        upgradeMode: UpgradeMode.LAST_STATE,
      });
      expect(manifestOf(synthValid(chart), 'FlinkSessionJob', 'job').spec.flinkConfiguration).toEqual({
        'execution.checkpointing.interval': '30s',
        [directoryKey]: 's3://flink/cp',
        'restart-strategy.type': 'none',
      });
    });

  test('a cluster imported without its version cannot take typed settings', () => {
    const chart = testChart();
    const cluster = FlinkSessionCluster.fromName(chart, 'Shared', 'shared');
    expect(() => new FlinkSessionJob(chart, 'Job', { cluster, jar: JobJar.fromUri(JAR), checkpointing: { interval: Duration.minutes(1) } }))
      .toThrow(/need the Flink version of session cluster 'shared'.*FlinkSessionCluster\.fromName\(scope, id, name, \{ flinkVersion \}\)/);
    const known = FlinkSessionCluster.fromName(chart, 'Known', 'shared', { namespace: 'flink', flinkVersion: FlinkVersion.V1_17 });
    const job = new FlinkSessionJob(chart, 'Job2', { cluster: known, jar: JobJar.fromUri(JAR), restartStrategy: RestartStrategy.fixedDelay({ attempts: 1 }) });
    expect(job.namespace).toBe('flink');
    expect(manifestOf(chart.toJson(), 'FlinkSessionJob', 'job2').spec.flinkConfiguration).toEqual({
      'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '1',
    });
  });

  test('before Flink 1.17 a session job takes no setting that only Flink reads: the operator would not send it', () => {
    const chart = testChart();
    const old = FlinkSessionCluster.fromName(chart, 'Old', 'old', { namespace: 'flink', flinkVersion: FlinkVersion.V1_16 });
    const job = (id: string, options: object) => new FlinkSessionJob(chart, id, { cluster: old, jar: JobJar.fromUri(JAR), ...options });
    expect(() => job('A', { restartStrategy: RestartStrategy.fixedDelay({ attempts: 1 }) }))
      .toThrow(/^test\/A: 'restartStrategy' never reaches Flink: session cluster 'old' runs Flink 1.16, and the operator sends a session job's configuration with the job only from Flink 1.17/);
    expect(() => job('B', { checkpointing: { interval: Duration.minutes(1) }, flinkConfiguration: { 'pipeline.name': 'orders' } }))
      .toThrow(/'checkpointing', 'flinkConfiguration' key 'pipeline.name' never reach Flink/);
    // Every typed group that writes a key only Flink reads, not only checkpointing and the restart strategy.
    expect(propErrorOf(() => job('D', { stateBackend: { type: StateBackend.ROCKSDB } }))).toMatchObject({ prop: 'stateBackend' });
    expect(propErrorOf(() => job('E', { execution: { runtimeMode: RuntimeMode.STREAMING } }))).toMatchObject({ prop: 'execution' });
    expect(() => job('F', { stateBackend: { type: StateBackend.ROCKSDB }, execution: { runtimeMode: RuntimeMode.STREAMING } }))
      .toThrow(/'stateBackend', 'execution' never reach Flink/);
    // The operator's own keys and the savepoint directory (which it sends with each savepoint) work.
    job('C', { savepoints: { directory: 's3://flink/savepoints', historyMaxCount: 3 }, flinkConfiguration: { 'kubernetes.operator.savepoint.format.type': 'NATIVE' }, upgradeMode: UpgradeMode.SAVEPOINT });
    expect(manifestOf(chart.toJson(), 'FlinkSessionJob', 'c').spec.flinkConfiguration).toEqual({
      'state.savepoints.dir': 's3://flink/savepoints',
      'kubernetes.operator.savepoint.history.max.count': '3',
      'kubernetes.operator.savepoint.format.type': 'NATIVE',
    });
  });

  test("a job's raw key that collides with its typed setting names both", () => {
    const chart: Chart = testChart();
    expect(() => new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 }).addJob('Job', {
      jar: JobJar.fromUri(JAR),
      flinkConfiguration: { 'execution.checkpointing.interval': '5s' },
      checkpointing: { interval: Duration.seconds(30) },
    })).toThrow(/'execution.checkpointing.interval' is set to '5s' by 'flinkConfiguration' and again by 'checkpointing.interval' to '30s'/);
  });
});

describe('memory components', () => {
  // `Required<...>`: a field added to either interface must be added here too, or this file does not compile.
  const taskManager: Required<TaskManagerMemoryComponents> = {
    totalFlink: Size.mebibytes(1001),
    taskHeap: Size.mebibytes(1002),
    taskOffHeap: Size.mebibytes(1003),
    frameworkHeap: Size.mebibytes(1004),
    frameworkOffHeap: Size.mebibytes(1005),
    managedSize: Size.mebibytes(1006),
    managedFraction: 0.11,
    networkMin: Size.mebibytes(1007),
    networkMax: Size.mebibytes(1008),
    networkFraction: 0.12,
    jvmMetaspace: Size.mebibytes(1009),
    jvmOverheadMin: Size.mebibytes(1010),
    jvmOverheadMax: Size.mebibytes(1011),
    jvmOverheadFraction: 0.13,
  };
  const jobManager: Required<JobManagerMemoryComponents> = {
    totalFlink: Size.mebibytes(2001),
    heap: Size.mebibytes(2002),
    offHeap: Size.mebibytes(2003),
    jvmMetaspace: Size.mebibytes(2004),
    jvmOverheadMin: Size.mebibytes(2005),
    jvmOverheadMax: Size.mebibytes(2006),
    jvmOverheadFraction: 0.21,
  };

  test('every field of both component interfaces writes its own key (Flink\'s TaskManagerOptions and JobManagerOptions)', () => {
    const props = { taskManager: { memoryComponents: taskManager }, jobManager: { memoryComponents: jobManager } } as FlinkClusterProps;
    const entries = clusterConfigurationEntries(props, FlinkVersion.V1_20);
    expect(Object.fromEntries(entries.map((entry) => [entry.source, `${entry.key}=${entry.value}`]))).toEqual({
      'taskManager.memoryComponents.totalFlink': 'taskmanager.memory.flink.size=1001m',
      'taskManager.memoryComponents.taskHeap': 'taskmanager.memory.task.heap.size=1002m',
      'taskManager.memoryComponents.taskOffHeap': 'taskmanager.memory.task.off-heap.size=1003m',
      'taskManager.memoryComponents.frameworkHeap': 'taskmanager.memory.framework.heap.size=1004m',
      'taskManager.memoryComponents.frameworkOffHeap': 'taskmanager.memory.framework.off-heap.size=1005m',
      'taskManager.memoryComponents.managedSize': 'taskmanager.memory.managed.size=1006m',
      'taskManager.memoryComponents.managedFraction': 'taskmanager.memory.managed.fraction=0.11',
      'taskManager.memoryComponents.networkMin': 'taskmanager.memory.network.min=1007m',
      'taskManager.memoryComponents.networkMax': 'taskmanager.memory.network.max=1008m',
      'taskManager.memoryComponents.networkFraction': 'taskmanager.memory.network.fraction=0.12',
      'taskManager.memoryComponents.jvmMetaspace': 'taskmanager.memory.jvm-metaspace.size=1009m',
      'taskManager.memoryComponents.jvmOverheadMin': 'taskmanager.memory.jvm-overhead.min=1010m',
      'taskManager.memoryComponents.jvmOverheadMax': 'taskmanager.memory.jvm-overhead.max=1011m',
      'taskManager.memoryComponents.jvmOverheadFraction': 'taskmanager.memory.jvm-overhead.fraction=0.13',
      'jobManager.memoryComponents.totalFlink': 'jobmanager.memory.flink.size=2001m',
      'jobManager.memoryComponents.heap': 'jobmanager.memory.heap.size=2002m',
      'jobManager.memoryComponents.offHeap': 'jobmanager.memory.off-heap.size=2003m',
      'jobManager.memoryComponents.jvmMetaspace': 'jobmanager.memory.jvm-metaspace.size=2004m',
      'jobManager.memoryComponents.jvmOverheadMin': 'jobmanager.memory.jvm-overhead.min=2005m',
      'jobManager.memoryComponents.jvmOverheadMax': 'jobmanager.memory.jvm-overhead.max=2006m',
      'jobManager.memoryComponents.jvmOverheadFraction': 'jobmanager.memory.jvm-overhead.fraction=0.21',
    });
    expect(entries).toHaveLength(Object.keys(taskManager).length + Object.keys(jobManager).length);
  });

  test('each field maps to the registry option whose prop names it', () => {
    for (const [process, options] of [['taskManager', TASK_MANAGER_COMPONENT_OPTIONS], ['jobManager', JOB_MANAGER_COMPONENT_OPTIONS]] as const) {
      for (const [field, option] of Object.entries(options)) {
        expect(option.prop).toBe(`${process}.memoryComponents.${field}`);
      }
    }
  });
});

test('docs/configuration-keys.md shows the current key table (npx projen docs:configuration-keys)', () => {
  expect(fs.readFileSync(DOC, 'utf8')).toEqual(renderedDocument());
});
