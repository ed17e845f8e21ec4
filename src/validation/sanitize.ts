/**
 * The engine's input made safe: anything a caller hands `FlinkValidator.validate` becomes plain
 * JSON-like data before a rule reads it, and whatever cannot become data is a problem to report,
 * never a throw.
 *
 * A manifest is copied value by value. The copy leaves out, and reports, what the API server
 * could never receive: values nested deeper than {@link MAX_DEPTH} levels, circular references,
 * BigInts that do not fit a JSON number, functions and symbols, and properties whose getters (or
 * Proxy traps) throw. Objects with `toJSON` are read the way `JSON.stringify` reads them. A
 * manifest with more than {@link MAX_VALUES} values (a shared sub-object referenced from many
 * places multiplies) is cut there.
 */
import { childPath } from './json-path';

/** How deep a manifest may nest (a Kubernetes manifest rarely goes past 15 levels). */
export const MAX_DEPTH = 100;

/** How many values a manifest may hold, counting a shared object once per place it appears. */
export const MAX_VALUES = 1_000_000;

/** How many elements a list may have. */
const MAX_ELEMENTS = 10_000_000;

/** At most this many problems are listed for one manifest; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

/** Something in a manifest that is not JSON data, and what the copy did with it. */
export interface DataProblem {
  /** JSON path of the value, e.g. `spec.job.parallelism`; '' for the manifest itself. */
  readonly path: string;
  readonly message: string;
}

/** A manifest as plain data, with the problems met while copying it. */
export interface SanitizedManifest {
  readonly manifest: unknown;
  readonly problems: ReadonlyArray<DataProblem>;
}

