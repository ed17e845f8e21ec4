/**
 * Type checks for tests. ts-jest compiles the tests with isolated modules, which strips types
 * without checking them, so a `// @ts-expect-error` in a test file proves nothing: a test that
 * is about types compiles its snippet here, with the library's compiler options.
 */
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
/** Where the snippet is compiled from: in test/, so that it imports the library as `'../src'`. */
const SNIPPET = path.join(ROOT, 'test', '__type-check-snippet__.ts');

/** One error of a snippet: its line (from 1), its code, e.g. 2741, and its message. */
export interface TypeCheckError {
  readonly line: number;
  readonly code: number;
  readonly message: string;
}

/** The TypeScript errors of `source`, a module that imports the library as `'../src'`. */
export function typeErrors(source: string): TypeCheckError[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, rootDir: ROOT, noUnusedLocals: false };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => file === SNIPPET || fileExists.call(host, file);
  host.readFile = (file) => (file === SNIPPET ? source : readFile.call(host, file));
  host.getSourceFile = (file, language, ...rest) => (file === SNIPPET
    ? ts.createSourceFile(file, source, language)
    : getSourceFile.call(host, file, language, ...rest));
  const program = ts.createProgram([SNIPPET], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    if (diagnostic.file?.fileName !== SNIPPET || diagnostic.start === undefined) {
      throw new Error(`not an error of the snippet: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    }
    return {
      line: diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1,
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    };
  });
}

/** The lines (from 1) of `source` that end with `marker`, e.g. `// error`. */
export function linesMarked(source: string, marker: string): number[] {
  return source.split('\n').flatMap((line, index) => (line.trimEnd().endsWith(marker) ? [index + 1] : []));
}
