/**
 * Property-based tests (fast-check).
 *
 * 1. Random construct props either raise a clear error that names a prop (or lists findings
 *    with their rules), or synthesize manifests that pass both the engine and the strict schema
 *    oracle. Never a TypeError, never silent bad YAML.
 * 2. On random mutations of valid manifests, the engine's schema rule and the independent
 *    schema oracle (ajv over the raw CRD) agree.
 */
import { App, Chart, Size } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { APPLICATION, patched, SESSION_JOB, SNAPSHOT } from './fixtures';
import {
  FlinkApplication,
  FlinkSessionCluster,
  FlinkValidator,
  FlinkVersion,
  JobJar,
  JobState,
  Severity,
  UpgradeMode,
  WebUiAuthentication,
} from '../../src';
import { crdSchemaErrors, isCustomKind } from '../support/crd-schema';
import { k8sSchemaErrors } from '../support/k8s-schema';

const SEED = Number(process.env.FC_SEED ?? 20261125);
const RUNS = Number(process.env.FC_RUNS ?? 150);

const CONFIG_KEYS = [
  'kubernetes.namespace', 'high-availability.type', 'high-availability.storageDir', 'execution.checkpointing.dir',
  'execution.checkpointing.savepoint-dir', 'state.checkpoints.dir', 'rest.port', 'web.submit.enable',
  'kubernetes.operator.deployment.rollback.enabled', 'kubernetes.operator.periodic.savepoint.interval',
  'job.autoscaler.enabled', 'job.autoscaler.utilization.target', 'taskmanager.numberOfTaskSlots', 'pipeline.name',
];
const CONFIG_VALUES = ['true', 'false', 'kubernetes', 's3://bucket/path', '8081', '0.5', '2', 'abc', '', '1h'];
const HOSTS = ['repo1.maven.org', 'localhost', '127.0.0.1', '10.0.0.8', '203.0.113.5', 'my_host.example.com'];

