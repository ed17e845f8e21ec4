/**
 * The naming rules of Kubernetes (k8s.io/apimachinery `validation`), restated: DNS-1123 labels
 * and subdomains, qualified names (label and annotation keys), label values, Secret data keys
 * and environment variable names. Shared by the constructs (which throw at construction) and the
 * validation engine; each rule answers what is wrong with a value, or undefined.
 */

/** A Kubernetes naming rule. */
export interface KubernetesNameRule {
  /** What the rule is called in messages, e.g. `a DNS-1123 label`. */
  readonly what: string;
  /** What is wrong with `value` under the rule ("must ... (got ...)"), or undefined when it is valid. */
  problem(value: unknown): string | undefined;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/**
 * A value as messages echo it: quoted, with control characters escaped (so that `x\ny` shows as
 * `'x\ny'`), and cut after 64 characters with its length.
 */
export function quoted(value: unknown): string {
  if (typeof value !== 'string') {
    return JSON.stringify(value) ?? String(value);
  }
  const escaped = JSON.stringify(value).slice(1, -1).replace(/'/g, "\\'");
  return escaped.length > 64 ? `'${escaped.slice(0, 64)}...' (${value.length} characters)` : `'${escaped}'`;
}

function rule(what: string, explanation: string, valid: (value: string) => boolean): KubernetesNameRule {
  return {
    what,
    problem: (value) => (typeof value === 'string' && valid(value) ? undefined : `must be ${what}: ${explanation} (got ${quoted(value)})`),
  };
}

/** A DNS-1123 label: namespaces, container, port and volume names. */
export const DNS_1123_LABEL = rule('a DNS-1123 label',
  "lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters",
  (value) => value.length <= 63 && DNS_LABEL.test(value));

/** A DNS-1123 subdomain: the names of most objects (Secrets, ServiceAccounts, IngressClasses, ConfigMaps). */
export const DNS_1123_SUBDOMAIN = rule('a DNS-1123 subdomain',
  "lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit, at most 253 characters",
  (value) => value.length <= 253 && DNS_SUBDOMAIN.test(value));

/** A qualified name: label and annotation keys, `[prefix/]name`. */
export const QUALIFIED_NAME = rule('a qualified name',
  "an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit, e.g. 'app.kubernetes.io/name'",
  (value) => {
    const slash = value.indexOf('/');
    const prefix = slash < 0 ? undefined : value.slice(0, slash);
    const name = slash < 0 ? value : value.slice(slash + 1);
    return (prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)))
      && name.length <= 63 && QUALIFIED_NAME_PART.test(name);
  });

/** A label value: empty, or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit. */
export const LABEL_VALUE = rule('a label value',
  "empty, or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit",
  (value) => value === '' || (value.length <= 63 && QUALIFIED_NAME_PART.test(value)));

/** A key of a Secret's or ConfigMap's data. */
export const DATA_KEY = rule('a Secret or ConfigMap key',
  "letters, digits, '-', '_' and '.', not '.' or '..' and not starting with '..', at most 253 characters",
  (value) => value.length <= 253 && CONFIG_MAP_KEY.test(value) && value !== '.' && !value.startsWith('..'));

/** An environment variable name (the classic rule every Kubernetes version accepts). */
export const ENV_VAR = rule('an environment variable name',
  "letters, digits, '_', '-' and '.', not starting with a digit",
  (value) => ENV_VAR_NAME.test(value));

/** The rule of a namespace name. */
export const NAMESPACE_NAME = DNS_1123_LABEL;
/** The rule of a Secret name. */
export const SECRET_NAME = DNS_1123_SUBDOMAIN;
/** The rule of a ServiceAccount name. */
export const SERVICE_ACCOUNT_NAME = DNS_1123_SUBDOMAIN;
/** The rule of an IngressClass name. */
export const INGRESS_CLASS_NAME = DNS_1123_SUBDOMAIN;

/** Any C0 control character or DEL. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Whether a text holds any control character (C0 or DEL). */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}
