/**
 * The run-time failures people hit, written as people write the manifests (stock images, the
 * plugin variable in the pod template, /tmp checkpoints, Helm-style RBAC): each gets its
 * finding, and the working variant none.
 */
import * as YAML from 'yaml';
import { Finding, FlinkValidator, Severity } from '../../src';
import { plainValue } from '../../src/cli/yaml-values';

function manifests(text: string): any[] {
  return YAML.parseAllDocuments(text).map((document) => plainValue(document, { maxAliasCount: 100 }));
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.rule} ${f.kind}/${f.name} ${f.path}`).sort();
const errorsOf = (text: string) => summary(FlinkValidator.validate(manifests(text)).filter((f) => f.severity === Severity.ERROR));
const findingsOf = (text: string, rule: string) => FlinkValidator.validate(manifests(text)).filter((f) => f.rule === rule);

/** What the operator's Helm chart renders into a watched namespace for the jobs' account. */
const HELM_RBAC = `
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: flink
  namespace: analytics
  labels: {app.kubernetes.io/managed-by: Helm}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: flink
  namespace: analytics
rules:
  - apiGroups: [""]
    resources: [pods, configmaps]
    verbs: ["*"]
  - apiGroups: [apps]
    resources: [deployments, deployments/finalizers]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: flink-role-binding
  namespace: analytics
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: flink}
subjects:
  - kind: ServiceAccount
    name: flink
    namespace: analytics
`;

/** A FlinkDeployment of the usual shape, with its configuration and extra spec lines indented as given. */
function deployment(options: { image?: string; version?: string; configuration?: string; extra?: string; job?: string }): string {
  return `
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: clickstream
  namespace: analytics
spec:
${options.image === undefined ? '' : `  image: ${options.image}\n`}  flinkVersion: ${options.version ?? 'v1_20'}
  serviceAccount: flink
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "2"
${options.configuration ?? ''}  jobManager:
    resource: {memory: 2048m, cpu: 1}
  taskManager:
    resource: {memory: 4096m, cpu: 2}
${options.extra ?? ''}  job:
    jarURI: local:///opt/flink/usrlib/clickstream.jar
    parallelism: 4
${options.job ?? '    upgradeMode: savepoint\n'}${HELM_RBAC}`;
}

const S3_STATE = `    execution.checkpointing.interval: 60s
    execution.checkpointing.dir: s3://analytics-flink/clickstream/checkpoints
    execution.checkpointing.savepoint-dir: s3://analytics-flink/clickstream/savepoints
`;

const plugins = (value: string) => `  podTemplate:
    spec:
      containers:
        - name: flink-main-container
          env:
            - name: ENABLE_BUILT_IN_PLUGINS
              value: ${value}
`;

describe('keys the cluster\'s Flink version does not read', () => {
  const legacy = deployment({
    image: 'flink:1.16.3',
    version: 'v1_16',
    configuration: `    high-availability.type: kubernetes
    high-availability.storageDir: s3://analytics-flink/ha
    execution.checkpointing.dir: s3://analytics-flink/checkpoints
    state.savepoints.dir: s3://analytics-flink/savepoints
