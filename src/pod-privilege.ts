/**
 * A privilege that the restricted security defaults of the Flink pods take away, and that a pod
 * template, `podSecurityContext`, `containerSecurityContext` or the Flink configuration can give
 * back. The constructs refuse each one unless it is listed in `allowedPodPrivileges`; the
 * validation engine reports every one it finds as a warning (rule `pod-privileges`).
 */
export enum PodPrivilege {
  /** A container may run as root: `runAsNonRoot: false` or `runAsUser: 0`. */
  RUN_AS_ROOT = 'run-as-root',
  /** A container runs privileged (`privileged: true`): it has every capability and the host's devices. */
  PRIVILEGED = 'privileged',
  /** A process may gain more privileges than its parent (`allowPrivilegeEscalation: true`). */
  PRIVILEGE_ESCALATION = 'privilege-escalation',
  /** A container adds Linux capabilities (other than NET_BIND_SERVICE), or drops fewer than ALL. */
  CAPABILITIES = 'capabilities',
  /** The pod shares the node's network, process or IPC namespace (`hostNetwork`, `hostPID`, `hostIPC`, or `kubernetes.hostnetwork.enabled`). */
  HOST_NAMESPACES = 'host-namespaces',
  /** The pod mounts a directory of the node (`hostPath` volumes). */
  HOST_PATH_VOLUMES = 'host-path-volumes',
  /** A container binds a port of the node (`hostPort`). */
  HOST_PORTS = 'host-ports',
  /** The pod or a container runs without a seccomp profile (`seccompProfile.type: Unconfined`). */
  UNCONFINED_SECCOMP = 'unconfined-seccomp',
  /** A container sees the node's unmasked `/proc` (`procMount: Unmasked`). */
  UNMASKED_PROC_MOUNT = 'unmasked-proc-mount',
  /** The pod or a container sets an SELinux type other than the container ones, or an SELinux user or role. */
  SELINUX_OPTIONS = 'selinux-options',
  /** The pod sets sysctls outside the safe set of the Pod Security Standards. */
  UNSAFE_SYSCTLS = 'unsafe-sysctls',
  /** The pod or a container runs without an AppArmor profile of the runtime or the node (`Unconfined`, or the annotation's `unconfined`). */
  UNCONFINED_APPARMOR = 'unconfined-apparmor',
  /** A Windows container runs as a host process (`windowsOptions.hostProcess: true`). */
  WINDOWS_HOST_PROCESS = 'windows-host-process',
}