/** A short, safe rendering of a value for a message: never throws, never longer than 60 characters. */
export function preview(value: unknown): string {
  let text: string;
  try {
    if (typeof value === 'bigint') {
      text = `${value.toString()}n`;
    } else if (typeof value === 'symbol' || typeof value === 'function') {
      text = typeof value;
    } else {
      text = JSON.stringify(value) ?? String(value);
    }
  } catch {
    text = Array.isArray(value) ? 'an array' : `a${typeof value === 'object' ? 'n object' : ` ${typeof value}`}`;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

class Copier {
  public readonly problems: DataProblem[] = [];
  private unlisted = 0;
  private values = 0;
  private readonly ancestors = new Set<object>();
  /** The keys from the manifest down to the value being copied; a path is built only to report. */
  private readonly trail: Array<string | number> = [];

  public copy(value: unknown, depth: number): unknown {
    if (++this.values > MAX_VALUES) {
      if (this.values === MAX_VALUES + 1) {
        this.problem(`the manifest holds more than ${MAX_VALUES.toLocaleString('en-US')} values; the checks leave out everything from here on`);
      }
      return undefined;
    }
    switch (typeof value) {
      case 'string':
      case 'boolean':
      case 'number':
      case 'undefined':
        return value;
      case 'bigint':
        return this.bigint(value);
      case 'function':
      case 'symbol':
        this.problem(`is a ${typeof value}, which is not JSON data and cannot be in a manifest; the checks leave it out`);
        return undefined;
      default:
        return value === null ? null : this.object(value as object, depth);
    }
  }

  private bigint(value: bigint): unknown {
    const asNumber = Number(value);
    if (Number.isSafeInteger(asNumber)) {
      this.problem(`is a BigInt (${value.toString()}n), which JSON cannot hold: write it as a number; the checks read it as ${asNumber}`);
      return asNumber;
    }
    this.problem(`is a BigInt (${preview(value)}) too large for a JSON number; the checks leave it out`);
    return undefined;
  }

  private object(value: object, depth: number): unknown {
    if (depth >= MAX_DEPTH) {
      this.problem(`is nested more than ${MAX_DEPTH} levels deep; the checks leave out what is below`);
      return undefined;
    }
    if (this.ancestors.has(value)) {
      this.problem('refers back to an object that contains it (a circular reference), which JSON cannot hold; the checks leave it out');
      return undefined;
    }
    this.ancestors.add(value);
    try {
      const toJSON = this.read(value, 'toJSON');
      if (typeof toJSON === 'function') {
        let converted: unknown;
        try {
          converted = toJSON.call(value, '');
        } catch (error) {
          this.problem(`cannot be read: its toJSON() throws (${errorText(error)}); the checks leave it out`);
          return undefined;
        }
        return this.copy(converted, depth + 1);
      }
      return Array.isArray(value) ? this.array(value, depth) : this.map(value, depth);
    } catch (error) {
      // Array.isArray, Object.keys and the length of a revoked or hostile Proxy throw.
      this.problem(`cannot be read (${errorText(error)}); the checks leave it out`);
      return undefined;
    } finally {
      this.ancestors.delete(value);
    }
  }

  private array(value: unknown[], depth: number): unknown[] {
    const length = Number(value.length);
    const result: unknown[] = [];
    for (let index = 0; index < length && this.values <= MAX_VALUES; index++) {
      this.trail.push(index);
      const item = this.copy(this.read(value, index), depth + 1);
      this.trail.pop();
      // JSON writes a missing array element as null.
      result.push(item === undefined ? null : item);
    }
    return result;
  }

  private map(value: object, depth: number): { [key: string]: unknown } {
    const result: { [key: string]: unknown } = {};
    for (const key of Object.keys(value)) {
      if (this.values > MAX_VALUES) {
        break;
      }
      this.trail.push(key);
      const item = this.copy(this.read(value, key), depth + 1);
      this.trail.pop();
      if (item === undefined) {
        continue;
      }
      if (key === '__proto__') {
        // Assigning would set the copy's prototype: define it, so that it stays a key.
        Object.defineProperty(result, key, { value: item, enumerable: true, writable: true, configurable: true });
      } else {
        result[key] = item;
      }
    }
    return result;
  }

  /** A property, or undefined (reported) when its getter or a Proxy trap throws. */
  private read(value: any, key: string | number): unknown {
    try {
      return value[key];
    } catch (error) {
      this.trail.push(key);
      this.problem(`cannot be read: its getter throws (${errorText(error)}); the checks leave it out`);
      this.trail.pop();
      return undefined;
    }
  }

  private problem(message: string): void {
    if (this.problems.length < MAX_LISTED_PROBLEMS) {
      this.problems.push({ path: this.trail.reduce<string>((path, key) => childPath(path, key), ''), message });
    } else {
      this.unlisted += 1;
    }
  }

  public finish(): DataProblem[] {
    if (this.unlisted > 0) {
      this.problems.push({ path: '', message: `has ${this.unlisted} more values that are not JSON data (not listed)` });
    }
    return this.problems;
  }
}

export function errorText(error: unknown): string {
  try {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return 'an error that cannot be shown';
  }
}

/** A copy of `value` as plain data, and what had to be left out. */
export function toPlainData(value: unknown): SanitizedManifest {
  const copier = new Copier();
  const manifest = copier.copy(value, 0);
  return { manifest, problems: copier.finish() };
}

/**
 * Whether a value is JSON data already, so that copying it would change nothing: strings,
 * numbers, booleans and null in plain objects and arrays (no `toJSON`, no undefined values, no
 * `__proto__` key), at most {@link MAX_DEPTH} levels deep (a circular reference never ends, so it
 * fails too) and {@link MAX_VALUES} values. Reads each value once; never throws.
 */
export function isPlainData(value: unknown): boolean {
  let values = 0;
  const plain = (item: unknown, depth: number): boolean => {
    if (++values > MAX_VALUES) {
      return false;
    }
    const type = typeof item;
    if (type === 'string' || type === 'boolean' || (type === 'number' && Number.isFinite(item))) {
      return true;
    }
    if (item === null) {
      return true;
    }
    if (type !== 'object' || depth >= MAX_DEPTH) {
      return false;
    }
    if (Array.isArray(item)) {
      const length = item.length;
      for (let index = 0; index < length; index++) {
        if (!(index in item) || !plain(item[index], depth + 1)) {
          return false;
        }
      }
      return true;
    }
    const prototype = Object.getPrototypeOf(item);
    if ((prototype !== Object.prototype && prototype !== null) || 'toJSON' in (item as object)) {
      return false;
    }
    for (const key in item as object) {
      if (key === '__proto__' || !plain((item as any)[key], depth + 1)) {
        return false;
      }
    }
    return true;
  };
  try {
    return plain(value, 0);
  } catch {
    return false; // a getter or a Proxy trap that throws: the copy reports it
  }
}

/** A manifest as plain data: the value itself when it is plain data already, otherwise a copy (see toPlainData). */
export function asPlainData(value: unknown): SanitizedManifest {
  return isPlainData(value) ? { manifest: value, problems: [] } : toPlainData(value);
}

/**
 * The elements of a list the caller gave, never throwing: an array's elements, a single value
 * as a list of one, nothing for undefined and null.
 */
export function elementsOf(list: unknown): { elements: unknown[]; problem?: string } {
  if (list === undefined || list === null) {
    return { elements: [] };
  }
  try {
    if (!Array.isArray(list)) {
      return { elements: [list] };
    }
    const length = Number(list.length);
    if (length > MAX_ELEMENTS) {
      return { elements: [], problem: `the list claims ${preview(length)} elements, more than ${MAX_ELEMENTS.toLocaleString('en-US')}` };
    }
    const elements: unknown[] = [];
    let problem: string | undefined;
    for (let index = 0; index < length; index++) {
      try {
        elements.push(list[index]);
      } catch (error) {
        elements.push(undefined);
        problem ??= `element ${index} cannot be read (${errorText(error)})`;
      }
    }
    return { elements, problem };
  } catch (error) {
    return { elements: [], problem: `the list cannot be read (${errorText(error)})` };
  }
}
