/**
 * Every example (and so the quick start) exposes the web UI the way issue 13 asks: no
 * configuration snippet anywhere, and every Ingress that asks for authentication (ours, or the
 * operator's `spec.ingress`) names an IngressClass of the controller that honours it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { ManifestIndex } from '../../src/validation/context';
import { annotationMethods } from '../../src/validation/web-ui/ingress-annotations';
import { controllerOfClass } from '../../src/validation/web-ui/ingress-classes';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

/** Every Chart class each example's main.ts exports, synthesized in a fresh app. */
function exampleManifests(): Array<[string, any[]]> {
  return fs.readdirSync(EXAMPLES)
    .filter((name) => fs.existsSync(path.join(EXAMPLES, name, 'cdk8s.yaml')))
    .sort()
    .map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(path.join(EXAMPLES, name, 'main.ts'));
      const charts = Object.entries(module)
        .filter(([exported, value]) => exported.endsWith('Chart') && typeof value === 'function')
        .map(([, value]) => value as new (app: App, id: string) => Chart);
      expect(charts.length).toBeGreaterThan(0);
      return [name, charts.flatMap((ChartClass) => {
        const app = new App();
        app.node.setContext('cdk8s-flink:print-warnings', false);
        return Testing.synth(new ChartClass(app, name));
      })];
    });
}

/** The Ingresses of a manifest set, with their class and annotations: the Ingress kind and the operator's `spec.ingress`. */
function ingresses(manifests: any[]): Array<{ what: string; className?: string; annotations: { [key: string]: string } }> {
  return manifests.flatMap((manifest) => {
    if (manifest.kind === 'Ingress') {
      return [{ what: `Ingress/${manifest.metadata.name}`, className: manifest.spec?.ingressClassName, annotations: manifest.metadata.annotations ?? {} }];
    }
    const ingress = manifest.spec?.ingress;
    return manifest.apiVersion?.startsWith('flink.apache.org/') && ingress !== undefined
      ? [{ what: `${manifest.kind}/${manifest.metadata.name} spec.ingress`, className: ingress.className, annotations: ingress.annotations ?? {} }]
      : [];
  });
}

describe('the examples expose the web UI safely', () => {
  const examples = exampleManifests();

  test('every example is synthesized, the quick start and the Gateway API one among them', () => {
    const names = examples.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['quick-start', 'gateway-api', 'basic-ingress', 'advanced-ingress', 'blue-green']));
    expect(examples.length).toBe(fs.readdirSync(EXAMPLES).filter((name) => fs.existsSync(path.join(EXAMPLES, name, 'cdk8s.yaml'))).length);
  });

  test.each(examples)('%s emits no configuration snippet', (_name, manifests) => {
    expect(JSON.stringify(manifests)).not.toMatch(/snippet/i);
  });

  test.each(examples)('%s: every Ingress with authentication names a class of the controller that honours it', (_name, manifests) => {
    const index = new ManifestIndex(manifests);
    const mismatches = ingresses(manifests).flatMap(({ what, className, annotations }) => annotationMethods(annotations).map((method) => {
      const controller = className === undefined ? undefined : controllerOfClass(className, annotations, index).controller;
      return controller === method.controller && method.problem === undefined ? undefined : `${what}: ${method.name} on class ${className} (${controller})`;
    })).filter((problem) => problem !== undefined);
    expect(mismatches).toEqual([]);
  });

  test('the examples that authenticate an Ingress are checked (the test is not vacuous)', () => {
    const authenticated = examples
      .filter(([, manifests]) => ingresses(manifests).some(({ annotations }) => annotationMethods(annotations).length > 0));
    expect(authenticated.map(([name]) => name)).toEqual(expect.arrayContaining(['blue-green', 'quick-start']));
  });
});
