/**
 * The Flink cluster behind an exposed REST Service, and what its exposure puts at stake.
 */
import { FlinkAnnotations } from '../../constants';
import { Severity } from '../../finding';
import { WEB_SUBMIT } from '../../private/options/flink-options';
import { mainKey } from '../../private/options/option';
import { restBindPort } from '../checks/rest-port';
import { RuleContext } from '../context';

/** A Flink cluster in the manifests whose REST Service (`<name>-rest`) an exposure reaches. */
export interface ExposedCluster {
  /** The FlinkDeployment's name (for a blue/green deployment: its own name). */
  readonly name: string;
  /** The FlinkDeployment spec (for a blue/green deployment: its template's). */
  readonly spec: any;
  /** e.g. `Flink cluster 'session'`. */
  readonly description: string;
}

const REST_SUFFIX = '-rest';

/**
 * The cluster whose REST Service is `serviceName`: a FlinkDeployment `<name>`, or a
 * FlinkBlueGreenDeployment `<name>`, whose deployments are `<name>-blue` and `<name>-green`; or,
 * through a Service of the set by that name, the cluster whose REST endpoint that Service reaches
 * (see `clusterOfServiceManifest`).
 */
export function clusterOfService(context: RuleContext, serviceName: string, namespace: string | undefined): ExposedCluster | undefined {
  const byName = clusterOfRestServiceName(context, serviceName, namespace);
  if (byName !== undefined) {
    return byName;
  }
  const service = context.index.find('Service', serviceName, namespace);
  return service === undefined ? undefined : clusterOfServiceManifest(context, service);
}

function clusterOfRestServiceName(context: RuleContext, serviceName: string, namespace: string | undefined): ExposedCluster | undefined {
  if (!serviceName.endsWith(REST_SUFFIX)) {
    return undefined;
  }
  const name = serviceName.slice(0, -REST_SUFFIX.length);
  const deployment = context.index.find('FlinkDeployment', name, namespace) ?? anyNamespace(context, 'FlinkDeployment', name, namespace);
  if (deployment !== undefined) {
    return { name, spec: deployment.spec, description: `Flink cluster '${name}'` };
  }
  const colour = /^(.+)-(blue|green)$/.exec(name);
  const blueGreen = colour === null ? undefined
    : context.index.find('FlinkBlueGreenDeployment', colour[1], namespace) ?? anyNamespace(context, 'FlinkBlueGreenDeployment', colour[1], namespace);
  return blueGreen === undefined ? undefined
    : { name: colour![1], spec: blueGreen.spec?.template?.spec, description: `Flink cluster '${name}' of blue/green deployment '${colour![1]}'` };
}

/**
 * For an exposure without a namespace (applied wherever `kubectl -n` says), of several resources
 * of the name in different namespaces, the one whose exposure is worst: a session cluster first.
 * An exposure with a namespace finds its own namespace's only.
 */
function anyNamespace(context: RuleContext, kind: string, name: string, namespace: string | undefined): any | undefined {
  if (namespace !== undefined) {
    return undefined;
  }
  const candidates = context.index.ofKind(kind).filter((manifest) => manifest?.metadata?.name === name);
  const spec = (manifest: any) => (kind === 'FlinkDeployment' ? manifest?.spec : manifest?.spec?.template?.spec);
  return candidates.find((manifest) => takesJobSubmissions(spec(manifest))) ?? candidates[0];
}

const isMap = (value: unknown): value is { [key: string]: unknown } => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The cluster whose REST endpoint a Service of the set reaches, decided by what it selects and
 * targets, not by its name: its selector picks the JobManager pods of a FlinkDeployment in its
 * namespace (the labels Flink and the pod templates give them), and one of its ports targets the
 * REST bind port, by number or by the container port's name `rest` (a port without `targetPort`
 * targets its own number). An `ExternalName` Service that names a cluster's REST Service
 * (`<cluster>-rest.<namespace>[.svc[.cluster.local]]`) reaches it too, from any namespace.
 */
