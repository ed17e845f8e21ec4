/**
 * State safety and Flink-version gates, for manifests written by hand too.
 */
import { Severity } from '../../finding';
import { EffectiveConfiguration, flattenConfiguration } from '../../private/options/effective-configuration';
import { RUNTIME_MODE, STATE_BACKEND } from '../../private/options/flink-options';
import { durableStateKeys, highAvailabilityEnabled, sessionJobConfiguration } from '../configuration';
import { RuleContext } from '../context';
import { childPath } from '../json-path';

/** `[major, minor]` of a `vX_Y` flinkVersion, or undefined. */
function versionOf(flinkVersion: unknown): [number, number] | undefined {
  const match = typeof flinkVersion === 'string' ? /^v(\d+)_(\d+)$/.exec(flinkVersion) : null;
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function before(version: [number, number] | undefined, major: number, minor: number): boolean {
  return version !== undefined && (version[0] < major || (version[0] === major && version[1] < minor));
}

interface Job {
  readonly job: any;
  readonly config: EffectiveConfiguration;
  /** The configuration the resource (and a session job's cluster) sets itself, without the operator's defaults. */
  readonly own: ReadonlyMap<string, string>;
  readonly flinkVersion: unknown;
  readonly configPath: string;
}

function jobOf(context: RuleContext): Job | undefined {
  const job = context.spec.job;
  if (job === null || typeof job !== 'object') {
    return undefined;
  }
  if (context.kind === 'FlinkDeployment') {
    return { job, config: context.config, own: flattenConfiguration(context.spec.flinkConfiguration), flinkVersion: context.spec.flinkVersion, configPath: 'spec.flinkConfiguration' };
  }
  const cluster = typeof context.spec.deploymentName === 'string' ? context.index.find('FlinkDeployment', context.spec.deploymentName, context.namespace) : undefined;
  const config = sessionJobConfiguration(context.settings.operatorConfiguration, cluster?.spec, context.spec);
  const own = sessionJobConfiguration(new Map(), cluster?.spec, context.spec).entries;
  return { job, config, own, flinkVersion: cluster?.spec?.flinkVersion, configPath: 'spec.flinkConfiguration' };
}

/**
 * A job with durable state that leaves its upgrade mode to the operator's default, stateless.
 * Durable state is what the job (or its session cluster) configures itself: the operator's
 * default configuration applies to every job, stateful or not.
 */
export function checkImplicitStateless(context: RuleContext): void {
  const scope = jobOf(context);
  if (scope === undefined || scope.job.upgradeMode !== undefined) {
    return;
  }
  const keys = durableStateKeys(scope.own);
  if (keys.length > 0) {
    // For the constructs the choice must be explicit: a warning scrolls by in CI, while the state is lost at the next deploy.
    context.report('implicit-stateless-upgrade', 'spec.job.upgradeMode',
      `${context.subject} keeps durable state (${keys.map((k) => `'${k}'`).join(', ')}) but sets no 'upgradeMode': the operator's default, stateless, would restart it from empty state on every spec change. Set spec.job.upgradeMode to savepoint or last-state (UpgradeMode.SAVEPOINT or UpgradeMode.LAST_STATE in the constructs) to keep the state, or UpgradeMode.STATELESS to drop it explicitly.`,
      context.settings.constructs === true ? Severity.ERROR : undefined);
  }
}

/** last-state without Kubernetes HA works only while the job can be cancelled. */
export function checkLastStateWithoutHa(context: RuleContext): void {
  const scope = jobOf(context);
  if (scope === undefined || scope.job.upgradeMode !== 'last-state' || context.kind !== 'FlinkDeployment' || highAvailabilityEnabled(scope.config)) {
    return;
  }
  context.report('last-state-without-ha', 'spec.job.upgradeMode',
    "spec.job.upgradeMode is 'last-state' without high availability: the operator can then upgrade only a job it can still cancel (it restores from the latest checkpoint it reads over REST); a failed or deleted JobManager needs manual recovery. Set 'high-availability.type: kubernetes' and 'high-availability.storageDir'.");
}

/**
 * A BATCH job takes no checkpoints, so savepoint and last-state upgrades have nothing to restore
 * from (a rule of this library: the operator accepts the spec, and an upgrade of a finished
 * batch job can fail with "Latest checkpoint not externally addressable").
 */
export function checkBatchJobUpgradeMode(context: RuleContext): void {
  const scope = jobOf(context);
  const upgradeMode = scope?.job.upgradeMode;
  if (scope === undefined || (upgradeMode !== 'savepoint' && upgradeMode !== 'last-state')) {
    return;
  }
  const mode = scope.config.read(RUNTIME_MODE);
  if (mode.read.ok && mode.read.value === 'BATCH') {
    context.report('batch-job-upgrade-mode', 'spec.job.upgradeMode',
      `${context.subject} runs in BATCH mode ('${mode.key ?? 'execution.runtime-mode'}'), which takes no checkpoints, but spec.job.upgradeMode is '${upgradeMode}': there is nothing to restore from. Use upgradeMode 'stateless' for batch jobs.`);
  }
}

/** Features the chosen Flink version cannot provide. */
export function checkVersionFeatures(context: RuleContext): void {
  const scope = jobOf(context);
  const flinkVersion = scope?.flinkVersion ?? context.spec.flinkVersion;
  const version = versionOf(flinkVersion);
  const config = scope?.config ?? context.config;
  if (before(version, 2, 0)) {
    const backend = config.lookup(STATE_BACKEND);
    if (backend !== undefined && backend.value.trim().toLowerCase() === 'forst') {
      context.report('flink-version-feature', childPath(scope?.configPath ?? 'spec.flinkConfiguration', backend.key),
        `'${backend.key}: forst' needs Flink 2.0 or newer, whose state backend loader knows ForSt (the cluster runs ${flinkVersion}). Use 'rocksdb' or upgrade 'flinkVersion'.`);
    }
  }
  if (before(version, 1, 17)) {
    if (scope?.job?.checkpointTriggerNonce !== undefined && scope?.job?.checkpointTriggerNonce !== null) {
      context.report('flink-version-feature', 'spec.job.checkpointTriggerNonce',
        `spec.job.checkpointTriggerNonce needs Flink 1.17 or newer, which can trigger checkpoints on request (the cluster runs ${flinkVersion}); the operator would ignore it. Use savepointTriggerNonce or upgrade.`);
    }
    for (const key of ['kubernetes.operator.periodic.checkpoint.interval', 'job.autoscaler.enabled', 'kubernetes.operator.job.autoscaler.enabled']) {
      const value = config.raw(key);
      if (value !== undefined && value.trim() !== '' && value.trim().toLowerCase() !== 'false') {
        context.report('flink-version-feature', childPath(scope?.configPath ?? 'spec.flinkConfiguration', key),
          `'${key}' needs Flink 1.17 or newer (the cluster runs ${flinkVersion}). Upgrade 'flinkVersion' or remove it.`);
      }
    }
  }
}
