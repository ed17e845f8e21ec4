/**
 * `cdk8s-flink explain-memory FILE|DIR...`: the JobManager and TaskManager memory of each
 * FlinkDeployment, component by component, as Flink derives it, with a proportional bar per
 * component (like the figures of Flink's memory documentation) and the JVM flags.
 */
import { FlinkVersion } from '../flink-version';
import { JobManagerMemory } from '../job-manager-memory';
import { JobManagerMemoryBreakdown } from '../job-manager-memory-breakdown';
import { TaskManagerMemory } from '../task-manager-memory';
import { TaskManagerMemoryBreakdown } from '../task-manager-memory-breakdown';
import { DEFAULT_MAX_FILE_SIZE } from './read-file';
import { readManifestFile } from './read-manifests';
import { Output, problemText } from './validate-command';
import { manifestFiles, ReadProblem } from './walk';
import { flattenConfiguration } from '../private/options/effective-configuration';
import { JM_PROCESS_SIZE, TM_PROCESS_SIZE } from '../private/options/memory-options';
import { mainKey } from '../private/options/option';
import { operatorMemoryBytes } from '../validation/model/deployment-configuration';
import { escapeControlCharacters } from '../validation/printable';
import { memoryModelVersion } from '../validation/rules/memory';

export const EXPLAIN_MEMORY_USAGE = [
  'Usage: cdk8s-flink explain-memory FILE|DIR...',
  '',
  'Prints, for each FlinkDeployment, the TaskManager and JobManager memory as Flink derives it',
  'from spec.*.resource.memory (the process size) and flinkConfiguration: every component in',
  'bytes with its share of the process, and the JVM flags Flink sets.',
  '',
  'Exit status: 0 when every process can be sized, 1 when Flink would refuse to start one,',
  '2 when a file cannot be read or parsed, or holds no FlinkDeployment.',
].join('\n');

const BAR_WIDTH = 40;

