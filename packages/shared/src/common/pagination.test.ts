import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE, PageQuerySchema, parseSorter } from './pagination.js';

const FIELDS = ['name', 'createdAt', 'sortOrder'] as const;

describe('parseSorter', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['name:ascend', { field: 'name', order: 'ascend' }],
    ['name:descend', { field: 'name', order: 'descend' }],
    ['createdAt:descend', { field: 'createdAt', order: 'descend' }],
    ['name', { field: 'name', order: 'ascend' }],
    ['name:', { field: 'name', order: 'ascend' }],
    ['name:DESCEND', { field: 'name', order: 'ascend' }],
    ['name:sideways', { field: 'name', order: 'ascend' }],
    ['name:descend:extra', { field: 'name', order: 'descend' }],
    ['password_hash:ascend', undefined],
    ['Name:ascend', undefined],
    [' name:ascend', undefined],
    [':descend', undefined],
    [':', undefined],
    ['constructor:ascend', undefined],
    ['__proto__:ascend', undefined],
    ['toString', undefined],
    ['name; drop table users; --', undefined],
    ['{"name":"descend"}', { field: 'name', order: 'descend' }],
    [' {"createdAt":"ascend"}', { field: 'createdAt', order: 'ascend' }],
    ['{"name":"descend","createdAt":"ascend"}', { field: 'name', order: 'descend' }],
    ['{"name":null}', { field: 'name', order: 'ascend' }],
    ['{"name":{"$gt":1}}', { field: 'name', order: 'ascend' }],
    ['{"password":"descend"}', undefined],
    ['{"__proto__":"descend"}', undefined],
    ['{}', undefined],
    ['{broken', undefined],
    ['{"name":', undefined],
    ['["name","descend"]', undefined],
    ['null', undefined],
  ])('%j → %j', (sorter, expected) => {
    expect(parseSorter(sorter, FIELDS)).toEqual(expected);
  });

  it('never throws, and only ever names an allowed field', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.json(),
          fc.tuple(fc.constantFrom(...FIELDS, 'x'), fc.string()).map(([f, o]) => `${f}:${o}`),
          fc.tuple(fc.constantFrom(...FIELDS, 'x'), fc.jsonValue()).map(([f, o]) => JSON.stringify({ [f]: o })),
        ),
        (sorter) => {
          const result = parseSorter(sorter, FIELDS);
          if (result) {
            expect(FIELDS).toContain(result.field);
            expect(['ascend', 'descend']).toContain(result.order);
          }
        },
      ),
    );
  });

  it('round-trips every allowed field and order in both notations', () => {
    for (const field of FIELDS) {
      for (const order of ['ascend', 'descend'] as const) {
        expect(parseSorter(`${field}:${order}`, FIELDS)).toEqual({ field, order });
        expect(parseSorter(JSON.stringify({ [field]: order }), FIELDS)).toEqual({ field, order });
      }
    }
  });
});

describe('PageQuerySchema', () => {
  it('defaults and coerces query strings', () => {
    expect(PageQuerySchema.parse({})).toEqual({ current: 1, pageSize: 20 });
    expect(PageQuerySchema.parse({ current: '3', pageSize: '200', sorter: 'name:ascend' })).toEqual({
      current: 3,
      pageSize: 200,
      sorter: 'name:ascend',
    });
  });

  it.each([
    { pageSize: '0' },
    { pageSize: String(MAX_PAGE_SIZE + 1) },
    { pageSize: '-1' },
    { pageSize: '1.5' },
    { pageSize: 'abc' },
    { pageSize: '' },
    { pageSize: ['10', '20'] },
    { current: '0' },
    { current: '-1' },
    { current: '1000001' },
    { current: 'NaN' },
    { sorter: 'x'.repeat(201) },
  ])('refuses %j', (query) => {
    expect(PageQuerySchema.safeParse(query).success).toBe(false);
  });
});
