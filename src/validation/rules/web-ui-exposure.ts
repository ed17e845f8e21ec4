/**
 * The web UI exposure rule: an Ingress to a Flink cluster's REST service (our own, or written by
 * hand) and the operator's `spec.ingress` must authenticate, unless the cluster's UI accepts no
 * jar uploads or the exposure is accepted explicitly (the `cdk8s-flink/unauthenticated-web-ui`
 * annotation). One rule for the constructs, `FlinkValidator`, the CLI and the plugin.
 */
import { FlinkAnnotations } from '../../constants';
import { WEB_SUBMIT } from '../../private/options/flink-options';
import { deploymentConfiguration } from '../configuration';
import { RuleContext } from '../context';

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
export function hasAuthenticationAnnotation(annotations: { readonly [key: string]: unknown }): boolean {
  return AUTHENTICATION_ANNOTATIONS.some((key) => typeof annotations[key] === 'string' && annotations[key] !== 'none');
}

/** Whether a FlinkDeployment's web UI accepts jar uploads: a session cluster's, unless `web.submit.enable` is false. */
function acceptsJarUploads(context: RuleContext, deployment: any): boolean {
  if (deployment?.spec?.job !== undefined && deployment?.spec?.job !== null) {
    return false;
  }
  const submit = deploymentConfiguration(context.settings.operatorConfiguration, deployment?.spec).read(WEB_SUBMIT).read;
  return !submit.ok || submit.value !== false;
}

function exposureProblem(description: string, clusterName: string, annotations: unknown): string | undefined {
  const map = annotations !== null && typeof annotations === 'object' ? annotations as { [key: string]: unknown } : {};
  if (String(map[FlinkAnnotations.UNAUTHENTICATED_WEB_UI] ?? '').toLowerCase() === 'true' || hasAuthenticationAnnotation(map)) {
    return undefined;
  }
  return [
    `${description} exposes the web UI of Flink cluster '${clusterName}' without authentication,`,
    "and the UI accepts jar uploads ('web.submit.enable' is not 'false'): anyone who reaches it can run code in the cluster.",
    'Fix it in one of three ways:',
    "(1) authenticate, with 'authentication: WebUiAuthentication.basicAuth(...)' (or externalAuth, clientCertificate, fromAnnotations) or an auth annotation such as 'nginx.ingress.kubernetes.io/auth-url';",
    "(2) turn jar uploads off with flinkConfiguration { 'web.submit.enable': 'false' } and submit jobs as FlinkSessionJobs;",
    `(3) accept the risk explicitly with 'allowUnauthenticatedAccess: true', which annotates the Ingress '${FlinkAnnotations.UNAUTHENTICATED_WEB_UI}: "true"' (annotate a hand-written Ingress the same way).`,
  ].join(' ');
}

/** The operator's own Ingress (`spec.ingress`) of a FlinkDeployment. */
export function checkOperatorIngressExposure(context: RuleContext): void {
  const ingress = context.spec.ingress;
  if (ingress === null || typeof ingress !== 'object' || !acceptsJarUploads(context, context.manifest)) {
    return;
  }
  const problem = exposureProblem(`The operator Ingress of '${context.name}'`, context.name, ingress.annotations);
  if (problem !== undefined) {
    context.report('web-ui-exposure', 'spec.ingress', problem);
  }
}

/** The Services an Ingress routes to, with the path of each backend. */
function backends(spec: any): Array<{ service: string; path: string }> {
  const result: Array<{ service: string; path: string }> = [];
  const name = spec?.defaultBackend?.service?.name;
  if (typeof name === 'string') {
    result.push({ service: name, path: 'spec.defaultBackend.service.name' });
  }
  (Array.isArray(spec?.rules) ? spec.rules : []).forEach((rule: any, r: number) => {
    (Array.isArray(rule?.http?.paths) ? rule.http.paths : []).forEach((entry: any, p: number) => {
      const service = entry?.backend?.service?.name;
      if (typeof service === 'string') {
        result.push({ service, path: `spec.rules[${r}].http.paths[${p}].backend.service.name` });
      }
    });
  });
  return result;
}

/** An Ingress whose backend is the REST Service (`<cluster>-rest`) of a FlinkDeployment in the set. */
export function checkIngressExposure(context: RuleContext): void {
  for (const backend of backends(context.spec)) {
    const clusterName = backend.service.endsWith('-rest') ? backend.service.slice(0, -'-rest'.length) : undefined;
    const cluster = clusterName === undefined ? undefined : context.index.find('FlinkDeployment', clusterName, context.namespace);
    if (cluster === undefined || !acceptsJarUploads(context, cluster)) {
      continue;
    }
    const problem = exposureProblem(`Ingress '${context.name}'`, clusterName!, context.manifest.metadata?.annotations);
    if (problem !== undefined) {
      context.report('web-ui-exposure', backend.path, problem);
      return;
    }
  }
}
