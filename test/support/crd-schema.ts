/**
 * Strict validation of custom resources against the operator's CRD schemas, straight from the
 * CRD files (an oracle independent of this library's own code).
 *
 * Kubernetes structural-schema semantics, made strict:
 * - a field not in `properties` is an error (the API server would silently prune it), unless
 *   the schema has `x-kubernetes-preserve-unknown-fields` or `additionalProperties`;
 * - `x-kubernetes-int-or-string` accepts an integer or a string;
 * - `apiVersion`, `kind` and the standard `metadata` fields are checked at the root.
 */
import Ajv, { ValidateFunction } from 'ajv';
import { operatorYaml } from './shared';

const CRD_FILES: { [kind: string]: string } = {
  FlinkDeployment: 'flinkdeployments.flink.apache.org-v1.yml',
  FlinkSessionJob: 'flinksessionjobs.flink.apache.org-v1.yml',
  FlinkStateSnapshot: 'flinkstatesnapshots.flink.apache.org-v1.yml',
  FlinkBlueGreenDeployment: 'flinkbluegreendeployments.flink.apache.org-v1.yml',
};

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

function rootSchema(crd: any): any {
  const version = crd.spec.versions.find((v: any) => v.storage) ?? crd.spec.versions[0];
  const schema = strict(version.schema.openAPIV3Schema);
  schema.properties = {
    ...schema.properties,
    apiVersion: { const: `${crd.spec.group}/${version.name}` },
    kind: { const: crd.spec.names.kind },
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
    const file = CRD_FILES[kind];
    if (!file) {
      throw new Error(`No CRD for kind ${kind}`);
    }
    validator = ajv.compile(rootSchema(operatorYaml('crds', file)[0]));
    validators.set(kind, validator);
  }
  return validator;
}

/** The Flink kinds the operator defines. */
export function isFlinkKind(kind: string): boolean {
  return CRD_FILES[kind] !== undefined;
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
