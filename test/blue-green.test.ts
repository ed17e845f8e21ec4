import { App, Duration } from 'cdk8s';
import { BlueGreenChart } from '../examples/blue-green/main';
import { FlinkBlueGreenDeployment, FlinkVersion, JobJar, UpgradeMode, WebUiAuthentication } from '../src';
import { inventory, manifestOf, synthValid, testChart } from './support/manifests';

describe('FlinkBlueGreenDeployment', () => {
  const manifests = synthValid(new BlueGreenChart(new App(), 'blue-green'));

  test('the template is a FlinkDeployment spec, with the blue/green options and Ingress', () => {
    const deployment = manifestOf(manifests, 'FlinkBlueGreenDeployment', 'orders');
    expect(deployment.spec.configuration).toEqual({
      'kubernetes.operator.bluegreen.abort.grace-period': '15min',
      'kubernetes.operator.bluegreen.deployment-deletion.delay': '1min',
    });
    expect(deployment.spec.ingress).toEqual({
      template: 'orders.flink.example.com',
      className: 'nginx',
      annotations: {
        'nginx.ingress.kubernetes.io/auth-type': 'basic',
        'nginx.ingress.kubernetes.io/auth-secret': 'orders-web-ui-auth',
        'nginx.ingress.kubernetes.io/auth-realm': 'Flink Web UI',
      },
      tls: [{ hosts: ['orders.flink.example.com'], secretName: 'orders-tls' }],
    });
    expect(deployment.spec.template.spec).toMatchObject({
      flinkVersion: 'v1_20',
      image: 'flink:1.20.1',
      serviceAccount: 'orders',
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': '2',
        'execution.checkpointing.interval': '1min',
        'execution.checkpointing.dir': 's3://flink-state/orders/checkpoints',
        'execution.checkpointing.savepoint-dir': 's3://flink-state/orders/savepoints',
      },
      taskManager: { resource: { memory: '2048m', cpu: 1 } },
      job: { jarURI: 'local:///opt/flink/usrlib/orders.jar', parallelism: 4, upgradeMode: 'savepoint' },
    });
  });

  test('the job rules are bound under the name and both colours, which the operator substitutes', () => {
    expect(inventory(manifests).sort()).toEqual([
      'FlinkBlueGreenDeployment/orders', 'Role/orders', 'RoleBinding/orders',
      'ServiceAccount/orders', 'ServiceAccount/orders-blue', 'ServiceAccount/orders-blue-taskmanager',
      'ServiceAccount/orders-green', 'ServiceAccount/orders-green-taskmanager', 'ServiceAccount/orders-taskmanager',
    ]);
    expect(manifestOf(manifests, 'RoleBinding', 'orders').subjects.map((s: any) => s.name)).toEqual(['orders', 'orders-blue', 'orders-green']);
  });

  test('a name over 39 characters is refused: the children add -green', () => {
    expect(() => new FlinkBlueGreenDeployment(testChart(), 'Long', {
      metadata: { name: 'a'.repeat(40) }, flinkVersion: FlinkVersion.V1_20, jar: JobJar.fromLocal('/opt/job.jar'),
    })).toThrow(/at most 39 characters, so that 'a{40}-green' fits the operator's 45-character limit/);
  });

  test('durable state needs an explicit upgrade mode here too', () => {
    const chart = testChart();
    new FlinkBlueGreenDeployment(chart, 'Orders', {
      flinkVersion: FlinkVersion.V1_20, jar: JobJar.fromLocal('/opt/job.jar'), checkpointing: { interval: Duration.minutes(1) },
    });
    expect(() => synthValid(chart)).toThrow(/FlinkBlueGreenDeployment 'orders' keeps durable state/);
  });

  test('the deployment rules check the template at synth', () => {
    const chart = testChart();
    new FlinkBlueGreenDeployment(chart, 'Orders', {
      flinkVersion: FlinkVersion.V1_20, jar: JobJar.fromLocal('/opt/job.jar'), upgradeMode: UpgradeMode.SAVEPOINT,
    });
    expect(() => synthValid(chart)).toThrow(/FlinkBlueGreenDeployment\/orders spec\.template\.spec\.job\.upgradeMode: In the blue\/green template: .*\[checkpoint-dir-required\]/);
  });

  test('its Ingress keeps the authentication, the explicit opt-in and the TLS host (they were dropped before)', () => {
    const chart = testChart();
    new FlinkBlueGreenDeployment(chart, 'Orders', {
      flinkVersion: FlinkVersion.V1_20,
      jar: JobJar.fromLocal('/opt/job.jar'),
      upgradeMode: UpgradeMode.STATELESS,
      ingress: { template: 'orders.example.com', ingressClassName: 'nginx', tlsSecretName: 'orders-tls', authentication: WebUiAuthentication.basicAuth('sec') },
    });
    new FlinkBlueGreenDeployment(chart, 'Open', {
      flinkVersion: FlinkVersion.V1_20,
      jar: JobJar.fromLocal('/opt/job.jar'),
      upgradeMode: UpgradeMode.STATELESS,
      ingress: { template: 'open.example.com', allowUnauthenticatedAccess: true },
    });
    const synthesized = synthValid(chart);
    expect(manifestOf(synthesized, 'FlinkBlueGreenDeployment', 'orders').spec.ingress).toEqual({
      template: 'orders.example.com',
      className: 'nginx',
      annotations: {
        'nginx.ingress.kubernetes.io/auth-type': 'basic',
        'nginx.ingress.kubernetes.io/auth-secret': 'sec',
        'nginx.ingress.kubernetes.io/auth-realm': 'Flink Web UI',
      },
      tls: [{ hosts: ['orders.example.com'], secretName: 'orders-tls' }],
    });
    expect(manifestOf(synthesized, 'FlinkBlueGreenDeployment', 'open').spec.ingress.annotations)
      .toEqual({ 'cdk8s-flink/unauthenticated-web-ui': 'true' });
  });

  test('its Ingress fails closed like every other exposure: no authentication, or one of another controller, is a synth error', () => {
    const open = testChart();
    new FlinkBlueGreenDeployment(open, 'Orders', {
      flinkVersion: FlinkVersion.V1_20,
      jar: JobJar.fromLocal('/opt/job.jar'),
      upgradeMode: UpgradeMode.STATELESS,
      ingress: { template: 'orders.example.com', ingressClassName: 'nginx' },
    });
    expect(() => synthValid(open)).toThrow(/FlinkBlueGreenDeployment\/orders spec\.ingress: The operator Ingress of 'orders' exposes the web UI of blue\/green deployment 'orders' without authentication: anyone who reaches it can cancel jobs.*\[web-ui-exposure\]/);
    const mismatched = testChart();
    new FlinkBlueGreenDeployment(mismatched, 'Orders', {
      flinkVersion: FlinkVersion.V1_20,
      jar: JobJar.fromLocal('/opt/job.jar'),
      upgradeMode: UpgradeMode.STATELESS,
      ingress: { template: 'orders.example.com', ingressClassName: 'traefik', authentication: WebUiAuthentication.basicAuth('sec') },
    });
    expect(() => synthValid(mismatched)).toThrow(/IngressClass 'traefik' is served by traefik, which ignores ingress-nginx basic authentication: the UI is open/);
  });

  test('takes Flink configuration like the other clusters, into its template', () => {
    const chart = testChart();
    const deployment = new FlinkBlueGreenDeployment(chart, 'Orders', {
      flinkVersion: FlinkVersion.V1_20,
      jar: JobJar.fromLocal('/opt/job.jar'),
      upgradeMode: UpgradeMode.STATELESS,
      flinkConfiguration: { 'pipeline.name': 'orders' },
    });
    deployment.addFlinkConfiguration('pipeline.max-parallelism', '128');
    const expected = { 'pipeline.name': 'orders', 'pipeline.max-parallelism': '128', 'kubernetes.taskmanager.service-account': 'orders-taskmanager' };
    expect(deployment.flinkConfiguration).toEqual(expected);
    expect(manifestOf(synthValid(chart), 'FlinkBlueGreenDeployment', 'orders').spec.template.spec.flinkConfiguration).toEqual(expected);
    expect(() => deployment.addFlinkConfiguration('pipeline.max-parallelism', '256'))
      .toThrow(/^test\/Orders: flinkConfiguration 'pipeline.max-parallelism' is set to '128' by addFlinkConfiguration\(\) and again by addFlinkConfiguration\(\) to '256'/);
    // An application's parallelism.default is the operator's (from the job): a synth error names both.
    deployment.addFlinkConfiguration('parallelism.default', '4');
    expect(() => synthValid(chart)).toThrow(/flinkConfiguration 'parallelism.default' is '4', but the operator replaces it from spec.job.parallelism: '1' runs.*\[config-replaced\]/);
  });
});