`,
    extra: plugins('flink-s3-fs-hadoop-1.16.3.jar'),
    job: '    upgradeMode: last-state\n',
  });

  test('a 1.16 deployment with the 1.17/1.20 keys: no HA and no checkpoint directory, so last-state loses state', () => {
    expect(errorsOf(legacy)).toEqual(['error state-config-unread FlinkDeployment/clickstream spec.job.upgradeMode']);
    const unread = findingsOf(legacy, 'config-key-unread').map((f) => f.message).sort();
    expect(unread).toEqual([
      expect.stringMatching(/'execution.checkpointing.dir' \(execution.checkpointing.dir\) is not read by Flink 1.16.*Rename the key to 'state.checkpoints.dir'/),
      expect.stringMatching(/'high-availability.type' \(high-availability.type\) is not read by Flink 1.16.*Rename the key to 'high-availability'/),
    ]);
    expect(findingsOf(legacy, 'last-state-without-ha')[0].message).toMatch(/'high-availability.type', which Flink 1.16 does not read \('high-availability' is its key\)/);
  });

  test('the keys 1.16 reads', () => {
    const fixed = legacy.replace('high-availability.type:', 'high-availability:').replace('execution.checkpointing.dir:', 'state.checkpoints.dir:');
    expect(errorsOf(fixed)).toEqual([]);
    expect(findingsOf(fixed, 'config-key-unread')).toEqual([]);
  });

  test('a heartbeat with a unit on Flink 1.19 fails to parse', () => {
    const text = deployment({ image: 'flink:1.19.1', version: 'v1_19', configuration: '    heartbeat.timeout: 50 s\n', job: '    upgradeMode: stateless\n' });
    expect(errorsOf(text)).toEqual(["error config-value-format FlinkDeployment/clickstream spec.flinkConfiguration['heartbeat.timeout']"]);
    expect(errorsOf(text.replace('50 s', '"50000"'))).toEqual([]);
  });
});

describe('values of the wrong type', () => {
  test.each([
    ['taskmanager.numberOfTaskSlots', '    taskmanager.numberOfTaskSlots: two\n', /must be a whole number \(got 'two'\)/],
    ['high-availability.type', '    high-availability.type: kubernetez\n    high-availability.storageDir: s3://analytics-flink/ha\n', /got 'kubernetez'/],
    ['execution.checkpointing.dir', '    execution.checkpointing.dir:\n', /got 'null'\) \(an empty YAML value reaches the operator as the text 'null'\)/],
  ])('%s', (key, configuration, message) => {
    const text = deployment({ image: 'flink:1.20.1', configuration: configuration.replace('    taskmanager.numberOfTaskSlots: two\n', ''), extra: plugins('flink-s3-fs-hadoop-1.20.1.jar'), job: '    upgradeMode: stateless\n' })
      .replace('taskmanager.numberOfTaskSlots: "2"', key === 'taskmanager.numberOfTaskSlots' ? 'taskmanager.numberOfTaskSlots: two' : 'taskmanager.numberOfTaskSlots: "2"');
    const [finding, ...rest] = findingsOf(text, 'config-value-format');
    expect(rest).toEqual([]);
    expect(finding.message).toMatch(message);
    expect(finding.message).toContain(`'${key}'`);
  });
});

describe('file system plugins', () => {
  test('S3 checkpoints on the stock image, no plugin: both directories are errors', () => {
    expect(errorsOf(deployment({ image: 'flink:1.20', configuration: S3_STATE }))).toEqual([
      "error filesystem-plugin-missing FlinkDeployment/clickstream spec.flinkConfiguration['execution.checkpointing.dir']",
      "error filesystem-plugin-missing FlinkDeployment/clickstream spec.flinkConfiguration['execution.checkpointing.savepoint-dir']",
    ]);
  });

  test('ENABLE_BUILT_IN_PLUGINS in the pod template with the jar of the image\'s release', () => {
    const text = deployment({ image: 'flink:1.20.1', configuration: S3_STATE, extra: plugins('flink-s3-fs-hadoop-1.20.1.jar') });
    expect(summary(FlinkValidator.validate(manifests(text)))).toEqual([]);
  });

  test('a floating tag with a pinned jar name is a warning; a jar of another release is an error', () => {
    const floating = deployment({ image: 'flink:1.19', version: 'v1_19', configuration: S3_STATE.replace(/execution.checkpointing.(dir|savepoint-dir)/g, (_m, k) => (k === 'dir' ? 'state.checkpoints.dir' : 'state.savepoints.dir')), extra: plugins('flink-s3-fs-hadoop-1.19.1.jar') });
    expect(errorsOf(floating)).toEqual([]);
    expect(findingsOf(floating, 'builtin-plugin-floating-tag').map((f) => f.severity)).toEqual([Severity.WARNING]);
    expect(errorsOf(floating.replace('image: flink:1.19', 'image: flink:1.19.0'))).toEqual(['error builtin-plugin-version FlinkDeployment/clickstream spec.podTemplate.spec.containers[0].env[0].value']);
  });

  test('a custom image: a warning that says what the image must hold', () => {
    const text = deployment({ image: 'registry.example.com/analytics/clickstream:2024.06.1', configuration: S3_STATE });
    expect(errorsOf(text)).toEqual([]);
    expect(findingsOf(text, 'filesystem-plugin-custom-image')[0].message).toMatch(/must hold the plugin jar in its own folder under \/opt\/flink\/plugins\//);
  });
});

describe('state on pod-local storage', () => {
  test('/tmp checkpoints and HA storage of a savepoint job, with no volume: errors', () => {
    const text = deployment({
      image: 'flink:1.20.1',
      configuration: `    high-availability.type: kubernetes
    high-availability.storageDir: file:///tmp/flink/ha
    execution.checkpointing.dir: file:///tmp/flink/checkpoints
    execution.checkpointing.savepoint-dir: file:///tmp/flink/savepoints
