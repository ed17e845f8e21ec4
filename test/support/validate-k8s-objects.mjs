// Validates core Kubernetes objects with kubernetes-models, Prometheus Operator objects
// (monitoring.coreos.com) with @kubernetes-models/prometheus-operator and Gateway API objects with
// @kubernetes-models/gateway-api (ES module packages, hence this separate Node process). Reads a
// JSON array of objects on stdin and writes a JSON array with one entry per object: null when
// valid, the validation message otherwise.
import { readFileSync } from 'node:fs';

/** Packages of API groups that kubernetes-models itself does not hold. */
const GROUP_PACKAGES = {
  'gateway.networking.k8s.io': '@kubernetes-models/gateway-api',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const object of objects) {
  const slash = object.apiVersion.indexOf('/');
  const group = slash < 0 ? undefined : object.apiVersion.slice(0, slash);
  const modulePath = slash < 0
    ? `kubernetes-models/${object.apiVersion}/${object.kind}`
    : `${GROUP_PACKAGES[group] ?? 'kubernetes-models'}/${group}/${object.apiVersion.slice(slash + 1)}/${object.kind}`;
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
