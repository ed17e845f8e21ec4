import { ApiObject, Chart, Duration, Testing } from 'cdk8s';
import { ConfigMap } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ArgoCdSyncWaves,
  FlinkApplication,
  FlinkValidator,
  FlinkSessionCluster,
  FlinkStateSnapshot,
  FlinkVersion,
  JobJar,
  JobReference,
  SnapshotType,
  UpgradeMode,
  WebUiAuthentication,
} from '../src';
import { S3_READY, synthValid, testChart } from './support/manifests';

const JAR = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/1.20.0/flink-examples-streaming-1.20.0.jar';

function platform(chart: Chart, parent: Construct = chart) {
  const session = new FlinkSessionCluster(parent, 'Session', {
    flinkVersion: FlinkVersion.V1_20,
  });
  session.exposeWebUi({ host: 'flink.example.com', ingressClassName: 'nginx', authentication: WebUiAuthentication.basicAuth('flink-ui-users') });
  const job = session.addJob('WordCount', {
    jar: JobJar.fromUri(JAR),
    upgradeMode: UpgradeMode.STATELESS,
  });
  new FlinkStateSnapshot(parent, 'Checkpoint', { snapshot: SnapshotType.checkpoint(), job: JobReference.sessionJob(job) });
  return { session, job };
}

function wavesOf(manifests: any[]): Record<string, string | undefined> {
  return Object.fromEntries(manifests.map((m) => [
    `${m.kind}/${m.metadata.name}`,
    m.metadata.annotations?.[ArgoCdSyncWaves.ANNOTATION],
  ]));
}

describe('ArgoCdSyncWaves', () => {
  test('RBAC first, then clusters and their Ingress, then session jobs, then snapshots', () => {
    const chart = testChart();
    platform(chart);
    ArgoCdSyncWaves.apply(chart);
    const waves = wavesOf(synthValid(chart));
    expect(waves).toEqual({
      'ServiceAccount/session': '-1',
      'Role/session': '-1',
      'RoleBinding/session': '-1',
      'ServiceAccount/session-taskmanager': '-1',
      'FlinkDeployment/session': '0',
      'Ingress/session-web-ui': '0',
      'FlinkSessionJob/word-count': '1',
      'FlinkStateSnapshot/checkpoint': '2',
    });
  });

  test('custom waves; objects of other kinds get no wave unless they are supporting resources', () => {
    const chart = testChart();
    platform(chart);
    new ConfigMap(chart, 'Settings', { data: { a: 'b' } });
    new ApiObject(chart, 'Other', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'other' }, spec: { ports: [{ port: 80 }] } });
    ArgoCdSyncWaves.apply(chart, { supportingResources: -5, clusters: 10, jobs: 20, snapshots: 30 });
    const waves = wavesOf(synthValid(chart));
    expect(waves['ServiceAccount/session']).toBe('-5');
    expect(waves['FlinkDeployment/session']).toBe('10');
    expect(waves['FlinkSessionJob/word-count']).toBe('20');
    expect(waves['FlinkStateSnapshot/checkpoint']).toBe('30');
    expect(Object.entries(waves).find(([key]) => key.startsWith('ConfigMap/'))?.[1]).toBe('-5');
    expect(waves['Service/other']).toBeUndefined();
  });

  test('an annotation the user set wins', () => {
    const chart = testChart();
    const { job } = platform(chart);
    job.metadata.addAnnotation(ArgoCdSyncWaves.ANNOTATION, '7');
    ArgoCdSyncWaves.apply(chart);
    expect(wavesOf(synthValid(chart))['FlinkSessionJob/word-count']).toBe('7');
  });

  test('applying to one chart leaves the others alone', () => {
    const app = Testing.app();
    const first = new Chart(app, 'first', { namespace: 'flink' });
    const second = new Chart(app, 'second', { namespace: 'other' });
    platform(first);
    platform(second);
    ArgoCdSyncWaves.apply(first);
    expect(wavesOf(synthValid(first))['FlinkDeployment/session']).toBe('0');
    expect(wavesOf(synthValid(second))['FlinkDeployment/session']).toBeUndefined();
  });

  test('a wave that is not a whole number is refused, naming the option and the value', () => {
    const chart = testChart();
    platform(chart);
    expect(() => ArgoCdSyncWaves.apply(chart, { jobs: 1.5 })).toThrow(/jobs.*1\.5.*whole number/);
  });
});

describe('names stay stable for GitOps', () => {
  test('moving the constructs into another scope keeps every name', () => {
    const flat = testChart();
    platform(flat);
    const nested = testChart();
    platform(nested, new Construct(new Construct(nested, 'Team'), 'Streaming'));
    const names = (chart: Chart) => synthValid(chart).map((m) => `${m.kind}/${m.metadata.name}`).sort();
    expect(names(nested)).toEqual(names(flat));
  });

  test('names carry no hash suffix', () => {
    const chart = testChart();
    platform(chart);
    for (const manifest of synthValid(chart)) {
      expect(manifest.metadata.name).not.toMatch(/-c8[0-9a-f]{6,}$/);
    }
  });
});

describe('a construct id change is caught before it deletes state', () => {
  function release(id: string, name?: string): any[] {
    const chart = testChart();
    new FlinkApplication(chart, id, {
      metadata: name === undefined ? undefined : { name },
      flinkVersion: FlinkVersion.V1_20,
      jar: JobJar.fromLocal('/opt/flink/usrlib/orders.jar'),
      checkpointing: { interval: Duration.minutes(1), directory: 's3://flink/checkpoints' },
      savepoints: { directory: 's3://flink/savepoints' },
      upgradeMode: UpgradeMode.SAVEPOINT,
      ...S3_READY,
    });
    return synthValid(chart);
  }

  test('renaming the construct renames the resource, and comparing with the previous release reports it', () => {
    const findings = FlinkValidator.validate(release('OrderPipeline'), { previousManifests: release('Orders') });
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.kind, f.name]))
      .toEqual([['stateful-resource-removed', 'FlinkDeployment', 'orders']]);
    expect(findings[0].message).toMatch(/FlinkDeployment 'order-pipeline' is new: if it is 'orders' renamed/);
  });

  test('pinning metadata.name keeps the resource through the rename', () => {
    expect(FlinkValidator.validate(release('OrderPipeline', 'orders'), { previousManifests: release('Orders') })).toEqual([]);
  });
});