/** Mostly valid values, sometimes invalid ones: valid samples must synthesize, invalid ones must be refused clearly. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });
}

const versionArb = mostly<any>(
  fc.constantFrom(FlinkVersion.V1_15, FlinkVersion.V1_17, FlinkVersion.V1_20, FlinkVersion.V2_0, FlinkVersion.V2_2),
  fc.oneof(fc.constant(FlinkVersion.of('v1_13')), fc.string({ maxLength: 6 }).map((text) => ({ lazyVersion: text }))),
);
const optionalCount = (min: number, max: number, bad: number) => mostly(fc.option(fc.integer({ min, max }), { nil: undefined }), fc.constant(bad));

const jobArb = fc.record({
  jar: mostly<any>(
    fc.constant({ url: 'https://repo1.maven.org/maven2/org/example/job.jar' }),
    fc.oneof(
      fc.constantFrom(...HOSTS).map((host) => ({ url: `https://${host}/job.jar` })),
      fc.constant({ local: '/opt/flink/usrlib/job.jar' }),
      fc.string({ maxLength: 12 }).map((url) => ({ url })),
    ),
  ),
  parallelism: optionalCount(1, 8, 0),
  upgradeMode: mostly(
    fc.option(fc.constant(UpgradeMode.STATELESS), { nil: undefined }),
    fc.constantFrom(UpgradeMode.SAVEPOINT, UpgradeMode.LAST_STATE),
  ),
  state: fc.option(fc.constantFrom(...Object.values(JobState)), { nil: undefined }),
  entryClass: mostly(fc.option(fc.constant('org.example.Job'), { nil: undefined }), fc.constant('not a class')),
});

const clusterArb = fc.record({
  application: fc.boolean(),
  name: fc.option(mostly(fc.stringMatching(/^[a-z][a-z0-9]{0,20}(-[a-z0-9]{1,8})?$/), fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{44,50}$/), fc.string({ maxLength: 10 }))), { nil: undefined }),
  version: versionArb,
  jobManager: fc.record({
    cpu: mostly(fc.option(fc.double({ min: 0.1, max: 4, noNaN: true }), { nil: undefined }), fc.constantFrom(0, -1)),
    memory: mostly(fc.option(fc.integer({ min: 512, max: 8192 }), { nil: undefined }), fc.constant(0)),
    replicas: mostly(fc.option(fc.constant(1), { nil: undefined }), fc.constantFrom(0, 2)),
  }),
  taskManager: fc.record({
    cpu: mostly(fc.option(fc.double({ min: 0.1, max: 4, noNaN: true }), { nil: undefined }), fc.constant(-1)),
    memory: mostly(fc.option(fc.integer({ min: 512, max: 8192 }), { nil: undefined }), fc.constant(0)),
    replicas: optionalCount(1, 4, 0),
    slots: optionalCount(1, 8, -1),
  }),
  flinkConfiguration: mostly(
    fc.dictionary(fc.constantFrom('pipeline.name', 'taskmanager.numberOfTaskSlots', 'rest.port'), fc.constantFrom('2', '8081'), { maxKeys: 2 }),
    fc.dictionary(fc.constantFrom(...CONFIG_KEYS), fc.constantFrom(...CONFIG_VALUES), { maxKeys: 4 }),
  ),
  existingAccount: fc.boolean(),
  jobs: fc.array(jobArb, { maxLength: 2 }),
  exposure: fc.option(fc.record({
    host: mostly(fc.constant<string | undefined>('flink.example.com'), fc.constantFrom('Bad Host', undefined)),
    path: fc.option(mostly(fc.constantFrom('/', '/flink'), fc.constantFrom('/a b', '/a/../b')), { nil: undefined }),
    ingressClassName: mostly(fc.constant<string | undefined>('nginx'), fc.constantFrom('traefik', undefined)),
    authenticated: mostly(fc.constant(true), fc.constant(false)),
    allowUnauthenticatedAccess: fc.boolean(),
  }), { nil: undefined }),
});

type ClusterSample = typeof clusterArb extends fc.Arbitrary<infer T> ? T : never;

function build(sample: ClusterSample): App {
  const app = new App({ outdir: '/tmp/cdk8s-flink-properties' });
  app.node.setContext('cdk8s-flink:print-warnings', false);
  const chart = new Chart(app, 'p', { namespace: 'flink' });
  const flinkVersion = 'lazyVersion' in sample.version ? FlinkVersion.of((sample.version as any).lazyVersion) : sample.version as FlinkVersion;
  const mb = (n: number | undefined) => (n === undefined ? undefined : Size.mebibytes(n));
  const jar = (spec: any) => ('local' in spec ? JobJar.fromLocal(spec.local) : JobJar.fromUri(spec.url));
  const common = {
    metadata: sample.name === undefined ? undefined : { name: sample.name },
    flinkVersion,
    jobManager: { ...sample.jobManager, memory: mb(sample.jobManager.memory) },
    taskManager: { ...sample.taskManager, memory: mb(sample.taskManager.memory) },
    flinkConfiguration: sample.flinkConfiguration,
    serviceAccount: sample.existingAccount ? ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink') : undefined,
  };
  const jobOptions = (job: ClusterSample['jobs'][number]) => ({
    jar: jar(job.jar), parallelism: job.parallelism, upgradeMode: job.upgradeMode, state: job.state, entryClass: job.entryClass,
  });
  let cluster;
  if (sample.application && sample.jobs.length > 0) {
    cluster = new FlinkApplication(chart, 'Cluster', { ...common, ...jobOptions(sample.jobs[0]) });
  } else {
    const session = new FlinkSessionCluster(chart, 'Cluster', common);
    sample.jobs.forEach((job, index) => session.addJob(`Job${index}`, jobOptions(job)));
    cluster = session;
  }
  if (sample.exposure) {
    cluster.exposeWebUi({
      host: sample.exposure.host,
      path: sample.exposure.path,
      ingressClassName: sample.exposure.ingressClassName,
      authentication: sample.exposure.authenticated ? WebUiAuthentication.basicAuth('auth') : undefined,
      allowUnauthenticatedAccess: sample.exposure.allowUnauthenticatedAccess,
    });
  }
  return app;
}

/** A clear error names a prop or key in quotes, or lists findings with their rule ids. */
const CLEAR_ERROR = /'[^']+'|\[[a-z-]+\]/;

