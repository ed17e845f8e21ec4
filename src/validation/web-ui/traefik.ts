/**
 * Traefik authenticates through Middleware resources named in the Ingress's
 * `router.middlewares` annotation. A Middleware in the manifests must be one that authenticates,
 * or a chain with such a member in the manifests; one that is not there (managed elsewhere) is
 * taken as named.
 */
import { IngressController } from '../../ingress-controller';
import { RuleContext } from '../context';
import { AnnotationMethod } from './ingress-annotations';

/** The Middleware kinds' API groups: current and before Traefik 3. */
const MIDDLEWARE_GROUPS = ['traefik.io/', 'traefik.containo.us/'];

/** Middleware sections that authenticate. */
const AUTHENTICATING = ['basicAuth', 'digestAuth', 'forwardAuth'];

/** How deep chains of chains are followed (Traefik's own configurations stay shallow). */
const MOST_CHAIN_LEVELS = 8;

function middlewares(context: RuleContext): Map<string, any> {
  const byReference = new Map<string, any>();
  for (const middleware of context.index.ofKind('Middleware')) {
    if (typeof middleware.apiVersion === 'string' && MIDDLEWARE_GROUPS.some((group) => middleware.apiVersion.startsWith(group))) {
      const namespace = middleware.metadata?.namespace ?? context.namespace;
      byReference.set(`${namespace}-${middleware.metadata?.name}@kubernetescrd`, middleware);
    }
  }
  return byReference;
}

/**
 * Whether a Middleware of the set authenticates: one of the authenticating sections, or a `chain`
 * one of whose members does. A chain's members are Middlewares of its namespace (or
 * `<namespace>-<name>@kubernetescrd` references); a member that is not in the set counts for
 * nothing, so a chain that cannot be followed does not authenticate.
 */
function authenticates(known: Map<string, any>, middleware: any, levels: number): boolean {
  if (AUTHENTICATING.some((section) => middleware?.spec?.[section] !== undefined && middleware?.spec?.[section] !== null)) {
    return true;
  }
  const members = middleware?.spec?.chain?.middlewares;
  if (levels <= 0 || !Array.isArray(members)) {
    return false;
  }
  const namespace = middleware.metadata?.namespace;
  return members.some((member: any) => {
    const name = typeof member?.name === 'string' ? member.name : undefined;
    const reference = name === undefined ? undefined : name.includes('@') ? name : `${namespace}-${name}@kubernetescrd`;
    const resolved = reference === undefined ? undefined : known.get(reference);
    return resolved !== undefined && authenticates(known, resolved, levels - 1);
  });
}

/** Why the named middlewares do not authenticate, or undefined when one does (or may). */
export function traefikMiddlewareProblem(context: RuleContext, method: AnnotationMethod): string | undefined {
  if (method.controller !== IngressController.TRAEFIK || method.middlewares === undefined) {
    return undefined;
  }
  const known = middlewares(context);
  const authenticating = method.middlewares.some((reference) => {
    const middleware = known.get(reference);
    return middleware === undefined || authenticates(known, middleware, MOST_CHAIN_LEVELS);
  });
  return authenticating ? undefined
    : `none of its middlewares (${method.middlewares.join(', ')}) authenticates: a Middleware must have ${AUTHENTICATING.join(', ')}, or be a chain of the set with such a member`;
}
