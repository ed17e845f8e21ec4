/**
 * TaskManager memory derivation, replayed from Flink's own tests (TaskExecutorProcessUtilsTest and
 * ProcessMemoryUtilsTestBase), Flink's documentation examples and real Flink logs.
 *
 * Concrete byte values come from Flink's test configurations (`TaskExecutorProcessUtilsTest`,
 * `ProcessMemoryUtilsTestBase` in flink-runtime, and the TaskManager memory docs of Flink,
 * `docs/content/docs/deployment/memory/mem_setup_tm.md`), checked against
 * Flink's assertions and real logs) or are derived by hand in the comment next to them from Flink's
 * documented rules: fractions are Java floats widened to double (0.1f = 0.10000000149011612,
 * 0.4f = 0.4000000059604645, 0.2f = 0.20000000298023224), products are truncated, and the inverse
 * fraction f / (1 - f) is formed in double first. None is computed by the code under test.
 */
import { FlinkVersion } from '../../src/flink-version';
import { TaskManagerMemory } from '../../src/task-manager-memory';
import { TaskManagerMemoryBreakdown } from '../../src/task-manager-memory-breakdown';

const MB = 1024 * 1024;
const GB = 1024 * MB;
const mb = (n: number) => n * MB;

type Config = { [key: string]: string };

/** Flink's `BigDecimal.valueOf(bytes) × BigDecimal(decimal)` truncated, for the decimal string of a widened float. */
function flinkMultiply(bytes: number, decimal: string): number {
  const [integerPart, fractionPart = ''] = decimal.split('.');
  return Number((BigInt(bytes) * BigInt(integerPart + fractionPart)) / 10n ** BigInt(fractionPart.length));
}
const FRACTION_0_2 = '0.20000000298023224'; // Double.toString((double) 0.2f)
const FRACTION_0_5 = '0.5';

function derive(config: Config, flinkVersion?: FlinkVersion): TaskManagerMemoryBreakdown {
  return TaskManagerMemory.derive(config, { flinkVersion });
}

// TaskExecutorProcessUtilsTest base configurations
const BASE: { [name: string]: Config } = {
  A: { 'taskmanager.memory.task.heap.size': '100m', 'taskmanager.memory.managed.size': '200m' }, // configWithExplicitTaskHeapAndManageMem
  B: { 'taskmanager.memory.flink.size': '1280m' }, // configWithExplicitTotalFlinkMem
  C: { 'taskmanager.memory.flink.size': '1280m', 'taskmanager.memory.task.heap.size': '100m' }, // configWithExplicitTotalFlinkAndTaskHeapMem
  D: { 'taskmanager.memory.flink.size': '1280m', 'taskmanager.memory.managed.size': '200m' }, // configWithExplicitTotalFlinkAndManagedMem
  E: { 'taskmanager.memory.process.size': '1536m' }, // configWithExplicitTotalProcessMem
};
const ALL = ['A', 'B', 'C', 'D', 'E'];
const WITHOUT_EXPLICIT_TASK_HEAP = ['B', 'D', 'E']; // validateInConfigurationsWithoutExplicitTaskHeapMem
const WITHOUT_EXPLICIT_MANAGED = ['B', 'C', 'E']; // validateInConfigurationsWithoutExplicitManagedMem

/** Flink's base assertions per configuration (validateInConfigWith...): what the base fixes. */
function checkBase(name: string, memory: TaskManagerMemoryBreakdown): void {
  switch (name) {
    case 'A':
      expect([memory.taskHeap, memory.managed]).toEqual([mb(100), mb(200)]);
      break;
    case 'B':
      expect(memory.totalFlink).toBe(mb(1280));
      break;
    case 'C':
      expect([memory.totalFlink, memory.taskHeap]).toEqual([mb(1280), mb(100)]);
      break;
    case 'D':
      expect([memory.totalFlink, memory.managed]).toEqual([mb(1280), mb(200)]);
      break;
    default:
      expect(memory.totalProcess).toBe(mb(1536));
  }
}

/** The results are the same with the 1g network max (up to 1.16) and the unlimited one (1.17+), and with or without legacy options. */
const VERSIONS = [FlinkVersion.of('v1_13'), FlinkVersion.V1_16, FlinkVersion.V1_17, FlinkVersion.V1_20, FlinkVersion.V2_0, FlinkVersion.V2_2];

/** Every base configuration under every version, with a custom configuration added. */
function inConfigs(names: string[]): Array<[string, FlinkVersion]> {
  return names.flatMap((name) => VERSIONS.map((version): [string, FlinkVersion] => [name, version]));
}

describe('TaskExecutorProcessUtilsTest base configurations, component by component', () => {
  // the TaskExecutorProcessUtilsTest configurations, computed by hand (values identical for network max 1g and unlimited)
  const expected: { [name: string]: number[] } = {
    //    fh         foh        th         toh  network    managed    flink       metaspace  overhead
    A: [134217728, 134217728, 104857600, 0, 67108864, 209715200, 650117120, 268435456, 201326592],
    B: [134217728, 134217728, 402653174, 0, 134217730, 536870920, 1342177280, 268435456, 201326592],
    C: [134217728, 134217728, 104857600, 0, 432013304, 536870920, 1342177280, 268435456, 201326592],
    D: [134217728, 134217728, 729808894, 0, 134217730, 209715200, 1342177280, 268435456, 201326592],
    E: [134217728, 134217728, 301989880, 0, 114085070, 456340282, 1140850688, 268435456, 201326592],
  };

  test.each(inConfigs(ALL))('config %s with Flink %s', (name, version) => {
    const [fh, foh, th, toh, network, managed, flink, metaspace, overhead] = expected[name];
    const memory = derive(BASE[name], version);
    expect(memory).toEqual({
      frameworkHeap: fh,
      frameworkOffHeap: foh,
      taskHeap: th,
      taskOffHeap: toh,
      network,
      managed,
      totalFlink: flink,
      jvmMetaspace: metaspace,
      jvmOverhead: overhead,
      totalProcess: flink + metaspace + overhead,
      jvmHeap: fh + th,
      maxDirectMemory: foh + toh + network,
      maxMetaspace: metaspace,
      jvmArgs: `-Xmx${fh + th} -Xms${fh + th} -XX:MaxDirectMemorySize=${foh + toh + network} -XX:MaxMetaspaceSize=${metaspace}`,
    });
    checkBase(name, memory);
  });

  // hand check of B: 1342177280 × 0.4000000059604645 = 536870920.0000…; × 0.10000000149011612 = 134217730.0000…;
  // task heap = 1342177280 − 2 × 134217728 − 536870920 − 134217730 = 402653174.
  // A: network = (128m + 128m + 100m + 200m = 583008256) × 0.11111111295076065 = 64778696 < 64m min → 67108864.
});

