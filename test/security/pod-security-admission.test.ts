/**
 * The Pod Security Standards, checked at synth on the effective JobManager and TaskManager pods:
 * each upstream check, a Namespace that enforces a level, the CLI's --pod-security, and the quick
 * start's pods under the restricted level.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as YAML from 'yaml';
import { QuickStartChart } from '../../examples/quick-start/main';
import { FlinkSessionCluster, FlinkValidator, FlinkVersion, PodPrivilege, PodSecurityLevel, Severity } from '../../src';
import { validateCommand } from '../../src/cli/validate-command';
import { EffectiveConfiguration } from '../../src/private/options/effective-configuration';
import { effectivePods } from '../../src/validation/pods/effective-pods';
import { checkIds, podSecurityViolations } from '../../src/validation/pods/pod-security-standards';
import { synthValid } from '../support/manifests';
import { APPLICATION, JOB_RBAC, patched } from '../validation/fixtures';

const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
const RESTRICTED_POD = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
/** A pod spec that passes restricted, with a patch applied. */
const pod = (patch: any = {}) => patched({ securityContext: RESTRICTED_POD, containers: [{ name: 'flink-main-container', securityContext: RESTRICTED_CONTAINER }] }, patch);
const withContainer = (securityContext: any, extra: any = {}) => ({ ...pod(), containers: [{ name: 'flink-main-container', securityContext: { ...RESTRICTED_CONTAINER, ...securityContext }, ...extra }] });

describe('the checks, by their upstream ids', () => {
  test('the levels list the upstream checks', () => {
    expect(checkIds('baseline')).toEqual(['windowsHostProcess', 'hostNamespaces', 'privileged', 'capabilities_baseline', 'hostPathVolumes', 'hostPorts',
      'appArmorProfile', 'seLinuxOptions', 'procMount', 'seccompProfile_baseline', 'sysctls', 'hostProbesAndHostLifecycle']);
    expect(checkIds('restricted')).toEqual([...checkIds('baseline'), 'restrictedVolumes', 'allowPrivilegeEscalation', 'runAsNonRoot', 'runAsUser',
      'seccompProfile_restricted', 'capabilities_restricted']);
  });

  test.each<[string, any, any]>([
    ['windowsHostProcess', { securityContext: { ...RESTRICTED_POD, windowsOptions: { hostProcess: true } } }, {}],
    ['hostNamespaces', { hostIPC: true }, { hostIPC: false }],
    ['privileged', withContainer({ privileged: true }), withContainer({ privileged: false })],
    ['capabilities_baseline', withContainer({ capabilities: { drop: ['ALL'], add: ['NET_RAW'] } }), {}],
    ['hostPathVolumes', { volumes: [{ name: 'h', hostPath: { path: '/' } }] }, { volumes: [{ name: 'e', emptyDir: {} }] }],
    ['hostPorts', withContainer({}, { ports: [{ containerPort: 80, hostPort: 80 }] }), withContainer({}, { ports: [{ containerPort: 80, hostPort: 0 }] })],
    ['appArmorProfile', withContainer({ appArmorProfile: { type: 'Unconfined' } }), withContainer({ appArmorProfile: { type: 'RuntimeDefault' } })],
    ['seLinuxOptions', { securityContext: { ...RESTRICTED_POD, seLinuxOptions: { type: 'spc_t' } } }, { securityContext: { ...RESTRICTED_POD, seLinuxOptions: { type: 'container_t', level: 's0:c1' } } }],
    ['procMount', withContainer({ procMount: 'Unmasked' }), withContainer({ procMount: 'Default' })],
    ['seccompProfile_baseline', { securityContext: { ...RESTRICTED_POD, seccompProfile: { type: 'Unconfined' } } }, {}],
    ['sysctls', { securityContext: { ...RESTRICTED_POD, sysctls: [{ name: 'kernel.msgmax', value: '1' }] } }, { securityContext: { ...RESTRICTED_POD, sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }] } }],
    ['hostProbesAndHostLifecycle', withContainer({}, { livenessProbe: { httpGet: { host: '10.0.0.1', port: 8081 } } }), withContainer({}, { livenessProbe: { httpGet: { port: 8081 } } })],
    ['restrictedVolumes', { volumes: [{ name: 'n', nfs: { server: 'x', path: '/' } }] }, { volumes: [{ name: 's', secret: { secretName: 'x' } }, { name: 'c', configMap: { name: 'y' } }] }],
    ['allowPrivilegeEscalation', { containers: [{ name: 'flink-main-container', securityContext: { capabilities: { drop: ['ALL'] } } }] }, {}],
    ['runAsNonRoot', { securityContext: { runAsNonRoot: undefined } }, { securityContext: { runAsNonRoot: undefined }, containers: [{ name: 'flink-main-container', securityContext: { ...RESTRICTED_CONTAINER, runAsNonRoot: true } }] }],
    ['runAsUser', { securityContext: { ...RESTRICTED_POD, runAsUser: 0 } }, { securityContext: { ...RESTRICTED_POD, runAsUser: 9999 } }],
    ['seccompProfile_restricted', { securityContext: { seccompProfile: undefined } }, { securityContext: { seccompProfile: undefined }, containers: [{ name: 'flink-main-container', securityContext: { ...RESTRICTED_CONTAINER, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } } }] }],
    ['capabilities_restricted', withContainer({ capabilities: { drop: ['all'] } }), withContainer({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } })],
  ])('%s: rejects the first pod, accepts the second', (check, bad, good) => {
    expect(podSecurityViolations('restricted', {}, pod(bad)).map((v) => v.check)).toContain(check);
    expect(podSecurityViolations('restricted', {}, pod(good))).toEqual([]);
  });

  test('an AppArmor annotation on the pod counts, runtime/default and localhost/ profiles pass', () => {
    const annotation = (value: string) => ({ annotations: { 'container.apparmor.security.beta.kubernetes.io/flink-main-container': value } });
    expect(podSecurityViolations('baseline', annotation('unconfined'), pod()).map((v) => v.check)).toEqual(['appArmorProfile']);
    expect(podSecurityViolations('baseline', annotation('localhost/flink'), pod())).toEqual([]);
  });

  test('user namespaces relax runAsNonRoot and runAsUser; baseline does not check them', () => {
    expect(podSecurityViolations('restricted', {}, pod({ hostUsers: false, securityContext: { runAsNonRoot: false, runAsUser: 0 } }))).toEqual([]);
    expect(podSecurityViolations('baseline', {}, { containers: [{ name: 'x' }] })).toEqual([]);
  });
});

