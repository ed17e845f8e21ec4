/**
 * What a rule sees: the manifest under check, every other manifest (for references), the
 * operator settings, and a way to report findings.
 */
import { Finding, Severity, ValidationOptions } from '../finding';
import { ValidationRule } from '../validation-rule';
import { deploymentConfiguration } from './configuration';
import { DeploymentModel } from './model/deployment-model';
import { FlinkPod, flinkPods } from './pods/flink-pods';
import { LEVELS, PodSecurityLevelName } from './pods/pod-security-standards';
import { RuleId, RULES } from './rule-catalog';
import { EffectiveConfiguration, flattenConfiguration } from '../private/options/effective-configuration';
import { OperatorRelease, parseOperatorRelease } from '../private/options/operator-release';

/** The operator settings, with the operator's defaults filled in. */
export interface Settings {
  readonly allowedJarSchemes: ReadonlyArray<string>;
  readonly disallowRestrictedHosts: boolean;
  readonly operatorConfiguration: Map<string, string>;
  /** The operator release named by `ValidationOptions.operatorVersion`; undefined for the one this library targets. */
  readonly operatorVersion?: OperatorRelease;
  /** Whether literal values under sensitive keys are accepted everywhere (`ValidationOptions.allowLiteralSecrets`). */
  readonly allowLiteralSecrets: boolean;
  /** The Pod Security level every FlinkDeployment's pods must pass (`ValidationOptions.podSecurityLevel`). */
  readonly podSecurityLevel?: PodSecurityLevelName;
  /**
   * Whether the manifests come from the constructs (at synth): then a choice the operator leaves
   * to a default, such as the upgrade mode of a stateful job, must be explicit.
   */
  readonly constructs?: boolean;
}

export function resolveSettings(options: ValidationOptions): Settings {
  return {
    allowedJarSchemes: (options.allowedJarSchemes ?? ['https']).map((scheme) => scheme.toLowerCase()),
    disallowRestrictedHosts: options.disallowRestrictedHosts ?? true,
    operatorConfiguration: new Map(Object.entries(options.operatorConfiguration ?? {}).map(([key, value]) => [key, String(value)])),
    operatorVersion: parseOperatorRelease(options.operatorVersion),
    allowLiteralSecrets: options.allowLiteralSecrets === true,
    podSecurityLevel: LEVELS.find((level) => level === String(options.podSecurityLevel ?? '').toLowerCase()),
  };
}

/** `map`'s value for `key`, computed and kept the first time: one lookup when it is there. */
function cached<K, V>(map: Map<K, unknown>, key: K, compute: () => V): V {
  const value = map.get(key);
  if (value !== undefined || map.has(key)) {
    return value as V;
  }
  const computed = compute();
  map.set(key, computed);
  return computed;
}

function metadataOf(manifest: any): { name?: string; namespace?: string } {
  const metadata = manifest?.metadata;
  return {
    name: typeof metadata?.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata?.namespace === 'string' ? metadata.namespace : undefined,
  };
}

/** All manifests of a run, by kind and name, to resolve references. */
export class ManifestIndex {
  private readonly byKindAndName = new Map<string, any[]>();
  private readonly byKind = new Map<string, any[]>();
  private sessionJobs?: Map<string, any[]>;
  private readonly derivedValues = new WeakMap<object, Map<string, unknown>>();
  /** `find`'s answers, by kind, name and namespace (nested maps: no key text to build per call). */
  private readonly found = new Map<string, Map<string, Map<string | undefined, any>>>();
  private readonly memos = new Map<string, Map<string, unknown>>();

  constructor(manifests: ReadonlyArray<any>) {
    for (const manifest of manifests) {
      const { name } = metadataOf(manifest);
      if (typeof manifest?.kind !== 'string' || name === undefined) {
        continue;
      }
      const key = `${manifest.kind}/${name}`;
      const list = this.byKindAndName.get(key) ?? [];
      list.push(manifest);
      this.byKindAndName.set(key, list);
      const ofKind = this.byKind.get(manifest.kind) ?? [];
      ofKind.push(manifest);
      this.byKind.set(manifest.kind, ofKind);
    }
  }

  /** The FlinkSessionJobs that name a deployment, in input order (grouped once per run). */
  public sessionJobsOf(deploymentName: string): any[] {
    if (this.sessionJobs === undefined) {
      this.sessionJobs = new Map();
      for (const job of this.ofKind('FlinkSessionJob')) {
        const target = job.spec?.deploymentName;
        if (typeof target === 'string') {
          const jobs = this.sessionJobs.get(target);
          if (jobs === undefined) {
            this.sessionJobs.set(target, [job]);
          } else {
            jobs.push(job);
          }
        }
      }
    }
    return this.sessionJobs.get(deploymentName) ?? [];
  }

