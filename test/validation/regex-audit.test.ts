/**
 * Every regular expression that reads user input stays linear: one adversarial input per
 * expression, of 100,000 to 1,000,000 characters, built to make a backtracking pattern
 * (nested or overlapping quantifiers) try every split. Each case must finish within its
 * timeout; the quadratic patterns this audit replaced took tens of seconds to minutes on these
 * inputs (`\d+\.?\d*` on 200,000 digits: about 80 s; `([A-Z]+)([A-Z][a-z])` on 200,000
 * capitals: about 35 s).
 *
 * A jest timeout cannot stop a synchronous test (the event loop is blocked until the regular
 * expression returns), so each case measures its own time against the same bound: far above
 * what the linear code needs (milliseconds), far below what the quadratic code took. It is a
 * guard against a hang, not a speed goal (those are in bench/).
 *
 * The cases go through the public API, so that they keep testing the same inputs when the code
 * moves. The list of expressions and their verdicts is in the report of issue 14 (see git log).
 */
import { App, Chart } from 'cdk8s';
import { APPLICATION, JOB_RBAC, patched, SESSION_CLUSTER, SESSION_JOB } from './fixtures';
import { FlinkSessionCluster, FlinkValidator, FlinkVersion } from '../../src';
import { main } from '../../src/cli/main';

const TIMEOUT_MS = 5_000;
const N = 200_000;

/** Runs `check`, and fails when it took longer than the bound. */
function bounded(check: () => void): void {
  const start = performance.now();
  check();
  expect(performance.now() - start).toBeLessThan(TIMEOUT_MS);
}

const config = (entries: { [key: string]: string }) => [patched(APPLICATION, { spec: { flinkConfiguration: entries } }), ...JOB_RBAC];
const autoscaler = (entries: { [key: string]: string }) => config({ 'job.autoscaler.enabled': 'true', ...entries });
const jar = (jarURI: string) => [patched(SESSION_JOB, { spec: { job: { jarURI } } }), SESSION_CLUSTER, ...JOB_RBAC];

/** [expression (where), input]: validated with FlinkValidator.validate. */
const MANIFEST_CASES: Array<[string, () => any[]]> = [
  ['Java double syntax ^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)... (validation/flink-config.ts), on a number option', () => autoscaler({ 'job.autoscaler.utilization.target': `${'1'.repeat(N)}x` })],
  ['Java double syntax, a long fraction', () => autoscaler({ 'job.autoscaler.utilization.target': `1.${'1'.repeat(N)}e` })],
  ['Java DECIMAL_FLOAT / HEX_FLOAT (private/jvm/java-numbers.ts)', () => autoscaler({ 'job.autoscaler.scale-up.max-factor': `0x${'f'.repeat(N)}p1fx` })],
  ['Flink duration ^(\\d+)\\s*([a-zA-Zµ]*)$ (validation/flink-config.ts)', () => config({ 'heartbeat.timeout': `${'1'.repeat(N / 2)}${' '.repeat(N / 2)}1` })],
  ['slot count ^\\s*\\d+\\s*$ (rules/capacity.ts)', () => config({ 'taskmanager.numberOfTaskSlots': `${' '.repeat(N / 2)}1${' '.repeat(N / 2)}x` })],
  ['jar URI HOSTNAME, labels (rules/jar-uri.ts)', () => jar(`https://${'a.'.repeat(N / 2)}-/job.jar`)],
  ['jar URI HOSTNAME, one long label', () => jar(`https://${'a'.repeat(N)}-/job.jar`)],
  ['jar URI IPv6 ^0*:(0*:)*0*1?$ and the zone (rules/jar-uri.ts)', () => jar(`https://[${'0:'.repeat(N / 2)}x%25${'25'.repeat(N / 4)}]/job.jar`)],
  ['jar URI port :\\d*$ (rules/jar-uri.ts)', () => jar(`https://host${':1'.repeat(N / 2)}x/job.jar`)],
  ['jar URI scheme ^[^/?#]*: and escapes (rules/jar-uri.ts)', () => jar(`${'a'.repeat(N)}%4`)],
  ['ingress template host ^[0-9a-fA-F:.]+(%.+)?$ (rules/deployment.ts)', () => [patched(APPLICATION, { spec: { ingress: { template: `http://[${'a'.repeat(N)}%${'x'.repeat(1000)}]/` } } }), ...JOB_RBAC]],
  ['ingress template scheme and placeholders (rules/deployment.ts)', () => [patched(APPLICATION, { spec: { ingress: { template: `${'{{name}}'.repeat(N / 8)}:/` } } }), ...JOB_RBAC]],
  ['resource name DNS-1123 subdomain (rules/resource-name.ts)', () => [patched(SESSION_JOB, { metadata: { name: `${'a-'.repeat(N / 2)}!` } }), SESSION_CLUSTER]],
  ['FlinkDeployment and blue/green name {0,43} (rules/deployment.ts, rules/index.ts)', () => [patched(APPLICATION, { metadata: { name: `${'a'.repeat(N)}-` } })]],
  ['flinkVersion ^v(\\d+)_(\\d+)$ (rules/deployment.ts, rules/state.ts)', () => [patched(APPLICATION, { spec: { flinkVersion: `v${'1'.repeat(N)}_` } })]],
  ['resource.memory quantity whitespace (private/fabric8/quantity.ts)', () => [patched(APPLICATION, { spec: { taskManager: { resource: { memory: `1${' \t'.repeat(N / 2)}Gi!` } } } }), ...JOB_RBAC]],
  ['excluded periods: cron L-[0-9]*W? (private/quartz/cron-fields.ts)', () => autoscaler({ 'job.autoscaler.excluded.periods': `0 0 0 L-${'1'.repeat(N)}x * ?` })],
  ['JSON path PLAIN_KEY and the misspelling hint (validation/json-path.ts, structural-schema.ts)', () => [patched(APPLICATION, { spec: { [`${'a'.repeat(N)}.`]: 1 } }), ...JOB_RBAC]],
];

describe('regular expressions on user input stay linear', () => {
  test.each(MANIFEST_CASES)('%s', (_where, input) => {
    const manifests = input();
    bounded(() => expect(Array.isArray(FlinkValidator.validate(manifests))).toBe(true));
  }, 4 * TIMEOUT_MS);

  test('construct names from ids: ([a-z0-9])([A-Z]), ([A-Z])(?=[A-Z][a-z]), ^-|-$ (render/names.ts)', () => {
    for (const id of ['A'.repeat(N), `a${'-'.repeat(N)}a`, 'aB'.repeat(N / 2)]) {
      const chart = new Chart(new App(), 'c', { namespace: 'flink' });
      bounded(() => {
        try {
          new FlinkSessionCluster(chart, id, { flinkVersion: FlinkVersion.V1_20 });
        } catch (error) {
          expect((error as Error).message).toMatch(/name/);
        }
      });
    }
  }, 4 * TIMEOUT_MS);

  test('CLI: --allow-removal ^[A-Za-z]+\\/[a-z0-9.-]+$ and the manifest file name (cli/)', () => {
    bounded(() => {
      const status = main(['validate', '--previous', 'x', '--allow-removal', `${'A'.repeat(N)}/${'a'.repeat(N)}!`, `${'.yaml'.repeat(N / 5)}x`],
        { out: () => undefined, err: () => undefined });
      expect(status).toBe(2);
    });
  }, 4 * TIMEOUT_MS);
});
