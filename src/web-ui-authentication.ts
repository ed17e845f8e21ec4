import { AwsLoadBalancerCognitoOptions, AwsLoadBalancerOidcOptions } from './aws-load-balancer-authentication';
import { IngressController } from './ingress-controller';
import { hasControlCharacter, NAMESPACE_NAME, quoted, SECRET_NAME } from './private/kubernetes-names';
import { argumentError } from './props/prop-errors';
import { BACKEND_CONFIG_ANNOTATION } from './validation/web-ui/backend-config';
import { ALB, annotationMethods, HAPROXY_INGRESS, HAPROXY_TECH, httpUrlProblem, NGINX, TRAEFIK_MIDDLEWARES } from './validation/web-ui/ingress-annotations';

/**
 * How an Ingress authenticates the people who reach the Flink web UI, and which Ingress
 * controller does it.
 *
 * Flink's web UI and REST API have no authentication of its own. Whoever reaches them can
 * cancel jobs and trigger savepoints, and, on a session cluster that accepts jar uploads
 * (`web.submit.enable`), run code in the cluster. An exposure must authenticate or be accepted
 * explicitly (`allowUnauthenticatedAccess`); see docs/web-ui.md.
 *
 * Each method is honoured by one controller family (`controller`); the Ingress must name a
 * class of that controller (`ingressClassName`, and `ingressController` for a custom class
 * name). Any other controller ignores the annotations, and synth fails.
 */
export class WebUiAuthentication {
  /**
   * HTTP basic authentication by ingress-nginx, with users from an htpasswd Secret.
   *
   * Create the Secret with `htpasswd -c auth <user>` and
   * `kubectl create secret generic <secretName> --from-file=auth`.
   *
   * @param secretName the Secret holding the `auth` htpasswd file, in the Ingress's namespace
   * @param realm the realm shown in the login prompt
   * @see https://kubernetes.github.io/ingress-nginx/examples/auth/basic/
   */
  public static basicAuth(secretName: string, realm: string = 'Flink Web UI'): WebUiAuthentication {
    requireText('basicAuth', 'secretName', secretName);
    requireSecretName('basicAuth', 'secretName', secretName);
    requireNoControlCharacters('basicAuth', 'realm', realm);
    return WebUiAuthentication.checked('basicAuth', 'secretName', IngressController.INGRESS_NGINX, {
      [`${NGINX}/auth-type`]: 'basic',
      [`${NGINX}/auth-secret`]: secretName,
      [`${NGINX}/auth-realm`]: realm,
    });
  }

  /**
   * External authentication by ingress-nginx, e.g. through oauth2-proxy.
   *
   * @param authUrl the http(s) URL that authorizes each request (`auth-url`)
   * @param signInUrl the http(s) URL unauthenticated users are sent to (`auth-signin`)
   * @see https://kubernetes.github.io/ingress-nginx/examples/auth/oauth-external-auth/
   */
  public static externalAuth(authUrl: string, signInUrl?: string): WebUiAuthentication {
    requireNoControlCharacters('externalAuth', 'authUrl', authUrl);
    requireNoControlCharacters('externalAuth', 'signInUrl', signInUrl);
    requireUrl('externalAuth', 'authUrl', authUrl);
    if (signInUrl !== undefined) {
      requireUrl('externalAuth', 'signInUrl', signInUrl);
    }
    return WebUiAuthentication.checked('externalAuth', 'authUrl', IngressController.INGRESS_NGINX, {
      [`${NGINX}/auth-url`]: authUrl,
      ...(signInUrl === undefined ? {} : { [`${NGINX}/auth-signin`]: signInUrl }),
    });
  }

