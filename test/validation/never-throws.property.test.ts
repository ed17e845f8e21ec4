/**
 * Property: `FlinkValidator.validate` returns findings for any input and never throws; so does
 * `FlinkValidator.explain` with explanations.
 *
 * At least 10,000 random cases: manifests that look like Flink resources with random values in
 * random places (deep, circular, BigInt, throwing getters, Proxies, control characters), random
 * other values as manifests, and random options. A failure prints fast-check's seed and path;
 * re-run one with FC_SEED=<seed> (and FC_PATH=<path>).
 */
import * as fc from 'fast-check';
import { APPLICATION, JOB_RBAC, SESSION_CLUSTER, SESSION_JOB, SNAPSHOT, STATEFUL_APPLICATION, BLUE_GREEN } from './fixtures';
import { Finding, FlinkValidator, Severity } from '../../src';

const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
const RUNS = Math.max(10_000, Number(process.env.FC_RUNS ?? 10_000));

const BASES = [APPLICATION, SESSION_CLUSTER, SESSION_JOB, SNAPSHOT, STATEFUL_APPLICATION, BLUE_GREEN];

/**
 * Hostile values are generated as recipes and built inside the property: fast-check itself reads
 * the values it generates, and a throwing getter or a revoked Proxy would stop it there.
 */
class Hostile {
  constructor(public readonly recipe: string, public readonly depth = 0) {}

  public build(): unknown {
    switch (this.recipe) {
      case 'deep': {
        let value: any = 'leaf';
        for (let i = 0; i < this.depth; i++) {
          value = this.depth % 2 === 0 ? [value] : { a: value };
        }
        return value;
      }
      case 'circular': {
        const loop: any = { a: 1 };
        loop.self = loop;
        return loop;
      }
      case 'getter':
        return Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('getter'); } });
      case 'ownKeys':
        return new Proxy({}, { ownKeys: () => { throw new Error('ownKeys'); } });
      case 'get':
        return new Proxy([], { get: () => { throw new Error('get'); } });
      case 'revoked': {
        const revocable = Proxy.revocable({}, {});
        revocable.revoke();
        return revocable.proxy;
      }
      case 'toJSON':
        return { toJSON: () => { throw new Error('toJSON'); } };
      case 'symbol':
        return Symbol('s');
      default:
        return () => 'function';
    }
  }
}

/** The input with every Hostile recipe built. */
function build(value: unknown): unknown {
  if (value instanceof Hostile) {
    return value.build();
  }
  if (Array.isArray(value)) {
    return value.map(build);
  }
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const result: any = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(result, key, { value: build((value as any)[key]), enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return value;
}

const hostileArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.bigInt(),
  fc.integer({ min: 100, max: 5000 }).map((depth) => new Hostile('deep', depth)),
  fc.constantFrom('circular', 'getter', 'ownKeys', 'get', 'revoked', 'toJSON', 'symbol', 'function').map((recipe) => new Hostile(recipe)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('1.5Gi', '-1', 'x\n0 manifests checked\u001b[2K', '1e400', ' x' + ' '.repeat(50) + 'x', '0.0.0.0', 'https://[::1]/a.jar'),
);

const anyValueArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
      maxDepth: 3,
    }),
    weight: 3,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
  { arbitrary: hostileArb, weight: 2 },
);

/** Paths into a Flink manifest where a random value lands. */
const PATHS = [
  [], ['metadata'], ['metadata', 'name'], ['metadata', 'namespace'], ['metadata', 'labels'], ['kind'], ['apiVersion'], ['spec'],
  ['spec', 'flinkVersion'], ['spec', 'flinkConfiguration'], ['spec', 'flinkConfiguration', 'job.autoscaler.enabled'],
  ['spec', 'flinkConfiguration', 'job.autoscaler.excluded.periods'], ['spec', 'flinkConfiguration', 'taskmanager.numberOfTaskSlots'],
  ['spec', 'job'], ['spec', 'job', 'jarURI'], ['spec', 'job', 'parallelism'], ['spec', 'job', 'upgradeMode'], ['spec', 'deploymentName'],
  ['spec', 'taskManager', 'resource', 'memory'], ['spec', 'jobManager', 'replicas'], ['spec', 'podTemplate'], ['spec', 'ingress'],
  ['spec', 'template'], ['spec', 'template', 'spec'], ['spec', 'jobReference'], ['spec', 'savepoint'], ['status'],
  ['status', 'reconciliationStatus', 'lastReconciledSpec'],
];

