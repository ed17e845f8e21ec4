/**
 * The web UI exposure rule, for Gateway API HTTPRoutes: a route whose backend is the REST
 * Service of a Flink cluster in the set must authenticate, or accept the exposure explicitly.
 *
 * The standard channel has no authentication of its own. A route authenticates through an
 * implementation's filter (`ExtensionRef`) or a policy attached to the route or its Gateway,
 * such as Envoy Gateway's SecurityPolicy. The rule cannot see what a filter does, so the route
 * must name what authenticates it (`cdk8s-flink/authenticated-by`); an Envoy Gateway
 * SecurityPolicy in the set that targets the route (or its Gateway) and authenticates counts
 * by itself.
 */
import { FlinkAnnotations } from '../../constants';
import { RuleContext } from '../context';
import { clusterOfService, ExposedCluster, exposureSeverity, optedIn, optInFix, stakes, submissionNote } from '../web-ui/exposed-cluster';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const ENVOY_GATEWAY_GROUP = 'gateway.envoyproxy.io';
const ISTIO_SECURITY_GROUP = 'security.istio.io';
/** SecurityPolicy sections that authenticate requests. */
const ENVOY_AUTHENTICATION = ['basicAuth', 'oidc', 'jwt', 'apiKeyAuth', 'extAuth'];

interface ObjectReference {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
}

const show = (reference: ObjectReference) => `${reference.group}/${reference.kind}/${reference.name}`;

