/**
 * JobManager memory derivation, replayed from Flink's own tests (JobManagerProcessUtilsTest and
 * ProcessMemoryUtilsTestBase), Flink's documentation and real Flink logs.
 *
 * Concrete byte values come from Flink's test configurations (`JobManagerProcessUtilsTest`,
 * `ProcessMemoryUtilsTestBase` in flink-runtime), the JobManager memory docs of Flink
 * (`docs/content/docs/deployment/memory/mem_setup_jobmanager.md`) and real Flink logs,
 * or are derived by hand in the comment next to them from Flink's documented rules (the overhead
 * fraction is the Java float 0.1f widened to 0.10000000149011612; products are truncated). None is
 * computed by the code under test.
 */
import { FlinkVersion } from '../../src/flink-version';
import { JobManagerMemory } from '../../src/job-manager-memory';
import { JobManagerMemoryBreakdown } from '../../src/job-manager-memory-breakdown';

const MB = 1024 * 1024;
const GB = 1024 * MB;
const mb = (n: number) => n * MB;

type Config = { [key: string]: string };

/** Flink's `BigDecimal.valueOf(bytes) × BigDecimal(decimal)` truncated, for the decimal string of a widened float. */
function flinkMultiply(bytes: number, decimal: string): number {
  const [integerPart, fractionPart = ''] = decimal.split('.');
  return Number((BigInt(bytes) * BigInt(integerPart + fractionPart)) / 10n ** BigInt(fractionPart.length));
}

function derive(config: Config, flinkVersion?: FlinkVersion): JobManagerMemoryBreakdown {
  return JobManagerMemory.derive(config, { flinkVersion });
}

// JobManagerProcessUtilsTest base configurations
const BASE: { [name: string]: Config } = {
  H: { 'jobmanager.memory.heap.size': '1152m' }, // configWithExplicitJvmHeap
  F: { 'jobmanager.memory.flink.size': '1280m' }, // configWithExplicitTotalFlinkMem
  FH: { 'jobmanager.memory.flink.size': '1280m', 'jobmanager.memory.heap.size': '1152m' }, // configWithExplicitTotalFlinkAndJvmHeapMem
  P: { 'jobmanager.memory.process.size': '1536m' }, // configWithExplicitTotalProcessMem
};
const ALL = ['H', 'F', 'FH', 'P'];

/** Flink's base assertions per configuration (validateInConfigWith...). */
function checkBase(name: string, memory: JobManagerMemoryBreakdown): void {
  switch (name) {
    case 'H':
      expect(memory.jvmHeap).toBe(mb(1152));
      break;
    case 'F':
      expect(memory.totalFlink).toBe(mb(1280));
      break;
    case 'FH':
      expect([memory.totalFlink, memory.jvmHeap]).toEqual([mb(1280), mb(1152)]);
      break;
    default:
      expect(memory.totalProcess).toBe(mb(1536));
  }
}

/** No JobManager default differs between the versions; the legacy heap options only matter in Flink 1.x. */
const VERSIONS = [FlinkVersion.of('v1_13'), FlinkVersion.V1_17, FlinkVersion.V1_20, FlinkVersion.V2_0, FlinkVersion.V2_2];

function inConfigs(names: string[]): Array<[string, FlinkVersion]> {
  return names.flatMap((name) => VERSIONS.map((version): [string, FlinkVersion] => [name, version]));
}

describe('JobManagerProcessUtilsTest base configurations, component by component', () => {
  // the JobManagerProcessUtilsTest configurations, computed by hand
  const expected: { [name: string]: number[] } = {
    //     heap        off-heap   flink       metaspace  overhead
    H: [1207959552, 134217728, 1342177280, 268435456, 201326592],
    F: [1207959552, 134217728, 1342177280, 268435456, 201326592],
    FH: [1207959552, 134217728, 1342177280, 268435456, 201326592],
    P: [1006632960, 134217728, 1140850688, 268435456, 201326592],
  };

  test.each(inConfigs(ALL))('config %s with Flink %s', (name, version) => {
    const [heap, offHeap, flink, metaspace, overhead] = expected[name];
    const memory = derive(BASE[name], version);
    expect(memory).toEqual({
      jvmHeap: heap,
      offHeap,
      totalFlink: flink,
      jvmMetaspace: metaspace,
      jvmOverhead: overhead,
      totalProcess: flink + metaspace + overhead,
      maxDirectMemory: undefined,
      maxMetaspace: metaspace,
      jvmArgs: `-Xmx${heap} -Xms${heap} -XX:MaxMetaspaceSize=${metaspace}`,
    });
    checkBase(name, memory);
  });
});

