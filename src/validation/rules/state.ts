/**
 * State safety and Flink-version gates, for manifests written by hand too.
 */
import { Severity } from '../../finding';
import { FlinkVersion } from '../../flink-version';
import { EffectiveConfiguration, flattenConfiguration } from '../../private/options/effective-configuration';
import * as F from '../../private/options/flink-options';
import { AUTOSCALER_ENABLED, PERIODIC_CHECKPOINT_INTERVAL, PERIODIC_SAVEPOINT_INTERVAL } from '../../private/options/operator-options';
import { mainKey, writeKey } from '../../private/options/option';
import { batchUpgradeModeProblem } from '../checks/batch-job';
import { checkpointTriggerProblem } from '../checks/checkpoint-trigger';
import { durableStateKeys, flinkVersionOf, highAvailabilityEnabled } from '../configuration';
import { RuleContext } from '../context';
import { childPath } from '../json-path';

interface Job {
  readonly job: any;
  readonly config: EffectiveConfiguration;
  /** The configuration the resource (and a session job's cluster) sets itself, without the operator's defaults. */
  readonly own: ReadonlyMap<string, string>;
  readonly flinkVersion: unknown;
  readonly configPath: string;
}

/** The manifest's job, read once for the four rules that ask for it. */
function jobOf(context: RuleContext): Job | undefined {
  return context.perManifest('job', () => readJob(context));
}

