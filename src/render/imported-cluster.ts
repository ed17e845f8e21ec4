import { Construct } from 'constructs';
import { FlinkClusterImportOptions, FlinkClusterType, IFlinkCluster } from '../cluster';
import { FlinkVersion } from '../flink-version';
import { REST_PORT, WEB_SUBMIT } from '../private/options/flink-options';
import { mainKey } from '../private/options/option';

/**
 * A cluster defined outside this app, with what is known of it (what `fromName` returns; a
 * session cluster's also takes jobs, see session-cluster.ts).
 */
export class ImportedFlinkCluster extends Construct implements IFlinkCluster {
  public readonly name: string;
  public readonly namespace?: string;
  public readonly flinkVersion?: FlinkVersion;
  public readonly clusterType: FlinkClusterType;
  private readonly configuration: { [key: string]: string };

  constructor(scope: Construct, id: string, name: string, clusterType: FlinkClusterType, options: FlinkClusterImportOptions) {
    super(scope, id);
    this.name = name;
    this.namespace = options.namespace;
    this.flinkVersion = options.flinkVersion;
    this.clusterType = clusterType;
    this.configuration = { ...options.flinkConfiguration };
  }

  public get flinkConfiguration(): { [key: string]: string } {
    return { ...this.configuration };
  }

  public get restServiceName(): string {
    return `${this.name}-rest`;
  }

  public get restPort(): number {
    const configured = Number(this.configuration[mainKey(REST_PORT)] ?? 8081);
    return Number.isInteger(configured) ? configured : 8081;
  }

  public get webUiAcceptsJarUploads(): boolean {
    return this.clusterType === FlinkClusterType.SESSION
      && String(this.configuration[mainKey(WEB_SUBMIT)] ?? 'true').trim().toLowerCase() !== 'false';
  }
}
