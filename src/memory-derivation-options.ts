import { FlinkVersion } from './flink-version';

/**
 * Options for `TaskManagerMemory.derive()` and `JobManagerMemory.derive()`.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup/
 */
export interface MemoryDerivationOptions {
  /**
   * The Flink version whose memory rules apply. The rules differ between versions in these points:
   *
   * - `taskmanager.memory.network.max` defaults to `1g` up to Flink 1.16 and is unlimited
   *   (`Long.MAX_VALUE`) from Flink 1.17 (FLINK-30472);
   * - up to Flink 1.20, the legacy heap options (`taskmanager.heap.size`, `taskmanager.heap.mb`,
   *   `jobmanager.heap.size`, `jobmanager.heap.mb`) stand in for the total process memory when it
   *   is not set (as on Kubernetes), and `taskmanager.network.numberOfBuffers` (times
   *   `taskmanager.memory.segment-size`) fixes the network memory when no network memory option is
   *   set; Flink 2.0 removed both (FLINK-33750).
   *
   * Versions before Flink 1.13 are rejected.
   *
   * @default FlinkVersion.V2_2 - the newest version this library knows: unlimited network max, no legacy options
   */
  readonly flinkVersion?: FlinkVersion;
}
