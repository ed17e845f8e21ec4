/**
 * The authentication an Ingress asks its controller for, read from its annotations: which
 * controller family each annotation belongs to, and whether its value really turns
 * authentication on. Shared by the `WebUiAuthentication` factories and the `web-ui-exposure`
 * rule, so that both accept exactly the same annotations.
 */
import { IngressController } from '../../ingress-controller';

/** One authentication method found in the annotations. */
export interface AnnotationMethod {
  readonly controller: IngressController;
  /** e.g. `ingress-nginx basic authentication`. */
  readonly name: string;
  /** The annotation that names the method. */
  readonly annotation: string;
  /** Why it does not authenticate, when it does not. */
  readonly problem?: string;
  /** Traefik: the middlewares it names (`<namespace>-<name>@<provider>`). */
  readonly middlewares?: ReadonlyArray<string>;
}

export const NGINX = 'nginx.ingress.kubernetes.io';
export const TRAEFIK_MIDDLEWARES = 'traefik.ingress.kubernetes.io/router.middlewares';
export const HAPROXY_TECH = 'haproxy.org';
export const HAPROXY_INGRESS = 'haproxy-ingress.github.io';
export const ALB = 'alb.ingress.kubernetes.io';

/** Values that switch an `auth-type`-like annotation off rather than on. */
const OFF_VALUES = new Set(['', 'off', 'false', 'none']);

type Annotations = { readonly [key: string]: unknown };

function text(annotations: Annotations, key: string): string | undefined {
  const value = annotations[key];
  return typeof value === 'string' ? value : value === undefined || value === null ? undefined : String(value);
}

/** Why a URL is not an absolute `http(s)` URL with a host, or undefined when it is. */
export function httpUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `'${url}' is not an absolute URL`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `'${url}' is not an http or https URL (scheme '${parsed.protocol.replace(/:$/, '')}')`;
  }
  return parsed.hostname === '' ? `'${url}' has no host` : undefined;
}

/** `auth-type` style: the value must be one of `accepted`; an off value is called out as such. */
function typeProblem(key: string, value: string, accepted: string[]): string | undefined {
  const normalized = value.trim().toLowerCase();
  if (OFF_VALUES.has(normalized)) {
    return `'${key}: "${value}"' turns authentication off`;
  }
  return accepted.includes(normalized) ? undefined : `'${key}' must be ${accepted.map((a) => `'${a}'`).join(' or ')} (got '${value}')`;
}

function requiredProblem(annotations: Annotations, key: string, what: string): string | undefined {
  return (text(annotations, key) ?? '').trim() === '' ? `'${key}' must name ${what}` : undefined;
}

function first(...problems: Array<string | undefined>): string | undefined {
  return problems.find((problem) => problem !== undefined);
}

/** Whether a source range matches every client: `0.0.0.0/0`, `::/0` (any spelling of the zero address). */
function everyAddress(range: string): boolean {
  const [address, prefix, ...rest] = range.split('/');
  return rest.length === 0 && prefix === '0' && (address === '0.0.0.0' || (address.includes(':') && /^[0:]+$/.test(address)));
}

/**
 * ingress-nginx's `satisfy: any` lets a request through when the allow-list lets it through or it
 * authenticates: with an allow-list that holds every address, no request needs to authenticate.
 */
function satisfyAnyProblem(annotations: Annotations): string | undefined {
  if ((text(annotations, `${NGINX}/satisfy`) ?? '').trim().toLowerCase() !== 'any') {
    return undefined;
  }
  for (const key of [`${NGINX}/allowlist-source-range`, `${NGINX}/whitelist-source-range`]) {
    const wide = (text(annotations, key) ?? '').split(',').map((range) => range.trim()).find(everyAddress);
    if (wide !== undefined) {
      return `'${NGINX}/satisfy: any' lets a request through when '${key}' does, and '${wide}' holds every address: no one needs to authenticate`;
    }
  }
  return undefined;
}

