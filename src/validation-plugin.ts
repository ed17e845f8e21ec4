import { Finding, Severity, ValidationOptions } from './finding';
import { FlinkValidator } from './flink-validator';
import { validationEngine } from './validation/lazy-engine';
import { OPTIONS_KIND } from './validation/referenced-kinds';

/**
 * Properties of the cdk8s validation plugin, as given under `properties:` in `cdk8s.yaml`.
 */
export interface FlinkValidationPluginProps extends ValidationOptions {}

/**
 * A cdk8s CLI validation plugin that runs the Flink validation engine over every synthesized
 * manifest, including raw YAML included in the app. List it in `cdk8s.yaml`:
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-flink
 *     version: 0.1.0        # the installed version
 *     class: FlinkValidationPlugin
 *     properties:
 *       allowedJarSchemes: [https, s3]
 * ```
 *
 * Errors fail `cdk8s synth`; warnings are listed.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/#validation-plugins
 */
export class FlinkValidationPlugin {
  private readonly options: ValidationOptions;

  constructor(props: FlinkValidationPluginProps = {}) {
    this.options = props;
  }

  /**
   * Validates the manifests of a cdk8s synth run and reports to the CLI.
   *
   * @param context the cdk8s CLI's `ValidationContext`
   */
  public async validate(context: any): Promise<void> {
    const files: string[] = [...(context.manifests ?? [])];
    const sources: Array<{ file: string; manifest: any }> = [];
    for (const file of files) {
      for (const manifest of context.parseManifest(file) ?? []) {
        sources.push({ file, manifest });
      }
    }
    const located = validationEngine().runLocatedValidation(sources.map(({ manifest }) => manifest), this.options);
    for (const { finding, manifestIndex } of located) {
      const where = manifestIndex !== undefined ? sources[manifestIndex].file : finding.kind === OPTIONS_KIND ? 'plugin properties' : 'previous manifests';
      context.report.addViolation(violationOf(finding, where));
    }
    const findings = located.map(({ finding }) => finding);
    const errors = findings.filter((finding) => finding.severity === Severity.ERROR).length;
    context.report.submit(FlinkValidator.hasErrors(findings) ? 'failure' : 'success', {
      errors: String(errors),
      warnings: String(findings.length - errors),
    });
  }
}

function violationOf(finding: Finding, file: string): any {
  return {
    ruleName: finding.severity === Severity.WARNING ? `${finding.rule} (warning)` : finding.rule,
    recommendation: finding.message,
    fix: 'See the message; rules are described in docs/validation-rules.md of cdk8s-flink.',
    violatingResources: [{ resourceName: `${finding.kind}/${finding.name}`, locations: [finding.path], manifestPath: file }],
  };
}
