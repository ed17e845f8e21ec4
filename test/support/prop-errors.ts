import { PropError } from '../../src/prop-error';

/**
 * The PropError that `action` throws, for assertions on its type and prop instead of its message;
 * fails the test when it throws anything else, or nothing.
 */
export function propErrorOf(action: () => unknown): PropError {
  try {
    action();
  } catch (error) {
    if (PropError.isPropError(error)) {
      return error as PropError;
    }
    throw new Error(`expected a PropError, but it threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  throw new Error('expected a PropError, but nothing was thrown');
}
