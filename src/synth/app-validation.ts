/**
 * Runs the validation engine over a whole cdk8s app at synth time: the one check mechanism for
 * everything that needs more than a construct's own props (checks that the props alone decide
 * throw at construction instead, see props/prop-errors.ts).
 *
 * Every Flink construct asks for it. The engine runs once per synth (see synth-session.ts) over
 * the API objects the rules read (see validation/referenced-kinds.ts): the Flink custom
 * resources, the Ingresses and HTTPRoutes that may expose their web UI with what authenticates
 * them, and the RBAC objects they reference. Each Flink construct's validation then reports the
 * errors of the objects under it, so that cdk8s prints them with that construct's path
 * (`[flink/Orders] FlinkDeployment/...`); errors that belong to no Flink construct (a raw
 * object, the previous manifests, the options) are reported by the chart of the first Flink
 * construct.
 */
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { FlinkContextKeys } from '../constants';
import { Severity, ValidationOptions } from '../finding';
import { FlinkValidator } from '../flink-validator';
import { openSessionsOn, OwnedError, sessionResult, ValidationResult } from './synth-session';
import { validationEngine } from '../validation/lazy-engine';
import { isFlinkKind, REFERENCED_KINDS } from '../validation/referenced-kinds';

/** What a validation without errors returns (cdk8s only reads it). */
const NO_ERRORS: string[] = Object.freeze([]) as unknown as string[];

/** The Flink constructs of each app (by root) that asked for validation; the first one's chart reports the rest. */
const registered = new WeakMap<IConstruct, { readonly first: IConstruct; readonly scopes: WeakSet<IConstruct> }>();

/** Makes sure the app that holds `scope` validates its Flink resources at synth. */
export function validateAppOnSynth(scope: IConstruct): void {
  const root = scope.node.root;
  let app = registered.get(root);
  const chart = Chart.of(scope);
  if (app === undefined) {
    app = { first: scope, scopes: new WeakSet() };
    registered.set(root, app);
    chart.node.addValidation({ validate: () => errorsOf(root, chart) });
    openSessionsOn(root, root);
  }
  openSessionsOn(root, chart);
  if (app.scopes.has(scope)) {
    return;
  }
  app.scopes.add(scope);
  scope.node.addValidation({ validate: () => errorsOf(root, scope) });
}

function errorsOf(root: IConstruct, owner: IConstruct): string[] {
  // Called for every Flink construct each time cdk8s validates the app (once per chart it
  // renders): nothing is allocated when there is nothing to report.
  const errors = sessionResult(root, validateApp).errors;
  return errors.length === 0 ? NO_ERRORS : errors.filter((error) => error.owner === owner).map((error) => error.text);
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

function validateApp(root: IConstruct): ValidationResult {
  const objects = root.node.findAll()
    .filter((construct): construct is ApiObject => ApiObject.isApiObject(construct))
    .filter((object) => isFlinkKind(object.kind) || REFERENCED_KINDS.has(object.kind));
  const manifests = objects.map((object) => object.toJson());
  const options: ValidationOptions = root.node.tryGetContext(FlinkContextKeys.VALIDATION_OPTIONS) ?? {};
  const errors: OwnedError[] = [];
  const warnings: string[] = [];
  for (const { finding, manifestIndex } of validationEngine().runLocatedValidation(manifests, options, true)) {
    const object = manifestIndex === undefined ? undefined : objects[manifestIndex];
    const { owner, named } = ownerOf(root, object);
    const where = object !== undefined ? object.node.path : finding.kind === 'ValidationOptions' ? `context '${FlinkContextKeys.VALIDATION_OPTIONS}'` : 'previous manifests';
    const text = named ? FlinkValidator.format(finding) : `${where}: ${FlinkValidator.format(finding)}`;
    if (finding.severity === Severity.ERROR) {
      errors.push({ owner, text });
    } else {
      warnings.push(`${where}: ${FlinkValidator.format(finding)}`);
    }
  }
  const printWarnings = root.node.tryGetContext(FlinkContextKeys.PRINT_WARNINGS);
  if (warnings.length > 0 && printWarnings !== false && printWarnings !== 'false') {
    process.stderr.write(warnings.map((warning) => `cdk8s-flink warning: ${warning}\n`).join(''));
  }
  const json = new Map<IConstruct, any>();
  objects.forEach((object, index) => json.set(object, manifests[index]));
  return { errors, json };
}
