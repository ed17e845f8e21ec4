/**
 * A derivation's outcome is reused for the same values of the keys it reads (a cluster's sizes
 * are derived when its construct checks its props, when the rules check its manifest, and when
 * the model sizes its pods): other keys do not change it, and a refusal still names the field
 * each caller wrote.
 */
import { FlinkVersion } from '../../src/flink-version';
import { versionRules } from '../../src/private/memory/options';
import { deriveTaskManagerMemory } from '../../src/private/memory/task-manager';

const RULES = versionRules(FlinkVersion.V1_20);

describe('reused derivations', () => {
  test('the same sizes give the same derivation, whatever other keys say', () => {
    const first = deriveTaskManagerMemory({ 'taskmanager.memory.process.size': '4096m', 'kubernetes.cluster-id': 'a' }, RULES);
    const second = deriveTaskManagerMemory({ 'taskmanager.memory.process.size': '4096m', 'kubernetes.cluster-id': 'b', 'rest.port': '8081' }, RULES);
    expect(second).toBe(first);
    expect(second.totalProcess).toBe(4096n * 1024n * 1024n);
  });

  test('other sizes are derived afresh', () => {
    const small = deriveTaskManagerMemory({ 'taskmanager.memory.process.size': '2048m' }, RULES);
    const large = deriveTaskManagerMemory({ 'taskmanager.memory.process.size': '8192m' }, RULES);
    expect(small.totalProcess).toBe(2048n * 1024n * 1024n);
    expect(large.totalProcess).toBe(8192n * 1024n * 1024n);
  });

  test('a refusal names the field each caller wrote, also when the values are the same', () => {
    const configuration = { 'taskmanager.memory.process.size': '512m', 'taskmanager.memory.task.heap.size': '1g' };
    const plain = () => deriveTaskManagerMemory(configuration, RULES);
    const written = () => deriveTaskManagerMemory(configuration, RULES, new Map([['taskmanager.memory.process.size', { field: 'taskManager.memory', value: '512m' }]]));
    expect(plain).toThrow(/'taskmanager\.memory\.process\.size' = '512m'/);
    expect(written).toThrow(/taskManager\.memory = '512m'/);
    expect(plain).toThrow(/'taskmanager\.memory\.process\.size' = '512m'/);
  });

  test('the rules of a version are asked for once', () => {
    expect(versionRules(FlinkVersion.V1_20)).toBe(RULES);
    expect(versionRules(FlinkVersion.V1_19).label).toBe('1.19');
  });
});
