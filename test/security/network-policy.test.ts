/**
 * cluster.restrictNetwork(): a NetworkPolicy around the cluster's pods, selected by the labels
 * Flink and the operator put on them, checked against the Kubernetes schema.
 */
import { DeploymentMode, FlinkSessionCluster, FlinkVersion, NetworkPeer, NetworkPort } from '../../src';
import { manifestOf, synthValid, testChart } from '../support/manifests';

const INGRESS_NGINX = NetworkPeer.pods({ 'app.kubernetes.io/name': 'ingress-nginx' }, 'ingress-nginx');

function policyOf(props: object = {}, options: object = {}): any {
  const chart = testChart();
  const cluster = new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, ...props });
  cluster.restrictNetwork({ operatorNamespace: 'flink-operator', ...options });
  return manifestOf(synthValid(chart), 'NetworkPolicy', 'session-network');
}

describe('restrictNetwork', () => {
  test('the default policy: the cluster itself, the operator on the REST port, DNS and the Kubernetes API', () => {
    const clusterPods = { matchLabels: { app: 'session', type: 'flink-native-kubernetes' } };
    expect(policyOf()).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'session-network', namespace: 'flink' },
      spec: {
        podSelector: clusterPods,
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          { from: [{ podSelector: clusterPods }] },
          {
            from: [{
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'flink-operator' } },
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'flink-kubernetes-operator' } },
            }],
            ports: [{ protocol: 'TCP', port: 8081 }],
          },
        ],
        egress: [
          { to: [{ podSelector: clusterPods }] },
          { ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
          { ports: [{ protocol: 'TCP', port: 443 }, { protocol: 'TCP', port: 6443 }] },
        ],
      },
    });
  });

  // Flink's REST Service: port = rest.port, targetPort = rest.bind-port (falls back to rest.port); the pods listen on the bind port.
  test('the REST port opened is the bind port the REST Service forwards to', () => {
    const ports = (policy: any) => policy.spec.ingress[1].ports;
    expect(ports(policyOf({ flinkConfiguration: { 'rest.bind-port': '8082' } }))).toEqual([{ protocol: 'TCP', port: 8082 }]);
    expect(ports(policyOf({ flinkConfiguration: { 'rest.port': '9081', 'rest.bind-port': '8082' } }))).toEqual([{ protocol: 'TCP', port: 8082 }]);
    expect(ports(policyOf({ flinkConfiguration: { 'rest.port': '9081' } }))).toEqual([{ protocol: 'TCP', port: 9081 }]);
    // The client puts 8081 in place of a bind port of 0.
    expect(ports(policyOf({ flinkConfiguration: { 'rest.port': '9081', 'rest.bind-port': '0' } }))).toEqual([{ protocol: 'TCP', port: 8081 }]);
  });

  test('a range of bind ports fails synth (rest-bind-port)', () => {
    expect(() => policyOf({ flinkConfiguration: { 'rest.bind-port': '50100-50200' } })).toThrow(/rest.bind-port' is '50100-50200', not one port.*\[rest-bind-port\]/);
  });

  test('REST from the Ingress controller, metrics from Prometheus, the listed egress, the rest.port and the standalone label', () => {
    const policy = policyOf({
      mode: DeploymentMode.STANDALONE,
      flinkConfiguration: { 'rest.port': '8082' },
      metrics: { prometheusPort: 9249 },
    }, {
      restFrom: [INGRESS_NGINX],
      metricsFrom: [NetworkPeer.namespace('monitoring')],
      kubernetesApi: [NetworkPeer.ipBlock('10.96.0.1/32')],
      egress: [
        { to: [NetworkPeer.ipBlock('10.20.0.0/16', ['10.20.1.0/24'])], ports: [NetworkPort.tcpRange(9092, 9094)] },
        { to: [NetworkPeer.anyAddress()], ports: [NetworkPort.tcp(443)] },
      ],
    });
    expect(policy.spec.podSelector).toEqual({ matchLabels: { app: 'session', type: 'flink-standalone-kubernetes' } });
    expect(policy.spec.ingress.slice(1)).toEqual([
      expect.objectContaining({ ports: [{ protocol: 'TCP', port: 8082 }] }),
      {
        from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
        ports: [{ protocol: 'TCP', port: 8082 }],
      },
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9249 }] },
    ]);
    expect(policy.spec.egress.slice(2)).toEqual([
      { to: [{ ipBlock: { cidr: '10.96.0.1/32' } }], ports: [{ protocol: 'TCP', port: 443 }, { protocol: 'TCP', port: 6443 }] },
      { to: [{ ipBlock: { cidr: '10.20.0.0/16', except: ['10.20.1.0/24'] } }], ports: [{ protocol: 'TCP', port: 9092, endPort: 9094 }] },
      { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ]);
  });

  test.each<[string, () => unknown, RegExp]>([
    ['a bad operator namespace', () => policyOf({}, { operatorNamespace: 'Flink Operator' }), /^test\/Session\/NetworkPolicy: 'operatorNamespace' must be a DNS-1123 label/],
    ['metricsFrom without a metrics port', () => policyOf({}, { metricsFrom: [NetworkPeer.namespace('monitoring')] }), /'metricsFrom' needs a metrics port/],
    ['another namespace', () => policyOf({}, { metadata: { namespace: 'other' } }), /'metadata\.namespace' must be the cluster's namespace 'flink'/],
    ['an empty pod selector', () => NetworkPeer.pods({}), /^NetworkPeer\.pods: 'labels' must hold at least one label/],
    ['a bad CIDR', () => NetworkPeer.ipBlock('10.0.0.0'), /^NetworkPeer\.ipBlock: "10\.0\.0\.0" must be a CIDR/],
    ['a bad port', () => NetworkPort.tcp(0), /^NetworkPort\.tcp: 'port' must be a port number from 1 to 65535 \(got 0\)/],
    ['a reversed range', () => NetworkPort.tcpRange(9094, 9092), /'to' \(9092\) must not be below 'from' \(9094\)/],
    ['a second call', () => {
      const cluster = new FlinkSessionCluster(testChart(), 'Session', { flinkVersion: FlinkVersion.V1_20 });
      cluster.restrictNetwork({ operatorNamespace: 'flink-operator' });
      cluster.restrictNetwork({ operatorNamespace: 'flink-operator' });
    }, /restrictNetwork\(\) was already called for 'session'/],
  ])('refuses %s', (_what, action, message) => {
    expect(action).toThrow(message);
  });
});

describe('a REST port open to every address (network-policy-rest-open)', () => {
  test('restFrom with 0.0.0.0/0 is a warning at synth naming the policy and the port', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      policyOf({}, { restFrom: [NetworkPeer.ipBlock('0.0.0.0/0')] });
      expect(write.mock.calls.map((call) => String(call[0])).join('')).toMatch(
        /NetworkPolicy 'session-network' lets every address \('0\.0\.0\.0\/0'\) reach port 8081, the REST endpoint of Flink cluster 'session'.*\[network-policy-rest-open\]/);
    } finally {
      write.mockRestore();
    }
  });

  test('restFrom naming the Ingress controller\'s pods is none', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      policyOf({}, { restFrom: [INGRESS_NGINX] });
      expect(write.mock.calls.map((call) => String(call[0])).join('')).not.toMatch(/network-policy-rest-open/);
    } finally {
      write.mockRestore();
    }
  });
});
