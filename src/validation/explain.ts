/**
 * `FlinkValidator.explain` and `cdk8s-flink explain`: what the operator and Flink will make of
 * each FlinkDeployment, FlinkBlueGreenDeployment (its template) and FlinkSessionJob, read from the
 * model (model/): the configuration as the operator builds it, with the source of each entry, what
 * it replaces, what Flink reads differently from what is written, and the facts derived from it.
 * Values of keys Flink treats as sensitive are masked, as Flink masks them in its logs.
 */
import { ExplainedEntry, ExplainedPath, ExplainedReadDifference, ExplainedReplacement, ResourceExplanation } from '../explanation';
import { FlinkVersion } from '../flink-version';
import { JobManagerMemoryBreakdown } from '../job-manager-memory-breakdown';
import { ManifestIndex } from './context';
import { jobManagerMemoryBreakdown } from '../private/memory/job-manager';
import { versionRules } from '../private/memory/options';
import { taskManagerMemoryBreakdown } from '../private/memory/task-manager';
import { TaskManagerMemoryBreakdown } from '../task-manager-memory-breakdown';
import { MASKED, maskedPasswordUri, sensitiveFragment } from './checks/sensitive-keys';
import { sessionClusterOf } from './configuration';
import { objectsOf } from './explain-objects';
import { configurationFileName } from './model/configuration-file';
import { BuiltConfiguration } from './model/deployment-configuration';
import { DeploymentModel } from './model/deployment-model';
import { ReadDifference, readDifferences } from './model/read-differences';
import { SessionJobModel } from './model/session-job-configuration';
import { StatePath } from './model/state-paths';
import { normalizeOptions } from './normalize-options';
import { memoryModelVersion } from './rules/memory';
import { elementsOf, errorText, toPlainData } from './sanitize';

/** The kinds `explain` explains. */
export const EXPLAINED_KINDS: ReadonlyArray<string> = ['FlinkDeployment', 'FlinkBlueGreenDeployment', 'FlinkSessionJob'];

const isObject = (value: unknown): value is { [key: string]: any } => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `1.20`, or `version unknown`. */
function versionText(version: FlinkVersion | undefined): string {
  return version === undefined ? 'version unknown' : `${version.major}.${version.minor}`;
}

/** The configuration's entries, masked where Flink masks them. */
class Masking {
  private readonly maskedKeys = new Set<string>();

  constructor(private readonly version: FlinkVersion | undefined, differences: ReadonlyArray<ReadDifference>) {
    // A line break in a value can start a line that Flink reads under a sensitive key.
    differences
      .filter((difference) => difference.readKeys.some((key) => this.sensitive(key)))
      .forEach((difference) => this.maskedKeys.add(difference.key));
  }

  public sensitive(key: string): boolean {
    return this.maskedKeys.has(key) || sensitiveFragment(key, this.version) !== undefined;
  }

  /** A value as shown: masked under a sensitive key; otherwise with a password in a URI's user info masked. */
  private shown(key: string, value: string): string {
    return this.sensitive(key) ? MASKED : maskedPasswordUri(value) ?? value;
  }

  public entries(built: BuiltConfiguration): ExplainedEntry[] {
    return [...built.entries].map(([key, value]) => ({ key, value: this.shown(key, value), source: built.sources.get(key) ?? 'operator', sensitive: this.sensitive(key) }));
  }

  public replacements(built: BuiltConfiguration): ExplainedReplacement[] {
    return built.replaced.map(({ key, configured, value, by }) => (
      { key, configured: this.shown(key, configured), value: this.shown(key, value), replacedBy: by, sensitive: this.sensitive(key) }));
  }

  public differences(differences: ReadonlyArray<ReadDifference>): ExplainedReadDifference[] {
    return differences.map(({ key, written, readKey, readValue, reason }) => {
      const sensitive = this.sensitive(key) || (readKey !== undefined && this.sensitive(readKey));
      const mask = (value: string | undefined) => (value === undefined ? undefined : sensitive ? MASKED : maskedPasswordUri(value) ?? value);
      return { key, written: mask(written)!, readKey, readValue: mask(readValue), reason, sensitive };
    });
  }
}

interface Identity {
  readonly manifestIndex: number;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

function identityOf(manifestIndex: number, manifest: any): Identity {
  const metadata = isObject(manifest.metadata) ? manifest.metadata : {};
  return {
    manifestIndex,
    kind: String(manifest.kind),
    name: typeof metadata.name === 'string' ? metadata.name : '<unnamed>',
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
  };
}

/** A note on a `spec.flinkVersion` this library cannot read. */
function versionNotes(spec: any, version: FlinkVersion | undefined, what: string): string[] {
  if (version !== undefined) {
    return [];
  }
  return [spec?.flinkVersion === undefined
    ? `${what}spec.flinkVersion is not set (the operator refuses it): explained as the newest Flink reads it`
    : `${what}spec.flinkVersion ${JSON.stringify(spec.flinkVersion)} names no Flink version this library knows: explained as the newest Flink reads it`];
}

/** One line of a memory derivation's message. */
function oneLine(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? error.message : String(error);
  } catch {
    text = errorText(error);
  }
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
}

