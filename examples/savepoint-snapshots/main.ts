/**
 * The operator's snapshot examples as FlinkStateSnapshot constructs, one chart each:
 * - `snapshot-checkpoint.yaml`: a checkpoint of a deployment defined elsewhere;
 * - `snapshot-savepoint-job-full-spec.yaml`: a savepoint with every option;
 * - `snapshot-job-from-savepoint.yaml`: an existing savepoint, and an application that starts
 *   from it.
 *
 * Intended differences from the upstream manifests (checked by test/examples/stateful-parity.test.ts):
 * - the directories are written with the key names Flink 2.x reads
 *   (`execution.checkpointing.dir`, `execution.checkpointing.savepoint-dir`), flat;
 * - `spec.podTemplate` carries the restricted security defaults next to the volume.
 */
import { App, Chart } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
// In your own app: import { ... } from 'cdk8s-flink';
import {
  FlinkApplication,
  FlinkStateSnapshot,
  FlinkVersion,
  JobJar,
  JobReference,
  PodPrivilege,
  SavepointFormat,
  SnapshotType,
  UpgradeMode,
} from '../../src';
import { FLINK_DATA_VOLUME } from '../checkpointing-ha/main';

export const SAVEPOINT_PATH = 'file:///flink-data/savepoints/savepoint-45305c-d867504446e0';

/** snapshot-checkpoint.yaml */
export class CheckpointSnapshotChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new FlinkStateSnapshot(this, 'Checkpoint', {
      metadata: { name: 'example-checkpoint' },
      snapshot: SnapshotType.checkpoint(),
      job: JobReference.deploymentName('example-deployment'),
      backoffLimit: 0,
    });
  }
}

/** snapshot-savepoint-job-full-spec.yaml */
export class SavepointSnapshotChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new FlinkStateSnapshot(this, 'Savepoint', {
      metadata: { name: 'example-savepoint' },
      snapshot: SnapshotType.savepoint({ path: '/flink-data/savepoints-custom', formatType: SavepointFormat.CANONICAL, disposeOnDelete: true }),
      job: JobReference.deploymentName('example-deployment'),
      backoffLimit: 0,
    });
  }
}

/** snapshot-job-from-savepoint.yaml */
export class JobFromSavepointChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new FlinkStateSnapshot(this, 'Savepoint', {
      metadata: { name: 'example-savepoint' },
      snapshot: SnapshotType.existingSavepoint(SAVEPOINT_PATH),
    });
    new FlinkApplication(this, 'Deployment', {
      metadata: { name: 'example-deployment' },
      flinkVersion: FlinkVersion.V2_2,
      serviceAccount: ServiceAccount.fromServiceAccountName(this, 'FlinkServiceAccount', 'flink'),
      podTemplate: FLINK_DATA_VOLUME,
      allowedPodPrivileges: [PodPrivilege.HOST_PATH_VOLUMES],
      checkpointing: { directory: 'file:///flink-data/checkpoints' },
      savepoints: { directory: 'file:///flink-data/savepoints' },
      jar: JobJar.fromLocal('/opt/flink/examples/streaming/StateMachineExample.jar'),
      parallelism: 2,
      upgradeMode: UpgradeMode.SAVEPOINT,
      initialSavepointPath: SAVEPOINT_PATH,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new CheckpointSnapshotChart(app, 'snapshot-checkpoint');
  new SavepointSnapshotChart(app, 'snapshot-savepoint');
  new JobFromSavepointChart(app, 'job-from-savepoint');
  app.synth();
}
