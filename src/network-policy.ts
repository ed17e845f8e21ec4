import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IFlinkCluster } from './cluster';
import { NetworkPeer, NetworkPort } from './network-peer';
import { NAMESPACE_NAME } from './private/kubernetes-names';
import { EffectiveConfiguration } from './private/options/effective-configuration';
import { PROMETHEUS_PORT } from './private/options/flink-options';
import { mainKey } from './private/options/option';
import { checkMetadataKeys, checkName } from './props/name-checks';
import { checkObjectName } from './props/prop-checks';
import { checkedAt, propError } from './props/prop-errors';
import { DeploymentMode } from './types';
import { restBindPort } from './validation/checks/rest-port';

/**
 * Egress the Flink pods may open beyond their cluster, DNS and the Kubernetes API.
 */
export interface NetworkEgressRule {
  /** Where to: object storage, Kafka brokers, a schema registry, ... */
  readonly to: NetworkPeer[];

  /**
   * On which ports.
   *
   * @default - every port
   */
  readonly ports?: NetworkPort[];
}

/**
 * Options of `restrictNetwork()`.
 */
export interface RestrictNetworkOptions {
  /**
   * The namespace the Flink Kubernetes Operator runs in (its Helm release's namespace): its pods
   * may reach the REST port, through which the operator submits, observes and savepoints jobs.
   */
  readonly operatorNamespace: string;

  /**
   * The labels of the operator's pods.
   *
   * @default - `app.kubernetes.io/name: flink-kubernetes-operator`, the operator Helm chart's selector label
   */
  readonly operatorPodLabels?: { [key: string]: string };

  /**
   * Who else may reach the REST port and web UI: the Ingress controller or Gateway that exposes
   * it, for instance `NetworkPeer.pods({ 'app.kubernetes.io/name': 'ingress-nginx' }, 'ingress-nginx')`.
   *
   * @default - only the operator
   */
  readonly restFrom?: NetworkPeer[];

  /**
   * Who may scrape the Prometheus port (`metrics.prometheusPort`).
   *
   * @default - nobody outside the cluster
   */
  readonly metricsFrom?: NetworkPeer[];

  /**
   * Where the JobManager reaches the Kubernetes API (it creates TaskManager pods and, with high
   * availability, ConfigMaps). The API server is outside the pod network, so it is given as
   * addresses, on ports 443 and 6443.
   *
   * @default - any address on TCP 443 and 6443
   */
  readonly kubernetesApi?: NetworkPeer[];

  /**
   * The egress the job needs: state storage, sources and sinks.
   *
   * @default - none beyond the cluster itself, DNS and the Kubernetes API
   */
  readonly egress?: NetworkEgressRule[];

  /**
   * Metadata of the NetworkPolicy.
   *
   * @default - named `<cluster>-network`, in the cluster's namespace
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * Props of `FlinkNetworkPolicy`.
 */
export interface FlinkNetworkPolicyProps extends RestrictNetworkOptions {
  /** The cluster whose pods the policy selects. */
  readonly cluster: IFlinkCluster;

  /**
   * How the operator deploys the cluster, which decides the pods' `type` label.
   *
   * @default DeploymentMode.NATIVE
   */
  readonly deploymentMode?: DeploymentMode;
}

/**
 * The `type` label of a cluster's pods: Flink's native integration sets
 * `flink-native-kubernetes` (Flink `Constants.LABEL_TYPE_NATIVE_TYPE`), the operator's standalone
 * mode `flink-standalone-kubernetes` (`StandaloneKubernetesUtils.LABEL_TYPE_STANDALONE_TYPE`).
 * Both add `app: <cluster-id>` and `component: jobmanager|taskmanager`.
 */
const TYPE_LABEL: { readonly [mode: string]: string } = {
  [DeploymentMode.NATIVE]: 'flink-native-kubernetes',
  [DeploymentMode.STANDALONE]: 'flink-standalone-kubernetes',
};

/** The operator Helm chart's selector label (`app.kubernetes.io/name: <chart name>`). */
const OPERATOR_POD_LABELS = { 'app.kubernetes.io/name': 'flink-kubernetes-operator' };

/**
 * A `networking.k8s.io/v1` NetworkPolicy around the JobManager and TaskManager pods of a Flink
 * cluster, selected by the labels Flink and the operator put on them (`app: <cluster>`,
 * `type: flink-native-kubernetes` or `flink-standalone-kubernetes`). It allows:
 *
 * - any traffic between the cluster's own pods (RPC, blobs, and the TaskManagers' data
 *   connections, on random ports unless `taskmanager.data.port` is set);
 * - the REST port from the operator's pods and from `restFrom` (the port the JobManager listens on,
 *   `rest.bind-port`, which the REST Service targets; `rest.port` when it is not set), the
 *   metrics port from `metricsFrom`;
 * - egress to DNS (port 53), to the Kubernetes API, and to what `egress` lists.
 *
 * Everything else in and out of the pods is denied, where the cluster's network plugin enforces
 * NetworkPolicies.
 */
export class FlinkNetworkPolicy extends Construct {
  /** The name of the NetworkPolicy. */
  public readonly name: string;

