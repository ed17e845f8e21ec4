/**
 * Flink's map option syntax (`key:value,key:value`, with quoting), as
 * `kubernetes.rest-service.annotations` is read.
 */
import { splitFlinkMap } from '../../src/private/flink/list-splitter';
import { flinkMapText } from '../../src/render/rest-service-annotations';

describe('splitFlinkMap', () => {
  test.each([
    ['a:b', [['a', 'b']]],
    ['a:b, c : d', [['a', 'b'], ['c', 'd']]],
    ['cloud.google.com/backend-config:\'{"default":"iap"}\'', [['cloud.google.com/backend-config', '{"default":"iap"}']]],
    ['"\'x:y\':\'it\'\'s, quoted\'"', [['x:y', "it's, quoted"]]],
  ])('reads %p', (text, entries) => {
    expect([...splitFlinkMap(text)]).toEqual(entries);
  });

  test.each(['a', 'a:b:c', '\'a:b', '\'x:y\':z'])('refuses %p', (text) => {
    expect(() => splitFlinkMap(text)).toThrow();
  });

  test('what flinkMapText writes reads back', () => {
    const entries = { 'cloud.google.com/backend-config': '{"ports":{"8081":"iap"}}', 'team': "data's, mostly", 'x:y': ' padded ', 'plain': 'value' };
    expect(Object.fromEntries(splitFlinkMap(flinkMapText(entries)))).toEqual(entries);
  });
});
