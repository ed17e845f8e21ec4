/**
 * The README's commands and snippets stay true to the project.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function shellBlocks(): string[] {
  return [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1].trim());
}

describe('README', () => {
  test('its test command is exactly what .ci/run runs', () => {
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    const command = /^TEST_COMMAND='([^']+)'$/m.exec(ci)?.[1];
    expect(command).toBe('npm ci && npx projen build');
    expect(shellBlocks()).toContain(command);
  });

  test('.ci/run runs the conformance suite after the test command, and the README says what it needs', () => {
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci.indexOf('npx projen conformance')).toBeGreaterThan(ci.indexOf('bash -c "${TEST_COMMAND}"'));
    expect(README).toMatch(/`npx projen conformance`[\s\S]{0,200}\$FLINK_OPERATOR_DIR/);
    const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf8')).tasks;
    expect(tasks.conformance.steps).toContainEqual({ exec: 'jest --ci --config conformance/jest.config.json' });
  });

  test('every version of cdk8s-flink it names is the package\'s own', () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(version).toBe('0.1.0');
    const files = ['README.md', 'CONTRIBUTING.md', 'src/validation-plugin.ts', 'examples/validation-plugin/cdk8s.yaml',
      ...fs.readdirSync(path.join(ROOT, 'docs')).map((file) => `docs/${file}`)];
    const named = files.flatMap((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const plugin = [...text.matchAll(/\bversion: (\d+\.\d+\.\d+)/g)].map((match) => match[1]);
      const pinned = [...text.matchAll(/cdk8s-flink@(\d+\.\d+\.\d+)/g)].map((match) => match[1]);
      return [...plugin, ...pinned].map((v) => `${file}: ${v}`);
    });
    expect(named.length).toBeGreaterThanOrEqual(3);
    expect(named.filter((entry) => !entry.endsWith(`: ${version}`))).toEqual([]);
  });

  test('its quick-start command sets up and synthesizes the quick start with the cdk8s CLI', () => {
    expect(shellBlocks()).toContain('npm ci && npx projen quick-start');
    const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf8')).tasks;
    expect(tasks['quick-start'].steps).toEqual([{ exec: 'cdk8s synth --no-check-upgrade', cwd: 'examples/quick-start' }]);
    expect(fs.existsSync(path.join(ROOT, 'examples', 'quick-start', 'cdk8s.yaml'))).toBe(true);
  });

  test('every TypeScript snippet compiles against the library', () => {
    const snippets = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(snippets.length).toBeGreaterThan(0);
    const dir = fs.mkdtempSync(path.join(ROOT, 'test', '.readme-snippets-'));
    try {
      const files = snippets.map((snippet, index) => {
        const file = path.join(dir, `snippet${index}.ts`);
        const source = path.relative(dir, path.join(ROOT, 'src')).split(path.sep).join('/');
        fs.writeFileSync(file, snippet.replace(/from 'cdk8s-flink'/g, `from '${source}'`));
        return file;
      });
      const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
      const program = ts.createProgram(files, { ...config.options, noEmit: true, rootDir: ROOT, noUnusedLocals: false });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('CONTRIBUTING.md performance figures', () => {
  test('quote bench/RESULTS.md', () => {
    const contributing = fs.readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    const results = fs.readFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), 'utf8');
    const fromResults = results.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| figure'))
      .map((line) => line.split('|').map((cell) => cell.trim())).map((cells) => `${cells[1]} ${cells[6]}`);
    const section = contributing.slice(contributing.indexOf('<!-- BEGIN PERFORMANCE -->'), contributing.indexOf('<!-- END PERFORMANCE -->'));
    const fromReadme = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| figure'))
      .map((line) => line.split('|').map((cell) => cell.trim())).map((cells) => `${cells[1]} ${cells[2]}`);
    expect(fromResults.length).toBeGreaterThanOrEqual(8);
    expect(fromReadme).toEqual(fromResults);
    expect(results).not.toMatch(/over budget/);
  });
});
