/**
 * Construct-time errors name the construct path and the prop: the checks throw `PropError`s
 * with the prop, the value and the fix, and the construct (or its mutator) runs them through
 * `checkedAt`, which puts its path in front.
 */
import { IConstruct } from 'constructs';
import { PropError } from '../private/prop-error';

/**
 * Runs `action`; a `PropError` it throws becomes an `Error` that starts with the construct's path
 * (`where`: the construct, or its path, computed only for an error, when the construct does not
 * exist yet).
 */
export function checkedAt<T>(where: IConstruct | (() => string), action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof PropError) {
      const path = typeof where === 'function' ? where() : where.node.path;
      throw new Error(`${path}: ${error.message}`);
    }
    throw error;
  }
}
