/**
 * Container image references as the kubelet parses them (the grammar of the distribution
 * library's `reference` package: `[domain/]path[:tag][@digest]`, lowercase path components),
 * and what they say about the official Flink images: `flink` (Docker Hub's library image) and
 * `apache/flink`, whose tags start with the Flink version (`1.20`, `1.20.1`,
 * `1.20.1-scala_2.12-java17`).
 */

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** A parsed image reference. */
export interface ImageReference {
  /** The registry, when the reference names one (a first component with '.', ':' or `localhost`). */
  readonly domain?: string;
  /** The repository path, e.g. `flink` or `apache/flink`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** A Flink version a tag names: major and minor, and the patch when the tag pins one. */
export interface ImageFlinkVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch?: number;
}

/** The reference, or why the kubelet refuses it ("InvalidImageName"). */
export function parseImageReference(text: string): ImageReference | string {
  if (text.trim() === '') {
    return 'it is empty';
  }
  const match = REFERENCE.exec(text);
  if (match === null) {
    const bad = /[^A-Za-z0-9._\-/:@[\]]/.exec(text);
    return bad !== null ? `'${bad[0]}' cannot appear in an image reference` : 'it does not match [registry/]repository[:tag][@digest] with a lowercase repository';
  }
  let domain: string | undefined = match[1];
  let repository = match[2];
  const tag: string | undefined = match[3];
  const digest: string | undefined = match[4];
  // Like docker's splitDockerDomain: a first component without '.', ':' or 'localhost' is a path.
  if (domain !== undefined && !/[.:]/.test(domain) && domain !== 'localhost' && domain === domain.toLowerCase()) {
    repository = `${domain}/${repository}`;
    domain = undefined;
  }
  if ((domain === undefined ? 0 : domain.length + 1) + repository.length > 255) {
    return 'the repository name is longer than 255 characters';
  }
  return { domain, repository, tag, digest };
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * Whether a reference is an official Flink image (Docker Hub's `flink` or `apache/flink`, or a
 * mirror that keeps their path), whose entrypoint enables built-in plugins from
 * `ENABLE_BUILT_IN_PLUGINS`.
 */
export function isOfficialFlinkImage(reference: ImageReference): boolean {
  const path = reference.repository;
  if (reference.domain === undefined || DOCKER_HUB.has(reference.domain)) {
    return path === 'flink' || path === 'library/flink' || path === 'apache/flink';
  }
  return path.endsWith('library/flink') || path === 'apache/flink' || path.endsWith('/apache/flink');
}

/** The Flink version an official image's tag starts with, if it names one. */
export function imageFlinkVersion(reference: ImageReference): ImageFlinkVersion | undefined {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?(?:-|$)/.exec(reference.tag ?? '');
  if (match === null) {
    return undefined;
  }
  return { major: Number(match[1]), minor: Number(match[2]), patch: match[3] === undefined ? undefined : Number(match[3]) };
}

/** `1.20` or `1.20.1`. */
export function versionText(version: ImageFlinkVersion): string {
  return `${version.major}.${version.minor}${version.patch === undefined ? '' : `.${version.patch}`}`;
}
