/**
 * Every error thrown while an app is built is a PropError: in the files that build it (the
 * constructs and the public API files at the root of src/, render/, props/, synth/ and the option
 * registry, private/options/), every `throw` throws what a PropError factory makes, except the few
 * allowlisted below, each with its reason. The Flink and Java models of src/private/, the
 * validation engine and the CLI throw errors of their own and are not checked.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '..', 'src');

/** The folders checked, relative to src/: the root's own files, and the others' with their subfolders. */
const ROOT = '.';
const FOLDERS = ['render', 'props', 'synth', path.join('private', 'options')];

/** A throw may throw a call of one of these, each of which returns a PropError, or a `new PropError(...)`. */
const FACTORIES = new Set(['propError', 'scopedPropError', 'argumentError']);

/** The throws that are not of a factory, by file and the start of what they throw, each with its reason. */
const ALLOWED: ReadonlyArray<{ readonly file: string; readonly thrown: string; readonly why: string }> = [
  {
    file: 'props/prop-errors.ts',
    thrown: 'error',
    why: 'checkedAt throws again what it does not scope: an error that is not a PropError, or a PropError with a construct path already',
  },
  {
    file: 'props/prop-errors.ts',
    thrown: 'scoped',
    why: 'checkedAt throws the PropError it made, with the stack of the check that refused the prop',
  },
  {
    file: 'private/options/effective-configuration.ts',
    thrown: 'new Error(`the default',
    why: 'an internal invariant: a default of the option registry that does not read is a bug of the registry, which no prop can cause',
  },
  {
    file: 'private/options/effective-configuration.ts',
    thrown: 'illegalArgument(',
    why: "a Flink model error: Configuration.get's IllegalArgumentException, for the memory model, which mirrors Flink's; the constructs do not read values this way",
  },
];

interface ThrowSite {
  readonly file: string;
  readonly line: number;
  readonly thrown: string;
}

/** The throw statements of a source text, with what each throws. */
function throwSites(file: string, text: string): ThrowSite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const sites: ThrowSite[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isThrowStatement(node)) {
      sites.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, thrown: node.expression.getText(source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/** Whether a throw throws a PropError made by a factory. */
function throwsPropError(site: ThrowSite): boolean {
  const expression = ts.createSourceFile('x.ts', `(${site.thrown})`, ts.ScriptTarget.Latest, true).statements[0];
  const thrown = ts.isExpressionStatement(expression) && ts.isParenthesizedExpression(expression.expression)
    ? expression.expression.expression : undefined;
  return thrown !== undefined && ((ts.isCallExpression(thrown) && FACTORIES.has(thrown.expression.getText()))
    || (ts.isNewExpression(thrown) && thrown.expression.getText() === 'PropError'));
}

function allowlisted(site: ThrowSite): boolean {
  return ALLOWED.some((entry) => entry.file === site.file && site.thrown.startsWith(entry.thrown));
}

/** The throws that are neither a factory's PropError nor allowlisted. */
function violations(sites: ThrowSite[]): string[] {
  return sites.filter((site) => !throwsPropError(site) && !allowlisted(site)).map((site) => `${site.file}:${site.line}: throw ${site.thrown.split('\n')[0]}`);
}

function checkedFiles(): string[] {
  const own = (dir: string) => fs.readdirSync(path.join(SRC, dir), { withFileTypes: true });
  const tree = (dir: string): string[] => own(dir).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    return entry.isDirectory() ? tree(relative) : [relative];
  });
  const root = own(ROOT).filter((entry) => entry.isFile()).map((entry) => entry.name);
  return [...root, ...FOLDERS.flatMap(tree)].filter((file) => file.endsWith('.ts')).map((file) => file.split(path.sep).join('/'));
}

const SITES = checkedFiles().flatMap((file) => throwSites(file, fs.readFileSync(path.join(SRC, file), 'utf8')));

describe('the errors thrown while an app is built', () => {
  test('the layers hold throws to check', () => {
    expect(SITES.length).toBeGreaterThan(100);
    expect(SITES.map((site) => site.file)).toEqual(expect.arrayContaining(['job-jar.ts', 'flink-deployment-base.ts', 'render/configuration-builder.ts', 'props/prop-checks.ts']));
  });

  test('are all PropErrors, but for the allowlist', () => {
    expect(violations(SITES)).toEqual([]);
  });

  test('every allowlisted throw is still there', () => {
    const unused = ALLOWED.filter((entry) => !SITES.some((site) => site.file === entry.file && site.thrown.startsWith(entry.thrown)));
    expect(unused).toEqual([]);
  });

  test('the check finds a throw that is not a PropError', () => {
    const sites = throwSites('job-jar.ts', [
      'export function f(x: string): void {',
      "  if (x === '') { throw argumentError('JobJar.fromUri', 'uri', 'empty'); }",
      "  if (x === ' ') { throw new PropError('p', 'r'); }",
      "  if (x === 'a') { throw new Error(`JobJar.fromUri: 'uri' is ${x}`); }",
      '  try { g(); } catch (error) { throw error; }',
      "  throw new PropErrorLike('p');",
      '}',
    ].join('\n'));
    expect(violations(sites)).toEqual([
      "job-jar.ts:4: throw new Error(`JobJar.fromUri: 'uri' is ${x}`)",
      'job-jar.ts:5: throw error',
      "job-jar.ts:6: throw new PropErrorLike('p')",
    ]);
  });
});
