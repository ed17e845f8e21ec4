/**
 * FlinkSessionJob rules: the job alone, and against its session cluster when that is in the set.
 */
import { flattenConfiguration } from '../../private/options/effective-configuration';
import { WEB_SUBMIT } from '../../private/options/flink-options';
import { mainKey } from '../../private/options/option';
import { ignoredSessionJobKeys, ignoredSessionJobSettingsMessage } from '../checks/session-job-settings';
import { flinkVersionOf, sessionClusterOf, sessionJobConfigurationReachesFlink } from '../configuration';
import { RuleContext } from '../context';
import { checkAutoscalerOptions } from './autoscaler';
import { checkJobSpec } from './job';
import { deploymentNameProblem } from '../checks/names';
import { childPath } from '../json-path';

export function checkSessionJobAlone(context: RuleContext): void {
  const deploymentName = context.spec.deploymentName;
  const problem = deploymentNameProblem(deploymentName);
  if (problem) {
    context.report('deployment-name', 'spec.deploymentName',
      `spec.deploymentName names the session cluster's FlinkDeployment, whose name ${problem}. Use the cluster's metadata.name.`);
  }
  const job = context.spec.job;
  if (job === undefined || job === null) {
    context.report('session-job-spec-required', 'spec.job', "spec.job must be set: a session job needs at least a jarURI, e.g. job: { jarURI: 'https://.../job.jar', parallelism: 2 }.");
    return;
  }
  // The operator checks the parallelism of every session job, with or without its cluster;
  // with the cluster in the set, checkJobSpec does (with the rest of the job).
  const parallelism = job.parallelism ?? 0;
  if (sessionClusterOf(context.index, context.manifest) === undefined && typeof parallelism === 'number' && parallelism < 1) {
    context.report('job-parallelism', 'spec.job.parallelism', job.parallelism === undefined || job.parallelism === null
      ? 'spec.job.parallelism is not set; the operator needs a parallelism of at least 1. Set it, e.g. parallelism: 2.'
      : `spec.job.parallelism must be at least 1 (got ${parallelism}).`);
  }
}

/** The keys of a session job's configuration that never reach Flink on its cluster's version (see checks/session-job-settings.ts). */
function checkIgnoredConfiguration(context: RuleContext, cluster: any): void {
  const version = flinkVersionOf(cluster.spec?.flinkVersion);
  if (sessionJobConfigurationReachesFlink(version)) {
    return;
  }
  for (const key of ignoredSessionJobKeys(flattenConfiguration(context.spec.flinkConfiguration).keys(), version)) {
    context.report('session-job-config-ignored', childPath('spec.flinkConfiguration', key),
      ignoredSessionJobSettingsMessage([`flinkConfiguration '${key}'`], cluster.metadata?.name, version!));
  }
}

export function checkSessionJobOnCluster(context: RuleContext): void {
  const deploymentName = context.spec.deploymentName;
  const job = context.spec.job;
  if (typeof deploymentName !== 'string' || job === undefined || job === null) {
    return;
  }
  const cluster = context.index.find('FlinkDeployment', deploymentName, context.namespace);
  if (cluster === undefined) {
    context.report('session-job-target-missing', 'spec.deploymentName',
      `spec.deploymentName '${deploymentName}' names no FlinkDeployment in this set${context.namespace ? ` (namespace '${context.namespace}')` : ''}; the cluster's configuration could not be checked. Make sure the session cluster exists in the job's namespace.`);
    return;
  }
  if (cluster.spec?.job !== undefined && cluster.spec?.job !== null) {
    context.report('session-job-target-kind', 'spec.deploymentName',
      `spec.deploymentName '${deploymentName}' is an application cluster (its FlinkDeployment has spec.job); session jobs run only on session clusters. Point it at a FlinkDeployment without a job.`);
    return;
  }
  checkIgnoredConfiguration(context, cluster);
  const merged = context.mergedJobConfiguration(cluster.spec);
  const version = flinkVersionOf(cluster.spec?.flinkVersion);
  const runtimeConfig = sessionJobConfigurationReachesFlink(version)
    ? merged : context.clusterConfiguration(cluster.spec);
  checkJobSpec(context, {
    runtimeConfig,
    job,
    jobPath: 'spec.job',
    config: merged,
    configPath: 'spec.flinkConfiguration',
    configSource: `the configuration of session cluster '${deploymentName}' merged with this job's`,
    application: false,
  });
  checkAutoscalerOptions(context, merged, 'spec.flinkConfiguration');
}

/**
 * A session cluster whose FlinkSessionJobs the operator cannot submit: it uploads each job's jar
 * through the web UI's submission handlers (`/jars/upload`, then `/jars/:id/run`), which
 * `web.submit.enable: false` removes (Flink registers them only with the key on), so every
 * submission fails. Reported once, on the cluster, where the fix goes.
 */
export function checkSessionJobSubmission(context: RuleContext): void {
  if (context.spec.job !== undefined && context.spec.job !== null) {
    return;
  }
  const submit = context.modelOf(context.manifest).flink.read(WEB_SUBMIT);
  if (!submit.read.ok || submit.read.value !== false) {
    return;
  }
  const jobs = context.index.sessionJobsOf(context.name)
    .filter((job) => (job.metadata?.namespace ?? context.namespace) === (context.namespace ?? job.metadata?.namespace));
  if (jobs.length === 0) {
    return;
  }
  const names = jobs.slice(0, 3).map((job) => `'${job.metadata?.name}'`).join(', ') + (jobs.length > 3 ? ` and ${jobs.length - 3} more` : '');
  const key = submit.key ?? mainKey(WEB_SUBMIT);
  context.report('session-job-submission-disabled', childPath('spec.flinkConfiguration', key),
    `'${key}' is 'false', but FlinkSessionJob${jobs.length > 1 ? 's' : ''} ${names} run${jobs.length > 1 ? '' : 's'} on this session cluster: the operator submits them through the web UI's jar upload (/jars/upload), which that key removes, so they never start. Remove the key (it does not close the REST API anyway: POST /jobs stays), and protect the REST endpoint with authentication and a NetworkPolicy instead.`);
}
