import { argumentError } from './props/prop-errors';

/**
 * How a Gateway API HTTPRoute to the Flink web UI is authenticated.
 *
 * The Gateway API standard channel has no authentication: it comes from the implementation,
 * as a filter of the route's rule (`ExtensionRef`) or a policy attached to the route or its
 * Gateway (Envoy Gateway's SecurityPolicy, for instance). The validator cannot see what a
 * filter or a policy managed elsewhere does, so the route names what authenticates it in the
 * annotation `cdk8s-flink/authenticated-by: <group>/<Kind>/<name>`; a SecurityPolicy in the app
 * is checked to target the route and to authenticate.
 */
export class HttpRouteAuthentication {
  /**
   * An implementation's filter, added to the route's rule as an `ExtensionRef` filter, that
   * authenticates requests.
   *
   * @param group the API group of the filter resource, e.g. `gateway.example.io`
   * @param kind its kind
   * @param name its name, in the route's namespace
   */
  public static extensionFilter(group: string, kind: string, name: string): HttpRouteAuthentication {
    checkReference('extensionFilter', group, kind, name);
    return new HttpRouteAuthentication(`${group}/${kind}/${name}`, { group, kind, name });
  }

  /**
   * An Envoy Gateway `SecurityPolicy` (`gateway.envoyproxy.io`) that targets the route (or its
   * Gateway) and authenticates (basicAuth, oidc, jwt, apiKeyAuth or extAuth).
   *
   * @param name the SecurityPolicy, in the route's namespace
   * @see https://gateway.envoyproxy.io/docs/api/extension_types/#securitypolicy
   */
  public static envoyGatewaySecurityPolicy(name: string): HttpRouteAuthentication {
    return HttpRouteAuthentication.attachedPolicy('gateway.envoyproxy.io', 'SecurityPolicy', name);
  }

  /**
   * A policy of the Gateway implementation, attached to the route or its Gateway, that
   * authenticates requests. Istio's AuthorizationPolicy is refused: it cannot target an
   * HTTPRoute.
   *
   * @param group the API group of the policy, e.g. `gateway.envoyproxy.io`
   * @param kind its kind, e.g. `SecurityPolicy`
   * @param name its name, in the route's namespace
   */
  public static attachedPolicy(group: string, kind: string, name: string): HttpRouteAuthentication {
    checkReference('attachedPolicy', group, kind, name);
    if (group === 'security.istio.io' && kind === 'AuthorizationPolicy') {
      throw argumentError('HttpRouteAuthentication.attachedPolicy', 'kind', 'an Istio AuthorizationPolicy cannot target an HTTPRoute (only a Gateway, a GatewayClass, '
        + 'a Service or a ServiceEntry). Attach it to the Gateway and name that policy, or use a filter or policy of your Gateway implementation that targets the route.');
    }
    return new HttpRouteAuthentication(`${group}/${kind}/${name}`, undefined);
  }

  private constructor(
    /** What authenticates, as `<group>/<Kind>/<name>` (the `cdk8s-flink/authenticated-by` annotation). */
    public readonly reference: string,
    /** @internal the `ExtensionRef` filter to add to the route's rule */
    public readonly _filter: { readonly group: string; readonly kind: string; readonly name: string } | undefined,
  ) {}
}

const GROUP = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KIND = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkReference(method: string, group: string, kind: string, name: string): void {
  const checks: Array<[string, string, RegExp, string]> = [
    ['group', group, GROUP, "an API group such as 'gateway.envoyproxy.io'"],
    ['kind', kind, KIND, "a kind such as 'SecurityPolicy'"],
    ['name', name, NAME, 'a lowercase DNS name'],
  ];
  for (const [param, value, pattern, what] of checks) {
    if (typeof value !== 'string' || value.length > 253 || !pattern.test(value)) {
      throw argumentError(`HttpRouteAuthentication.${method}`, param, `'${param}' must be ${what} (got '${value}').`);
    }
  }
}
