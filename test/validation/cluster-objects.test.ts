/**
 * The model of objects: what a FlinkDeployment becomes in Kubernetes (model/cluster-objects.ts).
 *
 * The pod template cases restate, as our own data, the inputs and expectations of the operator's
 * tests (flink-kubernetes-operator release-1.15.0): `FlinkConfigBuilderTest.testApplyCommonPodTemplate`
 * and `FlinkUtilsTest.testMergePods` / `testMergePodUsingArrayName`. The decorator cases follow
 * Flink 1.20's `InitJobManagerDecorator`, `InitTaskManagerDecorator`, `ExternalServiceDecorator`,
 * `InternalServiceDecorator` and the operator's `FlinkConfMountDecorator` and `IngressUtils`
 * (see each test). The fixture is the operator test's base deployment (`BaseTestUtils`).
 */
import { clusterObjects } from '../../src/validation/model/cluster-objects';
import { DeploymentModel } from '../../src/validation/model/deployment-model';
import { crdSchemaErrors } from '../support/crd-schema';

/** The operator test's base deployment: an application with HA, two JobManagers and two slots. */
function base(): any {
  return {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: { name: 'test-cluster', namespace: 'flink-operator-test' },
    spec: {
      image: 'flink:latest',
      imagePullPolicy: 'IfNotPresent',
      serviceAccount: 'flink-operator',
      flinkVersion: 'v1_17',
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': '2',
        'high-availability.type': 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory',
        'high-availability.storageDir': 'test',
      },
      jobManager: { resource: { cpu: 1, memory: '2048m', ephemeralStorage: '2G' }, replicas: 2 },
      taskManager: { resource: { cpu: 1, memory: '2048m', ephemeralStorage: '2G' } },
      job: { jarURI: 'local:///tmp/sample.jar', parallelism: 2, upgradeMode: 'stateless', state: 'running' },
    },
  };
}

function objectsOf(change: (deployment: any) => void = () => {}, operator: { [key: string]: string } = {}) {
  const deployment = base();
  change(deployment);
  expect(crdSchemaErrors(deployment)).toEqual([]);
  return DeploymentModel.of(new Map(Object.entries(operator)), deployment).objects;
}

const NO_PROBE = { 'kubernetes.operator.jm-deployment.startup.probe.enabled': 'false' };
const names = (pod: any) => pod.spec.containers.map((container: any) => container.name);
const mainOf = (pod: any) => pod.spec.containers.find((container: any) => container.name === 'flink-main-container');

