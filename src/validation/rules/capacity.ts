/**
 * Slot capacity: a job needs as many task slots as its parallelism (with Flink's default slot
 * sharing). When a cluster's TaskManager count is bounded, a job that needs more slots than the
 * cluster can ever offer waits for slots until its slot requests time out.
 *
 * Bounded means `spec.taskManager.replicas` (slots: replicas x `taskmanager.numberOfTaskSlots`),
 * or `slotmanager.number-of-slots.max`. The adaptive scheduler runs jobs with the slots there are,
 * so its clusters are not checked.
 */
import { EffectiveConfiguration } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import { mainKey } from '../../private/options/option';
import { RuleContext } from '../context';

const SLOTS_PER_TASK_MANAGER = mainKey(F.TASK_SLOTS);
const MAX_SLOTS = mainKey(F.MAX_SLOTS);

interface Capacity {
  readonly slots: number;
  readonly explanation: string;
}

function wholeNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

/** The most slots a cluster can offer, or undefined when it is unbounded. */
export function clusterCapacity(spec: any, config: EffectiveConfiguration): Capacity | undefined {
  if ((config.raw(mainKey(F.SCHEDULER)) ?? '').trim().toLowerCase() === 'adaptive') {
    return undefined;
  }
  const perTaskManager = wholeNumber(config.raw(SLOTS_PER_TASK_MANAGER)) ?? 1;
  const replicas = spec?.taskManager?.replicas;
  const bounds: Capacity[] = [];
  if (typeof replicas === 'number' && replicas >= 1) {
    bounds.push({ slots: replicas * perTaskManager, explanation: `${replicas} TaskManager replicas x ${perTaskManager} slots` });
  }
  const max = wholeNumber(config.raw(MAX_SLOTS));
  if (max !== undefined && max < 2147483647) {
    bounds.push({ slots: max, explanation: `'${MAX_SLOTS}' ${max}` });
  }
  return bounds.sort((a, b) => a.slots - b.slots)[0];
}

function parallelismOf(job: any): number | undefined {
  return typeof job?.parallelism === 'number' && job.parallelism >= 1 ? job.parallelism : undefined;
}

/** An application cluster's job against its own slots. */
export function checkApplicationCapacity(context: RuleContext): void {
  const job = context.spec.job;
  const parallelism = parallelismOf(job);
  if (parallelism === undefined) {
    return;
  }
  const capacity = clusterCapacity(context.spec, context.config);
  if (capacity !== undefined && parallelism > capacity.slots) {
    context.report('slot-capacity', 'spec.job.parallelism',
      `spec.job.parallelism ${parallelism} needs ${parallelism} task slots, but the cluster has at most ${capacity.slots} (${capacity.explanation}); the job would wait for slots and fail. Lower the parallelism, or raise the replicas or '${SLOTS_PER_TASK_MANAGER}'.`);
  }
}

/** A session job against its cluster's slots, and the cluster's jobs together. */
export function checkSessionJobCapacity(context: RuleContext): void {
  const parallelism = parallelismOf(context.spec.job);
  const deploymentName = context.spec.deploymentName;
  if (parallelism === undefined || typeof deploymentName !== 'string') {
    return;
  }
  const cluster = context.index.find('FlinkDeployment', deploymentName, context.namespace);
  if (cluster === undefined || (cluster.spec?.job !== undefined && cluster.spec?.job !== null)) {
    return;
  }
  // The cluster's capacity and its running jobs are the same for each of its jobs: worked out once per run.
  const capacity = context.shared(cluster.spec, 'capacity', () => clusterCapacity(cluster.spec, context.clusterConfiguration(cluster.spec)));
  if (capacity === undefined) {
    return;
  }
  if (parallelism > capacity.slots) {
    context.report('slot-capacity', 'spec.job.parallelism',
      `spec.job.parallelism ${parallelism} needs ${parallelism} task slots, but session cluster '${deploymentName}' has at most ${capacity.slots} (${capacity.explanation}); the job can never be scheduled. Lower the parallelism, or raise the cluster's TaskManagers or slots.`);
    return;
  }
  // The jobs of the cluster that run, in set order; the last job that overflows gets the warning.
  const byNamespace = context.shared(cluster.spec, 'running session jobs', () => new Map<string | undefined, { running: any[]; total: number }>());
  let jobs = byNamespace.get(context.namespace);
  if (jobs === undefined) {
    const running = context.index.sessionJobsOf(deploymentName).filter((job) =>
      (job.metadata?.namespace ?? context.namespace) === (context.namespace ?? job.metadata?.namespace)
      && job.spec?.job?.state !== 'suspended'
      && parallelismOf(job.spec?.job) !== undefined);
    jobs = { running, total: running.reduce((sum, job) => sum + parallelismOf(job.spec.job)!, 0) };
    byNamespace.set(context.namespace, jobs);
  }
  const { running, total } = jobs;
  if (total > capacity.slots && running[running.length - 1] === context.manifest) {
    context.report('session-slot-capacity', 'spec.job.parallelism',
      `The running session jobs of cluster '${deploymentName}' need ${total} task slots together (${running.map((job) => `${job.metadata?.name}: ${parallelismOf(job.spec.job)}`).join(', ')}), but the cluster has at most ${capacity.slots} (${capacity.explanation}); not all of them can run at once.`);
  }
}
