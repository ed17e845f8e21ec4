/**
 * examples/gateway-api: a session cluster's web UI behind a Gateway API HTTPRoute, authenticated
 * by an Envoy Gateway SecurityPolicy.
 */
import { App, Testing } from 'cdk8s';
import { GatewayApiChart, SECURITY_POLICY } from '../../examples/gateway-api/main';
import { FlinkValidator } from '../../src';
import { inventory, manifestOf, schemaErrors } from '../support/manifests';

describe('examples/gateway-api', () => {
  const manifests = Testing.synth(new GatewayApiChart(new App(), 'gateway-api'));
  /** Envoy Gateway's CRD is no schema of ours: everything else is validated strictly. */
  const ours = manifests.filter((manifest) => manifest.kind !== 'SecurityPolicy');

  test('synthesizes the cluster, its RBAC, the HTTPRoute and the policy, all strictly valid', () => {
    expect(inventory(manifests)).toEqual([
      'ServiceAccount/tools-session', 'Role/tools-session', 'RoleBinding/tools-session', 'ServiceAccount/tools-session-taskmanager',
      'FlinkDeployment/tools-session', 'HTTPRoute/tools-session-web-ui', `SecurityPolicy/${SECURITY_POLICY}`,
    ]);
    expect(schemaErrors(ours)).toEqual([]);
  });

  test('the route attaches to the shared Gateway, rewrites /flink and redirects the bare prefix', () => {
    const route = manifestOf(manifests, 'HTTPRoute', 'tools-session-web-ui');
    expect(route.metadata.annotations).toEqual({ 'cdk8s-flink/authenticated-by': `gateway.envoyproxy.io/SecurityPolicy/${SECURITY_POLICY}` });
    expect(route.spec.parentRefs).toEqual([{ name: 'shared-gateway', namespace: 'gateway-system', sectionName: 'https' }]);
    expect(route.spec.hostnames).toEqual(['tools.example.com']);
    expect(route.spec.rules.map((rule: any) => rule.filters.map((filter: any) => filter.type))).toEqual([['URLRewrite'], ['RequestRedirect']]);
    expect(route.spec.rules[0].backendRefs).toEqual([{ name: 'tools-session-rest', port: 8081 }]);
  });

  test('the policy targets the route, so the validator accepts it; without it the route names a policy that must exist elsewhere', () => {
    const policy = manifestOf(manifests, 'SecurityPolicy', SECURITY_POLICY);
    expect(policy.spec.targetRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'tools-session-web-ui' }]);
    expect(FlinkValidator.validate(manifests).filter((finding) => finding.rule === 'web-ui-exposure')).toEqual([]);
    const untargeted = { ...policy, spec: { ...policy.spec, targetRefs: [{ ...policy.spec.targetRefs[0], name: 'other' }] } };
    expect(FlinkValidator.validate([...ours, untargeted]).filter((finding) => finding.rule === 'web-ui-exposure')).toHaveLength(1);
  });
});