describe('real Flink logs and shipped defaults', () => {
  // Flink 2.0.0 TaskManager log with the shipped default taskmanager.memory.process.size: 1728m, as in real Flink logs
  test('default 1728m TaskManager (Flink 2.0.0 log)', () => {
    expect(derive({ 'taskmanager.memory.process.size': '1728m' }, FlinkVersion.V2_0)).toEqual({
      frameworkHeap: 134217728,
      taskHeap: 402653174,
      frameworkOffHeap: 134217728,
      taskOffHeap: 0,
      network: 134217730,
      managed: 536870920,
      jvmMetaspace: 268435456,
      jvmOverhead: 201326592, // derived from fraction 181193935 ("172.800mb"), raised to the 192m minimum
      totalFlink: 1342177280,
      totalProcess: mb(1728),
      jvmHeap: 536870902,
      maxDirectMemory: 268435458,
      maxMetaspace: 268435456,
      jvmArgs: '-Xmx536870902 -Xms536870902 -XX:MaxDirectMemorySize=268435458 -XX:MaxMetaspaceSize=268435456',
    });
  });

  test('the default is the same under every supported version and the default rules', () => {
    for (const version of [...VERSIONS, undefined]) {
      expect(derive({ 'taskmanager.memory.process.size': '1728m' }, version).jvmArgs)
        .toBe('-Xmx536870902 -Xms536870902 -XX:MaxDirectMemorySize=268435458 -XX:MaxMetaspaceSize=268435456');
    }
  });

  // StreamPark issue log (Flink 1.17): Total Flink 2483027968 with framework heap 1619001344; managed 993211202 and
  // network 248302800 show the fractions acting as 0.4f and 0.1f widened, as in real Flink logs
  test('StreamPark (Flink 1.17) log: fractions of 2483027968 bytes', () => {
    const config = { 'taskmanager.memory.flink.size': '2483027968', 'taskmanager.memory.framework.heap.size': '1619001344b' };
    expect(() => derive(config, FlinkVersion.V1_17)).toThrow(
      /Managed Memory \(947\.200mb \(993211202 bytes\)\) and Network Memory \(236\.800mb \(248302800 bytes\)\) exceed configured Total Flink Memory \(2\.313gb \(2483027968 bytes\)\)\./,
    );
  });

  // blog log: "The configured Total Process Memory size (3.000gb ...) is less than the sum of the derived Total Flink Memory size (4.000gb ...)
  // and the configured or default JVM Metaspace size  (256.000mb ...)." (two spaces before the last parenthesis)
  test('blog log: process 3g with flink 4g', () => {
    expect(() => derive({ 'taskmanager.memory.process.size': '3g', 'taskmanager.memory.flink.size': '4g' })).toThrow(
      'IllegalConfigurationException: The configured Total Process Memory size (3.000gb (3221225472 bytes)) is less than the sum of the derived '
      + 'Total Flink Memory size (4.000gb (4294967296 bytes)) and the configured or default JVM Metaspace size  (256.000mb (268435456 bytes)).',
    );
  });
});

describe('Flink documentation examples (mem_setup.md, "Capped Fractionated Components")', () => {
  // "total Flink memory = 1000MB, network min = 64MB, network max = 128MB, network fraction = 0.1:
  //  the network memory will be 1000MB x 0.1 = 100MB" — exactly 1048576000 × 0.10000000149011612 = 104857601.56… → 104857601
  test('network from its fraction, within the range', () => {
    const memory = derive({
      'taskmanager.memory.flink.size': '1000m',
      'taskmanager.memory.network.min': '64m',
      'taskmanager.memory.network.max': '128m',
      'taskmanager.memory.network.fraction': '0.1',
    });
    expect(memory.network).toBe(104857601);
  });

  // "network min = 128MB, network max = 256MB ... the network memory will be 128MB because the size derived from
  //  fraction is 100MB and it is less than the minimum"
  test('network from its fraction, raised to the minimum', () => {
    const memory = derive({
      'taskmanager.memory.flink.size': '1000m',
      'taskmanager.memory.network.min': '128m',
      'taskmanager.memory.network.max': '256m',
      'taskmanager.memory.network.fraction': '0.1',
    });
    expect(memory.network).toBe(mb(128));
  });

  // "total Flink memory = 1000MB, task heap = 100MB, network min = 64MB, network max = 256MB, network fraction = 0.1:
  //  the network memory is not the fraction but the rest of the total Flink memory, within 64-256MB or fail".
  // managed = 1048576000 × 0.4000000059604645 = 419430406.25 → 419430406; rest = 1048576000 − 256m − 100m − 419430406 = 255852538
  test('network as the rest of the total Flink memory', () => {
    const memory = derive({
      'taskmanager.memory.flink.size': '1000m',
      'taskmanager.memory.task.heap.size': '100m',
      'taskmanager.memory.network.min': '64m',
      'taskmanager.memory.network.max': '256m',
      'taskmanager.memory.network.fraction': '0.1',
    });
    expect([memory.managed, memory.network]).toEqual([419430406, 255852538]);
  });
});

