/**
 * How construct-time errors are made: every prop, argument or call that the constructs and the
 * value classes refuse is a `PropError` (src/prop-error.ts), with the prop as the user wrote it
 * (the naming rule is in PropError's doc), a reason that echoes the value and says the fix, and
 * the construct's path when a construct refuses it.
 *
 * The checks do not know the construct: they throw unscoped errors (`propError`), and the
 * construct (or its mutator) runs them through `checkedAt`, which adds its path. A construct
 * that refuses a call of its own throws a scoped one directly (`scopedPropError`).
 */
import { IConstruct } from 'constructs';
import { PropError } from '../prop-error';

/** A PropError without a construct path: a check's, for `checkedAt` to place, or a value class's. */
export function propError(prop: string, reason: string): PropError {
  return thrownBy(propError, new PropError(prop, reason));
}

/** A PropError of the construct `scope`, with its path. */
export function scopedPropError(scope: IConstruct, prop: string, reason: string): PropError {
  return thrownBy(scopedPropError, new PropError(prop, reason, scope.node.path));
}

/**
 * A PropError of a value class's factory or method for one of its arguments (or a field of its
 * options): prop `Class.method(param)`, reason `Class.method: <problem>`.
 *
 * @param method `Class.method`, e.g. `JobJar.fromUri`
 * @param param the argument or options field, e.g. `uri`, `keys.accessKeyId`
 */
export function argumentError(method: string, param: string, problem: string): PropError {
  return thrownBy(argumentError, new PropError(`${method}(${param})`, `${method}: ${problem}`));
}

/** The error, with a stack that starts where `factory` was called: at the check that refused the prop. */
function thrownBy(factory: Function, error: PropError): PropError {
  Error.captureStackTrace(error, factory);
  return error;
}

/**
 * The prop of an entry of a map prop: the map's prop and the key, quoted as in TypeScript, e.g.
 * `flinkConfiguration['rest.port']` (a Flink key holds dots, so it is not joined with one).
 */
export function entryProp(prop: string, key: string): string {
  return `${prop}['${JSON.stringify(key).slice(1, -1).replace(/'/g, "\\'")}']`;
}

/**
 * Runs `action`. An unscoped PropError it throws is thrown again with the construct's path, with
 * the same prop, reason and stack; anything else (a scoped PropError of a child construct too)
 * passes unchanged.
 *
 * @param where the construct, or a function that returns its path (for a construct that does
 * not exist yet); called only for an error
 */
export function checkedAt<T>(where: IConstruct | (() => string), action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (!PropError.isPropError(error) || (error as PropError).constructPath !== undefined) {
      throw error;
    }
    const unscoped = error as PropError & { stack?: string };
    const scoped = new PropError(unscoped.prop, unscoped.reason, typeof where === 'function' ? where() : where.node.path);
    // The frames of the check that refused the prop, under the new message.
    const header = `${unscoped.name}: ${unscoped.message}`;
    if (unscoped.stack?.startsWith(header)) {
      Object.defineProperty(scoped, 'stack', { value: `${scoped.name}: ${scoped.message}${unscoped.stack.slice(header.length)}`, configurable: true, writable: true });
    }
    throw scoped;
  }
}
