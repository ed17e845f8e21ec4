/**
 * Checks manifests against the operator CRDs' structural schemas, with Kubernetes semantics:
 * a field the schema does not know is reported (the API server would drop it silently), unless
 * the schema preserves unknown fields; `x-kubernetes-int-or-string` takes an integer or a string.
 *
 * The schemas come from the import step (src/imports/flink-crd-schemas.ts). They are parsed and
 * compiled into checker functions once, on first use, and shared by every manifest after that.
 */
import { childPath } from './json-path';
import { FLINK_CRD_SCHEMAS_JSON } from '../imports/flink-crd-schemas';
import { editDistance } from '../private/edit-distance';

/** One schema violation. */
export interface SchemaViolation {
  readonly path: string;
  readonly message: string;
}

/**
 * The keys from the checked object down to the value being checked: the path of a violation is
 * built from it only when one is reported (most values have none).
 */
type Trail = Array<string | number>;

type Checker = (value: unknown, trail: Trail, out: SchemaViolation[]) => void;

function pathOf(trail: Trail): string {
  return trail.reduce<string>((path, key) => childPath(path, key), '');
}

interface CompiledKind {
  readonly apiVersion: string;
  readonly check: Checker;
}

/** Metadata fields of an ObjectMeta a manifest may carry. */
const OBJECT_META_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'labels', 'annotations', 'finalizers', 'ownerReferences',
  'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
  'deletionGracePeriodSeconds', 'managedFields', 'selfLink',
]);

let compiled: Map<string, CompiledKind> | undefined;

