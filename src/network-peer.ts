import { k8s } from 'cdk8s-plus-28';
import { DNS_1123_LABEL, LABEL_VALUE, QUALIFIED_NAME } from './private/kubernetes-names';
import { argumentError, entryProp } from './props/prop-errors';

/**
 * A port of a NetworkPolicy rule.
 */
export class NetworkPort {
  /** A TCP port. */
  public static tcp(port: number): NetworkPort {
    return new NetworkPort('TCP', checkPort('NetworkPort.tcp', 'port', port));
  }

  /** A UDP port. */
  public static udp(port: number): NetworkPort {
    return new NetworkPort('UDP', checkPort('NetworkPort.udp', 'port', port));
  }

  /** A range of TCP ports, both ends included (NetworkPolicy `endPort`). */
  public static tcpRange(from: number, to: number): NetworkPort {
    checkPort('NetworkPort.tcpRange', 'from', from);
    checkPort('NetworkPort.tcpRange', 'to', to);
    if (to < from) {
      throw argumentError('NetworkPort.tcpRange', 'to', `'to' (${to}) must not be below 'from' (${from}).`);
    }
    return new NetworkPort('TCP', from, to);
  }

  private constructor(
    /** `TCP` or `UDP`. */
    public readonly protocol: string,
    /** The port, or the first port of the range. */
    public readonly port: number,
    /** The last port of the range, if it is one. */
    public readonly endPort?: number,
  ) {}

  /** @internal */
  public _json(): any {
    return { protocol: this.protocol, port: k8s.IntOrString.fromNumber(this.port), endPort: this.endPort };
  }
}

/**
 * The other side of a NetworkPolicy rule: pods, namespaces or addresses.
 */
export class NetworkPeer {
  /** Every pod of a namespace, by its name (the `kubernetes.io/metadata.name` label Kubernetes sets). */
  public static namespace(name: string): NetworkPeer {
    checkNamespace('NetworkPeer.namespace', 'name', name);
    return new NetworkPeer({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } }, `namespace '${name}'`);
  }

  /** Every pod of the namespaces with these labels. */
  public static namespacesLabelled(labels: { [key: string]: string }): NetworkPeer {
    checkLabels('NetworkPeer.namespacesLabelled', labels);
    return new NetworkPeer({ namespaceSelector: { matchLabels: { ...labels } } }, 'labelled namespaces');
  }

  /**
   * The pods with these labels, in a namespace given by name, or in the policy's own namespace.
   *
   * @param labels the pods' labels, e.g. `{ 'app.kubernetes.io/name': 'ingress-nginx' }`
   * @param namespace their namespace
   */
  public static pods(labels: { [key: string]: string }, namespace?: string): NetworkPeer {
    checkLabels('NetworkPeer.pods', labels);
    if (namespace !== undefined) {
      checkNamespace('NetworkPeer.pods', 'namespace', namespace);
    }
    return new NetworkPeer({
      podSelector: { matchLabels: { ...labels } },
      namespaceSelector: namespace === undefined ? undefined : { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
    }, `pods ${JSON.stringify(labels)}`);
  }

  /**
   * Addresses outside the cluster (object storage, Kafka brokers, the API server), as a CIDR.
   *
   * @param cidr e.g. `10.0.0.0/16`
   * @param except CIDRs within it to leave out
   */
  public static ipBlock(cidr: string, except?: string[]): NetworkPeer {
    for (const [index, block] of [cidr, ...(except ?? [])].entries()) {
      if (!/^(\d{1,3}(\.\d{1,3}){3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/.test(block)) {
        throw argumentError('NetworkPeer.ipBlock', index === 0 ? 'cidr' : `except[${index - 1}]`, `${JSON.stringify(block)} must be a CIDR such as '10.0.0.0/16' or 'fd00::/8'.`);
      }
    }
    return new NetworkPeer({ ipBlock: { cidr, except } }, `addresses ${cidr}`);
  }

  /** Every address: a rule with this peer is open to anything on its ports. */
  public static anyAddress(): NetworkPeer {
    return new NetworkPeer({ ipBlock: { cidr: '0.0.0.0/0' } }, 'any address', [{ ipBlock: { cidr: '::/0' } }]);
  }

  private constructor(
    private readonly peer: any,
    /** The peer, for messages. */
    public readonly description: string,
    private readonly more: any[] = [],
  ) {}

  /** @internal */
  public _json(): any[] {
    return [this.peer, ...this.more];
  }
}

function checkPort(method: string, param: string, port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw argumentError(method, param, `'${param}' must be a port number from 1 to 65535 (got ${port}).`);
  }
  return port;
}

function checkNamespace(method: string, param: string, name: string): void {
  const problem = DNS_1123_LABEL.problem(name);
  if (problem !== undefined) {
    throw argumentError(method, param, `the namespace ${problem}.`);
  }
}

function checkLabels(method: string, labels: { [key: string]: string }): void {
  if (Object.keys(labels).length === 0) {
    throw argumentError(method, 'labels', '\'labels\' must hold at least one label (an empty selector would select everything).');
  }
  for (const [key, value] of Object.entries(labels)) {
    const problem = QUALIFIED_NAME.problem(key) ?? LABEL_VALUE.problem(value);
    if (problem !== undefined) {
      throw argumentError(method, entryProp('labels', key), `the label ${JSON.stringify(key)} ${problem}.`);
    }
  }
}