interface ExplainedMemory {
  readonly memoryModelVersion: string;
  readonly taskManagerMemory?: TaskManagerMemoryBreakdown;
  readonly jobManagerMemory?: JobManagerMemoryBreakdown;
  readonly notes: string[];
}

/**
 * The memory of the JobManager and the TaskManagers, derived as `explain-memory` and the memory
 * rules derive it, from what Flink reads of the configuration the operator builds.
 */
function memoryOf(spec: unknown, model: DeploymentModel): ExplainedMemory {
  const version = memoryModelVersion(isObject(spec) ? spec : {});
  const configuration = Object.fromEntries(model.flink.entries);
  const notes: string[] = [];
  const derived = <T>(label: string, derive: () => T): T | undefined => {
    try {
      return derive();
    } catch (error) {
      notes.push(`Flink would refuse to start the ${label}: ${oneLine(error)}`);
      return undefined;
    }
  };
  return {
    memoryModelVersion: version.name,
    taskManagerMemory: derived('TaskManager', () => taskManagerMemoryBreakdown(configuration, versionRules(version))),
    jobManagerMemory: derived('JobManager', () => jobManagerMemoryBreakdown(configuration, versionRules(version))),
    notes,
  };
}

const PROCESS_NAMES = { jobManager: 'JobManager', taskManager: 'TaskManager' } as const;

/** The model's paths, for people: a password in a URI's user info masked. */
function explainedPaths(paths: ReadonlyArray<StatePath>): ExplainedPath[] {
  return paths.map((path) => ({
    role: path.role,
    what: path.what,
    uri: maskedPasswordUri(path.uri) ?? path.uri,
    scheme: path.scheme,
    path: path.path,
    processes: path.processes.map((process) => PROCESS_NAMES[process]),
    use: path.use,
  }));
}

/** A FlinkDeployment, or the FlinkDeployment a blue/green template stands for. */
function explainDeployment(
  identity: Identity, deployment: any, operatorConfiguration: ReadonlyMap<string, string>, notes: string[],
): ResourceExplanation {
  const model = DeploymentModel.of(operatorConfiguration, deployment);
  const { built } = model;
  const version = built.version;
  const file = configurationFileName(version);
  const differences = readDifferences(built.entries, version);
  const masking = new Masking(version, differences);
  const clusterName: string | undefined = typeof deployment.metadata?.name === 'string' ? deployment.metadata.name : undefined;
  const reader = file === 'flink-conf.yaml'
    ? `Flink ${versionText(version)} reads it line by line (its legacy loader)`
    : version === undefined
      ? 'Flink reads it as standard YAML (as from Flink 2.0; before, the operator writes flink-conf.yaml)'
      : `Flink ${versionText(version)} reads it as standard YAML`;
  const parallelism = model.parallelism;
  const memory = memoryOf(deployment.spec, model);
  const objectNotes: string[] = [];
  const objects = objectsOf(model, version, objectNotes);
  return {
    ...identity,
    clusterName,
    flinkVersion: version?.name,
    configurationFile: file,
    configurationDelivery: `the operator writes ${file} into the ConfigMap 'flink-config-${clusterName ?? '<unnamed>'}'; ${reader}`,
    configuration: masking.entries(built),
    replaced: masking.replacements(built),
    readDifferently: masking.differences(differences),
    parallelism: parallelism === undefined
      ? undefined
      : { value: parallelism.value, source: parallelism.source, ignoredJobParallelism: parallelism.ignored },
    slotsPerTaskManager: model.slots,
    taskManagers: { ...model.taskManagers },
    jobManagerAccount: model.jobManagerAccount,
    taskManagerAccount: model.taskManagerAccount,
    ...memory,
    objects,
    paths: explainedPaths(model.paths),
    notes: [...notes, ...versionNotes(deployment.spec, version, ''), ...memory.notes, ...objectNotes],
  };
}

/** A blue/green deployment's template, as the operator deploys it: its first child, `<name>-blue`. */
function explainBlueGreen(identity: Identity, manifest: any, operatorConfiguration: ReadonlyMap<string, string>): ResourceExplanation {
  const template = isObject(manifest.spec) ? manifest.spec.template : undefined;
  if (!isObject(template) || !isObject(template.spec)) {
    return {
      ...identity,
      configurationDelivery: 'none: spec.template.spec is missing',
      configuration: [],
      replaced: [],
      readDifferently: [],
      notes: ['spec.template.spec must hold the FlinkDeployment spec of the blue and green deployments'],
    };
  }
  const child = {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: { name: `${identity.name}-blue`, namespace: identity.namespace },
    spec: template.spec,
  };
  return explainDeployment(identity, child, operatorConfiguration,
    [`the template, as the operator deploys it as '${identity.name}-blue' ('${identity.name}-green' differs only in its name)`]);
}

