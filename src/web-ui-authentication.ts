import { hasControlCharacter, NAMESPACE_NAME, quoted, SECRET_NAME } from './private/kubernetes-names';

/**
 * How an Ingress authenticates the people who reach the Flink web UI.
 *
 * Flink's web UI has no authentication of its own and, by default, accepts jar uploads
 * (`web.submit.enable`): whoever reaches it can run code in the cluster. An Ingress that
 * exposes it must authenticate, unless jar uploads are off or the risk is accepted explicitly.
 *
 * The factories below write ingress-nginx annotations; `fromAnnotations()` takes the
 * annotations of any other controller.
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
    requireText('WebUiAuthentication.basicAuth', 'secretName', secretName);
    requireSecretName('WebUiAuthentication.basicAuth', 'secretName', secretName);
    requireNoControlCharacters('WebUiAuthentication.basicAuth', 'realm', realm);
    return new WebUiAuthentication({
      'nginx.ingress.kubernetes.io/auth-type': 'basic',
      'nginx.ingress.kubernetes.io/auth-secret': secretName,
      'nginx.ingress.kubernetes.io/auth-realm': realm,
    });
  }

  /**
   * External authentication by ingress-nginx, e.g. through oauth2-proxy.
   *
   * @param authUrl the URL that authorizes each request (`auth-url`)
   * @param signInUrl where unauthenticated users are sent to sign in (`auth-signin`)
   * @see https://kubernetes.github.io/ingress-nginx/examples/auth/oauth-external-auth/
   */
  public static externalAuth(authUrl: string, signInUrl?: string): WebUiAuthentication {
    requireText('WebUiAuthentication.externalAuth', 'authUrl', authUrl);
    requireNoControlCharacters('WebUiAuthentication.externalAuth', 'authUrl', authUrl);
    requireNoControlCharacters('WebUiAuthentication.externalAuth', 'signInUrl', signInUrl);
    return new WebUiAuthentication({
      'nginx.ingress.kubernetes.io/auth-url': authUrl,
      ...(signInUrl === undefined ? {} : { 'nginx.ingress.kubernetes.io/auth-signin': signInUrl }),
    });
  }

  /**
   * Client certificate authentication (mutual TLS) by ingress-nginx.
   *
   * @param caSecretName the Secret holding `ca.crt`, as `name` or `namespace/name`
   * @see https://kubernetes.github.io/ingress-nginx/examples/auth/client-certs/
   */
  public static clientCertificate(caSecretName: string): WebUiAuthentication {
    requireText('WebUiAuthentication.clientCertificate', 'caSecretName', caSecretName);
    const [namespace, name] = caSecretName.includes('/') ? caSecretName.split('/', 2) : [undefined, caSecretName];
    if (namespace !== undefined && NAMESPACE_NAME.problem(namespace) !== undefined) {
      throw new Error(`WebUiAuthentication.clientCertificate: the namespace of 'caSecretName' ${NAMESPACE_NAME.problem(namespace)}.`);
    }
    requireSecretName('WebUiAuthentication.clientCertificate', 'caSecretName', name);
    return new WebUiAuthentication({
      'nginx.ingress.kubernetes.io/auth-tls-secret': caSecretName,
      'nginx.ingress.kubernetes.io/auth-tls-verify-client': 'on',
    });
  }

  /**
   * Authentication configured through the annotations of another Ingress controller
   * (e.g. an AWS ALB with `alb.ingress.kubernetes.io/auth-type: oidc`, or a Traefik
   * forward-auth middleware).
   *
   * @param annotations the annotations that make the controller authenticate requests
   */
  public static fromAnnotations(annotations: { [key: string]: string }): WebUiAuthentication {
    if (Object.keys(annotations).length === 0) {
      throw new Error("WebUiAuthentication.fromAnnotations: 'annotations' must hold the controller's authentication annotations (got none).");
    }
    return new WebUiAuthentication({ ...annotations });
  }

  private constructor(
    /** The Ingress annotations that turn authentication on. */
    public readonly annotations: { [key: string]: string },
  ) {}
}

function requireText(method: string, param: string, value: string): void {
  if (value.trim() === '') {
    throw new Error(`${method}: '${param}' must not be empty.`);
  }
}

/** Throws unless `value` is a valid Secret name. */
function requireSecretName(method: string, param: string, value: string): void {
  const problem = SECRET_NAME.problem(value);
  if (problem !== undefined) {
    throw new Error(`${method}: '${param}' ${problem}. Use the name of the Secret, e.g. 'flink-web-ui-auth'.`);
  }
}

/** Throws when a text that lands in an annotation (and from there in the controller's configuration) holds a control character. */
function requireNoControlCharacters(method: string, param: string, value: string | undefined): void {
  if (value !== undefined && hasControlCharacter(value)) {
    throw new Error(`${method}: '${param}' must not contain control characters such as a newline (got ${quoted(value)}).`);
  }
}

/**
 * How access to an exposed Flink web UI is controlled.
 */
export interface WebUiAccessOptions {
  /**
   * How the Ingress authenticates users.
   *
   * @default - none: synth fails unless jar uploads are off (`web.submit.enable: 'false'`)
   * or `allowUnauthenticatedAccess` is set
   */
  readonly authentication?: WebUiAuthentication;

  /**
   * Accept that anyone who reaches the Ingress can use the web UI, including jar uploads when
   * they are on. The Ingress is annotated `cdk8s-flink/unauthenticated-web-ui: "true"` so
   * the choice stays visible in the manifests.
   *
   * @default false
   */
  readonly allowUnauthenticatedAccess?: boolean;
}
