/**
 * YAML that kubectl accepts reads as kubectl reads it: merge keys applied, `!!omap` and `!!set`
 * decoded by their node kind (go-yaml's decoder ignores the tags of collections).
 */
import * as YAML from 'yaml';
import { FlinkValidator, Severity } from '../../src';
import { parseManifests } from '../../src/cli/read-manifests';
import { ReadProblem } from '../../src/cli/walk';
import { plainValue } from '../../src/cli/yaml-values';


function read(text: string): { manifests: any[]; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  const manifests = parseManifests('manifests.yaml', text, problems).map((sourced) => sourced.manifest.manifest);
  return { manifests, problems };
}

const plain = (text: string) => plainValue(YAML.parseDocument(text), { maxAliasCount: 100 });

/** The shape of a Helm-less values file people write: shared resources by anchor, merged into both processes. */
const MERGE_KEYS = `
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: orders
  namespace: flink
spec:
  image: flink:1.20.1
  flinkVersion: v1_20
  serviceAccount: flink
  jobManager:
    resource: &resources
      memory: 2048m
      cpu: 1
  taskManager:
    replicas: 2
    resource:
      <<: *resources
      cpu: 2
  job:
    jarURI: local:///opt/flink/examples/streaming/StateMachineExample.jar
    parallelism: 2
    upgradeMode: stateless
`;

describe('merge keys', () => {
  test('a merge key lays the anchored map under the keys written next to it', () => {
    const { manifests, problems } = read(MERGE_KEYS);
    expect(problems).toEqual([]);
    expect(manifests[0].spec.taskManager.resource).toEqual({ memory: '2048m', cpu: 2 });
  });

  test('a manifest with merge keys gets no error ("<<" is not reported as a field)', () => {
    const { manifests } = read(MERGE_KEYS);
    const errors = FlinkValidator.validate(manifests).filter((finding) => finding.severity === Severity.ERROR);
    expect(errors).toEqual([]);
  });

  test('a list of merged maps: earlier maps win, written keys win over all', () => {
    expect(plain('a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n')).toEqual({
      a: { x: 1, y: 1 }, b: { y: 2, z: 2 }, c: { x: 1, y: 1, z: 3 },
    });
  });

  test('a quoted "<<" is an ordinary key', () => {
    expect(plain("a: {'<<': 1}")).toEqual({ a: { '<<': 1 } });
  });

  test('a merge key on something other than a map is a read problem, not a throw', () => {
    const { manifests, problems } = read('a: &s text\nb:\n  <<: *s\n');
    expect(manifests).toEqual([]);
    expect(problems.map((p) => p.message).join()).toMatch(/merge key/);
  });
});

describe('!!omap and !!set', () => {
  test('an !!omap is a list of one-key maps, as go-yaml decodes it', () => {
    expect(plain('a: !!omap\n  - x: 1\n  - y: 2\n')).toEqual({ a: [{ x: 1 }, { y: 2 }] });
  });

  test('an !!set is a map whose values are null', () => {
    expect(plain('a: !!set\n  ? x\n  ? y\n')).toEqual({ a: { x: null, y: null } });
  });

  test('content under an !!omap tag is checked: a spec written as an ordered map is a list, which the API server rejects', () => {
    const text = MERGE_KEYS.replace('spec:\n', 'spec: !!omap\n  - flinkVersion: v1_20\n  - bogus: 1\nx-spec:\n');
    const { manifests } = read(text);
    const findings = FlinkValidator.validate(manifests);
    expect(findings.filter((f) => f.rule === 'crd-schema').map((f) => f.message).join('\n')).toMatch(/spec must be a map \(got \[/);
  });

  test('a tagged flinkConfiguration is no longer hidden: its errors are reported', () => {
    const withConfiguration = (configuration: string) => MERGE_KEYS.replace('  serviceAccount: flink\n', `  serviceAccount: flink\n  flinkConfiguration:${configuration}`);
    const rules = (text: string) => FlinkValidator.validate(read(text).manifests).filter((f) => f.severity === Severity.ERROR).map((f) => f.rule);
    expect(rules(withConfiguration('\n    kubernetes.namespace: x\n'))).toEqual(['forbidden-config-key']);
    expect(rules(withConfiguration(' !!set\n    ? kubernetes.namespace\n'))).toEqual(['forbidden-config-key']);
    // An ordered map is a list to kubectl; the operator reads flinkConfiguration as a map only.
    expect(rules(withConfiguration(' !!omap\n    - kubernetes.namespace: x\n'))).toEqual(['crd-schema']);
  });
});

describe('hostile input', () => {
  test('an alias bomb is a read problem', () => {
    const bomb = ['a: &a [x, x]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const { manifests, problems } = read(bomb);
    expect(manifests).toEqual([]);
    expect(problems.map((p) => p.message).join()).toMatch(/alias/i);
  });

  test('keys that are numbers or booleans become text', () => {
    expect(plain('1: a\ntrue: b\n')).toEqual({ 1: 'a', true: 'b' });
  });
});
