/**
 * A parsed YAML document as plain JSON values, the way `kubectl` sees it.
 *
 * kubectl reads YAML with sigs.k8s.io/yaml, which decodes with go-yaml: collections become maps
 * and lists by their node kind whatever their tag, so a `!!omap` sequence stays a list of
 * one-key maps and a `!!set` mapping a map whose values are null (go-yaml's `decoder.sequence`
 * and `decoder.mapping` look at the node kind only); merge keys (`<<: *anchor`, or a list of
 * anchors) lay the referenced maps under the keys written next to them; map keys become text.
 * The `yaml` package's own `toJS()` differs on each point: it keeps `<<` as a key (YAML 1.2 has
 * no merge keys) and turns `!!omap`/`!!set` into JavaScript `Map`/`Set` objects, whose content
 * the validator would not see.
 */
import * as YAML from 'yaml';

/** Limits of the conversion, against alias bombs. */
export interface PlainValueOptions {
  /** The most aliases a document may resolve. */
  readonly maxAliasCount: number;
}

const MERGE_TAG = 'tag:yaml.org,2002:merge';

class Converter {
  private aliases = 0;
  private readonly converting = new Set<unknown>();

  constructor(private readonly document: YAML.Document, private readonly options: PlainValueOptions) {}

  public value(node: unknown): unknown {
    if (node === null || node === undefined) {
      return null;
    }
    if (YAML.isAlias(node)) {
      this.aliases += 1;
      if (this.aliases > this.options.maxAliasCount) {
        throw new Error(`Excessive alias count (more than ${this.options.maxAliasCount}): refusing to expand the document.`);
      }
      const target = node.resolve(this.document);
      if (target === undefined) {
        throw new Error(`Unresolved alias *${node.source}.`);
      }
      return this.value(target);
    }
    if (YAML.isScalar(node)) {
      return scalar(node.value);
    }
    if (this.converting.has(node)) {
      throw new Error('A YAML anchor refers to itself: the document has no finite value.');
    }
    this.converting.add(node);
    try {
      if (YAML.isPair(node)) {
        // An entry of a `!!omap` or `!!pairs` sequence, or `[a: 1]`: go-yaml decodes it as a one-key map.
        return { [this.keyText(node.key)]: this.value(node.value) };
      }
      if (YAML.isSeq(node)) {
        return node.items.map((item) => this.value(item));
      }
      if (YAML.isMap(node)) {
        return this.map(node);
      }
      return null;
    } finally {
      this.converting.delete(node);
    }
  }

  /** A mapping: merged maps first (earlier ones winning), then the keys written in it. */
  private map(node: YAML.YAMLMap): { [key: string]: unknown } {
    const sources: unknown[] = [];
    const own: Array<[string, unknown]> = [];
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) {
        const merged = this.value(pair.value);
        const list = YAML.isSeq(unaliased(pair.value, this.document)) ? merged as unknown[] : [merged];
        for (const source of list) {
          if (source === null || typeof source !== 'object' || Array.isArray(source)) {
            throw new Error('A merge key (<<) must refer to a map or a list of maps.');
          }
          sources.push(source);
        }
      } else {
        own.push([this.keyText(pair.key), this.value(pair.value)]);
      }
    }
    const result: { [key: string]: unknown } = {};
    for (const source of sources.reverse()) {
      Object.assign(result, source);
    }
    for (const [key, value] of own) {
      result[key] = value;
    }
    return result;
  }

  private keyText(key: unknown): string {
    const value = this.value(key);
    return typeof value === 'string' ? value : value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function unaliased(node: unknown, document: YAML.Document): unknown {
  return YAML.isAlias(node) ? node.resolve(document) : node;
}

/** `<<` as a plain (untagged) or `!!merge`-tagged scalar key. */
function isMergeKey(key: unknown): boolean {
  return YAML.isScalar(key) && key.value === '<<' && (key.tag === undefined || key.tag === MERGE_TAG)
    && (key.type === undefined || key.type === 'PLAIN' || key.tag === MERGE_TAG);
}

/** A scalar as JSON: numbers, booleans, null and text stay; anything else becomes text. */
function scalar(value: unknown): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  return String(value);
}

/** The document's content as plain JSON values, as kubectl would send it (throws on alias bombs and cycles). */
export function plainValue(document: YAML.Document, options: PlainValueOptions): unknown {
  return new Converter(document, options).value(document.contents);
}
