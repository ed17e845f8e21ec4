/**
 * Property: a synth is never stale. An app is built by random steps, with synths in between, all
 * in one synchronous run (one tick); after each synth, the YAML and the findings (the errors that
 * fail it, the warnings it prints) equal those of a fresh app built by the same steps and
 * synthesized once.
 *
 * The steps are what users do between two synths: add any kind of API object (ours, plain
 * `ApiObject`s, cdk8s-plus objects), JSON patches on ours and on plain objects, cdk8s-plus
 * mutators, and our own methods. A failure prints fast-check's seed and path; re-run one with
 * FC_SEED=<seed> (and FC_PATH=<path>).
 */
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { FlinkSessionCluster, FlinkVersion, JobJar, PropError, UpgradeMode, WebUiAuthentication } from '../src';

const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
const RUNS = Math.max(1_000, Number(process.env.FC_RUNS ?? 1_000));
const JAR = 'https://repo1.maven.org/maven2/org/example/job.jar';
const AUTH_URL = 'nginx.ingress.kubernetes.io/auth-url';

type Step =
  | { readonly kind: 'chart' }
  | { readonly kind: 'cluster'; readonly chart: number; readonly existingAccount: boolean }
  | { readonly kind: 'job'; readonly cluster: number; readonly parallelism: number; readonly stateful: boolean }
  | { readonly kind: 'configuration'; readonly cluster: number; readonly key: string; readonly value: string }
  | { readonly kind: 'expose'; readonly cluster: number; readonly authenticated: boolean }
  | { readonly kind: 'ingress'; readonly chart: number; readonly cluster: number; readonly authenticated: boolean }
  | { readonly kind: 'patch-ingress'; readonly ingress: number; readonly authenticated: boolean }
  | { readonly kind: 'patch-cluster'; readonly cluster: number; readonly key: string; readonly value: string }
  | { readonly kind: 'namespace'; readonly level: string }
  | { readonly kind: 'role'; readonly chart: number }
  | { readonly kind: 'role-allow'; readonly role: number; readonly resources: number }
  | { readonly kind: 'synth' };

/** Keys and values that change findings: a heartbeat error, a checkpoint directory, web submission. */
const CONFIGURATION: ReadonlyArray<readonly [string, string]> = [
  ['heartbeat.interval', '60000'],
  ['heartbeat.timeout', '30000'],
  ['execution.checkpointing.dir', 's3://bucket/checkpoints'],
  ['execution.checkpointing.interval', '1 min'],
  ['web.submit.enable', 'false'],
  ['pipeline.name', 'x'],
];

const index = fc.nat({ max: 3 });
const configuration = fc.constantFrom(...CONFIGURATION);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'chart' }),
  fc.record({ kind: fc.constant('cluster' as const), chart: index, existingAccount: fc.boolean() }),
  fc.record({ kind: fc.constant('job' as const), cluster: index, parallelism: fc.integer({ min: 0, max: 3 }), stateful: fc.boolean() }),
  configuration.chain(([key, value]) => fc.record({ kind: fc.constant('configuration' as const), cluster: index, key: fc.constant(key), value: fc.constant(value) })),
  fc.record({ kind: fc.constant('expose' as const), cluster: index, authenticated: fc.boolean() }),
  fc.record({ kind: fc.constant('ingress' as const), chart: index, cluster: index, authenticated: fc.boolean() }),
  fc.record({ kind: fc.constant('patch-ingress' as const), ingress: index, authenticated: fc.boolean() }),
  configuration.chain(([key, value]) => fc.record({ kind: fc.constant('patch-cluster' as const), cluster: index, key: fc.constant(key), value: fc.constant(value) })),
  fc.record({ kind: fc.constant('namespace' as const), level: fc.constantFrom('restricted', 'baseline', 'privileged') }),
  fc.record({ kind: fc.constant('role' as const), chart: index }),
  fc.record({ kind: fc.constant('role-allow' as const), role: index, resources: fc.nat({ max: 2 }) }),
  fc.constant<Step>({ kind: 'synth' }),
  fc.constant<Step>({ kind: 'synth' }),
);

/** An app and what the steps made in it, so that later steps can refer to it. */
class World {
  public readonly app = new App({ outdir: '/tmp/cdk8s-flink-synth-session' });
  private readonly charts: Chart[] = [];
  private readonly clusters: FlinkSessionCluster[] = [];
  private readonly ingresses: ApiObject[] = [];
  private readonly roles: kplus.Role[] = [];
  private count = 0;

  constructor() {
    this.charts.push(new Chart(this.app, 'c0', { namespace: 'flink' }));
  }

  /** Takes a step; what a construct refuses at construction is refused alike in every world. */
  public take(step: Step): void {
    try {
      this.apply(step);
    } catch (error) {
      // A refusal (a PropError) is part of the steps; any other error is a bug of the test or the library.
      if (!PropError.isPropError(error)) {
        throw error;
      }
    }
  }

