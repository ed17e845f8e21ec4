/**
 * Which controller serves an IngressClass: stated on the Ingress (`cdk8s-flink/ingress-controller`),
 * read from an IngressClass in the manifests (`spec.controller`), or known from the class names
 * the controllers install by default.
 */
import { FlinkAnnotations } from '../../constants';
import { IngressController } from '../../ingress-controller';
import { ManifestIndex } from '../context';

/** The class names each controller installs by default. `haproxy` is both HAProxy controllers'. */
const WELL_KNOWN_CLASSES: ReadonlyArray<[string, IngressController[]]> = [
  ['nginx', [IngressController.INGRESS_NGINX]],
  ['ingress-nginx', [IngressController.INGRESS_NGINX]],
  ['traefik', [IngressController.TRAEFIK]],
  ['haproxy', [IngressController.HAPROXY_TECH, IngressController.HAPROXY_INGRESS]],
  ['alb', [IngressController.AWS_ALB]],
  ['gce', [IngressController.GKE]],
  ['gce-internal', [IngressController.GKE]],
];

/** IngressClass `spec.controller` values (or their prefixes, ending in `/`) by controller. */
const CONTROLLER_NAMES: ReadonlyArray<[string, IngressController]> = [
  ['k8s.io/ingress-nginx', IngressController.INGRESS_NGINX],
  ['traefik.io/ingress-controller', IngressController.TRAEFIK],
  ['haproxy.org/ingress-controller/', IngressController.HAPROXY_TECH],
  ['haproxy-ingress.github.io/controller', IngressController.HAPROXY_INGRESS],
  ['ingress.k8s.aws/alb', IngressController.AWS_ALB],
];

/** The deprecated class annotation, which GKE Ingress still reads. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

const CONTROLLER_VALUES: ReadonlyArray<string> = Object.values(IngressController);

/** What is known of the controller behind a class: one controller, or why it is not known. */
export type ControllerOfClass =
  | { readonly controller: IngressController; readonly via: string }
  | { readonly controller?: undefined; readonly problem: string };

function fromControllerName(name: string): IngressController | undefined {
  return CONTROLLER_NAMES.find(([value]) => (value.endsWith('/') ? name.startsWith(value) : name === value))?.[1];
}

/** The controller of an IngressClass `className`, for an Ingress with `annotations`. */
export function controllerOfClass(className: string, annotations: { readonly [key: string]: unknown }, index: ManifestIndex): ControllerOfClass {
  const stated = annotations[FlinkAnnotations.INGRESS_CONTROLLER];
  const ingressClass = index.find('IngressClass', className, undefined);
  const controllerName = ingressClass?.spec?.controller;
  if (stated !== undefined) {
    if (!CONTROLLER_VALUES.includes(String(stated))) {
      return { problem: `'${FlinkAnnotations.INGRESS_CONTROLLER}' must be one of ${CONTROLLER_VALUES.map((v) => `'${v}'`).join(', ')} (got '${String(stated)}')` };
    }
    // The annotation states the controller of a class cdk8s-flink cannot place; an IngressClass of the set that names a known other one wins.
    const actual = typeof controllerName === 'string' ? fromControllerName(controllerName) : undefined;
    if (actual !== undefined && actual !== String(stated)) {
      return { problem: `'${FlinkAnnotations.INGRESS_CONTROLLER}: ${String(stated)}' says ${String(stated)} serves it, but IngressClass '${className}' of the set belongs to '${controllerName}' (${actual})` };
    }
    return { controller: String(stated) as IngressController, via: `'${FlinkAnnotations.INGRESS_CONTROLLER}: ${String(stated)}'` };
  }
  if (typeof controllerName === 'string') {
    const controller = fromControllerName(controllerName);
    return controller !== undefined
      ? { controller, via: `IngressClass '${className}' (controller '${controllerName}')` }
      : { problem: `IngressClass '${className}' belongs to controller '${controllerName}', whose authentication cdk8s-flink does not know` };
  }
  const known = WELL_KNOWN_CLASSES.find(([name]) => name === className)?.[1];
  if (known === undefined) {
    return { problem: `cdk8s-flink cannot tell which controller serves IngressClass '${className}'` };
  }
  if (known.length > 1) {
    return { problem: `IngressClass '${className}' is the default class of ${known.map((c) => `'${c}'`).join(' and ')}` };
  }
  return { controller: known[0], via: `IngressClass '${className}'` };
}

/** The default class name of a controller, for messages. */
export function defaultClassOf(controller: IngressController): string {
  return WELL_KNOWN_CLASSES.find(([, controllers]) => controllers.length === 1 && controllers[0] === controller)?.[0] ?? 'haproxy';
}

/** The one controller whose default class is `className`, if there is one. */
export function wellKnownController(className: string): IngressController | undefined {
  const known = WELL_KNOWN_CLASSES.find(([name]) => name === className)?.[1];
  return known?.length === 1 ? known[0] : undefined;
}
