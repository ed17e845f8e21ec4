/**
 * The FlinkDeployment API object as the cluster constructs use it: the spec is rendered lazily
 * into its final JSON (so JSON patches address the real field names, e.g. `jarURI`), and once
 * per synth (see synth-cache.ts); JSON patches count as changes.
 */
import { ApiObject, ApiObjectMetadata, JsonPatch, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { cachedJson, markChanged } from './synth-cache';
import { FlinkDeployment, FlinkDeploymentSpec, toJson_FlinkDeploymentSpec } from '../imports/flink.apache.org';

export class FlinkDeploymentResource extends ApiObject {
  constructor(scope: Construct, id: string, metadata: ApiObjectMetadata, renderSpec: () => FlinkDeploymentSpec) {
    super(scope, id, {
      ...FlinkDeployment.GVK,
      metadata,
      spec: Lazy.any({ produce: () => toJson_FlinkDeploymentSpec(renderSpec()) }),
    });
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
