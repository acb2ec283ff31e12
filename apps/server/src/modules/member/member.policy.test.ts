import {
  type CreateMemberEventBody,
  deriveMemberState,
  type FoldableEvent,
  idNumberCheckChar,
} from '@red-engine/shared';
import { describe, expect, it } from 'vitest';
import { addMonths, checkIdentity, checkLifecycleDates, checkMemberEvent, type EventContext } from './member.policy.js';
import { todayIso } from './member.service.js';

const TODAY = '2026-06-30';
const A = { id: 'a', type: 'branch' };
const B = { id: 'b', type: 'branch' };
const GROUP = { id: 'g', type: 'party_group' };
const id17 = '15062419850312001';
const ID = id17 + idNumberCheckChar(id17);

const ev = (type: FoldableEvent['type'], effectiveDate: string, seq: number, more: Partial<FoldableEvent> = {}) =>
  ({ type, effectiveDate, seq, orgId: more.orgId ?? 'a', details: more.details ?? {} }) as FoldableEvent;
const probationary = [ev('joined', '2025-01-10', 1)];
const full = [
  ev('registered', '2010-07-01', 1, { details: { category: 'probationary' } }),
  ev('converted', '2011-07-01', 2),
];

function check(history: FoldableEvent[], body: Partial<CreateMemberEventBody>, ctx: Partial<EventContext> = {}) {
  const b = { details: {}, effectiveDate: TODAY, ...body } as CreateMemberEventBody;
  return checkMemberEvent(history, deriveMemberState(history), b, { today: TODAY, ...ctx })?.path ?? null;
}

describe('member policy', () => {
  it.each([
    [{ idNumber: ID, gender: 'male', birthDate: '1985-03-12' }, null],
    [{ idNumber: ID.toLowerCase(), gender: 'male', birthDate: '1985-03-12' }, null],
    [{ idNumber: `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}` }, 'body.idNumber'],
    [{ idNumber: ID, gender: 'female' }, 'body.gender'],
    [{ idNumber: ID, gender: 'male', birthDate: '1985-03-13' }, 'body.birthDate'],
  ])('identity %j → %s', (fields, path) => {
    expect(checkIdentity(fields, 'body', TODAY)?.path ?? null).toBe(path);
  });

  it.each([
    [{ category: 'full', joinDate: '2010-07-01', fullMemberDate: '2011-07-01' }, null],
    [{ category: 'probationary', joinDate: '2026-01-01' }, null],
    [{ category: 'probationary', joinDate: '2026-07-01' }, 'body.joinDate'],
    [{ category: 'full', joinDate: '2003-03-11', fullMemberDate: '2004-03-11' }, 'body.joinDate'],
    [{ category: 'full', joinDate: '2003-03-12', fullMemberDate: '2004-03-12' }, null],
    [{ category: 'full', joinDate: '2010-07-01' }, 'body.fullMemberDate'],
    [{ category: 'full', joinDate: '2010-07-01', fullMemberDate: '2010-06-30' }, 'body.fullMemberDate'],
    [{ category: 'probationary', joinDate: '2026-01-01', fullMemberDate: '2026-02-01' }, 'body.fullMemberDate'],
  ] as const)('lifecycle dates %j → %s', (b, path) => {
    expect(checkLifecycleDates({ birthDate: '1985-03-12', ...b }, TODAY)?.path ?? null).toBe(path);
  });

  it.each([
    ['converted after a year', probationary, { type: 'converted', effectiveDate: '2026-01-10' }, {}, null],
    ['converted too early', probationary, { type: 'converted', effectiveDate: '2026-01-09' }, {}, 'body.effectiveDate'],
    ['converted when full', full, { type: 'converted' }, {}, 'body.type'],
    [
      'converted before the extension ends',
      [...probationary, ev('probation_extended', '2026-01-05', 2, { details: { months: 6 } })],
      { type: 'converted', effectiveDate: '2026-06-30' },
      {},
      'body.effectiveDate',
    ],
    ['extension', probationary, { type: 'probation_extended', details: { months: 12 } }, {}, null],
    ['extension without months', probationary, { type: 'probation_extended' }, {}, 'body.details.months'],
    [
      'second extension',
      [...probationary, ev('probation_extended', '2026-01-05', 2, { details: { months: 6 } })],
      { type: 'probation_extended', details: { months: 6 } },
      {},
      'body.type',
    ],
    ['cancel a full member', full, { type: 'qualification_cancelled' }, {}, 'body.type'],
    ['future date', full, { type: 'lost', effectiveDate: '2026-07-01' }, {}, 'body.effectiveDate'],
    ['before the last event', full, { type: 'lost', effectiveDate: '2011-06-30' }, {}, 'body.effectiveDate'],
    ['moved', full, { type: 'moved', orgId: 'b' }, { target: B }, null],
    ['moved to the same branch', full, { type: 'moved', orgId: 'a' }, { target: A }, 'body.orgId'],
    ['moved to a party group', full, { type: 'moved', orgId: 'g' }, { target: GROUP }, 'body.orgId'],
    ['moved out of scope', full, { type: 'moved', orgId: 'x' }, { target: null }, 'body.orgId'],
    ['moved nowhere', full, { type: 'moved' }, {}, 'body.orgId'],
    ['transfer in while active', full, { type: 'transferred_in', orgId: 'b' }, { target: B }, 'body.type'],
    [
      'transfer in after out',
      [...full, ev('transferred_out', '2020-01-01', 3)],
      { type: 'transferred_in', orgId: 'b' },
      { target: B },
      null,
    ],
    ['transfer out without destination', full, { type: 'transferred_out' }, {}, 'body.details.destination'],
    ['event after transfer out', [...full, ev('transferred_out', '2020-01-01', 3)], { type: 'lost' }, {}, 'body.type'],
    ['flow out', full, { type: 'flow_out', details: { destination: '包头' } }, {}, null],
    ['flow back when not flowing', full, { type: 'flow_back' }, {}, 'body.type'],
    ['found when not lost', full, { type: 'found' }, {}, 'body.type'],
    ['lost twice', [...full, ev('lost', '2020-01-01', 3)], { type: 'lost' }, {}, 'body.type'],
    ['restored when normal', full, { type: 'restored' }, {}, 'body.type'],
    ['suspended twice', [...full, ev('suspended', '2020-01-01', 3)], { type: 'suspended' }, {}, 'body.type'],
    ['left without kind', full, { type: 'left' }, {}, 'body.details.leftKind'],
    ['died', full, { type: 'died' }, {}, null],
    ['died twice', [...full, ev('died', '2020-01-01', 3)], { type: 'died' }, {}, 'body.type'],
  ] as [string, FoldableEvent[], Partial<CreateMemberEventBody>, Partial<EventContext>, string | null][])(
    'event: %s',
    (_name, history, body, ctx, path) => {
      expect(check(history, body, ctx)).toBe(path);
    },
  );

  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-01-10', 18)).toBe('2026-07-10');
  });
});

describe('todayIso', () => {
  it.each([
    ['2026-11-24T15:59:59Z', '2026-11-24'],
    ['2026-11-24T16:00:00Z', '2026-11-25'],
    ['2026-11-25T07:59:59Z', '2026-11-25'],
    ['2026-12-31T16:30:00Z', '2027-01-01'],
  ])('at %s the zone is on %s whatever the server’s time zone', (instant, day) => {
    expect(todayIso(new Date(instant))).toBe(day);
  });
});
