/**
 * FlinkDeployment rules that look at the deployment alone (the operator's validateDeployment).
 */
import { quoted } from '../../private/kubernetes-names';
import { EffectiveConfiguration, flattenConfiguration } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import { HEALTH_CHECK_ENABLED, JM_DEPLOYMENT_RECOVERY, ROLLBACK_ENABLED } from '../../private/options/operator-options';
import { FlinkOption, mainKey } from '../../private/options/option';
import { configurationKeyProblem } from '../checks/configuration-text';
import { heartbeatProblem } from '../checks/heartbeat';
import { deploymentNameProblem } from '../checks/names';
import { REST_BIND_PORT_KEY, restBindPort } from '../checks/rest-port';
import { FORBIDDEN_KEYS, flinkVersionOf, highAvailabilityEnabled } from '../configuration';
import { RuleContext } from '../context';
import { childPath } from '../json-path';
import { keyFlinkReads, writesLegacyFile } from '../model/configuration-file';

/** The oldest flinkVersion the operator 1.15 still supports. */
const OLDEST_SUPPORTED = [1, 15];

/** The logConfiguration files the operator accepts. */
const LOG_CONFIG_KEYS = ['log4j-console.properties', 'logback-console.xml'];

export function checkDeploymentName(context: RuleContext): void {
  const name = context.manifest.metadata?.name;
  if (typeof name !== 'string') {
    return; // reported as manifest-shape
  }
  const problem = deploymentNameProblem(name);
  if (problem) {
    context.report('deployment-name', 'metadata.name', `The FlinkDeployment name ${problem}. Flink derives Service and ConfigMap names from it; pick a shorter lowercase name.`);
  }
}

export function checkFlinkVersion(context: RuleContext): void {
  const version = context.spec.flinkVersion;
  if (version === undefined || version === null) {
    context.report('flink-version-required', 'spec.flinkVersion', "spec.flinkVersion must be set, e.g. 'v1_20', to the Flink version of the image.");
    return;
  }
  const match = typeof version === 'string' ? /^v(\d+)_(\d+)$/.exec(version) : null;
  if (match && (Number(match[1]) < OLDEST_SUPPORTED[0] || (Number(match[1]) === OLDEST_SUPPORTED[0] && Number(match[2]) < OLDEST_SUPPORTED[1]))) {
    context.report('flink-version-supported', 'spec.flinkVersion',
      `spec.flinkVersion '${version}' is not supported by the Flink Kubernetes Operator 1.15 (v1_15 and newer are). Upgrade the job to Flink 1.15 or newer.`);
  }
}

export function checkForbiddenKeys(context: RuleContext): void {
  for (const key of FORBIDDEN_KEYS) {
    if (context.config.has(key)) {
      context.report('forbidden-config-key', childPath('spec.flinkConfiguration', key),
        `flinkConfiguration '${key}' is set ('${context.config.raw(key)}'), but the operator sets it itself and rejects the resource. Remove the key.`);
    }
  }
  checkForbiddenKeysAsRead(context);
}

/**
 * A key that the operator's exact comparison lets through, but that Flink reads as one of the
 * keys the operator owns: before Flink 2.0 the operator writes `flink-conf.yaml`, whose loader
 * trims keys, so `' kubernetes.cluster-id'` is read as `kubernetes.cluster-id`. (Keys with
 * control characters, `#` or `: ` are `config-injection`'s.)
 */
function checkForbiddenKeysAsRead(context: RuleContext): void {
  const version = flinkVersionOf(context.spec.flinkVersion);
  if (!writesLegacyFile(version)) {
    return;
  }
  for (const [key, value] of flattenConfiguration(context.spec.flinkConfiguration)) {
    if (FORBIDDEN_KEYS.includes(key) || configurationKeyProblem(key) !== undefined) {
      continue;
    }
    const read = keyFlinkReads(key, value, version);
    if (read !== undefined && FORBIDDEN_KEYS.includes(read)) {
      context.report('forbidden-config-key', childPath('spec.flinkConfiguration', key),
        `flinkConfiguration key ${JSON.stringify(key)} is read by Flink ${version!.major}.${version!.minor} as '${read}' (value ${quoted(value)}): `
        + 'before Flink 2.0 the operator writes the configuration to flink-conf.yaml, whose loader trims keys. The operator\'s check compares keys exactly and lets it through, '
        + `but '${read}' is a key the operator sets itself (from the resource's metadata), and Flink would read both lines: whichever comes last sets the cluster's ${OWNED_WHAT[read]}. Remove the key.`);
    }
  }
}

