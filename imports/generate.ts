/**
 * `npx projen import`: regenerates `src/imports/` from the pinned operator CRDs.
 *
 * Steps (see imports/README.md):
 * 1. load the four CRDs pinned in imports/sources.json (see operator-files.ts: a local folder or
 *    the download cache, digest-checked);
 * 2. reduce each schema to what authoring needs: no `status` subtree, and every
 *    `podTemplate` as an opaque object (our API types pod templates with cdk8s-plus-28's
 *    `k8s.PodTemplateSpec`, so the 50 kB pod schema need not be generated three times);
 * 3. run `cdk8s import` on the reduced CRDs and write the TypeScript with a provenance header;
 * 4. write the structural schemas the validation engine checks manifests against (full pod
 *    templates included), with repeated subtrees stored once.
 *
 * It also regenerates the Gateway API HTTPRoute types from their pinned schema (gateway-api.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { cdk8sImport } from './cdk8s-import';
import { generateGatewayApi } from './gateway-api';
import { EnsureOptions, loadPinnedCrdTexts, readSources, REPO_ROOT } from './operator-files';

/** The generated TypeScript module, relative to the output directory. */
export const TYPES_FILE = 'flink.apache.org.ts';

/** The generated structural schemas module, relative to the output directory. */
export const SCHEMAS_FILE = 'flink-crd-schemas.ts';

/** The schema keywords the validation engine understands; everything else is dropped. */
const SCHEMA_KEYWORDS = new Set([
  'type', 'properties', 'items', 'additionalProperties', 'enum', 'required', 'anyOf', 'nullable',
  'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields',
]);

/** Subtrees at least this long (as JSON) that occur more than once are stored once. */
const SHARE_THRESHOLD = 256;

/** The schema fields that hold Kubernetes pod templates. */
const POD_TEMPLATE_FIELD = 'podTemplate';

function forEachChildSchema(schema: any, visit: (parent: any, key: string) => void): void {
  if (schema === null || typeof schema !== 'object') {
    return;
  }
  for (const key of Object.keys(schema.properties ?? {})) {
    visit(schema.properties, key);
  }
  if (schema.items && typeof schema.items === 'object') {
    forEachChildSchema(schema.items, visit);
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    forEachChildSchema(schema.additionalProperties, visit);
  }
}

/** Replaces every pod template schema below `schema` with an opaque object. */
function makePodTemplatesOpaque(schema: any): void {
  forEachChildSchema(schema, (properties, key) => {
    if (key === POD_TEMPLATE_FIELD) {
      properties[key] = { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true };
    } else {
      makePodTemplatesOpaque(properties[key]);
    }
  });
}

/** One pinned CRD, as text and parsed. */
export interface LoadedCrd {
  readonly kind: string;
  readonly text: string;
  readonly document: any;
}

/** Loads every pinned CRD and checks that it defines the kind it is pinned for. */
export async function loadPinnedCrds(options: EnsureOptions = {}): Promise<LoadedCrd[]> {
  return (await loadPinnedCrdTexts(options)).map(({ kind, path: file, text }) => {
    const document = YAML.parse(text);
    if (document?.spec?.names?.kind !== kind) {
      throw new Error(`${file} defines kind ${document?.spec?.names?.kind}, expected ${kind}`);
    }
    return { kind, text, document };
  });
}

/** The CRD reduced to the authoring surface that the TypeScript types are generated from. */
export function authoringCrd(crd: LoadedCrd): any {
  const copy = JSON.parse(JSON.stringify(crd.document));
  for (const version of copy.spec.versions) {
    const root = version.schema.openAPIV3Schema;
    delete root.properties.status;
    makePodTemplatesOpaque(root);
  }
  return copy;
}

