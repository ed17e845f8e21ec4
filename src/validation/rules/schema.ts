import { RuleContext } from '../context';
import { schemaViolations } from '../structural-schema';

/** The manifest against its CRD's structural schema. */
export function checkSchema(context: RuleContext): void {
  for (const violation of schemaViolations(context.manifest)) {
    context.report('crd-schema', violation.path, `${violation.path || 'The manifest'} ${violation.message}`);
  }
  // The CRD leaves flinkConfiguration untyped (any YAML), but the operator reads it as a map.
  const configuration = context.manifest.spec?.flinkConfiguration;
  if (configuration !== undefined && configuration !== null && (typeof configuration !== 'object' || Array.isArray(configuration))) {
    context.report('crd-schema', 'spec.flinkConfiguration',
      `spec.flinkConfiguration must be a map of Flink keys to values (got ${JSON.stringify(configuration)}); the operator cannot read anything else.`);
  }
}
