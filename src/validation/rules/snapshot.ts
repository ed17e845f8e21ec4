/**
 * FlinkStateSnapshot rules.
 */
import { FlinkVersion } from '../../flink-version';
import { flinkVersionOf, sessionClusterOf } from '../configuration';
import { RuleContext } from '../context';

const JOB_KINDS = ['FlinkDeployment', 'FlinkSessionJob'];

export function checkSnapshot(context: RuleContext): void {
  const { savepoint, checkpoint, jobReference } = context.spec;
  const hasSavepoint = savepoint !== undefined && savepoint !== null;
  const hasCheckpoint = checkpoint !== undefined && checkpoint !== null;
  if (hasSavepoint === hasCheckpoint) {
    context.report('snapshot-type', 'spec',
      `A FlinkStateSnapshot needs exactly one of spec.savepoint and spec.checkpoint (got ${hasSavepoint ? 'both' : 'neither'}). Use 'savepoint: {}' or 'checkpoint: {}'.`);
    return;
  }
  if (hasSavepoint && savepoint.alreadyExists === true) {
    return;
  }
  if (jobReference === undefined || jobReference === null) {
    context.report('snapshot-job-reference', 'spec.jobReference',
      `spec.jobReference must name the job to snapshot, e.g. { kind: FlinkDeployment, name: my-job }${hasSavepoint ? ', unless spec.savepoint.alreadyExists records an existing savepoint' : ''}.`);
    return;
  }
  const { kind, name } = jobReference;
  if (typeof kind !== 'string' || typeof name !== 'string') {
    const missing = typeof kind !== 'string' ? 'kind' : 'name';
    context.report('snapshot-job-reference', `spec.jobReference.${missing}`,
      `spec.jobReference.${missing} must be set; the operator cannot find the snapshot's job without it.`);
    return;
  }
  if (!JOB_KINDS.includes(kind)) {
    return; // the schema rule reports the enum
  }
  const state = context.manifest.status?.state;
  if (state !== undefined && state !== null && state !== 'TRIGGER_PENDING') {
    return;
  }
  const target = context.index.find(kind, name, context.namespace);
  if (target === undefined) {
    context.report('snapshot-target-missing', 'spec.jobReference',
      `spec.jobReference names ${kind} '${name}', which is not in this set; the operator rejects the snapshot if it does not exist in namespace '${context.namespace ?? '<applied namespace>'}'.`);
  } else if (kind === 'FlinkDeployment' && (target.spec?.job === undefined || target.spec?.job === null)) {
    context.report('snapshot-job-reference', 'spec.jobReference.name',
      `spec.jobReference names FlinkDeployment '${name}', a session cluster without a job; snapshot a FlinkSessionJob or an application FlinkDeployment instead.`);
  } else if (hasCheckpoint) {
    // The operator's snapshot reconciler fails a checkpoint snapshot of a job before Flink 1.17,
    // whose REST API cannot trigger checkpoints ("Manual checkpoint triggering is not supported").
    const cluster = kind === 'FlinkDeployment' ? target : sessionClusterOf(context.index, target);
    const version = flinkVersionOf(cluster?.spec?.flinkVersion);
    if (version !== undefined && !version.isAtLeast(FlinkVersion.V1_17)) {
      context.report('snapshot-checkpoint-version', 'spec.checkpoint',
        `spec.checkpoint asks Flink ${version.major}.${version.minor} (${kind} '${name}') for a checkpoint, which only Flink 1.17 and newer can trigger on request: the operator fails the snapshot ("Manual checkpoint triggering is not supported for this Flink job (requires Flink 1.17+)"). Take a savepoint snapshot instead, or upgrade the job.`);
    }
  }
}
