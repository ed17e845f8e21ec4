/**
 * Strict validation of custom resources against the operator's CRD schemas, as compiled into
 * the package (src/imports/flink-crd-schemas.ts, generated from the pinned CRDs; the
 * conformance suite checks that they are what the CRDs say). The checker is Ajv, independent
 * of the library's own schema engine.
 *
 * Kubernetes structural-schema semantics, made strict:
 * - a field not in `properties` is an error (the API server would silently prune it), unless
 *   the schema has `x-kubernetes-preserve-unknown-fields` or `additionalProperties`;
 * - `x-kubernetes-int-or-string` accepts an integer or a string;
 * - `apiVersion`, `kind` and the standard `metadata` fields are checked at the root.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { FLINK_CRD_SCHEMAS_JSON } from '../../src/imports/flink-crd-schemas';

/**
 * The Prometheus Operator kinds (PodMonitor), as `npx projen import:prometheus-operator`
 * derives their schemas from the pinned @kubernetes-models/prometheus-operator declarations.
 * Field names and nesting come from there; value formats and integer types are checked by the
 * package's own validator as well (test/support/validate-k8s-objects.mjs).
 */
const PROMETHEUS_OPERATOR_KINDS: { [kind: string]: { apiVersion: string; schema: any } } =
  JSON.parse(fs.readFileSync(path.join(__dirname, 'generated', 'prometheus-operator-schemas.json'), 'utf8')).kinds;

/** The compiled schemas by kind, with every `{ $shared: n }` reference expanded. */
const COMPILED: { [kind: string]: { apiVersion: string; schema: any } } = (() => {
  const document = JSON.parse(FLINK_CRD_SCHEMAS_JSON);
  const expand = (schema: any): any => {
    if (Array.isArray(schema)) {
      return schema.map(expand);
    }
    if (schema === null || typeof schema !== 'object') {
      return schema;
    }
    if (schema.$shared !== undefined) {
      return expand(document.shared[schema.$shared]);
    }
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'enum' || key === 'required' ? value : expand(value)]));
  };
  return {
    ...Object.fromEntries(Object.entries<any>(document.kinds)
      .map(([kind, entry]) => [kind, { apiVersion: entry.apiVersion, schema: expand(entry.schema) }])),
    ...PROMETHEUS_OPERATOR_KINDS,
  };
})();

const OBJECT_META_FIELDS = [
  'name', 'generateName', 'namespace', 'labels', 'annotations', 'finalizers', 'ownerReferences',
  'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
  'deletionGracePeriodSeconds', 'managedFields', 'selfLink',
];

const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } };

function strict(schema: any): any {
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  if (schema['x-kubernetes-int-or-string']) {
    return { anyOf: [{ type: 'integer' }, { type: 'string' }] };
  }
  const result: any = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-')) {
      continue;
    }
    if (key === 'properties') {
      result.properties = Object.fromEntries(Object.entries(value as object).map(([name, child]) => [name, strict(child)]));
    } else if (key === 'items' || key === 'additionalProperties') {
      result[key] = typeof value === 'object' ? strict(value) : value;
    } else if (key === 'anyOf' || key === 'allOf' || key === 'oneOf') {
      result[key] = (value as any[]).map(strict);
    } else {
      result[key] = value;
    }
  }
  if (schema.properties && schema.additionalProperties === undefined && !schema['x-kubernetes-preserve-unknown-fields']) {
    result.additionalProperties = false;
  }
  return result;
}

function rootSchema(kind: string): any {
  const { apiVersion, schema: compiled } = COMPILED[kind];
  const schema = strict(compiled);
  schema.properties = {
    ...schema.properties,
    status: { type: 'object' },
    apiVersion: { const: apiVersion },
    kind: { const: kind },
    metadata: {
      type: 'object',
      properties: {
        ...Object.fromEntries(OBJECT_META_FIELDS.map((field) => [field, {}])),
        name: { type: 'string' },
        namespace: { type: 'string' },
        labels: STRING_MAP,
        annotations: STRING_MAP,
      },
      additionalProperties: false,
    },
  };
  schema.required = ['apiVersion', 'kind', 'metadata'];
  schema.additionalProperties = false;
  return schema;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();

function validatorFor(kind: string): ValidateFunction {
  let validator = validators.get(kind);
  if (!validator) {
    if (COMPILED[kind] === undefined) {
      throw new Error(`No CRD for kind ${kind}`);
    }
    validator = ajv.compile(rootSchema(kind));
    validators.set(kind, validator);
  }
  return validator;
}

/** The custom resource kinds checked here: the Flink kinds the operator defines, and the Prometheus Operator's PodMonitor. */
export function isCustomKind(kind: string): boolean {
  return COMPILED[kind] !== undefined;
}

/** The kinds @kubernetes-models/prometheus-operator validates too. */
export function isPrometheusOperatorKind(kind: string): boolean {
  return PROMETHEUS_OPERATOR_KINDS[kind] !== undefined;
}

/** Schema errors of a Flink custom resource, as `path message` strings (empty when valid). */
export function crdSchemaErrors(resource: any): string[] {
  const validate = validatorFor(resource.kind);
  if (validate(resource)) {
    return [];
  }
  return (validate.errors ?? []).map((error) => {
    const extra = error.keyword === 'additionalProperties' ? ` '${(error.params as any).additionalProperty}'` : '';
    return `${resource.kind}/${resource.metadata?.name} ${error.instancePath || '/'} ${error.message}${extra}`;
  });
}