  /**
   * Client certificate authentication (mutual TLS) by ingress-nginx.
   *
   * @param caSecretName the Secret holding `ca.crt`, as `name` or `namespace/name`
   * @see https://kubernetes.github.io/ingress-nginx/examples/auth/client-certs/
   */
  public static clientCertificate(caSecretName: string): WebUiAuthentication {
    requireText('clientCertificate', 'caSecretName', caSecretName);
    const [namespace, name] = caSecretName.includes('/') ? caSecretName.split('/', 2) : [undefined, caSecretName];
    if (namespace !== undefined && NAMESPACE_NAME.problem(namespace) !== undefined) {
      throw argumentError('WebUiAuthentication.clientCertificate', 'caSecretName', `the namespace of 'caSecretName' ${NAMESPACE_NAME.problem(namespace)}.`);
    }
    requireSecretName('clientCertificate', 'caSecretName', name);
    return WebUiAuthentication.checked('clientCertificate', 'caSecretName', IngressController.INGRESS_NGINX, {
      [`${NGINX}/auth-tls-secret`]: caSecretName,
      [`${NGINX}/auth-tls-verify-client`]: 'on',
    });
  }

  /**
   * Authentication by Traefik middlewares (`basicAuth`, `digestAuth` or `forwardAuth`
   * Middleware resources), named as `<namespace>-<name>@kubernetescrd`.
   *
   * @param middlewares the middlewares, e.g. `['flink-basic-auth@kubernetescrd']`
   * @see https://doc.traefik.io/traefik/routing/providers/kubernetes-ingress/
   */
  public static traefikMiddlewares(middlewares: string[]): WebUiAuthentication {
    return WebUiAuthentication.checked('traefikMiddlewares', 'middlewares', IngressController.TRAEFIK, { [TRAEFIK_MIDDLEWARES]: middlewares.join(',') });
  }

  /**
   * HTTP basic authentication by HAProxy Technologies' HAProxy Kubernetes Ingress Controller
   * (`haproxy.org/auth-*`).
   *
   * @param secretName the Secret with the users (`<user>: <password hash>`), as `name` or `namespace/name`
   * @param realm the realm shown in the login prompt
   */
  public static haproxyBasicAuth(secretName: string, realm: string = 'Flink Web UI'): WebUiAuthentication {
    requireText('haproxyBasicAuth', 'secretName', secretName);
    return WebUiAuthentication.checked('haproxyBasicAuth', 'secretName', IngressController.HAPROXY_TECH, {
      [`${HAPROXY_TECH}/auth-type`]: 'basic-auth',
      [`${HAPROXY_TECH}/auth-secret`]: secretName,
      [`${HAPROXY_TECH}/auth-realm`]: realm,
    });
  }

  /**
   * HTTP basic authentication by the HAProxy Ingress project (`haproxy-ingress.github.io/auth-*`).
   *
   * @param secretName the Secret holding the `auth` htpasswd file, as `name` or `namespace/name`
   * @param realm the realm shown in the login prompt
   */
  public static haproxyIngressBasicAuth(secretName: string, realm: string = 'Flink Web UI'): WebUiAuthentication {
    requireText('haproxyIngressBasicAuth', 'secretName', secretName);
    return WebUiAuthentication.checked('haproxyIngressBasicAuth', 'secretName', IngressController.HAPROXY_INGRESS, {
      [`${HAPROXY_INGRESS}/auth-type`]: 'basic',
      [`${HAPROXY_INGRESS}/auth-secret`]: secretName,
      [`${HAPROXY_INGRESS}/auth-realm`]: realm,
    });
  }

  /**
   * OpenID Connect authentication by an AWS Application Load Balancer (AWS Load Balancer
   * Controller). An ALB authenticates on HTTPS listeners only, so this also sets
   * `listen-ports` to HTTPS 443.
   */
  public static awsLoadBalancerOidc(options: AwsLoadBalancerOidcOptions): WebUiAuthentication {
    for (const endpoint of ['issuer', 'authorizationEndpoint', 'tokenEndpoint', 'userInfoEndpoint'] as const) {
      requireUrl('awsLoadBalancerOidc', endpoint, options[endpoint]);
    }
    requireText('awsLoadBalancerOidc', 'secretName', options.secretName);
    const { scope, ...provider } = options;
    return WebUiAuthentication.checked('awsLoadBalancerOidc', 'options', IngressController.AWS_ALB, albAnnotations('oidc', provider, scope));
  }

