/**
 * The path prefix a web UI is served under (`/flink`): a plain URL path, checked, and escaped
 * for the regular expression of an ingress-nginx path.
 */
import { propError } from '../props/prop-errors';

/** A path segment: RFC 3986 unreserved characters only. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * `/` for the root, otherwise the prefix without its trailing slash, e.g. `/flink`. Refuses
 * anything that is not a plain absolute path: empty, `.` and `..` segments, and characters
 * outside letters, digits, `.`, `_`, `~` and `-`.
 */
export function normalizePathPrefix(prop: string, path: string | undefined): string {
  if (path === undefined || path === '/' || path === '') {
    return '/';
  }
  const fix = `'${prop}' must be '/' or a plain path prefix such as '/flink' or '/ui/flink'`;
  if (!path.startsWith('/')) {
    throw propError(prop, `${fix}, starting with '/' (got '${path}').`);
  }
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  for (const segment of trimmed.slice(1).split('/')) {
    if (segment === '') {
      throw propError(prop, `${fix}, without empty segments (got '${path}').`);
    }
    if (segment === '.' || segment === '..') {
      throw propError(prop, `${fix}, without '.' or '..' segments (got '${path}').`);
    }
    if (!SEGMENT.test(segment)) {
      throw propError(prop, `${fix}: segments hold letters, digits, '.', '_', '~' and '-' only (got '${path}').`);
    }
  }
  return trimmed;
}

/** The text with every regular-expression metacharacter escaped (`.` becomes `\.`). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
