/**
 * Each rule's id, severity, stage and summary are written once, in src/validation/rule-catalog.ts.
 * `npx projen rules` (scripts/render-rules.ts) generates every other file that states them: the
 * committed files must be what it generates, and a change to the catalog must show as drift.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Catalog, COMMAND, DOC, ENUM_FILE, generatedFiles, HELP_FILE, memberName, renderRuleDoc, staleness } from '../../scripts/render-rules';
import { Severity, ValidationRule } from '../../src';
import { RULE_HELP } from '../../src/cli/rule-help';
import { RULES } from '../../src/validation/rule-catalog';

const ROOT = path.join(__dirname, '..', '..');
const COMMITTED_DOC = fs.readFileSync(DOC, 'utf8');

/** The catalog with one rule changed. */
function changed(rule: keyof typeof RULES, change: object): Catalog {
  return { ...RULES, [rule]: { ...RULES[rule], ...change } };
}

/** The staleness of every generated file against a catalog (and docs text), by file. */
function stalenessWith(catalog: Catalog, doc: string = COMMITTED_DOC): { [file: string]: string | undefined } {
  return Object.fromEntries(generatedFiles(catalog, doc).map(({ file, text }) => [path.relative(ROOT, file), staleness(file, fs.readFileSync(file, 'utf8'), text)]));
}

describe('the files generated from the rule catalog', () => {
  test.each(generatedFiles().map(({ file, text }) => [path.relative(ROOT, file), file, text]))('%s is what `npx projen rules` generates', (_name, file, text) => {
    expect(staleness(file, fs.readFileSync(file, 'utf8'), text)).toBeUndefined();
  });

  test('the public ValidationRule enum has a member per rule of the catalog, named after its id, and nothing else', () => {
    expect(Object.entries(ValidationRule)).toEqual(Object.keys(RULES).map((rule) => [memberName(rule), rule]));
  });

  test('the CLI carries a description for every rule of the catalog, and nothing else', () => {
    expect(Object.keys(RULE_HELP)).toEqual(Object.keys(RULES));
  });
});

describe('drift', () => {
  test('a changed summary leaves the enum and the docs\' table stale, and the message names the command', () => {
    const stale = stalenessWith(changed('jar-uri-host', { summary: 'An http(s) `jarURI` names a reachable host' }));
    expect(stale[path.relative(ROOT, ENUM_FILE)]).toMatch(/^src\/validation-rule\.ts is not what the rule catalog generates: line \d+ is .*names a host\. \*\/.*, but should be .*names a reachable host\. \*\/.*Run `npx projen rules`/);
    expect(stale[path.relative(ROOT, DOC)]).toMatch(/^docs\/validation-rules\.md .*names a reachable host .*Run `npx projen rules`/);
    expect(stale[path.relative(ROOT, HELP_FILE)]).toBeUndefined();
    expect(COMMAND).toBe('npx projen rules');
  });

  test('a changed severity or stage leaves the rule\'s severity line stale', () => {
    const stale = stalenessWith(changed('jar-uri-host', { severity: Severity.WARNING, stage: 'runtime' }));
    expect(stale[path.relative(ROOT, DOC)]).toMatch(/is "\| \[`jar-uri-host`\]\(#jar-uri-host\) \| error \| admission \|/);
    const withoutTable = renderRuleDoc(COMMITTED_DOC, changed('jar-uri-host', { severity: Severity.WARNING, stage: 'runtime' }));
    expect(withoutTable).toContain('### `jar-uri-host`\n\n**warning** · run time\n\n');
    expect(stale[path.relative(ROOT, ENUM_FILE)]).toBeUndefined();
  });

  test('a changed description in the docs leaves the CLI\'s rule help stale', () => {
    const doc = COMMITTED_DOC.replace('An http(s) `jarURI` names a valid host.', 'An http(s) `jarURI` names a valid host that resolves.');
    expect(doc).not.toBe(COMMITTED_DOC);
    expect(stalenessWith(RULES, doc)[path.relative(ROOT, HELP_FILE)]).toMatch(/^src\/cli\/rule-help\.ts .*names a valid host that resolves.*Run `npx projen rules`/);
  });
});

describe('the generator', () => {
  test('writes the severity line of a section that has none yet', () => {
    const withoutLine = COMMITTED_DOC.replace('### `jar-uri-host`\n\n**error** · admission\n\n', '### `jar-uri-host`\n\n');
    expect(withoutLine).not.toBe(COMMITTED_DOC);
    expect(renderRuleDoc(withoutLine)).toBe(COMMITTED_DOC);
  });

  test('refuses a rule without a section, a section without a rule, and a rule with two', () => {
    expect(() => renderRuleDoc(COMMITTED_DOC, { ...RULES, 'new-rule': RULES['jar-uri-host'] }))
      .toThrow(/'new-rule' has no section: add `### \\`new-rule\\``/);
    const jarUriHost = /### `jar-uri-host`[\s\S]*?(?=\n### )/.exec(COMMITTED_DOC)![0];
    expect(() => renderRuleDoc(`${COMMITTED_DOC}\n${jarUriHost.replace(/jar-uri-host/g, 'old-rule')}`)).toThrow(/'old-rule' has a section but is not in src\/validation\/rule-catalog\.ts/);
    expect(() => renderRuleDoc(`${COMMITTED_DOC}\n${jarUriHost}`)).toThrow(/'jar-uri-host' has more than one section/);
  });

  test.each([
    ['an http(s) `jarURI` names a host', /must start with a capital letter or a code span/],
    ['An http(s) `jarURI` names a host.', /must leave out the final period/],
    ['An http(s) `jarURI` names a host. Always', /must be one sentence/],
    ['An http(s) `jarURI` names a host; always', /must be one sentence/],
    ['An http(s) `jarURI` names a host@home', /must hold no line break, "@"/],
    ['An http(s) `jarURI names a host', /must close its code spans/],
  ])('refuses the summary %p', (summary, problem) => {
    expect(() => generatedFiles(changed('jar-uri-host', { summary }))).toThrow(problem);
  });
});
