/**
 * The day-two props (issue 16): every row of the operator's lifecycle, health, snapshot and
 * autoscaler options, the ForSt backend, checkpoint retention, unaligned checkpoints and the
 * runtime mode. For each: the key it writes per Flink version, its version gate, and its range
 * rule. The expected keys are our own fixtures, written from the operator's
 * `KubernetesOperatorConfigOptions` / `AutoScalerOptions` and Flink's option classes.
 */
import { Duration, Size } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  CheckpointingMode,
  FileSystemPlugin,
  FlinkApplication,
  FlinkApplicationProps,
  FlinkClusterProps,
  FlinkSessionCluster,
  FlinkVersion,
  HighAvailability,
  JobJar,
  RuntimeMode,
  Schedule,
  StateBackend,
  UpgradeMode,
} from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';

const SUPPORTED = ['v1_15', 'v1_16', 'v1_17', 'v1_18', 'v1_19', 'v1_20', 'v2_0', 'v2_1', 'v2_2'].map((name) => FlinkVersion.of(name));

/** The configuration of a session cluster on a pinned official image with the S3 plugin, as the s3:// paths below need. */
function clusterConfig(props: Partial<FlinkClusterProps>, flinkVersion: FlinkVersion = FlinkVersion.V1_20): { [key: string]: string } {
  const chart = testChart();
  new FlinkSessionCluster(chart, 'Session', {
    flinkVersion,
    image: `flink:${flinkVersion.major}.${flinkVersion.minor}.0`,
    fileSystemPlugins: [FileSystemPlugin.S3_HADOOP],
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    ...props,
  });
  return manifestOf(synthValid(chart), 'FlinkDeployment', 'session').spec.flinkConfiguration ?? {};
}

function application(props: Partial<FlinkApplicationProps>, flinkVersion: FlinkVersion = FlinkVersion.V1_20): any {
  const chart = testChart();
  new FlinkApplication(chart, 'Orders', {
    flinkVersion,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    jar: JobJar.fromLocal('/opt/flink/usrlib/orders.jar'),
    parallelism: 2,
    ...props,
  });
  return manifestOf(synthValid(chart), 'FlinkDeployment', 'orders');
}