function typeOf(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The closest known field to a misspelled one, if it is close. */
function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of known) {
    // The distance is at least the difference in length: a long name costs nothing to rule out.
    if (Math.abs(name.length - candidate.length) >= bestDistance) {
      continue;
    }
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function compileAll(): Map<string, CompiledKind> {
  const document = JSON.parse(FLINK_CRD_SCHEMAS_JSON);
  const shared: Array<Checker | undefined> = new Array(document.shared.length);
  const sharedChecker = (index: number): Checker => {
    return (value, trail, out) => {
      let checker = shared[index];
      if (checker === undefined) {
        checker = compile(document.shared[index]);
        shared[index] = checker;
      }
      checker(value, trail, out);
    };
  };

  const compile = (schema: any): Checker => {
    if (schema.$shared !== undefined) {
      return sharedChecker(schema.$shared);
    }
    if (schema['x-kubernetes-int-or-string']) {
      return (value, trail, out) => {
        if (!Number.isInteger(value) && typeof value !== 'string') {
          out.push({ path: pathOf(trail), message: `must be an integer or a string (got ${show(value)})` });
        }
      };
    }
    const checks: Checker[] = [];
    const type: string | undefined = schema.type;
    const preserveUnknown = schema['x-kubernetes-preserve-unknown-fields'] === true;
    if (type !== undefined) {
      checks.push((value, trail, out) => {
        if (!matchesType(value, type) && !(value === null && schema.nullable === true)) {
          out.push({ path: pathOf(trail), message: `must be ${type === 'integer' ? 'an integer' : `a ${type === 'object' ? 'map' : type}`} (got ${show(value)})` });
        }
      });
    }
    if (Array.isArray(schema.enum)) {
      const allowed: unknown[] = schema.enum;
      checks.push((value, trail, out) => {
        if (typeof value === 'string' && !allowed.includes(value)) {
          out.push({ path: pathOf(trail), message: `must be one of ${allowed.map((v) => `'${v}'`).join(', ')} (got ${show(value)})` });
        }
      });
    }
    if (schema.properties !== undefined || schema.additionalProperties !== undefined || Array.isArray(schema.required) || type === 'object') {
      const properties = new Map<string, Checker>(Object.entries(schema.properties ?? {}).map(([name, child]) => [name, compile(child)]));
      const known = [...properties.keys()];
      const additional: Checker | undefined = typeof schema.additionalProperties === 'object' ? compile(schema.additionalProperties) : undefined;
      const allowAny = preserveUnknown || schema.additionalProperties === true;
      const required: string[] = schema.required ?? [];
      checks.push((value, trail, out) => {
        if (typeOf(value) !== 'object') {
          return;
        }
        const object = value as Record<string, unknown>;
        for (const name of required) {
          if (object[name] === undefined) {
            out.push({ path: pathOf([...trail, name]), message: 'is required' });
          }
        }
        for (const name in object) {
          const child = object[name];
          if (child === null || child === undefined) {
            // The API server prunes a null from a field that is not nullable (no field of the
            // operator's CRDs is) instead of rejecting it, and drops an unknown field anyway:
            // the rules see the field as absent and report what it leaves unset.
            continue;
          }
          const checker = properties.get(name) ?? additional;
          trail.push(name);
          if (checker !== undefined) {
            checker(child, trail, out);
          } else if (!allowAny) {
            const suggestion = closest(name, known);
            out.push({
              path: pathOf(trail),
              message: `is not a field of the schema: the API server would drop it silently.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Remove or rename it.`,
            });
          }
          trail.pop();
        }
      });
    }
    if (schema.items !== undefined) {
      const item = compile(schema.items);
      checks.push((value, trail, out) => {
        if (Array.isArray(value)) {
          value.forEach((element, index) => {
            trail.push(index);
            item(element, trail, out);
            trail.pop();
          });
        }
      });
    }
    if (checks.length === 1) {
      return checks[0];
    }
    return (value, trail, out) => {
      for (const check of checks) {
        check(value, trail, out);
      }
    };
  };

  const result = new Map<string, CompiledKind>();
  for (const [kind, entry] of Object.entries<any>(document.kinds)) {
    result.set(kind, { apiVersion: entry.apiVersion, check: compile(entry.schema) });
  }
  return result;
}

/** The kinds the compiled CRD schemas define (FLINK_KINDS names the same, see referenced-kinds.ts). */
export function schemaKinds(): string[] {
  return [...kindsSchemas().keys()];
}

function kindsSchemas(): Map<string, CompiledKind> {
  if (compiled === undefined) {
    compiled = compileAll();
  }
  return compiled;
}

/** The apiVersion the CRD serves for a Flink kind. */
export function apiVersionOf(kind: string): string | undefined {
  return kindsSchemas().get(kind)?.apiVersion;
}

/** Schema violations of a Flink custom resource (apiVersion, metadata, spec). */
export function schemaViolations(manifest: any): SchemaViolation[] {
  const kind = kindsSchemas().get(manifest.kind);
  if (kind === undefined) {
    return [];
  }
  const out: SchemaViolation[] = [];
  if (manifest.apiVersion !== kind.apiVersion) {
    out.push({ path: 'apiVersion', message: `must be '${kind.apiVersion}' for ${manifest.kind} (got ${show(manifest.apiVersion)})` });
  }
  const metadata = manifest.metadata;
  if (typeOf(metadata) !== 'object') {
    out.push({ path: 'metadata', message: `must be a map with at least 'name' (got ${show(metadata)})` });
  } else {
    for (const [field, value] of Object.entries(metadata)) {
      if (!OBJECT_META_FIELDS.has(field)) {
        const suggestion = closest(field, [...OBJECT_META_FIELDS]);
        out.push({ path: childPath('metadata', field), message: `is not an ObjectMeta field: the API server would drop it silently.${suggestion ? ` Did you mean '${suggestion}'?` : ''}` });
      } else if ((field === 'labels' || field === 'annotations') && value !== undefined) {
        checkStringMap(value, childPath('metadata', field), out);
      } else if ((field === 'name' || field === 'namespace') && typeof value !== 'string') {
        out.push({ path: childPath('metadata', field), message: `must be a string (got ${show(value)})` });
      }
    }
  }
  const { apiVersion: _apiVersion, kind: _kind, metadata: _metadata, status: _status, ...rest } = manifest;
  kind.check(rest, [], out);
  return out;
}

function checkStringMap(value: unknown, path: string, out: SchemaViolation[]): void {
  if (typeOf(value) !== 'object') {
    out.push({ path, message: `must be a map of strings (got ${show(value)})` });
    return;
  }
  for (const [key, entry] of Object.entries(value as object)) {
    if (typeof entry !== 'string') {
      out.push({ path: childPath(path, key), message: `must be a string; quote it (got ${show(entry)})` });
    }
  }
}
