/**
 * The privileges a pod spec grants explicitly, of those the restricted security defaults take
 * away (see `PodPrivilege`). Only fields set to a weak value count: a field left out is filled by
 * the defaults (constructs) or by the runtime.
 */
import { containersOf } from './effective-pods';
import { podSecurityViolations } from './pod-security-standards';
import { PodPrivilege } from '../../pod-privilege';

/** One privilege and where it is granted, e.g. `container 'fluent-bit': securityContext.privileged: true`. */
export interface GrantedPrivilege {
  readonly privilege: PodPrivilege;
  readonly where: string;
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The capabilities the restricted profile lets a container add. */
const HARMLESS_CAPABILITIES = new Set(['NET_BIND_SERVICE']);

function securityContextPrivileges(context: any, where: string, container: boolean): GrantedPrivilege[] {
  if (!isObject(context)) {
    return [];
  }
  const found: GrantedPrivilege[] = [];
  if (context.runAsNonRoot === false) {
    found.push({ privilege: PodPrivilege.RUN_AS_ROOT, where: `${where}securityContext.runAsNonRoot: false` });
  }
  if (context.runAsUser === 0) {
    found.push({ privilege: PodPrivilege.RUN_AS_ROOT, where: `${where}securityContext.runAsUser: 0` });
  }
  if (context.seccompProfile?.type === 'Unconfined') {
    found.push({ privilege: PodPrivilege.UNCONFINED_SECCOMP, where: `${where}securityContext.seccompProfile.type: Unconfined` });
  }
  if (!container) {
    return found;
  }
  if (context.privileged === true) {
    found.push({ privilege: PodPrivilege.PRIVILEGED, where: `${where}securityContext.privileged: true` });
  }
  if (context.allowPrivilegeEscalation === true) {
    found.push({ privilege: PodPrivilege.PRIVILEGE_ESCALATION, where: `${where}securityContext.allowPrivilegeEscalation: true` });
  }
  const addList: unknown[] = Array.isArray(context.capabilities?.add) ? context.capabilities.add : [];
  const added = addList.filter((c) => !HARMLESS_CAPABILITIES.has(String(c)));
  if (added.length > 0) {
    found.push({ privilege: PodPrivilege.CAPABILITIES, where: `${where}securityContext.capabilities.add: [${added.join(', ')}]` });
  }
  const drop = context.capabilities?.drop;
  if (Array.isArray(drop) && !drop.includes('ALL')) {
    found.push({ privilege: PodPrivilege.CAPABILITIES, where: `${where}securityContext.capabilities.drop: [${drop.join(', ')}] (not ALL)` });
  }
  return found;
}

/**
 * The privileges the Pod Security Standards' baseline checks judge that the restricted defaults
 * do not set at all: each is granted where its baseline check fails (pod-security-standards.ts,
 * declared once there).
 */
const BASELINE_PRIVILEGES: ReadonlyArray<[string, PodPrivilege]> = [
  ['procMount', PodPrivilege.UNMASKED_PROC_MOUNT],
  ['seLinuxOptions', PodPrivilege.SELINUX_OPTIONS],
  ['sysctls', PodPrivilege.UNSAFE_SYSCTLS],
  ['appArmorProfile', PodPrivilege.UNCONFINED_APPARMOR],
  ['windowsHostProcess', PodPrivilege.WINDOWS_HOST_PROCESS],
];

/** Every privilege a pod spec (and its template's metadata, for AppArmor annotations) grants explicitly. */
export function grantedPrivileges(podSpec: any, metadata?: any): GrantedPrivilege[] {
  if (!isObject(podSpec)) {
    return [];
  }
  const found = securityContextPrivileges(podSpec.securityContext, 'pod ', false);
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (podSpec[field] === true) {
      found.push({ privilege: PodPrivilege.HOST_NAMESPACES, where: `pod ${field}: true` });
    }
  }
  for (const volume of Array.isArray(podSpec.volumes) ? podSpec.volumes : []) {
    if (isObject(volume) && volume.hostPath !== undefined && volume.hostPath !== null) {
      found.push({ privilege: PodPrivilege.HOST_PATH_VOLUMES, where: `volume '${volume.name}': hostPath ${JSON.stringify(volume.hostPath?.path ?? '')}` });
    }
  }
  for (const container of containersOf(podSpec)) {
    const where = `container '${container.name}' `;
    found.push(...securityContextPrivileges(container.securityContext, where, true));
    for (const port of Array.isArray(container.ports) ? container.ports : []) {
      if (isObject(port) && port.hostPort !== undefined && port.hostPort !== 0) {
        found.push({ privilege: PodPrivilege.HOST_PORTS, where: `${where}port hostPort: ${port.hostPort}` });
      }
    }
  }
  const baseline = new Map(podSecurityViolations('baseline', metadata, podSpec).map((violation) => [violation.check, violation.detail]));
  for (const [check, privilege] of BASELINE_PRIVILEGES) {
    const detail = baseline.get(check);
    if (detail !== undefined) {
      found.push({ privilege, where: detail });
    }
  }
  return found;
}
