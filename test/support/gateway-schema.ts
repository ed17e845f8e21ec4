/**
 * Strict validation of Gateway API HTTPRoutes (`gateway.networking.k8s.io/v1`, standard
 * channel), independent of the library: Ajv against the pinned schema that the types are
 * generated from (imports/gateway-api.ts: @kubernetes-models/gateway-api's HTTPRoute schema,
 * without the fields v1.0.0 marks experimental), with every field outside the schema an error,
 * plus the CEL rules of the HTTPRoute CRD that the schema cannot express.
 */
import Ajv, { ValidateFunction } from 'ajv';
import { httpRouteSpecSchema } from '../../imports/gateway-api';

const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } };

/** Every object schema with `properties` admits no other field. */
function strict(schema: any): any {
  if (Array.isArray(schema)) {
    return schema.map(strict);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const result: any = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'enum' || key === 'required' ? value : strict(value)]));
  if (schema.properties !== undefined && schema.additionalProperties === undefined) {
    result.additionalProperties = false;
  }
  return result;
}

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  if (validator === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 });
    ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
    validator = ajv.compile({
      type: 'object',
      required: ['apiVersion', 'kind', 'metadata', 'spec'],
      additionalProperties: false,
      properties: {
        apiVersion: { const: 'gateway.networking.k8s.io/v1' },
        kind: { const: 'HTTPRoute' },
        metadata: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string' }, namespace: { type: 'string' }, labels: STRING_MAP, annotations: STRING_MAP },
        },
        spec: strict(httpRouteSpecSchema()),
      },
    });
  }
  return validator;
}

const FILTER_FIELDS: { [type: string]: string } = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
};
const ONCE_PER_RULE = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite'];

/** The CRD's CEL rules (x-kubernetes-validations) on paths, filters and backends. */
function celErrors(route: any): string[] {
  const errors: string[] = [];
  (route.spec?.rules ?? []).forEach((rule: any, r: number) => {
    const at = `/spec/rules/${r}`;
    const filters: any[] = rule.filters ?? [];
    const types = filters.map((filter) => filter.type);
    for (const type of ONCE_PER_RULE) {
      if (types.filter((t) => t === type).length > 1) {
        errors.push(`${at}/filters: ${type} may appear at most once`);
      }
    }
    if (types.includes('RequestRedirect') && types.includes('URLRewrite')) {
      errors.push(`${at}/filters: RequestRedirect and URLRewrite cannot both be used`);
    }
    if (types.includes('RequestRedirect') && (rule.backendRefs ?? []).length > 0) {
      errors.push(`${at}: a RequestRedirect filter must not be used with backendRefs`);
    }
    filters.forEach((filter, f) => {
      const field = FILTER_FIELDS[filter.type];
      const set = Object.values(FILTER_FIELDS).filter((name) => filter[name] !== undefined);
      if (set.length !== 1 || set[0] !== field) {
        errors.push(`${at}/filters/${f}: filter type ${filter.type} must set exactly ${field}`);
      }
      const modifier = filter.urlRewrite?.path ?? filter.requestRedirect?.path;
      if (modifier !== undefined) {
        const expected = modifier.type === 'ReplacePrefixMatch' ? 'replacePrefixMatch' : 'replaceFullPath';
        if (modifier[expected] === undefined || Object.keys(modifier).length !== 2) {
          errors.push(`${at}/filters/${f}: path type ${modifier.type} must set ${expected} only`);
        }
        if (modifier.type === 'ReplacePrefixMatch' && ((rule.matches ?? []).length !== 1 || rule.matches[0].path?.type !== 'PathPrefix')) {
          errors.push(`${at}: ReplacePrefixMatch needs exactly one match, of type PathPrefix`);
        }
      }
    });
    (rule.matches ?? []).forEach((match: any, m: number) => {
      const path = match.path;
      if (path !== undefined && (path.type === 'Exact' || path.type === 'PathPrefix')) {
        if (!String(path.value).startsWith('/') || /\/\/|\/\.\.?(\/|$)|%2f|%2F|#/.test(path.value)) {
          errors.push(`${at}/matches/${m}/path: '${path.value}' must be an absolute path without '//', '/./', '/../', '%2f' or '#'`);
        }
      }
    });
    (rule.backendRefs ?? []).forEach((backend: any, b: number) => {
      if ((backend.group ?? '') === '' && (backend.kind ?? 'Service') === 'Service' && backend.port === undefined) {
        errors.push(`${at}/backendRefs/${b}: a Service backend must set port`);
      }
    });
  });
  return errors;
}

/** Schema and CEL errors of an HTTPRoute, as `path message` strings (empty when valid). */
export function httpRouteErrors(route: any): string[] {
  const check = validate();
  const schema = check(route) ? [] : (check.errors ?? []).map((error) => {
    const extra = error.keyword === 'additionalProperties' ? ` '${(error.params as any).additionalProperty}'` : '';
    return `${error.instancePath || '/'} ${error.message}${extra}`;
  });
  return [...schema, ...celErrors(route)].map((error) => `HTTPRoute/${route.metadata?.name} ${error}`);
}