describe('real Flink logs and shipped defaults', () => {
  // Flink 1.11.0 and 2.0.0 JobManager logs with the shipped default jobmanager.memory.process.size: 1600m:
  // overhead from fraction 167772162 ("160.000mb") raised to 192m; Total Flink 1207959552; heap 1073741824; off-heap 134217728
  test.each(VERSIONS)('default 1600m JobManager with Flink %s', (version) => {
    expect(derive({ 'jobmanager.memory.process.size': '1600m' }, version)).toEqual({
      jvmHeap: 1073741824,
      offHeap: 134217728,
      jvmMetaspace: 268435456,
      jvmOverhead: 201326592,
      totalFlink: 1207959552,
      totalProcess: mb(1600),
      maxDirectMemory: undefined,
      maxMetaspace: 268435456,
      jvmArgs: '-Xmx1073741824 -Xms1073741824 -XX:MaxMetaspaceSize=268435456',
    });
  });

  // Flink 1.17 JobManager logs
  test('process 1024m (Flink 1.17 log)', () => {
    const memory = derive({ 'jobmanager.memory.process.size': '1024m' }, FlinkVersion.V1_17);
    // overhead from fraction 107374184 raised to 201326592
    expect([memory.jvmOverhead, memory.totalFlink, memory.jvmHeap]).toEqual([201326592, 603979776, 469762048]);
  });

  test('process 4g (Flink 1.17 log)', () => {
    const memory = derive({ 'jobmanager.memory.process.size': '4g' }, FlinkVersion.V1_17);
    // 4294967296 × 0.10000000149011612 = 429496736.0… (within [192m, 1g])
    expect([memory.jvmOverhead, memory.totalFlink, memory.jvmHeap]).toEqual([429496736, 3597035104, 3462817376]);
  });
});

describe('Flink documentation examples', () => {
  // mem_setup_jobmanager.md: with only total Flink memory and JVM heap configured, off-heap is total Flink minus heap
  test('off-heap derived from total Flink memory and heap', () => {
    const memory = derive({ 'jobmanager.memory.flink.size': '2g', 'jobmanager.memory.heap.size': '1g' });
    expect(memory.offHeap).toBe(GB);
  });

  // mem_setup.md: with a fine-grained component and the total process memory configured, JVM overhead is the rest
  // (Flink's JobManager memory docs): 1000m − (100m heap + 128m off-heap) − 256m metaspace = 516m, within [192m, 1g]
  test('JVM overhead as the rest of the total process memory', () => {
    const memory = derive({ 'jobmanager.memory.process.size': '1000m', 'jobmanager.memory.heap.size': '100m' });
    expect([memory.totalFlink, memory.jvmOverhead]).toEqual([mb(228), mb(516)]);
  });

  // mem_setup_jobmanager.md: -XX:MaxDirectMemorySize is the off-heap memory, only with jobmanager.memory.enable-jvm-direct-memory-limit
  test.each(['true', 'TRUE', 'True'])('the direct memory limit is set with enable-jvm-direct-memory-limit = %p', (value) => {
    const memory = derive({ 'jobmanager.memory.process.size': '1600m', 'jobmanager.memory.enable-jvm-direct-memory-limit': value });
    expect(memory.maxDirectMemory).toBe(134217728);
    expect(memory.jvmArgs).toBe('-Xmx1073741824 -Xms1073741824 -XX:MaxDirectMemorySize=134217728 -XX:MaxMetaspaceSize=268435456');
  });

  test('and not with enable-jvm-direct-memory-limit = false', () => {
    const memory = derive({ 'jobmanager.memory.process.size': '1600m', 'jobmanager.memory.enable-jvm-direct-memory-limit': 'false' });
    expect(memory.maxDirectMemory).toBeUndefined();
    expect(memory.jvmArgs).not.toContain('MaxDirectMemorySize');
  });
});