describe('ProcessMemoryUtilsTestBase (TaskManager)', () => {
  // testGenerateJvmParameters: heap 1m, direct 2m, metaspace 3m give all four flags
  // (a TaskManager with framework heap/off-heap 0, task heap 1m, network fixed at 2m and metaspace 3m has that spec)
  test('testGenerateJvmParameters', () => {
    const memory = derive({
      'taskmanager.memory.framework.heap.size': '0',
      'taskmanager.memory.framework.off-heap.size': '0',
      'taskmanager.memory.task.heap.size': '1m',
      'taskmanager.memory.managed.size': '0',
      'taskmanager.memory.network.min': '2m',
      'taskmanager.memory.network.max': '2m',
      'taskmanager.memory.jvm-metaspace.size': '3m',
    });
    expect(memory.jvmArgs).toBe('-Xmx1048576 -Xms1048576 -XX:MaxDirectMemorySize=2097152 -XX:MaxMetaspaceSize=3145728');
    expect([memory.jvmHeap, memory.maxDirectMemory, memory.maxMetaspace]).toEqual([mb(1), mb(2), mb(3)]);
  });

  test('testConfigTotalFlinkMemory', () => {
    expect(derive({ 'taskmanager.memory.flink.size': '1g' }).totalFlink).toBe(GB);
  });

  test('testConfigTotalProcessMemorySize (and TaskExecutorProcessUtilsTest#testConfigTotalProcessMemoryLegacySize)', () => {
    expect(derive({ 'taskmanager.memory.process.size': '2g' }).totalProcess).toBe(2 * GB);
  });

  test('testExceptionShouldContainRequiredConfigOptions', () => {
    expect(() => derive({})).toThrow(/IllegalConfigurationException: Either required fine-grained memory \(taskmanager\.memory\.task\.heap\.size and taskmanager\.memory\.managed\.size\), or Total Flink Memory size \(Key: 'taskmanager\.memory\.flink\.size' , default: null \(fallback keys: \[\]\)\), or Total Process Memory size \(Key: 'taskmanager\.memory\.process\.size' , default: null \(fallback keys: \[\]\)\) need to be configured explicitly\./);
  });

  // testDerivedTotalProcessMemoryGreaterThanConfiguredFailureWithFineGrainedOptions: metaspace 100m, process 200m,
  // five components of 150m / 6 = 26214400; network (inverse fraction of 125m = 14563556) is raised to 64m → Total Flink 189m
  test('testDerivedTotalProcessMemoryGreaterThanConfiguredFailureWithFineGrainedOptions', () => {
    const component = String(mb(150) / 6);
    const config = {
      'taskmanager.memory.jvm-metaspace.size': '100m',
      'taskmanager.memory.process.size': '200m',
      'taskmanager.memory.task.heap.size': component,
      'taskmanager.memory.task.off-heap.size': component,
      'taskmanager.memory.framework.heap.size': component,
      'taskmanager.memory.framework.off-heap.size': component,
      'taskmanager.memory.managed.size': component,
    };
    expect(() => derive(config)).toThrow('The configured Total Process Memory size (200.000mb (209715200 bytes)) is less than the sum of the derived '
      + 'Total Flink Memory size (189.000mb (198180864 bytes)) and the configured or default JVM Metaspace size  (100.000mb (104857600 bytes)).');
  });

  // Flink's test only asserts an IllegalConfigurationException. The TaskManager derives its Flink memory before the JVM overhead
  // (ProcessMemoryUtils order), and 150m cannot even hold the default framework heap and off-heap (2 × 128m), so that fails first;
  // managed = 157286400 × 0.4000000059604645 = 62914560.9 → 62914560, network 15728640 raised to 64m.
  test('testDerivedTotalProcessMemoryGreaterThanConfiguredFailureWithTotalFlinkMemory', () => {
    const config = { 'taskmanager.memory.jvm-metaspace.size': '100m', 'taskmanager.memory.process.size': '200m', 'taskmanager.memory.flink.size': '150m' };
    expect(() => derive(config)).toThrow(
      'Managed Memory (60.000mb (62914560 bytes)) and Network Memory (64.000mb (67108864 bytes)) exceed configured Total Flink Memory (150.000mb (157286400 bytes)).',
    );
    // with components that fit, the process check of the same test fails: 150m + 100m metaspace > 200m
    const fitting = { ...config, 'taskmanager.memory.framework.heap.size': '10m', 'taskmanager.memory.framework.off-heap.size': '10m' };
    expect(() => derive(fitting)).toThrow(/is less than the sum of the derived Total Flink Memory size \(150\.000mb \(157286400 bytes\)\) and the configured or default JVM Metaspace size {2}\(100\.000mb \(104857600 bytes\)\)\./);
  });

  test.each(inConfigs(ALL))('testConfigJvmMetaspaceSize in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.memory.jvm-metaspace.size': '50m' }, version);
    checkBase(name, memory);
    expect([memory.jvmMetaspace, memory.maxMetaspace]).toEqual([mb(50), mb(50)]);
  });

  test.each(inConfigs(ALL))('testConfigJvmOverheadRange in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.memory.jvm-overhead.min': '50m', 'taskmanager.memory.jvm-overhead.max': '200m' }, version);
    checkBase(name, memory);
    expect(memory.jvmOverhead).toBeGreaterThanOrEqual(mb(50));
    expect(memory.jvmOverhead).toBeLessThanOrEqual(mb(200));
  });

  test.each(inConfigs(ALL))('testConfigJvmOverheadRangeFailure in config %s with Flink %s', (name, version) => {
    const config = { ...BASE[name], 'taskmanager.memory.jvm-overhead.min': '200m', 'taskmanager.memory.jvm-overhead.max': '50m' };
    expect(() => derive(config, version)).toThrow(
      "Inconsistently configured Key: 'taskmanager.memory.jvm-overhead.fraction' , default: 0.1 (fallback keys: []) (0.10000000149011612) "
      + 'and its min (200.000mb (209715200 bytes)), max (50.000mb (52428800 bytes)) value\nCaused by: IllegalArgumentException: min value must be less or equal to max value',
    );
  });

  // testConfigJvmOverheadFraction: overhead == totalProcess.multiply(0.2f) in every configuration
  test.each(inConfigs(ALL))('testConfigJvmOverheadFraction in config %s with Flink %s', (name, version) => {
    const memory = derive({
      ...BASE[name],
      'taskmanager.memory.jvm-overhead.min': '0',
      'taskmanager.memory.jvm-overhead.max': '1t',
      'taskmanager.memory.jvm-overhead.fraction': '0.2',
    }, version);
    checkBase(name, memory);
    expect(memory.jvmOverhead).toBe(flinkMultiply(memory.totalProcess, FRACTION_0_2));
  });

  test.each(inConfigs(ALL))('testConfigJvmOverheadFractionFailureNegative / NoLessThanOne in config %s with Flink %s', (name, version) => {
    expect(() => derive({ ...BASE[name], 'taskmanager.memory.jvm-overhead.fraction': '-0.1' }, version))
      .toThrow(/jvm-overhead\.fraction' , default: 0\.1 \(fallback keys: \[\]\) \(-0\.10000000149011612\) and its min .*\nCaused by: IllegalArgumentException: fraction must be in range \[0, 1\)/);
    expect(() => derive({ ...BASE[name], 'taskmanager.memory.jvm-overhead.fraction': '1.0' }, version))
      .toThrow(/jvm-overhead\.fraction' , default: 0\.1 \(fallback keys: \[\]\) \(1\.0\) and its min/);
  });

  const overheadFromProcessAndFlink = {
    'taskmanager.memory.process.size': '1000m',
    'taskmanager.memory.flink.size': '800m',
    'taskmanager.memory.jvm-metaspace.size': '100m',
    'taskmanager.memory.jvm-overhead.max': '200m',
    'taskmanager.memory.jvm-overhead.fraction': '0.5',
  };

  test('testConfigJvmOverheadDeriveFromProcessAndFlinkMemorySize', () => {
    expect(derive({ ...overheadFromProcessAndFlink, 'taskmanager.memory.jvm-overhead.min': '50m' }).jvmOverhead).toBe(mb(100));
  });

  test('testConfigJvmOverheadDeriveFromProcessAndFlinkMemorySizeFailure', () => {
    expect(() => derive({ ...overheadFromProcessAndFlink, 'taskmanager.memory.jvm-overhead.min': '150m' })).toThrow(
      'Derived JVM Overhead size (100.000mb (104857600 bytes)) is not in configured JVM Overhead range [150.000mb (157286400 bytes), 200.000mb (209715200 bytes)].',
    );
  });

  // testConfigTotalProcessMemoryAddUpFailure: Flink only asserts an IllegalConfigurationException. For the TaskManager the Flink memory is
  // derived before JVM overhead (ProcessMemoryUtils order), and with 500m total Flink memory the task heap would be negative:
  // managed = 524288000 × 0.4000000059604645 = 209715203.1 → 209715203, network 52428800 raised to 64m.
  test('testConfigTotalProcessMemoryAddUpFailure', () => {
    const config = {
      'taskmanager.memory.process.size': '699m',
      'taskmanager.memory.flink.size': '500m',
      'taskmanager.memory.jvm-metaspace.size': '100m',
      'taskmanager.memory.jvm-overhead.min': '100m',
      'taskmanager.memory.jvm-overhead.max': '100m',
    };
    expect(() => derive(config)).toThrow(
      'Managed Memory (200.000mb (209715203 bytes)) and Network Memory (64.000mb (67108864 bytes)) exceed configured Total Flink Memory (500.000mb (524288000 bytes)).',
    );
    // with room for the task heap, the overhead check of the same test fails: 699m − 500m − 100m = 99m is not in [100m, 100m]
    expect(() => derive({ ...config, 'taskmanager.memory.managed.size': '0' })).toThrow(
      'Derived JVM Overhead size (99.000mb (103809024 bytes)) is not in configured JVM Overhead range [100.000mb (104857600 bytes), 100.000mb (104857600 bytes)].',
    );
  });

  // testConfigLegacyHeapSize / testConfigLegacyHeapMB / testConfigBothNewOptionAndLegacyHeapSize: on active (Kubernetes) deployments
  // Flink 1.x maps the legacy heap option onto taskmanager.memory.process.size
  test.each([FlinkVersion.of('v1_13'), FlinkVersion.V1_16, FlinkVersion.V1_20])('legacy heap options map onto the total process memory in Flink %s', (version) => {
    expect(derive({ 'taskmanager.heap.size': '1g' }, version).totalProcess).toBe(GB);
    expect(derive({ 'taskmanager.heap.mb': '1024' }, version).totalProcess).toBe(GB);
    expect(derive({ 'taskmanager.memory.process.size': '1g', 'taskmanager.heap.size': '2g' }, version).totalProcess).toBe(GB);
    // taskmanager.heap.size wins over taskmanager.heap.mb (MemoryBackwardsCompatibilityUtils order)
    expect(derive({ 'taskmanager.heap.size': '1g', 'taskmanager.heap.mb': '2048' }, version).totalProcess).toBe(GB);
  });

  test('Flink 2.0 removed the legacy heap options (FLINK-33750)', () => {
    expect(() => derive({ 'taskmanager.heap.size': '1g' }, FlinkVersion.V2_0)).toThrow(/Either required fine-grained memory/);
  });
});

