/**
 * `npx projen import:prometheus-operator`: regenerates the PodMonitor types from the Prometheus
 * Operator models on the npm registry.
 *
 * The pinned source is the release of `@kubernetes-models/prometheus-operator` in
 * imports/sources.json (a dev dependency, so `npm ci` installs it): its type declarations are
 * generated from the Prometheus Operator's CRDs. The recipe:
 * 1. checks the package version and the SHA-256 of every declaration file it reads;
 * 2. turns the declared type of `PodMonitor` into an OpenAPI v3 schema (properties, required
 *    fields, string-literal enums, maps, int-or-string; no descriptions), status left out;
 * 3. writes that schema as a CRD and runs `cdk8s import` on it, into
 *    `src/imports/monitoring.coreos.com.ts`;
 * 4. writes the schema itself to `test/support/generated/prometheus-operator-schemas.json`,
 *    which the tests check PodMonitors against strictly (fields the schema does not know are
 *    errors), next to the package's own validator.
 */
/* eslint-disable no-bitwise -- TypeScript's type and symbol flags are bit sets */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { cdk8sImport } from './cdk8s-import';
import { REPO_ROOT } from './operator-files';

export const PODMONITOR_TYPES_FILE = 'monitoring.coreos.com.ts';
export const PODMONITOR_SCHEMA_FILE = path.join('test', 'support', 'generated', 'prometheus-operator-schemas.json');

/** The pin of imports/sources.json. */
export interface PrometheusOperatorPin {
  readonly package: string;
  readonly version: string;
  /** SHA-256 over the declaration files read, as `<path relative to the package>\0<content>\0`, in path order. */
  readonly declarationsSha256: string;
  readonly kinds: ReadonlyArray<{ readonly kind: string; readonly declaration: string; readonly type: string }>;
}

export function readPin(root: string = REPO_ROOT): PrometheusOperatorPin {
  return JSON.parse(fs.readFileSync(path.join(root, 'imports', 'sources.json'), 'utf8')).prometheusOperator;
}

function packageDir(pin: PrometheusOperatorPin): string {
  const dir = path.join(REPO_ROOT, 'node_modules', ...pin.package.split('/'));
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  if (version !== pin.version) {
    throw new Error(`${pin.package} ${version} is installed, but imports/sources.json pins ${pin.version}: run npm ci.`);
  }
  return dir;
}

const GROUP = 'monitoring.coreos.com';
const VERSION = 'v1';

/** The JSON schema of a declared type. */
class SchemaWriter {
  private readonly stack = new Set<ts.Type>();
  constructor(private readonly checker: ts.TypeChecker) {}

  public object(type: ts.Type): any {
    const properties: { [name: string]: any } = {};
    const required: string[] = [];
    for (const symbol of this.checker.getPropertiesOfType(type).sort((a, b) => a.name.localeCompare(b.name))) {
      if (symbol.name === 'status' || symbol.name === 'constructor') {
        continue;
      }
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      const propertyType = this.checker.getTypeOfSymbolAtLocation(symbol, declaration!);
      // Facts only (names, types, required fields, enums): the declarations' prose stays upstream.
      properties[symbol.name] = symbol.name === 'metadata' ? { type: 'object' } : this.of(propertyType);
      if ((symbol.flags & ts.SymbolFlags.Optional) === 0) {
        required.push(symbol.name);
      }
    }
    const index = this.checker.getIndexInfosOfType(type)[0];
    const result: any = { type: 'object' };
    if (Object.keys(properties).length > 0) {
      result.properties = properties;
    }
    if (index !== undefined) {
      result.additionalProperties = this.of(index.type);
    }
    if (required.length > 0) {
      result.required = required;
    }
    return result;
  }