describe('a Namespace that enforces a level', () => {
  const namespace = (labels: { [key: string]: string }) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'flink', labels } });
  const findingsOf = (manifests: any[], options = {}) => FlinkValidator.validate(manifests, options).filter((f) => f.rule === 'pod-security-admission');

  test('restricted: a hand-written FlinkDeployment without a security context fails, one error per check', () => {
    const findings = findingsOf([namespace({ 'pod-security.kubernetes.io/enforce': 'restricted' }), APPLICATION, ...JOB_RBAC]);
    expect(findings.map((f) => [f.severity, f.path, f.message.match(/check '(\w+)'/)![1]])).toEqual(
      ['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted', 'capabilities_restricted'].map((check) => [Severity.ERROR, 'spec.podTemplate', check]));
    expect(findings[0].message).toMatch(/^The JobManager and TaskManager pods violate the check 'allowPrivilegeEscalation' of the Pod Security level 'restricted' that Namespace 'flink' enforces \(pod-security\.kubernetes\.io\/enforce\): container 'flink-main-container' must set securityContext\.allowPrivilegeEscalation=false\. The operator would create the Deployment, but the API server would refuse its pods/);
  });

  test('baseline: only the TaskManager template grants a host namespace', () => {
    const manifest = patched(APPLICATION, { spec: { taskManager: { podTemplate: { spec: { hostNetwork: true } } } } });
    const findings = findingsOf([namespace({ 'pod-security.kubernetes.io/enforce': 'baseline' }), manifest, ...JOB_RBAC]);
    expect(findings.map((f) => [f.path, f.message.match(/^The (\w+) pods violate the check '(\w+)'/)!.slice(1)])).toEqual([['spec.taskManager.podTemplate', ['TaskManager', 'hostNamespaces']]]);
  });

  test('a stricter warn label gives warnings; the option applies a level without a Namespace', () => {
    const warned = findingsOf([namespace({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' }), APPLICATION, ...JOB_RBAC]);
    expect(warned.map((f) => f.severity)).toEqual([Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.WARNING]);
    expect(findingsOf([APPLICATION, ...JOB_RBAC], { podSecurityLevel: PodSecurityLevel.RESTRICTED })).toHaveLength(4);
    expect(findingsOf([APPLICATION, ...JOB_RBAC])).toEqual([]);
    expect(findingsOf([namespace({ 'pod-security.kubernetes.io/enforce': 'privileged' }), APPLICATION, ...JOB_RBAC])).toEqual([]);
  });

  test('a Namespace construct in the app fails synth when a sidecar breaks the level', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'flink' });
    new kplus.Namespace(chart, 'Ns', { metadata: { name: 'flink', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } });
    new FlinkSessionCluster(chart, 'Session', {
      flinkVersion: FlinkVersion.V1_20,
      taskManager: { podTemplate: { spec: { containers: [{ name: 'debug', image: 'busybox', securityContext: { privileged: true } }] } } },
      allowedPodPrivileges: [PodPrivilege.PRIVILEGED],
    });
    expect(() => Testing.synth(chart)).toThrow(/FlinkDeployment\/session spec\.taskManager\.podTemplate: The TaskManager pods violate the check 'privileged' of the Pod Security level 'baseline' that Namespace 'flink' enforces.* \[pod-security-admission\]/);
  });

  test('the constructs\' defaults pass restricted, with a Namespace construct', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'flink' });
    new kplus.Namespace(chart, 'Ns', { metadata: { name: 'flink', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } });
    new FlinkSessionCluster(chart, 'Session', {
      flinkVersion: FlinkVersion.V1_20,
      readOnlyRootFilesystem: true,
      taskManager: { podTemplate: { spec: { containers: [{ name: 'log-shipper', image: 'fluent/fluent-bit:3.0' }] } } },
    });
    expect(() => synthValid(chart)).not.toThrow();
  });
});

