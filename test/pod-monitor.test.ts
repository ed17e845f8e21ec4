/**
 * Metrics scraping with the Prometheus Operator: `addPodMonitor()` emits a PodMonitor that
 * selects the cluster's JobManager and TaskManager pods by the labels Flink gives them
 * (`app`, `type`, `component`; Flink's `Constants` and the operator's
 * `StandaloneKubernetesUtils`) and scrapes the container port that `metrics.prometheusPort`
 * declares. Every manifest is checked strictly against the PodMonitor schema and by
 * @kubernetes-models/prometheus-operator (synthValid).
 */
import { Duration } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { DeploymentMode, FlinkApplication, FlinkPodMonitor, FlinkSessionCluster, FlinkSessionCluster as Session, FlinkVersion, JobJar } from '../src';
import { manifestOf, schemaErrors, synthValid, testChart } from './support/manifests';
import { DeploymentModel } from '../src/validation/model/deployment-model';

function session(chart = testChart(), props: any = { metrics: { prometheusPort: 9249 } }): FlinkSessionCluster {
  return new FlinkSessionCluster(chart, 'Session', {
    flinkVersion: FlinkVersion.V1_20,
    serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
    ...props,
  });
}

const PODMONITOR = {
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PodMonitor',
  metadata: { name: 'session', namespace: 'flink', labels: { release: 'prometheus' } },
  spec: {
    selector: {
      matchLabels: { app: 'session', type: 'flink-native-kubernetes' },
      matchExpressions: [{ key: 'component', operator: 'In', values: ['jobmanager', 'taskmanager'] }],
    },
    podMetricsEndpoints: [{ port: 'metrics', interval: '30s', scrapeTimeout: '10s' }],
  },
};

describe('addPodMonitor', () => {
  test('a PodMonitor for the JobManager and TaskManager pods, on the port the reporter and the container share', () => {
    const chart = testChart();
    const cluster = session(chart);
    cluster.addPodMonitor({ metadata: { labels: { release: 'prometheus' } }, interval: Duration.seconds(30), scrapeTimeout: Duration.seconds(10) });
    const manifests = synthValid(chart);
    expect(manifestOf(manifests, 'PodMonitor', 'session')).toEqual(PODMONITOR);
    const deployment = manifestOf(manifests, 'FlinkDeployment', 'session');
    expect(deployment.spec.flinkConfiguration['metrics.reporter.prom.port']).toBe('9249');
    expect(deployment.spec.podTemplate.spec.containers[0].ports).toEqual([{ name: 'metrics', containerPort: 9249, protocol: 'TCP' }]);
  });

  test('an application in standalone mode: the standalone type label, durations in Prometheus syntax', () => {
    const chart = testChart();
    const app = new FlinkApplication(chart, 'Orders', {
      flinkVersion: FlinkVersion.V1_20,
      serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
      jar: JobJar.fromLocal('/opt/flink/usrlib/orders.jar'),
      mode: DeploymentMode.STANDALONE,
      metrics: { prometheusPort: 9250 },
    });
    app.addPodMonitor({ interval: Duration.seconds(90) });
    const monitor = manifestOf(synthValid(chart), 'PodMonitor', 'orders');
    expect(monitor.spec.selector.matchLabels).toEqual({ app: 'orders', type: 'flink-standalone-kubernetes' });
    expect(monitor.spec.podMetricsEndpoints).toEqual([{ port: 'metrics', interval: '1m30s' }]);
  });

  test('needs the Prometheus reporter, and is added once', () => {
    expect(() => session(testChart(), {}).addPodMonitor()).toThrow(/addPodMonitor\(\) needs the Prometheus reporter: set 'metrics: \{ prometheusPort: 9249 \}'/);
    const cluster = session();
    cluster.addPodMonitor();
    expect(() => cluster.addPodMonitor()).toThrow(/already called/);
  });

  test('the raw reporter keys without the typed port are not enough: no container port would be declared', () => {
    const cluster = session(testChart(), {
      flinkConfiguration: {
        'metrics.reporter.prom.factory.class': 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory',
        'metrics.reporter.prom.port': '9249',
      },
    });
    expect(() => cluster.addPodMonitor()).toThrow(/needs the Prometheus reporter/);
  });

  test('FlinkPodMonitor on an imported cluster reads the reporter from its configuration', () => {
    const chart = testChart();
    const imported = Session.fromName(chart, 'Imported', 'analytics', { namespace: 'flink', flinkConfiguration: {} });
    expect(() => new FlinkPodMonitor(chart, 'Monitor', { cluster: imported })).toThrow(/has no Prometheus reporter to scrape/);
  });

  test('a bad interval is refused', () => {
    expect(() => session().addPodMonitor({ interval: Duration.millis(0) })).toThrow(/'interval' must be a positive whole number of milliseconds/);
  });
});

