/**
 * The heartbeat timeout is not shorter than the heartbeat interval: Flink's `HeartbeatServices`
 * refuses to start otherwise, since a peer would be declared lost between two heartbeats. The
 * typed prop `heartbeat` (at construction) and the `heartbeat-timeout` rule (on manifests) both
 * ask `heartbeatProblem`.
 */
import { FlinkVersion } from '../../flink-version';
import { HEARTBEAT_INTERVAL, HEARTBEAT_TIMEOUT } from '../../private/options/flink-options';
import { defaultAt, FlinkOption, typeAt } from '../../private/options/option';

/** One heartbeat setting as its side knows it. */
export interface HeartbeatSetting {
  /** The prop or key that sets it, for the message, e.g. `heartbeat.timeout`. */
  readonly name: string;
  /** Its milliseconds; undefined when it is not set and the version's default applies. */
  readonly ms?: number;
}

/** The default of a heartbeat option in a version, in milliseconds. */
function defaultMs(option: FlinkOption<number>, version: FlinkVersion | undefined): number {
  const read = typeAt(option, version).read(defaultAt(option, version)!);
  if (!read.ok) {
    throw new Error(`the registry's default of ${option.source} does not read: ${read.reason}`);
  }
  return read.value;
}

/**
 * What is wrong with the heartbeat settings, or undefined when the timeout is at least the
 * interval (either one unset counts as the default of `version`; an unknown version, as the newest's).
 */
export function heartbeatProblem(version: FlinkVersion | undefined, interval: HeartbeatSetting, timeout: HeartbeatSetting): string | undefined {
  const intervalMs = interval.ms ?? defaultMs(HEARTBEAT_INTERVAL, version);
  const timeoutMs = timeout.ms ?? defaultMs(HEARTBEAT_TIMEOUT, version);
  if (timeoutMs >= intervalMs) {
    return undefined;
  }
  const describe = (setting: HeartbeatSetting, ms: number) => `'${setting.name}' (${ms} ms${setting.ms === undefined ? ', the default' : ''})`;
  return `${describe(timeout, timeoutMs)} is shorter than ${describe(interval, intervalMs)}: Flink refuses to start, since peers would be declared lost between two heartbeats. Raise '${timeout.name}' or lower '${interval.name}'.`;
}
