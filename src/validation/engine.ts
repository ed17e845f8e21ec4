/**
 * Runs every rule over a set of manifests.
 */
import { Finding, Severity, ValidationOptions } from '../finding';
import { ValidationRule } from '../validation-rule';
import { ManifestIndex, resolveSettings, RuleContext, Settings } from './context';
import { normalizeOptions } from './normalize-options';
import { isFlinkKind } from './referenced-kinds';
import { checkRemovedState } from './removed-state';
import { RULES_BY_KIND } from './rules';
import { checkResourceName } from './rules/resource-name';
import { asPlainData, elementsOf, errorText, preview, SanitizedManifest, toPlainData } from './sanitize';

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
 * Validates anything a caller passes, never throwing: the manifests and the options are first
 * read into plain data (see sanitize.ts and normalize-options.ts), and what cannot be read is
 * reported as findings.
 *
 * @param constructs whether the manifests come from the constructs at synth (see `Settings.constructs`)
 */
export function runLocatedValidation(manifests: any[], options: ValidationOptions, constructs: boolean = false): LocatedFinding[] {
  try {
    const { elements, problem } = elementsOf(manifests);
    const normalized = normalizeOptions(options);
    const located: LocatedFinding[] = normalized.findings.map((finding) => ({ finding }));
    if (problem !== undefined) {
      located.push({ finding: inputFinding('', `The manifests: ${problem}.`) });
    }
    // The constructs hand over their own toJson() output, which no caller holds: used as it is
    // when it is plain data (the rules never change it). A caller's manifests are always copied,
    // so that they cannot change under the rules.
    const sanitized = elements.map((manifest) => (constructs ? asPlainData(manifest) : toPlainData(manifest)));
    return [...located, ...runSanitizedValidation(sanitized, normalized.options, normalized.previousManifests, constructs)];
  } catch (error) {
    // Not reached by any known input: the last guard of the promise never to throw.
    return [{ finding: inputFinding('', `The validation stopped on an internal error (${errorText(error)}); please report it.`) }];
  }
}

function inputFinding(path: string, message: string): Finding {
  return { rule: ValidationRule.MANIFEST_SHAPE, severity: Severity.ERROR, kind: '<unknown>', name: '<unnamed>', path, message };
}

/**
 * Validates manifests that are already plain data (each with the problems met while reading it),
 * with options of the right types: the entry point of callers that read the data themselves,
 * such as the CLI.
 */
export function runSanitizedValidation(
  manifests: ReadonlyArray<SanitizedManifest>,
  options: ValidationOptions,
  previousManifests?: ReadonlyArray<SanitizedManifest>,
  constructs: boolean = false,
): LocatedFinding[] {
  const located: LocatedFinding[] = [];
  const findings: Finding[] = [];
  const list = manifests.map(({ manifest }) => manifest);
  const index = new ManifestIndex(list);
  const settings: Settings = { ...resolveSettings(options), constructs };
  manifests.forEach(({ manifest, problems }, position) => {
    try {
      checkManifest(manifest, index, settings, findings, problems);
    } catch (error) {
      findings.push(inputFinding('', `Could not check the manifest: internal error (${errorText(error)}); please report it.`));
    }
    if (findings.length > 0) {
      for (const finding of findings) {
        located.push({ finding, manifestIndex: position });
      }
      findings.length = 0;
    }
  });
  if (previousManifests !== undefined) {
    previousManifests.forEach(({ manifest, problems }, previousManifestIndex) => {
      const dataFindings: Finding[] = [];
      reportDataProblems(manifest, index, settings, dataFindings, problems);
      located.push(...dataFindings.map((finding) => ({ finding, previousManifestIndex })));
    });
    const previous = previousManifests.map(({ manifest }) => manifest);
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

/**
 * Whether the operator treats a manifest as a canary (`CanaryResourceManager.isCanaryResource`):
 * a Flink resource with the label, which its webhook admits unchecked. The label means nothing
 * on other kinds (an Ingress, an HTTPRoute, a Service): their rules still apply.
 */
export function isCanaryResource(manifest: any): boolean {
  const value = manifest?.metadata?.labels?.[CANARY_LABEL];
  return isFlinkKind(manifest?.kind) && typeof value === 'string' && value.toLowerCase() === 'true';
}

/** What could not be read as data, in a Flink resource or in something that is no manifest at all. */
function reportDataProblems(
  manifest: any, index: ManifestIndex, settings: Settings, findings: Finding[], problems: SanitizedManifest['problems'],
): void {
  const flink = manifest !== null && typeof manifest === 'object' && isFlinkKind(manifest.kind);
  if (problems.length === 0 || (!flink && manifest !== null && typeof manifest === 'object' && !Array.isArray(manifest))) {
    return;
  }
  const context = flink ? new RuleContext(manifest, index, settings, findings) : undefined;
  for (const problem of problems) {
    const message = `${problem.path === '' ? 'The manifest' : problem.path} ${problem.message}.`;
    if (context !== undefined) {
      context.report('manifest-shape', problem.path, message);
    } else {
      findings.push(inputFinding(problem.path, message));
    }
  }
}

function checkManifest(manifest: any, index: ManifestIndex, settings: Settings, findings: Finding[], problems: SanitizedManifest['problems']): void {
  reportDataProblems(manifest, index, settings, findings, problems);
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    findings.push(inputFinding('', `A manifest must be a map with apiVersion, kind and metadata (got ${preview(manifest)}).`));
    return;
  }
  const rules = RULES_BY_KIND[manifest.kind];
  if (rules === undefined || isCanaryResource(manifest)) {
    return;
  }
  const context = new RuleContext(manifest, index, settings, findings);
  if (isFlinkKind(manifest.kind)) {
    if (typeof manifest.metadata?.name !== 'string' || manifest.metadata.name === '') {
      context.report('manifest-shape', 'metadata.name', `${manifest.kind} needs metadata.name (got ${preview(manifest.metadata?.name)}).`);
    }
    checkResourceName(context);
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