describe('ProcessMemoryUtilsTestBase (JobManager)', () => {
  const jvmArgsSpec = { 'jobmanager.memory.heap.size': '1m', 'jobmanager.memory.off-heap.size': '2m', 'jobmanager.memory.jvm-metaspace.size': '3m' };

  // testGenerateJvmParameters: heap 1m, direct 2m, metaspace 3m, with the direct memory limit
  test('testGenerateJvmParameters', () => {
    const memory = derive({ ...jvmArgsSpec, 'jobmanager.memory.enable-jvm-direct-memory-limit': 'true' });
    expect(memory.jvmArgs).toBe('-Xmx1048576 -Xms1048576 -XX:MaxDirectMemorySize=2097152 -XX:MaxMetaspaceSize=3145728');
    expect([memory.jvmHeap, memory.maxDirectMemory, memory.maxMetaspace]).toEqual([mb(1), mb(2), mb(3)]);
  });

  // testGenerateJvmParametersWithoutDirectMemoryLimit: three flags, no -XX:MaxDirectMemorySize
  test('testGenerateJvmParametersWithoutDirectMemoryLimit', () => {
    expect(derive(jvmArgsSpec).jvmArgs).toBe('-Xmx1048576 -Xms1048576 -XX:MaxMetaspaceSize=3145728');
  });

  test('testConfigTotalFlinkMemory', () => {
    expect(derive({ 'jobmanager.memory.flink.size': '1g' }).totalFlink).toBe(GB);
  });

  test('testConfigTotalProcessMemorySize', () => {
    const memory = derive({ 'jobmanager.memory.process.size': '2g' });
    expect(memory.totalProcess).toBe(2 * GB);
    // 2147483648 × 0.10000000149011612 = 214748368.0…, as in real Flink logs
    expect(memory.jvmOverhead).toBe(214748368);
  });

  test('testExceptionShouldContainRequiredConfigOptions', () => {
    expect(() => derive({})).toThrow(/IllegalConfigurationException: Either required fine-grained memory \(jobmanager\.memory\.heap\.size\), or Total Flink Memory size \(Key: 'jobmanager\.memory\.flink\.size' , default: null \(fallback keys: \[\]\)\), or Total Process Memory size \(Key: 'jobmanager\.memory\.process\.size' , default: null \(fallback keys: \[\]\)\) need to be configured explicitly\.[^]*To fix: Set 'jobmanager\.memory\.process\.size'/);
  });

  // testDerivedTotalProcessMemoryGreaterThanConfiguredFailureWithFineGrainedOptions: heap 75m + off-heap 75m (150m / 2 each),
  // metaspace 100m, process 200m
  test('testDerivedTotalProcessMemoryGreaterThanConfiguredFailureWithFineGrainedOptions', () => {
    const config = {
      'jobmanager.memory.jvm-metaspace.size': '100m',
      'jobmanager.memory.process.size': '200m',
      'jobmanager.memory.heap.size': '75m',
      'jobmanager.memory.off-heap.size': '75m',
    };
    expect(() => derive(config)).toThrow('The configured Total Process Memory size (200.000mb (209715200 bytes)) is less than the sum of the derived '
      + 'Total Flink Memory size (150.000mb (157286400 bytes)) and the configured or default JVM Metaspace size  (100.000mb (104857600 bytes)).');
  });

  test('testDerivedTotalProcessMemoryGreaterThanConfiguredFailureWithTotalFlinkMemory', () => {
    const config = { 'jobmanager.memory.jvm-metaspace.size': '100m', 'jobmanager.memory.process.size': '200m', 'jobmanager.memory.flink.size': '150m' };
    expect(() => derive(config)).toThrow(/is less than the sum of the derived Total Flink Memory size \(150\.000mb \(157286400 bytes\)\) and the configured or default JVM Metaspace size {2}\(100\.000mb \(104857600 bytes\)\)\./);
  });

  test.each(inConfigs(ALL))('testConfigJvmMetaspaceSize in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'jobmanager.memory.jvm-metaspace.size': '50m' }, version);
    checkBase(name, memory);
    expect([memory.jvmMetaspace, memory.maxMetaspace]).toEqual([mb(50), mb(50)]);
  });

  test.each(inConfigs(ALL))('testConfigJvmOverheadRange in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'jobmanager.memory.jvm-overhead.min': '50m', 'jobmanager.memory.jvm-overhead.max': '200m' }, version);
    checkBase(name, memory);
    expect(memory.jvmOverhead).toBeGreaterThanOrEqual(mb(50));
    expect(memory.jvmOverhead).toBeLessThanOrEqual(mb(200));
  });

  test.each(inConfigs(ALL))('testConfigJvmOverheadRangeFailure in config %s with Flink %s', (name, version) => {
    const config = { ...BASE[name], 'jobmanager.memory.jvm-overhead.min': '200m', 'jobmanager.memory.jvm-overhead.max': '50m' };
    expect(() => derive(config, version)).toThrow(
      "Inconsistently configured Key: 'jobmanager.memory.jvm-overhead.fraction' , default: 0.1 (fallback keys: []) (0.10000000149011612) "
      + 'and its min (200.000mb (209715200 bytes)), max (50.000mb (52428800 bytes)) value\nCaused by: IllegalArgumentException: min value must be less or equal to max value',
    );
  });

  // testConfigJvmOverheadFraction: overhead == totalProcess.multiply(0.2f) (0.2f widened = 0.20000000298023224)
  test.each(inConfigs(ALL))('testConfigJvmOverheadFraction in config %s with Flink %s', (name, version) => {
    const memory = derive({
      ...BASE[name],
      'jobmanager.memory.jvm-overhead.min': '0',
      'jobmanager.memory.jvm-overhead.max': '1t',
      'jobmanager.memory.jvm-overhead.fraction': '0.2',
    }, version);
    checkBase(name, memory);
    expect(memory.jvmOverhead).toBe(flinkMultiply(memory.totalProcess, '0.20000000298023224'));
  });

  test.each(inConfigs(ALL))('testConfigJvmOverheadFractionFailureNegative / NoLessThanOne in config %s with Flink %s', (name, version) => {
    expect(() => derive({ ...BASE[name], 'jobmanager.memory.jvm-overhead.fraction': '-0.1' }, version))
      .toThrow(/jvm-overhead\.fraction' , default: 0\.1 \(fallback keys: \[\]\) \(-0\.10000000149011612\) and its min .*\nCaused by: IllegalArgumentException: fraction must be in range \[0, 1\)/);
    expect(() => derive({ ...BASE[name], 'jobmanager.memory.jvm-overhead.fraction': '1.0' }, version))
      .toThrow(/jvm-overhead\.fraction' , default: 0\.1 \(fallback keys: \[\]\) \(1\.0\) and its min/);
  });

  const overheadFromProcessAndFlink = {
    'jobmanager.memory.process.size': '1000m',
    'jobmanager.memory.flink.size': '800m',
    'jobmanager.memory.jvm-metaspace.size': '100m',
    'jobmanager.memory.jvm-overhead.max': '200m',
    'jobmanager.memory.jvm-overhead.fraction': '0.5',
  };

  test('testConfigJvmOverheadDeriveFromProcessAndFlinkMemorySize', () => {
    expect(derive({ ...overheadFromProcessAndFlink, 'jobmanager.memory.jvm-overhead.min': '50m' }).jvmOverhead).toBe(mb(100));
  });

  test('testConfigJvmOverheadDeriveFromProcessAndFlinkMemorySizeFailure', () => {
    expect(() => derive({ ...overheadFromProcessAndFlink, 'jobmanager.memory.jvm-overhead.min': '150m' })).toThrow(
      /Derived JVM Overhead size \(100\.000mb \(104857600 bytes\)\) is not in configured JVM Overhead range \[150\.000mb \(157286400 bytes\), 200\.000mb \(209715200 bytes\)\]\.[^]*To fix: Set 'jobmanager\.memory\.process\.size' between 1\.025gb \(1101004800 bytes\) and 1\.074gb \(1153433600 bytes\)/,
    );
  });

  // testConfigTotalProcessMemoryAddUpFailure: 699m − 500m − 100m = 99m overhead, not in [100m, 100m]
  test('testConfigTotalProcessMemoryAddUpFailure', () => {
    const config = {
      'jobmanager.memory.process.size': '699m',
      'jobmanager.memory.flink.size': '500m',
      'jobmanager.memory.jvm-metaspace.size': '100m',
      'jobmanager.memory.jvm-overhead.min': '100m',
      'jobmanager.memory.jvm-overhead.max': '100m',
    };
    expect(() => derive(config)).toThrow(
      'Derived JVM Overhead size (99.000mb (103809024 bytes)) is not in configured JVM Overhead range [100.000mb (104857600 bytes), 100.000mb (104857600 bytes)].',
    );
  });

  // testConfigLegacyHeapSize / testConfigLegacyHeapMB / testConfigBothNewOptionAndLegacyHeapSize: containerized deployments of
  // Flink 1.x map the legacy heap option onto jobmanager.memory.process.size
  test.each([FlinkVersion.of('v1_13'), FlinkVersion.V1_17, FlinkVersion.V1_20])('legacy heap options map onto the total process memory in Flink %s', (version) => {
    expect(derive({ 'jobmanager.heap.size': '1g' }, version).totalProcess).toBe(GB);
    expect(derive({ 'jobmanager.heap.mb': '1024' }, version).totalProcess).toBe(GB);
    expect(derive({ 'jobmanager.memory.process.size': '1g', 'jobmanager.heap.size': '2g' }, version).totalProcess).toBe(GB);
  });

  test('Flink 2.0 removed the legacy heap options (FLINK-33750)', () => {
    expect(() => derive({ 'jobmanager.heap.size': '1g' }, FlinkVersion.V2_0)).toThrow(/Either required fine-grained memory/);
  });
});

