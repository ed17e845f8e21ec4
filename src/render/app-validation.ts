/**
 * Runs the validation engine over a whole cdk8s app at synth time: the one check mechanism for
 * everything that needs more than a construct's own props.
 *
 * Every Flink construct asks for it, but the engine is registered once per app, on the app's
 * root, and runs once per synth (see synth-cache.ts; cdk8s runs `node.addValidation` checks again
 * for every chart it renders) over the API objects the rules read: the Flink custom resources,
 * the Ingresses that may expose their web UI, and the RBAC objects they reference. Construct
 * checks that need only the props throw at construction instead (render/construct-errors.ts).
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { FlinkContextKeys } from '../constants';
import { Severity, ValidationOptions } from '../finding';
import { FlinkValidator } from '../flink-validator';
import { currentCache, markChanged, storeCache } from './synth-cache';
import { validationEngine } from '../validation/lazy-engine';
import { isFlinkKind } from '../validation/structural-schema';

/** Kinds other than the Flink ones that rules read. */
const REFERENCED_KINDS = new Set(['Role', 'RoleBinding', 'ClusterRole', 'ServiceAccount', 'Ingress', 'Namespace']);

const registered = new WeakSet<IConstruct>();

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
  const options: ValidationOptions = root.node.tryGetContext(FlinkContextKeys.VALIDATION_OPTIONS) ?? {};
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const { finding, manifestIndex } of validationEngine().runLocatedValidation(manifests, options, true)) {
    const where = manifestIndex === undefined ? 'previous manifests' : objects[manifestIndex].node.path;
    const line = `${where}: ${FlinkValidator.format(finding)}`;
    (finding.severity === Severity.ERROR ? errors : warnings).push(line);
  }
  const printWarnings = root.node.tryGetContext(FlinkContextKeys.PRINT_WARNINGS);
  if (warnings.length > 0 && printWarnings !== false && printWarnings !== 'false') {
    process.stderr.write(warnings.map((warning) => `cdk8s-flink warning: ${warning}\n`).join(''));
  }
  const json = new WeakMap<object, any>();
  objects.forEach((object, index) => json.set(object, manifests[index]));
  storeCache(root, errors, json);
  return errors;
}