/** A copy of `schema` with keys sorted and only the keywords the engine understands. */
function canonicalSchema(schema: any): any {
  if (Array.isArray(schema)) {
    return schema.map(canonicalSchema);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const result: any = {};
  for (const key of Object.keys(schema).sort()) {
    if (!SCHEMA_KEYWORDS.has(key)) {
      continue;
    }
    if (key === 'properties') {
      result.properties = Object.fromEntries(Object.keys(schema.properties).sort().map((name) => [name, canonicalSchema(schema.properties[name])]));
    } else if (key === 'enum' || key === 'required') {
      result[key] = schema[key];
    } else {
      result[key] = canonicalSchema(schema[key]);
    }
  }
  return result;
}

/** The child schemas of a schema node, with a function that replaces each. */
function childSchemas(schema: any): Array<[any, (replacement: any) => void]> {
  const children: Array<[any, (replacement: any) => void]> = [];
  for (const name of Object.keys(schema.properties ?? {})) {
    children.push([schema.properties[name], (r) => { schema.properties[name] = r; }]);
  }
  for (const key of ['items', 'additionalProperties']) {
    if (schema[key] !== null && typeof schema[key] === 'object') {
      children.push([schema[key], (r) => { schema[key] = r; }]);
    }
  }
  (schema.anyOf ?? []).forEach((_: any, index: number) => children.push([schema.anyOf[index], (r) => { schema.anyOf[index] = r; }]));
  return children;
}

/**
 * Structural schemas by kind, where every subtree that occurs more than once (the embedded
 * Kubernetes pod template, above all) is stored once in `shared` and referenced as
 * `{ "$shared": <index> }`.
 */
export function validationSchemas(crds: LoadedCrd[]): any {
  const roots: { [kind: string]: any } = {};
  const counts = new Map<string, number>();
  const count = (schema: any) => {
    const key = JSON.stringify(schema);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    childSchemas(schema).forEach(([child]) => count(child));
  };
  for (const crd of crds) {
    const version = crd.document.spec.versions.find((v: any) => v.storage) ?? crd.document.spec.versions[0];
    const root = canonicalSchema(version.schema.openAPIV3Schema);
    delete root.properties.status;
    roots[crd.kind] = { apiVersion: `${crd.document.spec.group}/${version.name}`, schema: root };
    count(root);
  }
  const shared: any[] = [];
  const sharedIndex = new Map<string, number>();
  const share = (schema: any): any => {
    const key = JSON.stringify(schema);
    if (key.length >= SHARE_THRESHOLD && (counts.get(key) ?? 0) > 1) {
      let index = sharedIndex.get(key);
      if (index === undefined) {
        index = shared.length;
        sharedIndex.set(key, index);
        shared.push(undefined);
        shared[index] = shareChildren(JSON.parse(key));
      }
      return { $shared: index };
    }
    return shareChildren(schema);
  };
  const shareChildren = (schema: any): any => {
    for (const [child, replace] of childSchemas(schema)) {
      replace(share(child));
    }
    return schema;
  };
  for (const kind of Object.keys(roots)) {
    roots[kind].schema = shareChildren(roots[kind].schema);
  }
  return { kinds: roots, shared };
}

function provenanceHeader(): string {
  const { operator } = readSources();
  return [
    `// Generated by \`npx projen import\` from the ${operator.repository} CRDs,`,
    `// ${operator.tag} (commit ${operator.commit}). Do not edit: see imports/README.md.`,
    '',
  ].join('\n');
}

/** How `cdk8s import` drops the undefined fields of each `toJson_` result: a copy of the object for every field. */
const DROP_UNDEFINED_BY_SPREAD = 'return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});';

/**
 * The constructs render every session job through these `toJson_` functions, so the copy per
 * field adds up (a tenth of a job's construction): the generated module drops them with one loop
 * instead, into one new object with the same fields in the same order.
 */
function withoutUndefinedByLoop(generated: string): string {
  const uses = generated.split(DROP_UNDEFINED_BY_SPREAD).length - 1;
  if (uses === 0) {
    throw new Error('cdk8s import no longer drops undefined fields as imports/generate.ts expects: update withoutUndefinedByLoop.');
  }
  return [
    generated.split(DROP_UNDEFINED_BY_SPREAD).join('return withoutUndefined(result);').trimEnd(),
    '',
    '/** `result` without its undefined fields, in a new object (imports/generate.ts writes it). */',
    'function withoutUndefined(result: Record<string, any>): Record<string, any> {',
    '  const defined: Record<string, any> = {};',
    '  for (const key of Object.keys(result)) {',
    '    if (result[key] !== undefined) {',
    '      defined[key] = result[key];',
    '    }',
    '  }',
    '  return defined;',
    '}',
    '',
  ].join('\n');
}

/** Writes the generated modules to `outputDir` (default: src/imports). */
export async function generate(outputDir: string = path.join(REPO_ROOT, 'src', 'imports'), options: EnsureOptions = {}): Promise<string[]> {
  const crds = await loadPinnedCrds(options);
  const generated = withoutUndefinedByLoop(cdk8sImport(crds.map(authoringCrd), TYPES_FILE));
  fs.mkdirSync(outputDir, { recursive: true });
  const target = path.join(outputDir, TYPES_FILE);
  fs.writeFileSync(target, provenanceHeader() + generated);
  const schemas = path.join(outputDir, SCHEMAS_FILE);
  fs.writeFileSync(schemas, [
    provenanceHeader(),
    '/**',
    ' * The structural schemas of the operator CRDs (status left out), by kind, as JSON text: parsed',
    ' * once, on first use, by the validation engine. Subtrees that occur more than once are stored',
    ' * once under `shared` and referenced as `{ "$shared": <index> }`.',
    ' */',
    `export const FLINK_CRD_SCHEMAS_JSON = ${JSON.stringify(JSON.stringify(validationSchemas(crds)))};`,
    '',
  ].join('\n'));
  return [target, schemas];
}

if (require.main === module) {
  generate()
    .then((files) => [...files, generateGatewayApi()])
    .then((files) => files.forEach((file) => console.log(`wrote ${path.relative(REPO_ROOT, file)}`)))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
