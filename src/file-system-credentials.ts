import { DATA_KEY, SECRET_NAME } from './private/kubernetes-names';
import { argumentError } from './props/prop-errors';

/**
 * The keys of a Secret that holds S3 credentials.
 */
export interface S3SecretKeys {
  /**
   * The key that holds the access key id.
   *
   * @default 'AWS_ACCESS_KEY_ID'
   */
  readonly accessKeyId?: string;

  /**
   * The key that holds the secret access key.
   *
   * @default 'AWS_SECRET_ACCESS_KEY'
   */
  readonly secretAccessKey?: string;

  /**
   * The key that holds a session token, for temporary credentials.
   *
   * @default - no session token
   */
  readonly sessionToken?: string;
}

/** An environment variable of the Flink main container, from a key of a Secret. */
interface SecretEnv {
  readonly name: string;
  readonly secret: string;
  readonly key: string;
}

/**
 * Credentials of a file system plugin (checkpoints, savepoints, HA storage), from a Kubernetes
 * Secret: they reach the JobManager and TaskManager main containers as environment variables
 * (`valueFrom.secretKeyRef`) or a mounted file, in the form the plugin reads, and never appear
 * in `flinkConfiguration`. For keyless access, use `WorkloadIdentity` instead.
 */
export class FileSystemCredentials {
  /**
   * S3 keys for `flink-s3-fs-hadoop` (`s3://`, `s3a://`): the environment variables
   * `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`), which Hadoop S3A's
   * default credential chain reads (`EnvironmentVariableCredentialsProvider`).
   *
   * @param secretName the Secret, in the cluster's namespace
   * @param keys the Secret's keys, when not named like the variables
   */
  public static s3FromSecret(secretName: string, keys: S3SecretKeys = {}): FileSystemCredentials {
    const method = 'FileSystemCredentials.s3FromSecret';
    checkSecret(method, secretName);
    const env: SecretEnv[] = [
      { name: 'AWS_ACCESS_KEY_ID', secret: secretName, key: checkKey(method, 'keys.accessKeyId', keys.accessKeyId ?? 'AWS_ACCESS_KEY_ID') },
      { name: 'AWS_SECRET_ACCESS_KEY', secret: secretName, key: checkKey(method, 'keys.secretAccessKey', keys.secretAccessKey ?? 'AWS_SECRET_ACCESS_KEY') },
      ...(keys.sessionToken === undefined ? [] : [{ name: 'AWS_SESSION_TOKEN', secret: secretName, key: checkKey(method, 'keys.sessionToken', keys.sessionToken) }]),
    ];
    return new FileSystemCredentials('S3', env, [], []);
  }

  /**
   * An Azure Blob Storage account key for `flink-azure-fs-hadoop` (`wasb://`, `wasbs://`): the
   * environment variable `AZURE_STORAGE_KEY`, read by Flink's own
   * `org.apache.flink.fs.azurefs.EnvironmentVariableKeyProvider`, which this sets as the key
   * provider of the account (`fs.azure.account.keyprovider.<account>.blob.core.windows.net`).
   * That provider implements the WASB key provider; ABFS (`abfs://`) does not use it.
   *
   * @param storageAccount the storage account, e.g. `flinkstate`
   * @param secretName the Secret, in the cluster's namespace
   * @param key the Secret's key that holds the account key
   */
  public static azureBlobStorageFromSecret(storageAccount: string, secretName: string, key: string = 'AZURE_STORAGE_KEY'): FileSystemCredentials {
    const method = 'FileSystemCredentials.azureBlobStorageFromSecret';
    if (!/^[a-z0-9]{3,24}$/.test(storageAccount)) {
      throw argumentError(method, 'storageAccount', `'storageAccount' must be an Azure storage account name, 3 to 24 lowercase letters and digits (got ${JSON.stringify(storageAccount)}).`);
    }
    checkSecret(method, secretName);
    return new FileSystemCredentials('Azure Blob Storage', [{ name: 'AZURE_STORAGE_KEY', secret: secretName, key: checkKey(method, 'key', key) }], [], [
      [`fs.azure.account.keyprovider.${storageAccount}.blob.core.windows.net`, 'org.apache.flink.fs.azurefs.EnvironmentVariableKeyProvider'],
    ]);
  }

  /**
   * A Google service account key for `flink-gs-fs-hadoop` (`gs://`): the key file is mounted
   * read-only from the Secret at `/var/run/secrets/gcs-credentials/<key>`, and
   * `GOOGLE_APPLICATION_CREDENTIALS` points at it (Application Default Credentials, which the
   * plugin uses for both its file system and its recoverable writer).
   *
   * @param secretName the Secret, in the cluster's namespace
   * @param key the Secret's key that holds the JSON key file
   */
  public static gcsFromSecret(secretName: string, key: string = 'key.json'): FileSystemCredentials {
    const method = 'FileSystemCredentials.gcsFromSecret';
    checkSecret(method, secretName);
    checkKey(method, 'key', key);
    const volume = { name: 'gcs-credentials', secret: { secretName, items: [{ key, path: key }] } };
    return new FileSystemCredentials('GCS', [], [volume], [], { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: `${GCS_MOUNT_PATH}/${key}` });
  }

  private constructor(
    /** What the credentials are for, for messages. */
    public readonly fileSystem: string,
    private readonly secretEnv: SecretEnv[],
    private readonly volumes: any[],
    private readonly configuration: Array<[string, string]>,
    private readonly plainEnv?: { name: string; value: string },
  ) {}

  /**
   * The environment variables, volumes and mounts of the main container, as Kubernetes JSON.
   * @internal
   */
  public _podAdditions(): { env: any[]; volumes: any[]; volumeMounts: any[] } {
    return {
      env: [
        ...this.secretEnv.map(({ name, secret, key }) => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } })),
        ...(this.plainEnv === undefined ? [] : [this.plainEnv]),
      ],
      volumes: this.volumes,
      volumeMounts: this.volumes.map((volume) => ({ name: volume.name, mountPath: GCS_MOUNT_PATH, readOnly: true })),
    };
  }

  /**
   * The Flink configuration entries the plugin needs.
   * @internal
   */
  public _configuration(): Array<[string, string]> {
    return [...this.configuration];
  }
}

/** Where a GCS key file is mounted. */
const GCS_MOUNT_PATH = '/var/run/secrets/gcs-credentials';

function checkSecret(method: string, secretName: string): void {
  const problem = SECRET_NAME.problem(secretName);
  if (problem !== undefined) {
    throw argumentError(method, 'secretName', `'secretName' ${problem}.`);
  }
}

function checkKey(method: string, param: string, key: string): string {
  const problem = DATA_KEY.problem(key);
  if (problem !== undefined) {
    throw argumentError(method, param, `'${param}' ${problem}.`);
  }
  return key;
}
