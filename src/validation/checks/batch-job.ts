/**
 * A job in BATCH mode takes no checkpoints, so savepoint and last-state upgrades have nothing to
 * restore from (a rule of this library: the operator accepts the spec, and an upgrade of a
 * finished batch job can fail with "Latest checkpoint not externally addressable"). The
 * constructs (at construction) and the `batch-job-upgrade-mode` rule (on manifests) both ask
 * `batchUpgradeModeProblem`.
 */

/** A setting as its side knows it: the prop or key that sets it, and its value. */
export interface NamedSetting {
  /** For the message, e.g. `execution.runtimeMode` or `spec.job.upgradeMode`. */
  readonly name: string;
  readonly value: string | undefined;
}

/**
 * What is wrong with a job's upgrade mode for its runtime mode, or undefined.
 *
 * @param runtimeMode the runtime mode as Flink reads it (`STREAMING`, `BATCH` or `AUTOMATIC`)
 * @param upgradeMode the upgrade mode as the operator reads it (`stateless`, `savepoint` or `last-state`)
 */
export function batchUpgradeModeProblem(runtimeMode: NamedSetting, upgradeMode: NamedSetting): string | undefined {
  if (runtimeMode.value !== 'BATCH' || (upgradeMode.value !== 'savepoint' && upgradeMode.value !== 'last-state')) {
    return undefined;
  }
  return `'${runtimeMode.name}' BATCH takes no checkpoints, so '${upgradeMode.name}' ${upgradeMode.value} has nothing to restore from. Use the stateless upgrade mode (UpgradeMode.STATELESS) for a batch job, or run it in STREAMING mode.`;
}
