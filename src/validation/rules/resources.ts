/**
 * JobManager and TaskManager rules: memory defined and parseable, replicas, standby JobManagers.
 */
import { parseEphemeralStorageQuantity, parseOperatorMemoryQuantity } from '../../private/kubernetes-quantity';
import { parseMemorySize } from '../../private/memory-size';
import { RuleContext } from '../context';
import { FlinkConfig, highAvailabilityEnabled, isBlank } from '../flink-config';

/** Flink memory options that define the JobManager's memory without resource.memory. */
const JM_MEMORY_KEYS = ['jobmanager.memory.process.size', 'jobmanager.memory.flink.size', 'jobmanager.memory.heap.size', 'jobmanager.heap.size', 'jobmanager.heap.mb'];

function anySet(config: FlinkConfig, keys: string[]): boolean {
  return keys.some((key) => !isBlank(config.entries.get(key)));
}

/** Whether Flink could size the TaskManager from the configuration alone. */
function taskManagerMemoryConfigured(config: FlinkConfig): boolean {
  return anySet(config, ['taskmanager.memory.process.size', 'taskmanager.memory.flink.size', 'taskmanager.heap.size', 'taskmanager.heap.mb'])
    || (anySet(config, ['taskmanager.memory.task.heap.size']) && anySet(config, ['taskmanager.memory.managed.size', 'taskmanager.memory.size']));
}

/** The operator's reading of resource.memory: Flink's MemorySize first, then a Kubernetes quantity. */
export function operatorMemoryProblem(value: string): string | undefined {
  try {
    parseMemorySize(value);
    return undefined;
  } catch {
    try {
      // The quantity's decimal text must itself be a Flink memory size: '1Gi' is, '1.5g' is not.
      parseMemorySize(parseOperatorMemoryQuantity(value).javaString);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}

function checkResource(context: RuleContext, component: 'JobManager' | 'TaskManager', path: string, resource: any): void {
  if (resource === null || typeof resource !== 'object') {
    return;
  }
  const memory = resource.memory;
  if (typeof memory === 'string' && !isBlank(memory)) {
    const problem = operatorMemoryProblem(memory);
    if (problem) {
      context.report('resource-memory-format', `${path}.resource.memory`,
        `${path}.resource.memory '${memory}' is neither a Flink memory size nor a Kubernetes quantity (${problem}). Write it like '2048m' or '2g' (Flink: m = MiB) or '2Gi'.`);
    }
  }
  const storage = resource.ephemeralStorage;
  if (typeof storage === 'string') {
    try {
      parseEphemeralStorageQuantity(storage);
    } catch (error) {
      context.report('resource-ephemeral-storage-format', `${path}.resource.ephemeralStorage`,
        `${path}.resource.ephemeralStorage '${storage}' is not a Kubernetes quantity (${error instanceof Error ? error.message : String(error)}). Write it like '10Gi'.`);
    }
  }
  void component;
}

export function checkJobManager(context: RuleContext): void {
  const jobManager = context.spec.jobManager;
  const memory = jobManager?.resource?.memory;
  if ((memory === undefined || memory === null || (typeof memory === 'string' && isBlank(memory))) && !anySet(context.config, JM_MEMORY_KEYS)) {
    context.report('jobmanager-memory-required', 'spec.jobManager.resource.memory',
      "spec.jobManager.resource.memory must be set, e.g. '2048m' (or size the JobManager with 'jobmanager.memory.process.size' in flinkConfiguration).");
  }
  if (jobManager === undefined || jobManager === null) {
    return;
  }
  checkResource(context, 'JobManager', 'spec.jobManager', jobManager.resource);
  const replicas = jobManager.replicas ?? 1;
  if (typeof replicas === 'number') {
    if (replicas < 1) {
      context.report('jobmanager-replicas', 'spec.jobManager.replicas', `spec.jobManager.replicas must be at least 1 (got ${replicas}).`);
    } else if (replicas > 1 && !highAvailabilityEnabled(context.config)) {
      context.report('standby-jobmanager-requires-ha', 'spec.jobManager.replicas',
        `spec.jobManager.replicas is ${replicas}, but standby JobManagers need high availability. Set 'high-availability.type: kubernetes' and 'high-availability.storageDir' in flinkConfiguration, or use 1 replica.`);
    }
  }
}

export function checkTaskManager(context: RuleContext): void {
  const taskManager = context.spec.taskManager;
  const memory = taskManager?.resource?.memory;
  if ((memory === undefined || memory === null || (typeof memory === 'string' && isBlank(memory))) && !taskManagerMemoryConfigured(context.config)) {
    context.report('taskmanager-memory-required', 'spec.taskManager.resource.memory',
      "spec.taskManager.resource.memory must be set, e.g. '2048m' (or size the TaskManagers with 'taskmanager.memory.process.size' in flinkConfiguration).");
  }
  if (taskManager === undefined || taskManager === null) {
    return;
  }
  checkResource(context, 'TaskManager', 'spec.taskManager', taskManager.resource);
  const replicas = taskManager.replicas;
  if (typeof replicas === 'number' && replicas < 1 && context.spec.job === undefined) {
    context.report('taskmanager-replicas', 'spec.taskManager.replicas', `spec.taskManager.replicas must be at least 1 (got ${replicas}).`);
  }
}
