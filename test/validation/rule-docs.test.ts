/**
 * docs/validation-rules.md documents every rule, with its severity and stage, and one failing
 * and one passing example per rule. The examples are checked here: the failing one must get the
 * rule's finding, the passing one no finding of the rule and no error at all.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { FlinkValidator, Severity, ValidationOptions } from '../../src';
import { RULES } from '../../src/validation/rule-catalog';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'validation-rules.md'), 'utf8');

interface Example {
  readonly kind: 'fails' | 'passes';
  readonly manifests: any[];
  readonly previous?: any[];
  /** The validation options of an `options` block before the example. */
  readonly options?: ValidationOptions;
  /** The severity a failing example states (`fails error`, `fails warning`) where the rule decides it case by case. */
  readonly severity?: Severity;
}

interface Section {
  readonly rule: string;
  readonly severity?: string;
  readonly stage?: string;
  readonly examples: Example[];
}

function parse(doc: string): Section[] {
  const parts = doc.split(/^### `([a-z0-9-]+)`$/m);
  const sections: Section[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const body = parts[i + 1].split(/^## /m)[0];
    const header = /^\*\*(error|warning)\*\* · (admission|run time)$/m.exec(body);
    const examples: Example[] = [];
    let previous: any[] | undefined;
    let options: ValidationOptions | undefined;
    for (const block of body.matchAll(/^```yaml (fails|passes|previous|options)(?: (error|warning))?\n([\s\S]*?)^```$/gm)) {
      const manifests = YAML.parseAllDocuments(block[3]).map((document) => document.toJS());
      if (block[1] === 'previous') {
        previous = manifests;
      } else if (block[1] === 'options') {
        options = manifests[0];
      } else {
        const severity = block[2] === undefined ? undefined : block[2] === 'error' ? Severity.ERROR : Severity.WARNING;
        examples.push({ kind: block[1] as 'fails' | 'passes', manifests, previous, options, severity });
        previous = undefined;
        options = undefined;
      }
    }
    sections.push({ rule: parts[i], severity: header?.[1], stage: header?.[2], examples });
  }
  return sections;
}

const SECTIONS = parse(DOC);
const EXAMPLES = SECTIONS.flatMap((section) => section.examples.map((example, index) => [section.rule, example.kind, index, example] as const));

describe('docs/validation-rules.md', () => {
  test('states the severity policy', () => {
    expect(DOC).toMatch(/^## Severity policy$/m);
    expect(DOC).toMatch(/\*\*error\*\*: the API server or the operator rejects the resource, Flink fails to start or to\s+run the job, or state is provably lost/);
    expect(DOC).toMatch(/\*\*warning\*\*: a likely failure that depends on something outside the manifests/);
  });

  test('documents every rule once, with its severity and stage, and nothing else', () => {
    expect(SECTIONS.map((section) => section.rule).sort()).toEqual(Object.keys(RULES).sort());
    for (const section of SECTIONS) {
      const info = RULES[section.rule as keyof typeof RULES];
      expect([section.rule, section.severity, section.stage]).toEqual([section.rule, info.severity, info.stage === 'admission' ? 'admission' : 'run time']);
    }
  });

  test.each(SECTIONS.map((section) => [section.rule, section] as const))('%s has a failing and a passing example', (_rule, section) => {
    expect(section.examples.map((example) => example.kind)).toEqual(expect.arrayContaining(['fails', 'passes']));
  });

  test.each(EXAMPLES)('%s: the %s example #%i behaves as documented', (rule, kind, _index, example) => {
    const options = example.previous === undefined ? example.options : { ...example.options, previousManifests: example.previous };
    const findings = FlinkValidator.validate(example.manifests, options);
    const mine = findings.filter((finding) => finding.rule === rule);
    if (kind === 'fails') {
      expect(mine.length).toBeGreaterThan(0);
      expect(mine[0].severity).toBe(example.severity ?? RULES[rule as keyof typeof RULES].severity);
    } else {
      expect(mine).toEqual([]);
      expect(findings.filter((finding) => finding.severity === Severity.ERROR)).toEqual([]);
    }
  });
});
