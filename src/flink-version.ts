import { PropError } from './prop-error';

/**
 * A Flink version, as the operator's `spec.flinkVersion` names it (`v1_17`, `v2_0`, ...).
 *
 * The constants are the versions that the operator 1.15 runs: every version its CRD enumerates
 * except `v1_13` and `v1_14`, which it refuses. Use `FlinkVersion.of()` for a version that a newer
 * operator knows and this library does not yet.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#flinkversion
 */
export class FlinkVersion {
  /** Flink 1.15. */
  public static readonly V1_15 = new FlinkVersion('v1_15', 1, 15);
  /** Flink 1.16. */
  public static readonly V1_16 = new FlinkVersion('v1_16', 1, 16);
  /** Flink 1.17. */
  public static readonly V1_17 = new FlinkVersion('v1_17', 1, 17);
  /** Flink 1.18. */
  public static readonly V1_18 = new FlinkVersion('v1_18', 1, 18);
  /** Flink 1.19. */
  public static readonly V1_19 = new FlinkVersion('v1_19', 1, 19);
  /** Flink 1.20. */
  public static readonly V1_20 = new FlinkVersion('v1_20', 1, 20);
  /** Flink 2.0. */
  public static readonly V2_0 = new FlinkVersion('v2_0', 2, 0);
  /** Flink 2.1. */
  public static readonly V2_1 = new FlinkVersion('v2_1', 2, 1);
  /** Flink 2.2. */
  public static readonly V2_2 = new FlinkVersion('v2_2', 2, 2);

  /**
   * A version by its operator name, e.g. `FlinkVersion.of('v2_3')`.
   *
   * @param name the operator's spelling: `v<major>_<minor>`
   */
  public static of(name: string): FlinkVersion {
    const match = /^v(\d+)_(\d+)$/.exec(name);
    if (!match) {
      throw new PropError('FlinkVersion.of(name)', `'flinkVersion' must look like 'v<major>_<minor>', e.g. 'v1_20' (got '${name}'). Prefer a constant such as FlinkVersion.V1_20.`);
    }
    return new FlinkVersion(name, Number(match[1]), Number(match[2]));
  }

  private constructor(
    /** The operator's name for the version, e.g. `v1_17`. */
    public readonly name: string,
    /** The major version, e.g. 1. */
    public readonly major: number,
    /** The minor version, e.g. 17. */
    public readonly minor: number,
  ) {}

  /** The official Docker Hub image for this version, e.g. `flink:1.17`. */
  public get defaultImage(): string {
    return `flink:${this.major}.${this.minor}`;
  }

  /** Whether this version is the same as or newer than `other`. */
  public isAtLeast(other: FlinkVersion): boolean {
    return this.major > other.major || (this.major === other.major && this.minor >= other.minor);
  }

  /** The operator's name for the version. */
  public toString(): string {
    return this.name;
  }
}
