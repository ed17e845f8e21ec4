/**
 * The pods of a FlinkDeployment against the Pod Security Standards (`pod-security-admission`) and
 * the privileges its templates grant (`pod-privileges`).
 *
 * When a Namespace in the set enforces a level (`pod-security.kubernetes.io/enforce`), the
 * operator still creates the JobManager Deployment, but the API server refuses its pods: the
 * resource never becomes ready. The effective pod specs are known from the manifest (see
 * pods/effective-pods.ts), so the engine checks them as the admission would.
 */
import { Severity } from '../../finding';
import { RuleContext } from '../context';
import { effectivePods, AdmittedPod } from '../pods/effective-pods';
import { LEVELS, podSecurityViolations, PodSecurityLevelName } from '../pods/pod-security-standards';
import { grantedPrivileges } from '../pods/privileges';

const LABEL_PREFIX = 'pod-security.kubernetes.io/';

/** A level to check against, where it comes from, and how bad a violation is. */
interface AppliedLevel {
  readonly level: PodSecurityLevelName;
  readonly source: string;
  readonly severity: Severity;
}

function levelOf(value: unknown): PodSecurityLevelName | undefined {
  return LEVELS.find((level) => level === String(value ?? '').trim().toLowerCase());
}

const strictness = (level: PodSecurityLevelName) => LEVELS.indexOf(level);

/** The levels that apply to a resource: the Namespace's enforce (errors), warn and audit (warnings) labels, and the option. */
function appliedLevels(context: RuleContext): AppliedLevel[] {
  const applied: AppliedLevel[] = [];
  const namespace = context.namespace === undefined ? undefined : context.index.find('Namespace', context.namespace, undefined);
  const labels = namespace?.metadata?.labels ?? {};
  const enforced = levelOf(labels[`${LABEL_PREFIX}enforce`]);
  const option = context.settings.podSecurityLevel;
  const enforcing = [
    ...(enforced === undefined ? [] : [{ level: enforced, source: `that Namespace '${context.namespace}' enforces (${LABEL_PREFIX}enforce)` }]),
    ...(option === undefined ? [] : [{ level: option, source: 'that the validation applies (--pod-security, ValidationOptions.podSecurityLevel)' }]),
  ].sort((a, b) => strictness(b.level) - strictness(a.level));
  if (enforcing.length > 0) {
    applied.push({ ...enforcing[0], severity: Severity.ERROR });
  }
  const floor = enforcing.length > 0 ? strictness(enforcing[0].level) : 0;
  for (const mode of ['warn', 'audit']) {
    const level = levelOf(labels[`${LABEL_PREFIX}${mode}`]);
    if (level !== undefined && strictness(level) > floor && !applied.some((a) => a.level === level)) {
      applied.push({ level, source: `that Namespace '${context.namespace}' ${mode === 'warn' ? 'warns about' : 'audits'} (${LABEL_PREFIX}${mode})`, severity: Severity.WARNING });
    }
  }
  return applied;
}

function podsOf(context: RuleContext): AdmittedPod[] {
  return effectivePods(context.spec, context.config);
}

/** Which pods a finding is about, and where to point. */
function subjectOf(pods: AdmittedPod[]): { who: string; path: string } {
  if (pods.length > 1) {
    return { who: 'The JobManager and TaskManager pods', path: 'spec.podTemplate' };
  }
  return { who: `The ${pods[0].component} pods`, path: pods[0].templatePath };
}

/** A FlinkDeployment's pods pass the Pod Security level their Namespace enforces (or the validation applies). */
export function checkPodSecurityAdmission(context: RuleContext): void {
  const levels = appliedLevels(context);
  if (levels.length === 0) {
    return;
  }
  const pods = podsOf(context);
  for (const { level, source, severity } of levels) {
    const byCheck = new Map<string, Array<{ pod: AdmittedPod; detail: string }>>();
    for (const pod of pods) {
      for (const violation of podSecurityViolations(level, pod.metadata, pod.spec)) {
        byCheck.set(violation.check, [...(byCheck.get(violation.check) ?? []), { pod, detail: violation.detail }]);
      }
    }
    for (const [check, found] of byCheck) {
      const { who, path } = subjectOf(found.map(({ pod }) => pod));
      const details = [...new Set(found.map(({ detail }) => detail))].join('; ');
      context.report('pod-security-admission', path,
        `${who} violate the check '${check}' of the Pod Security level '${level}' ${source}: ${details}. `
        + (severity === Severity.ERROR ? 'The operator would create the Deployment, but the API server would refuse its pods and the resource would never become ready. ' : '')
        + 'Fix the pod template (the constructs\' restricted defaults pass), or change the level.', severity);
    }
  }
}

/** The privileges a FlinkDeployment's pod templates grant explicitly are reported. */
export function checkPodPrivileges(context: RuleContext): void {
  const pods = podsOf(context);
  const byPrivilege = new Map<string, { pods: AdmittedPod[]; where: Set<string> }>();
  for (const pod of pods) {
    for (const granted of grantedPrivileges(pod.spec, pod.metadata)) {
      const entry = byPrivilege.get(granted.privilege) ?? { pods: [], where: new Set<string>() };
      if (!entry.pods.includes(pod)) {
        entry.pods.push(pod);
      }
      entry.where.add(granted.where);
      byPrivilege.set(granted.privilege, entry);
    }
  }
  for (const [privilege, { pods: granted, where }] of byPrivilege) {
    const { who, path } = subjectOf(granted);
    context.report('pod-privileges', path,
      `${who} are granted '${privilege}', which the restricted defaults take away: ${[...where].join('; ')}. `
      + 'Make sure it is needed (the constructs grant it only when listed in allowedPodPrivileges).');
  }
}
