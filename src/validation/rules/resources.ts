/**
 * JobManager and TaskManager rules: memory defined and parseable, replicas, standby JobManagers.
 */
import { parseEphemeralStorageQuantity, parseOperatorMemoryQuantity } from '../../private/fabric8/quantity';
import { parseMemorySize } from '../../private/flink/memory-size';
import { isBlank } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import { writeKey } from '../../private/options/option';
import { highAvailabilityEnabled } from '../configuration';
import { RuleContext } from '../context';

/** The operator's reading of resource.memory: Flink's MemorySize first, then a Kubernetes quantity. */
export function operatorMemoryProblem(value: string): string | undefined {
  const bytes = operatorMemoryBytes(value);
  return typeof bytes === 'string' ? bytes : undefined;
}

/** The bytes the operator reads from resource.memory, or why it cannot read them. */
export function operatorMemoryBytes(value: string): bigint | string {
  try {
    return parseMemorySize(value);
  } catch {
    try {
      // The quantity's decimal text must itself be a Flink memory size: '1Gi' is, '1.5g' is not.
      return parseMemorySize(parseOperatorMemoryQuantity(value).javaString);
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
    } else if (replicas > 1 && !highAvailabilityEnabled(context.config, 'flink')) {
      const version = context.config.version!;
      const key = context.config.lookup(F.HIGH_AVAILABILITY, 'operator')?.key;
      context.report('state-config-unread', 'spec.jobManager.replicas',
        `spec.jobManager.replicas is ${replicas}, and the operator admits it with '${key}', but Flink ${version.major}.${version.minor} does not read that key: the JobManagers run without high availability, each as leader. Use '${writeKey(F.HIGH_AVAILABILITY, version)}', or 1 replica.`);
    }
  }
}

export function checkTaskManager(context: RuleContext): void {
  const taskManager = context.spec.taskManager;
  if (taskManager === undefined || taskManager === null) {
    return;
  }
  checkResource(context, 'TaskManager', 'spec.taskManager', taskManager.resource);
  const replicas = taskManager.replicas;
  if (typeof replicas === 'number' && replicas < 1 && context.spec.job === undefined) {
    context.report('taskmanager-replicas', 'spec.taskManager.replicas', `spec.taskManager.replicas must be at least 1 (got ${replicas}).`);
  }
}
