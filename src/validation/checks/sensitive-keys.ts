/**
 * Which `flinkConfiguration` keys Flink treats as sensitive, as `GlobalConfiguration.isSensitive`
 * decides it: the lower-cased key contains one of the fragments of
 * `GlobalConfiguration.SENSITIVE_KEYS`. The list grew over the releases (see `sensitiveFragments`).
 * The `sensitive-config-value` rule reports literal values under such keys; `explain` masks them;
 * the constructs read them without loading the rule engine.
 */
import { FlinkVersion } from '../../flink-version';

/** `SENSITIVE_KEYS` of Flink 1.16 and older (FLINK-15113 added the Azure key, FLINK-20055 `apikey`). */
const UNTIL_1_16 = ['password', 'secret', 'fs.azure.account.key', 'apikey'];
/** Added in Flink 1.17 (FLINK-30443, apache/flink#21552). */
const SINCE_1_17 = ['auth-params', 'service-key', 'token', 'basic-auth', 'jaas.config'];
/** Added in the 2.x line, with the OpenTelemetry reporter's `exporter.http-headers` (the exact release is not verified; applied from 2.0). */
const SINCE_2_0 = ['http-headers'];
/** Added after 2.2 (FLINK-39561, apache/flink#28058, merged in April 2026): applied from 2.3. */
const SINCE_2_3 = ['access-key', 'access.key', 'accesskey'];
const V2_3 = FlinkVersion.of('v2_3');

/** The sensitive key fragments of a Flink version; every fragment any version knows when the version is unknown. */
export function sensitiveFragments(version: FlinkVersion | undefined): string[] {
  if (version === undefined) {
    return [...UNTIL_1_16, ...SINCE_1_17, ...SINCE_2_0, ...SINCE_2_3];
  }
  return [
    ...UNTIL_1_16,
    ...(version.isAtLeast(FlinkVersion.V1_17) ? SINCE_1_17 : []),
    ...(version.isAtLeast(FlinkVersion.V2_0) ? SINCE_2_0 : []),
    ...(version.isAtLeast(V2_3) ? SINCE_2_3 : []),
  ];
}

/** The fragment that makes a key sensitive to a Flink version, as `GlobalConfiguration.isSensitive` matches it, or undefined. */
export function sensitiveFragment(key: string, version: FlinkVersion | undefined): string | undefined {
  const lower = key.toLowerCase();
  return sensitiveFragments(version).find((fragment) => lower.includes(fragment));
}

/** What a masked value reads as (`FlinkValidator.explain`, `cdk8s-flink explain`). */
export const MASKED = '******';

/** `scheme://user:password@...`: a URI whose user info carries a password. */
const PASSWORD_IN_URI = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@\s:]*):([^/?#@\s]*)@/i;

/** The URI with its password masked, if it carries one; otherwise undefined. */
export function maskedPasswordUri(text: string): string | undefined {
  const match = PASSWORD_IN_URI.exec(text.trim());
  if (match === null || match[3] === '') {
    return undefined;
  }
  return `${match[1]}${match[2]}:******@${text.trim().slice(match[0].length)}`;
}
