/**
 * The engine runs once per synth, however many charts the app has, and never serves results
 * from before a change (test/synth-session.property.test.ts checks that on random apps).
 */
import { App, Chart } from 'cdk8s';
import { FlinkSessionCluster, FlinkVersion, JobJar } from '../src';
import { manifestOf } from './support/manifests';
import * as configuration from '../src/validation/configuration';
import * as engine from '../src/validation/engine';

const JAR = 'https://repo1.maven.org/maven2/org/example/job.jar';

function app(charts: number): App {
  const result = new App({ outdir: '/tmp/cdk8s-flink-synth-cache' });
  result.node.setContext('cdk8s-flink:print-warnings', false);
  for (let c = 0; c < charts; c++) {
    const chart = new Chart(result, `team-${c}`, { namespace: `team-${c}` });
    new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 }).addJob('Job', { jar: JobJar.fromUri(JAR) });
  }
  return result;
}

describe('validation per synth', () => {
  test('runs the engine once for an app of five charts', () => {
    const spy = jest.spyOn(engine, 'runLocatedValidation');
    try {
      app(5).synthYaml();
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  test('runs the engine once per synth: two synths run it twice', () => {
    const spy = jest.spyOn(engine, 'runLocatedValidation');
    try {
      const twice = app(3);
      twice.synthYaml();
      twice.synthYaml();
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  test('runs the engine once for a chart rendered on its own', () => {
    const spy = jest.spyOn(engine, 'runLocatedValidation');
    try {
      app(3).charts[1].toJson();
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  test("runs each session job's own check once, not once per chart", () => {
    // The upgrade-mode rule reads each job's durable-state keys once per run.
    const spy = jest.spyOn(configuration, 'durableStateKeys');
    try {
      app(5).synthYaml();
      expect(spy).toHaveBeenCalledTimes(5);
    } finally {
      spy.mockRestore();
    }
  });

  test("a session job's own check sees a change to its cluster made between two synths", () => {
    const chart = new Chart(new App(), 'c', { namespace: 'flink' });
    chart.node.setContext('cdk8s-flink:print-warnings', false);
    const cluster = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 });
    cluster.addJob('Job', { jar: JobJar.fromUri(JAR) });
    expect(() => chart.toJson()).not.toThrow();
    cluster.addFlinkConfiguration('execution.checkpointing.interval', '1 min');
    expect(() => chart.toJson()).toThrow(/\[c\/Session\/Job\] FlinkSessionJob\/job spec\.job\.upgradeMode: FlinkSessionJob 'job' keeps durable state/);
  });

  test('sees a change made between two synths in the same tick', () => {
    const chart = new Chart(new App(), 'c', { namespace: 'flink' });
    const cluster = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, dedicatedTaskManagerServiceAccount: false });
    expect(manifestOf(chart.toJson(), 'FlinkDeployment', 'session').spec.flinkConfiguration).toBeUndefined();
    cluster.addFlinkConfiguration('pipeline.name', 'x');
    expect(manifestOf(chart.toJson(), 'FlinkDeployment', 'session').spec.flinkConfiguration).toEqual({ 'pipeline.name': 'x' });
    cluster.addJob('Bad', { jar: JobJar.fromLocal('/opt/job.jar') });
    expect(() => chart.toJson()).toThrow(/jar-uri-scheme/);
  });
});
