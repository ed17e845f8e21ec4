/**
 * Runs every rule over a set of manifests.
 */
import { Finding, Severity, ValidationOptions, ValidationRule } from '../finding';
import { ManifestIndex, resolveSettings, RuleContext, Settings } from './context';
import { checkRemovedState } from './removed-state';
import { RULES_BY_KIND } from './rules';
import { isFlinkKind } from './structural-schema';

/**
 * A finding and the position of its manifest: in the input, or (for a resource the input
 * dropped) in the previous manifests.
 */
export interface LocatedFinding {
  readonly finding: Finding;
  readonly manifestIndex?: number;
  readonly previousManifestIndex?: number;
}

export function runValidation(manifests: any[], options: ValidationOptions): Finding[] {
  return runLocatedValidation(manifests, options).map(({ finding }) => finding);
}

/**
 * @param constructs whether the manifests come from the constructs at synth (see `Settings.constructs`)
 */
export function runLocatedValidation(manifests: any[], options: ValidationOptions, constructs: boolean = false): LocatedFinding[] {
  const located: LocatedFinding[] = [];
  const findings: Finding[] = [];
  const collect = (manifestIndex: number) => {
    for (const finding of findings.splice(0)) {
      located.push({ finding, manifestIndex });
    }
  };
  const list = Array.isArray(manifests) ? manifests : [manifests];
  const index = new ManifestIndex(list);
  const settings: Settings = { ...resolveSettings(options ?? {}), constructs };
  list.forEach((manifest, position) => {
    checkManifest(manifest, index, settings, findings);
    collect(position);
  });
  if (options?.previousManifests !== undefined) {
    const previous = Array.isArray(options.previousManifests) ? options.previousManifests : [options.previousManifests];
    checkRemovedState(previous, index, list, settings, options.allowedRemovals ?? [], (previousManifestIndex, dropped) => {
      located.push(...dropped.map((finding) => ({ finding, previousManifestIndex })));
    });
  }
  return located;
}

/**
 * The label that marks the operator's canary resources (`CanaryResourceManager.CANARY_LABEL`).
 * Its webhook admits a resource so labelled `true` (in any case) without validating it, and the
 * controller only checks that it reconciles: a canary needs no spec.
 */
export const CANARY_LABEL = 'flink.apache.org/canary';

/** Whether the operator treats a manifest as a canary (`CanaryResourceManager.isCanaryResource`). */
export function isCanaryResource(manifest: any): boolean {
  const value = manifest?.metadata?.labels?.[CANARY_LABEL];
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

function checkManifest(manifest: any, index: ManifestIndex, settings: Settings, findings: Finding[]): void {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    findings.push({
      rule: ValidationRule.MANIFEST_SHAPE,
      severity: Severity.ERROR,
      kind: '<unknown>',
      name: '<unnamed>',
      path: '',
      message: `A manifest must be a map with apiVersion, kind and metadata (got ${JSON.stringify(manifest)}).`,
    });
    return;
  }
  const rules = RULES_BY_KIND[manifest.kind];
  if (rules === undefined || isCanaryResource(manifest)) {
    return;
  }
  const context = new RuleContext(manifest, index, settings, findings);
  if (isFlinkKind(manifest.kind) && (typeof manifest.metadata?.name !== 'string' || manifest.metadata.name === '')) {
    context.report('manifest-shape', 'metadata.name', `${manifest.kind} needs metadata.name (got ${JSON.stringify(manifest.metadata?.name)}).`);
  }
  for (const rule of rules) {
    try {
      rule(context);
    } catch (error) {
      // A rule that meets a shape it did not expect reports instead of throwing: the schema
      // rule has already described the shape problem.
      context.report('manifest-shape', '', `Could not check ${manifest.kind} '${context.name}': ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
