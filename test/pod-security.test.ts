import { Chart } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { FlinkClusterProps, FlinkSessionCluster, FlinkVersion } from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';
import { mainContainerFirst, mergeJson } from '../src/render/pod-template';

function specOf(props: Partial<FlinkClusterProps>): any {
  const chart: Chart = testChart();
  new FlinkSessionCluster(chart, 'Session', {
    flinkVersion: FlinkVersion.V1_20,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    ...props,
  });
  return manifestOf(synthValid(chart), 'FlinkDeployment', 'session').spec;
}

const MAIN_DEFAULTS = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true };

describe('pod security defaults', () => {
  test('the restricted profile, with the official image uid and gid 9999', () => {
    expect(specOf({}).podTemplate).toEqual({
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{ name: 'flink-main-container', securityContext: MAIN_DEFAULTS }],
      },
    });
  });

  test('props replace the pod and container security contexts', () => {
    const spec = specOf({
      podSecurityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, runAsNonRoot: true },
      containerSecurityContext: { readOnlyRootFilesystem: false, allowPrivilegeEscalation: false },
    });
    expect(spec.podTemplate.spec.securityContext).toEqual({ runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, runAsNonRoot: true });
    expect(spec.podTemplate.spec.containers).toEqual([{ name: 'flink-main-container', securityContext: { readOnlyRootFilesystem: false, allowPrivilegeEscalation: false } }]);
  });

  test('the pod template is merged on top: its fields win, containers merge by name, the main container stays first', () => {
    const spec = specOf({
      podTemplate: {
        metadata: { labels: { team: 'data' } },
        spec: {
          securityContext: { fsGroup: 9999 },
          containers: [
            { name: 'fluent-bit', image: 'fluent/fluent-bit:3.0' },
            { name: 'flink-main-container', securityContext: { runAsNonRoot: false }, volumeMounts: [{ name: 'logs', mountPath: '/opt/flink/log' }] },
          ],
          volumes: [{ name: 'logs', emptyDir: {} }],
        },
      },
    });
    expect(spec.podTemplate).toEqual({
      metadata: { labels: { team: 'data' } },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' }, fsGroup: 9999 },
        containers: [
          { name: 'flink-main-container', securityContext: { ...MAIN_DEFAULTS, runAsNonRoot: false }, volumeMounts: [{ name: 'logs', mountPath: '/opt/flink/log' }] },
          { name: 'fluent-bit', image: 'fluent/fluent-bit:3.0' },
        ],
        volumes: [{ name: 'logs', emptyDir: {} }],
      },
    });
  });

  test('JobManager and TaskManager templates keep the main container at index 0, where the operator merges the defaults', () => {
    const spec = specOf({
      taskManager: { podTemplate: { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }] } } },
      jobManager: { podTemplate: { spec: { initContainers: [{ name: 'init', image: 'busybox:1.36' }] } } },
    });
    expect(spec.taskManager.podTemplate.spec.containers).toEqual([{ name: 'flink-main-container' }, { name: 'sidecar', image: 'busybox:1.36' }]);
    expect(spec.jobManager.podTemplate).toEqual({ spec: { initContainers: [{ name: 'init', image: 'busybox:1.36' }] } });
  });
});

describe('mergeJson', () => {
  test.each([
    [{ a: 1 }, undefined, { a: 1 }],
    [{ a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
    [{ args: ['a'] }, { args: ['b'] }, { args: ['b'] }],
    [{ containers: [{ name: 'x', a: 1 }] }, { containers: [{ name: 'x', b: 2 }, { name: 'y' }] }, { containers: [{ name: 'x', a: 1, b: 2 }, { name: 'y' }] }],
    [{ a: 1 }, { a: null }, { a: null }],
  ])('mergeJson(%j, %j) is %j', (base, override, expected) => {
    expect(mergeJson(base, override)).toEqual(expected);
  });

  test('mainContainerFirst leaves templates without containers alone', () => {
    expect(mainContainerFirst(undefined)).toBeUndefined();
    expect(mainContainerFirst({ spec: { containers: [] } })).toEqual({ spec: { containers: [] } });
  });
});
