/**
 * Runs the validation engine over a whole cdk8s app at synth time.
 *
 * Every Flink construct asks for it, but the engine is registered once per app, on the app's
 * root, and runs once per synth (see synth-cache.ts) over the API objects the rules read:
 * the Flink custom resources and the RBAC objects they reference.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Severity, ValidationOptions } from '../finding';
import { FlinkValidator } from '../flink-validator';
import { currentCache, markChanged, storeCache } from './synth-cache';
import { validationEngine } from '../validation/lazy-engine';
import { isFlinkKind } from '../validation/structural-schema';

/**
 * App context key for the operator settings the rules depend on (a `ValidationOptions`
 * object), e.g. `app.node.setContext('cdk8s-flink:validation', { allowedJarSchemes: ['https', 's3'] })`.
 */
export const VALIDATION_OPTIONS_CONTEXT = 'cdk8s-flink:validation';

/** App context key that silences the warnings printed at synth: set it to `false`. */
export const PRINT_WARNINGS_CONTEXT = 'cdk8s-flink:print-warnings';

/** Kinds other than the Flink ones that rules read, for references. */
const REFERENCED_KINDS = new Set(['Role', 'RoleBinding', 'ClusterRole', 'ServiceAccount']);

const registered = new WeakSet<IConstruct>();

/** The constructs' own checks, by app root, run with the engine once per synth. */
const constructChecks = new WeakMap<IConstruct, Array<{ readonly construct: IConstruct; readonly check: () => string[] }>>();

/**
 * Adds a construct's own check (one that needs its props, not only its manifest) to the app's
 * once-per-synth validation. cdk8s runs `node.addValidation` checks again for every chart it
 * renders, so a check per session job would run (jobs x charts) times; here it runs once.
 * The check may read only the construct's props and state that cdk8s-flink methods change
 * (they invalidate the synth cache). Errors are reported with the construct's path.
 */
export function addConstructCheck(construct: IConstruct, check: () => string[]): void {
  validateAppOnSynth(construct);
  const root = construct.node.root;
  const checks = constructChecks.get(root) ?? [];
  checks.push({ construct, check });
  constructChecks.set(root, checks);
}

/** Makes sure the app that holds `scope` validates its Flink resources at synth. */
export function validateAppOnSynth(scope: IConstruct): void {
  markChanged();
  const root = scope.node.root;
  if (registered.has(root)) {
    return;
  }
  registered.add(root);
  root.node.addValidation({ validate: () => validateApp(root) });
}

function validateApp(root: IConstruct): string[] {
  const cached = currentCache(root);
  if (cached !== undefined) {
    return cached.errors;
  }
  const objects = root.node.findAll()
    .filter((construct): construct is ApiObject => ApiObject.isApiObject(construct))
    .filter((object) => isFlinkKind(object.kind) || REFERENCED_KINDS.has(object.kind));
  const manifests = objects.map((object) => object.toJson());
  const options: ValidationOptions = root.node.tryGetContext(VALIDATION_OPTIONS_CONTEXT) ?? {};
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const { construct, check } of constructChecks.get(root) ?? []) {
    errors.push(...check().map((error) => `${construct.node.path}: ${error}`));
  }
  for (const { finding, manifestIndex } of validationEngine().runLocatedValidation(manifests, options)) {
    const where = manifestIndex === undefined ? 'previous manifests' : objects[manifestIndex].node.path;
    const line = `${where}: ${FlinkValidator.format(finding)}`;
    (finding.severity === Severity.ERROR ? errors : warnings).push(line);
  }
  const printWarnings = root.node.tryGetContext(PRINT_WARNINGS_CONTEXT);
  if (warnings.length > 0 && printWarnings !== false && printWarnings !== 'false') {
    process.stderr.write(warnings.map((warning) => `cdk8s-flink warning: ${warning}\n`).join(''));
  }
  const json = new WeakMap<object, any>();
  objects.forEach((object, index) => json.set(object, manifests[index]));
  storeCache(root, errors, json);
  return errors;
}