function ingressNginx(annotations: Annotations): AnnotationMethod[] {
  const methods: AnnotationMethod[] = [];
  const satisfyAny = satisfyAnyProblem(annotations);
  const type = text(annotations, `${NGINX}/auth-type`);
  if (type !== undefined || text(annotations, `${NGINX}/auth-secret`) !== undefined) {
    methods.push({
      controller: IngressController.INGRESS_NGINX,
      name: 'ingress-nginx basic authentication',
      annotation: `${NGINX}/auth-type`,
      problem: type === undefined
        ? `'${NGINX}/auth-secret' without '${NGINX}/auth-type: basic' does not authenticate`
        : first(satisfyAny, typeProblem(`${NGINX}/auth-type`, type, ['basic', 'digest']), requiredProblem(annotations, `${NGINX}/auth-secret`, 'the htpasswd Secret')),
    });
  }
  const url = text(annotations, `${NGINX}/auth-url`);
  if (url !== undefined) {
    const signIn = text(annotations, `${NGINX}/auth-signin`);
    methods.push({
      controller: IngressController.INGRESS_NGINX,
      name: 'ingress-nginx external authentication',
      annotation: `${NGINX}/auth-url`,
      problem: first(
        satisfyAny,
        OFF_VALUES.has(url.trim().toLowerCase()) ? `'${NGINX}/auth-url: "${url}"' turns authentication off` : undefined,
        prefixed(`${NGINX}/auth-url`, httpUrlProblem(url)),
        signIn === undefined ? undefined : prefixed(`${NGINX}/auth-signin`, httpUrlProblem(signIn)),
      ),
    });
  }
  const caSecret = text(annotations, `${NGINX}/auth-tls-secret`);
  const verify = text(annotations, `${NGINX}/auth-tls-verify-client`);
  if (caSecret !== undefined || verify !== undefined) {
    methods.push({
      controller: IngressController.INGRESS_NGINX,
      name: 'ingress-nginx client certificate authentication',
      annotation: `${NGINX}/auth-tls-secret`,
      problem: first(
        satisfyAny,
        requiredProblem(annotations, `${NGINX}/auth-tls-secret`, 'the Secret with the CA certificate'),
        verify === undefined || verify.trim().toLowerCase() === 'on' ? undefined
          : `'${NGINX}/auth-tls-verify-client: "${verify}"' lets clients without a valid certificate through (use 'on')`,
      ),
    });
  }
  return methods;
}

function prefixed(key: string, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : `'${key}': ${problem}`;
}

/** `<namespace>-<name>@<provider>`, e.g. `flink-basic-auth@kubernetescrd`. */
const MIDDLEWARE_REFERENCE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?@[a-z0-9]+$/;

function traefik(annotations: Annotations): AnnotationMethod[] {
  const value = text(annotations, TRAEFIK_MIDDLEWARES);
  if (value === undefined) {
    return [];
  }
  const middlewares = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const bad = middlewares.find((entry) => !MIDDLEWARE_REFERENCE.test(entry));
  return [{
    controller: IngressController.TRAEFIK,
    name: 'Traefik middlewares',
    annotation: TRAEFIK_MIDDLEWARES,
    middlewares,
    problem: middlewares.length === 0 ? `'${TRAEFIK_MIDDLEWARES}' names no middleware`
      : bad === undefined ? undefined : `'${TRAEFIK_MIDDLEWARES}' entry '${bad}' is not '<namespace>-<name>@kubernetescrd'`,
  }];
}

