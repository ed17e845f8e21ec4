/**
 * URIs as Flink and the operator take them (`java.net.URI`): a scheme is a letter followed by
 * letters, digits, `+`, `.` or `-`, and ends at the first `:`.
 */

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** The scheme of a URI, or undefined when it has none (a relative path, say). */
export function uriScheme(uri: string): string | undefined {
  return SCHEME.exec(uri)?.[1];
}

/** Whether `uri` has a scheme and something after `scheme://`, as a state directory needs (`s3://bucket/path`). */
export function isHierarchicalUri(uri: string): boolean {
  const scheme = uriScheme(uri);
  return scheme !== undefined && uri.startsWith('//', scheme.length + 1) && uri.length > scheme.length + 3;
}

/**
 * The path of a URI as `java.net.URI.getPath()` gives it: after the scheme and, for
 * `scheme://authority`, after the authority; without query or fragment. A text without a scheme
 * is all path.
 */
export function uriPath(uri: string): string {
  const scheme = uriScheme(uri);
  let rest = scheme === undefined ? uri : uri.slice(scheme.length + 1);
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    rest = end < 0 ? '' : rest.slice(2 + end);
  }
  return rest.split(/[?#]/)[0];
}
