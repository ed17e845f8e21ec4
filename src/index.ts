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
export * from './file-system-plugin';
export * from './restart-strategy';
export * from './autoscaler';
export * from './memory-components';

// Day-two operations
export * from './upgrades';
export * from './health';
export * from './snapshots';
export * from './state-backend';
export * from './execution';

// Web UI and RBAC
export * from './ingress-controller';
export * from './web-ui-authentication';
export * from './aws-load-balancer-authentication';
export * from './web-ui-ingress';
export * from './http-route-authentication';
export * from './web-ui-http-route';
export * from './job-rbac';
export * from './task-manager-rbac';
export * from './file-system-credentials';
export * from './workload-identity';
export * from './network-peer';
export * from './network-policy';

// Metrics
export * from './pod-monitor';

// Memory model
export * from './memory-derivation-options';
export * from './task-manager-memory-breakdown';
export * from './task-manager-memory';
export * from './job-manager-memory-breakdown';
export * from './job-manager-memory';

// Errors
export * from './prop-error';

// Validation
export * from './finding';
export * from './explanation';
export * from './explained-objects';
export * from './validation-rule';
export * from './flink-validator';
export * from './validation-plugin';
export * from './constants';

// GitOps
export * from './argo-cd';
