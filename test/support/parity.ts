/**
 * Comparing synthesized custom resources with the operator's example manifests, up to the
 * intended differences (documented in each example's header).
 */
import { mergeJson } from '../../src/render/pod-template';

/** The restricted security defaults the library adds as `spec.podTemplate`. */
export const SECURITY_DEFAULTS_TEMPLATE = {
  spec: {
    containers: [{
      name: 'flink-main-container',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true },
    }],
    securityContext: { runAsGroup: 9999, runAsNonRoot: true, runAsUser: 9999, seccompProfile: { type: 'RuntimeDefault' } },
  },
};

/** Key renames the library applies for Flink 1.20+ (the deprecated upstream names on the left). */
const RENAMED_FROM_1_20: { [key: string]: string } = {
  'state.checkpoints.dir': 'execution.checkpointing.dir',
  'state.savepoints.dir': 'execution.checkpointing.savepoint-dir',
};

function flatten(configuration: any, prefix = '', out: { [key: string]: string } = {}): { [key: string]: string } {
  for (const [key, value] of Object.entries(configuration ?? {})) {
    const full = prefix === '' ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === 'object') {
      flatten(value, full, out);
    } else {
      out[full] = String(value);
    }
  }
  return out;
}

/**
 * An upstream manifest as the library writes it: the security defaults merged into the pod
 * template, flinkConfiguration flat with string values and the key names of its Flink version,
 * and an Ingress that exposes the web UI without authentication marked as the explicit choice
 * it is (`cdk8s-flink/unauthenticated-web-ui: "true"`).
 */
export function withIntendedDifferences(upstream: any): any {
  const expected = JSON.parse(JSON.stringify(upstream));
  if (expected.kind === 'FlinkDeployment') {
    expected.spec.podTemplate = mergeJson(SECURITY_DEFAULTS_TEMPLATE, expected.spec.podTemplate);
  }
  if (expected.spec?.ingress !== undefined && !Object.keys(expected.spec.ingress.annotations ?? {}).some((key) => /\/auth-/.test(key))) {
    expected.spec.ingress.annotations = { ...expected.spec.ingress.annotations, 'cdk8s-flink/unauthenticated-web-ui': 'true' };
  }
  if (expected.spec.flinkConfiguration) {
    const flat = flatten(expected.spec.flinkConfiguration);
    const version = /^v(\d+)_(\d+)$/.exec(expected.spec.flinkVersion ?? '');
    const renames = version && (Number(version[1]) > 1 || Number(version[2]) >= 20) ? RENAMED_FROM_1_20 : {};
    expected.spec.flinkConfiguration = Object.fromEntries(Object.entries(flat).map(([key, value]) => [renames[key] ?? key, value]));
  }
  return expected;
}
