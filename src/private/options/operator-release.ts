/**
 * A release of the Flink Kubernetes Operator (`1.9`, `1.10.0`), for the option facts that changed
 * between releases: when an operator option appeared, and its default. This library targets the
 * operator 1.15; validation can be told that an older one runs (`ValidationOptions.operatorVersion`).
 */

/** An operator release, by major and minor number (patch releases do not change options). */
export interface OperatorRelease {
  readonly major: number;
  readonly minor: number;
}

/** The operator release this library targets, whose facts apply when no other is named. */
export const TARGET_OPERATOR: OperatorRelease = { major: 1, minor: 15 };

/** parseOperatorRelease's answers, by text (declarations name a few releases, over and over). */
const PARSED = new Map<string, OperatorRelease | undefined>();

/**
 * The release a text names: `1.9`, `1.9.2`, with an optional `v` or `release-` in front; undefined
 * when it names none.
 */
export function parseOperatorRelease(text: unknown): OperatorRelease | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  if (!PARSED.has(text)) {
    const match = /^\s*(?:v|release-)?(\d{1,4})\.(\d{1,4})(?:\.\d{1,4})?\s*$/i.exec(text);
    if (PARSED.size >= 100) {
      PARSED.clear();
    }
    PARSED.set(text, match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined);
  }
  return PARSED.get(text);
}

/** Whether `release` is `other` or newer. */
export function operatorAtLeast(release: OperatorRelease, other: OperatorRelease): boolean {
  return release.major !== other.major ? release.major > other.major : release.minor >= other.minor;
}

/** `1.9`, as messages name a release. */
export function operatorLabel(release: OperatorRelease): string {
  return `${release.major}.${release.minor}`;
}
