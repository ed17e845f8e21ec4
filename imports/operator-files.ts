/**
 * The pinned Flink Kubernetes Operator files (imports/sources.json): where to find them, and
 * how to get them when they are not here.
 *
 * They are upstream material and never committed. `npx projen import` reads the CRDs from
 * them, and the conformance suite (`npx projen conformance`) checks the library against all of
 * them. A folder with the operator's layout (`crds/`, `examples/`, `docs/`) is looked up in:
 *
 * 1. `$FLINK_OPERATOR_DIR`;
 * 2. `../shared/flink-operator`, next to the repository;
 * 3. `../shared/flink-operator` next to the local checkout this one was cloned from, when
 *    `origin` is a path (a clean clone made for a CI check, e.g. `git clone . /tmp/clean`);
 * 4. the download cache, `.cache/flink-operator/<commit>/` (git-ignored);
 * 5. failing all of these, the files are downloaded from the pinned commit into the cache.
 *
 * Every file is checked against its SHA-256 in imports/sources.json, whatever its origin, so
 * every route yields exactly the same input.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The repository root (this file lives in `<root>/imports`). */
export const REPO_ROOT = path.resolve(__dirname, '..');

/** The environment variable that names a folder with the operator's files. */
export const OPERATOR_DIR_VARIABLE = 'FLINK_OPERATOR_DIR';

/** A pinned file: its path in our layout, its path upstream, and its digest. */
export interface PinnedFile {
  readonly path: string;
  readonly upstream: string;
  readonly sha256: string;
}

/** The content of imports/sources.json. */
export interface Sources {
  readonly operator: { readonly repository: string; readonly tag: string; readonly commit: string };
  readonly upstreamUrlTemplate: string;
  readonly crds: ReadonlyArray<{ readonly kind: string; readonly path: string }>;
  readonly files: ReadonlyArray<PinnedFile>;
}

/** A folder that holds every pinned file, and how it was found. */
export interface OperatorFiles {
  readonly dir: string;
  /** e.g. `$FLINK_OPERATOR_DIR`, `../shared/flink-operator`, `download cache`. */
  readonly via: string;
}

/** Why the operator files could not be had, with what to do about it. */
export class OperatorFilesUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperatorFilesUnavailable';
  }
}

