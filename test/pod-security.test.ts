import { Chart, Testing } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { FlinkClusterProps, FlinkSessionCluster, FlinkVersion, PodPrivilege } from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';
import { EffectiveConfiguration } from '../src/private/options/effective-configuration';
import { alignWithCommon, writableDirectories } from '../src/render/pod-hardening';
import { mainContainerFirst, mergeJson } from '../src/render/pod-template';
import { effectivePods } from '../src/validation/pods/effective-pods';
import { mergePodTemplates } from '../src/validation/pods/flink-pods';

function specOf(props: Partial<FlinkClusterProps>): any {
  const app = Testing.app();
  app.node.setContext('cdk8s-flink:print-warnings', false);
  const chart: Chart = new Chart(app, 'test', { namespace: 'flink' });
  new FlinkSessionCluster(chart, 'Session', {
    flinkVersion: FlinkVersion.V1_20,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    ...props,
  });
  return manifestOf(synthValid(chart), 'FlinkDeployment', 'session').spec;
}

const POD_DEFAULTS = { runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' } };
const MAIN_DEFAULTS = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true };

describe('pod security defaults', () => {
  test('the restricted profile, with the official image uid and gid 9999', () => {
    expect(specOf({}).podTemplate).toEqual({
      spec: {
        securityContext: POD_DEFAULTS,
        containers: [{ name: 'flink-main-container', securityContext: MAIN_DEFAULTS }],
      },
    });
  });

  test('podSecurityContext {fsGroup: 9999} merges over the defaults, field by field', () => {
    expect(specOf({ podSecurityContext: { fsGroup: 9999 } }).podTemplate.spec.securityContext).toEqual({ ...POD_DEFAULTS, fsGroup: 9999 });
  });

  test('containerSecurityContext merges over the defaults too', () => {
    const spec = specOf({ containerSecurityContext: { readOnlyRootFilesystem: true, capabilities: { add: ['NET_BIND_SERVICE'] } } });
    expect(spec.podTemplate.spec.containers[0].securityContext).toEqual({
      ...MAIN_DEFAULTS, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
    });
  });

  test('the pod template is merged on top: its fields win, containers merge by name, sidecars get the container defaults', () => {
    const spec = specOf({
      podTemplate: {
        metadata: { labels: { team: 'data' } },
        spec: {
          securityContext: { fsGroup: 9999 },
          containers: [
            { name: 'fluent-bit', image: 'fluent/fluent-bit:3.0', securityContext: { readOnlyRootFilesystem: true } },
            { name: 'flink-main-container', volumeMounts: [{ name: 'logs', mountPath: '/opt/flink/log' }] },
          ],
          volumes: [{ name: 'logs', emptyDir: {} }],
        },
      },
    });
    expect(spec.podTemplate).toEqual({
      metadata: { labels: { team: 'data' } },
      spec: {
        securityContext: { ...POD_DEFAULTS, fsGroup: 9999 },
        containers: [
          { name: 'flink-main-container', securityContext: MAIN_DEFAULTS, volumeMounts: [{ name: 'logs', mountPath: '/opt/flink/log' }] },
          { name: 'fluent-bit', image: 'fluent/fluent-bit:3.0', securityContext: { ...MAIN_DEFAULTS, readOnlyRootFilesystem: true } },
        ],
        volumes: [{ name: 'logs', emptyDir: {} }],
      },
    });
  });

  test('JobManager and TaskManager templates keep the main container at index 0, and their own containers get the defaults', () => {
    const spec = specOf({
      taskManager: { podTemplate: { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }] } } },
      jobManager: { podTemplate: { spec: { initContainers: [{ name: 'init', image: 'busybox:1.36' }] } as any } },
    });
    expect(spec.taskManager.podTemplate.spec.containers).toEqual([{ name: 'flink-main-container' }, { name: 'sidecar', image: 'busybox:1.36', securityContext: MAIN_DEFAULTS }]);
    expect(spec.jobManager.podTemplate).toEqual({ spec: { initContainers: [{ name: 'init', image: 'busybox:1.36', securityContext: MAIN_DEFAULTS }] } });
  });
});