export function clusterOfServiceManifest(context: RuleContext, service: any): ExposedCluster | undefined {
  const spec = isMap(service?.spec) ? service.spec : {};
  const namespace = typeof service?.metadata?.namespace === 'string' ? service.metadata.namespace : undefined;
  if (spec.type === 'ExternalName') {
    const target = typeof spec.externalName === 'string' ? /^([a-z0-9-]+)\.([a-z0-9-]+)(\.svc(\.cluster\.local)?)?\.?$/i.exec(spec.externalName.trim()) : null;
    return target === null ? undefined : clusterOfRestServiceName(context, target[1].toLowerCase(), target[2].toLowerCase());
  }
  const selector = spec.selector;
  if (!isMap(selector) || Object.keys(selector).length === 0 || !Array.isArray(spec.ports)) {
    return undefined;
  }
  for (const deployment of context.index.ofKind('FlinkDeployment')) {
    const deploymentNamespace = deployment?.metadata?.namespace;
    if (typeof deployment?.metadata?.name !== 'string' || (namespace !== undefined && deploymentNamespace !== undefined && deploymentNamespace !== namespace)) {
      continue;
    }
    const model = context.modelOf(deployment);
    const labels = model.objects.jobManager.pod.metadata?.labels ?? {};
    if (!Object.entries(selector).every(([key, value]) => labels[key] === value)) {
      continue;
    }
    const bindPort = restBindPort(model.operatorRead).port;
    const reachesRest = spec.ports.some((port: any) => {
      const target = port?.targetPort ?? port?.port;
      return target === 'rest' || (bindPort !== undefined && (target === bindPort || target === String(bindPort)));
    });
    if (reachesRest) {
      const name = deployment.metadata.name;
      return { name, spec: deployment.spec, description: `Flink cluster '${name}'` };
    }
  }
  return undefined;
}

/**
 * Whether the cluster's REST API takes jobs: a session cluster's does. Its JobSubmitHandler
 * (`POST /jobs`, with the job's jars attached) is registered whatever `web.submit.enable` says;
 * that key only adds or removes the web UI's submission handlers (`/jars/upload`, `/jars/:id/run`),
 * which the operator uses to submit FlinkSessionJobs. An application cluster runs its one job.
 */
export function takesJobSubmissions(spec: any): boolean {
  return spec?.job === undefined || spec?.job === null;
}

/**
 * How severe an open exposure of the cluster is. The constructs fail closed: every open
 * exposure is an error at synth, until it authenticates or is accepted explicitly. Of manifests
 * written elsewhere (the validator, the CLI) an open session cluster is an error too, since anyone
 * who reaches it submits a job and runs code in the cluster; any other open UI is a warning, since
 * whether it is reachable depends on what the manifests do not show (a private load balancer, a
 * network policy, a VPN), as in the operator's own Ingress examples.
 */
export function exposureSeverity(context: RuleContext, cluster: ExposedCluster): Severity {
  return context.settings.constructs === true || takesJobSubmissions(cluster.spec) ? Severity.ERROR : Severity.WARNING;
}

/** Whether the annotations accept the exposure explicitly. */
export function optedIn(annotations: unknown): boolean {
  const map = annotations !== null && typeof annotations === 'object' ? annotations as { [key: string]: unknown } : {};
  return String(map[FlinkAnnotations.UNAUTHENTICATED_WEB_UI] ?? '').trim().toLowerCase() === 'true';
}

/** What anyone who reaches the cluster's REST endpoint can do. */
export function stakes(cluster: ExposedCluster): string {
  return takesJobSubmissions(cluster.spec)
    ? `a session cluster takes jobs over its REST API: anyone who reaches it can submit a job with its jars (POST /jobs, whatever '${mainKey(WEB_SUBMIT)}' says) and run code in the cluster (remote code execution).`
    : 'anyone who reaches it can cancel jobs, trigger savepoints and read the configuration of the cluster and its jobs.';
}

/** The explicit opt-in, for the end of every message. */
export function optInFix(what: string): string {
  return `or accept the exposure explicitly with 'allowUnauthenticatedAccess: true', which annotates the ${what} '${FlinkAnnotations.UNAUTHENTICATED_WEB_UI}: "true"' (annotate a hand-written one the same way).`;
}

/** For a session cluster: turning the web UI's uploads off is no way out. */
export function submissionNote(cluster: ExposedCluster): string {
  return takesJobSubmissions(cluster.spec)
    ? ` '${mainKey(WEB_SUBMIT)}': 'false' does not close it: it removes only the web UI's jar upload (/jars/upload), which the operator itself uses to submit FlinkSessionJobs, and leaves POST /jobs open.`
    : '';
}
