/**
 * JSON paths for findings: `spec.job.parallelism`, `spec.podTemplate.spec.containers[0].name`,
 * and bracketed keys where a key is not a plain identifier: `spec.flinkConfiguration['rest.port']`.
 */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Appends a key or an index to a path. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${path}[${key}]`;
  }
  if (PLAIN_KEY.test(key)) {
    return path === '' ? key : `${path}.${key}`;
  }
  return `${path}['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** The path of a Flink configuration key under a `flinkConfiguration` at `base`. */
export function configPath(base: string, key: string): string {
  return childPath(base, key);
}
