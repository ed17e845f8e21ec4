// Validates core Kubernetes objects with kubernetes-models (an ES module package, hence this
// separate Node process). Reads a JSON array of objects on stdin and writes a JSON array with
// one entry per object: null when valid, the validation message otherwise.
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const object of objects) {
  const slash = object.apiVersion.indexOf('/');
  const modulePath = slash < 0
    ? `kubernetes-models/${object.apiVersion}/${object.kind}`
    : `kubernetes-models/${object.apiVersion.slice(0, slash)}/${object.apiVersion.slice(slash + 1)}/${object.kind}`;
  try {
    const module = await import(modulePath);
    const Model = module[object.kind];
    new Model(object).validate();
    results.push(null);
  } catch (error) {
    results.push(`${object.kind}/${object.metadata?.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.stdout.write(JSON.stringify(results));