function groupOf(manifest: any): string {
  const apiVersion = typeof manifest?.apiVersion === 'string' ? manifest.apiVersion : '';
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/** The entries of `cdk8s-flink/authenticated-by`, or a problem with its value. */
function declaredAuthentication(value: unknown): { references: ObjectReference[]; problem?: string } {
  if (value === undefined) {
    return { references: [] };
  }
  const references: ObjectReference[] = [];
  for (const entry of String(value).split(',').map((part) => part.trim())) {
    const parts = entry.split('/');
    if (parts.length !== 3 || parts.some((part) => part === '')) {
      return { references, problem: `'${FlinkAnnotations.AUTHENTICATED_BY}' entries must be '<group>/<Kind>/<name>', e.g. '${ENVOY_GATEWAY_GROUP}/SecurityPolicy/flink-ui' (got '${entry}')` };
    }
    references.push({ group: parts[0], kind: parts[1], name: parts[2] });
  }
  return { references };
}

function extensionRefs(...filterLists: unknown[]): ObjectReference[] {
  return filterLists.flatMap((filters) => (Array.isArray(filters) ? filters : []))
    .filter((filter: any) => filter?.type === 'ExtensionRef' && filter.extensionRef !== null && typeof filter.extensionRef === 'object')
    .map((filter: any) => ({ group: String(filter.extensionRef.group ?? ''), kind: String(filter.extensionRef.kind), name: String(filter.extensionRef.name) }));
}

/**
 * Whether a policy covers the route's rule: it targets the route (without a `sectionName`, or
 * the rule's name), or it targets every Gateway the route attaches to, each on the listener the
 * route attaches to (a policy on one listener, or on one of two Gateways, leaves the rest open).
 */
function covers(context: RuleContext, policy: any, rule: any): boolean {
  const refs = [...(Array.isArray(policy?.spec?.targetRefs) ? policy.spec.targetRefs : []), policy?.spec?.targetRef]
    .filter((ref) => ref !== null && typeof ref === 'object' && (ref.group ?? GATEWAY_GROUP) === GATEWAY_GROUP);
  const routeTargeted = refs.some((ref: any) => ref.kind === 'HTTPRoute' && ref.name === context.name
    && (ref.sectionName === undefined || ref.sectionName === rule?.name));
  if (routeTargeted) {
    return true;
  }
  const policyNamespace = policy?.metadata?.namespace ?? context.namespace;
  const parents = (Array.isArray(context.spec.parentRefs) ? context.spec.parentRefs : [])
    .filter((parent: any) => parent !== null && typeof parent === 'object' && (parent.kind ?? 'Gateway') === 'Gateway');
  return parents.length > 0 && parents.every((parent: any) => (parent.namespace ?? context.namespace) === policyNamespace
    && refs.some((ref: any) => ref.kind === 'Gateway' && ref.name === parent.name && (ref.sectionName === undefined || ref.sectionName === parent.sectionName)));
}

const authenticatesEnvoy = (policy: any) => ENVOY_AUTHENTICATION
  .some((section) => policy?.spec?.[section] !== undefined && policy?.spec?.[section] !== null);

function policyInSet(context: RuleContext, reference: ObjectReference): any {
  const found = context.index.find(reference.kind, reference.name, context.namespace);
  return found !== undefined && groupOf(found) === reference.group ? found : undefined;
}

/** Why a named policy does not authenticate the route, or undefined when it does (or may). */
function namedPolicyProblem(context: RuleContext, reference: ObjectReference, rule: any): string | undefined {
  if (reference.group === ISTIO_SECURITY_GROUP && reference.kind === 'AuthorizationPolicy') {
    return `'${FlinkAnnotations.AUTHENTICATED_BY}' names Istio AuthorizationPolicy '${reference.name}', but an AuthorizationPolicy cannot target an HTTPRoute `
      + '(only a Gateway, a GatewayClass, a Service or a ServiceEntry): attach authentication to the route with a filter or policy of your Gateway implementation';
  }
  const policy = policyInSet(context, reference);
  if (policy === undefined) {
    return undefined;
  }
  if (!covers(context, policy, rule)) {
    return `${reference.kind} '${reference.name}' does not target HTTPRoute '${context.name}', nor every Gateway and listener it attaches to (spec.targetRefs)`;
  }
  return reference.group === ENVOY_GATEWAY_GROUP && reference.kind === 'SecurityPolicy' && !authenticatesEnvoy(policy)
    ? `SecurityPolicy '${reference.name}' authenticates nothing: it needs one of ${ENVOY_AUTHENTICATION.join(', ')}` : undefined;
}

function authenticationProblem(context: RuleContext, rule: any, backendRef: any, cluster: ExposedCluster): string | undefined {
  const annotations = context.manifest.metadata?.annotations ?? {};
  const declared = declaredAuthentication(annotations[FlinkAnnotations.AUTHENTICATED_BY]);
  const wrap = (problem: string) => `HTTPRoute '${context.name}' exposes the web UI of ${cluster.description}: ${problem}. ${stakes(cluster)}`;
  if (declared.problem !== undefined) {
    return wrap(declared.problem);
  }
  const filters = extensionRefs(rule?.filters, backendRef?.filters);
  for (const reference of declared.references) {
    if (filters.some((filter) => show(filter) === show(reference))) {
      return undefined;
    }
    const problem = namedPolicyProblem(context, reference, rule);
    if (problem !== undefined) {
      return wrap(problem);
    }
  }
  if (declared.references.length > 0) {
    return undefined;
  }
  const envoyPolicy = context.index.ofKind('SecurityPolicy')
    .find((policy) => groupOf(policy) === ENVOY_GATEWAY_GROUP && (policy.metadata?.namespace ?? context.namespace) === context.namespace
      && covers(context, policy, rule) && authenticatesEnvoy(policy));
  if (envoyPolicy !== undefined) {
    return undefined;
  }
  const fix = 'Fix it: authenticate with a filter or policy of your Gateway implementation and name it, e.g. \'authentication: HttpRouteAuthentication.envoyGatewaySecurityPolicy(...)\' '
    + `(it annotates '${FlinkAnnotations.AUTHENTICATED_BY}: <group>/<Kind>/<name>'; annotate a hand-written HTTPRoute the same way), ${optInFix('HTTPRoute')}`;
  if (filters.length > 0) {
    return `HTTPRoute '${context.name}' sends requests to the web UI of ${cluster.description} through ExtensionRef filter ${filters.map(show).join(', ')}, `
      + `but cdk8s-flink cannot see whether it authenticates: ${stakes(cluster)} ${fix}`;
  }
  return `HTTPRoute '${context.name}' exposes the web UI of ${cluster.description} without authentication (the Gateway API standard channel has none): `
    + `${stakes(cluster)} ${fix}${submissionNote(cluster)}`;
}

/** An HTTPRoute whose backend is the REST Service (`<cluster>-rest`) of a Flink cluster in the set. */
export function checkHttpRouteExposure(context: RuleContext): void {
  if (groupOf(context.manifest) !== GATEWAY_GROUP || optedIn(context.manifest.metadata?.annotations)) {
    return;
  }
  const rules = Array.isArray(context.spec.rules) ? context.spec.rules : [];
  for (const [r, rule] of rules.entries()) {
    const backendRefs = Array.isArray(rule?.backendRefs) ? rule.backendRefs : [];
    for (const [b, backendRef] of backendRefs.entries()) {
      if ((backendRef?.group ?? '') !== '' || (backendRef?.kind ?? 'Service') !== 'Service' || typeof backendRef?.name !== 'string') {
        continue;
      }
      const cluster = clusterOfService(context, backendRef.name, backendRef.namespace ?? context.namespace);
      const problem = cluster === undefined ? undefined : authenticationProblem(context, rule, backendRef, cluster);
      if (problem !== undefined) {
        context.report('web-ui-exposure', `spec.rules[${r}].backendRefs[${b}].name`, problem, exposureSeverity(context, cluster!));
        return;
      }
    }
  }
}
