/**
 * Traefik authenticates through Middleware resources named in the Ingress's
 * `router.middlewares` annotation. A Middleware in the manifests must be one that authenticates;
 * one that is not there (managed elsewhere) is taken as named.
 */
import { IngressController } from '../../ingress-controller';
import { RuleContext } from '../context';
import { AnnotationMethod } from './ingress-annotations';

/** The Middleware kinds' API groups: current and before Traefik 3. */
const MIDDLEWARE_GROUPS = ['traefik.io/', 'traefik.containo.us/'];

/** Middleware sections that authenticate (`chain` groups others, which are not followed). */
const AUTHENTICATING = ['basicAuth', 'digestAuth', 'forwardAuth', 'chain'];

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

/** Why the named middlewares do not authenticate, or undefined when one does (or may). */
export function traefikMiddlewareProblem(context: RuleContext, method: AnnotationMethod): string | undefined {
  if (method.controller !== IngressController.TRAEFIK || method.middlewares === undefined) {
    return undefined;
  }
  const known = middlewares(context);
  const authenticates = method.middlewares.some((reference) => {
    const middleware = known.get(reference);
    return middleware === undefined
      || AUTHENTICATING.some((section) => middleware.spec?.[section] !== undefined && middleware.spec?.[section] !== null);
  });
  return authenticates ? undefined
    : `none of its middlewares (${method.middlewares.join(', ')}) authenticates: a Middleware must have ${AUTHENTICATING.slice(0, 3).join(', ')}`;
}
