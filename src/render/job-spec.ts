/**
 * Maps job options to the `spec.job` of a FlinkDeployment or FlinkSessionJob.
 */
import { FlinkVersion } from '../flink-version';
import { FlinkDeploymentSpecJob } from '../imports/flink.apache.org';
import { FlinkJobOptions } from '../job-options';
import { quoted } from '../private/kubernetes-names';
import { checkNonce, checkWholeNumber } from '../props/prop-checks';
import { propError } from '../props/prop-errors';
import { PythonJob } from '../python-job';
import { writtenJobFieldProblem, writtenJobFields } from '../validation/checks/configuration-text';
import { placeholderFix, placeholderIn } from '../validation/checks/placeholders';

/**
 * The job spec. FlinkDeployment and FlinkSessionJob share its shape; the generated types
 * differ only in their enum type names.
 */
/** Flink's default parallelism, written when none is given: the operator requires a parallelism. */
const DEFAULT_PARALLELISM = 1;

/** How the operator hands a job's fields to Flink. */
export interface JobDelivery {
  /** Whether the operator writes the fields into the cluster's configuration file (an application's job), rather than a REST request (a session job's). */
  readonly inFile: boolean;
  /** Whether the cluster runs in standalone mode (the operator also passes the fields on the JobManager's command line). */
  readonly standalone?: boolean;
}

/**
 * The prop that sets a job field (`args[1]`, `initialSavepointPath`, ...): a Python job sets the
 * jar, the entry class and the arguments itself.
 */
function fieldProp(field: string, options: FlinkJobOptions): string {
  if (field === 'initialSavepointPath') {
    return field;
  }
  if (options.python !== undefined) {
    return 'python';
  }
  return field === 'jarURI' ? 'jar' : field.startsWith('args[') ? 'args' : field;
}

/**
 * Refuses job fields for what Flink makes of them: a placeholder that nothing fills in (always);
 * before Flink 2.0, where the operator writes an application's fields into flink-conf.yaml, a
 * line break (it would inject options) or, where the JobManager reads them back, a `#`.
 */
function checkJobFields(job: any, options: FlinkJobOptions, delivery: JobDelivery, flinkVersion: FlinkVersion | undefined): void {
  const inFile = delivery.inFile && flinkVersion !== undefined && !flinkVersion.isAtLeast(FlinkVersion.V2_0);
  for (const field of writtenJobFields(job, delivery.standalone === true)) {
    const problem = inFile ? writtenJobFieldProblem(field) : undefined;
    if (problem !== undefined) {
      throw propError(fieldProp(field.field, options), `The job's ${field.field} ${problem}.`);
    }
    const placeholder = placeholderIn(field.value, undefined, field.field.startsWith('args['));
    if (placeholder !== undefined) {
      throw propError(fieldProp(field.field, options), `The job's ${field.field} holds ${quoted(placeholder.text)} (${placeholder.form}), which nothing fills in: `
        + `the operator passes it to Flink as written. ${placeholderFix(false)}.`);
    }
  }
}

/**
 * @param taskManagerReplicas an application cluster's TaskManager replicas, which make the
 * operator derive the parallelism itself
 */
export function renderJob(options: FlinkJobOptions, taskManagerReplicas: number | undefined, flinkVersion: FlinkVersion | undefined,
  delivery: JobDelivery = { inFile: true }): any {
  if ((options.jar === undefined) === (options.python === undefined)) {
    throw propError('jar', `Give exactly one of 'jar' (JobJar.fromUri(...), fromLocal(...)) and 'python' (PythonJob.fromScript(...), fromModule(...)); got ${options.jar === undefined ? 'neither' : 'both'}.`);
  }
  if (options.python !== undefined && (options.entryClass !== undefined || options.args !== undefined)) {
    throw propError('python', "A 'python' job sets its own entry class and arguments: pass the job's arguments as PythonJobOptions.args instead of 'entryClass' or 'args'.");
  }
  checkWholeNumber('parallelism', options.parallelism, 1);
  if (options.entryClass !== undefined && !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(options.entryClass)) {
    throw propError('entryClass', `'entryClass' must be a fully qualified Java class name such as 'org.apache.flink.examples.WordCount' (got '${options.entryClass}').`);
  }
  for (const nonce of ['savepointTriggerNonce', 'checkpointTriggerNonce', 'savepointRedeployNonce', 'autoscalerResetNonce'] as const) {
    checkNonce(nonce, options[nonce]);
  }
  if (options.savepointRedeployNonce !== undefined && (options.initialSavepointPath === undefined || options.initialSavepointPath.trim() === '')) {
    throw propError('savepointRedeployNonce', `'savepointRedeployNonce' (${options.savepointRedeployNonce}) redeploys the job from 'initialSavepointPath', which is not set. Set the savepoint path to redeploy from, e.g. 's3://bucket/savepoints/savepoint-1a2b3c'.`);
  }
  const job: FlinkDeploymentSpecJob = {
    jarUri: options.python !== undefined ? options.python._jarUri(flinkVersion) : options.jar!.uri,
    entryClass: options.python !== undefined ? PythonJob.ENTRY_CLASS : options.entryClass,
    args: options.python !== undefined ? [...options.python.args] : options.args === undefined ? undefined : [...options.args],
    parallelism: options.parallelism ?? (taskManagerReplicas === undefined ? DEFAULT_PARALLELISM : undefined),
    upgradeMode: options.upgradeMode as string | undefined as FlinkDeploymentSpecJob['upgradeMode'],
    state: options.state as string | undefined as FlinkDeploymentSpecJob['state'],
    allowNonRestoredState: options.allowNonRestoredState,
    savepointTriggerNonce: options.savepointTriggerNonce,
    checkpointTriggerNonce: options.checkpointTriggerNonce,
    initialSavepointPath: options.initialSavepointPath,
    savepointRedeployNonce: options.savepointRedeployNonce,
    autoscalerResetNonce: options.autoscalerResetNonce,
  };
  checkJobFields(job, options, delivery, flinkVersion);
  return job;
}
