import { App } from 'cdk8s';
import { ProductionAppChart } from '../../examples/production-app/main';
import { FlinkValidator } from '../../src';
import { manifestOf, synthValid } from '../support/manifests';

describe('examples/production-app', () => {
  const manifests = synthValid(new ProductionAppChart(new App(), 'production-app'));
  const deployment = manifestOf(manifests, 'FlinkDeployment', 'orders');

  test('HA, S3 state, savepoint upgrades with last-state fallback, health checks, a nightly savepoint, the autoscaler band', () => {
    expect(deployment.spec.job.upgradeMode).toBe('savepoint');
    expect(deployment.spec.flinkConfiguration).toMatchObject({
      'high-availability.type': 'kubernetes',
      'high-availability.storageDir': 's3://flink-state/orders/ha',
      'execution.checkpointing.dir': 's3://flink-state/orders/checkpoints',
      'execution.checkpointing.savepoint-dir': 's3://flink-state/orders/savepoints',
      'execution.checkpointing.num-retained': '3',
      'state.backend.type': 'rocksdb',
      'kubernetes.operator.job.upgrade.last-state-fallback.enabled': 'true',
      'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age': '15min',
      'kubernetes.operator.cluster.health-check.enabled': 'true',
      'kubernetes.operator.cluster.health-check.restarts.threshold': '10',
      'kubernetes.operator.job.restart.failed': 'true',
      'kubernetes.operator.periodic.savepoint.interval': '0 0 2 * * ?',
      'kubernetes.operator.savepoint.history.max.age': '7d',
      'job.autoscaler.enabled': 'true',
      'job.autoscaler.utilization.min': '0.5',
      'job.autoscaler.utilization.max': '0.9',
      'job.autoscaler.scale-down.interval': '30min',
      'metrics.reporter.prom.port': '9249',
    });
    expect(Object.keys(deployment.spec.flinkConfiguration)).not.toContain('job.autoscaler.target.utilization.boundary');
  });

  test('the S3 plugin and the credentials from a Secret, on the Flink container', () => {
    const env = deployment.spec.podTemplate.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-presto-1.20.1.jar' });
    expect(env).toContainEqual({ name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'orders-s3', key: 'access-key-id' } } });
    expect(env).toContainEqual({ name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'orders-s3', key: 'secret-access-key' } } });
    expect(JSON.stringify(deployment)).not.toMatch(/AKIA|secret-value/);
    expect(Object.keys(deployment.spec.flinkConfiguration).filter((key) => /secret|password|access.?key/i.test(key))).toEqual([]);
  });

  test('the NetworkPolicy lets Prometheus in on the metrics port, and S3 out over HTTPS', () => {
    const policy = manifestOf(manifests, 'NetworkPolicy', 'orders-network');
    const metricsRule = policy.spec.ingress.find((rule: any) => (rule.ports ?? []).some((port: any) => port.port === 9249));
    expect(metricsRule.from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }]);
    expect(policy.spec.egress).toContainEqual(expect.objectContaining({ ports: [{ protocol: 'TCP', port: 443 }] }));
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  test('the PodMonitor scrapes the port the reporter listens on', () => {
    const monitor = manifestOf(manifests, 'PodMonitor', 'orders');
    expect(monitor.metadata.labels).toEqual({ release: 'kube-prometheus-stack' });
    expect(monitor.spec.podMetricsEndpoints).toEqual([{ port: 'metrics', interval: '30s' }]);
    expect(deployment.spec.podTemplate.spec.containers[0].ports).toEqual([{ name: 'metrics', containerPort: 9249, protocol: 'TCP' }]);
  });

  test('strict-valid: no finding at all', () => {
    expect(FlinkValidator.validate(manifests)).toEqual([]);
  });
});
