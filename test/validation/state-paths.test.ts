/**
 * The paths a job and its state use, as the configuration that will run names them
 * (model/state-paths.ts), in the shapes people write: S3 state with Kubernetes high availability,
 * keys written with a stray space, high availability off, a session job on an older cluster, and a
 * password in a URI. Every manifest is valid against the operator's CRD.
 */
import { FlinkValidator } from '../../src';
import { DeploymentModel } from '../../src/validation/model/deployment-model';
import { SessionJobModel } from '../../src/validation/model/session-job-configuration';
import { crdSchemaErrors } from '../support/crd-schema';

function application(flinkConfiguration: { [key: string]: string }, job: { [key: string]: unknown } = {}, flinkVersion = 'v1_20'): any {
  const deployment = {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: { name: 'orders', namespace: 'streaming' },
    spec: {
      image: 'flink:1.20.1',
      flinkVersion,
      serviceAccount: 'flink',
      flinkConfiguration,
      jobManager: { resource: { cpu: 1, memory: '2048m' } },
      taskManager: { resource: { cpu: 1, memory: '2048m' } },
      job: { jarURI: 'local:///opt/flink/usrlib/orders.jar', upgradeMode: 'last-state', ...job },
    },
  };
  expect(crdSchemaErrors(deployment)).toEqual([]);
  return deployment;
}

const S3_STATE = {
  'high-availability.type': 'kubernetes',
  'high-availability.storageDir': 's3://state/ha',
  'execution.checkpointing.dir': 's3://state/checkpoints',
  'execution.checkpointing.savepoint-dir': 's3://state/savepoints',
};

function summary(paths: ReadonlyArray<{ role: string; uri: string; processes: ReadonlyArray<string>; path: string }>) {
  return paths.map(({ role, uri, processes, path }) => ({ role, uri, processes: [...processes], path }));
}

describe('the paths of a FlinkDeployment', () => {
  test('S3 state with Kubernetes high availability, the jar and the savepoint it starts from', () => {
    const model = DeploymentModel.of(new Map(), application(S3_STATE, { initialSavepointPath: 's3://state/savepoints/savepoint-1' }));
    expect(summary(model.paths)).toEqual([
      { role: 'checkpoints', uri: 's3://state/checkpoints', processes: ['jobManager', 'taskManager'], path: "spec.flinkConfiguration['execution.checkpointing.dir']" },
      { role: 'savepoints', uri: 's3://state/savepoints', processes: ['jobManager', 'taskManager'], path: "spec.flinkConfiguration['execution.checkpointing.savepoint-dir']" },
      { role: 'high-availability', uri: 's3://state/ha', processes: ['jobManager'], path: "spec.flinkConfiguration['high-availability.storageDir']" },
      { role: 'job-jar', uri: 'local:///opt/flink/usrlib/orders.jar', processes: ['jobManager'], path: 'spec.job.jarURI' },
      { role: 'initial-savepoint', uri: 's3://state/savepoints/savepoint-1', processes: ['jobManager', 'taskManager'], path: 'spec.job.initialSavepointPath' },
    ]);
    expect(model.paths.map((path) => path.scheme)).toEqual(['s3', 's3', 's3', 'local', 's3']);
  });

  test('without high availability, its storage directory is not used', () => {
    const { 'high-availability.type': _type, ...withoutHa } = S3_STATE;
    const model = DeploymentModel.of(new Map(), application(withoutHa));
    expect(model.paths.map((path) => path.role)).toEqual(['checkpoints', 'savepoints', 'job-jar']);
  });

  test('the job result store is the JobManager\'s, with high availability on', () => {
    const model = DeploymentModel.of(new Map(), application({ ...S3_STATE, 'job-result-store.storage-path': 's3://state/job-results' }));
    expect(summary(model.paths).find((path) => path.role === 'job-result-store')).toEqual(
      { role: 'job-result-store', uri: 's3://state/job-results', processes: ['jobManager'], path: "spec.flinkConfiguration['job-result-store.storage-path']" });
  });

  test('a key written with a leading space is the key Flink 1.20 reads (its legacy loader trims keys)', () => {
    const model = DeploymentModel.of(new Map(), application({ ' execution.checkpointing.dir': 'file:///tmp/checkpoints' }));
    const checkpoints = model.paths.find((path) => path.role === 'checkpoints');
    expect(checkpoints?.uri).toBe('file:///tmp/checkpoints');
    expect(checkpoints?.key).toBe('execution.checkpointing.dir');
    // Flink 2.0 reads standard YAML: the key with the space is another key, and no checkpoint directory is set.
    const flink2 = DeploymentModel.of(new Map(), application({ ' execution.checkpointing.dir': 'file:///tmp/checkpoints' }, {}, 'v2_0'));
    expect(flink2.paths.find((path) => path.role === 'checkpoints')).toBeUndefined();
  });

  test('the operator\'s default checkpoint directory is listed as coming from outside the manifest', () => {
    const model = DeploymentModel.of(new Map([['execution.checkpointing.dir', 's3://defaults/checkpoints']]), application({}));
    const checkpoints = model.paths.find((path) => path.role === 'checkpoints');
    expect(checkpoints).toMatchObject({ uri: 's3://defaults/checkpoints', path: 'spec.flinkConfiguration', ownEntry: false });
  });
});

