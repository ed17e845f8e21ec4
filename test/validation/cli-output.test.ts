/**
 * CI-ready output of `cdk8s-flink validate`: a line and a column for every finding, --strict,
 * SARIF 2.1.0 (checked against the schema @microsoft/jest-sarif ships, offline), and the words
 * of the summary.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import * as YAML from 'yaml';
import { APPLICATION, JOB_RBAC, patched, SESSION_CLUSTER, SESSION_JOB } from './fixtures';
import { main } from '../../src/cli/main';
import { nodeAt, pathSegments } from '../../src/cli/positions';
import { DEFAULT_MAX_FILE_SIZE, formatSize } from '../../src/cli/read-file';
import { RULES } from '../../src/validation/rule-catalog';

function run(...args: string[]): { status: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(['validate', ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-output-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('JSON paths back to YAML positions', () => {
  test.each([
    ['spec.job.parallelism', ['spec', 'job', 'parallelism']],
    ["spec.flinkConfiguration['rest.port']", ['spec', 'flinkConfiguration', 'rest.port']],
    ["a['it\\'s']['back\\\\slash'].b", ['a', "it's", 'back\\slash', 'b']],
    ['spec.podTemplate.spec.containers[0].name', ['spec', 'podTemplate', 'spec', 'containers', 0, 'name']],
    ['', []],
  ])('%s', (text, segments) => {
    expect(pathSegments(text)).toEqual(segments);
  });

  const source = [
    'apiVersion: flink.apache.org/v1beta1', // 1
    'kind: FlinkDeployment', // 2
    'metadata: {name: app}', // 3
    'spec:', // 4
    '  flinkConfiguration:', // 5
    '    taskmanager:', // 6
    '      numberOfTaskSlots: 2', // 7
    '    rest.port: 8081', // 8
    '  podTemplate: &template', // 9
    '    spec:', // 10
    '      containers:', // 11
    '        - name: main', // 12
    '  job:', // 13
    '    jarURI: local:///job.jar', // 14
    '  copy: *template', // 15
  ].join('\n');
  const document = YAML.parseDocument(source);
  const lines = new YAML.LineCounter();
  YAML.parseDocument(source, { lineCounter: lines });
  const lineOf = (jsonPath: string) => lines.linePos(nodeAt(document, document.contents, pathSegments(jsonPath))!.range![0]);

  test.each([
    ['spec.job.jarURI', 14, 5, 'an existing field: its key'],
    ['spec.job.parallelism', 13, 3, 'a missing field: the nearest existing ancestor'],
    ["spec.flinkConfiguration['rest.port']", 8, 5, 'a dotted key'],
    ["spec.flinkConfiguration['taskmanager.numberOfTaskSlots']", 7, 7, 'a dotted key held as nested maps'],
    ['spec.podTemplate.spec.containers[0].name', 12, 11, 'a list item'],
    ['spec.podTemplate.spec.containers[3].name', 11, 7, 'a list item that is not there'],
    ['spec.copy.spec', 10, 5, 'through an alias'],
    ['', 1, 1, 'the manifest'],
  ])('%s: line %d, column %d (%s)', (jsonPath, line, col) => {
    expect(lineOf(jsonPath)).toEqual({ line, col });
  });
});

describe('text output', () => {
  test('every finding has file:line:col, also in a List and in JSON files', () => {
    const list = write('list.yaml', YAML.stringify({ apiVersion: 'v1', kind: 'List', items: [SESSION_CLUSTER, patched(SESSION_JOB, { spec: { job: { parallelism: 0 } } }), ...JOB_RBAC] }));
    const json = write('app.json', JSON.stringify(patched(APPLICATION, { spec: { job: { upgradeMode: 'savepoint' } } }), null, 2));
    const result = run(list, json);
    expect(result.status).toBe(1);
    const lines = result.out.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line).toMatch(/^\S+:\d+:\d+: Flink\w+\/[\w-]+( \S+)?: .* \[[a-z-]+\]$/);
    }
    const listText = fs.readFileSync(list, 'utf8').split('\n');
    const parallelism = lines.find((line) => line.includes('[job-parallelism]'))!;
    const [, lineNumber] = /^[^:]+:(\d+):/.exec(parallelism)!;
    expect(listText[Number(lineNumber) - 1]).toMatch(/^\s+parallelism: 0$/);
    expect(lines.find((line) => line.includes('app.json'))).toMatch(/app\.json:\d+:\d+: FlinkDeployment\/app spec\.job\.upgradeMode: /);
  });

  test('a finding about a whole manifest has no empty path and no [] prefix', () => {
    const file = write('shape.yaml', 'apiVersion: v1\n---\n- just\n- a list\n');
    const result = run(file);
    expect(result.out).toBe(`${file}:3:1: <unknown>/<unnamed>: A manifest must be a map with apiVersion, kind and metadata (got ["just","a list"]). [manifest-shape]`);
  });

  test('"1 manifest", "1 error", "1 warning"', () => {
    expect(run(write('one.yaml', YAML.stringify(SESSION_JOB))).err).toBe('1 manifest checked: 0 errors, 1 warning.');
    expect(run(write('none.yaml', '# nothing\n')).err).toBe('0 manifests checked: 0 errors, 0 warnings.');
  });

  test('--strict makes warnings fail with exit 1', () => {
    const file = write('warning.yaml', YAML.stringify(SESSION_JOB));
    expect(run(file).status).toBe(0);
    expect(run('--strict', file).status).toBe(1);
    expect(run('--strict', write('clean.yaml', [SESSION_CLUSTER, ...JOB_RBAC].map((m) => YAML.stringify(m)).join('---\n'))).status).toBe(0);
  });

  test('the help documents --strict and the exit codes 0, 1 and 2', () => {
    const out: string[] = [];
    main(['validate', '--help'], { out: (line) => out.push(line), err: () => undefined });
    const help = out.join('\n');
    expect(help).toMatch(/--strict +warnings fail the run too \(exit status 1\)/);
    expect(help).toMatch(/--max-file-size SIZE[\s\S]*default: 64MiB/);
    expect(help).toMatch(/Exit status:\n {2}0 {2}no errors[^\n]*\n {2}1 {2}errors, or warnings with --strict\n {2}2 {2}a file or folder could not be read/);
  });
});

describe('--format sarif', () => {
  const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  // The schema's language pattern has a stray ']' that a Unicode regular expression refuses.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

  test('is a valid SARIF 2.1.0 log with rule ids, help from docs/validation-rules.md and locations', () => {
    const file = write('sarif.yaml', [patched(SESSION_JOB, { spec: { job: { jarURI: 'local:///job.jar' } } }), SESSION_CLUSTER, ...JOB_RBAC].map((m) => YAML.stringify(m)).join('---\n'));
    const result = run('--format', 'sarif', file, path.join(dir, 'missing.yaml'));
    expect(result.status).toBe(2);
    const log = JSON.parse(result.out);
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe('cdk8s-flink');
    expect(sarifRun.tool.driver.rules.map((rule: any) => rule.id).sort()).toEqual(Object.keys(RULES).sort());
    const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'validation-rules.md'), 'utf8');
    const scheme = sarifRun.tool.driver.rules.find((rule: any) => rule.id === 'jar-uri-scheme');
    const section = 'https://github.com/cdk8s-flink/cdk8s-flink/blob/main/docs/validation-rules.md#jar-uri-scheme';
    expect(scheme.shortDescription).toEqual({ text: 'A session job\'s jarURI has a scheme the operator allows (https by default)', markdown: RULES['jar-uri-scheme'].summary });
    expect(docs).toContain(`### \`jar-uri-scheme\`\n\n**error** · admission\n\n${scheme.fullDescription.markdown}\n`);
    expect(scheme.fullDescription.text).toBe(scheme.fullDescription.markdown.replace(/`/g, ''));
    expect(scheme.help).toEqual({ text: `${scheme.fullDescription.text} Examples: ${section}`, markdown: `${scheme.fullDescription.markdown}\n\n[Examples](${section}): a failing and a passing manifest.` });
    expect(scheme.helpUri).toBe(section);
    expect(scheme.defaultConfiguration).toEqual({ level: 'error' });
    expect(sarifRun.results).toEqual([expect.objectContaining({
      ruleId: 'jar-uri-scheme',
      level: 'error',
      message: { text: expect.stringMatching(/^FlinkSessionJob\/job spec\.job\.jarURI: .*'local'/) },
      locations: [{ physicalLocation: { artifactLocation: expect.objectContaining({ uri: expect.stringMatching(/sarif\.yaml$/) }), region: expect.objectContaining({ startLine: 9, startColumn: 5 }) } }],
    })]);
    expect(sarifRun.invocations).toEqual([expect.objectContaining({ executionSuccessful: false, toolExecutionNotifications: [expect.objectContaining({ message: { text: expect.stringMatching(/missing\.yaml: no such file or folder/) } })] })]);
  });

  test('the schema check can fail', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  test('links of a rule\'s description lead to the docs on GitHub', () => {
    const log = JSON.parse(run('--format', 'sarif', write('empty.yaml', '')).out);
    const exposure = log.runs[0].tool.driver.rules.find((rule: any) => rule.id === 'web-ui-exposure');
    expect(exposure.fullDescription.markdown).toContain('see [web-ui.md](https://github.com/cdk8s-flink/cdk8s-flink/blob/main/docs/web-ui.md)');
    expect(exposure.fullDescription.text).toContain('see web-ui.md');
    const deploymentName = log.runs[0].tool.driver.rules.find((rule: any) => rule.id === 'deployment-name');
    expect(deploymentName.fullDescription.markdown).toContain('`[a-z]([-a-z0-9]{0,43}[a-z0-9])?`');
  });
});

describe('the README on the CLI', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

  test('documents the exit codes, --strict and the size limit the CLI has', () => {
    expect(readme).toMatch(/\| 0 \| no errors[^\n]*\n\| 1 \| at least one error; with `--strict`, at least one error or warning \|\n\| 2 \| a file or folder could not be read/);
    expect(readme).toContain(`a file larger than ${formatSize(DEFAULT_MAX_FILE_SIZE)} is skipped and reported`);
    expect(readme).toContain('`file:line:col: Kind/name path: message [rule]`');
  });

  test('shows a SARIF upload step for GitHub Actions and a GitLab CI job', () => {
    expect(readme).toMatch(/npx cdk8s-flink validate --format sarif k8s\/ > cdk8s-flink\.sarif\n\s+- uses: github\/codeql-action\/upload-sarif@v3\n[\s\S]{0,80}sarif_file: cdk8s-flink\.sarif/);
    expect(readme).toMatch(/# \.gitlab-ci\.yml\n[\w-]+:\n {2}image: node:22\n {2}script:\n[\s\S]{0,60}npx cdk8s-flink validate --strict/);
  });
});