describe('JobManagerProcessUtilsTest', () => {
  // testConfigJvmHeapMemory: heap 50m (Flink only logs that it is below the recommended 128m); Total Flink 50m + 128m = 186646528
  test('testConfigJvmHeapMemory', () => {
    const memory = derive({ 'jobmanager.memory.heap.size': '50m' });
    expect([memory.jvmHeap, memory.totalFlink]).toEqual([mb(50), 186646528]);
  });

  // testConfigOffHeapMemory: direct memory 100m in H, F and P; concretely, by hand, H: Total Flink 1312817152,
  // F: heap 1237319680, P: heap 1035993088 (1536m − 256m − 192m − 100m)
  test.each(inConfigs(['H', 'F', 'P']))('testConfigOffHeapMemory in config %s with Flink %s', (name, version) => {
    const memory = derive({ ...BASE[name], 'jobmanager.memory.off-heap.size': '100m', 'jobmanager.memory.enable-jvm-direct-memory-limit': 'true' }, version);
    checkBase(name, memory);
    expect([memory.offHeap, memory.maxDirectMemory]).toEqual([mb(100), mb(100)]);
    const concrete: { [name: string]: number[] } = { H: [1207959552, 1312817152], F: [1237319680, 1342177280], P: [1035993088, 1140850688] };
    expect([memory.jvmHeap, memory.totalFlink]).toEqual(concrete[name]);
  });

  test('testFlinkInternalMemorySizeAddUpFailure', () => {
    const config = { 'jobmanager.memory.flink.size': '199m', 'jobmanager.memory.heap.size': '100m', 'jobmanager.memory.off-heap.size': '100m' };
    expect(() => derive(config)).toThrow(
      'IllegalConfigurationException: Sum of the configured JVM Heap Memory (100.000mb (104857600 bytes)) and the configured Off-heap Memory '
      + '(100.000mb (104857600 bytes)) does not match the configured Total Flink Memory (199.000mb (208666624 bytes)). Please, make the configuration '
      + 'consistent or configure only one option: either JVM Heap or Total Flink Memory.',
    );
    expect(() => derive(config)).toThrow(/To fix: Make 'jobmanager\.memory\.heap\.size' \+ 'jobmanager\.memory\.off-heap\.size' equal 'jobmanager\.memory\.flink\.size'/);
  });

  test('testJvmHeapExceedsTotalFlinkMemoryFailure', () => {
    const config = { 'jobmanager.memory.flink.size': '100m', 'jobmanager.memory.heap.size': '150m' };
    expect(() => derive(config)).toThrow(
      'IllegalConfigurationException: The configured JVM Heap Memory (150.000mb (157286400 bytes)) exceeds the configured Total Flink Memory '
      + '(100.000mb (104857600 bytes)). Please, make the configuration consistent or configure only one option: either JVM Heap or Total Flink Memory.',
    );
  });

  // testOffHeapMemoryDerivedFromJvmHeapAndTotalFlinkMemory: heap 150m and Total Flink 150m + (100m + 128m) give off-heap 228m
  test('testOffHeapMemoryDerivedFromJvmHeapAndTotalFlinkMemory', () => {
    const memory = derive({ 'jobmanager.memory.flink.size': `${150 + 100 + 128}m`, 'jobmanager.memory.heap.size': '150m' });
    expect(memory.offHeap).toBe(mb(228));
  });

  test('the off-heap memory may be derived as zero', () => {
    expect(derive({ 'jobmanager.memory.flink.size': '1g', 'jobmanager.memory.heap.size': '1g' }).offHeap).toBe(0);
  });
});

