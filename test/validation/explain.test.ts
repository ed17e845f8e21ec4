/**
 * `FlinkValidator.explain`: what the operator and Flink will make of each FlinkDeployment,
 * FlinkBlueGreenDeployment and FlinkSessionJob, read from the model the rules use.
 */
import { APPLICATION, BLUE_GREEN, JOB_RBAC, patched, SESSION_CLUSTER, SESSION_JOB } from './fixtures';
import { FlinkValidator, ResourceExplanation } from '../../src';

const GIB = 1024 * 1024 * 1024;

function only(manifests: any[], options?: any): ResourceExplanation {
  const explanations = FlinkValidator.explain(manifests, options);
  expect(explanations).toHaveLength(1);
  return explanations[0];
}

const entry = (explanation: ResourceExplanation, key: string) => explanation.configuration.find((e) => e.key === key);

describe('a FlinkDeployment', () => {
  test('the header: kind, name, namespace, cluster, version, file and how it is delivered', () => {
    const explanation = only([APPLICATION]);
    expect(explanation).toMatchObject({
      manifestIndex: 0,
      kind: 'FlinkDeployment',
      name: 'app',
      namespace: 'flink',
      clusterName: 'app',
      flinkVersion: 'v1_20',
      configurationFile: 'flink-conf.yaml',
      replaced: [],
      readDifferently: [],
      notes: [],
    });
    expect(explanation.configurationDelivery).toBe("the operator writes flink-conf.yaml into the ConfigMap 'flink-config-app'; Flink 1.20 reads it line by line (its legacy loader)");
    expect(only([patched(APPLICATION, { spec: { flinkVersion: 'v2_0', image: 'flink:2.0.0' } })]).configurationFile).toBe('config.yaml');
  });

  test('replicas x slots replaces job.parallelism, which is shown as ignored; the TaskManagers start on demand', () => {
    const explanation = only([patched(APPLICATION, {
      spec: { flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '4' }, taskManager: { replicas: 3 }, job: { parallelism: 2 } },
    })]);
    expect(explanation.parallelism).toEqual({ value: 12, source: 'spec.taskManager.replicas', ignoredJobParallelism: 2 });
    expect(explanation.slotsPerTaskManager).toBe(4);
    expect(explanation.taskManagers).toEqual({ fixed: false, maxSlots: undefined, explanation: 'TaskManagers start on demand (native mode)' });
    expect(entry(explanation, 'parallelism.default')).toEqual({ key: 'parallelism.default', value: '12', source: 'spec.taskManager.replicas', sensitive: false });
  });

  test('standalone: a fixed count of TaskManagers', () => {
    const explanation = only([patched(APPLICATION, { spec: { mode: 'standalone', taskManager: { replicas: 2 } } })]);
    expect(explanation.taskManagers).toEqual({ fixed: true, count: 2, maxSlots: 2, explanation: '2 TaskManager replicas x 1 slots (standalone mode)' });
  });

  test('a flinkConfiguration memory key that resource.memory replaces is listed with both values', () => {
    const explanation = only([patched(APPLICATION, { spec: { flinkConfiguration: { 'taskmanager.memory.process.size': '4g' } } })]);
    expect(explanation.replaced).toEqual([{
      key: 'taskmanager.memory.process.size', configured: '4g', value: String(2 * GIB), replacedBy: 'spec.taskManager.resource.memory', sensitive: false,
    }]);
    expect(entry(explanation, 'taskmanager.memory.process.size')?.source).toBe('spec.taskManager.resource.memory');
    expect(explanation.taskManagerMemory?.totalProcess).toBe(2 * GIB);
  });

  test('values of sensitive keys are masked everywhere, also where a line break makes Flink read a sensitive key', () => {
    const explanation = only([patched(APPLICATION, {
      spec: {
        flinkConfiguration: {
          's3.secret-key': 'abc#def',
          'metrics.reporter.x.password': 'hunter2',
          'pipeline.name': 'orders\nmetrics.reporter.y.password: hunter3',
          's3.access-key': 'visible?', // not a key Flink masks
        },
      },
    })]);
    expect(entry(explanation, 's3.secret-key')).toEqual({ key: 's3.secret-key', value: '******', source: 'spec.flinkConfiguration', sensitive: true });
    expect(entry(explanation, 'metrics.reporter.x.password')?.value).toBe('******');
    expect(entry(explanation, 'pipeline.name')?.value).toBe('******');
    expect(entry(explanation, 's3.access-key')?.value).toBe('visible?');
    const secret = explanation.readDifferently.find((d) => d.key === 's3.secret-key');
    expect(secret).toEqual({
      key: 's3.secret-key', written: '******', readKey: 's3.secret-key', readValue: '******', reason: "the loader cuts the value at '#'", sensitive: true,
    });
    const injected = explanation.readDifferently.find((d) => d.key === 'pipeline.name');
    expect(injected).toMatchObject({ written: '******', readValue: '******', sensitive: true });
    expect(injected?.reason).toContain("the next line is read as the key 'metrics.reporter.y.password'");
    const text = JSON.stringify(explanation);
    for (const secretValue of ['abc', 'hunter2', 'hunter3']) {
      expect(text).not.toContain(secretValue);
    }
  });

  test("the operator's default configuration lies under the manifest's and is tagged 'operator'", () => {
    const explanation = only([APPLICATION], { operatorConfiguration: { 'taskmanager.numberOfTaskSlots': '3', 'state.backend.type': 'rocksdb' } });
    expect(entry(explanation, 'state.backend.type')).toMatchObject({ value: 'rocksdb', source: 'operator' });
    expect(explanation.slotsPerTaskManager).toBe(3);
  });

  test('the accounts; the memory of both processes; a process Flink would refuse to start gets a note', () => {
    const explanation = only([patched(APPLICATION, { spec: { flinkConfiguration: { 'kubernetes.taskmanager.service-account': 'tm' } } })]);
    expect(explanation.jobManagerAccount).toBe('flink');
    expect(explanation.taskManagerAccount).toBe('tm');
    expect(explanation.memoryModelVersion).toBe('v1_20');
    expect(explanation.jobManagerMemory?.totalProcess).toBe(2 * GIB);
    const refused = only([patched(APPLICATION, { spec: { flinkConfiguration: { 'taskmanager.memory.managed.size': '3g' } } })]);
    expect(refused.taskManagerMemory).toBeUndefined();
    expect(refused.jobManagerMemory).toBeDefined();
    expect(refused.notes).toHaveLength(1);
    expect(refused.notes[0]).toMatch(/^Flink would refuse to start the TaskManager: /);
  });

  test('an unknown flinkVersion is explained as the newest Flink reads it, with a note', () => {
    const explanation = only([patched(APPLICATION, { spec: { flinkVersion: '1.20' } })]);
    expect(explanation.flinkVersion).toBeUndefined();
    expect(explanation.configurationFile).toBe('config.yaml');
    expect(explanation.notes).toEqual(['spec.flinkVersion "1.20" names no Flink version this library knows: explained as the newest Flink reads it']);
  });
});