  /**
   * Amazon Cognito authentication by an AWS Application Load Balancer (AWS Load Balancer
   * Controller). An ALB authenticates on HTTPS listeners only, so this also sets
   * `listen-ports` to HTTPS 443.
   */
  public static awsLoadBalancerCognito(options: AwsLoadBalancerCognitoOptions): WebUiAuthentication {
    for (const field of ['userPoolArn', 'userPoolClientId', 'userPoolDomain'] as const) {
      requireText('awsLoadBalancerCognito', field, options[field]);
    }
    const provider = { userPoolARN: options.userPoolArn, userPoolClientID: options.userPoolClientId, userPoolDomain: options.userPoolDomain };
    return WebUiAuthentication.checked('awsLoadBalancerCognito', 'options', IngressController.AWS_ALB, albAnnotations('cognito', provider, options.scope));
  }

  /**
   * Identity-Aware Proxy of a GKE Ingress. GKE configures it on the backend Service: the
   * cluster's REST Service gets the annotation `cloud.google.com/backend-config`
   * (through flinkConfiguration `kubernetes.rest-service.annotations`) naming a BackendConfig
   * with `spec.iap.enabled: true`, which you create. Use it with `exposeWebUi()` or
   * `exposeWebUiWithOperatorIngress()` of the cluster, which add the annotation.
   *
   * @param backendConfigName the BackendConfig (`cloud.google.com/v1`) in the cluster's namespace
   * @see https://cloud.google.com/iap/docs/enabling-kubernetes-howto
   */
  public static gkeIdentityAwareProxy(backendConfigName: string): WebUiAuthentication {
    requireText('gkeIdentityAwareProxy', 'backendConfigName', backendConfigName);
    return new WebUiAuthentication(IngressController.GKE, {}, { [BACKEND_CONFIG_ANNOTATION]: JSON.stringify({ default: backendConfigName }) });
  }

  /**
   * Authentication written as annotations of the controller that honours them, e.g.
   * `fromAnnotations(IngressController.AWS_ALB, {...})`. The annotations must turn on an
   * authentication of that controller that cdk8s-flink recognises (docs/web-ui.md lists them);
   * a value that turns it off (`''`, `off`, `false`, `none`) is refused.
   *
   * @param controller the controller that honours the annotations
   * @param annotations the annotations that make it authenticate requests
   */
  public static fromAnnotations(controller: IngressController, annotations: { [key: string]: string }): WebUiAuthentication {
    if (controller === IngressController.GKE) {
      throw argumentError('WebUiAuthentication.fromAnnotations', 'controller', "GKE authenticates through Identity-Aware Proxy on the backend Service, not through Ingress annotations: use 'WebUiAuthentication.gkeIdentityAwareProxy(<BackendConfig>)'.");
    }
    return WebUiAuthentication.checked('fromAnnotations', 'annotations', controller, { ...annotations });
  }

  /**
   * The annotations must turn on an authentication of `controller`, with no problem.
   *
   * @param param the factory's argument the annotations come from, for the error
   */
  private static checked(method: string, param: string, controller: IngressController, annotations: { [key: string]: string }): WebUiAuthentication {
    const methods = annotationMethods(annotations);
    const problem = methods.find((found) => found.problem !== undefined);
    if (problem !== undefined) {
      throw argumentError(`WebUiAuthentication.${method}`, param, `${problem.problem}. Fix the value, or use one of the factories of ${problem.controller}.`);
    }
    const foreign = methods.find((found) => found.controller !== controller);
    if (foreign !== undefined) {
      throw argumentError(`WebUiAuthentication.${method}`, param, `'${foreign.annotation}' is an annotation of ${foreign.controller}, not of ${controller}, which ignores it.`);
    }
    if (methods.length === 0) {
      throw argumentError(`WebUiAuthentication.${method}`, param, `the annotations must turn on an authentication of ${controller} that cdk8s-flink recognises (got ${JSON.stringify(Object.keys(annotations))}); docs/web-ui.md lists them.`);
    }
    return new WebUiAuthentication(controller, annotations, undefined);
  }