  public of(type: ts.Type): any {
    const members = type.isUnion() ? type.types.filter((t) => (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) === 0) : [type];
    if (members.length > 1) {
      if (members.every((t) => t.isStringLiteral())) {
        return { type: 'string', enum: members.map((t) => (t as ts.StringLiteralType).value).sort() };
      }
      if (members.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) {
        return { type: 'boolean' };
      }
      const flags = members.map((t) => t.flags);
      if (flags.some((f) => f & ts.TypeFlags.NumberLike) && flags.some((f) => f & ts.TypeFlags.StringLike) && members.length === 2) {
        return { 'x-kubernetes-int-or-string': true };
      }
      return { anyOf: members.map((t) => this.of(t)) };
    }
    const single = members[0];
    if (single.isStringLiteral()) {
      return { type: 'string', enum: [single.value] };
    }
    if (single.flags & ts.TypeFlags.StringLike) {
      return { type: 'string' };
    }
    if (single.flags & ts.TypeFlags.NumberLike) {
      return { type: 'number' };
    }
    if (single.flags & ts.TypeFlags.BooleanLike) {
      return { type: 'boolean' };
    }
    if (this.checker.isArrayType(single)) {
      return { type: 'array', items: this.of(this.checker.getTypeArguments(single as ts.TypeReference)[0]) };
    }
    if (single.flags & ts.TypeFlags.Object) {
      if (this.stack.has(single)) {
        return { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true };
      }
      this.stack.add(single);
      try {
        return this.object(single);
      } finally {
        this.stack.delete(single);
      }
    }
    return { 'x-kubernetes-preserve-unknown-fields': true };
  }
}

/** The schemas of the pinned kinds, with the digest of the declaration files they were read from. */
export function declaredSchemas(pin: PrometheusOperatorPin = readPin()): { digest: string; schemas: { [kind: string]: any } } {
  const dir = packageDir(pin);
  const roots = pin.kinds.map((entry) => path.join(dir, entry.declaration));
  const program = ts.createProgram(roots, { strict: true, noEmit: true, skipLibCheck: true, moduleResolution: ts.ModuleResolutionKind.Node10 });
  const checker = program.getTypeChecker();
  const schemas: { [kind: string]: any } = {};
  for (const [i, entry] of pin.kinds.entries()) {
    const source = program.getSourceFile(roots[i]);
    const declaration = source?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === entry.type);
    if (declaration === undefined) {
      throw new Error(`${entry.declaration} declares no interface ${entry.type}`);
    }
    schemas[entry.kind] = new SchemaWriter(checker).object(checker.getTypeAtLocation(declaration));
  }
  const read = program.getSourceFiles().map((file) => path.resolve(file.fileName)).filter((file) => file.startsWith(dir + path.sep)).sort();
  const hash = createHash('sha256');
  for (const file of read) {
    hash.update(`${path.relative(dir, file)}\0${fs.readFileSync(file, 'utf8')}\0`);
  }
  return { digest: hash.digest('hex'), schemas };
}

function crd(kind: string, schema: any): any {
  const plural = `${kind.toLowerCase()}s`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${GROUP}` },
    spec: {
      group: GROUP,
      names: { kind, plural, singular: kind.toLowerCase() },
      scope: 'Namespaced',
      versions: [{ name: VERSION, served: true, storage: true, schema: { openAPIV3Schema: schema } }],
    },
  };
}

/** Writes the types (to `typesDir`, default src/imports) and the test schemas (to `schemaFile`). */
export function generatePrometheusOperator(typesDir: string = path.join(REPO_ROOT, 'src', 'imports'),
  schemaFile: string = path.join(REPO_ROOT, PODMONITOR_SCHEMA_FILE)): string[] {
  const pin = readPin();
  const { digest, schemas } = declaredSchemas(pin);
  if (digest !== pin.declarationsSha256) {
    throw new Error(`The declarations of ${pin.package} ${pin.version} hash to ${digest}, but imports/sources.json pins ${pin.declarationsSha256}.`);
  }
  const header = `// Generated by \`npx projen import:prometheus-operator\` from ${pin.package} ${pin.version}\n// (declarations sha256 ${digest}). Do not edit: see imports/README.md.\n`;
  const generated = cdk8sImport(Object.entries(schemas).map(([kind, schema]) => crd(kind, schema)), PODMONITOR_TYPES_FILE);
  fs.mkdirSync(typesDir, { recursive: true });
  const types = path.join(typesDir, PODMONITOR_TYPES_FILE);
  fs.writeFileSync(types, header + generated);
  fs.mkdirSync(path.dirname(schemaFile), { recursive: true });
  const kinds = Object.fromEntries(Object.entries(schemas).map(([kind, schema]) => [kind, { apiVersion: `${GROUP}/${VERSION}`, schema }]));
  fs.writeFileSync(schemaFile, `${JSON.stringify({ source: `${pin.package} ${pin.version}`, kinds }, undefined, 1)}\n`);
  return [types, schemaFile];
}

if (require.main === module) {
  try {
    generatePrometheusOperator().forEach((file) => console.log(`wrote ${path.relative(REPO_ROOT, file)}`));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
