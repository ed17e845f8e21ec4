/**
 * Construct-time checks of name-like props against their Kubernetes rule: namespaces, Secret
 * names, IngressClass names, ServiceAccount names, label and annotation keys and values. Each
 * throws a `PropError` that names the prop and echoes the value.
 */
import { ApiObjectMetadata } from 'cdk8s';
import { IConstruct } from 'constructs';
import { resourceName, resourceNamespace } from './names';
import { checkObjectName } from './prop-checks';
import { entryProp, propError } from './prop-errors';
import {
  INGRESS_CLASS_NAME, KubernetesNameRule, LABEL_VALUE, QUALIFIED_NAME, quoted, SECRET_NAME, hasControlCharacter,
} from '../private/kubernetes-names';

/** Throws unless `value` is undefined or follows `rule`. */
export function checkName(prop: string, value: string | undefined, rule: KubernetesNameRule): void {
  if (value === undefined) {
    return;
  }
  const problem = rule.problem(value);
  if (problem !== undefined) {
    throw propError(prop, `'${prop}' ${problem}.`);
  }
}

/** Throws unless every key of `labels` is a qualified name and every value a label value. */
export function checkLabels(prop: string, labels: { readonly [key: string]: string } | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const keyProblem = QUALIFIED_NAME.problem(key);
    if (keyProblem !== undefined) {
      throw propError(entryProp(prop, key), `'${prop}' key ${quoted(key)} ${keyProblem}.`);
    }
    const valueProblem = LABEL_VALUE.problem(value);
    if (valueProblem !== undefined) {
      throw propError(entryProp(prop, key), `'${prop}' value of ${quoted(key)} ${valueProblem}.`);
    }
  }
}

/** Throws unless every key of `annotations` is a qualified name and no value is a non-string. */
export function checkAnnotations(prop: string, annotations: { readonly [key: string]: string } | undefined): void {
  for (const [key, value] of Object.entries(annotations ?? {})) {
    const keyProblem = QUALIFIED_NAME.problem(key);
    if (keyProblem !== undefined) {
      throw propError(entryProp(prop, key), `'${prop}' key ${quoted(key)} ${keyProblem}.`);
    }
    if (typeof value !== 'string') {
      throw propError(entryProp(prop, key), `'${prop}' value of ${quoted(key)} must be a string (got ${quoted(value)}).`);
    }
  }
}

/** The labels and annotations of a metadata prop. */
export interface MetadataKeys {
  readonly labels?: { [key: string]: string };
  readonly annotations?: { [key: string]: string };
}

/** Throws unless the labels and annotations of a metadata prop follow their rules. */
export function checkMetadataKeys(prop: string, metadata: MetadataKeys | undefined): void {
  checkLabels(`${prop}.labels`, metadata?.labels);
  checkAnnotations(`${prop}.annotations`, metadata?.annotations);
}

/** The name-like props of an Ingress exposure (`exposeWebUi()`, the operator's `spec.ingress`). */
export interface ExposureNames {
  readonly tlsSecretName?: string;
  readonly ingressClassName?: string;
  readonly labels?: { [key: string]: string };
  readonly annotations?: { [key: string]: string };
}

/**
 * Throws unless the TLS Secret, the IngressClass, the labels and the annotations of an exposure
 * follow their rules.
 *
 * @param prefix what the props are nested in, e.g. `ingress.`
 */
export function checkExposureNames(options: ExposureNames, prefix: string = ''): void {
  checkName(`${prefix}tlsSecretName`, options.tlsSecretName, SECRET_NAME);
  checkName(`${prefix}ingressClassName`, options.ingressClassName, INGRESS_CLASS_NAME);
  checkLabels(`${prefix}labels`, options.labels);
  checkAnnotations(`${prefix}annotations`, options.annotations);
}

/** Throws when a free text (a realm, a URL) holds a control character, which would break the header or line it lands in. */
export function checkNoControlCharacters(prop: string, value: string | undefined): void {
  if (value !== undefined && hasControlCharacter(value)) {
    throw propError(prop, `'${prop}' must not contain control characters such as a newline (got ${quoted(value)}).`);
  }
}

/**
 * The name and namespace of an object that a construct creates from its `metadata` prop (the
 * construct id when no name is given), checked: a valid object name, label and annotation keys,
 * and a valid namespace. Throws a `PropError` naming the prop.
 */
export function checkedObjectIdentity(
  scope: IConstruct, metadata: ApiObjectMetadata | undefined, what: string,
): { name: string; namespace: string | undefined } {
  const name = resourceName(scope, metadata, what);
  checkObjectName('metadata.name', name);
  checkMetadataKeys('metadata', metadata);
  return { name, namespace: resourceNamespace(scope, metadata) };
}
