/**
 * The key a typed prop writes for a cluster's Flink version, or the error when that version
 * cannot honour the option.
 */
import { FlinkOption, mainKey, writeKey } from './option';
import { FlinkVersion } from '../../flink-version';
import { PropError } from '../../prop-error';

/** Throws `'<prop>' is not available in Flink X (it needs Flink Y or newer)` when the version lacks the option. */
export function requireAvailable(prop: string, version: FlinkVersion, needs: FlinkVersion | undefined): void {
  if (needs !== undefined && !version.isAtLeast(needs)) {
    throw new PropError(prop, `'${prop}' is not available in Flink ${version.major}.${version.minor} (it needs Flink ${needs.major}.${needs.minor} or newer). Remove it or upgrade 'flinkVersion'.`);
  }
}

/**
 * The key to write for `version`; throws when the version has none or does not honour the option.
 *
 * @param prop the prop that writes it, for the message, when not the option's own (a deprecated alias)
 */
export function writtenKey(option: FlinkOption, version: FlinkVersion, prop: string = option.prop ?? mainKey(option)): string {
  requireAvailable(prop, version, option.requires?.version);
  const key = writeKey(option, version);
  if (key === undefined) {
    requireAvailable(prop, version, option.keys[0].since);
    throw new PropError(prop, `'${prop}' is not available in Flink ${version.major}.${version.minor}. Remove it or change 'flinkVersion'.`);
  }
  return key;
}
