/**
 * Flink's memory model on the JobManager and TaskManager of a FlinkDeployment.
 *
 * The operator turns `resource.memory` into `jobmanager.memory.process.size` /
 * `taskmanager.memory.process.size`, laid over `flinkConfiguration`. Flink then derives every
 * memory component from that configuration at startup, or refuses to start. This rule runs the
 * same derivation at synth time:
 * - without `resource.memory`, the configuration alone must size the process (the operator's
 *   own admission check);
 * - with it, the derivation must succeed, or the pods would crash at startup.
 */
import { FlinkVersion } from '../../flink-version';
import { deriveJobManagerMemory } from '../../private/memory/job-manager';
import { OLDEST_MODELLED_VERSION, versionRules } from '../../private/memory/options';
import { deriveTaskManagerMemory } from '../../private/memory/task-manager';
import { isBlank } from '../../private/options/effective-configuration';
import { JM_PROCESS_SIZE, TM_PROCESS_SIZE } from '../../private/options/memory-options';
import { mainKey } from '../../private/options/option';
import { processSizeRefusal } from '../checks/process-memory';
import { RuleContext } from '../context';
import { operatorMemoryBytes } from '../model/deployment-configuration';

interface Process {
  readonly field: 'jobManager' | 'taskManager';
  readonly label: 'JobManager' | 'TaskManager';
  readonly processSizeKey: string;
  readonly requiredRule: 'jobmanager-memory-required' | 'taskmanager-memory-required';
  readonly modelRule: 'jobmanager-memory-model' | 'taskmanager-memory-model';
  readonly derive: (configuration: { [key: string]: string }, version: FlinkVersion) => unknown;
}

const PROCESSES: ReadonlyArray<Process> = [
  {
    field: 'jobManager',
    label: 'JobManager',
    processSizeKey: mainKey(JM_PROCESS_SIZE),
    requiredRule: 'jobmanager-memory-required',
    modelRule: 'jobmanager-memory-model',
    derive: (configuration, flinkVersion) => deriveJobManagerMemory(configuration, versionRules(flinkVersion)),
  },
  {
    field: 'taskManager',
    label: 'TaskManager',
    processSizeKey: mainKey(TM_PROCESS_SIZE),
    requiredRule: 'taskmanager-memory-required',
    modelRule: 'taskmanager-memory-model',
    derive: (configuration, flinkVersion) => deriveTaskManagerMemory(configuration, versionRules(flinkVersion)),
  },
];

/** The Flink version of a deployment, or the newest one when it names none the library can read. */
export function memoryModelVersion(spec: any): FlinkVersion {
  try {
    const version = typeof spec.flinkVersion === 'string' ? FlinkVersion.of(spec.flinkVersion) : FlinkVersion.V2_2;
    return version.isAtLeast(OLDEST_MODELLED_VERSION) ? version : OLDEST_MODELLED_VERSION;
  } catch {
    return FlinkVersion.V2_2;
  }
}

/**
 * The configuration a process starts with: the effective flinkConfiguration, with the process
 * size the operator derives from `resource.memory`; undefined when resource.memory is unreadable.
 */
export function processConfiguration(
  context: RuleContext,
  process: { field: string; processSizeKey: string },
): { [key: string]: string } | undefined {
  const configuration = Object.fromEntries(context.config.entries);
  const memory = context.spec[process.field]?.resource?.memory;
  if (typeof memory === 'string' && !isBlank(memory)) {
    const bytes = operatorMemoryBytes(memory);
    if (typeof bytes === 'string') {
      return undefined; // resource-memory-format reports it
    }
    configuration[process.processSizeKey] = bytes.toString();
  }
  return configuration;
}

function oneLine(message: string): string {
  return message.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
}

export function checkMemoryModel(context: RuleContext): void {
  const version = memoryModelVersion(context.spec);
  for (const process of PROCESSES) {
    const memory = context.spec[process.field]?.resource?.memory;
    const configured = typeof memory === 'string' && !isBlank(memory);
    const configuration = processConfiguration(context, process);
    if (configuration === undefined) {
      continue;
    }
    if (configured) {
      const field = `spec.${process.field}.resource.memory`;
      const refusal = processSizeRefusal({
        process: process.label, field, written: memory, bytes: BigInt(configuration[process.processSizeKey]), configuration, version,
      }, 'this flinkConfiguration');
      if (refusal !== undefined) {
        context.report(process.modelRule, field, refusal);
      }
      continue;
    }
    try {
      process.derive(configuration, version);
    } catch (error) {
      const reason = oneLine(error instanceof Error ? error.message : String(error));
      const emptied = context.spec[process.field] === null ? `spec.${process.field} is empty (null), which the API server drops, so `
        : context.spec[process.field]?.resource === null ? `spec.${process.field}.resource is empty (null), which the API server drops, so ` : '';
      context.report(process.requiredRule, `spec.${process.field}.resource.memory`,
        `${emptied}spec.${process.field}.resource.memory is not set, and flinkConfiguration does not size the ${process.label} either (${reason}). Set resource.memory, e.g. '2048m'.`);
    }
  }
}
