import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** The same value with the keys of every object inserted in another order. */
function reorder(value: unknown, pick: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, pick));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const shuffled: [string, unknown][] = [];
    while (entries.length) shuffled.push(entries.splice(pick(entries.length), 1)[0]!);
    const out: Record<string, unknown> = {};
    for (const [k, v] of shuffled)
      Object.defineProperty(out, k, { value: reorder(v, pick), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.infiniteStream(fc.nat()), (value, stream) => {
        const it = stream[Symbol.iterator]();
        const pick = (n: number) => (it.next().value as number) % n;
        expect(canonicalJson(reorder(value, pick))).toBe(canonicalJson(value));
      }),
    );
  });

  it('round-trips JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        // -0 becomes 0, as in JSON.stringify; otherwise the value comes back unchanged.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('is valid JSON with the keys of every object sorted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 })), (obj) => {
        const text = canonicalJson(obj);
        expect(() => JSON.parse(text)).not.toThrow();
        const keys = Object.keys(obj).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(text).toBe(`{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`);
      }),
    );
  });

  it('agrees with JSON.stringify on primitives', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        (v) => {
          expect(canonicalJson(v)).toBe(JSON.stringify(v));
        },
      ),
    );
  });

  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [{ d: 1, c: 2 }] } }, '{"z":{"x":[{"c":2,"d":1}],"y":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [[undefined, 1], '[null,1]'],
    [undefined, 'null'],
    [null, 'null'],
    [Number.NaN, 'null'],
    [Number.POSITIVE_INFINITY, 'null'],
    [10n, '"10"'],
    [new Date('2026-01-02T03:04:05.678Z'), '"2026-01-02T03:04:05.678Z"'],
    [{ 10: 'a', 9: 'b', '': 'c' }, '{"":"c","10":"a","9":"b"}'],
    [{ 中: 1, a: 2 }, '{"a":2,"中":1}'],
    ['\u0000"\\', '"\\u0000\\"\\\\"'],
  ])('%o → %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});
