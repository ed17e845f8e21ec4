/**
 * The Kubernetes Pod Security Standards, baseline and restricted, as the API server's
 * pod-security-admission evaluates them (k8s.io/pod-security-admission/policy, the `latest`
 * version): one check per upstream check id, written from its documented fields and allowed
 * values. Every check visits containers, init containers and ephemeral containers.
 */
import { containersOf } from './effective-pods';

/** A Pod Security Standards level, as the `pod-security.kubernetes.io/*` namespace labels name it. */
export type PodSecurityLevelName = 'privileged' | 'baseline' | 'restricted';

/** The levels from the most permissive to the strictest. */
export const LEVELS: ReadonlyArray<PodSecurityLevelName> = ['privileged', 'baseline', 'restricted'];

interface Check {
  /** The upstream check id, e.g. `runAsNonRoot`. */
  readonly id: string;
  readonly level: 'baseline' | 'restricted';
  /** Why the pod fails the check, or undefined when it passes. */
  readonly check: (metadata: any, spec: any) => string | undefined;
}

/** A check a pod fails. */
export interface Violation {
  readonly check: string;
  readonly detail: string;
}

const isObject = (value: unknown): value is Record<string, any> => value !== null && typeof value === 'object' && !Array.isArray(value);
const listOf = (value: unknown): any[] => (Array.isArray(value) ? value : []);
const names = (containers: any[]) => containers.map((c) => `'${c.name}'`).join(', ');
const containerWord = (containers: any[]) => (containers.length === 1 ? 'container' : 'containers');
/** Pods in a user namespace (`hostUsers: false`) are exempt from some checks (KEP-127). */
const inUserNamespace = (spec: any) => spec.hostUsers === false;
/** Windows pods are exempt from the Linux-only restricted checks. */
const isWindows = (spec: any) => spec.os?.name === 'windows';

/** Fails when any of `containers` matches; the detail names them. */
function containersWhere(spec: any, bad: (container: any) => boolean, detail: string): string | undefined {
  const found = containersOf(spec).filter(bad);
  return found.length === 0 ? undefined : `${containerWord(found)} ${names(found)} ${detail}`;
}

/** The pod-level security context and every container's, with who owns each. */
function securityContexts(spec: any): Array<{ owner: string; context: any }> {
  return [
    { owner: 'pod', context: spec.securityContext },
    ...containersOf(spec).map((c) => ({ owner: `container '${c.name}'`, context: c.securityContext })),
  ].filter(({ context }) => isObject(context));
}

