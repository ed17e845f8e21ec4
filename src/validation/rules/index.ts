/**
 * The rules of each Flink kind, in the order the operator checks them.
 */
import { RuleContext } from '../context';
import { checkDeploymentAutoscaler } from './autoscaler';
import { checkApplicationCapacity, checkSessionJobCapacity } from './capacity';
import { checkConfigValues, checkUnreadKeys } from './config-keys';
import { checkConfigurationText, checkJobFieldText } from './configuration-text';
import {
  checkDeploymentName,
  checkFlinkVersion,
  checkForbiddenKeys,
  checkHeartbeat,
  checkIngress,
  checkLogConfiguration,
  checkOperatorFeatures,
  checkRestBindPort,
  checkServiceAccount,
} from './deployment';
import { checkFileSystemPlugins, checkSessionJobFileSystemPlugins } from './filesystem-plugins';
import { checkHttpRouteExposure } from './http-route-exposure';
import { checkImages } from './images';
import { checkJarUri } from './jar-uri';
import { checkJobSpec } from './job';
import { checkApplicationJarUri, checkPythonJob } from './job-artifacts';
import { checkLocalState, checkSessionJobLocalState } from './local-state';
import { checkMemoryModel } from './memory';
import { checkPodMonitorPorts, checkServiceMonitorPorts } from './monitors';
import { checkNetworkPolicyRestOpen } from './network-policy';
import { checkPlaceholders, checkSecretVolumes } from './placeholders';
import { checkPodPrivileges, checkPodSecurityAdmission } from './pod-security';
import { checkPodTemplates } from './pod-templates';
import { checkServiceAccountBinding, checkTaskManagerServiceAccount } from './references';
import { checkReplacedConfiguration } from './replaced-configuration';
import { checkJobManager, checkTaskManager } from './resources';
import { checkRouteExposure, ROUTE_EXPOSURE_KINDS } from './route-exposure';
import { checkSchema } from './schema';
import { checkCredentialsInUrls, checkSensitiveValues } from './sensitive-keys';
import { checkSessionJobAlone, checkSessionJobOnCluster, checkSessionJobSubmission } from './session-job';
import { checkSnapshot } from './snapshot';
import { checkDeploymentSpecChange, checkSessionJobSpecChange } from './spec-change';
import { checkBatchJobUpgradeMode, checkImplicitStateless, checkLastStateWithoutHa, checkVersionFeatures } from './state';
import {
  checkBlueGreenIngressExposure, checkBlueGreenRestServiceExposure, checkIngressExposure, checkOperatorIngressExposure,
  checkRestServiceExposure, checkServiceExposure,
} from './web-ui-exposure';
import { blueGreenNameProblem } from '../checks/names';

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
    runtimeConfig: context.modelOf(context.manifest).flink,
    configPath: 'spec.flinkConfiguration',
    configSource: 'flinkConfiguration',
    application: true,
    taskManagerReplicas: context.spec.taskManager?.replicas,
  });
}

/** The rules of a FlinkDeployment, but for its name (shared with blue/green templates). */
const DEPLOYMENT_SPEC_RULES: ReadonlyArray<Rule> = [
  checkFlinkVersion,
  checkForbiddenKeys,
  checkReplacedConfiguration,
  checkConfigurationText,
  checkJobFieldText,
  checkPlaceholders,
  checkSecretVolumes,
  checkSensitiveValues,
  checkCredentialsInUrls,
  checkConfigValues,
  checkUnreadKeys,
  checkOperatorFeatures,
  checkHeartbeat,
  checkIngress,
  checkRestBindPort,
  checkLogConfiguration,
  checkApplicationJob,
  checkApplicationJarUri,
  checkPythonJob,
  checkJobManager,
  checkTaskManager,
  checkMemoryModel,
  checkServiceAccount,
  checkImages,
  checkPodTemplates,
  checkFileSystemPlugins,
  checkLocalState,
  checkDeploymentAutoscaler,
  checkServiceAccountBinding,
  checkTaskManagerServiceAccount,
  checkPodSecurityAdmission,
  checkPodPrivileges,
  checkApplicationCapacity,
  checkImplicitStateless,
  checkLastStateWithoutHa,
  checkBatchJobUpgradeMode,
  checkVersionFeatures,
];

/** A blue/green deployment's name leaves room for `-green` within the 45-character limit. */
function checkBlueGreenName(context: RuleContext): void {
  const name = context.manifest.metadata?.name;
  const problem = typeof name === 'string' ? blueGreenNameProblem(name) : undefined;
  if (problem !== undefined) {
    context.report('bluegreen-name', 'metadata.name', `The FlinkBlueGreenDeployment name ${problem}.`);
  }
}

/**
 * A blue/green deployment's template is the spec of its two FlinkDeployments: the deployment
 * rules run on it as on `<name>-blue`, and report at `spec.template.spec...`.
 */
function checkBlueGreenTemplate(context: RuleContext): void {
  const template = context.spec.template;
  if (template === null || typeof template !== 'object' || template.spec === null || typeof template.spec !== 'object') {
    context.report('bluegreen-template', 'spec.template.spec', 'spec.template.spec must hold the FlinkDeployment spec of the blue and green deployments.');
    return;
  }
  const child = {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: { name: `${context.name}-blue`, namespace: context.namespace, annotations: context.manifest.metadata?.annotations },
    spec: template.spec,
  };
  context.forTemplate(child, 'spec.template.', (childContext) => {
    for (const rule of DEPLOYMENT_SPEC_RULES) {
      rule(childContext);
    }
  });
}

export const RULES_BY_KIND: { readonly [kind: string]: ReadonlyArray<Rule> } = {
  FlinkDeployment: [
    checkSchema,
    checkDeploymentName,
    checkDeploymentSpecChange,
    ...DEPLOYMENT_SPEC_RULES,
    checkOperatorIngressExposure,
    checkRestServiceExposure,
    checkSessionJobSubmission,
  ],
  FlinkSessionJob: [
    checkSchema,
    checkSessionJobAlone,
    checkSessionJobSpecChange,
    checkPlaceholders,
    checkSensitiveValues,
    checkCredentialsInUrls,
    checkConfigValues,
    checkUnreadKeys,
    checkJarUri,
    checkPythonJob,
    checkSessionJobOnCluster,
    checkSessionJobFileSystemPlugins,
    checkSessionJobLocalState,
    checkSessionJobCapacity,
    checkImplicitStateless,
    checkBatchJobUpgradeMode,
    checkVersionFeatures,
  ],
  FlinkStateSnapshot: [
    checkSchema,
    checkSnapshot,
    checkCredentialsInUrls,
  ],
  FlinkBlueGreenDeployment: [
    checkSchema,
    checkBlueGreenName,
    checkBlueGreenTemplate,
    checkBlueGreenIngressExposure,
    checkBlueGreenRestServiceExposure,
  ],
  Ingress: [
    checkIngressExposure,
  ],
  HTTPRoute: [
    checkHttpRouteExposure,
  ],
  Service: [
    checkServiceExposure,
  ],
  NetworkPolicy: [
    checkNetworkPolicyRestOpen,
  ],
  // OpenShift Routes, the other Gateway API routes, Istio VirtualServices, Traefik IngressRoutes, Contour HTTPProxies.
  ...Object.fromEntries(ROUTE_EXPOSURE_KINDS.map((kind) => [kind, [checkRouteExposure]])),
  PodMonitor: [
    checkPodMonitorPorts,
  ],
  ServiceMonitor: [
    checkServiceMonitorPorts,
  ],
};
