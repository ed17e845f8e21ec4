/**
 * Every construct-time error is a PropError: an Error with the prop refused, the reason, and the
 * path of the construct that refuses it (none for a value class's factory). One case of each way
 * an error is made: a construct prop checked through `checkedAt`, a mutator that refuses a second
 * call, a value class's factory, and a child construct's error passing through its parent.
 */
import { Chart, Duration, Testing } from 'cdk8s';
import {
  ArgoCdSyncWaves, CheckpointingOptions, FileSystemCredentials, FlinkSessionCluster, FlinkSessionJob, FlinkVersion, HttpRouteAuthentication, JobJar,
  JobReference, NetworkPeer, PropError, PythonJob, RestartStrategy, Schedule, WebUiAuthentication,
} from '../src';
import { testChart } from './support/manifests';
import { propErrorOf } from './support/prop-errors';
import { checkedAt, propError } from '../src/props/prop-errors';

const V1_20 = FlinkVersion.V1_20;

describe('a construct prop, checked through checkedAt', () => {
  const build = () => new FlinkSessionCluster(testChart(), 'Session', {
    flinkVersion: V1_20, checkpointing: { interval: Duration.millis(5) } as CheckpointingOptions,
  });

  test('is a PropError and an Error', () => {
    expect(build).toThrow(PropError);
    const error = propErrorOf(build);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PropError');
  });

  test('names the prop, the construct and the reason', () => {
    const error = propErrorOf(build);
    expect(error.prop).toBe('checkpointing.interval');
    expect(error.constructPath).toBe('test/Session');
    expect(error.reason).toBe("'checkpointing.interval' must be at least 10 ms, Flink's minimum (got 5 ms).");
    expect(error.message).toBe(`test/Session: ${error.reason}`);
  });

  test('keeps the frames of the check that refused it, under the message with the path', () => {
    const stack = String((propErrorOf(build) as PropError & { stack?: string }).stack);
    expect(stack.split('\n')[0]).toBe("PropError: test/Session: 'checkpointing.interval' must be at least 10 ms, Flink's minimum (got 5 ms).");
    expect(stack.split('\n')[1]).toMatch(/typed-configuration\.ts/);
  });
});

describe('a mutator called twice', () => {
  const twice = () => {
    const cluster = new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: V1_20, metrics: { prometheusPort: 9249 } });
    cluster.addPodMonitor();
    cluster.addPodMonitor();
  };

  test('is a PropError for the method, on the cluster', () => {
    expect(twice).toThrow(PropError);
    const error = propErrorOf(twice);
    expect(error).toBeInstanceOf(Error);
    expect(error.prop).toBe('addPodMonitor()');
    expect(error.constructPath).toBe('test/Session');
    expect(error.message).toBe("test/Session: addPodMonitor() was already called for 'session'. Scrape it once.");
  });
});

describe("a value class's factory", () => {
  const fromUri = () => JobJar.fromUri('x');

  test('is a PropError for the argument, without a construct path', () => {
    expect(fromUri).toThrow(PropError);
    const error = propErrorOf(fromUri);
    expect(error).toBeInstanceOf(Error);
    expect(error.prop).toBe('JobJar.fromUri(uri)');
    expect(error.constructPath).toBeUndefined();
    expect(error.message).toBe("JobJar.fromUri: 'uri' must be an absolute URI with a scheme, such as 'https://repo1.maven.org/.../job.jar' "
      + "or 's3://bucket/job.jar' (got 'x'). Use JobJar.fromLocal() for a jar inside the image.");
    expect(error.reason).toBe(error.message);
  });

  test('names a field of its options by its name', () => {
    const error = propErrorOf(() => RestartStrategy.exponentialDelay({ backoffMultiplier: 0.5 }));
    expect(error.prop).toBe('RestartStrategy.exponentialDelay(backoffMultiplier)');
    expect(error.message).toBe("RestartStrategy.exponentialDelay: 'backoffMultiplier' must be at least 1 (got 0.5).");
  });

  test.each<[string, () => unknown]>([
    ['FlinkVersion.of(name)', () => FlinkVersion.of('1.20')],
    ['Schedule.cron(expression)', () => Schedule.cron('0 0 2 * * *')],
    ['NetworkPeer.ipBlock(except[1])', () => NetworkPeer.ipBlock('10.0.0.0/16', ['10.0.1.0/24', 'nope'])],
    ["NetworkPeer.pods(labels['a b'])", () => NetworkPeer.pods({ 'a b': 'x' })],
    ['FileSystemCredentials.s3FromSecret(keys.secretAccessKey)', () => FileSystemCredentials.s3FromSecret('creds', { secretAccessKey: 'a b' })],
    ['WebUiAuthentication.basicAuth(secretName)', () => WebUiAuthentication.basicAuth('Bad_Secret')],
    ['HttpRouteAuthentication.attachedPolicy(kind)', () => HttpRouteAuthentication.attachedPolicy('security.istio.io', 'AuthorizationPolicy', 'p')],
    ['JobReference.deploymentName(name)', () => JobReference.deploymentName('Not A Name')],
    ['ArgoCdSyncWaves.apply(jobs)', () => ArgoCdSyncWaves.apply(new Chart(Testing.app(), 'c'), { jobs: 1.5 })],
  ])('%s', (prop, action) => {
    const error = propErrorOf(action);
    expect(error.prop).toBe(prop);
    expect(error.constructPath).toBeUndefined();
    expect(error.message).toBe(error.reason);
  });

  test('that a construct uses gets the construct path when it refuses there', () => {
    const chart = testChart();
    const error = propErrorOf(() => new FlinkSessionJob(chart, 'Job', {
      cluster: FlinkSessionCluster.fromName(chart, 'Sessions', 'sessions'), python: PythonJob.fromScript('/opt/job.py'),
    }));
    expect(error.prop).toBe('python');
    expect(error.constructPath).toBe('test/Job');
  });
});

