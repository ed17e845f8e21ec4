/**
 * `fileSystemPlugins`: a typed way to say "state on S3" (or GCS, Azure, OSS) that enables the
 * plugin of the image's exact Flink release on both pods, where the official image's entrypoint
 * reads it (ENABLE_BUILT_IN_PLUGINS on flink-main-container).
 */
import { Duration } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import {
  FileSystemPlugin, FlinkApplication, FlinkApplicationProps, FlinkValidator, FlinkVersion, HighAvailability, JobJar, Severity, UpgradeMode,
} from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';
import { mergePodTemplates } from '../src/validation/pods/flink-pods';

function application(props: Partial<FlinkApplicationProps>): { manifests: any[]; deployment: any } {
  const chart = testChart();
  chart.node.setContext('cdk8s-flink:print-warnings', false);
  new FlinkApplication(chart, 'Orders', {
    flinkVersion: FlinkVersion.V1_20,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    jar: JobJar.fromLocal('/opt/flink/usrlib/orders.jar'),
    parallelism: 2,
    upgradeMode: UpgradeMode.SAVEPOINT,
    checkpointing: { interval: Duration.minutes(1), directory: 's3://flink/checkpoints' },
    savepoints: { directory: 's3://flink/savepoints' },
    highAvailability: HighAvailability.kubernetes({ storageDirectory: 's3://flink/ha' }),
    ...props,
  });
  const manifests = synthValid(chart);
  return { manifests, deployment: manifestOf(manifests, 'FlinkDeployment', 'orders') };
}

const mainContainer = (template: any) => template.spec.containers.find((c: any) => c.name === 'flink-main-container');

describe('fileSystemPlugins', () => {
  test('S3 state on the official image without the plugin fails synth, naming the plugin and the jar', () => {
    expect(() => application({ image: 'flink:1.20.1' }))
      .toThrow(/'execution.checkpointing.dir' is 's3:\/\/flink\/checkpoints', which needs the 'flink-s3-fs-hadoop' or 'flink-s3-fs-presto' file system plugin.*ENABLE_BUILT_IN_PLUGINS=flink-s3-fs-hadoop-1.20.1.jar.*\[filesystem-plugin-missing\]/);
  });

  test("S3_HADOOP on a pinned image enables the jar of the image's release on the main container of both pods", () => {
    const { manifests, deployment } = application({ image: 'flink:1.20.1', fileSystemPlugins: [FileSystemPlugin.S3_HADOOP] });
    expect(mainContainer(deployment.spec.podTemplate).env).toEqual([{ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-hadoop-1.20.1.jar' }]);
    expect(FlinkValidator.validate(manifests).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
  });

  test('several plugins are one ;-separated value; the image may carry a suffix', () => {
    const { deployment } = application({
      image: 'apache/flink:1.20.1-scala_2.12-java17',
      fileSystemPlugins: [FileSystemPlugin.S3_HADOOP, FileSystemPlugin.GCS, FileSystemPlugin.AZURE, FileSystemPlugin.OSS, FileSystemPlugin.S3_PRESTO],
    });
    expect(mainContainer(deployment.spec.podTemplate).env[0].value)
      .toBe('flink-s3-fs-hadoop-1.20.1.jar;flink-gs-fs-hadoop-1.20.1.jar;flink-azure-fs-hadoop-1.20.1.jar;flink-oss-fs-hadoop-1.20.1.jar;flink-s3-fs-presto-1.20.1.jar');
  });

  test('a process template whose main container has env lists the variable first, so the operator\'s merge by position keeps it', () => {
    const { manifests, deployment } = application({
      image: 'flink:1.20.1',
      fileSystemPlugins: [FileSystemPlugin.S3_HADOOP],
      taskManager: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'TZ', value: 'UTC' }] }] } } },
    });
    expect(mainContainer(deployment.spec.taskManager.podTemplate).env).toEqual([{ name: 'ENABLE_BUILT_IN_PLUGINS' }, { name: 'TZ', value: 'UTC' }]);
    const merged = mergePodTemplates(deployment.spec.podTemplate, deployment.spec.taskManager.podTemplate, false);
    expect(mainContainer(merged).env).toEqual([{ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-hadoop-1.20.1.jar' }, { name: 'TZ', value: 'UTC' }]);
    expect(FlinkValidator.validate(manifests).filter((f) => f.rule === 'filesystem-plugin-missing')).toEqual([]);
  });

  test('an image that does not pin the Flink release needs the jar name', () => {
    expect(() => application({ fileSystemPlugins: [FileSystemPlugin.S3_HADOOP] }))
      .toThrow(/^test\/Orders: 'fileSystemPlugins' names the jar of flink-s3-fs-hadoop with the image's full Flink version.*image 'flink:1.20' does not pin.*'flink:1.20.1'.*FileSystemPlugin.fromJarName\('flink-s3-fs-hadoop-1.20.1.jar'\)/);
    const { manifests } = application({ fileSystemPlugins: [FileSystemPlugin.fromJarName('flink-s3-fs-hadoop-1.20.1.jar')] });
    const findings = FlinkValidator.validate(manifests);
    expect(findings.filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    // The floating tag flink:1.20 moves on; the pinned jar name does not.
    expect(findings.map((f) => f.rule)).toContain('builtin-plugin-floating-tag');
  });

  test('fromJarName takes only versioned plugin jar names', () => {
    expect(() => FileSystemPlugin.fromJarName('flink-s3-fs-hadoop.jar')).toThrow(/FileSystemPlugin.fromJarName: 'jarName' must be a plugin jar of \/opt\/flink\/opt with its Flink version.*got 'flink-s3-fs-hadoop.jar'/);
    expect(FileSystemPlugin.fromJarName('flink-s3-fs-presto-2.0.0.jar').name).toBe('flink-s3-fs-presto');
  });

  test('the variable set twice is refused', () => {
    expect(() => application({
      image: 'flink:1.20.1',
      fileSystemPlugins: [FileSystemPlugin.S3_HADOOP],
      podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-gs-fs-hadoop-1.20.1.jar' }] }] } },
    })).toThrow(/'fileSystemPlugins' sets ENABLE_BUILT_IN_PLUGINS on 'flink-main-container', which a pod template sets too/);
    expect(() => application({
      image: 'flink:1.20.1',
      fileSystemPlugins: [FileSystemPlugin.S3_HADOOP],
      flinkConfiguration: { 'containerized.master.env.ENABLE_BUILT_IN_PLUGINS': 'flink-s3-fs-hadoop-1.20.1.jar' },
    })).toThrow(/'fileSystemPlugins' and 'flinkConfiguration' key 'containerized.master.env.ENABLE_BUILT_IN_PLUGINS' both set/);
  });
});

describe('fileSystemPlugins and a read-only root filesystem', () => {
  test.each([
    ['readOnlyRootFilesystem', { readOnlyRootFilesystem: true }],
    ['containerSecurityContext.readOnlyRootFilesystem', { containerSecurityContext: { readOnlyRootFilesystem: true } }],
  ])('%s is refused: the entrypoint cannot link the plugins', (_what, props) => {
    expect(() => application({ image: 'flink:1.20.1', fileSystemPlugins: [FileSystemPlugin.S3_HADOOP], ...props }))
      .toThrow(/^test\/Orders: 'fileSystemPlugins' needs the image's entrypoint to link the plugin jars into \/opt\/flink\/plugins.*'readOnlyRootFilesystem'/);
  });
});