  /** The NetworkPolicy API object; `ApiObject.of(policy)` returns it too. */
  protected readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: FlinkNetworkPolicyProps) {
    super(scope, id);
    const cluster = props.cluster;
    this.name = checkedAt(this, () => {
      const name = props.metadata?.name ?? `${cluster.name}-network`;
      checkObjectName('metadata.name', name);
      checkMetadataKeys('metadata', props.metadata);
      checkName('operatorNamespace', props.operatorNamespace, NAMESPACE_NAME);
      if (props.metadata?.namespace !== undefined && props.metadata.namespace !== cluster.namespace) {
        throw propError('metadata.namespace', `'metadata.namespace' must be the cluster's namespace '${cluster.namespace}' (got '${props.metadata.namespace}'): a NetworkPolicy selects pods in its own namespace.`);
      }
      if (props.metricsFrom !== undefined && cluster.flinkConfiguration[mainKey(PROMETHEUS_PORT)] === undefined) {
        throw propError('metricsFrom', "'metricsFrom' needs a metrics port: set 'metrics.prometheusPort' on the cluster.");
      }
      return name;
    });
    const clusterPods = { matchLabels: { app: cluster.name, type: TYPE_LABEL[props.deploymentMode ?? DeploymentMode.NATIVE] } };
    const peers = (list: NetworkPeer[]) => list.flatMap((peer) => peer._json());
    const ports = (list: NetworkPort[] | undefined) => list?.map((port) => port._json());

    this.apiObject = new k8s.KubeNetworkPolicy(this, 'Resource', {
      metadata: { ...props.metadata, name: this.name, namespace: cluster.namespace },
      spec: Lazy.any({
        produce: () => {
          const tcp = (port: number) => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) });
          // The REST Service's port is rest.port, but it forwards to the pods' rest.bind-port: the port the policy must open.
          const bindPort = restBindPort(EffectiveConfiguration.merge(cluster.flinkVersion, new Map(Object.entries(cluster.flinkConfiguration)))).port;
          const rest = [tcp(bindPort ?? cluster.restPort)];
          const metricsPort = cluster.flinkConfiguration[mainKey(PROMETHEUS_PORT)];
          return {
            podSelector: clusterPods,
            policyTypes: ['Ingress', 'Egress'],
            ingress: [
              { from: [{ podSelector: clusterPods }] },
              {
                from: [{
                  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': props.operatorNamespace } },
                  podSelector: { matchLabels: props.operatorPodLabels ?? OPERATOR_POD_LABELS },
                }],
                ports: rest,
              },
              ...(props.restFrom === undefined || props.restFrom.length === 0 ? [] : [{ from: peers(props.restFrom), ports: rest }]),
              ...(props.metricsFrom === undefined || metricsPort === undefined ? []
                : [{ from: peers(props.metricsFrom), ports: [tcp(Number(metricsPort))] }]),
            ],
            egress: [
              { to: [{ podSelector: clusterPods }] },
              { ports: [{ protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) }, tcp(53)] },
              { to: props.kubernetesApi === undefined ? undefined : peers(props.kubernetesApi), ports: [tcp(443), tcp(6443)] },
              ...(props.egress ?? []).map((rule) => ({ to: peers(rule.to), ports: ports(rule.ports) })),
            ],
          };
        },
      }),
    });
  }
}
