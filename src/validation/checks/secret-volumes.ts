/**
 * The pod volumes Flink adds for `kubernetes.secrets` (`name:/mount/path,...`): its
 * MountSecretsDecorator (Flink 1.15 to 2.x, in the JobManager and TaskManager pods) names the
 * volume of Secret `name` `<name>-volume`, without checking it. A volume name must be a DNS-1123
 * label (at most 63 characters, no `.`), while a Secret name may be a DNS-1123 subdomain (with
 * `.`, up to 253 characters): a Secret name with a `.`, longer than 56 characters, or an
 * unfilled placeholder such as `<jks-secret>` gives a volume Kubernetes refuses, and the pods
 * are never created. The `secret-volume-name` rule and the constructs share this check.
 */
import { placeholderIn } from './placeholders';
import { splitFlinkMap } from '../../private/flink/list-splitter';
import { DNS_1123_LABEL } from '../../private/kubernetes-names';

/** What Flink adds to a Secret's name to name its volume. */
const VOLUME_SUFFIX = '-volume';

/** A Secret of `kubernetes.secrets` whose volume name Kubernetes refuses. */
export interface SecretVolumeProblem {
  readonly secret: string;
  readonly volume: string;
  /** The whole sentence, for messages (starts with "mounts Secret ..."). */
  readonly message: string;
}

/** The Secrets of a `kubernetes.secrets` value whose volume names are invalid (none when the value does not parse: the map's format is another matter). */
export function secretVolumeProblems(value: string): SecretVolumeProblem[] {
  let secrets: Map<string, string>;
  try {
    secrets = splitFlinkMap(value);
  } catch {
    return [];
  }
  const problems: SecretVolumeProblem[] = [];
  for (const secret of secrets.keys()) {
    const volume = `${secret}${VOLUME_SUFFIX}`;
    if (DNS_1123_LABEL.problem(volume) === undefined) {
      continue;
    }
    const placeholder = placeholderIn(secret);
    const why = placeholder !== undefined ? ` ${JSON.stringify(secret)} is an unfilled placeholder, passed as written.`
      : secret.includes('.') ? ' A Secret name may hold \'.\', a volume name may not.'
        : volume.length > 63 ? ` The Secret name has ${secret.length} characters; with '${VOLUME_SUFFIX}' the volume name has ${volume.length}.`
          : '';
    const fix = placeholder !== undefined ? 'Put the Secret\'s name there'
      : 'Mount a Secret whose name is a DNS-1123 label of at most 56 characters, or mount this one with a volume of your own in the pod template';
    problems.push({
      secret,
      volume,
      message: `mounts Secret ${JSON.stringify(secret)}, for which Flink adds the pod volume ${JSON.stringify(volume)}; a volume name must be a DNS-1123 label `
        + `(lowercase letters, digits and '-', at most 63 characters), so Kubernetes refuses the JobManager and TaskManager pods.${why} ${fix}.`,
    });
  }
  return problems;
}