describe('the Kubernetes objects of a FlinkDeployment (model/cluster-objects.ts)', () => {
  test('the pods after the merge and Flink\'s decorators, the Services, the ConfigMap', () => {
    const explanation = only([patched(APPLICATION, {
      spec: {
        imagePullPolicy: 'Always',
        podTemplate: {
          spec: {
            containers: [{
              name: 'flink-main-container',
              env: [
                { name: 'AWS_SECRET_ACCESS_KEY', value: 'literal-secret' },
                { name: 'REGION', value: 'eu-west-1' },
                { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'creds', key: 'token' } } },
              ],
            }],
          },
        },
      },
    })]);
    const objects = explanation.objects!;
    expect(objects.jobManager).toMatchObject({
      component: 'JobManager',
      workload: "Deployment 'app'",
      replicas: 1,
      image: { value: 'flink:1.20.1', source: 'spec.image' },
      imagePullPolicy: { value: 'Always', source: 'spec.imagePullPolicy' },
      serviceAccount: { value: 'flink', source: 'spec.serviceAccount' },
      hostNetwork: false,
      requests: { memory: '2048Mi', cpu: '1.0' },
    });
    expect(objects.jobManager.ports.map((port) => port.name)).toEqual(['rest', 'jobmanager-rpc', 'blobserver']);
    expect(objects.jobManager.env).toEqual(expect.arrayContaining([
      { name: 'AWS_SECRET_ACCESS_KEY', value: '******', valueFrom: undefined },
      { name: 'REGION', value: 'eu-west-1', valueFrom: undefined },
      { name: 'TOKEN', value: undefined, valueFrom: 'secretKeyRef creds/token' },
    ]));
    expect(objects.taskManager.workload).toBe('pods the JobManager starts');
    expect(objects.restService).toMatchObject({ name: 'app-rest', type: 'ClusterIP', headless: false, ports: [{ name: 'rest', port: 8081, targetPort: '8081' }] });
    expect(objects.internalService).toMatchObject({ name: 'app', headless: true });
    expect(objects.configMapName).toBe('flink-config-app');
    expect(objects.ingress).toBeUndefined();
    expect(JSON.stringify(explanation)).not.toContain('literal-secret');
  });

  test("standalone TaskManagers run in a Deployment; the operator's Ingress for spec.ingress", () => {
    const explanation = only([patched(APPLICATION, {
      spec: { mode: 'standalone', taskManager: { replicas: 2 }, ingress: { template: '{{name}}.flink.example.com', className: 'nginx' } },
    })]);
    expect(explanation.objects?.taskManager).toMatchObject({ workload: "Deployment 'app-taskmanager'", replicas: 2 });
    expect(explanation.objects?.ingress).toEqual({
      name: 'app', className: 'nginx', host: 'app.flink.example.com', path: undefined, serviceName: 'app-rest', servicePort: 8081,
    });
  });

  test('a session job has none of its own', () => {
    expect(FlinkValidator.explain([SESSION_CLUSTER, SESSION_JOB])[1].objects).toBeUndefined();
  });
});

