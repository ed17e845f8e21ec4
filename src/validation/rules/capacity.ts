/**
 * Slot capacity: a job needs as many task slots as its parallelism (with Flink's default slot
 * sharing). A job that needs more slots than its cluster can ever offer waits for slots until its
 * slot requests time out. What a cluster can offer, and the parallelism an application runs at,
 * are the model's (model/deployment-model.ts), as the operator and Flink decide them:
 * - a native cluster starts TaskManagers on demand: only `slotmanager.number-of-slots.max`
 *   bounds it (`taskManager.replicas` sets a key that only standalone clusters read);
 * - a standalone cluster has a fixed count of TaskManagers;
 * - an application with `taskManager.replicas` runs at replicas x slots, whatever its
 *   `job.parallelism` says (`FlinkConfigBuilder.getParallelism`).
 * The adaptive scheduler runs jobs with the slots there are, so its clusters are not checked.
 */
import * as F from '../../private/options/flink-options';
import { mainKey } from '../../private/options/option';
import { RuleContext } from '../context';
import { DeploymentModel } from '../model/deployment-model';

const SLOTS_PER_TASK_MANAGER = mainKey(F.TASK_SLOTS);

interface Capacity {
  readonly slots: number;
  readonly explanation: string;
}

/** The most slots a cluster can offer, or undefined when nothing bounds it. */
export function clusterCapacity(model: DeploymentModel): Capacity | undefined {
  if ((model.flink.raw(mainKey(F.SCHEDULER)) ?? '').trim().toLowerCase() === 'adaptive') {
    return undefined;
  }
  const { maxSlots, explanation } = model.taskManagers;
  return maxSlots === undefined ? undefined : { slots: maxSlots, explanation };
}

function parallelismOf(job: any): number | undefined {
  return typeof job?.parallelism === 'number' && job.parallelism >= 1 ? job.parallelism : undefined;
}

/** An application's job against its own slots, at the parallelism the operator runs it at. */
export function checkApplicationCapacity(context: RuleContext): void {
  const model = context.modelOf(context.manifest);
  const parallelism = model.parallelism;
  if (parallelism === undefined || parallelism.value < 1) {
    return;
  }
  if (parallelism.ignored !== undefined) {
    const replicas = context.spec.taskManager.replicas;
    context.report('job-parallelism-ignored', 'spec.job.parallelism',
      `spec.job.parallelism ${parallelism.ignored} is ignored: with spec.taskManager.replicas set, the operator runs the job at replicas x slots, ${parallelism.value} (${replicas} x ${model.slots}). Remove spec.job.parallelism, or remove spec.taskManager.replicas to run at ${parallelism.ignored}.`);
  }
  const capacity = clusterCapacity(model);
  if (capacity !== undefined && parallelism.value > capacity.slots) {
    context.report('slot-capacity', 'spec.job.parallelism',
      `The job runs at parallelism ${parallelism.value} (${parallelism.source}) and needs ${parallelism.value} task slots, but the cluster has at most ${capacity.slots} (${capacity.explanation}); the job would wait for slots and fail. Lower the parallelism, or raise the TaskManagers or '${SLOTS_PER_TASK_MANAGER}'.`);
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
  const capacity = context.shared(cluster.spec, 'capacity', () => clusterCapacity(context.modelOf(cluster)));
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
