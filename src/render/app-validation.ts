/**
 * Runs the validation engine over a whole cdk8s app at synth time.
 *
 * Every Flink construct asks for it. The engine runs once per synth (see synth-cache.ts) over
 * the API objects the rules read: the Flink custom resources and the RBAC objects they
 * reference. Each Flink construct's validation then reports the errors of the objects under it,
 * so that cdk8s prints them with that construct's path (`[flink/Orders] FlinkDeployment/...`);
 * errors that belong to no Flink construct (a raw object, the previous manifests, the options)
 * are reported by the chart of the first Flink construct.
 */
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Severity, ValidationOptions } from '../finding';
import { FlinkValidator } from '../flink-validator';
import { currentCache, markChanged, OwnedError, storeCache } from './synth-cache';
import { validationEngine } from '../validation/lazy-engine';
import { REFERENCED_KINDS } from '../validation/referenced-kinds';
import { isFlinkKind } from '../validation/structural-schema';

/**
 * App context key for the operator settings the rules depend on (a `ValidationOptions`
 * object), e.g. `app.node.setContext('cdk8s-flink:validation', { allowedJarSchemes: ['https', 's3'] })`.
 */
export const VALIDATION_OPTIONS_CONTEXT = 'cdk8s-flink:validation';

/** App context key that silences the warnings printed at synth: set it to `false`. */
export const PRINT_WARNINGS_CONTEXT = 'cdk8s-flink:print-warnings';


/** The Flink constructs of each app (by root) that asked for validation; the first one's chart reports the rest. */
const registered = new WeakMap<IConstruct, { readonly first: IConstruct; readonly scopes: WeakSet<IConstruct> }>();

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
  let app = registered.get(root);
  if (app === undefined) {
    app = { first: scope, scopes: new WeakSet() };
    registered.set(root, app);
    const chart = Chart.of(scope);
    chart.node.addValidation({ validate: () => errorsOf(root, chart) });
  }
  if (app.scopes.has(scope)) {
    return;
  }
  app.scopes.add(scope);
  scope.node.addValidation({ validate: () => errorsOf(root, scope) });
}

function errorsOf(root: IConstruct, owner: IConstruct): string[] {
  const errors = validateApp(root);
  return errors.length === 0 ? [] : errors.filter((error) => error.owner === owner).map((error) => error.text);
}

/** The registered Flink construct that holds `construct` most closely, or the first one's chart. */
function ownerOf(root: IConstruct, construct: IConstruct | undefined): { owner: IConstruct; named: boolean } {
  const app = registered.get(root)!;
  for (let current = construct; current !== undefined; current = current.node.scope) {
    if (app.scopes.has(current)) {
      return { owner: current, named: true };
    }
  }
  return { owner: Chart.of(app.first), named: false };
}

function validateApp(root: IConstruct): ReadonlyArray<OwnedError> {
  const cached = currentCache(root);
  if (cached !== undefined) {
    return cached.errors;
  }
  const objects = root.node.findAll()
    .filter((construct): construct is ApiObject => ApiObject.isApiObject(construct))
    .filter((object) => isFlinkKind(object.kind) || REFERENCED_KINDS.has(object.kind));
  const manifests = objects.map((object) => object.toJson());
  const options: ValidationOptions = root.node.tryGetContext(VALIDATION_OPTIONS_CONTEXT) ?? {};
  const errors: OwnedError[] = [];
  const warnings: string[] = [];
  for (const { construct, check } of constructChecks.get(root) ?? []) {
    errors.push(...check().map((text) => ({ owner: ownerOf(root, construct).owner, text })));
  }
  for (const { finding, manifestIndex } of validationEngine().runLocatedValidation(manifests, options)) {
    const object = manifestIndex === undefined ? undefined : objects[manifestIndex];
    const { owner, named } = ownerOf(root, object);
    const where = object !== undefined ? object.node.path : finding.kind === 'ValidationOptions' ? `context '${VALIDATION_OPTIONS_CONTEXT}'` : 'previous manifests';
    const text = named ? FlinkValidator.format(finding) : `${where}: ${FlinkValidator.format(finding)}`;
    if (finding.severity === Severity.ERROR) {
      errors.push({ owner, text });
    } else {
      warnings.push(`${where}: ${FlinkValidator.format(finding)}`);
    }
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
