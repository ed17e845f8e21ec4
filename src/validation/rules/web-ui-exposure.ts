/**
 * The web UI exposure rule, for Ingresses: an Ingress whose backend is the REST Service of a
 * Flink cluster in the set (our own or written by hand), and the operator's `spec.ingress` of
 * a FlinkDeployment or FlinkBlueGreenDeployment, must authenticate with the controller that
 * serves it, or accept the exposure explicitly (the `cdk8s-flink/unauthenticated-web-ui`
 * annotation). One rule for the constructs, `FlinkValidator`, the CLI and the plugin; the
 * HTTPRoute half is in http-route-exposure.ts.
 */
import { FlinkAnnotations } from '../../constants';
import { IngressController } from '../../ingress-controller';
import * as D from '../../private/options/deployment-options';
import { RuleContext } from '../context';
import { childPath } from '../json-path';
import { DeploymentModel } from '../model/deployment-model';
import { GKE_FIX, gkeIapProblem } from '../web-ui/backend-config';
import {
  clusterOfService, clusterOfServiceManifest, ExposedCluster, exposureSeverity, optedIn, optInFix, stakes, submissionNote,
} from '../web-ui/exposed-cluster';
import { AnnotationMethod, annotationMethods, NGINX } from '../web-ui/ingress-annotations';
import { controllerOfClass, defaultClassOf, INGRESS_CLASS_ANNOTATION } from '../web-ui/ingress-classes';
import { traefikMiddlewareProblem } from '../web-ui/traefik';

/** An Ingress, or the operator's `spec.ingress`, as the rule reads it. */
interface IngressExposure {
  /** e.g. `Ingress 'ui'` or `The operator Ingress of 'session'`. */
  readonly description: string;
  readonly className?: string;
  readonly classPath: string;
  readonly annotations: { readonly [key: string]: unknown };
  readonly annotationsPath: string;
  /** Where a missing authentication is reported. */
  readonly exposurePath: string;
  /** How the construct option that sets the class is called. */
  readonly classOption: string;
}

const AUTHENTICATION_FIX = "authenticate with the controller that serves it, e.g. 'authentication: WebUiAuthentication.basicAuth(...)' with 'ingressClassName: \"nginx\"' "
  + '(docs/web-ui.md lists the methods of ingress-nginx, Traefik, HAProxy, AWS ALB and GKE)';