/** What each key the operator owns decides, for messages. */
const OWNED_WHAT: { readonly [key: string]: string } = {
  [mainKey(F.KUBERNETES_NAMESPACE)]: 'namespace',
  [mainKey(F.KUBERNETES_CLUSTER_ID)]: 'id (its Kubernetes object names)',
  [mainKey(F.HA_CLUSTER_ID)]: 'high availability id (where its HA data lives)',
};

/**
 * An option's value as its reader reads it; an unreadable value reads as undefined
 * (`config-value-format` reports it).
 */
export function optionValue<T>(config: EffectiveConfiguration, option: FlinkOption<T>): T | undefined {
  const value = config.read(option);
  return value.read.ok ? value.read.value : undefined;
}

/** A boolean option's value (false when unreadable, which is reported). */
export function booleanOption(config: EffectiveConfiguration, option: FlinkOption<boolean>): boolean {
  return optionValue(config, option) ?? false;
}

export function checkOperatorFeatures(context: RuleContext): void {
  const config = context.config;
  const base = 'spec.flinkConfiguration';
  if (booleanOption(config, ROLLBACK_ENABLED) && !highAvailabilityEnabled(config)) {
    context.report('rollback-requires-ha', childPath(base, mainKey(ROLLBACK_ENABLED)),
      `flinkConfiguration '${mainKey(ROLLBACK_ENABLED)}' is 'true', but rollback needs high availability. Set '${mainKey(F.HIGH_AVAILABILITY)}' to 'kubernetes' (and '${mainKey(F.HA_STORAGE_DIRECTORY)}'), or turn rollback off.`);
  }
  const healthCheck = booleanOption(config, HEALTH_CHECK_ENABLED);
  const recovery = booleanOption(config, JM_DEPLOYMENT_RECOVERY);
  if (healthCheck && !recovery) {
    context.report('health-check-requires-jm-recovery', childPath(base, mainKey(HEALTH_CHECK_ENABLED)),
      `flinkConfiguration '${mainKey(HEALTH_CHECK_ENABLED)}' is 'true', but '${mainKey(JM_DEPLOYMENT_RECOVERY)}' is 'false'; the health check needs JobManager deployment recovery. Remove '${mainKey(JM_DEPLOYMENT_RECOVERY)}' or turn the health check off.`);
  }
}

export function checkIngress(context: RuleContext): void {
  const ingress = context.spec.ingress;
  if (ingress === undefined || ingress === null) {
    return;
  }
  const template = ingress.template;
  if (template === undefined || template === null) {
    context.report('ingress-template', 'spec.ingress.template', "spec.ingress.template must be set when spec.ingress is, e.g. '{{name}}.{{namespace}}.flink.example.com'.");
    return;
  }
  const problem = ingressTemplateProblem(String(template), context.name, context.namespace ?? 'default');
  if (problem) {
    context.report('ingress-template', 'spec.ingress.template', `spec.ingress.template '${template}' does not form a valid URL: ${problem}. Fix the host or port part.`);
  }
}

/**
 * Renders an ingress template like the operator (placeholders filled in, `http://` added when
 * there is no scheme) and checks what Java's URL parser refuses: a bad port or a bad IPv6 host.
 */
