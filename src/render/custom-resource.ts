/**
 * The API object of a Flink custom resource as the constructs own it (their default child, id
 * `Resource`): the spec is rendered lazily into its final JSON, so that later `add*` calls count
 * and JSON patches address the real field names (e.g. `jarURI`), and once per synth (see
 * synth-cache.ts).
 */
import { ApiObject, ApiObjectMetadata, GroupVersionKind, JsonPatch, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { cachedOrRendered, markChanged, patchedAsChange } from '../synth/synth-cache';

export class FlinkCustomResource extends ApiObject {
  /**
   * @param renderSpecJson renders the spec as manifest JSON, e.g. with the generated
   * `toJson_FlinkDeploymentSpec`
   */
  constructor(scope: Construct, id: string, kind: GroupVersionKind, metadata: ApiObjectMetadata, renderSpecJson: () => any) {
    super(scope, id, { ...kind, metadata, spec: Lazy.any({ produce: renderSpecJson }) });
    markChanged();
  }

  public toJson(): any {
    return cachedOrRendered(this, () => super.toJson());
  }

  public addJsonPatch(...ops: JsonPatch[]): void {
    patchedAsChange(() => super.addJsonPatch(...ops));
  }
}
