/**
 * The constructs' fast path: their own toJson() output is used as it is when it is plain data,
 * and copied (with its problems reported) otherwise.
 */
import { asPlainData, isPlainData, MAX_DEPTH } from '../../src/validation/sanitize';

function nested(depth: number): any {
  let value: any = 'leaf';
  for (let level = 0; level < depth; level++) {
    value = { child: value };
  }
  return value;
}

describe('isPlainData', () => {
  test('accepts what JSON.parse gives', () => {
    const manifest = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"x":"1"},"list":[1,true,null,"s"]}');
    expect(isPlainData(manifest)).toBe(true);
    expect(asPlainData(manifest).manifest).toBe(manifest);
    expect(isPlainData(Object.assign(Object.create(null), { a: 1 }))).toBe(true);
  });

  test.each([
    ['undefined values', { a: undefined }],
    ['a function', { a: () => 1 }],
    ['a BigInt', { a: BigInt(1) }],
    ['a symbol', { a: Symbol('s') }],
    ['NaN', { a: Number.NaN }],
    ['a hole in a list', { a: [1, , 3] }],
    ['a toJSON method', { a: { toJSON: () => 'x' } }],
    ['a class instance', { a: new Date(0) }],
    ['a __proto__ key', JSON.parse('{"__proto__": {"x": 1}}')],
    ['a getter that throws', Object.defineProperty({}, 'a', { enumerable: true, get: () => { throw new Error('no'); } })],
    ['a revoked Proxy', (() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return { a: proxy }; })()],
    ['too deep', nested(MAX_DEPTH + 1)],
  ])('refuses %s, which the copy handles', (_what, value) => {
    expect(isPlainData(value)).toBe(false);
    expect(asPlainData(value).manifest).not.toBe(value);
  });

  test('refuses a circular reference without recursing forever', () => {
    const manifest: any = { kind: 'ConfigMap' };
    manifest.self = manifest;
    expect(isPlainData(manifest)).toBe(false);
    expect(asPlainData(manifest).problems.map((problem) => problem.path)).toEqual(['self']);
  });
});