describe('a FlinkSessionJob', () => {
  test('on its cluster: the cluster configuration tagged as such, its own entries, the JarRun request, the cluster facts', () => {
    const job = patched(SESSION_JOB, { spec: { flinkConfiguration: { 'state.backend.type': 'rocksdb' }, job: { entryClass: 'Main', args: ['--topic', 'orders'] } } });
    const [cluster, explanation] = FlinkValidator.explain([SESSION_CLUSTER, job]);
    expect(cluster.kind).toBe('FlinkDeployment');
    expect(cluster.parallelism).toBeUndefined();
    expect(explanation).toMatchObject({
      manifestIndex: 1,
      kind: 'FlinkSessionJob',
      name: 'job',
      clusterName: 'session',
      flinkVersion: 'v1_20',
      parallelism: { value: 2, source: 'spec.job.parallelism' },
      submission: { entryClass: 'Main', args: ['--topic', 'orders'], parallelism: 2, configurationSent: true },
      slotsPerTaskManager: 1,
      jobManagerAccount: 'flink',
      taskManagerAccount: 'flink',
      notes: [],
    });
    expect(explanation.configurationFile).toBeUndefined();
    expect(explanation.configurationDelivery).toContain("the REST API (JarRun) of 'session', Flink 1.20, with its configuration");
    expect(entry(explanation, 'kubernetes.cluster-id')).toMatchObject({ value: 'session', source: 'cluster metadata.name' });
    expect(entry(explanation, 'state.backend.type')).toMatchObject({ value: 'rocksdb', source: 'spec.flinkConfiguration' });
    expect(entry(explanation, 'pipeline.name')).toMatchObject({ value: 'job', source: 'metadata.name' });
    expect(explanation.taskManagerMemory).toBeUndefined();
  });

  test('without its cluster among the manifests: a note, and what is unknown is left out', () => {
    const explanation = only([SESSION_JOB]);
    expect(explanation.notes).toEqual([expect.stringContaining("FlinkDeployment 'session' is not among the manifests")]);
    expect(explanation.flinkVersion).toBeUndefined();
    expect(explanation.taskManagers).toBeUndefined();
    expect(explanation.jobManagerAccount).toBeUndefined();
  });

  test('a cluster before Flink 1.17 gets no configuration with the job: the job runs at 1 without job.parallelism', () => {
    const cluster = patched(SESSION_CLUSTER, { spec: { flinkVersion: 'v1_16', image: 'flink:1.16.3' } });
    const job = patched(SESSION_JOB, { spec: { job: { parallelism: undefined }, flinkConfiguration: { 'parallelism.default': '4' } } });
    const explanation = FlinkValidator.explain([cluster, job])[1];
    expect(explanation.submission?.configurationSent).toBe(false);
    expect(explanation.parallelism?.value).toBe(1);
    expect(explanation.configurationDelivery).toContain('without its configuration');
  });
});