  /**
   * The manifest of a kind and name in a namespace. A manifest without a namespace matches
   * any namespace (it lands wherever it is applied) when it is the only candidate.
   */
  public find(kind: string, name: string, namespace: string | undefined): any | undefined {
    let byName = this.found.get(kind);
    if (byName === undefined) {
      byName = new Map();
      this.found.set(kind, byName);
    }
    let byNamespace = byName.get(name);
    if (byNamespace === undefined) {
      byNamespace = new Map();
      byName.set(name, byNamespace);
    }
    return cached(byNamespace, namespace, () => this.lookUp(kind, name, namespace));
  }

  private lookUp(kind: string, name: string, namespace: string | undefined): any | undefined {
    const candidates = this.byKindAndName.get(`${kind}/${name}`) ?? [];
    const exact = candidates.find((m) => metadataOf(m).namespace === namespace);
    if (exact !== undefined) {
      return exact;
    }
    const loose = candidates.filter((m) => namespace === undefined || metadataOf(m).namespace === undefined);
    return loose.length === 1 ? loose[0] : undefined;
  }

  /** Every manifest of a kind, in input order. */
  public ofKind(kind: string): any[] {
    return this.byKind.get(kind) ?? [];
  }

  /** A value computed once per run for a key (e.g. `what` 'jar-uri', the check of a jar URI that many jobs share). */
  public memo<T>(what: string, key: string, compute: () => T): T {
    let values = this.memos.get(what);
    if (values === undefined) {
      values = new Map();
      this.memos.set(what, values);
    }
    return cached(values, key, compute);
  }

  /**
   * A value computed from an object of this run's manifests (a cluster's spec) and kept for the
   * run: the 99 session jobs of a cluster share its configuration and pods. No rule changes a
   * manifest, so a value cannot go stale within the run.
   */
  public peek<T>(of: object, what: string): T | undefined {
    return this.derivedValues.get(of)?.get(what) as T | undefined;
  }

  /** See `peek`: computes the value when it is not there yet, and keeps it for the run. */
  public derived<T>(of: object, what: string, compute: () => T): T {
    let values = this.derivedValues.get(of);
    if (values === undefined) {
      values = new Map();
      this.derivedValues.set(of, values);
    }
    return cached(values, what, compute);
  }
}

/** The context of one manifest's checks. */
export class RuleContext {
  public readonly kind: string;
  public readonly name: string;
  /** The resource as messages name it, e.g. `FlinkSessionJob 'orders'` (a blue/green template: its deployment). */
  public readonly subject: string;
  public readonly namespace?: string;
  private effective?: EffectiveConfiguration;
  private ownShared?: WeakMap<object, Map<string, unknown>>;
  private perManifestValues?: Map<string, unknown>;

  constructor(
    public readonly manifest: any,
    public readonly index: ManifestIndex,
    public readonly settings: Settings,
    private readonly findings: Finding[],
    subject?: string,
  ) {
    const { name, namespace } = metadataOf(manifest);
    this.kind = String(manifest?.kind);
    this.name = name ?? '<unnamed>';
    this.subject = subject ?? `${this.kind} '${this.name}'`;
    this.namespace = namespace;
  }

  /** `spec`, or an empty object when the manifest has none. */
  public get spec(): any {
    const spec = this.manifest?.spec;
    return spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? spec : {};
  }

  /**
   * The operator's default configuration with this resource's flinkConfiguration laid over it,
   * read as the resource's `spec.flinkVersion` reads it.
   */
  public get config(): EffectiveConfiguration {
    if (this.effective === undefined) {
      this.effective = deploymentConfiguration(this.settings.operatorConfiguration, this.spec, this.settings.operatorVersion);
    }
    return this.effective;
  }

  /**
   * A FlinkDeployment spec's configuration (the operator's defaults with its flinkConfiguration
   * laid over them), computed once per run for each spec.
   */
  public clusterConfiguration(clusterSpec: any): EffectiveConfiguration {
    if (clusterSpec === this.manifest?.spec && this.kind === 'FlinkDeployment') {
      return this.config;
    }
    return this.shared(clusterSpec, 'configuration',
      () => deploymentConfiguration(this.settings.operatorConfiguration, clusterSpec, this.settings.operatorVersion));
  }