  private apply(step: Step): void {
    const id = `x${this.count++}`;
    const chart = (n: number) => this.charts[n % this.charts.length];
    const cluster = (n: number) => this.clusters[n % this.clusters.length] as FlinkSessionCluster | undefined;
    switch (step.kind) {
      case 'chart':
        this.charts.push(new Chart(this.app, id, { namespace: this.charts.length % 2 === 0 ? 'flink' : 'other' }));
        return;
      case 'cluster':
        this.clusters.push(new FlinkSessionCluster(chart(step.chart), id, {
          flinkVersion: FlinkVersion.V1_20,
          serviceAccount: step.existingAccount ? kplus.ServiceAccount.fromServiceAccountName(chart(step.chart), `${id}-sa`, 'flink') : undefined,
        }));
        return;
      case 'job':
        cluster(step.cluster)?.addJob(id, {
          jar: JobJar.fromUri(JAR),
          parallelism: step.parallelism === 0 ? undefined : step.parallelism,
          upgradeMode: step.stateful ? UpgradeMode.SAVEPOINT : undefined,
        });
        return;
      case 'configuration':
        cluster(step.cluster)?.addFlinkConfiguration(step.key, step.value);
        return;
      case 'expose':
        cluster(step.cluster)?.exposeWebUi(step.authenticated
          ? { ingressClassName: 'nginx', authentication: WebUiAuthentication.externalAuth('https://auth.example.com/check') }
          : { ingressClassName: 'nginx' });
        return;
      case 'ingress': {
        const target = cluster(step.cluster);
        if (target === undefined) {
          return;
        }
        this.ingresses.push(new ApiObject(chart(step.chart), id, {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'Ingress',
          metadata: { name: `${target.name}-ui-${id}`, annotations: step.authenticated ? { [AUTH_URL]: 'https://auth.example.com/check' } : undefined },
          spec: {
            ingressClassName: 'nginx',
            rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: target.restServiceName, port: { number: 8081 } } } }] } }],
          },
        }));
        return;
      }
      case 'patch-ingress': {
        const ingress = this.ingresses[step.ingress % Math.max(1, this.ingresses.length)];
        ingress?.addJsonPatch(step.authenticated
          ? JsonPatch.add('/metadata/annotations', { [AUTH_URL]: 'https://auth.example.com/check' })
          : JsonPatch.add('/metadata/annotations', {}));
        return;
      }
      case 'patch-cluster': {
        const target = cluster(step.cluster);
        if (target !== undefined) {
          ApiObject.of(target).addJsonPatch(JsonPatch.add('/spec/flinkConfiguration', { [step.key]: step.value }));
        }
        return;
      }
      case 'namespace':
        new ApiObject(chart(0), id, {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'flink', labels: { 'pod-security.kubernetes.io/enforce': step.level } },
        });
        return;
      case 'role': {
        const role = new kplus.Role(chart(step.chart), id);
        role.bind(kplus.ServiceAccount.fromServiceAccountName(chart(step.chart), `${id}-sa`, 'flink'));
        this.roles.push(role);
        return;
      }
      case 'role-allow': {
        const role = this.roles[step.role % Math.max(1, this.roles.length)];
        const resources = [
          [kplus.ApiResource.PODS, kplus.ApiResource.CONFIG_MAPS],
          [kplus.ApiResource.DEPLOYMENTS],
          [kplus.ApiResource.custom({ apiGroup: 'apps', resourceType: 'deployments/finalizers' })],
        ][step.resources];
        role?.allow(['*'], ...resources);
        return;
      }
      case 'synth':
        return;
    }
  }
}

interface Synthesized {
  readonly yaml?: string;
  readonly error?: string;
  readonly warnings: string[];
}

/** Synthesizes the app: the YAML, or the error that fails the synth, and the warnings printed. */
function synthesize(app: App): Synthesized {
  const warnings: string[] = [];
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
    warnings.push(String(chunk));
    return true;
  });
  try {
    return { yaml: app.synthYaml(), warnings };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), warnings };
  } finally {
    write.mockRestore();
  }
}

describe('a synth is never stale', () => {
  test(`after every synth, YAML and findings equal a fresh app's built by the same steps (${RUNS} runs)`, () => {
    let synths = 0;
    let failedSynths = 0;
    const details = fc.check(fc.property(fc.array(stepArb, { minLength: 2, maxLength: 20, size: 'max' }), (taken) => {
      const steps: Step[] = [...taken, { kind: 'synth' }];
      // The live app first, alone: nothing else runs between its steps and synths, as in an app.
      const live = new World();
      const synthesized: Array<{ readonly position: number; readonly result: Synthesized }> = [];
      steps.forEach((step, position) => {
        if (step.kind === 'synth') {
          synthesized.push({ position, result: synthesize(live.app) });
        } else {
          live.take(step);
        }
      });
      // Then, for each synth, a fresh app built by the steps before it.
      for (const { position, result } of synthesized) {
        const fresh = new World();
        steps.slice(0, position).filter((earlier) => earlier.kind !== 'synth').forEach((earlier) => fresh.take(earlier));
        expect(result).toEqual(synthesize(fresh.app));
        synths++;
        failedSynths += result.error === undefined ? 0 : 1;
      }
    }), { numRuns: RUNS, seed: SEED, path: process.env.FC_PATH });
    if (details.failed) {
      throw new Error(`${fc.defaultReportMessage(details)}\nRe-run with FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath}\n${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}`);
    }
    expect(details.numRuns).toBeGreaterThanOrEqual(1_000);
    // The steps reach both outcomes often: synths that pass and synths that fail.
    expect(synths).toBeGreaterThan(2 * RUNS);
    expect(failedSynths).toBeGreaterThan(synths / 20);
    expect(failedSynths).toBeLessThan(synths);
  });

  test('the example of issue 19: an Ingress added between two synths of one tick fails the second', () => {
    const app = new App({ outdir: '/tmp/cdk8s-flink-synth-session' });
    const chart = new Chart(app, 'c', { namespace: 'flink' });
    new FlinkSessionCluster(chart, 'S', { metadata: { name: 's' }, flinkVersion: FlinkVersion.V1_20 });
    expect(synthesize(app).error).toBeUndefined();
    new ApiObject(chart, 'ui', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 's-ui' },
      spec: { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's-rest', port: { number: 8081 } } } }] } }] },
    });
    expect(synthesize(app).error).toMatch(/\[web-ui-exposure\]/);
  });
});
