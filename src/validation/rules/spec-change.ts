/**
 * Rules on spec changes, for manifests that carry the operator's status (e.g. exported with
 * `kubectl get -o yaml` and edited): the new spec is compared with
 * `status.reconciliationStatus.lastReconciledSpec`, as the operator does.
 */
import { RuleContext } from '../context';

function lastReconciledSpec(context: RuleContext): any | undefined {
  const text = context.manifest.status?.reconciliationStatus?.lastReconciledSpec;
  if (typeof text !== 'string' || text.trim() === '') {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text);
    return parsed?.spec ?? parsed;
  } catch {
    return undefined;
  }
}

const present = (value: unknown) => value !== undefined && value !== null;

export function checkDeploymentSpecChange(context: RuleContext): void {
  const previous = lastReconciledSpec(context);
  if (previous === undefined) {
    return;
  }
  const spec = context.spec;
  const hadJob = present(previous.job);
  const hasJob = present(spec.job);
  if (hasJob && !hadJob) {
    context.report('spec-change', 'spec.job', 'spec.job was added to a session cluster; the operator cannot switch a session cluster to an application cluster. Create a new FlinkDeployment instead.');
  } else if (!hasJob && hadJob) {
    context.report('spec-change', 'spec.job', 'spec.job was removed from an application cluster; the operator cannot switch it to a session cluster. Create a new FlinkDeployment instead.');
  }
  const previousMode = previous.mode ?? 'native';
  const mode = spec.mode ?? 'native';
  if (previousMode !== mode) {
    context.report('spec-change', 'spec.mode', `spec.mode changed from '${previousMode}' to '${mode}'; the operator cannot switch between native and standalone. Keep '${previousMode}' or create a new FlinkDeployment.`);
  }
  if (hadJob && hasJob) {
    const nonce = spec.job.savepointRedeployNonce;
    if (present(nonce) && nonce !== previous.job.savepointRedeployNonce
      && (typeof spec.job.initialSavepointPath !== 'string' || spec.job.initialSavepointPath.trim() === '')) {
      context.report('spec-change', 'spec.job.initialSavepointPath',
        `spec.job.savepointRedeployNonce changed to ${nonce}, which redeploys from spec.job.initialSavepointPath, but that is empty. Set the savepoint path to redeploy from.`);
    }
    const upgradeMode = spec.job.upgradeMode ?? 'stateless';
    if (upgradeMode !== 'stateless' && previous.job.state === 'suspended' && previous.job.upgradeMode === 'last-state'
      && present(previous.flinkVersion) && previous.flinkVersion !== spec.flinkVersion) {
      context.report('spec-change', 'spec.flinkVersion',
        `spec.flinkVersion changed from '${previous.flinkVersion}' to '${spec.flinkVersion}' while the job is suspended with last-state; the operator refuses this. Resume with '${previous.flinkVersion}' first, then upgrade.`);
    }
  }
}

export function checkSessionJobSpecChange(context: RuleContext): void {
  const previous = lastReconciledSpec(context);
  if (previous !== undefined && present(previous.deploymentName) && previous.deploymentName !== context.spec.deploymentName) {
    context.report('spec-change', 'spec.deploymentName',
      `spec.deploymentName changed from '${previous.deploymentName}' to '${context.spec.deploymentName}'; a session job cannot move to another cluster. Create a new FlinkSessionJob instead.`);
  }
}
