import { argumentError } from './props/prop-errors';

/**
 * A Flink file system plugin that the official Flink images ship in `/opt/flink/opt`, for state,
 * savepoints, high availability or jars on object storage. A cluster's `fileSystemPlugins`
 * enable them with `ENABLE_BUILT_IN_PLUGINS` on the main container of the JobManager and the
 * TaskManagers.
 *
 * The jar names carry the image's exact Flink version (`flink-s3-fs-hadoop-1.20.1.jar`), and the
 * image's entrypoint stops the container when a name does not exist. So the cluster's `image`
 * must pin the Flink release (`flink:1.20.1`, `apache/flink:1.20.1-java17`), from which the jar
 * names follow; for any other image, name the jar with `FileSystemPlugin.fromJarName()`.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/filesystems/plugins/
 */
export class FileSystemPlugin {
  /** S3 through Hadoop's S3A client: `s3://` and `s3a://` (jar `flink-s3-fs-hadoop-<version>.jar`). */
  public static readonly S3_HADOOP = new FileSystemPlugin('flink-s3-fs-hadoop');

  /** S3 through Presto's client: `s3://` and `s3p://` (jar `flink-s3-fs-presto-<version>.jar`). */
  public static readonly S3_PRESTO = new FileSystemPlugin('flink-s3-fs-presto');

  /** Google Cloud Storage: `gs://` (jar `flink-gs-fs-hadoop-<version>.jar`). */
  public static readonly GCS = new FileSystemPlugin('flink-gs-fs-hadoop');

  /** Azure Blob Storage and Data Lake Storage Gen2: `wasb(s)://`, `abfs(s)://` (jar `flink-azure-fs-hadoop-<version>.jar`). */
  public static readonly AZURE = new FileSystemPlugin('flink-azure-fs-hadoop');

  /** Alibaba Cloud OSS: `oss://` (jar `flink-oss-fs-hadoop-<version>.jar`). */
  public static readonly OSS = new FileSystemPlugin('flink-oss-fs-hadoop');

  /**
   * A plugin by its exact jar name in the image's `/opt/flink/opt`, e.g.
   * `flink-s3-fs-hadoop-1.20.1.jar`: for an image whose tag does not pin the Flink release.
   */
  public static fromJarName(jarName: string): FileSystemPlugin {
    if (!/^flink-[a-z0-9-]+-\d+\.\d+\.\d+(-[A-Za-z0-9.]+)?\.jar$/.test(jarName)) {
      throw argumentError('FileSystemPlugin.fromJarName', 'jarName', `'jarName' must be a plugin jar of /opt/flink/opt with its Flink version, e.g. 'flink-s3-fs-hadoop-1.20.1.jar' (got '${jarName}').`);
    }
    return new FileSystemPlugin(jarName.replace(/-\d+\.\d+\.\d+(-[A-Za-z0-9.]+)?\.jar$/, ''), jarName);
  }

  private constructor(
    /** The plugin's jar name without version, e.g. `flink-s3-fs-hadoop`. */
    public readonly name: string,
    /** The exact jar name, when given. */
    public readonly jarName?: string,
  ) {}

  /**
   * The jar name for a Flink release, e.g. `flink-s3-fs-hadoop-1.20.1.jar`.
   *
   * @param release the image's Flink release, e.g. `1.20.1`
   */
  public jarFor(release: string): string {
    return this.jarName ?? `${this.name}-${release}.jar`;
  }
}