function annotationsOf(value: unknown): { readonly [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as { [key: string]: unknown } : {};
}

function unauthenticated(exposure: IngressExposure, cluster: ExposedCluster): string {
  return `${exposure.description} exposes the web UI of ${cluster.description} without authentication: ${stakes(cluster)}`
    + ` Fix it: ${AUTHENTICATION_FIX}, ${optInFix('Ingress')}${submissionNote(cluster)}`;
}

function names(methods: ReadonlyArray<AnnotationMethod>): string {
  return [...new Set(methods.map((method) => method.name))].join(', ');
}

/** The problem of an exposure through an Ingress, with the path to report it at; undefined when it is fine. */
function ingressProblem(context: RuleContext, exposure: IngressExposure, cluster: ExposedCluster): { path: string; message: string } | undefined {
  if (optedIn(exposure.annotations)) {
    return undefined;
  }
  const methods = annotationMethods(exposure.annotations);
  const className = exposure.className ?? (typeof exposure.annotations[INGRESS_CLASS_ANNOTATION] === 'string' ? String(exposure.annotations[INGRESS_CLASS_ANNOTATION]) : undefined);
  const at = (path: string, message: string) => ({ path, message: `${exposure.description} exposes the web UI of ${cluster.description}: ${message}` });
  if (className === undefined || className.trim() === '') {
    if (methods.length === 0) {
      return { path: exposure.exposurePath, message: unauthenticated(exposure, cluster) };
    }
    const controller = methods[0].controller;
    return at(exposure.classPath, `it asks for ${names(methods)}, but has no IngressClass. The cluster's default class may belong to another controller, `
      + `which ignores these annotations and leaves the UI open: ${stakes(cluster)} Set '${exposure.classOption}' to the class of ${controller} (e.g. '${defaultClassOf(controller)}').`);
  }
  const resolved = controllerOfClass(className, exposure.annotations, context.index);
  if (resolved.controller === undefined) {
    if (methods.length === 0) {
      return { path: exposure.exposurePath, message: unauthenticated(exposure, cluster) };
    }
    return at(exposure.classPath, `${resolved.problem}, so whether ${names(methods)} applies is unknown. Say which controller serves it with the option `
      + `'ingressController' (it annotates '${FlinkAnnotations.INGRESS_CONTROLLER}: <controller>'; annotate a hand-written Ingress the same way).`);
  }
  const controller = resolved.controller;
  const own = methods.filter((method) => method.controller === controller);
  const foreign = methods.filter((method) => method.controller !== controller);
  const broken = own.map((method) => ({ method, problem: method.problem ?? traefikMiddlewareProblem(context, method) }))
    .find((entry) => entry.problem !== undefined);
  if (broken !== undefined) {
    return at(exposure.annotationsPath, `its ${broken.method.name} does not authenticate (${broken.problem}), so the UI is open: ${stakes(cluster)}`);
  }
  if (own.length === 0 && foreign.length > 0) {
    return at(exposure.annotationsPath, `${resolved.via} is served by ${controller}, which ignores ${names(foreign)}: the UI is open, and ${stakes(cluster)} `
      + `Use an authentication of ${controller}, or set '${exposure.classOption}' to the class of the controller the annotations are for.`);
  }
  if (controller === IngressController.GKE) {
    const problem = gkeIapProblem(context, cluster);
    return problem === undefined ? undefined
      : at(exposure.exposurePath, `GKE Ingress '${className}' authenticates only through Identity-Aware Proxy on the REST Service, and ${problem}, so the UI is open: `
        + `${stakes(cluster)} ${GKE_FIX.slice(0, -1)}, ${optInFix('Ingress')}`);
  }
  return own.length > 0 ? undefined : { path: exposure.exposurePath, message: unauthenticated(exposure, cluster) };
}

function report(context: RuleContext, cluster: ExposedCluster, problem: { path: string; message: string } | undefined): boolean {
  if (problem !== undefined) {
    context.report('web-ui-exposure', problem.path, problem.message, exposureSeverity(context, cluster));
  }
  return problem !== undefined;
}

function operatorIngress(context: RuleContext, ingress: any, cluster: ExposedCluster): void {
  if (ingress === null || typeof ingress !== 'object') {
    return;
  }
  report(context, cluster, ingressProblem(context, {
    description: `The operator Ingress of '${context.name}'`,
    className: typeof ingress.className === 'string' ? ingress.className : undefined,
    classPath: 'spec.ingress.className',
    annotations: annotationsOf(ingress.annotations),
    annotationsPath: 'spec.ingress.annotations',
    exposurePath: 'spec.ingress',
    classOption: 'ingressClassName',
  }, cluster));
}

/** The operator's own Ingress (`spec.ingress`) of a FlinkDeployment. */
export function checkOperatorIngressExposure(context: RuleContext): void {
  operatorIngress(context, context.spec.ingress, { name: context.name, spec: context.spec, description: `Flink cluster '${context.name}'` });
}

/** The operator's Ingress (`spec.ingress`) of a FlinkBlueGreenDeployment, to its active deployment. */
export function checkBlueGreenIngressExposure(context: RuleContext): void {
  operatorIngress(context, context.spec.ingress, {
    name: context.name,
    spec: context.spec.template?.spec,
    description: `blue/green deployment '${context.name}'`,
  });
}

/** How Flink publishes a REST Service of each type outside the cluster, for messages. */
const PUBLISHED: { readonly [type: string]: string } = {
  LOADBALANCER: 'on a load balancer',
  NODEPORT: 'on a port of every node (NodePort)',
};

/**
 * `kubernetes.rest-service.exposed.type` LoadBalancer or NodePort: Flink itself publishes the REST
 * Service outside the cluster, with no authentication in front. Only the explicit opt-in on the
 * resource accepts it: nothing can authenticate a Service. Read as the operator's Flink library
 * reads the configuration it builds (it creates the Service), case-insensitively as Flink reads
 * enums; the operator sets ClusterIP only when nothing else does.
 */
function checkRestServiceType(context: RuleContext, model: DeploymentModel, annotations: unknown, cluster: ExposedCluster, base: string): void {
  const found = model.operatorRead.lookup(D.REST_SERVICE_EXPOSED_TYPE);
  const published = found === undefined ? undefined : PUBLISHED[found.value.trim().toUpperCase()];
  if (found === undefined || published === undefined || optedIn(annotations)) {
    return;
  }
  const fromSpec = model.built.sources.get(found.key) === 'spec.flinkConfiguration';
  const where = fromSpec ? `flinkConfiguration '${found.key}'` : `the operator's configuration ('${found.key}')`;
  const path = fromSpec ? childPath(`${base}.flinkConfiguration`, found.key) : `${base}.flinkConfiguration`;
  context.report('web-ui-exposure', path,
    `${where} is '${found.value}': Flink publishes the REST Service '${cluster.name}-rest' of ${cluster.description} ${published}, with no authentication in front: ${stakes(cluster)}`
    + ` Fix it: keep the Service ClusterIP (remove the key${fromSpec ? '' : ', or set it to ClusterIP here'}) and expose the UI through an Ingress or HTTPRoute that authenticates, `
    + `or accept the exposure explicitly with the annotation '${FlinkAnnotations.UNAUTHENTICATED_WEB_UI}: "true"' on the ${context.kind}.${submissionNote(cluster)}`,
    exposureSeverity(context, cluster));
}

/** A FlinkDeployment whose REST Service Flink publishes outside the cluster. */
export function checkRestServiceExposure(context: RuleContext): void {
  checkRestServiceType(context, context.modelOf(context.manifest), context.manifest.metadata?.annotations,
    { name: context.name, spec: context.spec, description: `Flink cluster '${context.name}'` }, 'spec');
}

/** A FlinkBlueGreenDeployment whose deployments' REST Services Flink publishes outside the cluster. */
export function checkBlueGreenRestServiceExposure(context: RuleContext): void {
  const template = context.spec.template;
  if (template === null || typeof template !== 'object' || template.spec === null || typeof template.spec !== 'object') {
    return;
  }
  const child = { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', metadata: { name: `${context.name}-blue`, namespace: context.namespace }, spec: template.spec };
  checkRestServiceType(context, context.modelOf(child), context.manifest.metadata?.annotations,
    { name: `${context.name}-blue`, spec: template.spec, description: `blue/green deployment '${context.name}'` }, 'spec.template.spec');
}

/**
 * A Service of the set that reaches a cluster's REST endpoint (by its selector and ports, see
 * `clusterOfServiceManifest`) and publishes it outside the cluster: type LoadBalancer or
 * NodePort, or external IPs. Nothing can authenticate a Service: only the opt-in annotation on it
 * accepts it.
 */
export function checkServiceExposure(context: RuleContext): void {
  const spec = context.spec;
  const externalIps = Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0;
  const published = spec.type === 'LoadBalancer' ? { path: 'spec.type', how: 'is a LoadBalancer: it is published on a load balancer' }
    : spec.type === 'NodePort' ? { path: 'spec.type', how: 'is a NodePort: it is published on a port of every node' }
      : externalIps ? { path: 'spec.externalIPs', how: `has external IPs (${spec.externalIPs.map(String).join(', ')}): it answers on them` }
        : undefined;
  if (published === undefined || optedIn(context.manifest.metadata?.annotations)) {
    return;
  }
  const cluster = clusterOfServiceManifest(context, context.manifest);
  if (cluster === undefined) {
    return;
  }
  context.report('web-ui-exposure', published.path,
    `Service '${context.name}' selects the JobManager pods of ${cluster.description} and targets its REST port, and ${published.how}, with no authentication in front: ${stakes(cluster)}`
    + ` Fix it: make it ClusterIP and expose the UI through an Ingress or HTTPRoute that authenticates, or accept the exposure explicitly with the annotation '${FlinkAnnotations.UNAUTHENTICATED_WEB_UI}: "true"' on the Service.${submissionNote(cluster)}`,
    exposureSeverity(context, cluster));
}

/** The AWS Load Balancer Controller's action annotations: `actions.<name>`, for a backend whose port is `use-annotation`. */
const ALB_ACTIONS = 'alb.ingress.kubernetes.io/actions.';

/** The Services an ALB forward action sends requests to (`forwardConfig.targetGroups[].serviceName`). */
function actionServices(annotations: { readonly [key: string]: unknown }, action: string): string[] {
  const text = annotations[`${ALB_ACTIONS}${action}`];
  if (typeof text !== 'string') {
    return [];
  }
  try {
    const parsed = JSON.parse(text);
    const groups = parsed?.type === 'forward' && Array.isArray(parsed?.forwardConfig?.targetGroups) ? parsed.forwardConfig.targetGroups : [];
    return groups.map((group: any) => group?.serviceName).filter((name: unknown): name is string => typeof name === 'string');
  } catch {
    return []; // the controller refuses the Ingress
  }
}

/** The Services an Ingress routes to, with the path of each backend (through ALB forward actions too). */
function backends(spec: any, annotations: { readonly [key: string]: unknown }): Array<{ service: string; path: string }> {
  const result: Array<{ service: string; path: string }> = [];
  const add = (backend: any, path: string) => {
    const service = backend?.service?.name;
    if (typeof service !== 'string') {
      return;
    }
    if (backend.service.port?.name === 'use-annotation') {
      const annotationPath = `metadata.annotations['${ALB_ACTIONS}${service}']`;
      actionServices(annotations, service).forEach((target) => result.push({ service: target, path: annotationPath }));
      return;
    }
    result.push({ service, path });
  };
  add(spec?.defaultBackend, 'spec.defaultBackend.service.name');
  (Array.isArray(spec?.rules) ? spec.rules : []).forEach((rule: any, r: number) => {
    (Array.isArray(rule?.http?.paths) ? rule.http.paths : []).forEach((entry: any, p: number) => {
      add(entry?.backend, `spec.rules[${r}].http.paths[${p}].backend.service.name`);
    });
  });
  return result;
}

/**
 * An ingress-nginx Ingress that answers every request with a redirect never proxies to its
 * backend (the second Ingress of a path-prefix exposure, `/flink` → `/flink/`).
 */
function redirectsOnly(context: RuleContext, className: string | undefined, annotations: { readonly [key: string]: unknown }): boolean {
  const redirect = annotations[`${NGINX}/permanent-redirect`] ?? annotations[`${NGINX}/temporal-redirect`];
  // ingress-nginx drops a redirect whose target is not an http(s) URL, and proxies instead: count absolute http(s) URLs with a host only.
  return typeof redirect === 'string' && /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(redirect.trim()) && className !== undefined
    && controllerOfClass(className, annotations, context.index).controller === IngressController.INGRESS_NGINX;
}

/** An Ingress whose backend is the REST Service (`<cluster>-rest`) of a Flink cluster in the set. */
export function checkIngressExposure(context: RuleContext): void {
  const annotations = annotationsOf(context.manifest.metadata?.annotations);
  const className = typeof context.spec.ingressClassName === 'string' ? context.spec.ingressClassName : undefined;
  if (redirectsOnly(context, className, annotations)) {
    return;
  }
  for (const backend of backends(context.spec, annotations)) {
    const cluster = clusterOfService(context, backend.service, context.namespace);
    if (cluster === undefined) {
      continue;
    }
    const reported = report(context, cluster, ingressProblem(context, {
      description: `Ingress '${context.name}'`,
      className,
      classPath: 'spec.ingressClassName',
      annotations,
      annotationsPath: 'metadata.annotations',
      exposurePath: backend.path,
      classOption: 'ingressClassName',
    }, cluster));
    if (reported) {
      return;
    }
  }
}