describe('the paths of a FlinkSessionJob', () => {
  function sessionCluster(flinkVersion: string, configuration: { [key: string]: string } = S3_STATE): any {
    const cluster = application(configuration, {}, flinkVersion);
    delete cluster.spec.job;
    cluster.metadata.name = 'session';
    return cluster;
  }

  function sessionJob(flinkConfiguration: { [key: string]: string }): any {
    const job = {
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkSessionJob',
      metadata: { name: 'orders', namespace: 'streaming' },
      spec: {
        deploymentName: 'session',
        flinkConfiguration,
        job: { jarURI: 'https://repo.example.com/orders.jar', upgradeMode: 'savepoint' },
      },
    };
    expect(crdSchemaErrors(job)).toEqual([]);
    return job;
  }

  test('its own directories on a Flink 1.20 cluster; the operator uploads the jar', () => {
    const own = { 'execution.checkpointing.dir': 's3://jobs/orders/checkpoints', 'execution.checkpointing.savepoint-dir': 's3://jobs/orders/savepoints' };
    const model = SessionJobModel.of(new Map(), sessionCluster('v1_20'), sessionJob(own));
    expect(summary(model.paths)).toEqual([
      { role: 'checkpoints', uri: 's3://jobs/orders/checkpoints', processes: ['jobManager', 'taskManager'], path: "spec.flinkConfiguration['execution.checkpointing.dir']" },
      { role: 'savepoints', uri: 's3://jobs/orders/savepoints', processes: ['jobManager', 'taskManager'], path: "spec.flinkConfiguration['execution.checkpointing.savepoint-dir']" },
      { role: 'high-availability', uri: 's3://state/ha', processes: ['jobManager'], path: 'spec.flinkConfiguration' },
      { role: 'job-jar', uri: 'https://repo.example.com/orders.jar', processes: [], path: 'spec.job.jarURI' },
    ]);
  });

  test('on a Flink 1.16 cluster the job\'s checkpoint directory never reaches Flink, its savepoint directory still reaches the operator', () => {
    const own = { 'state.checkpoints.dir': 's3://jobs/orders/checkpoints', 'state.savepoints.dir': 's3://jobs/orders/savepoints' };
    // Flink 1.16 names the directories state.*.dir.
    const cluster = sessionCluster('v1_16', { 'state.checkpoints.dir': 's3://state/checkpoints', 'state.savepoints.dir': 's3://state/savepoints' });
    const model = SessionJobModel.of(new Map(), cluster, sessionJob(own));
    const byRole = new Map(model.paths.map((path) => [path.role, path]));
    expect(byRole.get('checkpoints')).toMatchObject({ uri: 's3://state/checkpoints', ownEntry: false });
    expect(byRole.get('savepoints')).toMatchObject({ uri: 's3://jobs/orders/savepoints', ownEntry: true });
  });
});

describe('explain lists the paths', () => {
  test('with a password in a URI masked', () => {
    const [explanation] = FlinkValidator.explain([application({ ...S3_STATE, 'execution.checkpointing.dir': 's3://minio:minio123@state/checkpoints' })]);
    const checkpoints = explanation.paths?.find((path) => path.role === 'checkpoints');
    expect(checkpoints).toEqual({
      role: 'checkpoints',
      what: "'execution.checkpointing.dir'",
      uri: 's3://minio:******@state/checkpoints',
      scheme: 's3',
      path: "spec.flinkConfiguration['execution.checkpointing.dir']",
      processes: ['JobManager', 'TaskManager'],
      use: expect.stringContaining('checkpoint'),
    });
    expect(JSON.stringify(explanation)).not.toContain('minio123');
  });
});

describe('explain masks a password in a URI wherever the configuration shows it', () => {
  test('in the configuration entries too', () => {
    const [explanation] = FlinkValidator.explain([application({ 's3.endpoint': 'http://minio:minio123@minio.storage:9000' })]);
    expect(explanation.configuration.find((entry) => entry.key === 's3.endpoint')?.value).toBe('http://minio:******@minio.storage:9000');
    expect(JSON.stringify(explanation)).not.toContain('minio123');
  });
});

describe('rules judge the configuration Flink reads', () => {
  /** TaskManagers on their own account, whose token is not mounted, with high availability written with a stray space. */
  function withTaskManagerAccount(haKey: string, flinkVersion: string): any[] {
    const deployment = application({
      [haKey]: 'kubernetes',
      'high-availability.storageDir': 's3://state/ha',
      'kubernetes.taskmanager.service-account': 'flink-tm',
    }, {}, flinkVersion);
    const account = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'flink-tm', namespace: 'streaming' }, automountServiceAccountToken: false };
    return [deployment, account];
  }

  const leaderRetrieval = (manifests: any[]) => FlinkValidator.validate(manifests)
    .filter((finding) => finding.rule === 'service-account-binding' && finding.message.includes("'flink-tm' does not mount an API token"));

  test('Flink 1.20 trims \' high-availability.type\': its TaskManagers watch the HA ConfigMaps, so their account needs a token', () => {
    expect(leaderRetrieval(withTaskManagerAccount(' high-availability.type', 'v1_20'))).toHaveLength(1);
    expect(leaderRetrieval(withTaskManagerAccount('high-availability.type', 'v1_20'))).toHaveLength(1);
  });

  test('Flink 2.0 reads standard YAML: the key with a space turns nothing on', () => {
    expect(leaderRetrieval(withTaskManagerAccount(' high-availability.type', 'v2_0'))).toHaveLength(0);
  });
});
