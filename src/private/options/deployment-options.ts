/**
 * The options the operator writes when it turns a FlinkDeployment's spec into the cluster's
 * configuration (`FlinkConfigBuilder` of operator 1.15, see validation/model/), and the
 * Kubernetes options that decide the pods and Services Flink creates from it. Each declaration
 * records the Flink (or operator) constant it mirrors.
 */
import { option, versioned } from './option';
import { BOOLEAN, DOUBLE, enumType, INTEGER, STRING, STRING_LIST } from './value-type';
import { FlinkVersion } from '../../flink-version';

const always = (key: string) => [versioned(key)];

// ----- The image and the accounts -------------------------------------------------------------

/** The image of the JobManager and TaskManager containers (`.ref` from Flink 1.17, the old key still read). */
export const CONTAINER_IMAGE = option({
  keys: [versioned('kubernetes.container.image', { until: FlinkVersion.V1_17 }), versioned('kubernetes.container.image.ref', { since: FlinkVersion.V1_17 })],
  fallbackKeys: [versioned('kubernetes.container.image', { since: FlinkVersion.V1_17 })],
  type: STRING,
  reader: 'flink',
  source: 'KubernetesConfigOptions.CONTAINER_IMAGE (FlinkConfigBuilder.applyImage writes it from spec.image)',
});

