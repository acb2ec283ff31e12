import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findForbiddenText } from './request-guards.js';

describe('findForbiddenText', () => {
  it.each([
    ['plain', null],
    ['中文 🎉 𠮷', null],
    ['a\u0000b', 'body'],
    ['\ud800', 'body'],
    ['x\udc00', 'body'],
    ['\ud83d\ude00', null],
    [{ a: 'ok', b: ['ok', 'bad\u0000'] }, 'body.b.1'],
    [{ 'bad\u0000key': 'ok' }, 'body.bad\u0000key'],
    [{ nested: { deeper: { text: '\udfff' } } }, 'body.nested.deeper.text'],
    [[1, true, null, { a: 2 }], null],
    [42, null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (value, path) => {
    expect(findForbiddenText(value, ['body'])).toBe(path);
  });

  it('reports the first offending field in document order', () => {
    expect(findForbiddenText({ a: 'x\u0000', b: 'y\u0000' }, ['body'])).toBe('body.a');
    expect(findForbiddenText([{ k: 'ok' }, { k: '\u0000' }, '\u0000'], ['q'])).toBe('q.1.k');
  });

  it('copes with very deep nesting without overflowing the stack', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findForbiddenText(deep, ['body'])?.split('.')).toHaveLength(200_001);
    let obj: unknown = 'fine';
    for (let i = 0; i < 200_000; i++) obj = { a: obj };
    expect(findForbiddenText(obj, ['body'])).toBeNull();
  });

  it('finds NUL wherever it hides in generated JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const clean = JSON.parse(JSON.stringify(value).replaceAll('\\u0000', ''));
        expect(findForbiddenText(clean, ['body'])).toBeNull();
        expect(findForbiddenText({ wrap: clean, last: '\u0000' }, ['body'])).not.toBeNull();
      }),
    );
  });
});
