import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { FlinkSessionCluster, FlinkSessionJob, FlinkVersion, JobJar, JobState, UpgradeMode } from '../src';
import { inventory, manifestOf, S3_READY, synthValid, testChart } from './support/manifests';

const JAR = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0.jar';

/** Checkpoint and savepoint directories, which savepoint and last-state upgrades need. */
const STATE_DIRECTORIES = {
  'execution.checkpointing.dir': 's3://flink/checkpoints',
  'execution.checkpointing.savepoint-dir': 's3://flink/savepoints',
};

function session(chart: Chart, flinkConfiguration?: { [key: string]: string }): FlinkSessionCluster {
  return new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration, ...S3_READY });
}

describe('FlinkSessionJob', () => {
  test('defaults: the job runs on the cluster, in its namespace, after it', () => {
    const chart = testChart();
    session(chart).addJob('WordCount', { jar: JobJar.fromUri(JAR) });
    const manifests = synthValid(chart);
    expect(manifestOf(manifests, 'FlinkSessionJob', 'word-count')).toEqual({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkSessionJob',
      metadata: { name: 'word-count', namespace: 'flink' },
      spec: { deploymentName: 'session', job: { jarURI: JAR, parallelism: 1 } },
    });
    expect(inventory(manifests).indexOf('FlinkSessionJob/word-count')).toBeGreaterThan(inventory(manifests).indexOf('FlinkDeployment/session'));
  });

  test('every job option lands in the spec', () => {
    const chart = testChart();
    session(chart, STATE_DIRECTORIES).addJob('Job', {
      metadata: { name: 'state-machine', labels: { app: 'demo' } },
      jar: JobJar.fromUri(JAR),
      entryClass: 'org.apache.flink.streaming.examples.statemachine.StateMachineExample',
      args: ['--error-rate', '0.05'],
      parallelism: 4,
      upgradeMode: UpgradeMode.SAVEPOINT,
      state: JobState.SUSPENDED,
      allowNonRestoredState: true,
      flinkConfiguration: { 'pipeline.name': 'state machine' },
    });
    expect(manifestOf(synthValid(chart), 'FlinkSessionJob', 'state-machine')).toEqual({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkSessionJob',
      metadata: { name: 'state-machine', namespace: 'flink', labels: { app: 'demo' } },
      spec: {
        deploymentName: 'session',
        flinkConfiguration: { 'pipeline.name': 'state machine' },
        job: {
          jarURI: JAR,
          entryClass: 'org.apache.flink.streaming.examples.statemachine.StateMachineExample',
          args: ['--error-rate', '0.05'],
          parallelism: 4,
          upgradeMode: 'savepoint',
          state: 'suspended',
          allowNonRestoredState: true,
        },
      },
    });
  });

  test.each(Object.values(UpgradeMode))('upgradeMode %s is written as the operator spells it', (mode) => {
    const chart = testChart();
    session(chart, STATE_DIRECTORIES).addJob('Job', { jar: JobJar.fromUri(JAR), upgradeMode: mode });
    expect(manifestOf(synthValid(chart), 'FlinkSessionJob', 'job').spec.job.upgradeMode).toBe(mode);
  });

  test.each(Object.values(JobState))('state %s is written as the operator spells it', (state) => {
    const chart = testChart();
    session(chart).addJob('Job', { jar: JobJar.fromUri(JAR), state });
    expect(manifestOf(synthValid(chart), 'FlinkSessionJob', 'job').spec.job.state).toBe(state);
  });

  test('a job in another namespace than its cluster is refused', () => {
    const chart = testChart();
    expect(() => session(chart).addJob('Job', { jar: JobJar.fromUri(JAR), metadata: { namespace: 'elsewhere' } }))
      .toThrow(/'metadata.namespace' must be the namespace of session cluster 'session' \('flink'; got 'elsewhere'\)/);
  });

  test('a job on a cluster defined elsewhere takes the cluster by name and namespace', () => {
    const chart = testChart(undefined);
    const cluster = FlinkSessionCluster.fromName(chart, 'Shared', 'shared-session', { namespace: 'flink-shared' });
    new FlinkSessionJob(chart, 'Job', { cluster, jar: JobJar.fromUri(JAR) });
    expect(manifestOf(synthValid(chart), 'FlinkSessionJob', 'job')).toMatchObject({
      metadata: { name: 'job', namespace: 'flink-shared' },
      spec: { deploymentName: 'shared-session' },
    });
  });

  test('jobs of one cluster keep their own names and ids', () => {
    const chart = testChart();
    const cluster = session(chart);
    cluster.addJob('A', { jar: JobJar.fromUri(JAR) });
    cluster.addJob('B', { jar: JobJar.fromUri(JAR) });
    expect(inventory(synthValid(chart)).filter((name) => name.startsWith('FlinkSessionJob'))).toEqual(['FlinkSessionJob/a', 'FlinkSessionJob/b']);
  });

  test.each([
    ['parallelism 0', { parallelism: 0 }, /'parallelism' must be a whole number of at least 1 \(got 0\)/],
    ['parallelism 2.5', { parallelism: 2.5 }, /'parallelism' must be a whole number of at least 1 \(got 2.5\)/],
    ['an entry class that is no Java class name', { entryClass: 'my job' }, /'entryClass' must be a fully qualified Java class name .*got 'my job'/],
    ['an invalid name', { metadata: { name: 'Word_Count' } }, /'metadata.name' must be a lowercase DNS name .*got 'Word_Count'/],
    ['a non-string configuration value', { flinkConfiguration: { 'pipeline.max-parallelism': 128 as any } }, /flinkConfiguration 'pipeline.max-parallelism' must be a string \(got number 128\)/],
  ])('rejects %s', (_what, options, message) => {
    expect(() => session(testChart()).addJob('Job', { jar: JobJar.fromUri(JAR), ...options })).toThrow(message);
  });

  test('synthesizing twice gives identical bytes', () => {
    const build = () => {
      const app = Testing.app();
      session(new Chart(app, 'c', { namespace: 'flink' })).addJob('Job', { jar: JobJar.fromUri(JAR), parallelism: 2 });
      return app.synthYaml();
    };
    expect(build()).toEqual(build());
  });

  test('the job is its API object: ApiObject.of() returns it, and JSON patches address the real field names', () => {
    const chart = new Chart(new App(), 'c', { namespace: 'flink' });
    const job = session(chart).addJob('Job', { jar: JobJar.fromUri(JAR) });
    expect(ApiObject.of(job)).toBe(job);
    expect([job.cluster.name, job.name, job.namespace, job.kind]).toEqual(['session', 'job', 'flink', 'FlinkSessionJob']);
    ApiObject.of(job).addJsonPatch(JsonPatch.replace('/spec/job/jarURI', 'https://repo.example.com/other.jar'));
    expect(manifestOf(synthValid(chart), 'FlinkSessionJob', 'job').spec.job.jarURI).toBe('https://repo.example.com/other.jar');
  });

  test('a patch after a synth shows in the next synth', () => {
    const chart = testChart();
    const job = session(chart).addJob('Job', { jar: JobJar.fromUri(JAR), parallelism: 2 });
    expect(manifestOf(synthValid(chart), 'FlinkSessionJob', 'job').spec.job.parallelism).toBe(2);
    job.addJsonPatch(JsonPatch.replace('/spec/job/parallelism', 3));
    expect(manifestOf(synthValid(chart), 'FlinkSessionJob', 'job').spec.job.parallelism).toBe(3);
  });
});