describe('pod templates as the operator merges them (FlinkConfigBuilderTest.testApplyCommonPodTemplate)', () => {
  const c0 = { name: 'c0', image: 'busybox' };

  test('a common template reaches both pods; ephemeral storage lands on the main container, appended after the others', () => {
    const objects = objectsOf((d) => {
      d.spec.podTemplate = { spec: { hostname: '', containers: [c0] } };
      d.spec.jobManager.resource.ephemeralStorage = undefined;
      d.spec.taskManager.resource.ephemeralStorage = undefined;
    }, NO_PROBE);
    expect(objects.jobManager.merged.spec.containers).toEqual([c0]);
    expect(objects.taskManager.merged.spec.containers).toEqual([c0]);
    // Flink adds its main container to the template's
    expect(names(objects.jobManager.pod)).toEqual(['c0', 'flink-main-container']);

    const withStorage = objectsOf((d) => {
      d.spec.podTemplate = { spec: { hostname: '', containers: [c0] } };
      d.spec.taskManager.resource.ephemeralStorage = '3G';
    }, NO_PROBE);
    const jm = mainOf(withStorage.jobManager.pod).resources;
    const tm = mainOf(withStorage.taskManager.pod).resources;
    expect([jm.limits['ephemeral-storage'], jm.requests['ephemeral-storage']]).toEqual(['2G', '2G']);
    expect([tm.limits['ephemeral-storage'], tm.requests['ephemeral-storage']]).toEqual(['3G', '3G']);
  });

  test('the startup probe (on by default) goes on the JobManager only, on the port named rest', () => {
    const objects = objectsOf((d) => {
      d.spec.podTemplate = { spec: { containers: [c0] } };
      d.spec.jobManager.resource.ephemeralStorage = undefined;
    });
    expect(mainOf(objects.jobManager.pod).startupProbe.httpGet).toEqual({ path: '/config', port: 'rest' });
    expect(mainOf(objects.taskManager.pod).startupProbe).toBeUndefined();
  });

  test("a process template's main container with an image: the pods keep it unless spec.image is set", () => {
    const change = (d: any) => {
      d.spec.jobManager.podTemplate = { spec: { containers: [{ name: 'flink-main-container', image: 'test' }, c0] } };
      d.spec.taskManager.podTemplate = { spec: { containers: [{ name: 'c1' }] } };
    };
    const objects = objectsOf(change);
    expect(names(objects.jobManager.pod)).toEqual(['c0', 'flink-main-container']);
    expect(mainOf(objects.jobManager.pod).startupProbe).toBeDefined();
    expect(objects.taskManager.merged.spec.containers).toEqual([{ name: 'c1' }]);
    // spec.image beats the template's image: the operator writes it as kubernetes.container.image.ref
    expect(objects.jobManager.image).toMatchObject({ value: 'flink:latest', source: 'spec.image', path: 'spec.image' });
    const noImage = objectsOf((d) => { change(d); delete d.spec.image; });
    expect(noImage.jobManager.image).toMatchObject({ value: 'test', path: 'spec.jobManager.podTemplate.spec.containers[0].image', isDefault: false });
    expect(noImage.taskManager.image.value).toBeUndefined();
    expect(noImage.taskManager.image.isDefault).toBe(true);
    expect(noImage.taskManager.image.source).toContain('the image Flink defaults to');
  });

  test("the common template's dnsPolicy is kept (Flink 1.17+)", () => {
    const objects = objectsOf((d) => { d.spec.podTemplate = { spec: { containers: [], dnsPolicy: 'Default' } }; });
    expect(objects.jobManager.pod.spec.dnsPolicy).toBe('Default');
    expect(objects.taskManager.pod.spec.dnsPolicy).toBe('Default');
    expect(objectsOf().jobManager.pod.spec.dnsPolicy).toBe('ClusterFirst');
  });
});

describe('the merge of lists (FlinkUtilsTest)', () => {
  test('testMergePods: no common containers, the specific ones as they are', () => {
    const containers = [{ name: 'container1' }, { name: 'container2' }];
    const objects = objectsOf((d) => {
      d.spec.podTemplate = { metadata: { labels: { team: 'a' } }, spec: {} };
      d.spec.taskManager.podTemplate = { spec: { containers } };
    });
    expect(objects.taskManager.merged.spec.containers).toEqual(containers);
    expect(objects.taskManager.pod.metadata.labels.team).toBe('a');
  });

  test('testMergePodUsingArrayName: by name when merge-arrays-by-name is true, by position otherwise', () => {
    const change = (d: any) => {
      d.spec.podTemplate = { spec: { containers: [{ name: 'c1' }, { name: 'c2' }], volumes: [{ name: 'v1', ephemeral: {} }] } };
      d.spec.taskManager.podTemplate = {
        spec: { containers: [{ name: 'c1' }, { name: 'c3' }], volumes: [{ name: 'v1', emptyDir: {} }, { name: 'v2', emptyDir: {} }, { name: 'v3', emptyDir: {} }] },
      };
    };
    const byName = objectsOf((d) => {
      change(d);
      d.spec.flinkConfiguration['kubernetes.operator.pod-template.merge-arrays-by-name'] = 'true';
    });
    expect(byName.taskManager.merged.spec.containers.map((c: any) => c.name)).toEqual(['c1', 'c2', 'c3']);
    expect(byName.taskManager.merged.spec.volumes).toEqual([
      { name: 'v1', ephemeral: {}, emptyDir: {} }, { name: 'v2', emptyDir: {} }, { name: 'v3', emptyDir: {} },
    ]);
    // by position, c3 is merged into c2 (and takes its name)
    expect(objectsOf(change).taskManager.merged.spec.containers.map((c: any) => c.name)).toEqual(['c1', 'c3']);
  });
});