describe('the PodMonitor schema check (test support)', () => {
  test('an unknown field is an error', () => {
    const typo = { ...PODMONITOR, spec: { ...PODMONITOR.spec, podMetricsEndpoints: [{ port: 'metrics', intervall: '30s' }] } };
    expect(schemaErrors([typo]).join('\n')).toMatch(/must NOT have additional properties 'intervall'/);
  });

  test('a bad duration is an error of the package validator', () => {
    const bad = { ...PODMONITOR, spec: { ...PODMONITOR.spec, podMetricsEndpoints: [{ port: 'metrics', interval: '30 seconds' }] } };
    expect(schemaErrors([bad]).join('\n')).toMatch(/PodMonitor\/session/);
  });

  test('a valid PodMonitor passes both', () => {
    expect(schemaErrors([PODMONITOR])).toEqual([]);
  });
});

/**
 * Issue 20, case 10: the operator merges the JobManager and TaskManager templates into the common
 * one list by position (unless `kubernetes.operator.pod-template.merge-arrays-by-name` is true), so
 * a process template whose main container declares `ports` used to overwrite the `metrics` port
 * of the common template, and the PodMonitor scraped nothing. The pods are checked as the model of
 * objects builds them (the operator's merge, then Flink's ports).
 */
describe('the metrics port survives the pod templates people write', () => {
  const custom = { spec: { containers: [{ name: 'flink-main-container', ports: [{ name: 'custom', containerPort: 9999 }] }] } };
  const portsOf = (chart: any) => {
    const objects = DeploymentModel.of(new Map(), manifestOf(synthValid(chart), 'FlinkDeployment', 'session')).objects;
    return { jobManager: objects.jobManager.ports.map((port) => port.name), taskManager: objects.taskManager.ports.map((port) => port.name) };
  };

  test('a TaskManager template with a port of its own', () => {
    const chart = testChart();
    session(chart, { metrics: { prometheusPort: 9249 }, taskManager: { podTemplate: custom } }).addPodMonitor();
    expect(portsOf(chart).taskManager).toEqual(['metrics', 'custom', 'taskmanager-rpc']);
    expect(portsOf(chart).jobManager).toContain('metrics');
  });

  test('a JobManager template with a port of its own, next to a sidecar', () => {
    const chart = testChart();
    const template = { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }, ...custom.spec.containers] } };
    session(chart, { metrics: { prometheusPort: 9249 }, jobManager: { podTemplate: template } }).addPodMonitor();
    expect(portsOf(chart).jobManager).toEqual(['metrics', 'custom', 'rest', 'jobmanager-rpc', 'blobserver']);
  });

  test('the common template with a port of its own', () => {
    const chart = testChart();
    session(chart, { metrics: { prometheusPort: 9249 }, podTemplate: custom }).addPodMonitor();
    expect(portsOf(chart).taskManager).toEqual(['metrics', 'custom', 'taskmanager-rpc']);
  });

  test('a template port named metrics on another port number is refused, naming the prop', () => {
    const clash = { spec: { containers: [{ name: 'flink-main-container', ports: [{ name: 'metrics', containerPort: 9000 }] }] } };
    expect(() => session(testChart(), { metrics: { prometheusPort: 9249 }, taskManager: { podTemplate: clash } }))
      .toThrow(/'taskManager.podTemplate' declares the container port 'metrics' as 9000.*metrics.prometheusPort/);
  });
});