describe('TaskExecutorProcessUtilsTest', () => {
  // testProcessSpecFromWorkerResourceSpec, as configuration: task heap 100m, task off-heap 200m, network 300m, managed 400m.
  // Total Flink = 2 × 128m + 1000m = 1317011456; overhead = (1317011456 + 256m) × 0.11111111295076065 = 176160770 < 192m → 201326592
  test('testProcessSpecFromWorkerResourceSpec (the same sizes as configuration)', () => {
    const memory = derive({
      'taskmanager.memory.task.heap.size': '100m',
      'taskmanager.memory.task.off-heap.size': '200m',
      'taskmanager.memory.network.min': '300m',
      'taskmanager.memory.network.max': '300m',
      'taskmanager.memory.managed.size': '400m',
    });
    expect([memory.taskHeap, memory.taskOffHeap, memory.network, memory.managed]).toEqual([mb(100), mb(200), mb(300), mb(400)]);
    expect([memory.frameworkHeap, memory.frameworkOffHeap]).toEqual([mb(128), mb(128)]);
    expect([memory.totalFlink, memory.jvmOverhead, memory.totalProcess]).toEqual([1317011456, 201326592, 1786773504]);
  });

  test.each(inConfigs(ALL))('testConfigFrameworkHeapMemory in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.memory.framework.heap.size': '100m' }, version);
    checkBase(name, memory);
    expect(memory.frameworkHeap).toBe(mb(100));
  });

  test.each(inConfigs(ALL))('testConfigFrameworkOffHeapMemory in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.memory.framework.off-heap.size': '10m' }, version);
    checkBase(name, memory);
    expect(memory.frameworkOffHeap).toBe(mb(10));
  });

  test.each(inConfigs(WITHOUT_EXPLICIT_TASK_HEAP))('testConfigTaskHeapMemory in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.memory.task.heap.size': '50m' }, version);
    checkBase(name, memory);
    expect(memory.taskHeap).toBe(mb(50));
  });

  test.each(inConfigs(ALL))('testConfigTaskOffheapMemory in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.memory.task.off-heap.size': '50m' }, version);
    checkBase(name, memory);
    expect(memory.taskOffHeap).toBe(mb(50));
  });

  // testConfigNetworkMemoryRange: network within [200m, 500m]; concretely, by hand, A, B, D, E at the 200m minimum,
  // C the rest of Total Flink: 1342177280 − 256m − 100m − 536870920 = 432013304
  test.each(inConfigs(ALL))('testConfigNetworkMemoryRange in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.memory.network.min': '200m', 'taskmanager.memory.network.max': '500m' }, version);
    checkBase(name, memory);
    expect(memory.network).toBeGreaterThanOrEqual(mb(200));
    expect(memory.network).toBeLessThanOrEqual(mb(500));
    expect(memory.network).toBe(name === 'C' ? 432013304 : 209715200);
  });

  // setupConfigWithFlinkAndTaskHeapToDeriveGivenNetworkMem: flink 1280m and managed 200m; the task heap that leaves the wanted network
  // memory is 100m + 724m − wanted (Flink's helper asserts the derived network size in MiB)
  test.each([[400, 424], [500, 324], [176, 648]])('network as the rest: %im with task heap %im', (network, taskHeap) => {
    const memory = derive({
      'taskmanager.memory.flink.size': '1280m',
      'taskmanager.memory.task.heap.size': `${taskHeap}m`,
      'taskmanager.memory.managed.size': '200m',
    });
    expect(memory.network).toBe(mb(network));
  });

  const networkAsTheRest = (network: number) => ({
    'taskmanager.memory.flink.size': '1280m',
    'taskmanager.memory.task.heap.size': `${724 + 100 - network}m`,
    'taskmanager.memory.managed.size': '200m',
  });

  test('testConsistencyCheckOfDerivedNetworkMemoryWithinMinMaxRangeNotMatchingFractionPasses', () => {
    expect(derive({ ...networkAsTheRest(400), 'taskmanager.memory.network.fraction': '0.001' }).network).toBe(mb(400));
  });

  test('testConsistencyCheckOfDerivedNetworkMemoryLessThanMinFails', () => {
    const config = { ...networkAsTheRest(500), 'taskmanager.memory.network.min': '900m', 'taskmanager.memory.network.max': '1000m' };
    expect(() => derive(config)).toThrow(
      'IllegalConfigurationException: If Total Flink, Task Heap and (or) Managed Memory sizes are explicitly configured then the Network Memory size '
      + 'is the rest of the Total Flink memory after subtracting all other configured types of memory, but the derived Network Memory is inconsistent '
      + 'with its configuration.\nCaused by: IllegalConfigurationException: Derived Network Memory size (500.000mb (524288000 bytes)) is not in configured '
      + 'Network Memory range [900.000mb (943718400 bytes), 1000.000mb (1048576000 bytes)].',
    );
  });

  test('testConsistencyCheckOfDerivedNetworkMemoryGreaterThanMaxFails', () => {
    const config = { ...networkAsTheRest(500), 'taskmanager.memory.network.min': '100m', 'taskmanager.memory.network.max': '150m' };
    expect(() => derive(config)).toThrow(/is not in configured Network Memory range \[100\.000mb \(104857600 bytes\), 150\.000mb \(157286400 bytes\)\]/);
  });

  // testConsistencyCheckOfDerivedNetworkMemoryDoesNotMatchLegacyConfigFails: 10 buffers of 16m = 160m, but 176m remain
  test('testConsistencyCheckOfDerivedNetworkMemoryDoesNotMatchLegacyConfigFails (Flink 1.x)', () => {
    const config = { ...networkAsTheRest(176), 'taskmanager.memory.segment-size': '16m', 'taskmanager.network.numberOfBuffers': '10' };
    expect(() => derive(config, FlinkVersion.V1_20)).toThrow(
      'but the derived Network Memory is inconsistent with its configuration.\nCaused by: IllegalConfigurationException: Derived Network Memory size '
      + '(176.000mb (184549376 bytes)) does not match configured Network Memory size (160.000mb (167772160 bytes)).',
    );
    // Flink 2.0 removed taskmanager.network.numberOfBuffers (FLINK-33750): the key is ignored
    expect(derive(config, FlinkVersion.V2_0).network).toBe(mb(176));
  });

  test.each(inConfigs(ALL))('testConfigNetworkMemoryRangeFailure in config %s with Flink %s', (name, version) => {
    const config = { ...BASE[name], 'taskmanager.memory.network.min': '200m', 'taskmanager.memory.network.max': '50m' };
    expect(() => derive(config, version)).toThrow(
      "Inconsistently configured Key: 'taskmanager.memory.network.fraction' , default: 0.1 (fallback keys: [{key=taskmanager.network.memory.fraction, isDeprecated=true}]) "
      + '(0.10000000149011612) and its min (200.000mb (209715200 bytes)), max (50.000mb (52428800 bytes)) value\n'
      + 'Caused by: IllegalArgumentException: min value must be less or equal to max value',
    );
  });

  // testConfigNetworkMemoryFraction: network == totalFlink.multiply(0.2f) in config A; concretely, by hand, network =
  // 583008256 × (0.2f / 0.8f = 0.25000000465661287) = 145752066 and Total Flink = 728760322
  test.each(VERSIONS)('testConfigNetworkMemoryFraction with Flink %s', (version) => {
    const memory = derive({
      ...BASE.A,
      'taskmanager.memory.network.min': '0',
      'taskmanager.memory.network.max': '1t',
      'taskmanager.memory.network.fraction': '0.2',
    }, version);
    checkBase('A', memory);
    expect(memory.network).toBe(flinkMultiply(memory.totalFlink, FRACTION_0_2));
    expect([memory.network, memory.totalFlink]).toEqual([145752066, 728760322]);
  });

  test.each(inConfigs(ALL))('testConfigNetworkMemoryFractionFailure in config %s with Flink %s', (name, version) => {
    expect(() => derive({ ...BASE[name], 'taskmanager.memory.network.fraction': '-0.1' }, version))
      .toThrow(/network\.fraction' .* \(-0\.10000000149011612\) and its min .*\n(.*\n)?Caused by: IllegalArgumentException: fraction must be in range \[0, 1\)/);
    expect(() => derive({ ...BASE[name], 'taskmanager.memory.network.fraction': '1.0' }, version))
      .toThrow(/network\.fraction' .* \(1\.0\) and its min/);
  });

  // testConfigNetworkMemoryLegacyRangeFraction: the deprecated taskmanager.network.memory.* keys
  test.each(inConfigs(ALL))('testConfigNetworkMemoryLegacyRangeFraction (range) in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.network.memory.min': '200m', 'taskmanager.network.memory.max': '500m' }, version);
    checkBase(name, memory);
    expect(memory.network).toBeGreaterThanOrEqual(mb(200));
    expect(memory.network).toBeLessThanOrEqual(mb(500));
  });

  test.each(VERSIONS)('testConfigNetworkMemoryLegacyRangeFraction (fraction) with Flink %s', (version) => {
    const memory = derive({
      ...BASE.A,
      'taskmanager.network.memory.min': '0m',
      'taskmanager.network.memory.max': '1t',
      'taskmanager.network.memory.fraction': '0.2',
    }, version);
    checkBase('A', memory);
    expect(memory.network).toBe(flinkMultiply(memory.totalFlink, FRACTION_0_2));
  });

  test('the current network keys win over the deprecated ones', () => {
    const memory = derive({ ...BASE.B, 'taskmanager.memory.network.min': '300m', 'taskmanager.network.memory.min': '200m' });
    expect(memory.network).toBe(mb(300));
  });

  // testConfigNetworkMemoryLegacyNumOfBuffers: 1024 buffers of 32k = 32m in A, B, D and E (Flink 1.x);
  // concretely, by hand, A: Total Flink 556m + 32m = 616562688; B: task heap 1342177280 − 256m − 536870920 − 32m = 503316472
  test.each(inConfigs(['A', ...WITHOUT_EXPLICIT_TASK_HEAP]).filter(([, version]) => version.major === 1))(
    'testConfigNetworkMemoryLegacyNumOfBuffers in config %s with Flink %s', (name, version) => {
      const memory = derive({ ...BASE[name], 'taskmanager.memory.segment-size': '32k', 'taskmanager.network.numberOfBuffers': '1024' }, version);
      checkBase(name, memory);
      expect(memory.network).toBe(mb(32));
      if (name === 'A') {
        expect(memory.totalFlink).toBe(616562688);
      }
      if (name === 'B') {
        expect(memory.taskHeap).toBe(503316472);
      }
    },
  );

  test('taskmanager.network.numberOfBuffers is ignored once any network option is set, and in Flink 2.x', () => {
    const legacy = { 'taskmanager.memory.segment-size': '32k', 'taskmanager.network.numberOfBuffers': '1024' };
    expect(derive({ ...BASE.B, ...legacy, 'taskmanager.network.memory.fraction': '0.1' }, FlinkVersion.V1_20).network).toBe(134217730);
    expect(derive({ ...BASE.B, ...legacy }, FlinkVersion.V2_0).network).toBe(134217730);
  });

  test.each(inConfigs(WITHOUT_EXPLICIT_MANAGED))('testConfigManagedMemorySize in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.memory.managed.size': '100m' }, version);
    checkBase(name, memory);
    expect(memory.managed).toBe(mb(100));
  });

  // testConfigManagedMemoryLegacySize, with the deprecated key taskmanager.memory.size
  test.each(inConfigs(WITHOUT_EXPLICIT_MANAGED))('testConfigManagedMemoryLegacySize in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.memory.size': '100m' }, version);
    checkBase(name, memory);
    expect(memory.managed).toBe(mb(100));
  });

  test('the deprecated taskmanager.memory.size counts as an explicit managed size for the fine-grained path', () => {
    const memory = derive({ 'taskmanager.memory.task.heap.size': '100m', 'taskmanager.memory.size': '200m' });
    expect([memory.network, memory.totalFlink]).toEqual([67108864, 650117120]); // same as config A
  });

  // testConfigManagedMemoryFraction: managed == totalFlink.multiply(0.5f); concretely, by hand,
  // B: managed 671088640, task heap 268435454; C: managed 671088640, network 297795584; E: managed 570425344, task heap 187904818
  test.each(inConfigs(WITHOUT_EXPLICIT_MANAGED))('testConfigManagedMemoryFraction in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'taskmanager.memory.managed.fraction': '0.5' }, version);
    checkBase(name, memory);
    expect(memory.managed).toBe(flinkMultiply(memory.totalFlink, FRACTION_0_5));
    const concrete: { [name: string]: number[] } = {
      B: [671088640, 268435454, 134217730],
      C: [671088640, 104857600, 297795584],
      E: [570425344, 187904818, 114085070],
    };
    expect([memory.managed, memory.taskHeap, memory.network]).toEqual(concrete[name]);
  });

  test.each(inConfigs(WITHOUT_EXPLICIT_MANAGED))('testConfigManagedMemoryFractionFailure in config %s with Flink %s', (name, version) => {
    expect(() => derive({ ...BASE[name], 'taskmanager.memory.managed.fraction': '-0.1' }, version)).toThrow(
      "Inconsistently configured Key: 'taskmanager.memory.managed.fraction' , default: 0.4 (fallback keys: []) (-0.10000000149011612) "
      + 'and its min (0 bytes), max (8388608.000tb (9223372036854775807 bytes)) value\nCaused by: IllegalArgumentException: fraction must be in range [0, 1)',
    );
    expect(() => derive({ ...BASE[name], 'taskmanager.memory.managed.fraction': '1.0' }, version)).toThrow(/managed\.fraction' .* \(1\.0\) and its min/);
  });

  // testFlinkInternalMemorySizeAddUpFailure: 100m framework heap + 128m framework off-heap + 100m task heap + 100m task off-heap
  // + 100m managed = 528m exceed 499m before network (fixed at 100m) is even considered
  test('testFlinkInternalMemorySizeAddUpFailure', () => {
    const config = {
      'taskmanager.memory.flink.size': '499m',
      'taskmanager.memory.framework.heap.size': '100m',
      'taskmanager.memory.task.heap.size': '100m',
      'taskmanager.memory.task.off-heap.size': '100m',
      'taskmanager.memory.network.min': '100m',
      'taskmanager.memory.network.max': '100m',
      'taskmanager.memory.managed.size': '100m',
    };
    expect(() => derive(config)).toThrow(
      'Sum of configured Framework Heap Memory (100.000mb (104857600 bytes)), Framework Off-Heap Memory (128.000mb (134217728 bytes)), '
      + 'Task Heap Memory (100.000mb (104857600 bytes)), Task Off-Heap Memory (100.000mb (104857600 bytes)) and Managed Memory (100.000mb (104857600 bytes)) '
      + 'exceed configured Total Flink Memory (499.000mb (523239424 bytes)).',
    );
  });

  // testFlinkInternalMemoryFractionAddUpFailure: network and managed fractions 0.6f each, in B and E
  test.each(inConfigs(['B', 'E']))('testFlinkInternalMemoryFractionAddUpFailure in config %s with Flink %s', (name, version) => {
    const config = { ...BASE[name], 'taskmanager.memory.network.fraction': '0.6', 'taskmanager.memory.managed.fraction': '0.6' };
    expect(() => derive(config, version)).toThrow(/IllegalConfigurationException: Sum of configured Framework Heap Memory .*, Managed Memory .* and Network Memory .* exceed configured Total Flink Memory/);
  });

  test('precedence: task heap and managed size win over total Flink and total process memory', () => {
    // fine-grained A plus a consistent total Flink (650117120) and total process (650117120 + 256m + 300m overhead)
    const memory = derive({ ...BASE.A, 'taskmanager.memory.flink.size': '650117120', 'taskmanager.memory.process.size': String(650117120 + mb(256) + mb(300)) });
    expect([memory.network, memory.jvmOverhead]).toEqual([67108864, mb(300)]);
  });
});