describe('the quick start', () => {
  const manifests = synthValid(new QuickStartChart(new App(), 'quick-start'));
  const deployment = manifests.find((m) => m.kind === 'FlinkDeployment');

  test('its JobManager and TaskManager pods pass the restricted level, by our own checks', () => {
    const pods = effectivePods(deployment.spec, EffectiveConfiguration.merge(undefined));
    expect(pods.map((p) => p.component)).toEqual(['JobManager', 'TaskManager']);
    for (const p of pods) {
      expect(podSecurityViolations('restricted', p.metadata, p.spec)).toEqual([]);
    }
    const errors = FlinkValidator.validate(manifests, { podSecurityLevel: PodSecurityLevel.RESTRICTED }).filter((f) => f.severity === Severity.ERROR);
    expect(errors).toEqual([]);
  });
});

describe('cdk8s-flink validate --pod-security', () => {
  const run = (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-psa-'));
    const file = `${dir}/app.yaml`;
    fs.writeFileSync(file, [APPLICATION, ...JOB_RBAC].map((m) => YAML.stringify(m)).join('---\n'));
    const status = validateCommand([...args, file], { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { status, out: out.join('\n'), err: err.join('\n') };
  };

  test('restricted applies the level to raw manifests', () => {
    const result = run('--pod-security', 'restricted');
    expect(result.status).toBe(1);
    expect(result.out).toMatch(/FlinkDeployment\/app spec\.podTemplate: The JobManager and TaskManager pods violate the check 'runAsNonRoot'.*\[pod-security-admission\]/);
    expect(run('--pod-security=baseline').status).toBe(0);
  });

  test('an unknown level is a usage error, and the usage documents the option', () => {
    const result = run('--pod-security', 'strict');
    expect(result.status).toBe(2);
    expect(result.err).toMatch(/--pod-security needs a level: privileged, baseline or restricted \(got 'strict'\)/);
    expect(result.err).toMatch(/--pod-security LEVEL/);
  });
});
