/**
 * FlinkSessionJob rules: the job alone, and against its session cluster when that is in the set.
 */
import { flinkVersionOf, SESSION_JOB_CONFIGURATION_SINCE, sessionJobConfiguration } from '../configuration';
import { RuleContext } from '../context';
import { checkAutoscalerOptions } from './autoscaler';
import { checkJobSpec } from './job';
import { deploymentNameProblem } from './names';

export function checkSessionJobAlone(context: RuleContext): void {
  const deploymentName = context.spec.deploymentName;
  const problem = deploymentNameProblem(deploymentName);
  if (problem) {
    context.report('deployment-name', 'spec.deploymentName',
      `spec.deploymentName names the session cluster's FlinkDeployment, whose name ${problem}. Use the cluster's metadata.name.`);
  }
  if (context.spec.job === undefined || context.spec.job === null) {
    context.report('session-job-spec-required', 'spec.job', "spec.job must be set: a session job needs at least a jarURI, e.g. job: { jarURI: 'https://.../job.jar', parallelism: 2 }.");
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
  const merged = sessionJobConfiguration(context.settings.operatorConfiguration, cluster.spec, context.spec);
  const version = flinkVersionOf(cluster.spec?.flinkVersion);
  const runtimeConfig = version === undefined || version.isAtLeast(SESSION_JOB_CONFIGURATION_SINCE)
    ? merged : sessionJobConfiguration(context.settings.operatorConfiguration, cluster.spec, {});
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
