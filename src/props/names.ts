import { ApiObjectMetadata, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { propError } from './prop-errors';
import { NAMESPACE_NAME } from '../private/kubernetes-names';

/**
 * The name of a resource: `metadata.name` when given, otherwise the construct's own id turned
 * into a DNS label (`WordCount` -> `word-count`).
 *
 * Only the construct's id is used, never its path: moving a construct into another scope keeps
 * the name, and no hash suffix is added. A renamed custom resource is a new resource to
 * Kubernetes, and the operator drops the old one together with its savepoint history.
 */
export function resourceName(scope: IConstruct, metadata: ApiObjectMetadata | undefined, what: string): string {
  return nameFromId(scope.node.id, metadata, what);
}

/** As `resourceName`, for a construct that does not exist yet: its id. */
export function nameFromId(id: string, metadata: ApiObjectMetadata | undefined, what: string): string {
  if (metadata?.name !== undefined) {
    return metadata.name;
  }
  const derived = id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    // A lookahead, not `([A-Z]+)([A-Z][a-z])`: that backtracks quadratically over a long run of capitals.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (!/^[a-z]/.test(derived)) {
    throw propError('metadata.name', `cannot derive a ${what} name from the construct id '${id}'. Set 'metadata.name' to a lowercase DNS name such as 'my-flink-cluster'.`);
  }
  return derived;
}

/**
 * The namespace a resource lands in: `metadata.namespace`, otherwise the chart's namespace.
 * Throws a `PropError` when the one that applies is not a DNS-1123 label.
 */
export function resourceNamespace(scope: IConstruct, metadata: ApiObjectMetadata | undefined): string | undefined {
  if (metadata?.namespace !== undefined) {
    const problem = NAMESPACE_NAME.problem(metadata.namespace);
    if (problem !== undefined) {
      throw propError('metadata.namespace', `'metadata.namespace' ${problem}.`);
    }
    return metadata.namespace;
  }
  const namespace = Chart.of(scope).namespace;
  const problem = namespace === undefined ? undefined : NAMESPACE_NAME.problem(namespace);
  if (problem !== undefined) {
    throw propError('metadata.namespace', `the chart's namespace ${problem}. Fix the 'namespace' of chart '${Chart.of(scope).node.path}'.`);
  }
  return namespace;
}
