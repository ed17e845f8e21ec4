/**
 * The exposure safety rule shared by every way of putting the Flink web UI behind an Ingress.
 */

/** The annotation that records, visibly in the manifest, that unauthenticated access was accepted. */
export const UNAUTHENTICATED_ACCESS_ANNOTATION = 'cdk8s-flink/unauthenticated-web-ui';

/**
 * Annotations by which common Ingress controllers authenticate requests. An Ingress with one
 * of them is considered authenticated.
 */
const AUTHENTICATION_ANNOTATIONS: ReadonlyArray<string> = [
  'nginx.ingress.kubernetes.io/auth-type',
  'nginx.ingress.kubernetes.io/auth-url',
  'nginx.ingress.kubernetes.io/auth-tls-secret',
  'alb.ingress.kubernetes.io/auth-type',
  'haproxy-ingress.github.io/auth-type',
  'haproxy-ingress.github.io/auth-url',
  'haproxy.org/auth-type',
];

/** Whether the annotations switch authentication on (ALB's `auth-type: none` does not). */
export function hasAuthenticationAnnotation(annotations: { [key: string]: string }): boolean {
  return AUTHENTICATION_ANNOTATIONS.some((key) => annotations[key] !== undefined && annotations[key] !== 'none');
}

/** Whether a Flink configuration turns jar uploads through the web UI off. */
export function jarSubmissionDisabled(flinkConfiguration: { [key: string]: string }): boolean {
  return String(flinkConfiguration['web.submit.enable'] ?? '').trim().toLowerCase() === 'false';
}

/** What the exposure rule looks at. */
export interface WebUiExposure {
  /** What exposes the UI, for the message, e.g. "Ingress 'x'". */
  readonly description: string;
  /** The cluster's name. */
  readonly clusterName: string;
  /** The annotations of the Ingress (authentication included). */
  readonly annotations: { [key: string]: string };
  /** The cluster's Flink configuration. */
  readonly flinkConfiguration: { [key: string]: string };
  /** Whether the user explicitly accepted unauthenticated access. */
  readonly allowUnauthenticatedAccess: boolean;
  /**
   * Whether the cluster's web UI can accept jar uploads at all: session clusters can;
   * application clusters serve a REST endpoint without the jar handlers.
   */
  readonly acceptsJarUploads: boolean;
}

/**
 * Returns the error for an unauthenticated exposure of a web UI that accepts jar uploads, or
 * undefined when the exposure is safe or explicitly accepted.
 */
export function webUiExposureError(exposure: WebUiExposure): string | undefined {
  if (!exposure.acceptsJarUploads
    || exposure.allowUnauthenticatedAccess
    || hasAuthenticationAnnotation(exposure.annotations)
    || jarSubmissionDisabled(exposure.flinkConfiguration)) {
    return undefined;
  }
  return [
    `${exposure.description} exposes the web UI of Flink cluster '${exposure.clusterName}' without authentication,`,
    "and the UI accepts jar uploads ('web.submit.enable' is not 'false'): anyone who reaches it can run code in the cluster.",
    'Fix it in one of three ways:',
    "(1) authenticate, with 'authentication: WebUiAuthentication.basicAuth(...)' (or externalAuth, clientCertificate, fromAnnotations) or an auth annotation such as 'nginx.ingress.kubernetes.io/auth-url';",
    "(2) turn jar uploads off with flinkConfiguration { 'web.submit.enable': 'false' } and submit jobs as FlinkSessionJobs;",
    "(3) accept the risk explicitly with 'allowUnauthenticatedAccess: true' (the Ingress is then annotated '" + UNAUTHENTICATED_ACCESS_ANNOTATION + "').",
  ].join(' ');
}
