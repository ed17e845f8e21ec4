/**
 * Manifests for the validation tests: small valid resources, and a deep patch helper.
 */

/** Deep-merges `patch` onto a copy of `base`; a patch value of `undefined` removes the key. */
export function patched(base: any, patch: any = {}): any {
  const result = JSON.parse(JSON.stringify(base));
  const apply = (target: any, changes: any) => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) {
        delete target[key];
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)
        && target[key] !== null && typeof target[key] === 'object' && !Array.isArray(target[key])) {
        apply(target[key], value);
      } else {
        target[key] = value;
      }
    }
  };
  apply(result, patch);
  return result;
}

/** The main container of the official image with the S3 plugin of a Flink version enabled, as people write it. */
export function s3PluginTemplate(flinkVersion: string): any {
  return { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'ENABLE_BUILT_IN_PLUGINS', value: `flink-s3-fs-hadoop-${flinkVersion}.jar` }] }] } };
}

/** A patch that moves a manifest to another Flink release: flinkVersion, the pinned official image, its S3 plugin. */
export function onFlink(release: string): any {
  const [major, minor] = release.split('.');
  return { spec: { flinkVersion: `v${major}_${minor}`, image: `flink:${release}`, podTemplate: s3PluginTemplate(release) } };
}

export const APPLICATION = {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkDeployment',
  metadata: { name: 'app', namespace: 'flink' },
  spec: {
    image: 'flink:1.20.1',
    flinkVersion: 'v1_20',
    serviceAccount: 'flink',
    podTemplate: s3PluginTemplate('1.20.1'),
    jobManager: { resource: { memory: '2048m', cpu: 1 } },
    taskManager: { resource: { memory: '2048m', cpu: 1 } },
    job: { jarURI: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 2, upgradeMode: 'stateless' },
  },
};

export const SESSION_CLUSTER = patched(APPLICATION, { metadata: { name: 'session' }, spec: { job: undefined } });

export const SESSION_JOB = {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkSessionJob',
  metadata: { name: 'job', namespace: 'flink' },
  spec: {
    deploymentName: 'session',
    job: { jarURI: 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0.jar', parallelism: 2 },
  },
};

export const SNAPSHOT = {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkStateSnapshot',
  metadata: { name: 'snapshot', namespace: 'flink' },
  spec: { savepoint: { path: 's3://bucket/savepoints', disposeOnDelete: true }, jobReference: { kind: 'FlinkDeployment', name: 'app' } },
};

/** A ServiceAccount `flink` bound to a Role with exactly the operator chart's job rules. */
export const JOB_RBAC = [
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'flink', namespace: 'flink' } },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'flink', namespace: 'flink' },
    rules: [
      { apiGroups: [''], resources: ['pods', 'configmaps'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
      { apiGroups: ['apps'], resources: ['deployments', 'deployments/finalizers'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
    ],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'flink', namespace: 'flink' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'flink' },
    subjects: [{ kind: 'ServiceAccount', name: 'flink', namespace: 'flink' }],
  },
];

/** An application with HA, checkpoint and savepoint directories: stateful upgrades are possible. */
export const STATEFUL_APPLICATION = patched(APPLICATION, {
  spec: {
    flinkConfiguration: {
      'high-availability.type': 'kubernetes',
      'high-availability.storageDir': 's3://bucket/ha',
      'execution.checkpointing.dir': 's3://bucket/checkpoints',
      'execution.checkpointing.savepoint-dir': 's3://bucket/savepoints',
    },
  },
});

/** A blue/green deployment of APPLICATION. */
export const BLUE_GREEN = {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkBlueGreenDeployment',
  metadata: { name: 'orders', namespace: 'flink' },
  spec: {
    configuration: { 'kubernetes.operator.bluegreen.abort.grace-period': '10min' },
    template: { spec: APPLICATION.spec },
  },
};
