import { ApiObjectMetadata, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { IFlinkCluster } from './cluster';
import type * as PrometheusOperator from './imports/monitoring.coreos.com';
import { onFirstUse } from './private/on-first-use';
import { PROMETHEUS_FACTORY, PROMETHEUS_PORT } from './private/options/flink-options';
import { mainKey } from './private/options/option';
import { checkedAt, propError } from './props/prop-errors';
import { FLINK_METRICS_PORT_NAME } from './render/pod-template';
import { DeploymentMode } from './types';

// The generated PodMonitor types, loaded when a monitor is made (see private/on-first-use.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const prometheusOperator = onFirstUse(() => require('./imports/monitoring.coreos.com') as typeof PrometheusOperator);

/**
 * Options of the Prometheus Operator `PodMonitor` of a Flink cluster, for `addPodMonitor()`.
 */
export interface FlinkPodMonitorOptions {
  /**
   * Metadata of the PodMonitor; give the labels your Prometheus selects PodMonitors by, e.g.
   * `{ labels: { release: 'kube-prometheus-stack' } }`.
   *
   * @default - named after the cluster, in its namespace, no labels
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * How often Prometheus scrapes each pod.
   *
   * @default - the Prometheus default (its global scrape interval)
   */
  readonly interval?: Duration;

  /**
   * How long a scrape may take; at most `interval`.
   *
   * @default - the Prometheus default
   */
  readonly scrapeTimeout?: Duration;
}

/**
 * Props of `FlinkPodMonitor`.
 */
export interface FlinkPodMonitorProps extends FlinkPodMonitorOptions {
  /**
   * The cluster whose JobManager and TaskManager pods are scraped. Its Flink configuration must
   * turn the Prometheus reporter on (`metrics.prometheusPort` does, and declares the container
   * port named `metrics` the monitor scrapes); `cluster.addPodMonitor()` checks both.
   */
  readonly cluster: IFlinkCluster;

  /**
   * How the operator deploys the cluster, which sets the `type` label of its pods
   * (`flink-native-kubernetes` or `flink-standalone-kubernetes`).
   *
   * @default DeploymentMode.NATIVE
   */
  readonly deploymentMode?: DeploymentMode;
}

/** Prometheus's duration syntax (`1h30m`, `15s`, `500ms`). */
function prometheusDuration(prop: string, duration: Duration | undefined): string | undefined {
  if (duration === undefined) {
    return undefined;
  }
  let ms = duration.toMilliseconds();
  if (!(Number.isSafeInteger(ms) && ms > 0)) {
    throw propError(prop, `'${prop}' must be a positive whole number of milliseconds (got ${ms} ms).`);
  }
  let text = '';
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    if (ms >= size) {
      text += `${Math.floor(ms / size)}${unit}`;
      ms %= size;
    }
  }
  return text;
}

/**
 * A Prometheus Operator `PodMonitor` (`monitoring.coreos.com/v1`) that scrapes Flink's
 * Prometheus reporter on the JobManager and TaskManager pods of a cluster.
 *
 * It selects the pods by the labels Flink and the operator give them: `app: <cluster name>`,
 * `type: flink-native-kubernetes` (or `flink-standalone-kubernetes`) and `component` one of
 * `jobmanager`, `taskmanager`, and scrapes the container port named `metrics`. A PodMonitor
 * rather than a ServiceMonitor: Flink creates no Service in front of the TaskManagers, and the
 * JobManager's REST Service does not expose the reporter.
 *
 * Use `cluster.addPodMonitor()`, which also checks that the cluster declares the port.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/metric_reporters/#prometheus
 */
export class FlinkPodMonitor extends Construct {
  /** The name of the PodMonitor. */
  public readonly name: string;

  constructor(scope: Construct, id: string, props: FlinkPodMonitorProps) {
    super(scope, id);
    const cluster = props.cluster;
    const spec = checkedAt(this, () => {
      const configuration = cluster.flinkConfiguration;
      if (configuration[mainKey(PROMETHEUS_FACTORY)] === undefined || configuration[mainKey(PROMETHEUS_PORT)] === undefined) {
        throw propError('cluster', `'cluster' ${cluster.name} has no Prometheus reporter to scrape ('${mainKey(PROMETHEUS_FACTORY)}' and '${mainKey(PROMETHEUS_PORT)}' are not set). Set 'metrics: { prometheusPort: 9249 }' on the cluster.`);
      }
      return {
        selector: {
          matchLabels: {
            app: cluster.name,
            type: props.deploymentMode === DeploymentMode.STANDALONE ? 'flink-standalone-kubernetes' : 'flink-native-kubernetes',
          },
          matchExpressions: [{ key: 'component', operator: 'In', values: ['jobmanager', 'taskmanager'] }],
        },
        podMetricsEndpoints: [{
          port: FLINK_METRICS_PORT_NAME,
          interval: prometheusDuration('interval', props.interval),
          scrapeTimeout: prometheusDuration('scrapeTimeout', props.scrapeTimeout),
        }],
      };
    });
    this.name = props.metadata?.name ?? cluster.name;
    new (prometheusOperator().PodMonitor)(this, 'Resource', {
      metadata: { ...props.metadata, name: this.name, namespace: props.metadata?.namespace ?? cluster.namespace },
      spec,
    });
  }
}
