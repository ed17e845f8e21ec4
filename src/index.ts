// Clusters and jobs
export * from './cluster';
export * from './cluster-props';
export * from './cluster-security-props';
export * from './flink-cluster-base';
export * from './flink-deployment-base';
export * from './session-cluster';
export * from './application';
export * from './blue-green-deployment';
export * from './job-options';
export * from './session-job';
export * from './state-snapshot';
export * from './job-jar';
export * from './python-job';
export * from './types';
export * from './pod-privilege';
export * from './flink-version';

// Typed configuration
export * from './checkpointing';
export * from './high-availability';
export * from './restart-strategy';
export * from './autoscaler';
export * from './memory-components';

// Web UI and RBAC
export * from './web-ui-authentication';
export * from './web-ui-ingress';
export * from './job-rbac';
export * from './task-manager-rbac';
export * from './file-system-credentials';
export * from './workload-identity';
export * from './network-peer';
export * from './network-policy';

// Memory model
export * from './memory-derivation-options';
export * from './task-manager-memory';
export * from './job-manager-memory';

// Validation
export * from './finding';
export * from './flink-validator';
export * from './validation-plugin';
export * from './constants';

// GitOps
export * from './argo-cd';
