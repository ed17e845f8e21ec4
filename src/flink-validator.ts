import { ExplainOptions, ResourceExplanation } from './explanation';
import { Finding, Severity, ValidationOptions } from './finding';
import { onFirstUse } from './private/on-first-use';
import type * as Explain from './validation/explain';
import { validationEngine } from './validation/lazy-engine';
import { escapeControlCharacters } from './validation/printable';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const explainer = onFirstUse(() => require('./validation/explain') as typeof Explain);

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

  /**
   * Explains what the operator and Flink will make of each FlinkDeployment,
   * FlinkBlueGreenDeployment (its template) and FlinkSessionJob: the configuration as the
   * operator builds it, with the source of each entry (values of keys Flink treats as sensitive
   * masked), the `flinkConfiguration` entries that spec fields replace, the entries Flink reads
   * differently from how they are written, the parallelism, slots, TaskManagers and service
   * accounts. The `cdk8s-flink explain` command prints the same. Other kinds are read only to
   * find a session job's cluster. Never throws on bad input.
   *
   * @param manifests plain manifest objects, e.g. parsed from YAML
   * @param options the operator's default configuration
   * @returns one explanation per resource, in manifest order
   */
  public static explain(manifests: any[], options: ExplainOptions = {}): ResourceExplanation[] {
    return explainer().explain(manifests, options);
  }

  /** Whether any finding is an error. */
  public static hasErrors(findings: Finding[]): boolean {
    return findings.some((finding) => finding.severity === Severity.ERROR);
  }

  /**
   * One line per finding: `Kind/name path: message [rule]` (`Kind/name: message [rule]` for a
   * finding about the whole manifest). Control characters from the manifest (a line feed or a
   * terminal escape in a name or a value) are written as escapes such as `\n` and `\x1b`, so
   * the line stays one line and prints as it reads.
   */
  public static format(finding: Finding): string {
    const path = finding.path === '' ? '' : ` ${finding.path}`;
    return escapeControlCharacters(`${finding.kind}/${finding.name}${path}: ${finding.message} [${finding.rule}]`);
  }

  private constructor() {}
}
