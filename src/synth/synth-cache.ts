/**
 * Work shared by the validations of one synth.
 *
 * cdk8s validates the whole app once per synth and then again for every chart it renders
 * (`Chart.toJson()` validates the app), so an app with 100 charts would run the engine 101
 * times. The first validation of a synth stores its result here, with the JSON of the Flink
 * objects it rendered; later validations and the rendering itself reuse them.
 *
 * The cache lives until the current synchronous run of code ends (a microtask clears it), and
 * any change through a cdk8s-flink construct or a JSON patch on one of its objects invalidates
 * it, so a later synth always sees the current state.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';

let generation = 0;

/** Records a change to the construct tree that may change validation results. */
export function markChanged(): void {
  generation++;
}

/** An error of the app's validation, and the construct whose validation reports it. */
export interface OwnedError {
  /** The construct (a Flink construct, or the chart for what belongs to none) that reports it. */
  readonly owner: IConstruct;
  readonly text: string;
}

interface AppSynthCache {
  readonly generation: number;
  readonly errors: ReadonlyArray<OwnedError>;
  readonly json: WeakMap<object, any>;
}

const caches = new WeakMap<IConstruct, AppSynthCache>();

/** The cache of the current synth of an app, if it is still valid. */
export function currentCache(root: IConstruct): AppSynthCache | undefined {
  const cache = caches.get(root);
  return cache !== undefined && cache.generation === generation ? cache : undefined;
}

/** Stores the result of a validation until the current synchronous run ends. */
export function storeCache(root: IConstruct, errors: ReadonlyArray<OwnedError>, json: WeakMap<object, any>): void {
  caches.set(root, { generation, errors, json });
  queueMicrotask(() => caches.delete(root));
}

/** The JSON an object rendered during the current synth, if any. */
export function cachedJson(root: IConstruct, object: object): any | undefined {
  return currentCache(root)?.json.get(object);
}

/**
 * How an API object of ours takes part in the synth cache: its `toJson` returns the JSON the
 * validation of this synth rendered (so it is rendered once), and a JSON patch counts as a
 * change. The custom resources the constructs own (custom-resource.ts) and `FlinkSessionJob`,
 * which is an API object itself, override `toJson` and `addJsonPatch` with these two (methods
 * of the class, not of each object, which would give every object a shape of its own).
 */
export function cachedOrRendered(object: ApiObject, render: () => any): any {
  return cachedJson(object.node.root, object) ?? render();
}

/** Records a JSON patch as a change, then applies it. */
export function patchedAsChange(apply: () => void): void {
  markChanged();
  apply();
}
