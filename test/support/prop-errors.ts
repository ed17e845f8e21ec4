import { PropError } from '../../src/prop-error';

/**
 * The PropError that `action` throws, for assertions on its type and prop instead of its message;
 * fails the test when it throws anything else, or nothing.
 */
export function propErrorOf(action: () => unknown): PropError {
  try {
    action();
  } catch (error) {
    if (error instanceof PropError) {
      return error;
    }
    throw new Error(`expected a PropError, but it threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  throw new Error('expected a PropError, but nothing was thrown');
}

/**
 * PropError as the class that jest's `toThrow` takes. Its constructor is private (instances come
 * from `PropError._of`), so TypeScript does not take the class for a constructor type; at run time
 * `toThrow(PROP_ERROR)` checks `instanceof PropError`.
 */
export const PROP_ERROR = PropError as unknown as new (...args: any[]) => PropError;
