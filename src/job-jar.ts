import { uriScheme } from './private/flink/uri';

/**
 * Where a Flink job's jar comes from: the `jarURI` of the job spec.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/job-management/
 */
export class JobJar {
  /**
   * A jar the operator downloads over HTTP(S), e.g. from Maven Central.
   *
   * Session jobs need a jar the operator can fetch; HTTPS is the scheme the operator
   * allows for them by default.
   *
   * @param url an `https://` (or `http://`) URL
   */
  public static fromUrl(url: string): JobJar {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`JobJar.fromUrl: 'url' must be an absolute http(s) URL such as 'https://repo1.maven.org/.../job.jar' (got '${url}').`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new Error(`JobJar.fromUrl: 'url' must use https:// or http:// (got '${url}'). Use JobJar.fromLocal() for a jar inside the image or JobJar.fromUri() for other schemes.`);
    }
    if (!parsed.hostname) {
      throw new Error(`JobJar.fromUrl: 'url' must name a host (got '${url}').`);
    }
    return new JobJar(url);
  }

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
    throw new Error(`JobJar.fromLocal: 'path' must be an absolute path in the image, as '/opt/flink/usrlib/job.jar' or 'local:///opt/flink/usrlib/job.jar' (got '${path}').`);
  }

  /**
   * A jar at any URI with a scheme the operator or Flink can read, e.g. `s3://bucket/job.jar`.
   *
   * @param uri an absolute URI with a scheme
   */
  public static fromUri(uri: string): JobJar {
    if (uriScheme(uri) === undefined) {
      throw new Error(`JobJar.fromUri: 'uri' must start with a scheme such as 'https:', 's3:' or 'local:' (got '${uri}').`);
    }
    return new JobJar(uri);
  }

  private constructor(
    /** The URI written to `spec.job.jarURI`. */
    public readonly uri: string,
  ) {}
}