function human(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

function table(rows: Array<[string, number]>, total: number, totals: Array<[string, number]>): string[] {
  const nameWidth = Math.max(...[...rows, ...totals].map(([name]) => name.length));
  const sizeWidth = Math.max(...[...rows, ...totals].map(([, bytes]) => human(bytes).length));
  const byteWidth = Math.max(...[...rows, ...totals].map(([, bytes]) => String(bytes).length));
  const line = ([name, bytes]: [string, number], bar: boolean) => {
    const share = total > 0 ? bytes / total : 0;
    const cells = Math.round(share * BAR_WIDTH);
    const graph = bar ? ` ${(share * 100).toFixed(1).padStart(5)}%  ${'█'.repeat(bytes > 0 && cells === 0 ? 1 : cells)}` : '';
    return `    ${name.padEnd(nameWidth)}  ${human(bytes).padStart(sizeWidth)}  ${String(bytes).padStart(byteWidth)} B${graph}`.trimEnd();
  };
  return [
    ...rows.map((row) => line(row, true)),
    `    ${'-'.repeat(nameWidth + sizeWidth + byteWidth + 6)}`,
    ...totals.map((row) => line(row, false)),
  ];
}

/** A TaskManager's memory, component by component, with a bar per component, and the JVM flags (indented by 4). */
export function taskManagerMemoryLines(m: TaskManagerMemoryBreakdown): string[] {
  return [
    ...table([
      ['Framework Heap', m.frameworkHeap], ['Task Heap', m.taskHeap], ['Framework Off-Heap', m.frameworkOffHeap],
      ['Task Off-Heap', m.taskOffHeap], ['Network', m.network], ['Managed', m.managed],
      ['JVM Metaspace', m.jvmMetaspace], ['JVM Overhead', m.jvmOverhead],
    ], m.totalProcess, [['Total Flink Memory', m.totalFlink], ['Total Process Memory', m.totalProcess]]),
    `    JVM flags: ${m.jvmArgs}`,
  ];
}

/** A JobManager's memory, component by component, with a bar per component, and the JVM flags (indented by 4). */
export function jobManagerMemoryLines(m: JobManagerMemoryBreakdown): string[] {
  return [
    ...table([
      ['JVM Heap', m.jvmHeap], ['Off-Heap', m.offHeap], ['JVM Metaspace', m.jvmMetaspace], ['JVM Overhead', m.jvmOverhead],
    ], m.totalProcess, [['Total Flink Memory', m.totalFlink], ['Total Process Memory', m.totalProcess]]),
    `    JVM flags: ${m.jvmArgs}`,
  ];
}

function processConfiguration(
  spec: any,
  field: string,
  processSizeKey: string,
): { configuration: { [key: string]: string }; source: string } | string {
  const configuration = Object.fromEntries(flattenConfiguration(spec?.flinkConfiguration));
  const memory = spec?.[field]?.resource?.memory;
  if (typeof memory === 'string' && memory.trim() !== '') {
    const bytes = operatorMemoryBytes(memory);
    if (typeof bytes === 'string') {
      return `spec.${field}.resource.memory '${memory}' cannot be read: ${bytes}`;
    }
    configuration[processSizeKey] = bytes.toString();
    return { configuration, source: `spec.${field}.resource.memory '${memory}' -> ${processSizeKey}` };
  }
  return { configuration, source: 'flinkConfiguration (no resource.memory)' };
}

function explainDeployment(manifest: any, output: Output): boolean {
  const spec = manifest.spec ?? {};
  const version: FlinkVersion = memoryModelVersion(spec);
  let ok = true;
  const section = (title: string, field: string, key: string, render: (configuration: { [key: string]: string }) => string[]) => {
    const input = processConfiguration(spec, field, key);
    if (typeof input === 'string') {
      output.out(`  ${title}: ${input}`);
      ok = false;
      return;
    }
    output.out(`  ${title}: ${input.source}`);
    try {
      render(input.configuration).forEach((line) => output.out(line));
    } catch (error) {
      ok = false;
      (error instanceof Error ? error.message : String(error)).split('\n').forEach((line) => output.out(`    ${line}`));
    }
    output.out('');
  };

  section('TaskManager', 'taskManager', mainKey(TM_PROCESS_SIZE),
    (configuration) => taskManagerMemoryLines(TaskManagerMemory.derive(configuration, { flinkVersion: version })));
  section('JobManager', 'jobManager', mainKey(JM_PROCESS_SIZE),
    (configuration) => jobManagerMemoryLines(JobManagerMemory.derive(configuration, { flinkVersion: version })));
  return ok;
}

/** Runs the command; returns the exit status. */
export function explainMemoryCommand(args: string[], output: Output): number {
  const unknown = args.find((arg) => arg.startsWith('-'));
  if (unknown !== undefined || args.length === 0) {
    output.err(`cdk8s-flink explain-memory: ${unknown === undefined ? 'give at least one FILE or DIR' : `unknown option '${unknown}'`}\n\n${EXPLAIN_MEMORY_USAGE}`);
    return 2;
  }
  const problems: ReadProblem[] = [];
  const deployments = manifestFiles(args, problems)
    .flatMap((file) => readManifestFile(file, DEFAULT_MAX_FILE_SIZE, problems))
    .map(({ manifest, source }) => ({ file: source.file.path, manifest: manifest.manifest as any }))
    .filter(({ manifest }) => manifest?.kind === 'FlinkDeployment');
  for (const problem of problems) {
    output.err(problemText(problem));
  }
  if (problems.length > 0) {
    return 2;
  }
  if (deployments.length === 0) {
    output.err('cdk8s-flink explain-memory: no FlinkDeployment found.');
    return 2;
  }
  let ok = true;
  for (const { file, manifest } of deployments) {
    const namespace = manifest.metadata?.namespace ? `${manifest.metadata.namespace}/` : '';
    output.out(escapeControlCharacters(`${file}: FlinkDeployment ${namespace}${manifest.metadata?.name} (Flink ${memoryModelVersion(manifest.spec ?? {}).major}.${memoryModelVersion(manifest.spec ?? {}).minor} rules)`));
    output.out('');
    ok = explainDeployment(manifest, output) && ok;
  }
  return ok ? 0 : 1;
}