describe('random construct props', () => {
  test('raise a clear error, or synthesize manifests valid for the engine and the schemas', () => {
    const coreObjects: any[] = [];
    let synthesized = 0;
    let refused = 0;
    fc.assert(fc.property(clusterArb, (sample) => {
      let manifests: any[];
      try {
        const app = build(sample);
        manifests = app.charts.flatMap((chart) => chart.toJson());
      } catch (error) {
        refused++;
        expect(error).toBeInstanceOf(Error);
        expect(error).not.toBeInstanceOf(TypeError);
        expect(error).not.toBeInstanceOf(RangeError);
        expect((error as Error).message).toMatch(CLEAR_ERROR);
        expect((error as Error).message).not.toMatch(/undefined|is not a function|Cannot read prop/);
        return;
      }
      synthesized++;
      const errors = FlinkValidator.validate(manifests).filter((f) => f.severity === Severity.ERROR);
      expect(errors).toEqual([]);
      for (const manifest of manifests) {
        if (isCustomKind(manifest.kind)) {
          expect(crdSchemaErrors(manifest)).toEqual([]);
        } else {
          coreObjects.push(manifest);
        }
      }
    }), { seed: SEED, numRuns: RUNS });
    expect(synthesized).toBeGreaterThan(RUNS / 10);
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(k8sSchemaErrors(coreObjects).filter((e) => e !== undefined)).toEqual([]);
  }, 120_000);
});

/** Paths of a manifest's object and value nodes, for mutation. */
function nodePaths(value: any, prefix: string[] = []): string[][] {
  const result: string[][] = [prefix];
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      result.push(...nodePaths(child, [...prefix, key]));
    }
  }
  return result;
}

function mutate(manifest: any, path: string[], mutation: { kind: 'field'; name: string; value: unknown } | { kind: 'replace'; value: unknown }): any {
  const copy = patched(manifest);
  if (path.length === 0) {
    return copy;
  }
  let parent = copy;
  for (const key of path.slice(0, -1)) {
    parent = parent[key];
  }
  const last = path[path.length - 1];
  if (mutation.kind === 'replace') {
    parent[last] = mutation.value;
  } else if (parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) {
    parent[last][mutation.name] = mutation.value;
  }
  return copy;
}

/**
 * What the API server validates: a null in a map field that is not nullable is pruned first
 * (no field of the operator's CRDs is nullable), so the oracle sees the manifest without it.
 */
function prunedNulls(value: any): any {
  if (Array.isArray(value)) {
    return value.map(prunedNulls);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, child]) => child !== null).map(([key, child]) => [key, prunedNulls(child)]));
  }
  return value;
}

describe('the engine schema rule and the schema oracle agree', () => {
  const BASES = [
    patched(APPLICATION, { spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', ports: [{ containerPort: 9249 }], resources: { limits: { cpu: '1' } } }] } } } }),
    SESSION_JOB,
    SNAPSHOT,
  ];
  const scalar = fc.oneof(
    fc.string({ maxLength: 5 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(), fc.constant(null), fc.constant({}), fc.constant([]),
  );

  test.each(BASES.map((base) => [base.kind, base]))('on random mutations of a %s', (_kind, base) => {
    const paths = nodePaths(base).filter((p) => p.length > 0 && p[0] !== 'apiVersion' && p[0] !== 'kind' && p[0] !== 'metadata');
    const mutationArb = fc.record({
      path: fc.constantFrom(...paths),
      mutation: fc.oneof(
        fc.record({ kind: fc.constant('field' as const), name: fc.constantFrom('extra', 'upgradMode', 'jarUri', 'Parallelism'), value: scalar }),
        fc.record({ kind: fc.constant('replace' as const), value: scalar }),
      ),
    });
    fc.assert(fc.property(mutationArb, ({ path, mutation }) => {
      const manifest = mutate(base, path, mutation);
      const engine = FlinkValidator.validate([manifest]).filter((f) => f.rule === 'crd-schema').length > 0;
      const oracle = crdSchemaErrors(prunedNulls(manifest)).length > 0;
      expect({ path: path.join('.'), engine }).toEqual({ path: path.join('.'), engine: oracle });
    }), { seed: SEED, numRuns: RUNS * 2 });
  });
});
