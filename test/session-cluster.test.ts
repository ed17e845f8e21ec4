import { ApiObject, JsonPatch, Size, Testing } from 'cdk8s';
import { ImagePullPolicy, ServiceAccount } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DeploymentMode, FlinkSessionCluster, FlinkVersion } from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';

describe('FlinkSessionCluster', () => {
  test('defaults', () => {
    const chart = testChart();
    new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 });
    const deployment = manifestOf(synthValid(chart), 'FlinkDeployment', 'session');
    expect(deployment).toEqual({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkDeployment',
      metadata: { name: 'session', namespace: 'flink' },
      spec: {
        image: 'flink:1.20',
        flinkVersion: 'v1_20',
        serviceAccount: 'session',
        flinkConfiguration: { 'kubernetes.taskmanager.service-account': 'session-taskmanager' },
        jobManager: { resource: { cpu: 1, memory: '2048m' } },
        taskManager: { resource: { cpu: 1, memory: '2048m' } },
        podTemplate: {
          spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [{
              name: 'flink-main-container',
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true },
            }],
          },
        },
      },
    });
  });

  test('every prop lands in the spec', () => {
    const chart = testChart();
    new FlinkSessionCluster(chart, 'Session', {
      metadata: { name: 'analytics', labels: { team: 'data' }, annotations: { owner: 'data-platform' } },
      flinkVersion: FlinkVersion.V1_18,
      image: 'registry.example.com/flink:1.18-custom',
      imagePullPolicy: ImagePullPolicy.ALWAYS,
      mode: DeploymentMode.STANDALONE,
      jobManager: { cpu: 0.5, memory: Size.gibibytes(1), replicas: 1, ephemeralStorage: Size.gibibytes(2) },
      taskManager: { cpu: 2, memory: Size.gibibytes(4), replicas: 3, slots: 4, ephemeralStorage: Size.mebibytes(1536) },
      flinkConfiguration: { 'state.backend.type': 'rocksdb' },
      logConfiguration: { 'log4j-console.properties': 'rootLogger.level = INFO\n' },
    });
    const deployment = manifestOf(synthValid(chart), 'FlinkDeployment', 'analytics');
    expect(deployment.metadata).toEqual({ name: 'analytics', namespace: 'flink', labels: { team: 'data' }, annotations: { owner: 'data-platform' } });
    expect(deployment.spec).toMatchObject({
      image: 'registry.example.com/flink:1.18-custom',
      imagePullPolicy: 'Always',
      flinkVersion: 'v1_18',
      mode: 'standalone',
      serviceAccount: 'analytics',
      flinkConfiguration: { 'state.backend.type': 'rocksdb', 'taskmanager.numberOfTaskSlots': '4' },
      logConfiguration: { 'log4j-console.properties': 'rootLogger.level = INFO\n' },
      jobManager: { replicas: 1, resource: { cpu: 0.5, memory: '1024m', ephemeralStorage: '2048m' } },
      taskManager: { replicas: 3, resource: { cpu: 2, memory: '4096m', ephemeralStorage: '1536m' } },
    });
    expect(deployment.spec.job).toBeUndefined();
  });

  test('memory that is not whole mebibytes is written in bytes', () => {
    const chart = testChart();
    new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, taskManager: { memory: Size.kibibytes(1536 * 1024 + 512) } });
    expect(manifestOf(synthValid(chart), 'FlinkDeployment', 'session').spec.taskManager.resource.memory).toBe(String((1536 * 1024 + 512) * 1024));
  });

  test.each([
    ['MyCluster', 'my-cluster'],
    ['WordCountCluster', 'word-count-cluster'],
    ['session_cluster.1', 'session-cluster-1'],
    ['HTTPGateway', 'http-gateway'],
  ])('the name is derived from the construct id %p, without a hash: %p', (id, name) => {
    const chart = testChart();
    const cluster = new FlinkSessionCluster(chart, id, { flinkVersion: FlinkVersion.V1_20 });
    expect(cluster.name).toBe(name);
    expect(manifestOf(synthValid(chart), 'FlinkDeployment', name).metadata.name).toBe(name);
  });

  test('the name does not depend on the construct path', () => {
    const chart = testChart();
    const nested = new FlinkSessionCluster(new Construct(chart, 'Platform'), 'Session', { flinkVersion: FlinkVersion.V1_20 });
    expect(nested.name).toBe('session');
  });

  test('the namespace comes from metadata, then from the chart', () => {
    const chart = testChart('analytics');
    const fromChart = new FlinkSessionCluster(chart, 'A', { flinkVersion: FlinkVersion.V1_20 });
    const fromMetadata = new FlinkSessionCluster(chart, 'B', { flinkVersion: FlinkVersion.V1_20, metadata: { namespace: 'other' } });
    expect([fromChart.namespace, fromMetadata.namespace]).toEqual(['analytics', 'other']);
  });

  test.each([
    ['Flink_Cluster', /'metadata.name' must start with a lowercase letter.*got 'Flink_Cluster'/],
    ['a'.repeat(46), /at most 45 characters \(got 'a{46}', 46 characters\)/],
    ['1cluster', /got '1cluster'/],
    ['cluster-', /got 'cluster-'/],
  ])('rejects the name %p', (name, message) => {
    expect(() => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, metadata: { name } })).toThrow(message);
  });

  test('accepts a 45-character name', () => {
    const name = 'a'.repeat(45);
    expect(new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, metadata: { name } }).name).toBe(name);
  });

  test('a construct id that gives no DNS name asks for metadata.name', () => {
    expect(() => new FlinkSessionCluster(testChart(), '123', { flinkVersion: FlinkVersion.V1_20 }))
      .toThrow(/cannot derive a FlinkDeployment name from the construct id '123'. Set 'metadata.name'/);
  });

  test.each([
    ['jobManager.cpu', { jobManager: { cpu: 0 } }, /'jobManager.cpu' must be a number greater than 0 \(got 0\)/],
    ['taskManager.cpu', { taskManager: { cpu: -1 } }, /'taskManager.cpu' must be a number greater than 0 \(got -1\)/],
    ['jobManager.replicas', { jobManager: { replicas: 0 } }, /'jobManager.replicas' must be a whole number of at least 1 \(got 0\)/],
    ['taskManager.replicas', { taskManager: { replicas: 1.5 } }, /'taskManager.replicas' must be a whole number of at least 1 \(got 1.5\)/],
    ['taskManager.slots', { taskManager: { slots: 0 } }, /'taskManager.slots' must be a whole number of at least 1 \(got 0\)/],
    ['taskManager.memory', { taskManager: { memory: Size.kibibytes(0.0001) } }, /'taskManager.memory' must be a positive whole number of bytes \(got 0.1024 bytes\)/],
    ['jobManager.memory', { jobManager: { memory: Size.kibibytes(0) } }, /'jobManager.memory' must be a positive whole number of bytes \(got 0 bytes\)/],
    ['taskManager.ephemeralStorage', { taskManager: { ephemeralStorage: Size.kibibytes(0) } }, /'taskManager.ephemeralStorage' must be a positive whole number of bytes/],
  ])('rejects a bad %s', (_prop, props, message) => {
    expect(() => new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20, ...props })).toThrow(message);
  });

  test('a configuration key set by a prop and by flinkConfiguration to different values names both', () => {
    expect(() => new FlinkSessionCluster(testChart(), 'Session', {
      flinkVersion: FlinkVersion.V1_20,
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
      taskManager: { slots: 4 },
    })).toThrow(/'taskmanager.numberOfTaskSlots' is set to '2' by 'flinkConfiguration' and again by 'taskManager.slots' to '4'/);
  });

  test('addFlinkConfiguration adds keys after construction and refuses a conflicting value', () => {
    const chart = testChart();
    const cluster = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { 'rest.port': '8081' } });
    cluster.addFlinkConfiguration('web.cancel.enable', 'false');
    cluster.addFlinkConfiguration('rest.port', '8081');
    expect(() => cluster.addFlinkConfiguration('rest.port', '9000')).toThrow(/'rest.port' is set to '8081' by 'flinkConfiguration' and again by addFlinkConfiguration\(\) to '9000'/);
    expect(manifestOf(synthValid(chart), 'FlinkDeployment', 'session').spec.flinkConfiguration).toEqual({
      'rest.port': '8081', 'web.cancel.enable': 'false', 'kubernetes.taskmanager.service-account': 'session-taskmanager',
    });
  });

  test('configuration values must be strings', () => {
    expect(() => new FlinkSessionCluster(testChart(), 'Session', {
      flinkVersion: FlinkVersion.V1_20,
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 2 as any },
    })).toThrow(/flinkConfiguration 'taskmanager.numberOfTaskSlots' must be a string \(got number 2\)/);
    expect(() => new FlinkSessionCluster(testChart(), 'Session2', { flinkVersion: FlinkVersion.V1_20, flinkConfiguration: { ' ': 'x' } }))
      .toThrow(/flinkConfiguration keys must not be empty/);
  });

  test('an existing service account is used as is, without RBAC objects', () => {
    const chart = testChart();
    const cluster = new FlinkSessionCluster(chart, 'Session', {
      flinkVersion: FlinkVersion.V1_20,
      serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    });
    const manifests = synthValid(chart);
    expect(cluster.rbac).toBeUndefined();
    expect(cluster.serviceAccountName).toBe('flink');
    expect(manifests.map((m) => m.kind)).toEqual(['FlinkDeployment']);
    expect(manifests[0].spec.serviceAccount).toBe('flink');
  });

  test('the FlinkDeployment is the default child, so ApiObject.of() patches work', () => {
    const chart = testChart();
    const cluster = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 });
    ApiObject.of(cluster).addJsonPatch(JsonPatch.add('/spec/restartNonce', 3));
    expect(cluster.node.defaultChild).toBe((cluster as unknown as { apiObject: ApiObject }).apiObject);
    expect(manifestOf(synthValid(chart), 'FlinkDeployment', 'session').spec.restartNonce).toBe(3);
  });

  test('fromName gives a session cluster defined elsewhere', () => {
    const chart = testChart();
    const imported = FlinkSessionCluster.fromName(chart, 'Shared', 'shared-session', { namespace: 'flink-shared' });
    expect([imported.name, imported.namespace]).toEqual(['shared-session', 'flink-shared']);
    expect(Testing.synth(chart)).toEqual([]);
  });
});
