/**
 * The API object of a Flink custom resource as the constructs use it: the spec is rendered
 * lazily into its final JSON (so JSON patches address the real field names, e.g. `jarURI`),
 * and once per synth (see synth-cache.ts); JSON patches count as changes.
 */
import { ApiObject, ApiObjectMetadata, GroupVersionKind, JsonPatch, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { cachedJson, markChanged } from './synth-cache';

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
    return cachedJson(this.node.root, this) ?? super.toJson();
  }

  public addJsonPatch(...ops: JsonPatch[]): void {
    markChanged();
    super.addJsonPatch(...ops);
  }
}