describe('network max default per Flink version (FLINK-30472)', () => {
  // process 16g: overhead 1717986918 capped to 1g; Total Flink = 16g − 256m − 1g = 15837691904;
  // managed = 15837691904 × 0.4000000059604645 = 6335076856.0…; network from fraction = 15837691904 × 0.10000000149011612 = 1583769214.0…
  test.each([FlinkVersion.of('v1_13'), FlinkVersion.V1_16])('is 1g in Flink %s', (version) => {
    const memory = derive({ 'taskmanager.memory.process.size': '16g' }, version);
    expect([memory.totalFlink, memory.managed, memory.network, memory.taskHeap]).toEqual([15837691904, 6335076856, GB, 8160437768]);
  });

  test.each([FlinkVersion.V1_17, FlinkVersion.V1_20, FlinkVersion.V2_0, FlinkVersion.V2_2, undefined])('is unlimited in Flink %s', (version) => {
    const memory = derive({ 'taskmanager.memory.process.size': '16g' }, version);
    expect([memory.totalFlink, memory.managed, memory.network, memory.taskHeap]).toEqual([15837691904, 6335076856, 1583769214, 7650410378]);
  });

  test('the default shows in Flink\'s range message', () => {
    const config = { ...BASE.B, 'taskmanager.memory.network.fraction': '-0.1' };
    expect(() => derive(config, FlinkVersion.V1_16)).toThrow(/and its min \(64\.000mb \(67108864 bytes\)\), max \(1024\.000mb \(1073741824 bytes\)\) value/);
    expect(() => derive(config, FlinkVersion.V1_17)).toThrow(/and its min \(64\.000mb \(67108864 bytes\)\), max \(8388608\.000tb \(9223372036854775807 bytes\)\) value/);
  });
});