`,
    });
    expect(errorsOf(text)).toEqual([
      "error local-state-lost FlinkDeployment/clickstream spec.flinkConfiguration['execution.checkpointing.dir']",
      "error local-state-lost FlinkDeployment/clickstream spec.flinkConfiguration['execution.checkpointing.savepoint-dir']",
      "error local-state-lost FlinkDeployment/clickstream spec.flinkConfiguration['high-availability.storageDir']",
    ]);
    // A stateless job's local state is a warning.
    expect(errorsOf(text.replace('upgradeMode: savepoint', 'upgradeMode: stateless').replace(/    high-availability.*\n/g, ''))).toEqual([]);
  });

  test('an emptyDir under the state path is lost with the pod', () => {
    const text = deployment({
      image: 'flink:1.20.1',
      configuration: '    execution.checkpointing.dir: file:///flink-data/checkpoints\n    execution.checkpointing.savepoint-dir: file:///flink-data/savepoints\n',
      extra: `  podTemplate:
    spec:
      containers:
        - name: flink-main-container
          volumeMounts: [{name: flink-data, mountPath: /flink-data}]
      volumes:
        - name: flink-data
          emptyDir: {}
`,
    });
    expect(findingsOf(text, 'local-state-lost').map((f) => f.message)).toEqual([
      expect.stringMatching(/'execution.checkpointing.dir' is 'file:\/\/\/flink-data\/checkpoints', on volume 'flink-data' of the JobManager pod \(emptyDir\), deleted with the pod/),
      expect.stringMatching(/'execution.checkpointing.savepoint-dir'.*the next upgrade restores from state that went away with the old pods/),
    ]);
  });
});

describe('pod templates', () => {
  test('a container meant as Flink\'s, misnamed and without an image', () => {
    const text = deployment({
      image: 'flink:1.20.1',
      job: '    upgradeMode: stateless\n',
      extra: `  podTemplate:
    spec:
      containers:
        - name: flink-main
          volumeMounts:
            - {name: job-config, mountPath: /opt/flink/usrconf}
      volumes:
        - name: job-config
          configMap: {name: clickstream-config}
`,
    });
    expect(errorsOf(text)).toEqual(['error pod-template-container-image FlinkDeployment/clickstream spec.podTemplate.spec.containers[0]']);
    expect(findingsOf(text, 'pod-template-flink-mount').map((f) => f.message)).toEqual([expect.stringMatching(/or name this container 'flink-main-container'/)]);
  });
});

describe('jobs and images', () => {
  test('an image placeholder that was never substituted', () => {
    expect(errorsOf(deployment({ image: '<ACR_LOGIN_SERVER>/clickstream:1.4', job: '    upgradeMode: stateless\n' })))
      .toEqual(['error image-reference FlinkDeployment/clickstream spec.image']);
    expect(errorsOf(deployment({ image: '${IMAGE}', job: '    upgradeMode: stateless\n' }))).toEqual(['error image-reference FlinkDeployment/clickstream spec.image']);
  });

  test('an official image whose tag contradicts flinkVersion, and no image at all: warnings', () => {
    expect(findingsOf(deployment({ image: 'flink:1.18', version: 'v1_17', job: '    upgradeMode: stateless\n' }), 'image-flink-version')).toHaveLength(1);
    expect(findingsOf(deployment({ job: '    upgradeMode: stateless\n' }), 'image-missing')[0].severity).toBe(Severity.WARNING);
  });

  test('a session job with parallelism 0 whose cluster lives elsewhere', () => {
    const text = `
apiVersion: flink.apache.org/v1beta1
kind: FlinkSessionJob
metadata: {name: enrich, namespace: analytics}
spec:
  deploymentName: shared-session
  job:
    jarURI: https://artifacts.example.com/enrich-1.2.jar
    parallelism: 0
    upgradeMode: stateless
`;
    expect(errorsOf(text)).toEqual(['error job-parallelism FlinkSessionJob/enrich spec.job.parallelism']);
  });

  test('a PyFlink session job that passes -py without the PythonDriver', () => {
    const text = `
apiVersion: flink.apache.org/v1beta1
kind: FlinkSessionJob
metadata: {name: scoring, namespace: analytics}
spec:
  deploymentName: shared-session
  job:
    jarURI: https://repo1.maven.org/maven2/org/apache/flink/flink-python/1.20.1/flink-python-1.20.1.jar
    args: ["-py", "/opt/flink/usrlib/scoring.py"]
    parallelism: 2
    upgradeMode: stateless
`;
    expect(errorsOf(text)).toEqual(['error python-job FlinkSessionJob/scoring spec.job.entryClass']);
    expect(errorsOf(text.replace('    args:', '    entryClass: org.apache.flink.client.python.PythonDriver\n    args:'))).toEqual([]);
  });
});
