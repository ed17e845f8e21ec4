/**
 * The examples that reproduce the operator's example manifests, against our own fixtures: the
 * custom resources each one must synthesize, written out here. (The conformance suite compares
 * the same examples with the operator's files themselves.)
 */
import { App, Chart } from 'cdk8s';
import { AdvancedIngressChart } from '../../examples/advanced-ingress/main';
import { BasicChart } from '../../examples/basic/main';
import { BasicIngressChart } from '../../examples/basic-ingress/main';
import { BasicSessionDeploymentAndJobChart } from '../../examples/basic-session-deployment-and-job/main';
import { CheckpointingHaChart } from '../../examples/checkpointing-ha/main';
import { CheckpointSnapshotChart, JobFromSavepointChart, SavepointSnapshotChart } from '../../examples/savepoint-snapshots/main';
import { mergeJson } from '../../src/render/pod-template';
import { synthValid } from '../support/manifests';
import { SECURITY_DEFAULTS_TEMPLATE } from '../support/parity';

const API_VERSION = 'flink.apache.org/v1beta1';
const RESOURCES = { jobManager: { resource: { cpu: 1, memory: '2048m' } }, taskManager: { resource: { cpu: 1, memory: '2048m' } } };
const STATE_MACHINE_JAR = 'local:///opt/flink/examples/streaming/StateMachineExample.jar';
const EXAMPLES_JAR = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0';
const SAVEPOINT = 'file:///flink-data/savepoints/savepoint-45305c-d867504446e0';

/** The host volume at /flink-data of the stateful examples, with the security defaults. */
const FLINK_DATA_TEMPLATE = mergeJson(SECURITY_DEFAULTS_TEMPLATE, {
  spec: {
    containers: [{ name: 'flink-main-container', volumeMounts: [{ mountPath: '/flink-data', name: 'flink-volume' }] }],
    volumes: [{ name: 'flink-volume', hostPath: { path: '/tmp/flink', type: 'Directory' } }],
  },
});

function deployment(name: string, spec: any, podTemplate: any = SECURITY_DEFAULTS_TEMPLATE): any {
  return {
    apiVersion: API_VERSION,
    kind: 'FlinkDeployment',
    metadata: { name },
    spec: { flinkVersion: 'v2_2', image: 'flink:2.2', serviceAccount: 'flink', ...RESOURCES, podTemplate, ...spec },
  };
}

function resource(kind: string, name: string, spec: any): any {
  return { apiVersion: API_VERSION, kind, metadata: { name }, spec };
}

const CASES: Array<[string, (app: App) => Chart, any[]]> = [
  ['basic', (app) => new BasicChart(app, 'basic'), [
    deployment('basic-example', {
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
      job: { jarURI: STATE_MACHINE_JAR, parallelism: 2, upgradeMode: 'stateless' },
    }),
  ]],
  ['basic-session-deployment-and-job', (app) => new BasicSessionDeploymentAndJobChart(app, 'session'), [
    deployment('basic-session-deployment-example', {}),
    resource('FlinkSessionJob', 'basic-session-job-example', {
      deploymentName: 'basic-session-deployment-example',
      job: { jarURI: `${EXAMPLES_JAR}-TopSpeedWindowing.jar`, parallelism: 4, upgradeMode: 'stateless' },
    }),
    resource('FlinkSessionJob', 'basic-session-job-example2', {
      deploymentName: 'basic-session-deployment-example',
      job: {
        jarURI: `${EXAMPLES_JAR}.jar`,
        entryClass: 'org.apache.flink.streaming.examples.statemachine.StateMachineExample',
        parallelism: 2,
        upgradeMode: 'stateless',
      },
    }),
  ]],
  ['basic-ingress', (app) => new BasicIngressChart(app, 'basic-ingress'), [
    deployment('basic-ingress', {
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
      ingress: { template: '{{name}}.{{namespace}}.flink.k8s.io', annotations: { 'cdk8s-flink/unauthenticated-web-ui': 'true' } },
      job: { jarURI: STATE_MACHINE_JAR, parallelism: 2 },
    }),
  ]],
  ['advanced-ingress', (app) => new AdvancedIngressChart(app, 'advanced-ingress'), [
    deployment('advanced-ingress', {
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
      ingress: {
        template: '/{{namespace}}/{{name}}(/|$)(.*)',
        className: 'nginx',
        annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2', 'cdk8s-flink/unauthenticated-web-ui': 'true' },
      },
      job: { jarURI: STATE_MACHINE_JAR, parallelism: 2 },
    }),
  ]],
  ['checkpointing-ha', (app) => new CheckpointingHaChart(app, 'ha'), [
    deployment('basic-checkpoint-ha-example', {
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': '2',
        'execution.checkpointing.dir': 'file:///flink-data/checkpoints',
        'execution.checkpointing.savepoint-dir': 'file:///flink-data/savepoints',
        'high-availability.type': 'kubernetes',
        'high-availability.storageDir': 'file:///flink-data/ha',
        'kubernetes.operator.savepoint.format.type': 'NATIVE',
      },
      job: { jarURI: STATE_MACHINE_JAR, parallelism: 2, upgradeMode: 'savepoint', state: 'running', savepointTriggerNonce: 0 },
    }, FLINK_DATA_TEMPLATE),
  ]],
  ['savepoint-snapshots: checkpoint', (app) => new CheckpointSnapshotChart(app, 'checkpoint'), [
    resource('FlinkStateSnapshot', 'example-checkpoint', {
      backoffLimit: 0,
      checkpoint: {},
      jobReference: { kind: 'FlinkDeployment', name: 'example-deployment' },
    }),
  ]],
  ['savepoint-snapshots: savepoint', (app) => new SavepointSnapshotChart(app, 'savepoint'), [
    resource('FlinkStateSnapshot', 'example-savepoint', {
      backoffLimit: 0,
      jobReference: { kind: 'FlinkDeployment', name: 'example-deployment' },
      savepoint: { alreadyExists: false, disposeOnDelete: true, formatType: 'CANONICAL', path: '/flink-data/savepoints-custom' },
    }),
  ]],
  ['savepoint-snapshots: job from a savepoint', (app) => new JobFromSavepointChart(app, 'from-savepoint'), [
    resource('FlinkStateSnapshot', 'example-savepoint', {
      savepoint: { alreadyExists: true, disposeOnDelete: false, path: SAVEPOINT },
    }),
    deployment('example-deployment', {
      flinkConfiguration: {
        'execution.checkpointing.dir': 'file:///flink-data/checkpoints',
        'execution.checkpointing.savepoint-dir': 'file:///flink-data/savepoints',
      },
      job: { jarURI: STATE_MACHINE_JAR, parallelism: 2, upgradeMode: 'savepoint', initialSavepointPath: SAVEPOINT },
    }, FLINK_DATA_TEMPLATE),
  ]],
];

describe.each(CASES)('examples/%s', (_name, makeChart, expected) => {
  const app = new App();
  app.node.setContext('cdk8s-flink:print-warnings', false);
  const flinkResources = synthValid(makeChart(app)).filter((manifest) => manifest.apiVersion === API_VERSION);

  test('synthesizes exactly the expected custom resources', () => {
    expect(flinkResources).toEqual(expected);
  });
});