describe('entries of a map prop and arguments of a method', () => {
  test.each<[string, () => unknown, string]>([
    ['a flinkConfiguration value', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: V1_20, flinkConfiguration: { 'rest.port': 8081 as any } }),
      "flinkConfiguration['rest.port']"],
    ['a key with a quote', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: V1_20, flinkConfiguration: { "a'\nb": 'x' } }),
      "flinkConfiguration['a\\'\\nb']"],
    ['a label key', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: V1_20, metadata: { labels: { 'a b': 'x' } } }),
      "metadata.labels['a b']"],
    ['a key given to addFlinkConfiguration()', () => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: V1_20 }).addFlinkConfiguration(' ', 'x'),
      'addFlinkConfiguration(key)'],
    ['a typed prop that sets a key again', () => new FlinkSessionCluster(testChart(), 'Session', {
      flinkVersion: V1_20, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' }, taskManager: { slots: 3 },
    }), 'taskManager.slots'],
  ])('%s', (_what, action, prop) => {
    const error = propErrorOf(action);
    expect(error.prop).toBe(prop);
    expect(error.constructPath).toBe('test/Session');
  });
});

test("a child construct's error passes through its parent with the child's path", () => {
  const error = propErrorOf(() => new FlinkSessionCluster(new Chart(Testing.app(), 'test'), 'Session', { flinkVersion: V1_20 }));
  expect(error.prop).toBe('metadata.namespace');
  expect(error.constructPath).toBe('test/Session/JobRbac');
  expect(error.message).toMatch(/^test\/Session\/JobRbac: the job RBAC objects need a namespace/);
});

describe('PropError.isPropError', () => {
  test('recognises a PropError, also one of another copy of the library', () => {
    let copy: typeof PropError | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      copy = (require('../src/prop-error') as typeof import('../src/prop-error')).PropError;
    });
    expect(copy).not.toBe(PropError);
    const foreign = new copy!('p', 'r');
    expect(foreign).not.toBeInstanceOf(PropError);
    expect(PropError.isPropError(foreign)).toBe(true);
    expect(PropError.isPropError(propErrorOf(() => JobJar.fromUri('x')))).toBe(true);
  });

  test.each([new Error('x'), new TypeError('x'), { prop: 'p', reason: 'r', message: 'r' }, 'x', null, undefined, 0])('refuses %p', (value) => {
    expect(PropError.isPropError(value)).toBe(false);
  });
});

describe('checkedAt', () => {
  test("gives an unscoped PropError the construct's path, also one of another copy of the library", () => {
    let copy: typeof PropError | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      copy = (require('../src/prop-error') as typeof import('../src/prop-error')).PropError;
    });
    for (const unscoped of [propError('p', 'r.'), new copy!('p', 'r.')]) {
      const error = propErrorOf(() => checkedAt(() => 'app/Thing', () => {
        throw unscoped;
      }));
      expect(error).toMatchObject({ prop: 'p', reason: 'r.', constructPath: 'app/Thing', message: 'app/Thing: r.' });
    }
  });

  test('passes anything else unchanged, and returns what the action returns', () => {
    const plain = new Error('plain');
    expect(() => checkedAt(() => 'app/Thing', () => {
      throw plain;
    })).toThrow(plain);
    expect(checkedAt(() => 'app/Thing', () => 42)).toBe(42);
  });
});