describe('failures Flink reports, with what to change', () => {
  // Flink's refusal for process 800m leaves Total Flink 352m (369098752) after 256m metaspace and 192m overhead;
  // managed = 369098752 × 0.4000000059604645 = 147639503.2 → 147639503; network 36909875 raised to 64m
  test('process 800m: task heap would be negative', () => {
    let message = '';
    try {
      derive({ 'taskmanager.memory.process.size': '800m' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'TaskManager memory (Flink 2.2 rules): Flink would refuse to start with IllegalConfigurationException: Sum of configured Framework Heap Memory '
      + '(128.000mb (134217728 bytes)), Framework Off-Heap Memory (128.000mb (134217728 bytes)), Task Off-Heap Memory (0 bytes), Managed Memory '
      + '(140.800mb (147639503 bytes)) and Network Memory (64.000mb (67108864 bytes)) exceed configured Total Flink Memory (352.000mb (369098752 bytes)).',
      "Configured: 'taskmanager.memory.process.size' = '800m'",
      expect.stringMatching(/^Derived so far: Total Process Memory = 800\.000mb \(838860800 bytes\), JVM Metaspace = 256\.000mb \(268435456 bytes\), JVM Overhead = 192\.000mb \(201326592 bytes\), Total Flink Memory = 352\.000mb \(369098752 bytes\), .*Managed Memory = 140\.800mb \(147639503 bytes\), Network Memory = 64\.000mb \(67108864 bytes\)$/),
      expect.stringMatching(/^To fix: Task Heap Memory is what remains .* Raise 'taskmanager\.memory\.process\.size', or lower the Managed Memory/),
    ]);
  });

  // ProcessMemoryUtils: metaspace 256m + overhead 192m (the minimum) exceed 400m
  test('process 400m: metaspace and overhead exceed the process', () => {
    expect(() => derive({ 'taskmanager.memory.process.size': '400m' })).toThrow(
      /Sum of configured JVM Metaspace \(256\.000mb \(268435456 bytes\)\) and JVM Overhead \(192\.000mb \(201326592 bytes\)\) exceed configured Total Process Memory \(400\.000mb \(419430400 bytes\)\)\.\n[^]*To fix: Raise 'taskmanager\.memory\.process\.size'/,
    );
  });

  test('task heap and managed sizes that exceed the total Flink memory name the levers', () => {
    const config = { 'taskmanager.memory.flink.size': '1g', 'taskmanager.memory.task.heap.size': '1g' };
    expect(() => derive(config)).toThrow(/Task Heap Memory \(1024\.000mb \(1073741824 bytes\)\), .* exceed configured Total Flink Memory[^]*To fix: Network Memory is what remains .* Raise 'taskmanager\.memory\.flink\.size', or lower 'taskmanager\.memory\.task\.heap\.size'/);
  });

  test('the overhead range advice gives the process sizes that would fit', () => {
    expect(() => derive({ 'taskmanager.memory.process.size': '3g', 'taskmanager.memory.flink.size': '4g' }))
      .toThrow(/To fix: Set 'taskmanager\.memory\.process\.size' between 4\.438gb \(4764729344 bytes\) and 5\.250gb \(5637144576 bytes\)/);
    // without a readable overhead range the advice stays general
    expect(() => derive({ 'taskmanager.memory.process.size': '3g', 'taskmanager.memory.flink.size': '4g', 'taskmanager.memory.jvm-overhead.max': 'x' }))
      .toThrow(/To fix: Make 'taskmanager\.memory\.process\.size' equal to the Total Flink Memory plus JVM Metaspace \(4\.250gb \(4563402752 bytes\)\) plus a JVM Overhead/);
  });

  // ProcessMemoryUtils.getMemorySizeFromConfig wraps Configuration's "Could not parse value" around MemorySize's own error
  test('an unparsable size', () => {
    expect(() => derive({ 'taskmanager.memory.process.size': '1.5g' })).toThrow(
      "IllegalConfigurationException: Cannot read memory size from config option 'taskmanager.memory.process.size'.\n"
      + "Caused by: IllegalArgumentException: Could not parse value '1.5g' for key 'taskmanager.memory.process.size'.\n"
      + "Caused by: IllegalArgumentException: Memory size unit '.5g' does not match any of the recognized units",
    );
  });

  test('an unparsable deprecated key is reported under the current key, and the advice names the key that was set', () => {
    expect(() => derive({ ...BASE.B, 'taskmanager.network.memory.min': 'lots' })).toThrow(
      /Cannot read memory size from config option 'taskmanager\.memory\.network\.min'\.\nCaused by: IllegalArgumentException: Could not parse value 'lots' for key 'taskmanager\.memory\.network\.min'\.[^]*To fix: Set 'taskmanager\.network\.memory\.min' to a whole number of bytes/,
    );
  });

  // Configuration.getFloat is not wrapped by the memory utils
  test('an unparsable fraction', () => {
    expect(() => derive({ ...BASE.B, 'taskmanager.memory.managed.fraction': 'half' })).toThrow(
      /with IllegalArgumentException: Could not parse value 'half' for key 'taskmanager\.memory\.managed\.fraction'\.\nCaused by: NumberFormatException: For input string: "half"/,
    );
  });

  test('an empty value counts as configured and fails to parse', () => {
    expect(() => derive({ 'taskmanager.memory.process.size': '' })).toThrow(/Caused by: IllegalArgumentException: argument is an empty- or whitespace-only string/);
  });

  // ConfigurationParserUtils.getPageSize, reached through taskmanager.network.numberOfBuffers (Flink 1.x)
  test.each([
    ['2k', 'ConfigurationException: Invalid configuration value for taskmanager.memory.segment-size : 2048 - Minimum memory segment size is 4096'],
    ['48k', 'ConfigurationException: Invalid configuration value for taskmanager.memory.segment-size : 49152 - Memory segment size must be a power of 2.'],
    ['4g', 'IllegalArgumentException: Cannot downcast long value 4294967296 to integer.'],
  ])('segment size %p', (segmentSize, message) => {
    const config = { ...BASE.B, 'taskmanager.memory.segment-size': segmentSize, 'taskmanager.network.numberOfBuffers': '1024' };
    expect(() => derive(config, FlinkVersion.V1_20)).toThrow(message);
  });

  test('an unparsable segment size', () => {
    const config = { ...BASE.B, 'taskmanager.memory.segment-size': 'big', 'taskmanager.network.numberOfBuffers': '1024' };
    expect(() => derive(config, FlinkVersion.V1_20)).toThrow(/with IllegalArgumentException: Could not parse value 'big' for key 'taskmanager\.memory\.segment-size'\./);
  });

  test('the legacy network check wraps page size errors like the range check', () => {
    const config = { ...networkAsTheRestFor(176), 'taskmanager.memory.segment-size': '1k', 'taskmanager.network.numberOfBuffers': '10' };
    expect(() => derive(config, FlinkVersion.V1_20)).toThrow(/inconsistent with its configuration\.\nCaused by: IllegalConfigurationException: Invalid configuration value for taskmanager\.memory\.segment-size : 1024/);
  });

  // TaskExecutorFlinkMemoryUtils wraps only IllegalConfigurationExceptions of the network check; a parse error surfaces as it is
  test('an unparsable number of buffers in the network-as-the-rest check is not wrapped', () => {
    const config = { ...networkAsTheRestFor(176), 'taskmanager.network.numberOfBuffers': 'x' };
    expect(() => derive(config, FlinkVersion.V1_20))
      .toThrow(/^TaskManager memory \(Flink 1\.20 rules\): Flink would refuse to start with IllegalArgumentException: Could not parse value 'x' for key 'taskmanager\.network\.numberOfBuffers'\./);
  });

  test('legacy buffers that match the rest of the total Flink memory pass', () => {
    const config = { ...networkAsTheRestFor(160), 'taskmanager.memory.segment-size': '16m', 'taskmanager.network.numberOfBuffers': '10' };
    expect(derive(config, FlinkVersion.V1_20).network).toBe(mb(160));
  });

  test('a negative or unparsable number of buffers', () => {
    expect(() => derive({ ...BASE.B, 'taskmanager.network.numberOfBuffers': '-1' }, FlinkVersion.V1_20))
      .toThrow(/with IllegalArgumentException: bytes must be >= 0[^]*To fix: Set 'taskmanager\.network\.numberOfBuffers' to a positive number/);
    expect(() => derive({ ...BASE.B, 'taskmanager.network.numberOfBuffers': 'many' }, FlinkVersion.V1_20))
      .toThrow(/Could not parse value 'many' for key 'taskmanager\.network\.numberOfBuffers'\.\nCaused by: NumberFormatException: For input string: "many"/);
  });

  // MemoryBackwardsCompatibilityUtils (Flink 1.x)
  test('invalid legacy heap options', () => {
    expect(() => derive({ 'taskmanager.heap.mb': '-1' }, FlinkVersion.V1_20))
      .toThrow(/IllegalConfigurationException: Configured total process memory size \(-1MB\) must not be less than 0\.[^]*To fix: Set 'taskmanager\.memory\.process\.size' instead/);
    expect(() => derive({ 'taskmanager.heap.size': 'big' }, FlinkVersion.V1_20))
      .toThrow(/Cannot read memory size from config option 'taskmanager\.heap\.size'\./);
    expect(() => derive({ 'taskmanager.heap.mb': '1g' }, FlinkVersion.V1_20))
      .toThrow(/Could not parse value '1g' for key 'taskmanager\.heap\.mb'\.[^]*To fix: Set 'taskmanager\.heap\.mb' to a whole number\./);
  });

  // MemorySize.add is Math.addExact: sums beyond Long.MAX_VALUE are an ArithmeticException
  test('sizes whose sum overflows 64 bits', () => {
    expect(() => derive({ 'taskmanager.memory.task.heap.size': '8000000t', 'taskmanager.memory.managed.size': '8000000t' }))
      .toThrow(/Flink would refuse to start with ArithmeticException: long overflow/);
  });

  test('sizes beyond what a JavaScript number holds exactly', () => {
    // 9000t = 9000 × 2^40 = 9895604649984000 bytes > 2^53 − 1; Flink accepts it (it fits a long), a JavaScript number would round
    expect(() => derive({ 'taskmanager.memory.flink.size': '9000t' }))
      .toThrow(/^TaskManager memory: Total Flink Memory is 9895604649984000 bytes, more than a JavaScript number holds exactly \(9007199254740991\)/);
  });

  test('Flink versions before 1.13', () => {
    expect(() => derive(BASE.B, FlinkVersion.of('v1_12'))).toThrow(/Flink 1\.12 is not supported; the rules are implemented for Flink 1\.13 and later/);
  });
});

function networkAsTheRestFor(network: number): Config {
  return {
    'taskmanager.memory.flink.size': '1280m',
    'taskmanager.memory.task.heap.size': `${724 + 100 - network}m`,
    'taskmanager.memory.managed.size': '200m',
  };
}
