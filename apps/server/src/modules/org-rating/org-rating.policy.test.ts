import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { electionOverdue, noActivity, reviewerStanding, type Term, termCoverage, termOn } from './org-rating.policy.js';

const ZONE = 'z/';
const XG = 'z/xg/';
const A = 'z/xg/a/';
const A_GROUP = 'z/xg/a/g1/';
const SIBLING = 'z/xg/b/';

describe('who may review a rating', () => {
  it.each([
    ['a zone manager, member elsewhere', A, { manageRoots: [ZONE], grantPaths: [ZONE], memberPath: 'z/gov/' }, 'ok'],
    ['the group committee manager', A, { manageRoots: [XG], grantPaths: [XG], memberPath: null }, 'ok'],
    ['the branch’s own admin', A, { manageRoots: [A], grantPaths: [A], memberPath: null }, 'belongs'],
    [
      'a member of the branch, even managing the zone',
      A,
      { manageRoots: [ZONE], grantPaths: [ZONE], memberPath: A },
      'belongs',
    ],
    [
      'a member of a party group of the branch',
      A,
      { manageRoots: [ZONE], grantPaths: [ZONE], memberPath: A_GROUP },
      'belongs',
    ],
    [
      'holding any role on the branch besides',
      A,
      { manageRoots: [ZONE], grantPaths: [ZONE, A], memberPath: null },
      'belongs',
    ],
    [
      'a role on a party group of the branch',
      A,
      { manageRoots: [XG], grantPaths: [XG, A_GROUP], memberPath: null },
      'belongs',
    ],
    [
      'a sibling branch’s admin',
      A,
      { manageRoots: [SIBLING], grantPaths: [SIBLING], memberPath: SIBLING },
      'not_superior',
    ],
    [
      'read-only at the zone (no manage root)',
      A,
      { manageRoots: [], grantPaths: [ZONE], memberPath: null },
      'not_superior',
    ],
    [
      'a member of a sibling branch managing the group',
      A,
      { manageRoots: [XG], grantPaths: [XG], memberPath: SIBLING },
      'ok',
    ],
  ] as const)('%s', (_label, orgPath, p, expected) => {
    expect(reviewerStanding(orgPath, p)).toBe(expected);
  });

  it('never lets anyone review an organization they are a member of or hold a role in', () => {
    const path = fc
      .array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 4 })
      .map((xs) => `${xs.join('/')}/`);
    fc.assert(
      fc.property(
        path,
        fc.array(path, { maxLength: 3 }),
        fc.array(path, { maxLength: 3 }),
        fc.option(path, { nil: null }),
        (org, manage, grants, member) => {
          const s = reviewerStanding(org, { manageRoots: manage, grantPaths: grants, memberPath: member });
          if (s === 'ok') {
            expect(member?.startsWith(org) ?? false).toBe(false);
            expect(grants.some((g) => g.startsWith(org))).toBe(false);
            expect(manage.some((m) => org.startsWith(m) && m !== org)).toBe(true);
          }
        },
      ),
    );
  });
});

const term = (electedOn: string, expiresOn: string): Term => ({ electedOn, expiresOn });

describe('committee terms over a period', () => {
  it.each([
    ['one term over the whole year', [term('2024-03-01', '2027-03-01')], 365, 365, 0],
    [
      're-elected on the expiry date',
      [term('2023-06-01', '2026-06-01'), term('2026-06-01', '2029-06-01')],
      365,
      365,
      0,
    ],
    ['re-elected a month late', [term('2023-06-01', '2026-06-01'), term('2026-07-01', '2029-07-01')], 365, 335, 30],
    ['expired and never renewed', [term('2023-06-01', '2026-06-01')], 365, 151, 214],
    ['first election in the year: judged from then', [term('2026-07-01', '2029-07-01')], 184, 184, 0],
  ] as const)('%s', (_label, terms, total, covered, overdue) => {
    expect(termCoverage(terms, '2026-01-01', '2026-12-31')).toMatchObject({ total, covered, overdueDays: overdue });
  });

  it('has nothing to judge without terms', () => {
    expect(termCoverage([], '2026-01-01', '2026-12-31').total).toBe(0);
  });

  it('finds the term in force and a term overdue for over a year', () => {
    const terms = [term('2019-05-01', '2022-05-01'), term('2022-05-10', '2025-05-10')];
    expect(termOn(terms, '2022-05-09')).toEqual(terms[0]);
    expect(termOn(terms, '2026-01-01')).toEqual(terms[1]);
    expect(electionOverdue(terms, '2026-05-10')).toBeNull();
    expect(electionOverdue(terms, '2026-05-11')).toMatchObject({ overdueDays: 366 });
  });

  it('covers every day at most once whatever the terms', () => {
    const day = fc
      .integer({ min: 0, max: 2000 })
      .map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const termArb = fc.tuple(day, fc.integer({ min: 1, max: 2000 })).map(([start, len]) => ({
      electedOn: start,
      expiresOn: new Date(Date.parse(`${start}T00:00:00Z`) + len * 86_400_000).toISOString().slice(0, 10),
    }));
    fc.assert(
      fc.property(fc.array(termArb, { maxLength: 5 }), (terms) => {
        const c = termCoverage(terms, '2026-01-01', '2026-12-31');
        expect(c.covered).toBeGreaterThanOrEqual(0);
        expect(c.covered).toBeLessThanOrEqual(c.total);
        expect(c.overdueDays).toBe(c.total - c.covered);
      }),
    );
  });
});

describe('no activity for a year', () => {
  it.each([
    ['last activity within the year', '2026-03-01', '2026-11-24', '2015-01-01', false],
    ['last activity over a year ago', '2025-11-01', '2026-11-24', '2015-01-01', true],
    ['no activity ever', null, '2026-11-24', null, true],
    ['founded less than a year ago', null, '2026-11-24', '2026-02-01', false],
  ] as const)('%s', (_label, last, date, founded, hit) => {
    expect(noActivity(last, date, founded) !== null).toBe(hit);
  });
});