export function ingressTemplateProblem(template: string, name: string, namespace: string): string | undefined {
  let url = /^https?:\/\//i.test(template) ? template : `http://${template}`;
  url = url.replace(/\{\{name\}\}/gi, name).replace(/\{\{namespace\}\}/gi, namespace);
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const authority = afterScheme.split(/[/?#]/)[0];
  const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
  if (hostPort.startsWith('[')) {
    const end = hostPort.indexOf(']');
    if (end < 0 || !/^[0-9a-fA-F:.]+(%.+)?$/.test(hostPort.slice(1, end))) {
      return `invalid IPv6 host '${hostPort}'`;
    }
    return portProblem(hostPort.slice(end + 1));
  }
  const colon = hostPort.lastIndexOf(':');
  return colon < 0 ? undefined : portProblem(hostPort.slice(colon));
}

function portProblem(rest: string): string | undefined {
  if (rest === '' || rest === ':') {
    return undefined;
  }
  const port = rest.slice(1);
  if (!/^-?\d+$/.test(port) || Number(port) > 2147483647) {
    return `invalid port '${port}'`;
  }
  if (Number(port) < 0) {
    return `invalid port number ${port}`;
  }
  return undefined;
}

export function checkLogConfiguration(context: RuleContext): void {
  const logConfiguration = context.spec.logConfiguration;
  if (logConfiguration === null || typeof logConfiguration !== 'object') {
    return;
  }
  for (const key of Object.keys(logConfiguration)) {
    if (!LOG_CONFIG_KEYS.includes(key)) {
      context.report('log-config-key', childPath('spec.logConfiguration', key),
        `spec.logConfiguration has the file '${key}', but the operator accepts only ${LOG_CONFIG_KEYS.map((k) => `'${k}'`).join(' and ')}. Rename it.`);
    }
  }
}

/** A heartbeat timeout shorter than the interval (see checks/heartbeat.ts). */
export function checkHeartbeat(context: RuleContext): void {
  const config = context.config;
  const interval = config.read(F.HEARTBEAT_INTERVAL);
  const timeout = config.read(F.HEARTBEAT_TIMEOUT);
  if (!interval.read.ok || !timeout.read.ok) {
    return; // an unreadable value (a duration with a unit before Flink 1.20, say) is config-value-format's
  }
  // What is set names itself; what is not is the version's default.
  const problem = heartbeatProblem(config.version,
    { name: interval.key ?? mainKey(F.HEARTBEAT_INTERVAL), ms: interval.key === undefined ? undefined : interval.read.value },
    { name: timeout.key ?? mainKey(F.HEARTBEAT_TIMEOUT), ms: timeout.key === undefined ? undefined : timeout.read.value });
  if (problem !== undefined) {
    const timeoutKey = mainKey(F.HEARTBEAT_TIMEOUT);
    context.report('heartbeat-timeout', childPath('spec.flinkConfiguration', config.has(timeoutKey) ? timeoutKey : mainKey(F.HEARTBEAT_INTERVAL)), problem);
  }
}

export function checkServiceAccount(context: RuleContext): void {
  if (context.spec.serviceAccount === undefined || context.spec.serviceAccount === null) {
    context.report('service-account-required', 'spec.serviceAccount',
      "spec.serviceAccount must be set to the account the JobManager runs as, e.g. 'flink' (the operator Helm chart's job account) or one bound to the job rules.");
  }
}

/**
 * The REST bind port, which the REST Service targets, is one port: in native mode Flink's
 * Kubernetes client fails the deployment otherwise (see checks/rest-port.ts). Standalone
 * clusters are left out (their descriptor is the operator's own, not checked here).
 */
export function checkRestBindPort(context: RuleContext): void {
  if (context.spec.mode === 'standalone') {
    return;
  }
  const bind = restBindPort(context.config);
  if (bind.problem === undefined || bind.key === undefined) {
    return;
  }
  const own = flattenConfiguration(context.spec.flinkConfiguration).has(bind.key);
  const where = own ? `flinkConfiguration '${bind.key}'` : `The operator's default configuration '${bind.key}'`;
  const fallback = bind.key === REST_BIND_PORT_KEY ? '' : ` (read as '${REST_BIND_PORT_KEY}', which falls back to it)`;
  context.report('rest-bind-port', own ? childPath('spec.flinkConfiguration', bind.key) : 'spec.flinkConfiguration',
    `${where}${fallback} ${bind.problem}. Set '${REST_BIND_PORT_KEY}' to one port, e.g. '8081', or leave it out to listen on 'rest.port'.`);
}
