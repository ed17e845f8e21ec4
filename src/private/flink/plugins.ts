/**
 * Flink's file system plugins as the official images ship them: jars in `/opt/flink/opt`, named
 * `flink-<name>-<Flink version>.jar`, that the entrypoint links into `/opt/flink/plugins/<jar
 * name without .jar>/` when `ENABLE_BUILT_IN_PLUGINS` names them (`;`-separated; the entrypoint
 * turns `;` into spaces and exits with "Plugin <jar> does not exist" for a name it cannot find).
 *
 * Schemes per plugin, from the plugins' file system factories: S3 (Hadoop: `s3`, `s3a`; Presto:
 * `s3`, `s3p`), Google Cloud Storage (`gs`), Azure (`wasb`, `wasbs` for Blob storage, `abfs`,
 * `abfss` for Data Lake Gen2), Alibaba OSS (`oss`).
 */

/** A file system plugin of the official images. */
export interface FileSystemPluginFamily {
  /** The jar name before the version, e.g. `flink-s3-fs-hadoop`. */
  readonly jar: string;
  /** The URI schemes it serves. */
  readonly schemes: ReadonlyArray<string>;
}

export const FILE_SYSTEM_PLUGINS: ReadonlyArray<FileSystemPluginFamily> = [
  { jar: 'flink-s3-fs-hadoop', schemes: ['s3', 's3a'] },
  { jar: 'flink-s3-fs-presto', schemes: ['s3', 's3p'] },
  { jar: 'flink-gs-fs-hadoop', schemes: ['gs'] },
  { jar: 'flink-azure-fs-hadoop', schemes: ['abfs', 'abfss', 'wasb', 'wasbs'] },
  { jar: 'flink-oss-fs-hadoop', schemes: ['oss'] },
];

/** The plugins that serve a scheme (none for schemes Flink serves itself, such as `file` or `hdfs`). */
export function pluginsForScheme(scheme: string): FileSystemPluginFamily[] {
  const lower = scheme.toLowerCase();
  return FILE_SYSTEM_PLUGINS.filter((plugin) => plugin.schemes.includes(lower));
}

/** The jar names an `ENABLE_BUILT_IN_PLUGINS` value lists, as the entrypoint splits it. */
export function builtInPluginJars(value: string): string[] {
  return value.split(/[;\s]+/).filter((jar) => jar !== '');
}

/** The name and Flink version of a plugin jar name, e.g. `flink-s3-fs-hadoop` and `1.20.1`. */
export function parsePluginJar(jar: string): { name: string; version: string; major: number; minor: number } | undefined {
  const match = /^(flink-[a-z0-9-]+?(?:_\d+\.\d+)?)-(\d+)\.(\d+)\.(\d+)(-[A-Za-z0-9.]+)?\.jar$/.exec(jar);
  if (match === null) {
    return undefined;
  }
  return { name: match[1], version: `${match[2]}.${match[3]}.${match[4]}${match[5] ?? ''}`, major: Number(match[2]), minor: Number(match[3]) };
}