describe('privileges the defaults take away', () => {
  test.each<[string, Partial<FlinkClusterProps>, RegExp]>([
    ['runAsNonRoot false', { podSecurityContext: { runAsNonRoot: false } }, /'podSecurityContext' grants 'run-as-root' \(pod securityContext\.runAsNonRoot: false\).*allowedPodPrivileges: \[PodPrivilege\.RUN_AS_ROOT\]/],
    ['a privileged sidecar', { podTemplate: { spec: { containers: [{ name: 'debug', image: 'busybox', securityContext: { privileged: true } }] } } },
      /'podTemplate' grants 'privileged' \(container 'debug' securityContext\.privileged: true\).*PodPrivilege\.PRIVILEGED/],
    ['privilege escalation', { containerSecurityContext: { allowPrivilegeEscalation: true } }, /'containerSecurityContext' grants 'privilege-escalation'/],
    ['an added capability', { taskManager: { podTemplate: { spec: { containers: [{ name: 'x', securityContext: { capabilities: { add: ['NET_RAW'] } } }] } } } },
      /'taskManager\.podTemplate' grants 'capabilities' \(container 'x' securityContext\.capabilities\.add: \[NET_RAW\]\)/],
    ['a drop list without ALL', { containerSecurityContext: { capabilities: { drop: ['NET_RAW'] } } }, /grants 'capabilities'.*\(not ALL\)/],
    ['hostNetwork', { podTemplate: { spec: { hostNetwork: true, containers: [] } } }, /'podTemplate' grants 'host-namespaces' \(pod hostNetwork: true\)/],
    ['hostPID', { jobManager: { podTemplate: { spec: { hostPid: true, containers: [] } } } }, /'jobManager\.podTemplate' grants 'host-namespaces' \(pod hostPID: true\)/],
    ['Flink\'s host network switch', { flinkConfiguration: { 'kubernetes.hostnetwork.enabled': 'true' } }, /'flinkConfiguration' grants 'host-namespaces'/],
    ['a hostPath volume', { podTemplate: { spec: { containers: [], volumes: [{ name: 'host', hostPath: { path: '/var/run' } }] } } }, /grants 'host-path-volumes' \(volume 'host': hostPath "\/var\/run"\)/],
    ['a hostPort', { podTemplate: { spec: { containers: [{ name: 'flink-main-container', ports: [{ containerPort: 8081, hostPort: 8081 }] }] } } }, /grants 'host-ports'/],
    ['an unconfined seccomp profile', { podSecurityContext: { seccompProfile: { type: 'Unconfined' } } }, /grants 'unconfined-seccomp'/],
    ['an unmasked /proc', { taskManager: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', securityContext: { procMount: 'Unmasked' } }] } } } },
      /'taskManager\.podTemplate' grants 'unmasked-proc-mount' \(container 'flink-main-container' must not set securityContext\.procMount other than Default\).*PodPrivilege\.UNMASKED_PROC_MOUNT/],
    ['an SELinux type of the node', { podSecurityContext: { seLinuxOptions: { type: 'spc_t' } } }, /'podSecurityContext' grants 'selinux-options' \(pod must not set a custom seLinuxOptions type, user or role\)/],
    ['an unsafe sysctl', { podSecurityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } }, /'podSecurityContext' grants 'unsafe-sysctls' \(forbidden sysctls: kernel\.msgmax\)/],
    ['the AppArmor annotation', { podTemplate: { metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/flink-main-container': 'unconfined' } }, spec: { containers: [] } } },
      /'podTemplate' grants 'unconfined-apparmor' \(annotation container\.apparmor\.security\.beta\.kubernetes\.io\/flink-main-container/],
    ['a Windows host process', { podSecurityContext: { windowsOptions: { hostProcess: true } } }, /'podSecurityContext' grants 'windows-host-process'/],
  ])('%s is refused, naming the prop', (_what, props, message) => {
    expect(() => specOf(props)).toThrow(message);
  });

  test('safe values are no privilege: a safe sysctl, a container SELinux type, the Default /proc', () => {
    expect(() => specOf({
      podSecurityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '600' }], seLinuxOptions: { type: 'container_t' } },
      containerSecurityContext: { procMount: 'Default' },
    })).not.toThrow();
  });

  test('an unmasked /proc that is allowed is rendered, and reported by the engine as a warning', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const chart = testChart();
      new FlinkSessionCluster(chart, 'Session', {
        flinkVersion: FlinkVersion.V1_20,
        containerSecurityContext: { procMount: 'Unmasked' },
        allowedPodPrivileges: [PodPrivilege.UNMASKED_PROC_MOUNT],
      });
      Testing.synth(chart);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toMatch(/granted 'unmasked-proc-mount'.*procMount other than Default.* \[pod-privileges\]/);
    } finally {
      write.mockRestore();
    }
  });

  test('an allowed privilege is rendered, and reported at synth as a warning', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const chart = testChart();
      new FlinkSessionCluster(chart, 'Session', {
        flinkVersion: FlinkVersion.V1_20,
        podTemplate: { spec: { hostNetwork: true, containers: [] } },
        allowedPodPrivileges: [PodPrivilege.HOST_NAMESPACES],
      });
      const spec = manifestOf(Testing.synth(chart), 'FlinkDeployment', 'session').spec;
      expect(spec.podTemplate.spec.hostNetwork).toBe(true);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toMatch(/FlinkDeployment\/session spec\.podTemplate: .*granted 'host-namespaces'.*pod hostNetwork: true.* \[pod-privileges\]/);
    } finally {
      write.mockRestore();
    }
  });
});

