/**
 * Loads the pinned Flink Kubernetes Operator CRDs named in `imports/sources.json`.
 *
 * The CRDs are read from the shared folder next to the repository when it is there, and
 * otherwise downloaded from the pinned upstream commit. Either way, every file is checked
 * against its pinned SHA-256, so both routes yield exactly the same input.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';

/** The repository root (this file lives in `<root>/imports`). */
export const REPO_ROOT = path.resolve(__dirname, '..');

interface PinnedCrd {
  readonly kind: string;
  readonly file: string;
  readonly sha256: string;
}

interface Sources {
  readonly operator: { readonly repository: string; readonly tag: string; readonly commit: string };
  readonly localDirectory: string;
  readonly upstreamUrlTemplate: string;
  readonly crds: PinnedCrd[];
}

/** One CRD, as text and parsed. */
export interface LoadedCrd {
  readonly kind: string;
  readonly file: string;
  readonly text: string;
  readonly document: any;
  /** Where the text came from: a local path or an upstream URL. */
  readonly origin: string;
}

export function readSources(): Sources {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'imports', 'sources.json'), 'utf8'));
}

/**
 * The local checkout this repository was cloned from, when its `origin` is a path (a clean
 * clone made for a CI check, e.g. `git clone . /tmp/clean`).
 */
function localOrigin(): string | undefined {
  try {
    const config = fs.readFileSync(path.join(REPO_ROOT, '.git', 'config'), 'utf8');
    const url = /\[remote "origin"\][^[]*?\burl\s*=\s*(.+)/.exec(config)?.[1]?.trim();
    return url !== undefined && path.isAbsolute(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The shared folder holding the operator's files, or undefined when there is none.
 *
 * Looked up in `$CDK8S_FLINK_SHARED`, then next to the repository (`../shared`), then next to
 * the local checkout it was cloned from.
 */
export function findSharedDirectory(): string | undefined {
  const origin = localOrigin();
  const candidates = [
    process.env.CDK8S_FLINK_SHARED,
    path.resolve(REPO_ROOT, '..', 'shared'),
    origin === undefined ? undefined : path.resolve(origin, '..', 'shared'),
  ];
  return candidates.find((dir) => dir !== undefined && fs.existsSync(path.join(dir, 'flink-operator'))) as string | undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function upstreamUrl(sources: Sources, crd: PinnedCrd): string {
  return sources.upstreamUrlTemplate.replace('{commit}', sources.operator.commit).replace('{file}', crd.file);
}

async function readCrdText(sources: Sources, crd: PinnedCrd): Promise<{ text: string; origin: string }> {
  const shared = findSharedDirectory();
  if (shared) {
    const local = path.join(shared, 'flink-operator', 'crds', crd.file);
    if (fs.existsSync(local)) {
      return { text: fs.readFileSync(local, 'utf8'), origin: local };
    }
  }
  const url = upstreamUrl(sources, crd);
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`Could not download ${url}: HTTP ${response.status}. Put the CRDs in ../shared/flink-operator/crds or set CDK8S_FLINK_SHARED.`);
  }
  return { text: await response.text(), origin: url };
}

/** Loads every pinned CRD and checks it against its pinned digest. */
export async function loadPinnedCrds(): Promise<LoadedCrd[]> {
  const sources = readSources();
  const result: LoadedCrd[] = [];
  for (const crd of sources.crds) {
    const { text, origin } = await readCrdText(sources, crd);
    const digest = sha256(text);
    if (digest !== crd.sha256) {
      throw new Error(`${origin} has SHA-256 ${digest}, but imports/sources.json pins ${crd.sha256} for ${sources.operator.tag}. Update the pin only when moving to a new operator release.`);
    }
    const document = YAML.parse(text);
    if (document?.spec?.names?.kind !== crd.kind) {
      throw new Error(`${origin} defines kind ${document?.spec?.names?.kind}, expected ${crd.kind}`);
    }
    result.push({ kind: crd.kind, file: crd.file, text, document, origin });
  }
  return result;
}
