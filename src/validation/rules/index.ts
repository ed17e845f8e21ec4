/**
 * The rules of each Flink kind, in the order the operator checks them.
 */
import { RuleContext } from '../context';
import { checkDeploymentAutoscaler } from './autoscaler';
import { checkApplicationCapacity, checkSessionJobCapacity } from './capacity';
import {
  checkDeploymentName,
  checkFlinkVersion,
  checkForbiddenKeys,
  checkHeartbeat,
  checkIngress,
  checkLogConfiguration,
  checkOperatorFeatures,
  checkServiceAccount,
} from './deployment';
import { checkJarUri } from './jar-uri';
import { checkJobSpec } from './job';
import { checkMemoryModel } from './memory';
import { checkServiceAccountBinding } from './references';
import { checkJobManager, checkTaskManager } from './resources';
import { checkSchema } from './schema';
import { checkSessionJobAlone, checkSessionJobOnCluster } from './session-job';
import { checkSnapshot } from './snapshot';
import { checkDeploymentSpecChange, checkSessionJobSpecChange } from './spec-change';
import { checkImplicitStateless, checkLastStateWithoutHa, checkVersionFeatures } from './state';

type Rule = (context: RuleContext) => void;

function checkApplicationJob(context: RuleContext): void {
  const job = context.spec.job;
  if (job === undefined || job === null || typeof job !== 'object') {
    return;
  }
  checkJobSpec(context, {
    job,
    jobPath: 'spec.job',
    config: context.config,
    configPath: 'spec.flinkConfiguration',
    configSource: 'flinkConfiguration',
    application: true,
    taskManagerReplicas: context.spec.taskManager?.replicas,
  });
}

export const RULES_BY_KIND: { readonly [kind: string]: ReadonlyArray<Rule> } = {
  FlinkDeployment: [
    checkSchema,
    checkDeploymentName,
    checkFlinkVersion,
    checkForbiddenKeys,
    checkOperatorFeatures,
    checkHeartbeat,
    checkIngress,
    checkLogConfiguration,
    checkApplicationJob,
    checkJobManager,
    checkTaskManager,
    checkMemoryModel,
    checkDeploymentSpecChange,
    checkServiceAccount,
    checkDeploymentAutoscaler,
    checkServiceAccountBinding,
    checkApplicationCapacity,
    checkImplicitStateless,
    checkLastStateWithoutHa,
    checkVersionFeatures,
  ],
  FlinkSessionJob: [
    checkSchema,
    checkSessionJobAlone,
    checkSessionJobSpecChange,
    checkJarUri,
    checkSessionJobOnCluster,
    checkSessionJobCapacity,
    checkImplicitStateless,
    checkVersionFeatures,
  ],
  FlinkStateSnapshot: [
    checkSchema,
    checkSnapshot,
  ],
  FlinkBlueGreenDeployment: [
    checkSchema,
  ],
};
