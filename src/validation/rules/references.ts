/**
 * References from a FlinkDeployment to the RBAC objects its processes need, for the accounts they
 * run as (the model's: a `kubernetes.jobmanager.service-account` or
 * `kubernetes.taskmanager.service-account` key wins over spec.serviceAccount).
 */
import { kubernetesHighAvailability } from '../configuration';
import { RuleContext } from '../context';
import { childPath } from '../json-path';
import { AccountOrigin } from '../model/deployment-model';

/** The permissions of the operator chart's job rules, as `group|resource|verb`. */
const JOB_GRANTS: ReadonlyArray<string> = ['pods', 'configmaps'].map((r) => `|${r}`)
  .concat(['deployments', 'deployments/finalizers'].map((r) => `apps|${r}`))
  .flatMap((groupResource) => ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'].map((verb) => `${groupResource}|${verb}`));

function grants(rules: unknown): Set<string> {
  const result = new Set<string>();
  for (const rule of Array.isArray(rules) ? rules : []) {
    for (const group of rule?.apiGroups ?? []) {
      for (const resource of rule?.resources ?? []) {
        for (const verb of rule?.verbs ?? []) {
          result.add(`${group}|${resource}|${verb}`);
        }
      }
    }
  }
  return result;
}

function covers(granted: Set<string>, grant: string): boolean {
  const [group, resource, verb] = grant.split('|');
  return [group, '*'].some((g) => [resource, '*'].some((r) => [verb, '*'].some((v) => granted.has(`${g}|${r}|${v}`))));
}

/** Whether two namespaces can be the same: equal, or one left to wherever the manifest is applied. */
function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function namespaceOf(manifest: any): string | undefined {
  return typeof manifest?.metadata?.namespace === 'string' ? manifest.metadata.namespace : undefined;
}

/**
 * The namespace a binding's ServiceAccount subject names: its own, or for a RoleBinding the
 * binding's (the RBAC authorizer's `appliesToUser`); a ClusterRoleBinding subject must name one.
 */
function subjectNamespace(subject: any, binding: any): string | undefined {
  const own = typeof subject?.namespace === 'string' && subject.namespace !== '' ? subject.namespace : undefined;
  return own ?? (binding.kind === 'RoleBinding' ? namespaceOf(binding) : undefined);
}

/**
 * The bindings that grant a ServiceAccount permissions in a namespace: RoleBindings in that
 * namespace (a RoleBinding grants only in its own) and ClusterRoleBindings, whose subject is the
 * account of that name in that namespace.
 */
function bindingsOf(context: RuleContext, account: string, namespace: string | undefined): any[] {
  return [...context.index.ofKind('RoleBinding'), ...context.index.ofKind('ClusterRoleBinding')].filter((binding) =>
    (binding.kind === 'ClusterRoleBinding' || sameNamespace(namespaceOf(binding), namespace))
    && (Array.isArray(binding.subjects) ? binding.subjects : []).some((subject: any) => subject?.kind === 'ServiceAccount' && subject?.name === account
      && (binding.kind === 'RoleBinding' || subjectNamespace(subject, binding) !== undefined)
      && sameNamespace(subjectNamespace(subject, binding), namespace)));
}

/**
 * Where a finding about a process's account points, and how its message names the account, e.g.
 * `spec.serviceAccount 'flink'`.
 */
function accountSubject(origin: AccountOrigin, spec: any, process: string): { path: string; named: string } {
  if (origin.key !== undefined && origin.writtenBy === 'spec.flinkConfiguration') {
    const instead = typeof spec.serviceAccount === 'string' && spec.serviceAccount !== origin.account
      ? `, which Flink reads before the 'kubernetes.service-account' the operator writes from spec.serviceAccount '${spec.serviceAccount}'` : '';
    return { path: childPath('spec.flinkConfiguration', origin.key), named: `${process} account '${origin.account}' (flinkConfiguration '${origin.key}'${instead})` };
  }
  if (origin.key !== undefined && origin.writtenBy === 'operator') {
    return { path: 'spec.serviceAccount', named: `${process} account '${origin.account}' (the operator's default configuration '${origin.key}')` };
  }
  return { path: 'spec.serviceAccount', named: `spec.serviceAccount '${origin.account}'` };
}

/**
 * The JobManager's account (spec.serviceAccount, unless a `kubernetes.jobmanager.service-account`
 * key names another) is bound to the operator's job rules.
 */
export function checkServiceAccountBinding(context: RuleContext): void {
  if (typeof context.spec.serviceAccount !== 'string') {
    return; // service-account-required
  }
  const origin = context.modelOf(context.manifest).jobManagerAccountOrigin;
  const account = origin.account;
  const { path, named } = accountSubject(origin, context.spec, "The JobManager's");
  const namespace = context.namespace;
  const bindings = bindingsOf(context, account, namespace);
  if (bindings.length === 0) {
    const elsewhere = [...new Set(context.index.ofKind('RoleBinding')
      .filter((binding) => (Array.isArray(binding.subjects) ? binding.subjects : []).some((subject: any) => subject?.kind === 'ServiceAccount' && subject?.name === account))
      .map((binding) => namespaceOf(binding)).filter((ns) => ns !== undefined))];
    const hint = elsewhere.length > 0
      ? ` A RoleBinding for '${account}' exists in namespace ${elsewhere.map((ns) => `'${ns}'`).join(', ')}, but a RoleBinding grants only in its own namespace, to the account of its subject's namespace; the JobManager runs in '${namespace}'.`
      : '';
    context.report('service-account-binding', path,
      `${named} is not bound to a Role in this set${namespace === undefined ? '' : ` for namespace '${namespace}'`}; the JobManager needs the operator's job rules (pods, configmaps, deployments) to start TaskManagers.${hint} Make sure it is bound elsewhere (the operator chart binds 'flink' in each watched namespace), or bind it here.`);
    return;
  }
  const granted = new Set<string>();
  for (const binding of bindings) {
    const roleRef = binding.roleRef;
    const role = roleRef?.kind === 'Role' && binding.kind === 'RoleBinding' ? context.index.find('Role', roleRef.name, namespaceOf(binding))
      : roleRef?.kind === 'ClusterRole' ? context.index.find('ClusterRole', roleRef.name, undefined) : undefined;
    if (role === undefined) {
      return; // the role lives elsewhere: nothing more to check
    }
    grants(role.rules).forEach((grant) => granted.add(grant));
  }
  const missing = JOB_GRANTS.filter((grant) => !covers(granted, grant));
  if (missing.length > 0) {
    context.report('service-account-binding', path,
      `${named} is bound, but its Roles lack ${missing.length} of the operator's job permissions (e.g. ${missing.slice(0, 3).map((g) => g.replace(/^\|/, 'core|')).join(', ')}). Grant the job rules (see FlinkJobRbac).`);
  }
}

/** What TaskManagers need for Kubernetes HA leader retrieval: watch the HA ConfigMaps. */
const LEADER_RETRIEVAL_GRANTS: ReadonlyArray<string> = ['get', 'list', 'watch'].map((verb) => `|configmaps|${verb}`);

/**
 * With Kubernetes high availability, the TaskManagers' own account (`kubernetes.taskmanager.service-account`)
 * mounts an API token and may watch ConfigMaps, to retrieve their leader.
 */
export function checkTaskManagerServiceAccount(context: RuleContext): void {
  const model = context.modelOf(context.manifest);
  if (!kubernetesHighAvailability(model.flink)) {
    return;
  }
  const origin = model.taskManagerAccountOrigin;
  // The JobManager's account has the job rules (service-account-binding), ConfigMaps included.
  if (origin.key === undefined || origin.account === model.jobManagerAccount) {
    return;
  }
  const found = { key: origin.key, value: origin.account };
  const path = origin.writtenBy === 'spec.flinkConfiguration' ? childPath('spec.flinkConfiguration', found.key) : 'spec.serviceAccount';
  const account = context.index.find('ServiceAccount', found.value, context.namespace);
  if (account?.automountServiceAccountToken === false) {
    context.report('service-account-binding', path,
      `The TaskManagers' account '${found.value}' does not mount an API token, but Kubernetes high availability makes them watch the HA ConfigMaps for their leader. Mount its token and bind it to a Role that may get, list and watch configmaps (FlinkTaskManagerRbac.allowLeaderRetrieval()).`);
    return;
  }
  const bindings = context.index.ofKind('RoleBinding').filter((binding) => (binding.subjects ?? [])
    .some((subject: any) => subject?.kind === 'ServiceAccount' && subject?.name === found.value));
  const roles = bindings.map((binding) => (binding.roleRef?.kind === 'Role' ? context.index.find('Role', binding.roleRef.name, binding.metadata?.namespace)
    : context.index.find('ClusterRole', binding.roleRef?.name, undefined)));
  if (account !== undefined && roles.every((role) => role !== undefined)) {
    const granted = new Set<string>();
    roles.forEach((role) => grants(role.rules).forEach((grant) => granted.add(grant)));
    if (!LEADER_RETRIEVAL_GRANTS.every((grant) => covers(granted, grant))) {
      context.report('service-account-binding', path,
        `The TaskManagers' account '${found.value}' may not get, list and watch configmaps, but Kubernetes high availability makes them watch the HA ConfigMaps for their leader. Bind it to such a Role (FlinkTaskManagerRbac.allowLeaderRetrieval()).`);
    }
  }
}
