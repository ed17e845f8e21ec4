/**
 * The Ingress controller families whose authentication cdk8s-flink writes and recognises. Each
 * honours its own annotations only: an annotation of another controller is ignored, and the UI
 * behind it is open.
 */
export enum IngressController {
  /**
   * ingress-nginx (the Kubernetes project's controller, `nginx.ingress.kubernetes.io/*`).
   * IngressClass `nginx` or `ingress-nginx`; controller `k8s.io/ingress-nginx`.
   */
  INGRESS_NGINX = 'ingress-nginx',

  /**
   * Traefik (`traefik.ingress.kubernetes.io/*`, authentication through Middleware resources).
   * IngressClass `traefik`; controller `traefik.io/ingress-controller`.
   */
  TRAEFIK = 'traefik',

  /**
   * HAProxy Technologies' HAProxy Kubernetes Ingress Controller (`haproxy.org/*`). Its default
   * IngressClass, `haproxy`, is also the HAProxy Ingress project's: say which one serves it.
   * Controller `haproxy.org/ingress-controller/<class>`.
   */
  HAPROXY_TECH = 'haproxytech',

  /**
   * The HAProxy Ingress project (jcmoraisjr, `haproxy-ingress.github.io/*`). Controller
   * `haproxy-ingress.github.io/controller`.
   */
  HAPROXY_INGRESS = 'haproxy-ingress',

  /**
   * The AWS Load Balancer Controller (an Application Load Balancer, `alb.ingress.kubernetes.io/*`).
   * IngressClass `alb`; controller `ingress.k8s.aws/alb`.
   */
  AWS_ALB = 'aws-alb',

  /**
   * GKE Ingress (a Google Cloud load balancer). IngressClass `gce` or `gce-internal`.
   * Identity-Aware Proxy is configured on the backend Service through a BackendConfig.
   */
  GKE = 'gke',
}