describe("what Flink's decorators set on the main container", () => {
  test('image: a key in flinkConfiguration beats the template; the old key is read too', () => {
    const objects = objectsOf((d) => {
      delete d.spec.image;
      d.spec.podTemplate = { spec: { containers: [{ name: 'flink-main-container', image: 'my-registry/flink:1.17' }] } };
      d.spec.flinkConfiguration['kubernetes.container.image'] = 'other/flink:1.17';
    });
    expect(objects.jobManager.image).toMatchObject({ value: 'other/flink:1.17', path: "spec.flinkConfiguration['kubernetes.container.image']" });
    expect(objects.taskManager.image.value).toBe('other/flink:1.17');
  });

  test('pull policy and service accounts', () => {
    const objects = objectsOf((d) => {
      delete d.spec.imagePullPolicy;
      d.spec.flinkConfiguration['kubernetes.taskmanager.service-account'] = 'tm';
    });
    expect(objects.jobManager.imagePullPolicy).toMatchObject({ value: 'IfNotPresent', isDefault: true });
    expect(objects.jobManager.serviceAccount.value).toBe('flink-operator');
    expect(objects.taskManager.serviceAccount.value).toBe('tm');
    expect(objects.taskManager.pod.spec.serviceAccountName).toBe('tm');
  });

  test('memory from the process size, CPU, and their limit factors', () => {
    const objects = objectsOf((d) => { d.spec.flinkConfiguration['kubernetes.taskmanager.memory.limit-factor'] = '1.5'; });
    expect(mainOf(objects.jobManager.pod).resources.requests).toMatchObject({ memory: '2048Mi', cpu: '1.0' });
    expect(mainOf(objects.taskManager.pod).resources.limits).toMatchObject({ memory: '3072Mi', cpu: '1.0' });
  });

  test("ports: Flink adds its own to the template's, none with the host network", () => {
    const metrics = { name: 'metrics', containerPort: 9249 };
    const change = (d: any) => { d.spec.podTemplate = { spec: { containers: [{ name: 'flink-main-container', ports: [metrics] }] } }; };
    const objects = objectsOf(change);
    expect(objects.jobManager.ports.map((p) => [p.name, p.containerPort])).toEqual([
      ['metrics', 9249], ['rest', 8081], ['jobmanager-rpc', 6123], ['blobserver', 6124],
    ]);
    expect(objects.taskManager.ports.map((p) => [p.name, p.containerPort])).toEqual([['metrics', 9249], ['taskmanager-rpc', 6122]]);
    const host = objectsOf((d) => { change(d); d.spec.flinkConfiguration['kubernetes.hostnetwork.enabled'] = 'true'; });
    expect(host.taskManager.ports.map((p) => p.name)).toEqual(['metrics']);
    expect(host.taskManager.pod.spec).toMatchObject({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' });
  });

  test('environment from containerized.master.env.* and containerized.taskmanager.env.*', () => {
    const objects = objectsOf((d) => {
      d.spec.flinkConfiguration['containerized.master.env.A'] = '1';
      d.spec.flinkConfiguration['containerized.taskmanager.env.B'] = '2';
    });
    expect(mainOf(objects.jobManager.pod).env).toContainEqual({ name: 'A', value: '1' });
    expect(mainOf(objects.taskManager.pod).env).toContainEqual({ name: 'B', value: '2' });
    expect(mainOf(objects.taskManager.pod).env.map((e: any) => e.name)).not.toContain('A');
  });
});

describe('Services, ConfigMap and Ingress', () => {
  test('the REST Service: <cluster-id>-rest, port rest.port, targetPort rest.bind-port', () => {
    const objects = objectsOf();
    expect(objects.restService).toMatchObject({
      name: 'test-cluster-rest',
      type: 'ClusterIP',
      ports: [{ name: 'rest', port: 8081, targetPort: 8081 }],
      selector: { type: 'flink-native-kubernetes', app: 'test-cluster', component: 'jobmanager' },
    });
    const moved = objectsOf((d) => { d.spec.flinkConfiguration['rest.port'] = '9000'; });
    expect(moved.restService.ports).toEqual([{ name: 'rest', port: 9000, targetPort: 9000 }]);
    const bound = objectsOf((d) => {
      d.spec.flinkConfiguration['rest.bind-port'] = '9001';
      d.spec.flinkConfiguration['kubernetes.rest-service.exposed.type'] = 'Headless_ClusterIP';
    });
    expect(bound.restService).toMatchObject({ type: 'ClusterIP', headless: true, ports: [{ port: 8081, targetPort: 9001 }] });
    expect(bound.restService.manifest.spec.clusterIP).toBe('None');
  });

  test('the internal Service only without high availability', () => {
    expect(objectsOf().internalService).toBeUndefined();
    const plain = objectsOf((d) => {
      delete d.spec.flinkConfiguration['high-availability.type'];
      delete d.spec.flinkConfiguration['high-availability.storageDir'];
    });
    expect(plain.internalService).toMatchObject({ name: 'test-cluster', headless: true, ports: [{ name: 'jobmanager-rpc', port: 6123 }, { name: 'blobserver', port: 6124 }] });
  });

  test('the ConfigMap: flink-conf.yaml before Flink 2.0, config.yaml from 2.0 (FlinkConfMountDecoratorTest.testConfigMap)', () => {
    expect(objectsOf().configMap).toEqual({ name: 'flink-config-test-cluster', fileName: 'flink-conf.yaml' });
    expect(objectsOf((d) => { d.spec.flinkVersion = 'v2_0'; }).configMap.fileName).toBe('config.yaml');
  });

  test("the operator's Ingress for spec.ingress, to the REST Service on rest.port", () => {
    expect(objectsOf().ingress).toBeUndefined();
    const objects = objectsOf((d) => { d.spec.ingress = { template: '{{name}}.{{namespace}}.example.com/flink', className: 'nginx' }; });
    expect(objects.ingress).toMatchObject({
      name: 'test-cluster',
      className: 'nginx',
      host: 'test-cluster.flink-operator-test.example.com',
      path: '/flink',
      serviceName: 'test-cluster-rest',
      servicePort: 8081,
    });
  });
});

describe('standalone mode', () => {
  test('a TaskManager Deployment of the fixed count; its image comes from the configuration, not the template', () => {
    const objects = objectsOf((d) => {
      d.spec.mode = 'standalone';
      d.spec.taskManager.replicas = 3;
      d.spec.taskManager.podTemplate = { spec: { containers: [{ name: 'flink-main-container', image: 'ignored/flink:1.17' }] } };
    });
    expect(objects.standalone).toBe(true);
    expect(objects.taskManager).toMatchObject({ workload: "Deployment 'test-cluster-taskmanager'", replicas: 3 });
    expect(objects.taskManager.image.value).toBe('flink:latest');
    expect(objects.jobManager).toMatchObject({ workload: "Deployment 'test-cluster'", replicas: 2 });
    expect(objects.restService.selector.type).toBe('flink-standalone-kubernetes');
    expect(objects.internalService).toBeDefined();
  });
});

describe('hostile input', () => {
  test.each([
    ['no spec', { kind: 'FlinkDeployment', metadata: { name: 'x' } }],
    ['a spec of the wrong type', { kind: 'FlinkDeployment', spec: [1] }],
    ['templates of the wrong shape', {
      kind: 'FlinkDeployment',
      metadata: { name: 5 },
      spec: { podTemplate: 'x', jobManager: { podTemplate: { spec: { containers: [null, 5, { name: 'flink-main-container', ports: 'p', env: 3 }] } } }, taskManager: [] },
    }],
    ['configuration of the wrong types', { kind: 'FlinkDeployment', metadata: { name: 'x' }, spec: { flinkConfiguration: { 'rest.port': 'a', 'blob.server.port': '50100-50200' }, ingress: { template: 5 } } }],
  ])('%s: no throw', (_what, manifest) => {
    const objects = clusterObjects(DeploymentModel.of(new Map(), manifest));
    expect(objects.jobManager.pod.spec.containers.length).toBeGreaterThan(0);
  });
});
