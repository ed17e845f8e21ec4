import { Chart, Testing } from 'cdk8s';
import { crdSchemaErrors, isCustomKind, isPrometheusOperatorKind } from './crd-schema';
import { httpRouteErrors } from './gateway-schema';
import { k8sSchemaErrors } from './k8s-schema';
import { FileSystemPlugin } from '../../src/file-system-plugin';

/**
 * Every schema error in a set of manifests: Flink custom resources and PodMonitors against their
 * CRD schema (strict: unknown fields are errors), PodMonitors also against
 * @kubernetes-models/prometheus-operator's validator, HTTPRoutes against the pinned Gateway API
 * schema (strict, with its CEL rules) and the package's own validator, everything else against
 * the Kubernetes schemas.
 */
export function schemaErrors(manifests: any[]): string[] {
  const errors: string[] = [];
  const core: any[] = [];
  for (const manifest of manifests) {
    if (isCustomKind(manifest.kind)) {
      errors.push(...crdSchemaErrors(manifest));
      if (isPrometheusOperatorKind(manifest.kind)) {
        core.push(manifest);
      }
    } else if (manifest.kind === 'HTTPRoute') {
      errors.push(...httpRouteErrors(manifest));
      core.push(manifest);
    } else {
      core.push(manifest);
    }
  }
  errors.push(...k8sSchemaErrors(core).filter((error): error is string => error !== undefined));
  return errors;
}

/**
 * Synthesizes a chart and checks every manifest against its schema; the test fails on the
 * first invalid manifest set.
 */
export function synthValid(chart: Chart): any[] {
  const manifests = Testing.synth(chart);
  const errors = schemaErrors(manifests);
  if (errors.length > 0) {
    throw new Error(`Synthesized manifests are not valid:\n${errors.join('\n')}`);
  }
  return manifests;
}

/** The manifest of the given kind and name; fails when there is not exactly one. */
export function manifestOf(manifests: any[], kind: string, name: string): any {
  const matches = manifests.filter((m) => m.kind === kind && m.metadata?.name === name);
  if (matches.length !== 1) {
    const present = manifests.map((m) => `${m.kind}/${m.metadata?.name}`).join(', ');
    throw new Error(`Expected one ${kind}/${name}, found ${matches.length} among: ${present}`);
  }
  return matches[0];
}

/** The kinds and names of the manifests, in order. */
export function inventory(manifests: any[]): string[] {
  return manifests.map((m) => `${m.kind}/${m.metadata?.name}`);
}

/** A chart in a fresh app, in the namespace `flink` unless told otherwise. */
export function testChart(namespace: string | undefined = 'flink'): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

/**
 * Cluster props for state on S3 on the official image: the image pins the Flink release, and the
 * S3 plugin is enabled (without both, S3 state fails synth: filesystem-plugin-missing).
 */
export const S3_READY = { image: 'flink:1.20.1', fileSystemPlugins: [FileSystemPlugin.S3_HADOOP] };
