/**
 * Credentials from Secrets and workload identity: in the form each file system plugin reads,
 * on the main container of the JobManager and the TaskManagers, never in flinkConfiguration.
 */
import { ServiceAccount } from 'cdk8s-plus-28';
import { FileSystemCredentials, FlinkJobRbac, FlinkSessionCluster, FlinkValidator, FlinkVersion, WorkloadIdentity } from '../../src';
import { EffectiveConfiguration } from '../../src/private/options/effective-configuration';
import { effectivePods } from '../../src/validation/pods/effective-pods';
import { manifestOf, synthValid, testChart } from '../support/manifests';

function synth(props: object): any[] {
  const chart = testChart();
  new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20, ...props });
  return synthValid(chart);
}

/** The main container of the JobManager and TaskManager pods, as the operator merges the templates. */
function mainContainers(spec: any): any[] {
  return effectivePods(spec, EffectiveConfiguration.merge(undefined)).map((pod) => pod.spec.containers.find((c: any) => c.name === 'flink-main-container'));
}

const secretEnv = (name: string, secret: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });

describe('FileSystemCredentials', () => {
  test('S3: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the Secret, on both processes, even next to their own variables', () => {
    const manifests = synth({
      fileSystemCredentials: [FileSystemCredentials.s3FromSecret('s3-credentials', { accessKeyId: 'id', secretAccessKey: 'secret', sessionToken: 'token' })],
      taskManager: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'TZ', value: 'UTC' }] }] } } },
    });
    const spec = manifestOf(manifests, 'FlinkDeployment', 'session').spec;
    const expected = [secretEnv('AWS_ACCESS_KEY_ID', 's3-credentials', 'id'), secretEnv('AWS_SECRET_ACCESS_KEY', 's3-credentials', 'secret'), secretEnv('AWS_SESSION_TOKEN', 's3-credentials', 'token')];
    const [jobManager, taskManager] = mainContainers(spec);
    expect(jobManager.env).toEqual(expected);
    expect(taskManager.env).toEqual([...expected, { name: 'TZ', value: 'UTC' }]);
    expect(spec.flinkConfiguration).toEqual({ 'kubernetes.taskmanager.service-account': 'session-taskmanager' });
    expect(FlinkValidator.validate(manifests)).toEqual([]);
  });

  test('Azure Blob Storage: AZURE_STORAGE_KEY and Flink\'s environment key provider for the account', () => {
    const spec = manifestOf(synth({ fileSystemCredentials: [FileSystemCredentials.azureBlobStorageFromSecret('flinkstate', 'azure-key')] }), 'FlinkDeployment', 'session').spec;
    expect(mainContainers(spec)[0].env).toEqual([secretEnv('AZURE_STORAGE_KEY', 'azure-key', 'AZURE_STORAGE_KEY')]);
    expect(spec.flinkConfiguration['fs.azure.account.keyprovider.flinkstate.blob.core.windows.net']).toBe('org.apache.flink.fs.azurefs.EnvironmentVariableKeyProvider');
  });

  test('GCS: the key file mounted read-only, GOOGLE_APPLICATION_CREDENTIALS pointing at it', () => {
    const spec = manifestOf(synth({ fileSystemCredentials: [FileSystemCredentials.gcsFromSecret('gcs-key', 'sa.json')] }), 'FlinkDeployment', 'session').spec;
    const [main] = mainContainers(spec);
    expect(main.env).toEqual([{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/run/secrets/gcs-credentials/sa.json' }]);
    expect(main.volumeMounts).toEqual([{ name: 'gcs-credentials', mountPath: '/var/run/secrets/gcs-credentials', readOnly: true }]);
    expect(spec.podTemplate.spec.volumes).toEqual([{ name: 'gcs-credentials', secret: { secretName: 'gcs-key', items: [{ key: 'sa.json', path: 'sa.json' }] } }]);
  });

  test.each<[string, () => unknown, RegExp]>([
    ['a bad Secret name', () => FileSystemCredentials.s3FromSecret('S3 Keys'), /^FileSystemCredentials\.s3FromSecret: 'secretName' must be a DNS-1123 subdomain/],
    ['a bad key', () => FileSystemCredentials.gcsFromSecret('gcs', 'a/b'), /^FileSystemCredentials\.gcsFromSecret: 'key' must be a Secret or ConfigMap key/],
    ['a bad account', () => FileSystemCredentials.azureBlobStorageFromSecret('Flink_State', 'k'), /'storageAccount' must be an Azure storage account name/],
    ['the same file system twice', () => synth({ fileSystemCredentials: [FileSystemCredentials.s3FromSecret('a'), FileSystemCredentials.s3FromSecret('b')] }),
      /'fileSystemCredentials' sets AWS_ACCESS_KEY_ID twice \(S3 and S3\)/],
    ['S3 keys and an IAM role', () => synth({ fileSystemCredentials: [FileSystemCredentials.s3FromSecret('a')], workloadIdentity: WorkloadIdentity.awsIamRole('arn:aws:iam::123456789012:role/flink') }),
      /gives S3 keys from a Secret, but 'workloadIdentity' an IAM role/],
  ])('refuses %s', (_what, action, message) => {
    expect(action).toThrow(message);
  });
});

describe('WorkloadIdentity', () => {
  test('EKS IRSA: both accounts annotated, S3A told to use the web identity token', () => {
    const manifests = synth({ workloadIdentity: WorkloadIdentity.awsIamRole('arn:aws:iam::123456789012:role/flink-checkpoints') });
    for (const name of ['session', 'session-taskmanager']) {
      expect(manifestOf(manifests, 'ServiceAccount', name).metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/flink-checkpoints' });
    }
    expect(manifestOf(manifests, 'Role', 'session').metadata.annotations).toBeUndefined();
    expect(manifestOf(manifests, 'FlinkDeployment', 'session').spec.flinkConfiguration['fs.s3a.aws.credentials.provider']).toBe('com.amazonaws.auth.WebIdentityTokenCredentialsProvider');
  });

  test('GKE: the Google service account annotation', () => {
    const manifests = synth({ workloadIdentity: WorkloadIdentity.gcpServiceAccount('flink@my-project.iam.gserviceaccount.com') });
    expect(manifestOf(manifests, 'ServiceAccount', 'session-taskmanager').metadata.annotations).toEqual({ 'iam.gke.io/gcp-service-account': 'flink@my-project.iam.gserviceaccount.com' });
    expect(manifestOf(manifests, 'FlinkDeployment', 'session').spec.flinkConfiguration).toEqual({ 'kubernetes.taskmanager.service-account': 'session-taskmanager' });
  });

  test('Azure: the client id on the accounts, the use label on the pods', () => {
    const identity = WorkloadIdentity.azureClientId('11111111-2222-3333-4444-555555555555', '66666666-7777-8888-9999-000000000000');
    const manifests = synth({ workloadIdentity: identity });
    expect(manifestOf(manifests, 'ServiceAccount', 'session').metadata.annotations).toEqual({
      'azure.workload.identity/client-id': '11111111-2222-3333-4444-555555555555',
      'azure.workload.identity/tenant-id': '66666666-7777-8888-9999-000000000000',
    });
    const spec = manifestOf(manifests, 'FlinkDeployment', 'session').spec;
    expect(spec.podTemplate.metadata).toEqual({ labels: { 'azure.workload.identity/use': 'true' } });
  });

  test('FlinkJobRbac takes an identity on its own', () => {
    const chart = testChart();
    new FlinkJobRbac(chart, 'Jobs', { workloadIdentity: WorkloadIdentity.gcpServiceAccount('flink@p-123456.iam.gserviceaccount.com') });
    expect(manifestOf(synthValid(chart), 'ServiceAccount', 'jobs').metadata.annotations).toEqual({ 'iam.gke.io/gcp-service-account': 'flink@p-123456.iam.gserviceaccount.com' });
  });

  test.each<[string, () => unknown, RegExp]>([
    ['a malformed role ARN', () => WorkloadIdentity.awsIamRole('arn:aws:iam::123:user/flink'), /^WorkloadIdentity\.awsIamRole: 'roleArn' must be an IAM role ARN/],
    ['a malformed Google account', () => WorkloadIdentity.gcpServiceAccount('flink@example.com'), /'email' must be a Google service account/],
    ['a malformed client id', () => WorkloadIdentity.azureClientId('flink'), /'clientId' must be a GUID/],
    ['an existing ServiceAccount', () => {
      const chart = testChart();
      return new FlinkSessionCluster(chart, 'Session', {
        flinkVersion: FlinkVersion.V1_20,
        serviceAccount: ServiceAccount.fromServiceAccountName(chart, 'Flink', 'flink'),
        workloadIdentity: WorkloadIdentity.gcpServiceAccount('flink@p-123456.iam.gserviceaccount.com'),
      });
    }, /^test\/Session: 'workloadIdentity' annotates the ServiceAccounts cdk8s-flink creates, but 'serviceAccount' names an existing one \('flink'\)\. Annotate that account yourself \(iam\.gke\.io\/gcp-service-account\)/],
  ])('refuses %s', (_what, action, message) => {
    expect(action).toThrow(message);
  });
});