  /**
   * A value computed from a cluster's spec (its pods, its plugins), shared by the checks that ask
   * for it: kept for the whole run when a session job asks (the cluster's other jobs will ask
   * again), and only while this manifest is checked otherwise, so that a run over 50,000
   * FlinkDeployments keeps no copy of each one's configuration.
   */
  public shared<T>(clusterSpec: any, what: string, compute: () => T): T {
    if (clusterSpec === null || typeof clusterSpec !== 'object') {
      return compute();
    }
    if (this.kind === 'FlinkSessionJob') {
      return this.index.derived(clusterSpec, what, compute);
    }
    this.ownShared ??= new WeakMap();
    let values = this.ownShared.get(clusterSpec);
    if (values === undefined) {
      values = new Map();
      this.ownShared.set(clusterSpec, values);
    }
    if (!values.has(what)) {
      values.set(what, this.index.peek(clusterSpec, what) ?? compute());
    }
    return values.get(what) as T;
  }

  /** A value computed once for this manifest's checks, for the rules that all ask for it. */
  public perManifest<T>(what: string, compute: () => T): T {
    this.perManifestValues ??= new Map();
    return cached(this.perManifestValues, what, compute);
  }

  /**
   * This session job's configuration as the operator merges it: its cluster's configuration (the
   * operator's defaults and the cluster's flinkConfiguration, computed once per run) with the
   * job's own flinkConfiguration laid over it. (`mergedSessionJobConfiguration` merges the same
   * from scratch, outside a rule run.)
   */
  public mergedJobConfiguration(clusterSpec: any): EffectiveConfiguration {
    const cluster = this.clusterConfiguration(clusterSpec);
    const own = flattenConfiguration(this.spec.flinkConfiguration);
    return own.size === 0 ? cluster : EffectiveConfiguration.merge(cluster.version, cluster.entries, own).forOperator(cluster.operator);
  }

  /**
   * What this session job and its cluster write themselves: the cluster's flinkConfiguration with
   * the job's laid over it, without the operator's defaults.
   */
  public ownSessionJobEntries(clusterSpec: any): ReadonlyMap<string, string> {
    const cluster = clusterSpec !== null && typeof clusterSpec === 'object'
      ? this.shared(clusterSpec, 'own configuration', () => flattenConfiguration(clusterSpec.flinkConfiguration))
      : new Map<string, string>();
    const own = flattenConfiguration(this.spec.flinkConfiguration);
    return own.size === 0 ? cluster : new Map([...cluster, ...own]);
  }

  /**
   * What will run for a FlinkDeployment manifest (this one, or a session job's cluster): the
   * configuration the operator builds, what Flink reads of it, and the facts derived from them
   * (see model/deployment-model.ts; computed once per run for a session job's cluster).
   */
  public modelOf(deployment: any): DeploymentModel {
    if (deployment === this.manifest) {
      // A session cluster's jobs ask for its model too: kept for the run then, so that it is built once.
      const spec = deployment?.spec;
      const jobsAsk = this.kind === 'FlinkDeployment' && spec !== null && typeof spec === 'object' && this.index.sessionJobsOf(this.name).length > 0;
      return jobsAsk
        ? this.index.derived(spec, 'model', () => DeploymentModel.of(this.settings.operatorConfiguration, deployment))
        : this.perManifest('model', () => DeploymentModel.of(this.settings.operatorConfiguration, deployment));
    }
    return this.shared(deployment?.spec, 'model', () => DeploymentModel.of(this.settings.operatorConfiguration, deployment));
  }

  /** The JobManager and TaskManager pods of a FlinkDeployment spec (see `shared`). */
  public podsOf(clusterSpec: any): { jobManager: FlinkPod; taskManager: FlinkPod } {
    return this.shared(clusterSpec, 'pods', () => flinkPods(clusterSpec, this.clusterConfiguration(clusterSpec)));
  }

  public report(rule: RuleId, path: string, message: string, severity: Severity = RULES[rule].severity): void {
    const id = rule as string as ValidationRule;
    this.findings.push({ rule: id, severity, kind: this.kind, name: this.name, namespace: this.namespace, path, message });
  }

  /**
   * Runs checks on a manifest embedded in this one (a blue/green template), reporting its
   * findings against this manifest, with `pathPrefix` before their paths.
   */
  public forTemplate(embedded: any, pathPrefix: string, check: (context: RuleContext) => void): void {
    const collected: Finding[] = [];
    check(new RuleContext(embedded, this.index, this.settings, collected, this.subject));
    for (const finding of collected) {
      const path = finding.path.startsWith('spec') ? `${pathPrefix}${finding.path}` : finding.path;
      this.findings.push({ ...finding, kind: this.kind, name: this.name, namespace: this.namespace, path, message: `In the blue/green template: ${finding.message}` });
    }
  }
}
