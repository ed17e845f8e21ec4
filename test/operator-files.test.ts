/**
 * How the conformance suite and `npx projen import` get the operator's files: found locally,
 * or downloaded into the cache, every file checked against its pinned digest. Tested with
 * made-up pins and a fake download, so nothing here needs the real files or the network.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  cacheDirectory,
  ensureOperatorFiles,
  findOperatorFiles,
  OperatorFilesUnavailable,
  readSources,
  Sources,
} from '../imports/operator-files';

const CONTENT: { [file: string]: string } = {
  'crds/widgets.yml': 'kind: CustomResourceDefinition\n',
  'examples/widget.yaml': 'kind: Widget\n',
};
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

const SOURCES: Sources = {
  operator: { repository: 'example/operator', tag: 'release-9.9.9', commit: '0123456789abcdef0123456789abcdef01234567' },
  upstreamUrlTemplate: 'https://downloads.example.com/{commit}/{upstream}',
  crds: [{ kind: 'Widget', path: 'crds/widgets.yml' }],
  files: Object.entries(CONTENT).map(([file, text]) => ({ path: file, upstream: `upstream/${file}`, sha256: digest(text) })),
};

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-operator-files-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function folderWith(files: { [file: string]: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-operator-dir-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** A fake fetch that serves `served` by URL and records what was asked. */
function fakeFetch(served: { [url: string]: string }, asked: string[]) {
  return async (url: string) => {
    asked.push(url);
    const text = served[url];
    return {
      ok: text !== undefined,
      status: text === undefined ? 404 : 200,
      arrayBuffer: async () => new TextEncoder().encode(text ?? '').buffer as ArrayBuffer,
    };
  };
}

const UPSTREAM = Object.fromEntries(Object.entries(CONTENT).map(([file, text]) => [`https://downloads.example.com/${SOURCES.operator.commit}/upstream/${file}`, text]));

describe('finding the operator files', () => {
  test('$FLINK_OPERATOR_DIR comes first, and its files are checked against the pins', () => {
    const dir = folderWith(CONTENT);
    try {
      expect(findOperatorFiles({ root, sources: SOURCES, env: { FLINK_OPERATOR_DIR: dir } })).toEqual({ dir, via: '$FLINK_OPERATOR_DIR' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a folder whose files differ from the pins is an error that names each file', () => {
    const dir = folderWith({ 'crds/widgets.yml': 'changed\n' });
    try {
      expect(() => findOperatorFiles({ root, sources: SOURCES, env: { FLINK_OPERATOR_DIR: dir } }))
        .toThrow(/are not the pinned release-9\.9\.9:\n- crds\/widgets\.yml has SHA-256 \w+, but imports\/sources\.json pins \w+[\s\S]*examples\/widget\.yaml is missing/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a $FLINK_OPERATOR_DIR that does not exist is an error, not a silent fallback', () => {
    expect(() => findOperatorFiles({ root, sources: SOURCES, env: { FLINK_OPERATOR_DIR: path.join(root, 'nope') } }))
      .toThrow(/\$FLINK_OPERATOR_DIR is .*nope, which does not exist/);
  });

  test('nothing local: undefined', () => {
    expect(findOperatorFiles({ root, sources: SOURCES, env: {} })).toBeUndefined();
  });
});

describe('downloading the operator files', () => {
  test('downloads every pinned file into the cache once, then finds the cache', async () => {
    const asked: string[] = [];
    const found = await ensureOperatorFiles({ root, sources: SOURCES, env: {}, fetch: fakeFetch(UPSTREAM, asked) });
    expect(found).toEqual({ dir: cacheDirectory(SOURCES, root), via: 'download cache' });
    expect(found.dir).toBe(path.join(root, '.cache', 'flink-operator', SOURCES.operator.commit));
    expect(fs.readFileSync(path.join(found.dir, 'examples', 'widget.yaml'), 'utf8')).toBe(CONTENT['examples/widget.yaml']);
    expect(asked.sort()).toEqual(Object.keys(UPSTREAM).sort());
    const again: string[] = [];
    expect(await ensureOperatorFiles({ root, sources: SOURCES, env: {}, fetch: fakeFetch(UPSTREAM, again) })).toEqual(found);
    expect(again).toEqual([]);
  });

  test('a download with another digest fails and caches nothing', async () => {
    const tampered = { ...UPSTREAM, [Object.keys(UPSTREAM)[1]]: 'kind: Gadget\n' };
    await expect(ensureOperatorFiles({ root, sources: SOURCES, env: {}, fetch: fakeFetch(tampered, []) }))
      .rejects.toThrow(/has SHA-256 \w+, but imports\/sources\.json pins \w+ for examples\/widget\.yaml.*nothing was cached/);
    expect(fs.existsSync(cacheDirectory(SOURCES, root))).toBe(false);
    expect(fs.readdirSync(path.join(root, '.cache', 'flink-operator'))).toEqual([]);
  });

  test('without files or network, the error says what to set', async () => {
    const offline = async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND downloads.example.com') });
    };
    const error = await ensureOperatorFiles({ root, sources: SOURCES, env: {}, fetch: offline }).catch((e) => e);
    expect(error).toBeInstanceOf(OperatorFilesUnavailable);
    expect(error.message).toMatch(/downloading https:\/\/downloads\.example\.com\/.* failed \(fetch failed: getaddrinfo ENOTFOUND/);
    expect(error.message).toMatch(/set FLINK_OPERATOR_DIR to a folder/);
    expect(error.message).toMatch(/\.\.\/shared\/flink-operator/);
  });

  test('an HTTP error names the status', async () => {
    await expect(ensureOperatorFiles({ root, sources: SOURCES, env: {}, fetch: fakeFetch({}, []) })).rejects.toThrow(/failed \(HTTP 404\)/);
  });
});

describe('imports/sources.json', () => {
  const sources = readSources();

  test('pins every CRD, the 26 upstream examples and the Helm RBAC helpers, each with a SHA-256', () => {
    const paths = sources.files.map((file) => file.path);
    expect(sources.crds.map((crd) => crd.path).every((crd) => paths.includes(crd))).toBe(true);
    expect(paths.filter((file) => file.startsWith('examples/'))).toHaveLength(26);
    expect(paths).toContain('docs/helm-rbac-helpers.tpl');
    expect(sources.files.every((file) => /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
  });

  test('names the release and its commit', () => {
    expect(sources.operator).toEqual({ repository: 'apache/flink-kubernetes-operator', tag: 'release-1.15.0', commit: '79d730bab4d8403f3a447fb027f879f5cbdc59ad' });
  });
});
