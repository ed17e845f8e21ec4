/**
 * The seed's FAQ, failure by failure: what the user now gets at synth, and the fix that makes
 * it pass. Each case builds the same cluster twice, once with the mistake and once fixed.
 */
import { Duration, Size } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { DeploymentMode, FlinkClusterProps, FlinkSessionCluster, FlinkVersion, JobJar, TaskManagerMemory } from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';

const JAR = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming_2.12/1.17.1/flink-examples-streaming_2.12-1.17.1-WordCount.jar';

/** A session cluster (Flink 1.17, as in the seed) with one job of the given parallelism; returns its manifests. */
function synth(props: Partial<FlinkClusterProps>, parallelism = 2): any[] {
  const chart = testChart();
  const cluster = new FlinkSessionCluster(chart, 'Session', {
    flinkVersion: FlinkVersion.V1_17,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    ...props,
  });
  cluster.addJob('WordCount', { jar: JobJar.fromUri(JAR), parallelism });
  return synthValid(chart);
}

describe('FAQ: JobManager and TaskManager heartbeat timeouts', () => {
  test('a timeout shorter than the interval fails synth; a longer timeout passes', () => {
    // The raw keys, at synth (the engine's finding), and the typed prop, at construction: one wording.
    const wording = /'heartbeat.timeout' \(30000 ms\) is shorter than 'heartbeat.interval' \(60000 ms\): Flink refuses to start/;
    expect(() => synth({ flinkConfiguration: { 'heartbeat.interval': '60000', 'heartbeat.timeout': '30000' } }))
      .toThrow(new RegExp(`${wording.source}.*\\[heartbeat-timeout\\]`));
    expect(() => synth({ heartbeat: { interval: Duration.minutes(1), timeout: Duration.seconds(30) } }))
      .toThrow(new RegExp(`^test/Session: ${wording.source}`));
    const fixed = synth({ heartbeat: { interval: Duration.seconds(10), timeout: Duration.minutes(2) } });
    expect(manifestOf(fixed, 'FlinkDeployment', 'session').spec.flinkConfiguration).toMatchObject({ 'heartbeat.timeout': '120000' });
  });

  test('more TaskManager memory (the FAQ\'s advice) is a typed prop that Flink\'s memory model checks', () => {
    const fixed = synth({ taskManager: { memory: Size.gibibytes(4) } });
    expect(manifestOf(fixed, 'FlinkDeployment', 'session').spec.taskManager.resource.memory).toBe('4096m');
  });
});

describe('FAQ: OutOfMemoryError: Java heap space', () => {
  test('a task heap that does not fit the TaskManager fails synth with the breakdown; a larger TaskManager passes', () => {
    const taskHeap = Size.gibibytes(3);
    expect(() => synth({ taskManager: { memory: Size.gibibytes(2), memoryComponents: { taskHeap } } }))
      .toThrow(/^test\/Session: Flink would refuse to start the TaskManager with taskManager\.memory '2048m': .*Task Heap Memory.*Raise taskManager\.memory.* The smallest taskManager\.memory with which it starts is '6566m'\.$/);
    // The smallest size named starts, and one mebibyte less does not.
    expect(() => synth({ taskManager: { memory: Size.mebibytes(6566), memoryComponents: { taskHeap } } })).not.toThrow();
    expect(() => synth({ taskManager: { memory: Size.mebibytes(6565), memoryComponents: { taskHeap } } })).toThrow(/'6566m'/);
    const fixed = synth({ taskManager: { memory: Size.gibibytes(8), memoryComponents: { taskHeap } } });
    const deployment = manifestOf(fixed, 'FlinkDeployment', 'session');
    expect(deployment.spec.flinkConfiguration['taskmanager.memory.task.heap.size']).toBe('3072m');
    // The heap each task gets, as Flink derives it: exactly the 3 GiB asked for.
    expect(TaskManagerMemory.derive({ ...deployment.spec.flinkConfiguration, 'taskmanager.memory.process.size': '8g' }, { flinkVersion: FlinkVersion.V1_17 }).taskHeap)
      .toBe(3 * 1024 ** 3);
  });
});

describe('FAQ: how to increase the number of slots', () => {
  // In standalone mode the TaskManager count is fixed, so a job above replicas x slots can never run.
  const standalone = (taskManager: { replicas: number; slots: number }) => ({ mode: DeploymentMode.STANDALONE, taskManager });

  test('in standalone mode, a job that needs more slots than the TaskManagers offer fails synth; more slots per TaskManager pass', () => {
    expect(() => synth(standalone({ replicas: 2, slots: 1 }), 4))
      .toThrow(/spec\.job\.parallelism 4 needs 4 task slots, but session cluster 'session' has at most 2 \(2 TaskManager replicas x 1 slots \(standalone mode\)\).*\[slot-capacity\]/);
    expect(() => synth(standalone({ replicas: 2, slots: 2 }), 4)).not.toThrow();
  });

  test('or a lower parallelism', () => {
    expect(() => synth(standalone({ replicas: 2, slots: 1 }), 2)).not.toThrow();
  });

  test('in native mode the resource manager starts TaskManagers on demand, so replicas do not bound a session job', () => {
    expect(() => synth({ taskManager: { replicas: 2, slots: 1 } }, 4)).not.toThrow();
  });

  test('unless the slot limit says so', () => {
    expect(() => synth({ taskManager: { slots: 1 }, flinkConfiguration: { 'slotmanager.number-of-slots.max': '2' } }, 4))
      .toThrow(/has at most 2 \('slotmanager\.number-of-slots\.max' 2\).*\[slot-capacity\]/);
  });
});

describe('FAQ: IOException: Insufficient number of network buffers', () => {
  test('network memory bounds Flink cannot satisfy fail synth; consistent bounds pass', () => {
    const twoGiB = Size.gibibytes(2);
    expect(() => synth({ taskManager: { memory: twoGiB, memoryComponents: { networkMin: Size.gibibytes(1), networkMax: Size.mebibytes(512) } } }))
      .toThrow(/^test\/Session: .*Configured: taskManager\.memory = '2048m', taskManager\.memoryComponents\.networkMin = '1024m', taskManager\.memoryComponents\.networkMax = '512m'.*make sure taskManager\.memoryComponents\.networkMin <= taskManager\.memoryComponents\.networkMax/);
    expect(() => synth({ taskManager: { memory: twoGiB, memoryComponents: { networkMin: twoGiB, networkMax: twoGiB } } }))
      .toThrow(/Flink would refuse to start the TaskManager/);
    const fixed = synth({
      taskManager: {
        memory: Size.gibibytes(4),
        memoryComponents: { networkMin: Size.mebibytes(512), networkMax: Size.gibibytes(1), networkFraction: 0.2 },
      },
    });
    const configuration = manifestOf(fixed, 'FlinkDeployment', 'session').spec.flinkConfiguration;
    const network = TaskManagerMemory.derive({ ...configuration, 'taskmanager.memory.process.size': '4g' }, { flinkVersion: FlinkVersion.V1_17 }).network;
    expect(network).toBeGreaterThanOrEqual(512 * 1024 ** 2);
    expect(network).toBeLessThanOrEqual(1024 ** 3);
  });
});
