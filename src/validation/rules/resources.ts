/**
 * JobManager and TaskManager rules: memory defined and parseable, replicas, standby JobManagers.
 */
import { OperatorMemoryQuantity, parseEphemeralStorageQuantity, parseOperatorMemoryQuantity } from '../../private/fabric8/quantity';
import { MEBIBYTE, parseMemorySize } from '../../private/flink/memory-size';
import { javaBigDecimalToBigInt } from '../../private/jvm/big-decimal';
import { isBlank } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import { mainKey, writeKey } from '../../private/options/option';
import { highAvailabilityEnabled } from '../configuration';
import { RuleContext } from '../context';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A whole-number spelling of a quantity's bytes that Flink takes, if there is one. */
function wholeNumberSpelling(quantity: OperatorMemoryQuantity): string | undefined {
  let bytes: bigint | undefined;
  try {
    bytes = javaBigDecimalToBigInt(quantity.value);
  } catch {
    return undefined;
  }
  if (bytes === undefined || bytes <= 0n) {
    return undefined;
  }
  return bytes % MEBIBYTE === 0n ? `'${bytes / MEBIBYTE}m' (Flink: m = MiB)` : `'${bytes}' (bytes)`;
}

/**
 * Why the operator cannot read resource.memory, as the finding's message, or undefined when it
 * can. A Kubernetes quantity such as '1.5Gi' is valid, but the operator hands Flink its byte
 * count in Java's decimal notation ('1610612736.0'), which Flink's memory size parser rejects.
 */
export function resourceMemoryMessage(path: string, memory: string): string | undefined {
  try {
    parseMemorySize(memory);
    return undefined;
  } catch {
    // not a Flink memory size: the operator tries a Kubernetes quantity
  }
  let quantity: OperatorMemoryQuantity;
  try {
    quantity = parseOperatorMemoryQuantity(memory);
  } catch (error) {
    return `${path} '${memory}' is neither a Flink memory size nor a Kubernetes quantity (${errorMessage(error)}). Write it like '2048m' or '2g' (Flink: m = MiB) or '2Gi'.`;
  }
  try {
    parseMemorySize(quantity.javaString);
    return undefined;
  } catch (error) {
    const spelling = wholeNumberSpelling(quantity);
    return `${path} '${memory}' is a valid Kubernetes quantity, but Flink cannot take it: the operator converts it to the byte count '${quantity.javaString}' and passes that to Flink, whose memory size parser takes only a whole number with an optional unit (${errorMessage(error)}). `
      + (spelling === undefined ? "Write a whole number of a unit, like '1536m' or '2Gi'." : `Write it as ${spelling}.`);
  }
}

function checkResource(context: RuleContext, component: 'JobManager' | 'TaskManager', path: string, resource: any): void {
  if (resource === null || typeof resource !== 'object') {
    return;
  }
  const memory = resource.memory;
  if (typeof memory === 'string' && !isBlank(memory)) {
    const message = resourceMemoryMessage(`${path}.resource.memory`, memory);
    if (message !== undefined) {
      context.report('resource-memory-format', `${path}.resource.memory`, message);
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
        `spec.jobManager.replicas is ${replicas}, but standby JobManagers need high availability. Set '${mainKey(F.HIGH_AVAILABILITY)}: kubernetes' and '${mainKey(F.HA_STORAGE_DIRECTORY)}' in flinkConfiguration, or use 1 replica.`);
    } else if (replicas > 1 && !highAvailabilityEnabled(context.modelOf(context.manifest).flink, 'flink')) {
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
