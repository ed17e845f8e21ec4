/**
 * Compares a new set of manifests with the previous release (e.g. the manifests committed on
 * the main branch) and reports Flink resources with durable state that the new set drops.
 *
 * In a GitOps repository a resource that leaves the manifests is deleted by the next sync
 * (Argo CD prune, Flux garbage collection). For a Flink job that means: the job stops, the
 * operator forgets its savepoint history, and a resource under a new name starts from empty
 * state. A construct id change renames a resource, so a refactor can do this unnoticed.
 */
import { Finding } from '../finding';
import { deploymentConfiguration, durableStateKeys, mergedSessionJobConfiguration } from './configuration';
import { ManifestIndex, RuleContext, Settings } from './context';
import { EffectiveConfiguration } from '../private/options/effective-configuration';

const JOB_KINDS = ['FlinkDeployment', 'FlinkSessionJob', 'FlinkBlueGreenDeployment'];

/** The job spec and effective configuration of a job resource, if it runs a job. */
function jobOf(manifest: any, index: ManifestIndex, settings: Settings): { job: any; config: EffectiveConfiguration } | undefined {
  const spec = manifest?.spec;
  if (spec === null || typeof spec !== 'object') {
    return undefined;
  }
  const deploymentSpec = manifest.kind === 'FlinkBlueGreenDeployment' ? spec.template?.spec : spec;
  const job = deploymentSpec?.job;
  if (job === null || typeof job !== 'object') {
    return undefined;
  }
  if (manifest.kind === 'FlinkSessionJob') {
    const cluster = typeof spec.deploymentName === 'string'
      ? index.find('FlinkDeployment', spec.deploymentName, manifest.metadata?.namespace)
      : undefined;
    return {
      job,
      config: mergedSessionJobConfiguration(settings.operatorConfiguration, cluster?.spec, spec),
    };
  }
  return { job, config: deploymentConfiguration(settings.operatorConfiguration, deploymentSpec) };
}

/** Why losing this resource loses state, or undefined when it holds none. */
function durableStateOf(manifest: any, index: ManifestIndex, settings: Settings): string | undefined {
  if (manifest.kind === 'FlinkStateSnapshot') {
    const savepoint = manifest.spec?.savepoint;
    if (savepoint !== null && typeof savepoint === 'object' && savepoint.disposeOnDelete !== false) {
      return "it is a savepoint with disposeOnDelete (the operator's default is true), so deleting it deletes the savepoint data";
    }
    return undefined;
  }
  const scope = jobOf(manifest, index, settings);
  if (scope === undefined) {
    return undefined;
  }
  const reasons: string[] = [];
  if (scope.job.upgradeMode === 'savepoint' || scope.job.upgradeMode === 'last-state') {
    reasons.push(`upgradeMode '${scope.job.upgradeMode}'`);
  }
  reasons.push(...durableStateKeys(scope.config.entries).map((key) => `'${key}'`));
  if (reasons.length === 0) {
    return undefined;
  }
  return `its job keeps durable state (${reasons.join(', ')}); deleting it stops the job and the operator drops its savepoint history, and a resource under a new name starts from empty state`;
}

function jarOf(manifest: any): unknown {
  const spec = manifest?.spec;
  return (manifest?.kind === 'FlinkBlueGreenDeployment' ? spec?.template?.spec?.job : spec?.job)?.jarURI;
}

/**
 * One finding (`stateful-resource-removed`, on the previous manifest) per resource with
 * durable state that is in `previous` but not in `current`, unless listed in `allowed`
 * (`Kind/name`).
 */
export function checkRemovedState(
  previous: ReadonlyArray<any>,
  current: ManifestIndex,
  currentManifests: ReadonlyArray<any>,
  settings: Settings,
  allowed: ReadonlyArray<string>,
  report: (previousPosition: number, findings: Finding[]) => void,
): void {
  const previousIndex = new ManifestIndex(previous);
  previous.forEach((manifest, position) => {
    const kind = manifest?.kind;
    const name = manifest?.metadata?.name;
    if (![...JOB_KINDS, 'FlinkStateSnapshot'].includes(kind) || typeof name !== 'string'
      || allowed.includes(`${kind}/${name}`)) {
      return;
    }
    const namespace: string | undefined = manifest.metadata?.namespace;
    if (current.find(kind, name, namespace) !== undefined) {
      return;
    }
    const why = durableStateOf(manifest, previousIndex, settings);
    if (why === undefined) {
      return;
    }
    const added = currentManifests.filter((candidate) => candidate?.kind === kind
      && typeof candidate.metadata?.name === 'string'
      && (namespace === undefined || candidate.metadata.namespace === undefined || candidate.metadata.namespace === namespace)
      && previousIndex.find(kind, candidate.metadata.name, candidate.metadata.namespace) === undefined);
    const jar = jarOf(manifest);
    const renamed = added.find((candidate) => jar !== undefined && jarOf(candidate) === jar) ?? (added.length === 1 ? added[0] : undefined);
    const rename = renamed === undefined ? '' : ` ${kind} '${renamed.metadata.name}' is new: if it is '${name}' renamed (a construct id change renames), it would start without that state.`;
    const keep = kind === 'FlinkStateSnapshot'
      ? 'To keep the data, keep the resource or set disposeOnDelete: false before removing it'
      : `To keep the state, keep the name (metadata.name: '${name}'), or start the new resource from the last savepoint or checkpoint of '${name}' with initialSavepointPath`;
    const findings: Finding[] = [];
    new RuleContext(manifest, previousIndex, settings, findings).report('stateful-resource-removed', 'metadata.name',
      `${kind} '${name}'${namespace === undefined ? '' : ` in namespace '${namespace}'`} is in the previous manifests but not in the new ones, and ${why}.${rename} ${keep}. If removing it is intended, allow it: allowedRemovals ['${kind}/${name}'] (CLI: --allow-removal ${kind}/${name}).`);
    report(position, findings);
  });
}
