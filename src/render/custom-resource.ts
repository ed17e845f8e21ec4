/**
 * The API object of a Flink custom resource as the constructs own it (their default child, id
 * `Resource`): the spec is rendered lazily into its final JSON, so that later `add*` calls count
 * and JSON patches address the real field names (e.g. `jarURI`), and once per synth (see
 * synth-session.ts).
 */
import { ApiObject, ApiObjectMetadata, GroupVersionKind, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { renderedInSession } from '../synth/synth-session';

export class FlinkCustomResource extends ApiObject {
  /**
   * @param renderSpecJson renders the spec as manifest JSON, e.g. with the generated
   * `toJson_FlinkDeploymentSpec`
   */
  constructor(scope: Construct, id: string, kind: GroupVersionKind, metadata: ApiObjectMetadata, renderSpecJson: () => any) {
    super(scope, id, { ...kind, metadata, spec: Lazy.any({ produce: renderSpecJson }) });
  }

  public toJson(): any {
    return renderedInSession(this, () => super.toJson());
  }
}
