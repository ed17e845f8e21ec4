/**
 * No silent state loss: a job with durable state must choose its upgrade mode.
 *
 * The operator's default upgrade mode is stateless: any spec change (a new image, more
 * memory, a config tweak) restarts the job from empty state. For a job that checkpoints or has
 * a savepoint directory, that default is almost never what its owner wants, and nothing warns
 * at run time. So the constructs refuse to leave the choice to the default: such a job must
 * say `upgradeMode` explicitly, and `UpgradeMode.STATELESS` stays available for jobs whose
 * state may be dropped.
 */
import { durableStateKeys } from '../validation/configuration';

/** The error for a job with durable state and no upgrade mode, or undefined. */
export function implicitStatelessError(what: string, upgradeModeSet: boolean, configuration: { [key: string]: string }): string | undefined {
  if (upgradeModeSet) {
    return undefined;
  }
  const keys = durableStateKeys(configuration);
  if (keys.length === 0) {
    return undefined;
  }
  return `${what} keeps durable state (${keys.map((key) => `'${key}'`).join(', ')}) but sets no 'upgradeMode': the operator's default, stateless, `
    + 'would restart it from empty state on every spec change. Set upgradeMode: UpgradeMode.SAVEPOINT or UpgradeMode.LAST_STATE to keep the state, '
    + 'or UpgradeMode.STATELESS to drop it explicitly.';
}