function readJob(context: RuleContext): Job | undefined {
  const job = context.spec.job;
  if (job === null || typeof job !== 'object') {
    return undefined;
  }
  if (context.kind === 'FlinkDeployment') {
    return { job, config: context.modelOf(context.manifest).flink, own: flattenConfiguration(context.spec.flinkConfiguration), flinkVersion: context.spec.flinkVersion, configPath: 'spec.flinkConfiguration' };
  }
  const cluster = typeof context.spec.deploymentName === 'string' ? context.index.find('FlinkDeployment', context.spec.deploymentName, context.namespace) : undefined;
  const config = context.mergedJobConfiguration(cluster?.spec);
  const own = context.ownSessionJobEntries(cluster?.spec);
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

/** last-state without high availability, as the cluster's Flink version reads it, works only while the job can be cancelled. */
export function checkLastStateWithoutHa(context: RuleContext): void {
  const scope = jobOf(context);
  if (scope === undefined || scope.job.upgradeMode !== 'last-state' || context.kind !== 'FlinkDeployment' || highAvailabilityEnabled(scope.config, 'flink')) {
    return;
  }
  const version = scope.config.version;
  const unread = highAvailabilityEnabled(scope.config, 'operator') && version !== undefined
    ? ` The configuration turns it on with '${scope.config.lookup(F.HIGH_AVAILABILITY, 'operator')!.key}', which Flink ${version.major}.${version.minor} does not read ('${writeKey(F.HIGH_AVAILABILITY, version)}' is its key), so high availability is off.`
    : '';
  context.report('last-state-without-ha', 'spec.job.upgradeMode',
    `spec.job.upgradeMode is 'last-state' without high availability: the operator can then upgrade only a job it can still cancel (it restores from the latest checkpoint it reads over REST); a failed or deleted JobManager needs manual recovery.${unread} Set '${mainKey(F.HIGH_AVAILABILITY)}: kubernetes' ('${writeKey(F.HIGH_AVAILABILITY, FlinkVersion.V1_16)}' before Flink 1.17) and '${mainKey(F.HA_STORAGE_DIRECTORY)}'.`);
}

/** A BATCH job with savepoint or last-state upgrades (see checks/batch-job.ts). */
export function checkBatchJobUpgradeMode(context: RuleContext): void {
  const scope = jobOf(context);
  const upgradeMode = scope?.job.upgradeMode;
  if (scope === undefined || (upgradeMode !== 'savepoint' && upgradeMode !== 'last-state')) {
    return;
  }
  const mode = scope.config.read(F.RUNTIME_MODE);
  const problem = mode.read.ok
    ? batchUpgradeModeProblem({ name: mode.key ?? mainKey(F.RUNTIME_MODE), value: mode.read.value }, { name: 'spec.job.upgradeMode', value: upgradeMode })
    : undefined;
  if (problem !== undefined) {
    context.report('batch-job-upgrade-mode', 'spec.job.upgradeMode', problem);
  }
}

/** Whether an operator feature option is on: set, and not blank, 'false' or '0'. */
function featureOn(value: string | undefined): boolean {
  const text = (value ?? '').trim().toLowerCase();
  return text !== '' && text !== 'false' && text !== '0';
}

/**
 * Features the cluster's Flink version cannot provide. The ForSt state backend needs Flink 2.0,
 * whose state backend loader knows it: before, Flink fails to start, so that is an error. The
 * others need Flink 1.17, and the operator accepts them on older versions and then skips them:
 * checkpoint triggers (`SnapshotUtils.isSnapshotTriggeringSupported`: it logs that checkpoint
 * triggering requires Flink 1.17+), periodic checkpoints (the same), and the autoscaler, which
 * needs Flink 1.17's job vertex parallelism overrides to rescale (operator docs, autoscaler
 * requirements: older images only with backports).
 */
export function checkVersionFeatures(context: RuleContext): void {
  const scope = jobOf(context);
  const flinkVersion = scope?.flinkVersion ?? context.spec.flinkVersion;
  const version = flinkVersionOf(flinkVersion);
  if (version === undefined || version.isAtLeast(FlinkVersion.V2_0)) {
    return;
  }
  const config = scope?.config ?? context.config;
  const running = `the cluster runs ${flinkVersion}`;
  const backend = config.lookup(F.STATE_BACKEND);
  if (backend !== undefined && backend.value.trim().toLowerCase() === 'forst') {
    context.report('flink-version-feature', childPath(scope?.configPath ?? 'spec.flinkConfiguration', backend.key),
      `'${backend.key}: forst' needs Flink 2.0 or newer, whose state backend loader knows ForSt (${running}): Flink fails to start. Use 'rocksdb' or upgrade 'flinkVersion'.`,
      Severity.ERROR);
  }
  if (version.isAtLeast(FlinkVersion.V1_17)) {
    return;
  }
  const nonce = scope?.job?.checkpointTriggerNonce;
  const nonceProblem = nonce === undefined || nonce === null ? undefined
    : checkpointTriggerProblem(version, { nonce: 'spec.job.checkpointTriggerNonce', savepointNonce: 'spec.job.savepointTriggerNonce', cluster: 'the cluster' });
  if (nonceProblem !== undefined) {
    context.report('flink-version-feature', 'spec.job.checkpointTriggerNonce', nonceProblem);
  }
  const periodic = config.lookup(PERIODIC_CHECKPOINT_INTERVAL);
  if (periodic !== undefined && featureOn(periodic.value)) {
    context.report('flink-version-feature', childPath(scope?.configPath ?? 'spec.flinkConfiguration', periodic.key),
      `'${periodic.key}' needs Flink 1.17 or newer (${running}): the operator accepts it and triggers no checkpoint. Upgrade 'flinkVersion', or use '${mainKey(PERIODIC_SAVEPOINT_INTERVAL)}'.`);
  }
  const autoscaler = config.lookup(AUTOSCALER_ENABLED);
  if (autoscaler !== undefined && featureOn(autoscaler.value)) {
    context.report('flink-version-feature', childPath(scope?.configPath ?? 'spec.flinkConfiguration', autoscaler.key),
      `'${autoscaler.key}' turns the autoscaler on, which rescales jobs through the job vertex parallelism overrides of Flink 1.17 (${running}): the operator accepts it, but an image without those overrides backported is never rescaled. Upgrade 'flinkVersion' to v1_17 or newer.`);
  }
}