describe('read-only root filesystem', () => {
  test("mounts an emptyDir on the official image's log, temporary and artifacts directories", () => {
    const spec = specOf({ readOnlyRootFilesystem: true });
    const main = spec.podTemplate.spec.containers[0];
    expect(main.securityContext).toEqual({ ...MAIN_DEFAULTS, readOnlyRootFilesystem: true });
    expect(main.volumeMounts).toEqual([
      { name: 'flink-log', mountPath: '/opt/flink/log' },
      { name: 'flink-tmp', mountPath: '/tmp' },
      { name: 'flink-artifacts', mountPath: '/opt/flink/artifacts' },
    ]);
    expect(spec.podTemplate.spec.volumes).toEqual(['flink-log', 'flink-tmp', 'flink-artifacts'].map((name) => ({ name, emptyDir: {} })));
  });

  test('follows the configured directories', () => {
    expect(writableDirectories({ 'io.tmp.dirs': '/data/tmp1,/data/tmp2', 'kubernetes.flink.log.dir': '/var/log/flink/' })).toEqual([
      { name: 'flink-log', path: '/var/log/flink' },
      { name: 'flink-tmp', path: '/data/tmp1' },
      { name: 'flink-tmp-1', path: '/data/tmp2' },
      { name: 'flink-artifacts', path: '/opt/flink/artifacts' },
    ]);
    expect(writableDirectories({ 'io.tmp.dirs': '/tmp:/tmp/spill', 'user.artifacts.base-dir': '/tmp/artifacts' }).map((d) => d.path)).toEqual(['/opt/flink/log', '/tmp']);
  });

  test('a container security context that says otherwise is refused', () => {
    expect(() => specOf({ readOnlyRootFilesystem: true, containerSecurityContext: { readOnlyRootFilesystem: false } }))
      .toThrow(/'readOnlyRootFilesystem' is true, but 'containerSecurityContext\.readOnlyRootFilesystem' is false/);
  });
});

describe("the operator's merge of the common and the process templates", () => {
  test('arrays merge by position: a misaligned sidecar lands on the main container', () => {
    const common = { spec: { containers: [{ name: 'flink-main-container', securityContext: { privileged: false } }] } };
    const specific = { spec: { containers: [{ name: 'sidecar', securityContext: { privileged: true } }] } };
    expect(mergePodTemplates(common, specific, false).spec.containers).toEqual([{ name: 'sidecar', securityContext: { privileged: true } }]);
    expect(mergePodTemplates(common, specific, true).spec.containers).toHaveLength(2);
    expect(mergePodTemplates({ a: ['x', 'y'] }, { a: ['z', 'w', 'v'] }, false)).toEqual({ a: ['x', 'y', 'v'] });
  });

  test('alignment makes the positional merge land each container and variable on its namesake', () => {
    const common = { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'A', value: '1' }], securityContext: MAIN_DEFAULTS }, { name: 'log-shipper', image: 'x' }] } };
    const specific = { spec: { containers: [{ name: 'tm-sidecar', image: 'y' }, { name: 'flink-main-container', env: [{ name: 'B', value: '2' }] }] } };
    const aligned = alignWithCommon(common, specific);
    expect(aligned.spec.containers.map((c: any) => c.name)).toEqual(['flink-main-container', 'log-shipper', 'tm-sidecar']);
    const merged = mergePodTemplates(common, aligned, false);
    expect(merged.spec.containers[0].env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    expect(merged.spec.containers[0].securityContext).toEqual(MAIN_DEFAULTS);
    expect(merged.spec.containers[2]).toEqual({ name: 'tm-sidecar', image: 'y', securityContext: MAIN_DEFAULTS });
    expect(mergePodTemplates(common, aligned, true)).toEqual(merged);
  });

  test('Flink adds its main container and follows kubernetes.hostnetwork.enabled', () => {
    const config = EffectiveConfiguration.merge(undefined, new Map([['kubernetes.hostnetwork.enabled', 'true']]));
    const [jobManager] = effectivePods({ podTemplate: { spec: { containers: [{ name: 'sidecar' }] } } }, config);
    expect(jobManager.spec).toEqual({ hostNetwork: true, containers: [{ name: 'sidecar' }, { name: 'flink-main-container' }] });
  });
});

describe('mergeJson', () => {
  test.each([
    [{ a: 1 }, undefined, { a: 1 }],
    [{ a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
    [{ args: ['a'] }, { args: ['b'] }, { args: ['b'] }],
    [{ containers: [{ name: 'x', a: 1 }] }, { containers: [{ name: 'x', b: 2 }, { name: 'y' }] }, { containers: [{ name: 'x', a: 1, b: 2 }, { name: 'y' }] }],
    [{ env: [{ name: 'A', value: '1' }] }, { env: [{ name: 'B', value: '2' }] }, { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }],
    [{ volumeMounts: [{ name: 'v', mountPath: '/a' }] }, { volumeMounts: [{ name: 'v', mountPath: '/b' }] }, { volumeMounts: [{ name: 'v', mountPath: '/a' }, { name: 'v', mountPath: '/b' }] }],
    [{ a: 1 }, { a: null }, { a: null }],
  ])('mergeJson(%j, %j) is %j', (base, override, expected) => {
    expect(mergeJson(base, override)).toEqual(expected);
  });

  test('mainContainerFirst leaves templates without containers alone', () => {
    expect(mainContainerFirst(undefined)).toBeUndefined();
    expect(mainContainerFirst({ spec: { containers: [] } })).toEqual({ spec: { containers: [] } });
  });
});
