import { S3A_CREDENTIALS_PROVIDER } from './private/options/flink-options';
import { mainKey } from './private/options/option';
import { argumentError } from './props/prop-errors';

/**
 * The cloud identity Flink's pods use to reach state storage, without keys: the cloud's
 * workload identity federation for Kubernetes ServiceAccounts. The annotations go on the
 * ServiceAccounts cdk8s-flink creates for the JobManager and the TaskManagers (both write
 * checkpoints), the pod label on the Flink pods.
 */
export class WorkloadIdentity {
  /**
   * EKS IAM roles for service accounts (IRSA): the accounts are annotated
   * `eks.amazonaws.com/role-arn`, and EKS injects `AWS_ROLE_ARN` and
   * `AWS_WEB_IDENTITY_TOKEN_FILE` into the pods.
   *
   * The S3 file system `flink-s3-fs-hadoop` (Hadoop S3A) does not look for a web identity by
   * default: its default credential chain is static keys, environment variables and the instance
   * profile. So this also sets `fs.s3a.aws.credentials.provider` to the AWS SDK's
   * `com.amazonaws.auth.WebIdentityTokenCredentialsProvider` (Flink's S3 factory relocates the
   * class name to its shaded SDK). EKS Pod Identity needs no annotation: associate the role with
   * the ServiceAccounts through the EKS API instead.
   *
   * @param roleArn the IAM role, e.g. `arn:aws:iam::123456789012:role/flink-checkpoints`
   * @see https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html
   */
  public static awsIamRole(roleArn: string): WorkloadIdentity {
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(roleArn)) {
      throw argumentError('WorkloadIdentity.awsIamRole', 'roleArn', `'roleArn' must be an IAM role ARN such as 'arn:aws:iam::123456789012:role/flink' (got ${JSON.stringify(roleArn)}).`);
    }
    return new WorkloadIdentity({ 'eks.amazonaws.com/role-arn': roleArn }, {},
      [[mainKey(S3A_CREDENTIALS_PROVIDER), 'com.amazonaws.auth.WebIdentityTokenCredentialsProvider']]);
  }

  /**
   * GKE Workload Identity: the accounts are annotated `iam.gke.io/gcp-service-account`. The GCS
   * file system (`flink-gs-fs-hadoop`) uses Application Default Credentials, which the GKE
   * metadata server answers for the Google service account.
   *
   * @param email the Google service account, e.g. `flink@my-project.iam.gserviceaccount.com`
   * @see https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity
   */
  public static gcpServiceAccount(email: string): WorkloadIdentity {
    if (!/^[a-z0-9][a-z0-9.-]*@[a-z0-9][a-z0-9.-]*\.gserviceaccount\.com$/.test(email)) {
      throw argumentError('WorkloadIdentity.gcpServiceAccount', 'email', `'email' must be a Google service account such as 'flink@my-project.iam.gserviceaccount.com' (got ${JSON.stringify(email)}).`);
    }
    return new WorkloadIdentity({ 'iam.gke.io/gcp-service-account': email }, {}, []);
  }

  /**
   * Azure Workload Identity: the accounts are annotated `azure.workload.identity/client-id` (and
   * `azure.workload.identity/tenant-id`), the pods labelled `azure.workload.identity/use: "true"`,
   * and the webhook injects `AZURE_CLIENT_ID`, `AZURE_TENANT_ID` and
   * `AZURE_FEDERATED_TOKEN_FILE`. Configure the file system to use them (ABFS's
   * `WorkloadIdentityTokenProvider` needs Hadoop 3.4).
   *
   * @param clientId the client id of the managed identity or application
   * @param tenantId its tenant, when not the cluster's
   * @see https://azure.github.io/azure-workload-identity/docs/
   */
  public static azureClientId(clientId: string, tenantId?: string): WorkloadIdentity {
    const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
    for (const [param, value] of [['clientId', clientId], ['tenantId', tenantId]] as const) {
      if (value !== undefined && !guid.test(value)) {
        throw argumentError('WorkloadIdentity.azureClientId', param, `'${param}' must be a GUID such as '00000000-0000-0000-0000-000000000000' (got ${JSON.stringify(value)}).`);
      }
    }
    return new WorkloadIdentity({
      'azure.workload.identity/client-id': clientId,
      ...(tenantId === undefined ? {} : { 'azure.workload.identity/tenant-id': tenantId }),
    }, { 'azure.workload.identity/use': 'true' }, []);
  }

  private constructor(
    /** The annotations of the ServiceAccounts. */
    public readonly serviceAccountAnnotations: { [key: string]: string },
    /** The labels of the Flink pods. */
    public readonly podLabels: { [key: string]: string },
    private readonly configuration: Array<[string, string]>,
  ) {}

  /**
   * The Flink configuration entries the identity needs.
   * @internal
   */
  public _configuration(): Array<[string, string]> {
    return [...this.configuration];
  }
}
