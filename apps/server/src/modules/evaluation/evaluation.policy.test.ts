import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BallotSubject,
  ballotRows,
  coversSuperior,
  itemsOf,
  nested,
  parentPathOf,
  shuffled,
} from './evaluation.policy.js';

const subjects = new Map<string, BallotSubject>([
  ['s1', { id: 's1', memberId: 'm1', graded: true }],
  ['s2', { id: 's2', memberId: 'm2', graded: true }],
  ['p', { id: 'p', memberId: 'mp', graded: false }],
  ['org', { id: 'org', memberId: null, graded: true }],
]);
const ctx = (voter: { memberId: string; subjectId: string | null }, itemKeys: string[] = []) => ({
  subjects,
  itemKeys,
  voter,
});

describe('ballotRows', () => {
  it.each<[string, Parameters<typeof ballotRows>, string | null]>([
    [
      'a member grade',
      ['member_evaluation', [{ subjectId: 's2', choice: 'excellent' }], ctx({ memberId: 'm1', subjectId: null })],
      null,
    ],
    [
      'a secretary choice',
      ['secretary_review', [{ subjectId: 'org', choice: 'good' }], ctx({ memberId: 'm1', subjectId: 'org' })],
      null,
    ],
    [
      'unknown subject',
      ['member_evaluation', [{ subjectId: 'x', choice: 'qualified' }], ctx({ memberId: 'm1', subjectId: null })],
      'body.entries.0.subjectId:subject_not_in_campaign',
    ],
    [
      'another branch’s secretary',
      ['secretary_review', [{ subjectId: 'org', choice: 'good' }], ctx({ memberId: 'm9', subjectId: 's1' })],
      'body.entries.0.subjectId:subject_not_eligible',
    ],
    [
      'oneself',
      ['member_evaluation', [{ subjectId: 's1', choice: 'excellent' }], ctx({ memberId: 'm1', subjectId: null })],
      'body.entries.0.subjectId:self',
    ],
    [
      'a probationary member',
      ['member_evaluation', [{ subjectId: 'p', choice: 'qualified' }], ctx({ memberId: 'm1', subjectId: null })],
      'body.entries.0.subjectId:ungraded',
    ],
    [
      'the same person twice',
      [
        'member_evaluation',
        [
          { subjectId: 's2', choice: 'qualified' },
          { subjectId: 's2', choice: 'excellent' },
        ],
        ctx({ memberId: 'm1', subjectId: null }),
      ],
      'body.entries.1.subjectId:duplicate',
    ],
    [
      'a secretary choice in a member evaluation',
      ['member_evaluation', [{ subjectId: 's2', choice: 'good' }], ctx({ memberId: 'm1', subjectId: null })],
      'body.entries.0.choice:wrong_choice',
    ],
    [
      'a grade in a secretary review',
      ['secretary_review', [{ subjectId: 'org', choice: 'excellent' }], ctx({ memberId: 'm1', subjectId: null })],
      'body.entries.0.choice:wrong_choice',
    ],
    [
      'an unknown item',
      [
        'secretary_review',
        [{ subjectId: 'org', choice: 'good', items: [{ key: 'i3', choice: 'good' }] }],
        ctx({ memberId: 'm1', subjectId: null }, ['i1', 'i2']),
      ],
      'body.entries.0.items.0.key:unknown_item',
    ],
    [
      'an item twice',
      [
        'secretary_review',
        [
          {
            subjectId: 'org',
            choice: 'good',
            items: [
              { key: 'i1', choice: 'good' },
              { key: 'i1', choice: 'poor' },
            ],
          },
        ],
        ctx({ memberId: 'm1', subjectId: null }, ['i1']),
      ],
      'body.entries.0.items.1.key:unknown_item',
    ],
    [
      'items in a member evaluation',
      [
        'member_evaluation',
        [{ subjectId: 's2', choice: 'qualified', items: [{ key: 'i1', choice: 'good' }] }],
        ctx({ memberId: 'm1', subjectId: null }, ['i1']),
      ],
      'body.entries.0.items:items_not_here',
    ],
  ])('%s', (_label, args, problem) => {
    const r = ballotRows(...args);
    expect(r.ok ? null : `${r.problem.path}:${r.problem.reason}`).toBe(problem);
  });

  it('turns a ballot into rows with no voter: overall choice first, then one per item', () => {
    const r = ballotRows(
      'secretary_review',
      [
        {
          subjectId: 'org',
          choice: 'fairly_good',
          items: [
            { key: 'i1', choice: 'good' },
            { key: 'i2', choice: 'average' },
          ],
        },
      ],
      ctx({ memberId: 'm1', subjectId: null }, ['i1', 'i2']),
    );
    expect(r).toEqual({
      ok: true,
      rows: [
        { subjectId: 'org', item: '', choice: 'fairly_good' },
        { subjectId: 'org', item: 'i1', choice: 'good' },
        { subjectId: 'org', item: 'i2', choice: 'average' },
      ],
    });
    for (const row of r.ok ? r.rows : []) expect(Object.keys(row).sort()).toEqual(['choice', 'item', 'subjectId']);
  });
});

describe('scope helpers', () => {
  it.each<[string, string]>([
    ['a/b/c/', 'a/b/'],
    ['a/', ''],
  ])('parent of %s is %s', (path, parent) => expect(parentPathOf(path)).toBe(parent));

  it.each<[string, string[], string, boolean]>([
    ['the branch itself is not its superior', ['a/b/c/'], 'a/b/c/', false],
    ['the parent committee', ['a/b/'], 'a/b/c/', true],
    ['the zone', ['a/'], 'a/b/c/', true],
    ['a sibling', ['a/b/d/'], 'a/b/c/', false],
    ['a root is confirmed by a holder of the root', ['a/'], 'a/', true],
  ])('%s', (_l, roots, path, ok) => expect(coversSuperior(roots, path)).toBe(ok));

  it.each<[string[], boolean]>([
    [['a/b/', 'a/c/'], false],
    [['a/b/', 'a/b/c/'], true],
    [[], false],
  ])('nested %j → %s', (paths, n) => expect(nested(paths)).toBe(n));

  it('numbers items i1, i2 …', () =>
    expect(itemsOf(['甲', '乙'])).toEqual([
      { key: 'i1', label: '甲' },
      { key: 'i2', label: '乙' },
    ]));

  it('shuffling keeps every row (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 1000 }), (list, seed) => {
        let s = seed;
        const random = (n: number) => {
          s = (s * 48271) % 2147483647;
          return s % n;
        };
        expect(shuffled(list, random).sort()).toEqual([...list].sort());
      }),
    );
  });
});
