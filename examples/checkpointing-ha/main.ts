/**
 * The operator's `basic-checkpoint-ha.yaml` example: an application with checkpoints,
 * savepoints and Kubernetes high availability, all on a host volume, upgraded with savepoints.
 *
 * Intended differences from the upstream manifest (checked by test/examples/stateful-parity.test.ts):
 * - the checkpoint and savepoint directories are written with the key names Flink 2.x reads,
 *   `execution.checkpointing.dir` and `execution.checkpointing.savepoint-dir` (upstream:
 *   the deprecated `state.checkpoints.dir` and `state.savepoints.dir`), all keys flat;
 * - `spec.podTemplate` carries the restricted security defaults next to the volume, whose
 *   hostPath is granted with `allowedPodPrivileges`;
 * - `flinkConfiguration` values are strings.
 */
import { App, Chart } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import { FlinkApplication, FlinkVersion, HighAvailability, JobJar, JobState, PodPrivilege, SavepointFormat, UpgradeMode } from '../../src';

/** A host directory mounted at /flink-data, as the upstream example uses for its state. */
export const FLINK_DATA_VOLUME = {
  spec: {
    containers: [{ name: 'flink-main-container', volumeMounts: [{ mountPath: '/flink-data', name: 'flink-volume' }] }],
    volumes: [{ name: 'flink-volume', hostPath: { path: '/tmp/flink', type: 'Directory' } }],
  },
};

export class CheckpointingHaChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new FlinkApplication(this, 'StateMachine', {
      metadata: { name: 'basic-checkpoint-ha-example' },
      flinkVersion: FlinkVersion.V2_2,
      serviceAccount: ServiceAccount.fromServiceAccountName(this, 'FlinkServiceAccount', 'flink'),
      taskManager: { slots: 2 },
      podTemplate: FLINK_DATA_VOLUME,
      // A hostPath volume is a privilege the restricted defaults take away: granted explicitly.
      // It is reported at synth (pod-privileges); use a PersistentVolumeClaim or object storage in production.
      allowedPodPrivileges: [PodPrivilege.HOST_PATH_VOLUMES],
      // No interval: the StateMachine example turns checkpointing on in its code.
      checkpointing: { directory: 'file:///flink-data/checkpoints' },
      savepoints: { directory: 'file:///flink-data/savepoints', formatType: SavepointFormat.NATIVE },
      highAvailability: HighAvailability.kubernetes({ storageDirectory: 'file:///flink-data/ha' }),
      jar: JobJar.fromLocal('/opt/flink/examples/streaming/StateMachineExample.jar'),
      parallelism: 2,
      upgradeMode: UpgradeMode.SAVEPOINT,
      state: JobState.RUNNING,
      savepointTriggerNonce: 0,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new CheckpointingHaChart(app, 'checkpointing-ha');
  app.synth();
}