describe('failures Flink reports, with what to change', () => {
  // Flink's refusal for process 500m − 256m − 192m = 52m Total Flink, less than the 128m off-heap
  test('process 500m: no room for the JVM heap', () => {
    let message = '';
    try {
      derive({ 'jobmanager.memory.process.size': '500m' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'JobManager memory (Flink 2.2 rules): Flink would refuse to start with IllegalConfigurationException: The configured Total Flink Memory '
      + '(52.000mb (54525952 bytes)) is less than the configured Off-heap Memory (128.000mb (134217728 bytes)).',
      "Configured: 'jobmanager.memory.process.size' = '500m'",
      'Derived so far: Total Process Memory = 500.000mb (524288000 bytes), JVM Metaspace = 256.000mb (268435456 bytes), JVM Overhead = 192.000mb '
      + '(201326592 bytes), Total Flink Memory = 52.000mb (54525952 bytes), Off-Heap Memory = 128.000mb (134217728 bytes)',
      expect.stringMatching(/^To fix: JVM Heap is what remains .* Raise 'jobmanager\.memory\.process\.size' .* or lower 'jobmanager\.memory\.off-heap\.size'\.$/),
    ]);
  });

  // the JVM heap must be positive: a Total Flink Memory equal to the off-heap memory fails too
  test('total Flink memory equal to the off-heap memory', () => {
    expect(() => derive({ 'jobmanager.memory.flink.size': '128m' })).toThrow(
      'The configured Total Flink Memory (128.000mb (134217728 bytes)) is less than the configured Off-heap Memory (128.000mb (134217728 bytes)).',
    );
  });

  // Flink's refusal for metaspace 256m + overhead 192m exceed 400m
  test('process 400m: metaspace and overhead exceed the process', () => {
    expect(() => derive({ 'jobmanager.memory.process.size': '400m' })).toThrow(
      'Sum of configured JVM Metaspace (256.000mb (268435456 bytes)) and JVM Overhead (192.000mb (201326592 bytes)) exceed configured Total Process Memory (400.000mb (419430400 bytes)).',
    );
  });

  test('an invalid direct memory limit switch', () => {
    expect(() => derive({ ...BASE.P, 'jobmanager.memory.enable-jvm-direct-memory-limit': 'yes' })).toThrow(
      /with IllegalArgumentException: Could not parse value 'yes' for key 'jobmanager\.memory\.enable-jvm-direct-memory-limit'\.\nCaused by: IllegalArgumentException: Unrecognized option for boolean: yes\. Expected either true or false\(case insensitive\)[^]*To fix: Set 'jobmanager\.memory\.enable-jvm-direct-memory-limit' to 'true' or 'false'\./,
    );
  });

  test('an unparsable size', () => {
    expect(() => derive({ 'jobmanager.memory.heap.size': '1 gig' })).toThrow(
      "Cannot read memory size from config option 'jobmanager.memory.heap.size'.\nCaused by: IllegalArgumentException: Could not parse value '1 gig' for key 'jobmanager.memory.heap.size'.",
    );
  });

  test('invalid legacy heap options (Flink 1.x)', () => {
    expect(() => derive({ 'jobmanager.heap.mb': '-5' }, FlinkVersion.V1_20))
      .toThrow(/Configured total process memory size \(-5MB\) must not be less than 0\.[^]*To fix: Set 'jobmanager\.memory\.process\.size' instead of the deprecated 'jobmanager\.heap\.mb', e\.g\. '1600m'\./);
    expect(() => derive({ 'jobmanager.heap.size': '-1g' }, FlinkVersion.V1_20)).toThrow(/Cannot read memory size from config option 'jobmanager\.heap\.size'\./);
  });

  test('sizes beyond what a JavaScript number holds exactly', () => {
    expect(() => derive({ 'jobmanager.memory.heap.size': '9000t' }))
      .toThrow(/^JobManager memory: JVM Heap is 9895604649984000 bytes, more than a JavaScript number holds exactly/);
  });

  test('Flink versions before 1.13', () => {
    expect(() => derive(BASE.P, FlinkVersion.of('v1_10'))).toThrow(/Flink 1\.10 is not supported/);
  });
});
