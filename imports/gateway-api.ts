/**
 * The Gateway API HTTPRoute (`gateway.networking.k8s.io/v1`, standard channel) that
 * `exposeWebUiWithGateway()` writes: where its schema comes from, and how the TypeScript types
 * in src/imports/gateway.networking.k8s.io.ts are generated from it.
 *
 * No npm package ships the Gateway API CRD YAML. The pinned source is the JSON schema that
 * `@kubernetes-models/gateway-api` (a dev dependency, pinned exactly) generated from the
 * Gateway API v1.0.0 install bundles: the object literal `schema` of
 * `gateway.networking.k8s.io/v1/HTTPRoute.js`, checked against its SHA-256 in
 * imports/sources.json. The package read its standard and experimental v1.0.0 bundles in that
 * order, so its v1 HTTPRoute is the experimental superset; the fields that v1.0.0 marks
 * experimental (sources.json `experimentalFields`) are removed to get the standard channel.
 * The same reduced schema is what tests check synthesized HTTPRoutes against, strictly.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { cdk8sImport } from './cdk8s-import';
import { REPO_ROOT } from './operator-files';

/** The generated TypeScript module, relative to the output directory. */
export const GATEWAY_TYPES_FILE = 'gateway.networking.k8s.io.ts';

/** The pin of the HTTPRoute schema in imports/sources.json. */
export interface GatewayApiSource {
  readonly package: string;
  readonly version: string;
  readonly integrity: string;
  readonly file: string;
  readonly sha256: string;
  readonly upstream: string;
  readonly experimentalFields: ReadonlyArray<string>;
}

export function readGatewayApiSource(root: string = REPO_ROOT): GatewayApiSource {
  return JSON.parse(fs.readFileSync(path.join(root, 'imports', 'sources.json'), 'utf8')).gatewayApi;
}

/** The pinned file's text, after checking the installed package's version and the file's digest. */
function pinnedText(source: GatewayApiSource, root: string): string {
  const packageDir = path.join(root, 'node_modules', ...source.package.split('/'));
  const manifest = path.join(packageDir, 'package.json');
  if (!fs.existsSync(manifest)) {
    throw new Error(`${source.package} is not installed: run \`npm ci\` (it is a dev dependency, pinned to ${source.version}).`);
  }
  const installed = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
  if (installed !== source.version) {
    throw new Error(`${source.package} ${installed} is installed, but imports/sources.json pins ${source.version}.`);
  }
  const content = fs.readFileSync(path.join(packageDir, source.file));
  const digest = createHash('sha256').update(content).digest('hex');
  if (digest !== source.sha256) {
    throw new Error(`${source.package}/${source.file} has SHA-256 ${digest}, but imports/sources.json pins ${source.sha256}.`);
  }
  return content.toString('utf8');
}

/** The object literal assigned to `const schema` in the pinned file, parsed as JSON. */
function schemaLiteral(text: string, file: string): any {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith('const schema = {'));
  const end = lines.findIndex((line, index) => index > start && line === '};');
  if (start < 0 || end < 0) {
    throw new Error(`${file}: no \`const schema = {...};\` found.`);
  }
  return JSON.parse(['{', ...lines.slice(start + 1, end), '}'].join('\n'));
}

/** Removes a field named by a path such as `spec.rules[].timeouts`; fails when it is not there. */
function removeField(root: any, field: string): void {
  const steps = field.split('.');
  let schema = root;
  for (const step of steps.slice(0, -1)) {
    const name = step.replace(/\[\]$/, '');
    schema = schema?.properties?.[name];
    if (step.endsWith('[]')) {
      schema = schema?.items;
    }
  }
  const last = steps[steps.length - 1];
  if (schema?.properties?.[last] === undefined) {
    throw new Error(`experimentalFields: ${field} is not in the schema.`);
  }
  delete schema.properties[last];
}

/**
 * The standard-channel schema of an HTTPRoute's `spec`: the pinned schema without `status`,
 * the type meta and the fields v1.0.0 marks experimental.
 */
export function httpRouteSpecSchema(root: string = REPO_ROOT): any {
  const source = readGatewayApiSource(root);
  const schema = schemaLiteral(pinnedText(source, root), source.file);
  for (const field of source.experimentalFields) {
    removeField(schema, field);
  }
  return schema.properties.spec;
}

/** A CustomResourceDefinition around the spec schema, for `cdk8s import`. */
function httpRouteCrd(spec: any): any {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'httproutes.gateway.networking.k8s.io' },
    spec: {
      group: 'gateway.networking.k8s.io',
      names: { kind: 'HTTPRoute', listKind: 'HTTPRouteList', plural: 'httproutes', singular: 'httproute' },
      scope: 'Namespaced',
      versions: [{
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec } } },
      }],
    },
  };
}

function provenanceHeader(source: GatewayApiSource): string {
  return [
    `// Generated by \`npx projen import\` from the HTTPRoute schema of ${source.package}@${source.version}`,
    `// (${source.file}, SHA-256 ${source.sha256}),`,
    `// generated by that package from ${source.upstream}; standard channel. Do not edit: see imports/README.md.`,
    '',
  ].join('\n');
}

/** Writes src/imports/gateway.networking.k8s.io.ts (or into `outputDir`); returns the file. */
export function generateGatewayApi(outputDir: string = path.join(REPO_ROOT, 'src', 'imports'), root: string = REPO_ROOT): string {
  const source = readGatewayApiSource(root);
  const generated = cdk8sImport([httpRouteCrd(httpRouteSpecSchema(root))], GATEWAY_TYPES_FILE, root);
  fs.mkdirSync(outputDir, { recursive: true });
  const target = path.join(outputDir, GATEWAY_TYPES_FILE);
  fs.writeFileSync(target, provenanceHeader(source) + generated);
  return target;
}