function haproxy(annotations: Annotations): AnnotationMethod[] {
  const methods: AnnotationMethod[] = [];
  const techType = text(annotations, `${HAPROXY_TECH}/auth-type`);
  if (techType !== undefined) {
    methods.push({
      controller: IngressController.HAPROXY_TECH,
      name: 'HAProxy basic authentication',
      annotation: `${HAPROXY_TECH}/auth-type`,
      problem: first(typeProblem(`${HAPROXY_TECH}/auth-type`, techType, ['basic-auth']), requiredProblem(annotations, `${HAPROXY_TECH}/auth-secret`, 'the Secret with the users')),
    });
  }
  const ingressType = text(annotations, `${HAPROXY_INGRESS}/auth-type`);
  if (ingressType !== undefined) {
    methods.push({
      controller: IngressController.HAPROXY_INGRESS,
      name: 'HAProxy Ingress basic authentication',
      annotation: `${HAPROXY_INGRESS}/auth-type`,
      problem: first(typeProblem(`${HAPROXY_INGRESS}/auth-type`, ingressType, ['basic']), requiredProblem(annotations, `${HAPROXY_INGRESS}/auth-secret`, 'the Secret with the users')),
    });
  }
  const url = text(annotations, `${HAPROXY_INGRESS}/auth-url`);
  if (url !== undefined) {
    methods.push({
      controller: IngressController.HAPROXY_INGRESS,
      name: 'HAProxy Ingress external authentication',
      annotation: `${HAPROXY_INGRESS}/auth-url`,
      problem: prefixed(`${HAPROXY_INGRESS}/auth-url`, httpUrlProblem(url)),
    });
  }
  return methods;
}

/** Why an ALB `listen-ports` value opens a listener that does not authenticate. */
function listenPortsProblem(value: string | undefined): string | undefined {
  const fix = `set '${ALB}/listen-ports: [{"HTTPS":443}]'`;
  if (value === undefined) {
    return `an ALB authenticates on HTTPS listeners only, and '${ALB}/listen-ports' is not set: ${fix}`;
  }
  let ports: unknown;
  try {
    ports = JSON.parse(value);
  } catch {
    return `'${ALB}/listen-ports' is not JSON (got '${value}'): ${fix}`;
  }
  const protocols = Array.isArray(ports) ? ports.flatMap((entry) => (entry !== null && typeof entry === 'object' ? Object.keys(entry) : ['?'])) : ['?'];
  return protocols.length > 0 && protocols.every((protocol) => protocol === 'HTTPS') ? undefined
    : `an ALB authenticates on HTTPS listeners only, and '${ALB}/listen-ports' opens ${JSON.stringify(value)}: ${fix}`;
}

function awsAlb(annotations: Annotations): AnnotationMethod[] {
  const type = text(annotations, `${ALB}/auth-type`);
  if (type === undefined) {
    return [];
  }
  const normalized = type.trim().toLowerCase();
  const onUnauthenticated = (text(annotations, `${ALB}/auth-on-unauthenticated-request`) ?? 'authenticate').trim().toLowerCase();
  return [{
    controller: IngressController.AWS_ALB,
    name: 'AWS ALB authentication',
    annotation: `${ALB}/auth-type`,
    problem: first(
      typeProblem(`${ALB}/auth-type`, type, ['oidc', 'cognito']),
      requiredProblem(annotations, `${ALB}/auth-idp-${normalized}`, `the ${normalized === 'oidc' ? 'OIDC provider' : 'Cognito user pool'} (JSON)`),
      onUnauthenticated === 'authenticate' ? undefined
        : `'${ALB}/auth-on-unauthenticated-request: "${onUnauthenticated}"' lets unauthenticated requests through (use 'authenticate')`,
      listenPortsProblem(text(annotations, `${ALB}/listen-ports`)),
    ),
  }];
}

/** Every authentication method the annotations ask any known controller for. */
export function annotationMethods(annotations: unknown): AnnotationMethod[] {
  const map: Annotations = annotations !== null && typeof annotations === 'object' && !Array.isArray(annotations) ? annotations as Annotations : {};
  return [...ingressNginx(map), ...traefik(map), ...haproxy(map), ...awsAlb(map)];
}
