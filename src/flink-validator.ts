import { Finding, Severity, ValidationOptions } from './finding';
import { validationEngine } from './validation/lazy-engine';

/**
 * Validates Flink custom resources the way the Flink Kubernetes Operator admits them, plus the
 * CRD schemas and the references between resources, before anything is deployed.
 *
 * The same rules run for the constructs (at `cdk8s synth`), for the `cdk8s-flink validate`
 * CLI and for the cdk8s validation plugin.
 */
export class FlinkValidator {
  /**
   * Validates a set of manifests. Flink custom resources are checked; other objects (RBAC,
   * Services, ...) are used only to resolve references. Never throws on bad input: every
   * problem becomes a finding.
   *
   * @param manifests plain manifest objects, e.g. parsed from YAML
   * @param options operator-level settings
   * @returns the findings, errors and warnings, in manifest order
   */
  public static validate(manifests: any[], options: ValidationOptions = {}): Finding[] {
    return validationEngine().runValidation(manifests, options);
  }

  /** Whether any finding is an error. */
  public static hasErrors(findings: Finding[]): boolean {
    return findings.some((finding) => finding.severity === Severity.ERROR);
  }

  /**
   * One line per finding: `Kind/name path: message [rule]`.
   */
  public static format(finding: Finding): string {
    return `${finding.kind}/${finding.name} ${finding.path}: ${finding.message} [${finding.rule}]`;
  }

  private constructor() {}
}
