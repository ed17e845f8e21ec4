/**
 * examples/s3-credentials and examples/irsa: S3 state without a secret in flinkConfiguration,
 * pods that pass the restricted level their namespace enforces, and a NetworkPolicy.
 */
import { App } from 'cdk8s';
import { IrsaChart, ROLE_ARN } from '../../examples/irsa/main';
import { S3_SECRET, S3CredentialsChart } from '../../examples/s3-credentials/main';
import { FlinkValidator, FlinkVersion, Severity } from '../../src';
import { EffectiveConfiguration } from '../../src/private/options/effective-configuration';
import { sensitiveFragment } from '../../src/validation/checks/sensitive-keys';
import { effectivePods } from '../../src/validation/pods/effective-pods';
import { podSecurityViolations } from '../../src/validation/pods/pod-security-standards';
import { inventory, manifestOf, synthValid } from '../support/manifests';

/** What each example must not do: a sensitive key, or a secret-looking value, in flinkConfiguration. */
function expectNoSecretInConfiguration(configuration: { [key: string]: string }): void {
  expect(Object.keys(configuration).filter((key) => sensitiveFragment(key, undefined) !== undefined)).toEqual([]);
  expect(Object.keys(configuration).filter((key) => /access[-.]?key|secret/i.test(key))).toEqual([]);
}

function expectRestrictedPods(spec: any): void {
  for (const pod of effectivePods(spec, EffectiveConfiguration.merge(FlinkVersion.V1_20))) {
    expect([pod.component, podSecurityViolations('restricted', pod.metadata, pod.spec)]).toEqual([pod.component, []]);
  }
}

describe('examples/s3-credentials', () => {
  const manifests = synthValid(new S3CredentialsChart(new App(), 's3-credentials'));
  const deployment = manifestOf(manifests, 'FlinkDeployment', 'orders');

  test('the keys come from the Secret, on the main container of both processes', () => {
    const fromSecret = (name: string) => ({ name, valueFrom: { secretKeyRef: { name: S3_SECRET, key: name } } });
    for (const pod of effectivePods(deployment.spec, EffectiveConfiguration.merge(FlinkVersion.V1_20))) {
      const main = pod.spec.containers.find((c: any) => c.name === 'flink-main-container');
      expect(main.env).toEqual([fromSecret('AWS_ACCESS_KEY_ID'), fromSecret('AWS_SECRET_ACCESS_KEY'), { name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-hadoop-1.20.1.jar' }]);
    }
  });

  test('no secret in flinkConfiguration; S3 checkpoints and savepoints', () => {
    expectNoSecretInConfiguration(deployment.spec.flinkConfiguration);
    expect(deployment.spec.flinkConfiguration).toMatchObject({
      'execution.checkpointing.dir': 's3://flink-state/orders/checkpoints',
      'execution.checkpointing.savepoint-dir': 's3://flink-state/orders/savepoints',
    });
  });

  test('the pods pass the restricted level the namespace enforces, and the engine finds nothing', () => {
    expectRestrictedPods(deployment.spec);
    expect(FlinkValidator.validate(manifests)).toEqual([]);
    expect(inventory(manifests)).toEqual(['Namespace/flink', 'ServiceAccount/orders', 'Role/orders', 'RoleBinding/orders',
      'ServiceAccount/orders-taskmanager', 'FlinkDeployment/orders', 'NetworkPolicy/orders-network']);
  });
});

describe('examples/irsa', () => {
  const manifests = synthValid(new IrsaChart(new App(), 'irsa'));
  const deployment = manifestOf(manifests, 'FlinkDeployment', 'payments');

  test('both ServiceAccounts carry the role; S3A uses the web identity token', () => {
    for (const name of ['payments', 'payments-taskmanager']) {
      expect(manifestOf(manifests, 'ServiceAccount', name).metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': ROLE_ARN });
    }
    expect(deployment.spec.flinkConfiguration['fs.s3a.aws.credentials.provider']).toBe('com.amazonaws.auth.WebIdentityTokenCredentialsProvider');
    expectNoSecretInConfiguration(deployment.spec.flinkConfiguration);
  });

  test('Kubernetes HA: the TaskManagers may watch ConfigMaps, and nothing else', () => {
    expect(manifestOf(manifests, 'Role', 'payments-taskmanager').rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }]);
  });

  test('read-only root filesystem, restricted pods, no findings but the reminder that the custom image must hold the S3 plugin', () => {
    expect(deployment.spec.podTemplate.spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    expectRestrictedPods(deployment.spec);
    expect(FlinkValidator.validate(manifests).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    expect(FlinkValidator.validate(manifests).map((f) => `${f.rule} ${f.path}`)).toEqual([
      "filesystem-plugin-custom-image spec.flinkConfiguration['execution.checkpointing.dir']",
      "filesystem-plugin-custom-image spec.flinkConfiguration['execution.checkpointing.savepoint-dir']",
      "filesystem-plugin-custom-image spec.flinkConfiguration['high-availability.storageDir']",
    ]);
  });
});