function withValue(base: any, path: string[], value: unknown): unknown {
  if (path.length === 0) {
    return value;
  }
  const copy: any = JSON.parse(JSON.stringify(base));
  let target = copy;
  for (const key of path.slice(0, -1)) {
    if (target[key] === null || typeof target[key] !== 'object') {
      target[key] = {};
    }
    target = target[key];
  }
  target[path[path.length - 1]] = value;
  return copy;
}

const manifestArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.tuple(fc.constantFrom(...BASES), fc.constantFrom(...PATHS), anyValueArb).map(([base, path, value]) => withValue(base, path, value)),
    weight: 8,
  },
  { arbitrary: fc.constantFrom(...BASES, ...JOB_RBAC), weight: 1 },
  { arbitrary: anyValueArb, weight: 1 },
);

const optionsArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  {
    arbitrary: fc.record({
      allowedJarSchemes: fc.oneof(fc.constant('https,s3'), fc.constant('https'), fc.array(fc.string()), anyValueArb),
      disallowRestrictedHosts: fc.oneof(fc.boolean(), fc.constant('false'), anyValueArb),
      operatorConfiguration: fc.oneof(fc.dictionary(fc.string(), fc.string()), anyValueArb),
      previousManifests: fc.oneof(fc.array(manifestArb, { maxLength: 3 }), anyValueArb),
      allowedRemovals: fc.oneof(fc.array(fc.string()), anyValueArb),
    }, { requiredKeys: [] }),
    weight: 6,
  },
  { arbitrary: anyValueArb, weight: 1 },
);

const inputArb = fc.tuple(
  fc.oneof({ arbitrary: fc.array(manifestArb, { maxLength: 4 }), weight: 9 }, { arbitrary: anyValueArb, weight: 1 }),
  optionsArb,
);

function isFinding(value: Finding): boolean {
  return typeof value.rule === 'string' && (value.severity === Severity.ERROR || value.severity === Severity.WARNING)
    && typeof value.kind === 'string' && typeof value.name === 'string' && typeof value.path === 'string' && typeof value.message === 'string';
}

test(`validate never throws and always answers with findings (${RUNS.toLocaleString('en-US')} random inputs)`, () => {
  const details = fc.check(fc.property(inputArb, (input) => {
    const [manifests, options] = build(input) as [any, any];
    const findings = FlinkValidator.validate(manifests, options);
    if (!Array.isArray(findings) || !findings.every(isFinding)) {
      throw new Error(`not a list of findings: ${JSON.stringify(findings)?.slice(0, 200)}`);
    }
    // Every finding formats to one line of text.
    for (const finding of findings) {
      FlinkValidator.format(finding);
    }
  }), { numRuns: RUNS, seed: SEED, path: process.env.FC_PATH });
  if (details.failed) {
    throw new Error(`Property failed with seed ${details.seed} (re-run with FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath}):\n${fc.defaultReportMessage(details)}`);
  }
  expect(details.numRuns).toBeGreaterThanOrEqual(10_000);
}, 120_000);

test(`explain never throws and answers with JSON-serializable explanations (${RUNS.toLocaleString('en-US')} random inputs)`, () => {
  const details = fc.check(fc.property(inputArb, (input) => {
    const [manifests, options] = build(input) as [any, any];
    const explanations = FlinkValidator.explain(manifests, options);
    if (!Array.isArray(explanations) || !explanations.every((e) => typeof e.kind === 'string' && Array.isArray(e.configuration))) {
      throw new Error(`not a list of explanations: ${JSON.stringify(explanations)?.slice(0, 200)}`);
    }
    JSON.stringify(explanations);
  }), { numRuns: RUNS, seed: SEED, path: process.env.FC_PATH });
  if (details.failed) {
    throw new Error(`Property failed with seed ${details.seed} (re-run with FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath}):\n${fc.defaultReportMessage(details)}`);
  }
  expect(details.numRuns).toBeGreaterThanOrEqual(10_000);
}, 120_000);
