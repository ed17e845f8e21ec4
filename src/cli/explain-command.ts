/**
 * `cdk8s-flink explain FILE|DIR...`: what the operator and Flink will make of each
 * FlinkDeployment, FlinkBlueGreenDeployment and FlinkSessionJob (`FlinkValidator.explain`, read
 * from the model the rules use): the facts derived from the configuration, the entries spec
 * fields replace, what Flink reads differently from what is written, the memory, and the
 * configuration itself with the source of each entry, sensitive values masked.
 */
import { jobManagerMemoryLines, taskManagerMemoryLines } from './explain-memory-command';
import { DEFAULT_MAX_FILE_SIZE, formatSize } from './read-file';
import { readManifestPaths } from './read-manifests';
import { Output, parseSize, problemText, usageError } from './validate-command';
import { ReadProblem } from './walk';
import { ExplainedObjects, ExplainedPod, ExplainedService, ExplainedValue } from '../explained-objects';
import { ResourceExplanation } from '../explanation';
import { explainManifests } from '../validation/explain';
import { escapeControlCharacters } from '../validation/printable';

export const EXPLAIN_USAGE = [
  'Usage: cdk8s-flink explain [options] FILE|DIR...',
  '',
  'Prints, for each FlinkDeployment, FlinkBlueGreenDeployment (its template, as the operator',
  'deploys it) and FlinkSessionJob in YAML or JSON manifests, what the Flink Kubernetes',
  'Operator 1.15 and Flink will make of it:',
  '  - the cluster, its Flink version, the configuration file and how it reaches Flink;',
  '  - the parallelism and what decides it, the slots, the TaskManagers (a fixed count or',
  '    on demand), the accounts the JobManager and TaskManagers run as; a session job\'s',
  '    submission;',
  '  - the flinkConfiguration entries that spec fields replace, and the entries Flink reads',
  '    differently from how the operator writes them;',
  '  - the JobManager and TaskManager memory (explain-memory shows only that);',
  '  - the Kubernetes objects: the JobManager and TaskManager pods (image, pull policy,',
  '    account, resources, ports, environment, host network), the Services, the ConfigMap',
  '    and the operator\'s Ingress;',
  '  - the configuration the operator builds, `key = value  (source)`, in the order it sets',
  '    the entries; values of keys Flink treats as sensitive are masked (******).',
  'Other kinds are read only to find a session job\'s cluster.',
  '',
  'Options:',
  '  --json                        print a JSON array: each resource as FlinkValidator.explain',
  '                                returns it, with the file it came from',
  '  --operator-config KEY=VALUE   an entry of the operator\'s default Flink configuration',
  '                                (repeatable)',
  '  --max-file-size SIZE          skip (and report) files larger than SIZE, in bytes or',
  `                                with KiB, MiB or GiB (default: ${formatSize(DEFAULT_MAX_FILE_SIZE).replace(' ', '')})`,
  '',
  'Exit status: 0 when every resource is explained; 2 when a file or folder cannot be read',
  'or parsed (the rest is still explained), none holds a resource to explain, or the options',
  'are wrong.',
].join('\n');

interface ParsedArgs {
  readonly paths: string[];
  readonly json: boolean;
  readonly maxFileSize: number;
  readonly operatorConfiguration: { [key: string]: string };
}