test('a FlinkBlueGreenDeployment: its template, as the operator deploys it as <name>-blue', () => {
  const explanation = only([BLUE_GREEN]);
  expect(explanation).toMatchObject({ kind: 'FlinkBlueGreenDeployment', name: 'orders', clusterName: 'orders-blue', flinkVersion: 'v1_20' });
  expect(entry(explanation, 'kubernetes.cluster-id')?.value).toBe('orders-blue');
  expect(explanation.notes[0]).toContain("'orders-green' differs only in its name");
  expect(only([patched(BLUE_GREEN, { spec: { template: null } })]).notes)
    .toEqual(['spec.template.spec must hold the FlinkDeployment spec of the blue and green deployments']);
});

test('other kinds are skipped; the explanations follow the manifest order', () => {
  const explanations = FlinkValidator.explain([...JOB_RBAC, SESSION_JOB, APPLICATION]);
  expect(explanations.map((e) => [e.manifestIndex, e.kind])).toEqual([[JOB_RBAC.length, 'FlinkSessionJob'], [JOB_RBAC.length + 1, 'FlinkDeployment']]);
});

describe('hostile input never throws', () => {
  const circular: any = { kind: 'FlinkDeployment', metadata: { name: 'loop' }, spec: { flinkVersion: 'v1_20' } };
  circular.spec.flinkConfiguration = { nested: circular };
  circular.spec.job = circular;
  const getter = Object.defineProperty({ kind: 'FlinkDeployment' }, 'spec', { enumerable: true, get: () => { throw new Error('getter'); } });

  test.each<[string, unknown]>([
    ['null', null], ['a number', 42], ['a string', 'FlinkDeployment'], ['an object', { kind: 'FlinkDeployment' }],
    ['a circular object', circular], ['a throwing getter', [getter]], ['a revoked proxy', [(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()]],
  ])('%s as the manifests', (_, manifests) => {
    expect(() => FlinkValidator.explain(manifests as any)).not.toThrow();
    expect(Array.isArray(FlinkValidator.explain(manifests as any))).toBe(true);
  });

  test.each<[string, unknown]>([
    ['nulls', { kind: 'FlinkDeployment', metadata: null, spec: null }],
    ['numbers for strings', { kind: 'FlinkDeployment', metadata: { name: 7 }, spec: { flinkVersion: 120, image: 1, flinkConfiguration: 3, job: 'x' } }],
    ['arrays for objects', { kind: 'FlinkDeployment', metadata: [], spec: { flinkConfiguration: ['a'], jobManager: [], taskManager: [{ replicas: 2 }], job: [] } }],
    ['a session job of a number', { kind: 'FlinkSessionJob', spec: { deploymentName: 5, job: { args: 'x', parallelism: '2' }, flinkConfiguration: null } }],
    ['a blue/green of arrays', { kind: 'FlinkBlueGreenDeployment', spec: { template: { spec: [] } } }],
    ['a circular manifest', circular],
  ])('%s: explained, with the resource listed', (_, manifest) => {
    const explanations = FlinkValidator.explain([manifest, null, 3, ['x']], { operatorConfiguration: [1, 2] } as any);
    expect(explanations).toHaveLength(1);
    expect(() => JSON.stringify(explanations)).not.toThrow();
  });

  test('hostile options', () => {
    expect(only([APPLICATION], 'x' as any).name).toBe('app');
    expect(only([APPLICATION], { operatorConfiguration: { a: { b: 'c' } } } as any).name).toBe('app');
  });
});