export const CONTAINER_IMAGE_PULL_POLICY = option({
  keys: always('kubernetes.container.image.pull-policy'),
  type: enumType(['IfNotPresent', 'Always', 'Never']),
  defaults: [versioned('IfNotPresent')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.CONTAINER_IMAGE_PULL_POLICY (FlinkConfigBuilder.applyImagePullPolicy writes it from spec.imagePullPolicy)',
});

/** The account both processes fall back to: the operator writes spec.serviceAccount here. */
export const SERVICE_ACCOUNT = option({
  keys: always('kubernetes.service-account'),
  type: STRING,
  defaults: [versioned('default')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.KUBERNETES_SERVICE_ACCOUNT (FlinkConfigBuilder.applyServiceAccount writes it from spec.serviceAccount)',
});

export const JOBMANAGER_SERVICE_ACCOUNT = option({
  keys: always('kubernetes.jobmanager.service-account'),
  fallbackKeys: always('kubernetes.service-account'),
  type: STRING,
  defaults: [versioned('default')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.JOB_MANAGER_SERVICE_ACCOUNT (falls back to kubernetes.service-account; a key set here wins over spec.serviceAccount)',
});

// ----- Resources and replicas -----------------------------------------------------------------

export const JOBMANAGER_CPU = option({
  keys: [versioned('kubernetes.jobmanager.cpu', { until: FlinkVersion.V1_17 }), versioned('kubernetes.jobmanager.cpu.amount', { since: FlinkVersion.V1_17 })],
  fallbackKeys: [versioned('kubernetes.jobmanager.cpu', { since: FlinkVersion.V1_17 })],
  type: DOUBLE,
  defaults: [versioned('1.0')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.JOB_MANAGER_CPU (FlinkConfigBuilder.setResource writes it from spec.jobManager.resource.cpu)',
});

export const TASKMANAGER_CPU = option({
  keys: [versioned('kubernetes.taskmanager.cpu', { until: FlinkVersion.V1_17 }), versioned('kubernetes.taskmanager.cpu.amount', { since: FlinkVersion.V1_17 })],
  fallbackKeys: [versioned('kubernetes.taskmanager.cpu', { since: FlinkVersion.V1_17 })],
  type: DOUBLE,
  defaults: [versioned('-1.0')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.TASK_MANAGER_CPU (FlinkConfigBuilder.setResource writes it from spec.taskManager.resource.cpu)',
});

/** `taskmanager.cpu.cores`: when set, the TaskManager's CPU (it beats `kubernetes.taskmanager.cpu.amount`). */
export const TASKMANAGER_CPU_CORES = option({
  keys: always('taskmanager.cpu.cores'),
  type: DOUBLE,
  reader: 'flink',
  source: 'TaskManagerOptions.CPU_CORES (TaskExecutorProcessUtils.getCpuCoresWithFallback reads it before kubernetes.taskmanager.cpu.amount)',
});

export const JOBMANAGER_MEMORY_LIMIT_FACTOR = option({
  keys: always('kubernetes.jobmanager.memory.limit-factor'),
  type: DOUBLE,
  defaults: [versioned('1.0')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.JOB_MANAGER_MEMORY_LIMIT_FACTOR (the container memory limit is the request times this)',
});

export const TASKMANAGER_MEMORY_LIMIT_FACTOR = option({
  keys: always('kubernetes.taskmanager.memory.limit-factor'),
  type: DOUBLE,
  defaults: [versioned('1.0')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.TASK_MANAGER_MEMORY_LIMIT_FACTOR (the container memory limit is the request times this)',
});

export const JOBMANAGER_CPU_LIMIT_FACTOR = option({
  keys: always('kubernetes.jobmanager.cpu.limit-factor'),
  type: DOUBLE,
  defaults: [versioned('1.0')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.JOB_MANAGER_CPU_LIMIT_FACTOR (the container CPU limit is the request times this)',
});

export const TASKMANAGER_CPU_LIMIT_FACTOR = option({
  keys: always('kubernetes.taskmanager.cpu.limit-factor'),
  type: DOUBLE,
  defaults: [versioned('1.0')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.TASK_MANAGER_CPU_LIMIT_FACTOR (the container CPU limit is the request times this)',
});

export const JOBMANAGER_REPLICAS = option({
  keys: always('kubernetes.jobmanager.replicas'),
  type: INTEGER,
  defaults: [versioned('1')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.KUBERNETES_JOBMANAGER_REPLICAS (FlinkConfigBuilder.applyJobManagerSpec writes spec.jobManager.replicas)',
});

/** The TaskManager count of a standalone cluster (native mode starts TaskManagers on demand and ignores it). */
export const STANDALONE_TASKMANAGER_REPLICAS = option({
  keys: always('kubernetes.internal.taskmanager.replicas'),
  type: INTEGER,
  reader: 'operator',
  source: 'StandaloneKubernetesConfigOptionsInternal.KUBERNETES_TASKMANAGER_REPLICAS (FlinkConfigBuilder.applyTaskManagerSpec writes spec.taskManager.replicas)',
});

// ----- The job ---------------------------------------------------------------------------------

export const EXECUTION_TARGET = option({
  keys: always('execution.target'), type: STRING, reader: 'flink', source: 'DeploymentOptions.TARGET (FlinkConfigBuilder.applyJobOrSessionSpec)',
});

export const PIPELINE_JARS = option({
  keys: always('pipeline.jars'), type: STRING_LIST, reader: 'flink', source: 'PipelineOptions.JARS (FlinkConfigBuilder.applyJobOrSessionSpec writes the jarURI of a native application)',
});

export const PIPELINE_CLASSPATHS = option({
  keys: always('pipeline.classpaths'), type: STRING_LIST, reader: 'flink', source: 'PipelineOptions.CLASSPATHS (FlinkConfigBuilder writes the jarURI of a standalone application, local: as file:)',
});

export const PIPELINE_NAME = option({
  keys: always('pipeline.name'), type: STRING, reader: 'flink', source: 'PipelineOptions.NAME (FlinkConfigBuilder.applyJobConfig defaults it to the resource name)',
});

export const PARALLELISM_DEFAULT = option({
  keys: always('parallelism.default'),
  type: INTEGER,
  defaults: [versioned('1')],
  reader: 'flink',
  source: 'CoreOptions.DEFAULT_PARALLELISM (FlinkConfigBuilder.applyJobOrSessionSpec writes the job parallelism, or replicas x slots)',
});

/** Per-vertex parallelism overrides, which a standalone application's parallelism follows. */
export const JOBVERTEX_PARALLELISM_OVERRIDES = option({
  keys: always('pipeline.jobvertex-parallelism-overrides'), type: STRING, reader: 'flink', source: 'PipelineOptions.PARALLELISM_OVERRIDES',
});

export const SHUTDOWN_ON_APPLICATION_FINISH = option({
  keys: always('execution.shutdown-on-application-finish'), type: BOOLEAN, reader: 'flink', source: 'DeploymentOptions.SHUTDOWN_ON_APPLICATION_FINISH',
});

export const SUBMIT_FAILED_JOB_ON_APPLICATION_ERROR = option({
  keys: always('execution.submit-failed-job-on-application-error'), type: BOOLEAN, reader: 'flink', source: 'DeploymentOptions.SUBMIT_FAILED_JOB_ON_APPLICATION_ERROR',
});

export const IGNORE_UNCLAIMED_STATE = option({
  keys: [versioned('execution.savepoint.ignore-unclaimed-state', { until: FlinkVersion.V1_20 }), versioned('execution.state-recovery.ignore-unclaimed-state', { since: FlinkVersion.V1_20 })],
  fallbackKeys: [versioned('execution.savepoint.ignore-unclaimed-state', { since: FlinkVersion.V1_20 })],
  type: BOOLEAN,
  defaults: [versioned('false')],
  reader: 'flink',
  source: 'StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE (the operator writes job.allowNonRestoredState under the old key)',
});

export const APPLICATION_MAIN_CLASS = option({
  keys: always('$internal.application.main'), type: STRING, reader: 'flink', source: 'ApplicationConfiguration.APPLICATION_MAIN_CLASS (FlinkConfigBuilder writes job.entryClass)',
});

export const APPLICATION_ARGS = option({
  keys: always('$internal.application.program-args'), type: STRING_LIST, reader: 'flink', source: 'ApplicationConfiguration.APPLICATION_ARGS (FlinkConfigBuilder writes job.args)',
});

export const STANDALONE_CLUSTER_MODE = option({
  keys: always('kubernetes.internal.cluster-mode'), type: STRING, reader: 'operator', source: 'StandaloneKubernetesConfigOptionsInternal.CLUSTER_MODE',
});

// ----- Services and the web UI -----------------------------------------------------------------

export const REST_SERVICE_EXPOSED_TYPE = option({
  keys: always('kubernetes.rest-service.exposed.type'),
  type: enumType(['ClusterIP', 'NodePort', 'LoadBalancer', 'Headless_ClusterIP']),
  defaults: [versioned('ClusterIP')],
  reader: 'flink',
  source: 'KubernetesConfigOptions.REST_SERVICE_EXPOSED_TYPE (FlinkConfigBuilder sets ClusterIP when it is unset; Flink\'s own default is ClusterIP too)',
});

/** The port the REST server binds in the JobManager pod, which the REST Service targets (falls back to `rest.port`). */
export const REST_BIND_PORT = option({
  keys: always('rest.bind-port'),
  fallbackKeys: always('rest.port'),
  type: STRING,
  defaults: [versioned('8081')],
  reader: 'flink',
  source: 'RestOptions.BIND_PORT (KubernetesJobManagerParameters.getRestBindPort: the REST Service\'s targetPort)',
});

export const JOBMANAGER_RPC_PORT = option({
  keys: always('jobmanager.rpc.port'),
  type: INTEGER,
  defaults: [versioned('6123')],
  reader: 'flink',
  source: 'JobManagerOptions.PORT (the JobManager container port `jobmanager-rpc`)',
});

export const BLOB_SERVER_PORT = option({
  keys: always('blob.server.port'),
  type: STRING,
  defaults: [versioned('0')],
  reader: 'flink',
  source: 'BlobServerOptions.PORT (on Kubernetes "0" becomes 6124: KubernetesClusterDescriptor fixes the port; the container port `blobserver`)',
});

export const TASKMANAGER_RPC_PORT = option({
  keys: always('taskmanager.rpc.port'),
  type: STRING,
  defaults: [versioned('0')],
  reader: 'flink',
  source: 'TaskManagerOptions.RPC_PORT (on Kubernetes "0" becomes 6122; the TaskManager container port `taskmanager-rpc`)',
});

export const WEB_CANCEL = option({
  keys: always('web.cancel.enable'), type: BOOLEAN, defaults: [versioned('true')], reader: 'flink', source: 'WebOptions.CANCEL_ENABLE (FlinkConfigBuilder sets false when it is unset)',
});

/** The Flink version the operator records for the cluster (`spec.flinkVersion`). */
export const FLINK_VERSION = option({
  keys: always('$internal.flink.version'), type: STRING, reader: 'operator', source: 'FlinkConfigBuilder.FLINK_VERSION',
});

// ----- What the operator leaves out of the configuration file ----------------------------------

// FlinkConfMountDecorator writes every entry but these (the pods' own addresses, and the files' own
// locations) into flink-conf.yaml or config.yaml.
export const REST_BIND_ADDRESS = option({ keys: always('rest.bind-address'), type: STRING, reader: 'flink', source: 'RestOptions.BIND_ADDRESS' });
export const JOBMANAGER_BIND_HOST = option({ keys: always('jobmanager.bind-host'), type: STRING, reader: 'flink', source: 'JobManagerOptions.BIND_HOST' });
export const TASKMANAGER_BIND_HOST = option({ keys: always('taskmanager.bind-host'), type: STRING, reader: 'flink', source: 'TaskManagerOptions.BIND_HOST' });
export const TASKMANAGER_HOST = option({ keys: always('taskmanager.host'), type: STRING, reader: 'flink', source: 'TaskManagerOptions.HOST' });
export const CONFIG_FILE = option({ keys: always('kubernetes.config.file'), type: STRING, reader: 'flink', source: 'KubernetesConfigOptions.KUBE_CONFIG_FILE' });
export const DEPLOYMENT_CONFIG_DIR = option({
  keys: always('$internal.deployment.config-dir'), type: STRING, reader: 'operator', source: 'DeploymentOptionsInternal.CONF_DIR (FlinkConfigBuilder.applyLogConfiguration)',
});