function explainSessionJob(
  identity: Identity, manifest: any, index: ManifestIndex, operatorConfiguration: ReadonlyMap<string, string>,
): ResourceExplanation {
  const deploymentName = manifest.spec?.deploymentName;
  const clusterName = typeof deploymentName === 'string' ? deploymentName : undefined;
  const clusterManifest = sessionClusterOf(index, manifest);
  const model = SessionJobModel.of(operatorConfiguration, clusterManifest, manifest);
  const cluster = model.cluster;
  const version = model.version;
  const masking = new Masking(version, []);
  const notes: string[] = [];
  let delivery: string;
  if (cluster === undefined) {
    notes.push(clusterName === undefined
      ? 'spec.deploymentName is not set: the operator has no cluster to submit the job to'
      : `FlinkDeployment '${clusterName}' is not among the manifests: its configuration, Flink version and TaskManagers are unknown here, `
        + "so the configuration shows the operator's defaults and the job's own entries");
    delivery = 'the operator submits the job through its cluster\'s REST API (JarRun), with its configuration from Flink 1.17';
  } else {
    notes.push(...versionNotes(clusterManifest.spec, version, 'the cluster\'s '));
    delivery = model.configurationSent
      ? `the operator submits the job through the REST API (JarRun) of '${clusterName}', Flink ${versionText(version)}, with its configuration; no file is written`
      : `the operator submits the job through the REST API (JarRun) of '${clusterName}', Flink ${versionText(version)}, without its configuration `
        + '(Flink takes one with a job from 1.17): the job runs with the cluster\'s configuration, and its own entries reach only the operator';
  }
  const { parallelism } = model;
  const submission = model.submission;
  return {
    ...identity,
    clusterName,
    flinkVersion: version?.name,
    configurationDelivery: delivery,
    configuration: masking.entries(model.built),
    replaced: masking.replacements(model.built),
    readDifferently: [],
    parallelism: { value: parallelism.value, source: parallelism.source },
    slotsPerTaskManager: cluster?.slots,
    taskManagers: cluster === undefined ? undefined : { ...cluster.taskManagers },
    jobManagerAccount: cluster?.jobManagerAccount,
    taskManagerAccount: cluster?.taskManagerAccount,
    submission: { ...submission, args: [...submission.args] },
    paths: explainedPaths(model.paths),
    notes,
  };
}

/**
 * The explanations of manifests that are plain data already (the CLI's), in manifest order;
 * other kinds are skipped. Never throws: a resource that cannot be explained gets a note.
 */
export function explainManifests(
  manifests: ReadonlyArray<unknown>, operatorConfiguration: { readonly [key: string]: string },
): ResourceExplanation[] {
  const index = new ManifestIndex(manifests);
  const defaults = new Map(Object.entries(operatorConfiguration));
  const explanations: ResourceExplanation[] = [];
  manifests.forEach((manifest, manifestIndex) => {
    if (!isObject(manifest) || !EXPLAINED_KINDS.includes(manifest.kind)) {
      return;
    }
    const identity = identityOf(manifestIndex, manifest);
    try {
      explanations.push(manifest.kind === 'FlinkSessionJob' ? explainSessionJob(identity, manifest, index, defaults)
        : manifest.kind === 'FlinkBlueGreenDeployment' ? explainBlueGreen(identity, manifest, defaults)
          : explainDeployment(identity, manifest, defaults, []));
    } catch (error) {
      // Not reached by any known input: the resource is still listed, with what stopped it.
      explanations.push({
        ...identity,
        configurationDelivery: 'unknown',
        configuration: [],
        replaced: [],
        readDifferently: [],
        notes: [`could not be explained: internal error (${errorText(error)}); please report it`],
      });
    }
  });
  return explanations;
}

/** `FlinkValidator.explain`: any input a caller passes, read into plain data first; never throws. */
export function explain(manifests: unknown, options: unknown): ResourceExplanation[] {
  try {
    const { elements } = elementsOf(manifests);
    const given = isObject(options) ? options.operatorConfiguration : undefined;
    const operatorConfiguration = normalizeOptions({ operatorConfiguration: given }).options.operatorConfiguration ?? {};
    return explainManifests(elements.map((manifest) => toPlainData(manifest).manifest), operatorConfiguration);
  } catch {
    return [];
  }
}