  private constructor(
    /** The controller family that honours this authentication. */
    public readonly controller: IngressController,
    /** The Ingress annotations that turn authentication on (none for GKE's Identity-Aware Proxy). */
    public readonly annotations: { [key: string]: string },
    /**
     * Annotations of the cluster's REST Service (`kubernetes.rest-service.annotations`) that
     * turn authentication on: GKE's BackendConfig.
     */
    public readonly restServiceAnnotations?: { [key: string]: string },
  ) {}
}

function albAnnotations(type: string, provider: object, scope: string | undefined): { [key: string]: string } {
  return {
    [`${ALB}/auth-type`]: type,
    [`${ALB}/auth-idp-${type}`]: JSON.stringify(provider),
    [`${ALB}/auth-on-unauthenticated-request`]: 'authenticate',
    ...(scope === undefined ? {} : { [`${ALB}/auth-scope`]: scope }),
    [`${ALB}/listen-ports`]: '[{"HTTPS":443}]',
  };
}

function requireText(method: string, param: string, value: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw argumentError(`WebUiAuthentication.${method}`, param, `'${param}' must not be empty.`);
  }
}

function requireUrl(method: string, param: string, value: string): void {
  requireText(method, param, value);
  const problem = httpUrlProblem(value);
  if (problem !== undefined) {
    throw argumentError(`WebUiAuthentication.${method}`, param, `'${param}' must be an absolute http or https URL such as 'https://oauth2.example.com/oauth2/auth': ${problem}.`);
  }
}

/** Throws unless `value` is a valid Secret name. */
function requireSecretName(method: string, param: string, value: string): void {
  const problem = SECRET_NAME.problem(value);
  if (problem !== undefined) {
    throw argumentError(`WebUiAuthentication.${method}`, param, `'${param}' ${problem}. Use the name of the Secret, e.g. 'flink-web-ui-auth'.`);
  }
}

/** Throws when a text that lands in an annotation (and from there in the controller's configuration) holds a control character. */
function requireNoControlCharacters(method: string, param: string, value: string | undefined): void {
  if (value !== undefined && hasControlCharacter(value)) {
    throw argumentError(`WebUiAuthentication.${method}`, param, `'${param}' must not contain control characters such as a newline (got ${quoted(value)}).`);
  }
}

/**
 * How access to an exposed Flink web UI is controlled.
 */
export interface WebUiAccessOptions {
  /**
   * How the Ingress authenticates users. Its `controller` must serve `ingressClassName`.
   *
   * @default - none: synth fails unless `allowUnauthenticatedAccess` is set
   */
  readonly authentication?: WebUiAuthentication;

  /**
   * Accept that anyone who reaches the Ingress can use the web UI and REST API: cancel jobs,
   * trigger savepoints and, when jar uploads are on, run code. The Ingress is annotated
   * `cdk8s-flink/unauthenticated-web-ui: "true"` so the choice stays visible in the manifests.
   *
   * @default false
   */
  readonly allowUnauthenticatedAccess?: boolean;

  /**
   * The controller that serves `ingressClassName`, when the class name does not say it: a
   * custom class, or `haproxy` (the default class of both HAProxy controllers). The Ingress
   * is annotated `cdk8s-flink/ingress-controller: <controller>`, which the validator reads.
   *
   * @default - known from the class name (`nginx`, `traefik`, `alb`, `gce`, ...) or from an
   * IngressClass in the app
   */
  readonly ingressController?: IngressController;
}