const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const SAFE_SYSCTLS = new Set(['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes', 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']);
const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
const RESTRICTED_VOLUME_TYPES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);
const RUNTIME_DEFAULT_OR_LOCALHOST = (type: unknown) => type === 'RuntimeDefault' || type === 'Localhost';

const CHECKS: ReadonlyArray<Check> = [
  {
    id: 'windowsHostProcess',
    level: 'baseline',
    check: (_m, spec) => {
      const owners = securityContexts(spec).filter(({ context }) => context.windowsOptions?.hostProcess === true).map(({ owner }) => owner);
      return owners.length === 0 ? undefined : `${owners.join(', ')} must not set securityContext.windowsOptions.hostProcess=true`;
    },
  },
  {
    id: 'hostNamespaces',
    level: 'baseline',
    check: (_m, spec) => {
      const set = ['hostNetwork', 'hostPID', 'hostIPC'].filter((field) => spec[field] === true);
      return set.length === 0 ? undefined : `the pod must not set ${set.map((field) => `${field}=true`).join(', ')}`;
    },
  },
  {
    id: 'privileged',
    level: 'baseline',
    check: (_m, spec) => containersWhere(spec, (c) => c.securityContext?.privileged === true, 'must not set securityContext.privileged=true'),
  },
  {
    id: 'capabilities_baseline',
    level: 'baseline',
    check: (_m, spec) => containersWhere(spec, (c) => (Array.isArray(c.securityContext?.capabilities?.add) ? c.securityContext.capabilities.add : [])
      .some((capability: unknown) => !BASELINE_CAPABILITIES.has(String(capability))), 'must not add capabilities beyond the baseline set (NET_RAW, SYS_ADMIN, ... are forbidden)'),
  },
  {
    id: 'hostPathVolumes',
    level: 'baseline',
    check: (_m, spec) => {
      const found = listOf(spec.volumes).filter((v) => isObject(v) && v.hostPath !== undefined && v.hostPath !== null);
      return found.length === 0 ? undefined : `hostPath volumes ${found.map((v: any) => `'${v.name}'`).join(', ')} are forbidden`;
    },
  },
  {
    id: 'hostPorts',
    level: 'baseline',
    check: (_m, spec) => containersWhere(spec, (c) => listOf(c.ports).some((p) => isObject(p) && p.hostPort !== undefined && p.hostPort !== 0),
      'must not set hostPort'),
  },
  {
    id: 'appArmorProfile',
    level: 'baseline',
    check: (metadata, spec) => {
      const bad = securityContexts(spec)
        .filter(({ context }) => context.appArmorProfile !== undefined && !RUNTIME_DEFAULT_OR_LOCALHOST(context.appArmorProfile?.type))
        .map(({ owner }) => owner);
      const annotations = isObject(metadata?.annotations) ? metadata.annotations : {};
      const badAnnotations = Object.entries(annotations).filter(([key, value]) => key.startsWith('container.apparmor.security.beta.kubernetes.io/')
        && value !== '' && value !== 'runtime/default' && !String(value).startsWith('localhost/')).map(([key]) => `annotation ${key}`);
      const all = [...bad, ...badAnnotations];
      return all.length === 0 ? undefined : `${all.join(', ')} must not use an AppArmor profile other than RuntimeDefault or Localhost`;
    },
  },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    check: (_m, spec) => {
      const bad = securityContexts(spec).filter(({ context }) => isObject(context.seLinuxOptions)
        && (!SELINUX_TYPES.has(String(context.seLinuxOptions.type ?? '')) || (context.seLinuxOptions.user ?? '') !== '' || (context.seLinuxOptions.role ?? '') !== ''))
        .map(({ owner }) => owner);
      return bad.length === 0 ? undefined : `${bad.join(', ')} must not set a custom seLinuxOptions type, user or role`;
    },
  },
  {
    id: 'procMount',
    level: 'baseline',
    check: (_m, spec) => (inUserNamespace(spec) ? undefined
      : containersWhere(spec, (c) => c.securityContext?.procMount !== undefined && c.securityContext.procMount !== 'Default', 'must not set securityContext.procMount other than Default')),
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    check: (_m, spec) => {
      const bad = securityContexts(spec).filter(({ context }) => context.seccompProfile?.type === 'Unconfined').map(({ owner }) => owner);
      return bad.length === 0 ? undefined : `${bad.join(', ')} must not set securityContext.seccompProfile.type to Unconfined`;
    },
  },
  {
    id: 'sysctls',
    level: 'baseline',
    check: (_m, spec) => {
      const bad = listOf(spec.securityContext?.sysctls).map((s) => String(s?.name)).filter((n) => !SAFE_SYSCTLS.has(n));
      return bad.length === 0 ? undefined : `forbidden sysctls: ${bad.join(', ')}`;
    },
  },
  {
    id: 'hostProbesAndHostLifecycle',
    level: 'baseline',
    check: (_m, spec) => containersWhere(spec, (c) => [c.livenessProbe, c.readinessProbe, c.startupProbe, c.lifecycle?.postStart,
      c.lifecycle?.preStop]
      .some((handler) => isObject(handler) && ((handler.httpGet?.host ?? '') !== '' || (handler.tcpSocket?.host ?? '') !== '')),
    'must not set a host in probes or lifecycle handlers'),
  },
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    check: (_m, spec) => {
      const volumes: any[] = (Array.isArray(spec.volumes) ? spec.volumes : []).filter(isObject);
      const bad = volumes.map((v) => ({ name: String(v.name), types: Object.keys(v).filter((k) => k !== 'name') }))
        .filter(({ types }) => types.some((type) => !RESTRICTED_VOLUME_TYPES.has(type)));
      return bad.length === 0 ? undefined
        : `volumes ${bad.map(({ name, types }) => `'${name}' (${types.join(', ')})`).join(', ')} use types other than configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret`;
    },
  },
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    check: (_m, spec) => (isWindows(spec) ? undefined
      : containersWhere(spec, (c) => c.securityContext?.allowPrivilegeEscalation !== false, 'must set securityContext.allowPrivilegeEscalation=false')),
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    check: (_m, spec) => {
      if (inUserNamespace(spec)) {
        return undefined;
      }
      const podValue = spec.securityContext?.runAsNonRoot;
      const explicit = containersOf(spec).filter((c) => c.securityContext?.runAsNonRoot === false);
      if (podValue === false || explicit.length > 0) {
        const setters = [...(podValue === false ? ['pod'] : []), ...(explicit.length > 0 ? [`${containerWord(explicit)} ${names(explicit)}`] : [])];
        return `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`;
      }
      const implicit = podValue === true ? [] : containersOf(spec).filter((c) => c.securityContext?.runAsNonRoot !== true);
      return implicit.length === 0 ? undefined : `pod or ${containerWord(implicit)} ${names(implicit)} must set securityContext.runAsNonRoot=true`;
    },
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    check: (_m, spec) => {
      if (inUserNamespace(spec)) {
        return undefined;
      }
      const bad = securityContexts(spec).filter(({ context }) => context.runAsUser === 0).map(({ owner }) => owner);
      return bad.length === 0 ? undefined : `${bad.join(', ')} must not set securityContext.runAsUser=0`;
    },
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    check: (_m, spec) => {
      if (isWindows(spec)) {
        return undefined;
      }
      const podProfile = spec.securityContext?.seccompProfile;
      const explicitlyBad = [
        ...(podProfile !== undefined && podProfile !== null && !RUNTIME_DEFAULT_OR_LOCALHOST(podProfile.type) ? ['pod'] : []),
        ...containersOf(spec)
          .filter((c) => isObject(c.securityContext?.seccompProfile) && !RUNTIME_DEFAULT_OR_LOCALHOST(c.securityContext.seccompProfile.type))
          .map((c) => `container '${c.name}'`),
      ];
      if (explicitlyBad.length > 0) {
        return `${explicitlyBad.join(' and ')} must not set securityContext.seccompProfile.type to anything but RuntimeDefault or Localhost`;
      }
      const podSet = isObject(podProfile) && RUNTIME_DEFAULT_OR_LOCALHOST(podProfile.type);
      const implicit = podSet ? [] : containersOf(spec).filter((c) => !isObject(c.securityContext?.seccompProfile));
      return implicit.length === 0 ? undefined : `pod or ${containerWord(implicit)} ${names(implicit)} must set securityContext.seccompProfile.type to RuntimeDefault or Localhost`;
    },
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    check: (_m, spec) => {
      if (isWindows(spec)) {
        return undefined;
      }
      const details = [
        containersWhere(spec, (c) => !(Array.isArray(c.securityContext?.capabilities?.drop) && c.securityContext.capabilities.drop.includes('ALL')),
          'must set securityContext.capabilities.drop=["ALL"]'),
        containersWhere(spec, (c) => (Array.isArray(c.securityContext?.capabilities?.add) ? c.securityContext.capabilities.add : [])
          .some((capability: unknown) => capability !== 'NET_BIND_SERVICE'), 'must not add capabilities other than NET_BIND_SERVICE'),
      ].filter((detail): detail is string => detail !== undefined);
      return details.length === 0 ? undefined : details.join('; ');
    },
  },
];

/** The upstream ids of the checks of a level (restricted includes baseline). */
export function checkIds(level: PodSecurityLevelName): string[] {
  return CHECKS.filter((c) => level === 'restricted' || (level === 'baseline' && c.level === 'baseline')).map((c) => c.id);
}

/** The checks of `level` that a pod (its template metadata and spec) fails. */
export function podSecurityViolations(level: PodSecurityLevelName, metadata: any, spec: any): Violation[] {
  if (level === 'privileged') {
    return [];
  }
  const podSpec = isObject(spec) ? spec : {};
  return CHECKS.filter((c) => level === 'restricted' || c.level === 'baseline')
    .map((c) => ({ check: c.id, detail: c.check(metadata, podSpec) }))
    .filter((v): v is Violation => v.detail !== undefined);
}
