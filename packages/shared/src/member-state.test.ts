import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemberEventType, MemberState } from './member.schema.js';
import { deriveMemberState, emptyMemberState, type FoldableEvent, wholeYearsBetween } from './member-state.js';

const A = 'org-a';
const B = 'org-b';
let seq = 0;
const ev = (
  type: MemberEventType,
  effectiveDate: string,
  more: Partial<Omit<FoldableEvent, 'type' | 'effectiveDate'>> = {},
): FoldableEvent => ({ type, effectiveDate, seq: ++seq, orgId: more.orgId ?? null, details: more.details ?? {} });

const joined = ev('joined', '2020-07-01', { orgId: A });
const registered = ev('registered', '2010-07-01', { orgId: A, details: { category: 'probationary' } });
const converted = ev('converted', '2011-07-01', { orgId: A });

describe('deriveMemberState: one case per event type', () => {
  const cases: [string, FoldableEvent[], Partial<MemberState>][] = [
    ['joined', [joined], { orgId: A, category: 'probationary', status: 'active', joinDate: '2020-07-01' }],
    ['registered', [registered], { orgId: A, category: 'probationary', joinDate: '2010-07-01' }],
    ['registered as full', [ev('registered', '2010-07-01', { orgId: A })], { category: 'full' }],
    ['converted', [registered, converted], { category: 'full', fullMemberDate: '2011-07-01', joinDate: '2010-07-01' }],
    [
      'probation_extended',
      [joined, ev('probation_extended', '2021-06-30', { details: { months: 6 } })],
      { category: 'probationary' },
    ],
    ['qualification_cancelled', [joined, ev('qualification_cancelled', '2021-07-01')], { status: 'removed' }],
    [
      'transferred_in',
      [registered, converted, ev('transferred_out', '2015-01-01'), ev('transferred_in', '2016-01-01', { orgId: B })],
      { orgId: B, status: 'active', category: 'full' },
    ],
    ['moved', [registered, converted, ev('moved', '2015-01-01', { orgId: B })], { orgId: B, status: 'active' }],
    ['transferred_out', [registered, ev('transferred_out', '2015-01-01')], { status: 'transferred_out', orgId: A }],
    [
      'flow_out',
      [registered, ev('flow_out', '2015-01-01', { details: { destination: '包头' } })],
      { flowing: true, flowDestination: '包头' },
    ],
    [
      'flow_back',
      [registered, ev('flow_out', '2015-01-01', { details: { destination: '包头' } }), ev('flow_back', '2015-06-01')],
      { flowing: false, flowDestination: null },
    ],
    ['lost', [registered, ev('lost', '2015-01-01')], { lostContact: true, lostSince: '2015-01-01' }],
    [
      'found',
      [registered, ev('lost', '2015-01-01'), ev('found', '2015-03-01')],
      { lostContact: false, lostSince: null },
    ],
    ['suspended', [registered, ev('suspended', '2015-01-01')], { partyStatus: 'suspended' }],
    ['restored', [registered, ev('suspended', '2015-01-01'), ev('restored', '2016-01-01')], { partyStatus: 'normal' }],
    ['left', [registered, ev('left', '2015-01-01', { details: { leftKind: 'withdrew' } })], { status: 'removed' }],
    ['died', [registered, converted, ev('died', '2020-01-01')], { status: 'deceased', category: 'full' }],
  ];
  it.each(cases)('%s', (_name, events, expected) => {
    expect(deriveMemberState(events)).toMatchObject(expected);
  });

  it('stops at the as-of date, inclusive', () => {
    const history = [registered, converted, ev('moved', '2015-01-01', { orgId: B })];
    expect(deriveMemberState(history, '2014-12-31')).toMatchObject({ orgId: A, category: 'full' });
    expect(deriveMemberState(history, '2015-01-01')).toMatchObject({ orgId: B });
    expect(deriveMemberState(history, '2011-06-30')).toMatchObject({ category: 'probationary' });
    expect(deriveMemberState(history, '2009-01-01')).toEqual(emptyMemberState());
  });

  it('orders same-day events by sequence', () => {
    const a = ev('moved', '2015-01-01', { orgId: B });
    const b = ev('moved', '2015-01-01', { orgId: A });
    expect(deriveMemberState([registered, b, a]).orgId).toBe(A);
  });

  it('counts whole years', () => {
    expect(wholeYearsBetween('2000-02-29', '2018-02-28')).toBe(17);
    expect(wholeYearsBetween('2000-02-29', '2018-03-01')).toBe(18);
    expect(wholeYearsBetween('1990-06-15', '2026-06-15')).toBe(36);
  });
});

describe('deriveMemberState: properties', () => {
  const types: MemberEventType[] = [
    'registered',
    'joined',
    'converted',
    'probation_extended',
    'moved',
    'transferred_out',
    'transferred_in',
    'flow_out',
    'flow_back',
    'lost',
    'found',
    'suspended',
    'restored',
    'left',
    'died',
  ];
  const history = fc
    .array(
      fc.record({
        type: fc.constantFrom(...types),
        day: fc.integer({ min: 0, max: 3000 }),
        org: fc.constantFrom(A, B, null),
        destination: fc.option(fc.constantFrom('包头', '榆林'), { nil: undefined }),
      }),
      { maxLength: 12 },
    )
    .map((items) =>
      items.map(
        (x, i): FoldableEvent => ({
          type: x.type,
          effectiveDate: new Date(Date.UTC(2010, 0, 1) + x.day * 86_400_000).toISOString().slice(0, 10),
          seq: i + 1,
          orgId: x.org,
          details: x.destination ? { destination: x.destination } : {},
        }),
      ),
    );

  it('does not depend on the order events are given in', () => {
    fc.assert(
      fc.property(
        history.chain((h) =>
          fc.tuple(fc.constant(h), fc.shuffledSubarray(h, { minLength: h.length, maxLength: h.length })),
        ),
        ([events, shuffled]) => {
          expect(deriveMemberState(shuffled)).toEqual(deriveMemberState(events));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('as of the last event date equals the whole fold', () => {
    fc.assert(
      fc.property(history, (events) => {
        const last = events
          .map((e) => e.effectiveDate)
          .sort()
          .at(-1);
        expect(deriveMemberState(events, last)).toEqual(deriveMemberState(events));
      }),
    );
  });
});
