/**
 * The app context keys cdk8s-flink reads (set them in `cdk8s.json` or with
 * `app.node.setContext(key, value)`).
 */
export class FlinkContextKeys {
  /**
   * The operator settings the validation rules depend on, as a `ValidationOptions` object,
   * e.g. `{ allowedJarSchemes: ['https', 's3'] }`.
   */
  public static readonly VALIDATION_OPTIONS = 'cdk8s-flink:validation';

  /** Set to `false` to silence the warnings printed at synth. */
  public static readonly PRINT_WARNINGS = 'cdk8s-flink:print-warnings';

  private constructor() {}
}

/**
 * The annotations cdk8s-flink writes or reads on the objects it checks.
 */
export class FlinkAnnotations {
  /**
   * On an Ingress (or HTTPRoute) to a Flink REST service: `"true"` records, visibly in the
   * manifests, that exposing the web UI without authentication was chosen on purpose. The
   * validator accepts such an exposure; without the annotation it is an error.
   */
  public static readonly UNAUTHENTICATED_WEB_UI = 'cdk8s-flink/unauthenticated-web-ui';

  /**
   * On an Ingress (or the operator's `spec.ingress`): the `IngressController` that serves its
   * IngressClass, e.g. `traefik`, when the class name does not say it (a custom class, or
   * `haproxy`, which both HAProxy controllers install). The validator checks the authentication
   * annotations against this controller.
   */
  public static readonly INGRESS_CONTROLLER = 'cdk8s-flink/ingress-controller';

  /**
   * On an HTTPRoute to a Flink REST service: what authenticates its requests, as
   * `<group>/<Kind>/<name>` (comma-separated for several): an `ExtensionRef` filter of the
   * route's rule, or a policy attached to the route or its Gateway (e.g.
   * `gateway.envoyproxy.io/SecurityPolicy/flink-ui`). The validator cannot see what an
   * implementation's filter does, so naming it here is the statement that it authenticates.
   */
  public static readonly AUTHENTICATED_BY = 'cdk8s-flink/authenticated-by';

  /**
   * On a FlinkDeployment, FlinkBlueGreenDeployment or FlinkSessionJob: `"true"` records, visibly
   * in the manifests, that secrets in plain text in its `flinkConfiguration` are accepted (a
   * test setup). Without it, a literal value under a key Flink treats as sensitive is an error
   * (rule `sensitive-config-value`).
   */
  public static readonly LITERAL_SECRETS = 'cdk8s-flink/literal-secrets';

  private constructor() {}
}
