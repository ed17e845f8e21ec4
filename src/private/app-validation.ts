/**
 * Runs the validation engine over a whole cdk8s app at synth time.
 *
 * Every Flink construct asks for it, but the engine is registered once per app, on the app's
 * root, and runs once per synth over all API objects: references between resources are
 * checked, and the cost does not grow with the number of constructs times the app size.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Severity, ValidationOptions } from '../finding';
import { FlinkValidator } from '../flink-validator';
import { runLocatedValidation } from '../validation/engine';

/**
 * App context key for the operator settings the rules depend on (a `ValidationOptions`
 * object), e.g. `app.node.setContext('cdk8s-flink:validation', { allowedJarSchemes: ['https', 's3'] })`.
 */
export const VALIDATION_OPTIONS_CONTEXT = 'cdk8s-flink:validation';

/** App context key that silences the warnings printed at synth: set it to `false`. */
export const PRINT_WARNINGS_CONTEXT = 'cdk8s-flink:print-warnings';

const registered = new WeakSet<IConstruct>();

/** Makes sure the app that holds `scope` validates its Flink resources at synth. */
export function validateAppOnSynth(scope: IConstruct): void {
  const root = scope.node.root;
  if (registered.has(root)) {
    return;
  }
  registered.add(root);
  root.node.addValidation({ validate: () => validateApp(root) });
}

function validateApp(root: IConstruct): string[] {
  const objects = root.node.findAll().filter((construct): construct is ApiObject => ApiObject.isApiObject(construct));
  const manifests = objects.map((object) => object.toJson());
  const options: ValidationOptions = root.node.tryGetContext(VALIDATION_OPTIONS_CONTEXT) ?? {};
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const { finding, manifestIndex } of runLocatedValidation(manifests, options)) {
    const line = `${objects[manifestIndex].node.path}: ${FlinkValidator.format(finding)}`;
    (finding.severity === Severity.ERROR ? errors : warnings).push(line);
  }
  const printWarnings = root.node.tryGetContext(PRINT_WARNINGS_CONTEXT);
  if (warnings.length > 0 && printWarnings !== false && printWarnings !== 'false') {
    process.stderr.write(warnings.map((warning) => `cdk8s-flink warning: ${warning}\n`).join(''));
  }
  return errors;
}
