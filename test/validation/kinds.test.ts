import { FLINK_KINDS, isFlinkKind } from '../../src/validation/referenced-kinds';
import { schemaKinds } from '../../src/validation/structural-schema';

describe('the Flink kinds', () => {
  test('FLINK_KINDS are exactly the kinds of the generated CRD schemas', () => {
    expect([...FLINK_KINDS].sort()).toEqual(schemaKinds().sort());
  });

  test.each([['FlinkDeployment', true], ['flinkdeployment', false], ['Deployment', false], [undefined, false], [42, false]])('isFlinkKind(%p) is %p', (kind, expected) => {
    expect(isFlinkKind(kind)).toBe(expected);
  });
});