export function readSources(root: string = REPO_ROOT): Sources {
  return JSON.parse(fs.readFileSync(path.join(root, 'imports', 'sources.json'), 'utf8'));
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Problems of a folder against the pins: missing files and digest mismatches (empty when it is good). */
export function verifyOperatorDirectory(dir: string, sources: Sources): string[] {
  const problems: string[] = [];
  for (const file of sources.files) {
    const full = path.join(dir, file.path);
    if (!fs.existsSync(full)) {
      problems.push(`${file.path} is missing`);
      continue;
    }
    const digest = sha256(fs.readFileSync(full));
    if (digest !== file.sha256) {
      problems.push(`${file.path} has SHA-256 ${digest}, but imports/sources.json pins ${file.sha256} (${sources.operator.tag})`);
    }
  }
  return problems;
}

/** The local checkout this repository was cloned from, when its `origin` is a path. */
function localOrigin(root: string): string | undefined {
  try {
    const config = fs.readFileSync(path.join(root, '.git', 'config'), 'utf8');
    const url = /\[remote "origin"\][^[]*?\burl\s*=\s*(.+)/.exec(config)?.[1]?.trim();
    return url !== undefined && path.isAbsolute(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The download cache of a commit's files. */
export function cacheDirectory(sources: Sources, root: string = REPO_ROOT): string {
  return path.join(root, '.cache', 'flink-operator', sources.operator.commit);
}

/** The folders to look in, in order, with how each is named in messages. */
function candidates(sources: Sources, root: string, env: NodeJS.ProcessEnv): OperatorFiles[] {
  const list: OperatorFiles[] = [];
  const fromEnv = env[OPERATOR_DIR_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== '') {
    list.push({ dir: path.resolve(fromEnv), via: `$${OPERATOR_DIR_VARIABLE}` });
  }
  list.push({ dir: path.resolve(root, '..', 'shared', 'flink-operator'), via: '../shared/flink-operator' });
  const origin = localOrigin(root);
  if (origin !== undefined) {
    list.push({ dir: path.resolve(origin, '..', 'shared', 'flink-operator'), via: `../shared/flink-operator next to ${origin}` });
  }
  list.push({ dir: cacheDirectory(sources, root), via: 'download cache' });
  return list;
}

export interface LocateOptions {
  readonly root?: string;
  readonly sources?: Sources;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The first folder that exists, checked against the pins; undefined when none exists. A folder
 * that exists but does not match the pins is an error: it is not silently skipped.
 */
export function findOperatorFiles(options: LocateOptions = {}): OperatorFiles | undefined {
  const root = options.root ?? REPO_ROOT;
  const sources = options.sources ?? readSources(root);
  for (const candidate of candidates(sources, root, options.env ?? process.env)) {
    if (!fs.existsSync(candidate.dir)) {
      if (candidate.via === `$${OPERATOR_DIR_VARIABLE}`) {
        throw new OperatorFilesUnavailable(`$${OPERATOR_DIR_VARIABLE} is ${candidate.dir}, which does not exist. Point it at a folder with the operator's crds/, examples/ and docs/ (${sources.operator.tag}).`);
      }
      continue;
    }
    const problems = verifyOperatorDirectory(candidate.dir, sources);
    if (problems.length > 0) {
      throw new OperatorFilesUnavailable(`The operator files in ${candidate.dir} (found through ${candidate.via}) are not the pinned ${sources.operator.tag}:\n- ${problems.join('\n- ')}`);
    }
    return candidate;
  }
  return undefined;
}

export interface EnsureOptions extends LocateOptions {
  /** The fetch to download with (a test passes its own). */
  readonly fetch?: (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
}

function upstreamUrl(sources: Sources, file: PinnedFile): string {
  return sources.upstreamUrlTemplate.replace('{commit}', sources.operator.commit).replace('{upstream}', file.upstream);
}

function howToGetThem(sources: Sources): string {
  return [
    `Get the Flink Kubernetes Operator files of ${sources.operator.tag} (commit ${sources.operator.commit}) in one of these ways:`,
    `- set ${OPERATOR_DIR_VARIABLE} to a folder with its crds/, examples/ and docs/ (the layout imports/sources.json lists);`,
    '- put that folder at ../shared/flink-operator, next to this repository;',
    `- or allow downloads from ${new URL(sources.upstreamUrlTemplate.split('{')[0]).host}, and the files are fetched into .cache/flink-operator/.`,
  ].join('\n');
}

/**
 * A folder with every pinned file: found locally, or downloaded into the cache. Throws
 * `OperatorFilesUnavailable`, with what to set, when neither works.
 */
export async function ensureOperatorFiles(options: EnsureOptions = {}): Promise<OperatorFiles> {
  const root = options.root ?? REPO_ROOT;
  const sources = options.sources ?? readSources(root);
  const found = findOperatorFiles({ ...options, root, sources });
  if (found !== undefined) {
    return found;
  }
  const doFetch = options.fetch ?? fetch;
  const cache = cacheDirectory(sources, root);
  const staging = `${cache}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of sources.files) {
      const url = upstreamUrl(sources, file);
      let content: Buffer;
      try {
        const response = await doFetch(url);
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`);
        }
        content = Buffer.from(await response.arrayBuffer());
      } catch (error) {
        const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);
        throw new OperatorFilesUnavailable(`The operator files are not here, and downloading ${url} failed (${reason}).\n${howToGetThem(sources)}`);
      }
      const digest = sha256(content);
      if (digest !== file.sha256) {
        throw new OperatorFilesUnavailable(`${url} has SHA-256 ${digest}, but imports/sources.json pins ${file.sha256} for ${file.path}. The download is not the pinned ${sources.operator.tag}; nothing was cached.`);
      }
      fs.mkdirSync(path.dirname(path.join(staging, file.path)), { recursive: true });
      fs.writeFileSync(path.join(staging, file.path), content);
    }
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    fs.rmSync(cache, { recursive: true, force: true });
    fs.renameSync(staging, cache);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { dir: cache, via: 'download cache' };
}

/** The pinned CRDs as text, from the operator files. */
export async function loadPinnedCrdTexts(options: EnsureOptions = {}): Promise<Array<{ kind: string; path: string; text: string }>> {
  const root = options.root ?? REPO_ROOT;
  const sources = options.sources ?? readSources(root);
  const { dir } = await ensureOperatorFiles({ ...options, root, sources });
  return sources.crds.map((crd) => ({ kind: crd.kind, path: path.join(dir, crd.path), text: fs.readFileSync(path.join(dir, crd.path), 'utf8') }));
}
