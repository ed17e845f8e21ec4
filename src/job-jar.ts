import { uriScheme } from './private/flink/uri';
import { argumentError } from './props/prop-errors';

/**
 * Where a Flink job's jar comes from: the `jarURI` of the job spec.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/job-management/
 */
export class JobJar {
  /**
   * A jar inside the Flink image, e.g. `local:///opt/flink/examples/streaming/StateMachineExample.jar`.
   *
   * Application clusters can run such jars; a session job's jar must be downloadable instead.
   *
   * @param path a `local://` URI or an absolute path in the container
   */
  public static fromLocal(path: string): JobJar {
    if (path.startsWith('local:///')) {
      return new JobJar(path);
    }
    if (path.startsWith('/')) {
      return new JobJar(`local://${path}`);
    }
    throw argumentError('JobJar.fromLocal', 'path', `'path' must be an absolute path in the image, as '/opt/flink/usrlib/job.jar' or 'local:///opt/flink/usrlib/job.jar' (got '${path}').`);
  }

  /**
   * A jar at a URI that the operator or Flink downloads: `https://` (e.g. Maven Central),
   * `s3://`, `gs://`, ...
   *
   * Session jobs need a jar the operator can fetch; HTTPS is the scheme the operator allows for
   * them by default. For a jar inside the Flink image, use `fromLocal`.
   *
   * @param uri an absolute URI with a scheme; an `http(s)://` URL must name a host
   */
  public static fromUri(uri: string): JobJar {
    const scheme = uriScheme(uri)?.toLowerCase();
    if (scheme === undefined) {
      throw argumentError('JobJar.fromUri', 'uri', `'uri' must be an absolute URI with a scheme, such as 'https://repo1.maven.org/.../job.jar' or 's3://bucket/job.jar' (got '${uri}'). Use JobJar.fromLocal() for a jar inside the image.`);
    }
    if (scheme === 'local') {
      throw argumentError('JobJar.fromUri', 'uri', `'uri' is a jar inside the image (got '${uri}'). Use JobJar.fromLocal('${uri}').`);
    }
    if ((scheme === 'http' || scheme === 'https') && httpHost(uri) === undefined) {
      throw argumentError('JobJar.fromUri', 'uri', `an http(s) 'uri' must be an absolute URL that names a host, such as 'https://repo1.maven.org/.../job.jar' (got '${uri}').`);
    }
    return new JobJar(uri);
  }

  private constructor(
    /** The URI written to `spec.job.jarURI`. */
    public readonly uri: string,
  ) {}
}

/** The host an `http(s)://host/...` URL names, or undefined when it names none or does not parse. */
function httpHost(url: string): string | undefined {
  // `new URL` forgives a missing `//` ('https:host/job.jar') or an empty authority
  // ('https:///job.jar'), which Java's URI, as the operator reads it, takes for no host.
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]/i.test(url)) {
    return undefined;
  }
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}
