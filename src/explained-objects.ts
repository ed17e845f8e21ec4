/**
 * The Kubernetes objects in `ResourceExplanation.objects` (`FlinkValidator.explain`).
 */

/**
 * A value of the Kubernetes objects, and what decides it.
 */
export interface ExplainedValue {
  /**
   * The value.
   *
   * @default - a default the manifests cannot name (e.g. Flink's default image); `source` says which
   */
  readonly value?: string;

  /** What decides it: a manifest field (`spec.image`), a configuration key, the operator's configuration, or a default. */
  readonly source: string;
}

/**
 * An environment variable of the main container.
 */
export interface ExplainedEnvVar {
  /** The name. */
  readonly name: string;

  /**
   * The value; `******` when the name looks sensitive (e.g. `AWS_SECRET_ACCESS_KEY`).
   *
   * @default - none: the value comes from `valueFrom`
   */
  readonly value?: string;

  /**
   * Where the value comes from, e.g. `secretKeyRef flink-s3/secret-key` or `fieldRef status.podIP`.
   *
   * @default - a literal value
   */
  readonly valueFrom?: string;
}

/**
 * A port of the main container.
 */
export interface ExplainedContainerPort {
  /**
   * The port's name.
   *
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * The port number.
   *
   * @default - not fixed (a port range or an unreadable value)
   */
  readonly containerPort?: number;

  /** `template` (the merged pod template declares it) or `flink` (Flink adds it). */
  readonly from: string;
}

/**
 * The JobManager's or TaskManagers' pods, after the operator's merge of the pod templates and
 * the changes Flink's decorators make to the main container `flink-main-container`.
 */
export interface ExplainedPod {
  /** `JobManager` or `TaskManager`. */
  readonly component: string;

  /** What runs the pods: `Deployment '<name>'`, or `pods the JobManager starts` (native TaskManagers). */
  readonly workload: string;

  /**
   * The Deployment's replicas.
   *
   * @default - no Deployment runs the pods (native TaskManagers start on demand)
   */
  readonly replicas?: number;

  /** The main container's image. */
  readonly image: ExplainedValue;

  /** The main container's image pull policy. */
  readonly imagePullPolicy: ExplainedValue;

  /** The pod's service account. */
  readonly serviceAccount: ExplainedValue;

  /** Whether the pod uses the host's network. */
  readonly hostNetwork: boolean;

  /** The main container's resource requests, e.g. `{ memory: '2048Mi', cpu: '1.0' }`. */
  readonly requests: { [name: string]: string };

  /** The main container's resource limits. */
  readonly limits: { [name: string]: string };

  /** The main container's ports: the template's, then Flink's. */
  readonly ports: ExplainedContainerPort[];

  /** The main container's environment: the template's, then what Flink adds. */
  readonly env: ExplainedEnvVar[];

  /** The pod's labels that Flink sets (and the Services select on). */
  readonly labels: { [name: string]: string };
}

/**
 * A port of a Service.
 */
export interface ExplainedServicePort {
  /** The port's name. */
  readonly name: string;

  /**
   * The Service's port.
   *
   * @default - not fixed (a port range or an unreadable value)
   */
  readonly port?: number;

  /**
   * The pods' port it forwards to (a number, or a port name).
   *
   * @default - the Service's port
   */
  readonly targetPort?: string;
}

/**
 * A Service Flink creates for the JobManager.
 */
export interface ExplainedService {
  /** The Service's name, e.g. `<cluster>-rest`. */
  readonly name: string;

  /** `ClusterIP`, `NodePort` or `LoadBalancer`. */
  readonly type: string;

  /** Whether it is headless (`clusterIP: None`). */
  readonly headless: boolean;

  /** The labels it selects the pods by. */
  readonly selector: { [name: string]: string };

  /** Its ports. */
  readonly ports: ExplainedServicePort[];
}

/**
 * The Ingress the operator creates for `spec.ingress`.
 */
export interface ExplainedIngress {
  /** The Ingress's name (the cluster's). */
  readonly name: string;

  /**
   * `spec.ingress.className`.
   *
   * @default - the cluster's default class
   */
  readonly className?: string;

  /**
   * The host of the rendered `spec.ingress.template`.
   *
   * @default - any host
   */
  readonly host?: string;

  /**
   * The path of the rendered `spec.ingress.template`.
   *
   * @default - every path
   */
  readonly path?: string;

  /** The Service it routes to (`<cluster>-rest`). */
  readonly serviceName: string;

  /**
   * The Service's port it routes to.
   *
   * @default - not fixed
   */
  readonly servicePort?: number;
}

/**
 * The Kubernetes objects a FlinkDeployment becomes, as far as the manifest decides them.
 */
export interface ExplainedObjects {
  /** The JobManager's pods. */
  readonly jobManager: ExplainedPod;

  /** The TaskManagers' pods. */
  readonly taskManager: ExplainedPod;

  /** The REST Service, `<cluster>-rest`. */
  readonly restService: ExplainedService;

  /**
   * The internal headless Service, `<cluster>`.
   *
   * @default - none: native mode with high availability creates none
   */
  readonly internalService?: ExplainedService;

  /** The ConfigMap that holds the configuration file, `flink-config-<cluster>`. */
  readonly configMapName: string;

  /**
   * The Ingress the operator creates.
   *
   * @default - none: `spec.ingress` is not set
   */
  readonly ingress?: ExplainedIngress;
}