/** Operator options: one key, read by the operator whatever the Flink version, so no gate. */
const OPERATOR_ROWS: Array<[string, Partial<FlinkClusterProps>, { [key: string]: string }]> = [
  ['last-state fallback', { upgrades: { lastStateFallback: false } }, { 'kubernetes.operator.job.upgrade.last-state-fallback.enabled': 'false' }],
  ['max checkpoint age', { upgrades: { maxCheckpointAge: Duration.minutes(10) } }, { 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age': '10min' }],
  ['rollback and readiness', { upgrades: { rollback: true, readinessTimeout: Duration.minutes(3) }, highAvailability: HighAvailability.kubernetes({ storageDirectory: 's3://b/ha' }) }, {
    'kubernetes.operator.deployment.rollback.enabled': 'true',
    'kubernetes.operator.deployment.readiness.timeout': '3min',
  }],
  ['the cluster health check', {
    health: {
      clusterHealthCheck: true,
      restartsWindow: Duration.minutes(5),
      restartsThreshold: 10,
      checkpointProgressCheck: true,
      checkpointProgressWindow: Duration.minutes(30),
      jobManagerDeploymentRecovery: true,
    },
  }, {
    'kubernetes.operator.cluster.health-check.enabled': 'true',
    'kubernetes.operator.cluster.health-check.restarts.window': '5min',
    'kubernetes.operator.cluster.health-check.restarts.threshold': '10',
    'kubernetes.operator.cluster.health-check.checkpoint-progress.enabled': 'true',
    'kubernetes.operator.cluster.health-check.checkpoint-progress.window': '30min',
    'kubernetes.operator.jm-deployment-recovery.enabled': 'true',
  }],
  ['restart of failed jobs', { health: { restartFailedJob: true } }, { 'kubernetes.operator.job.restart.failed': 'true' }],
  ['savepoint on deletion and disposal', { snapshots: { savepointOnDeletion: true, disposeOnDelete: true } }, {
    'kubernetes.operator.job.savepoint-on-deletion': 'true',
    'kubernetes.operator.savepoint.dispose-on-delete': 'true',
  }],
  ['snapshots as resources', { snapshots: { asResources: false } }, { 'kubernetes.operator.snapshot.resource.enabled': 'false' }],
  ['periodic savepoints on a cron schedule', { snapshots: { periodicSavepoints: Schedule.cron('0 0 2 * * ?') }, savepoints: { directory: 's3://b/sp' } }, {
    'kubernetes.operator.periodic.savepoint.interval': '0 0 2 * * ?',
    'execution.checkpointing.savepoint-dir': 's3://b/sp',
  }],
];

describe('operator options: one key for every Flink version', () => {
  test.each(OPERATOR_ROWS)('%s', (_what, props, keys) => {
    for (const version of SUPPORTED) {
      const config = clusterConfig(props, version);
      for (const [key, value] of Object.entries(keys)) {
        const expectedKey = key === 'execution.checkpointing.savepoint-dir' && !version.isAtLeast(FlinkVersion.V1_20) ? 'state.savepoints.dir' : key;
        expect([version.name, expectedKey, config[expectedKey]]).toEqual([version.name, expectedKey, value]);
      }
    }
  });

  test('periodic checkpoints on a fixed interval, and their gate: Flink 1.17', () => {
    expect(clusterConfig({ snapshots: { periodicCheckpoints: Schedule.every(Duration.hours(6)) } }, FlinkVersion.V1_17))
      .toEqual({ 'kubernetes.operator.periodic.checkpoint.interval': '6h' });
    expect(() => clusterConfig({ snapshots: { periodicCheckpoints: Schedule.every(Duration.hours(6)) } }, FlinkVersion.V1_16))
      .toThrow(/'snapshots.periodicCheckpoints' is not available in Flink 1.16 \(it needs Flink 1.17 or newer\)/);
  });
});

describe('ranges and cross-option rules', () => {
  test.each([
    ['a zero max checkpoint age', { upgrades: { maxCheckpointAge: Duration.seconds(0) } }, /'upgrades.maxCheckpointAge' must be a positive whole number of milliseconds \(got 0 ms\)/],
    ['a restart threshold of 0', { health: { restartsThreshold: 0 } }, /'health.restartsThreshold' must be a whole number of at least 1 \(got 0\)/],
    ['a fractional restart threshold', { health: { restartsThreshold: 2.5 } }, /got 2.5/],
    ['the health check without JobManager recovery', { health: { clusterHealthCheck: true, jobManagerDeploymentRecovery: false } },
      /'health.clusterHealthCheck' needs 'health.jobManagerDeploymentRecovery'/],
    ['a zero restarts window', { health: { restartsWindow: Duration.seconds(0) } }, /'health.restartsWindow' must be a positive/],
    ['retained checkpoints of 0', { checkpointing: { retainedCheckpoints: 0 } }, /'checkpointing.retainedCheckpoints' must be a whole number of at least 1 \(got 0\)/],
    ['unaligned at-least-once checkpoints', { checkpointing: { unaligned: true, mode: CheckpointingMode.AT_LEAST_ONCE } },
      /'checkpointing.unaligned' needs 'checkpointing.mode' EXACTLY_ONCE and 'checkpointing.maxConcurrent' 1 \(got AT_LEAST_ONCE and 1\)/],
    ['unaligned concurrent checkpoints', { checkpointing: { unaligned: true, maxConcurrent: 2 } }, /got EXACTLY_ONCE and 2/],
  ] as Array<[string, Partial<FlinkClusterProps>, RegExp]>)('rejects %s', (_what, props, message) => {
    expect(() => clusterConfig(props)).toThrow(message);
  });

  test('rollback needs high availability: the engine fails synth', () => {
    expect(() => clusterConfig({ upgrades: { rollback: true } })).toThrow(/\[rollback-requires-ha\]/);
  });

  test('a max checkpoint age needs a savepoint directory: the engine fails synth', () => {
    expect(() => application({
      upgradeMode: UpgradeMode.LAST_STATE,
      checkpointing: { directory: 's3://b/cp' },
      highAvailability: HighAvailability.kubernetes({ storageDirectory: 's3://b/ha' }),
      upgrades: { maxCheckpointAge: Duration.minutes(5) },
    })).toThrow(/\[savepoint-dir-required\]/);
  });
});

describe('Schedule', () => {
  test('every: a positive duration in Flink syntax', () => {
    expect(Schedule.every(Duration.minutes(90)).expression).toBe('90min');
    expect(() => Schedule.every(Duration.seconds(0))).toThrow(/Schedule.every: 'interval' must be a positive whole number of milliseconds \(got 0 ms\)/);
  });

  test.each([
    ['0 0 0/6 * * ?', true],
    ['0 30 2 ? * MON-FRI', true],
    ['0 0 2 * * ? 2030', true],
    ['0 0 0/6 * * *', false], // Unix style: Quartz needs '?' in one of the day fields
    ['0 0 2 * *', false], // five fields
    ['', false],
  ])('cron(%j) accepted: %s', (expression, valid) => {
    if (valid) {
      expect(Schedule.cron(expression).expression).toBe(expression);
    } else {
      expect(() => Schedule.cron(expression)).toThrow(/Schedule.cron: .* is not a Quartz cron expression/);
    }
  });
});

describe('autoscaler', () => {
  const autoscaler = (options: any, version: FlinkVersion = FlinkVersion.V1_20) => clusterConfig({ autoscaler: options }, version);

  test('the day-two options land under their current job.autoscaler.* keys (operator 1.15 names)', () => {
    expect(autoscaler({
      utilizationMin: 0.5,
      utilizationMax: 0.9,
      scalingEnabled: false,
      scaleDownInterval: Duration.minutes(30),
      catchUpDuration: Duration.minutes(10),
      restartTime: Duration.minutes(2),
      restartTimeTracking: true,
      memoryTuning: { overhead: 0.3, maximizeManagedMemory: true },
    })).toEqual({
      'job.autoscaler.enabled': 'true',
      'job.autoscaler.utilization.min': '0.5',
      'job.autoscaler.utilization.max': '0.9',
      'job.autoscaler.scaling.enabled': 'false',
      'job.autoscaler.scale-down.interval': '30min',
      'job.autoscaler.catch-up.duration': '10min',
      'job.autoscaler.restart.time': '2min',
      'job.autoscaler.restart.time-tracking.enabled': 'true',
      'job.autoscaler.memory.tuning.enabled': 'true',
      'job.autoscaler.memory.tuning.overhead': '0.3',
      'job.autoscaler.memory.tuning.maximize-managed-memory': 'true',
    });
  });

  test.each([
    ['utilization.max above 1', { utilizationMax: 1.2 }, /'autoscaler.utilizationMax' must be from 0 to 1 \(got 1.2\). The operator's AutoscalerValidator/],
    ['utilization.max below the target', { targetUtilization: 0.8, utilizationMax: 0.7 }, /'autoscaler.utilizationMax' \(0.7\) must not be below the target utilization \(0.8\)/],
    ['utilization.min above the default target', { utilizationMin: 0.75 }, /'autoscaler.utilizationMin' \(0.75\) must not be above the target utilization \(0.7\)/],
    ['a negative utilization.min', { utilizationMin: -0.1 }, /'autoscaler.utilizationMin' must be from 0 to 1/],
    ['a memory tuning overhead above 1', { memoryTuning: { overhead: 1.5 } }, /'autoscaler.memoryTuning.overhead' must be from 0 to 1 \(got 1.5\)/],
  ])('rejects %s', (_what, options, message) => {
    expect(() => autoscaler(options)).toThrow(message);
  });

  test('the gate: the autoscaler options need Flink 1.17', () => {
    expect(() => autoscaler({ utilizationMax: 0.9 }, FlinkVersion.V1_16)).toThrow(/is not available in Flink 1.16 \(it needs Flink 1.17 or newer\)/);
  });

  test('autoscalerResetNonce is spec.job.autoscalerResetNonce, a whole number', () => {
    const deployment = application({ autoscaler: {}, autoscalerResetNonce: 20261125 });
    expect(deployment.spec.job.autoscalerResetNonce).toBe(20261125);
    expect(() => application({ autoscalerResetNonce: 1.5 })).toThrow(/'autoscalerResetNonce' must be a whole number/);
  });
});

describe('state backend, checkpoint retention, unaligned checkpoints', () => {
  test.each(SUPPORTED.map((version) => [version.name, version] as const))('keys for %s', (_name, version) => {
    const v117 = version.isAtLeast(FlinkVersion.V1_17);
    const v120 = version.isAtLeast(FlinkVersion.V1_20);
    expect(clusterConfig({
      stateBackend: { type: StateBackend.ROCKSDB },
      checkpointing: { retainedCheckpoints: 3, unaligned: true },
    }, version)).toEqual({
      [v117 ? 'state.backend.type' : 'state.backend']: 'rocksdb',
      [v120 ? 'execution.checkpointing.num-retained' : 'state.checkpoints.num-retained']: '3',
      [v120 ? 'execution.checkpointing.unaligned.enabled' : 'execution.checkpointing.unaligned']: 'true',
    });
  });

  test('ForSt: Flink 2.0 and newer, with its options', () => {
    expect(clusterConfig({
      stateBackend: { type: StateBackend.FORST, forst: { primaryDirectory: 's3://b/forst', localDirectory: '/tmp/forst', cacheSizeLimit: Size.gibibytes(10) } },
    }, FlinkVersion.V2_0)).toEqual({
      'state.backend.type': 'forst',
      'state.backend.forst.primary-dir': 's3://b/forst',
      'state.backend.forst.local-dir': '/tmp/forst',
      'state.backend.forst.cache.size-based-limit': '10240m',
    });
    expect(() => clusterConfig({ stateBackend: { type: StateBackend.FORST } }, FlinkVersion.V1_20))
      .toThrow(/'stateBackend.type' is not available in Flink 1.20 \(it needs Flink 2.0 or newer\)/);
    expect(() => clusterConfig({ stateBackend: { forst: { primaryDirectory: 's3://b/forst' } } }, FlinkVersion.V2_0))
      .toThrow(/'stateBackend.forst' configures the ForSt backend, but the state backend is hashmap \(the default\)/);
    expect(() => clusterConfig({ stateBackend: { type: StateBackend.FORST, forst: { primaryDirectory: 'bucket/forst' } } }, FlinkVersion.V2_0))
      .toThrow(/'stateBackend.forst.primaryDirectory' must be a URI/);
  });
});

describe('execution', () => {
  test('the runtime mode, for every version', () => {
    for (const version of SUPPORTED) {
      expect(clusterConfig({ execution: { runtimeMode: RuntimeMode.BATCH } }, version)).toEqual({ 'execution.runtime-mode': 'BATCH' });
    }
  });

  test('a BATCH job must be stateless, without periodic snapshots', () => {
    expect(application({ execution: { runtimeMode: RuntimeMode.BATCH }, upgradeMode: UpgradeMode.STATELESS }).spec.flinkConfiguration)
      .toEqual({ 'execution.runtime-mode': 'BATCH' });
    expect(() => application({
      execution: { runtimeMode: RuntimeMode.BATCH },
      upgradeMode: UpgradeMode.SAVEPOINT,
      checkpointing: { directory: 's3://b/cp' },
      savepoints: { directory: 's3://b/sp' },
    })).toThrow(/'execution.runtimeMode' BATCH takes no checkpoints, so 'upgradeMode' savepoint has nothing to restore from/);
    expect(() => application({ execution: { runtimeMode: RuntimeMode.BATCH }, snapshots: { periodicSavepoints: Schedule.every(Duration.hours(1)) } }))
      .toThrow(/remove 'snapshots.periodicSavepoints'/);
  });
});