function parseArgs(args: string[]): ParsedArgs | string {
  const paths: string[] = [];
  let json = false;
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  const operatorConfiguration: { [key: string]: string } = {};
  const shown = (given: string | undefined) => (given === undefined ? 'nothing' : `'${given}'`);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = arg.startsWith('--') ? arg.split('=')[0] : arg;
    const value = () => (arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : (i += 1, args[i]));
    if (arg === '--json') {
      json = true;
    } else if (name === '--operator-config') {
      const entry = value();
      const separator = entry?.indexOf('=') ?? -1;
      if (entry === undefined || separator <= 0) {
        return `--operator-config needs KEY=VALUE (got ${shown(entry)})`;
      }
      operatorConfiguration[entry.slice(0, separator)] = entry.slice(separator + 1);
    } else if (name === '--max-file-size') {
      const given = value();
      const size = given === undefined ? undefined : parseSize(given);
      if (size === undefined) {
        return `--max-file-size needs a size such as 134217728 or 128MiB (got ${shown(given)})`;
      }
      maxFileSize = size;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option '${arg}'`;
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    return 'give at least one FILE or DIR';
  }
  return { paths, json, maxFileSize, operatorConfiguration };
}

/** `name` or `namespace/name`. */
function qualifiedName(explanation: ResourceExplanation): string {
  return explanation.namespace === undefined ? explanation.name : `${explanation.namespace}/${explanation.name}`;
}

/** `1.20` from `v1_20`. */
function versionText(name: string | undefined): string {
  const match = name === undefined ? null : /^v(\d+)_(\d+)$/.exec(name);
  return match === null ? 'version unknown' : `${match[1]}.${match[2]}`;
}

/** The rows of a two-column list that have a value, all labels padded to one width. */
function facts(rows: Array<[string, string | undefined]>): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.filter((row): row is [string, string] => row[1] !== undefined).map(([label, text]) => `  ${`${label}:`.padEnd(width + 1)}  ${text}`);
}

function parallelismText(explanation: ResourceExplanation): string | undefined {
  const parallelism = explanation.parallelism;
  if (parallelism === undefined) {
    return explanation.kind === 'FlinkSessionJob' ? undefined : 'none: a session cluster runs no job of its own';
  }
  const value = parallelism.value === undefined ? 'cannot be read' : String(parallelism.value);
  const ignored = parallelism.ignoredJobParallelism === undefined ? '' : `; spec.job.parallelism ${parallelism.ignoredJobParallelism} is ignored`;
  const how = parallelism.source === 'spec.taskManager.replicas' ? ' (replicas x slots)' : '';
  return `${value}, from ${parallelism.source}${how}${ignored}`;
}

function submissionText(explanation: ResourceExplanation): string | undefined {
  const submission = explanation.submission;
  if (submission === undefined) {
    return undefined;
  }
  const parts = [
    `entry class ${submission.entryClass ?? '(from the jar\'s manifest)'}`,
    `args ${JSON.stringify(submission.args)}`,
    `parallelism ${submission.parallelism ?? '(not sent)'}`,
  ];
  if (submission.allowNonRestoredState !== undefined) {
    parts.push(`allowNonRestoredState ${submission.allowNonRestoredState}`);
  }
  parts.push(submission.configurationSent ? 'with the configuration below' : 'without a configuration');
  return `JarRun: ${parts.join(', ')}`;
}

const valueText = (value: ExplainedValue) => (value.value === undefined ? value.source : `${value.value}  (${value.source})`);
const mapText = (map: { [name: string]: string }) => Object.entries(map).map(([name, value]) => `${name}=${value}`).join(' ');

function podLines(pod: ExplainedPod): string[] {
  const replicas = pod.replicas === undefined ? '' : `, ${pod.replicas} ${pod.replicas === 1 ? 'replica' : 'replicas'}`;
  const resources = [
    Object.keys(pod.requests).length > 0 ? `requests ${mapText(pod.requests)}` : undefined,
    Object.keys(pod.limits).length > 0 ? `limits ${mapText(pod.limits)}` : undefined,
  ].filter((part) => part !== undefined).join('; ');
  const ports = pod.ports.map((port) => `${port.name ?? '(unnamed)'} ${port.containerPort ?? '(not fixed)'} (${port.from})`).join(', ');
  const env = pod.env.map((variable) => (variable.valueFrom !== undefined ? `${variable.name} from ${variable.valueFrom}` : `${variable.name}=${variable.value ?? ''}`));
  return [
    `    ${pod.component}: ${pod.workload}${replicas}`,
    ...facts([
      ['image', valueText(pod.image)],
      ['pull policy', valueText(pod.imagePullPolicy)],
      ['account', valueText(pod.serviceAccount)],
      ['resources', resources || undefined],
      ['ports', ports || undefined],
      ['env', env.length > 0 ? env.join(', ') : undefined],
      ['host network', pod.hostNetwork ? 'yes' : 'no'],
    ]).map((line) => `    ${line}`),
  ];
}

function serviceLine(service: ExplainedService): string {
  const ports = service.ports.map((port) => `${port.name} ${port.port ?? '(not fixed)'}${port.targetPort === undefined ? '' : ` -> ${port.targetPort}`}`).join(', ');
  return `    Service ${service.name}: ${service.headless ? 'headless ClusterIP' : service.type}, ports ${ports}; selects ${mapText(service.selector)}`;
}

function objectsLines(objects: ExplainedObjects): string[] {
  const ingress = objects.ingress;
  return [
    '', '  Objects:',
    ...podLines(objects.jobManager),
    ...podLines(objects.taskManager),
    serviceLine(objects.restService),
    ...(objects.internalService === undefined ? [] : [serviceLine(objects.internalService)]),
    `    ConfigMap ${objects.configMapName}`,
    ...(ingress === undefined ? [] : [
      `    Ingress ${ingress.name}: class ${ingress.className ?? '(default)'}, host ${ingress.host ?? '(any)'}, path ${ingress.path ?? '(any)'}`
        + ` -> ${ingress.serviceName}:${ingress.servicePort ?? '(not fixed)'}`,
    ]),
  ];
}

function resourceLines(explanation: ResourceExplanation, file: string | undefined): string[] {
  const lines: string[] = [];
  lines.push(`${file === undefined ? '' : `${file}: `}${explanation.kind} ${qualifiedName(explanation)}`);
  const cluster = explanation.clusterName === undefined ? undefined
    : `${explanation.clusterName}${explanation.clusterName === explanation.name ? '' : ' (FlinkDeployment)'}, Flink ${versionText(explanation.flinkVersion)}`;
  const taskManagers = explanation.taskManagers === undefined ? undefined
    : `${explanation.taskManagers.explanation}${explanation.taskManagers.maxSlots === undefined ? '' : `; at most ${explanation.taskManagers.maxSlots} slots`}`;
  const accounts = explanation.jobManagerAccount === undefined ? undefined
    : `JobManager '${explanation.jobManagerAccount}', TaskManagers '${explanation.taskManagerAccount}'`;
  lines.push(...facts([
    ['cluster', cluster],
    ['config file', explanation.configurationFile],
    ['delivery', explanation.configurationDelivery],
    ['parallelism', parallelismText(explanation)],
    ['slots', explanation.slotsPerTaskManager === undefined ? undefined : `${explanation.slotsPerTaskManager} per TaskManager`],
    ['TaskManagers', taskManagers],
    ['accounts', accounts],
    ['submission', submissionText(explanation)],
  ]));
  for (const note of explanation.notes) {
    lines.push(`  note: ${note}`);
  }
  if (explanation.replaced.length > 0) {
    lines.push('', '  Replaced flinkConfiguration entries (the spec field wins):');
    for (const replaced of explanation.replaced) {
      lines.push(`    ${replaced.key}: ${replaced.configured} -> ${replaced.value}  (${replaced.replacedBy})`);
    }
  }
  if (explanation.readDifferently.length > 0) {
    lines.push('', `  Read differently by Flink (from ${explanation.configurationFile ?? 'the file'}):`);
    for (const difference of explanation.readDifferently) {
      const read = difference.readKey === undefined ? 'not read' : `read as ${difference.readKey} = ${difference.readValue}`;
      lines.push(`    ${difference.key} = ${difference.written}: ${read}; ${difference.reason}`);
    }
  }
  if (explanation.taskManagerMemory !== undefined || explanation.jobManagerMemory !== undefined) {
    lines.push('', `  Memory (Flink ${versionText(explanation.memoryModelVersion)} rules):`);
    if (explanation.taskManagerMemory !== undefined) {
      lines.push('   TaskManager:', ...taskManagerMemoryLines(explanation.taskManagerMemory));
    }
    if (explanation.jobManagerMemory !== undefined) {
      lines.push('   JobManager:', ...jobManagerMemoryLines(explanation.jobManagerMemory));
    }
  }
  if (explanation.objects !== undefined) {
    lines.push(...objectsLines(explanation.objects));
  }
  if (explanation.paths !== undefined && explanation.paths.length > 0) {
    lines.push('', '  Paths:');
    for (const path of explanation.paths) {
      const pods = path.processes.length === 0 ? '' : ` (${path.processes.join(' and ')})`;
      lines.push(`    ${path.role}: ${path.uri}${pods}, from ${path.what}: ${path.use}`);
    }
  }
  const entries = explanation.configuration;
  lines.push('', `  Configuration (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}):`);
  const keyWidth = Math.min(60, Math.max(0, ...entries.map((entry) => entry.key.length)));
  const valueWidth = Math.min(40, Math.max(0, ...entries.map((entry) => entry.value.length)));
  for (const entry of entries) {
    lines.push(`    ${entry.key.padEnd(keyWidth)} = ${entry.value.padEnd(valueWidth)}  (${entry.source})`);
  }
  return lines.map((line) => escapeControlCharacters(line));
}

/** Runs the command; returns the exit status. */
export function explainCommand(args: string[], output: Output): number {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    return usageError(output, 'cdk8s-flink explain', parsed, EXPLAIN_USAGE);
  }
  const problems: ReadProblem[] = [];
  const sourced = readManifestPaths(parsed.paths, parsed.maxFileSize, problems);
  const explanations = explainManifests(sourced.map(({ manifest }) => manifest.manifest), parsed.operatorConfiguration);
  for (const problem of problems) {
    output.err(problemText(problem));
  }
  const fileOf = (explanation: ResourceExplanation) => sourced[explanation.manifestIndex]?.source.file.path;
  if (parsed.json) {
    output.out(JSON.stringify(explanations.map((explanation) => ({ file: fileOf(explanation), ...explanation })), null, 2));
  } else {
    explanations.forEach((explanation, index) => {
      if (index > 0) {
        output.out('');
      }
      resourceLines(explanation, fileOf(explanation)).forEach((line) => output.out(line));
    });
  }
  if (explanations.length === 0 && problems.length === 0) {
    output.err('cdk8s-flink explain: no FlinkDeployment, FlinkBlueGreenDeployment or FlinkSessionJob found.');
  }
  return problems.length > 0 || explanations.length === 0 ? 2 : 0;
}
