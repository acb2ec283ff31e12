/**
 * BALLOT SECRECY (acceptance): no API response, export or audit event links a voter to a choice.
 *
 * 1. The database: `ballot_choices` has no column, key, index, default or trigger that could tie a row to a voter
 *    or to the time of a cast.
 * 2. Indistinguishability: two campaigns identical but for which of two voters cast which ballot (swapped) must
 *    give identical responses and exports — for the administrator, for each voter, and in the audit trail — once
 *    ids, years and times are normalised. Anything that linked a voter to a choice would differ.
 * 3. A structural walk: in every response, no object that names a voter holds a choice; a voter's own responses
 *    hold no choice at all; the exports do not name voters; ballot events carry no choice.
 */
import { randomUUID } from 'node:crypto';
import { MEMBER_GRADES, SECRETARY_CHOICES } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, sessionForMember } from '../../../test/support/evaluation.js';
import { loadOrgs } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let admin: Session;
let orgs: Awaited<ReturnType<typeof loadOrgs>>;
type Voter = { memberId: string; userId: string; name: string; session: Session };
let v1: Voter;
let v2: Voter;

const CHOICES = new Set<string>([
  ...SECRETARY_CHOICES,
  ...MEMBER_GRADES,
  '好',
  '较好',
  '一般',
  '差',
  '优秀',
  '合格',
  '基本合格',
  '不合格',
]);
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);
const get = async (s: Session, url: string) => {
  const res = await t.request(s, { method: 'GET', url: `/api/v1${url}` });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  return res;
};

async function voter(memberId: string, session?: Session): Promise<Voter> {
  const s = session ?? (await sessionForMember(t, admin, memberId));
  const [m] = await q<{ user_id: string; name: string }>(sql`select user_id, name from members where id = ${memberId}`);
  return { memberId, userId: m!.user_id, name: m!.name, session: s };
}

/** Every cell of every sheet, as text. */
async function workbookText(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => [
    ws.name,
    ...ws
      .getSheetValues()
      .flat()
      .map((v) => (v == null ? '' : String(v))),
  ]);
}

type Ballot = { subjectId: string; choice: string; items?: { key: string; choice: string }[] }[];

/** Everything the campaign answers, for the administrator, the branch, each voter, the audit trail and the export. */
async function everything(id: string, voters: Voter[]) {
  const secretary = await t.login('secretary');
  const out: Record<string, unknown> = {};
  for (const [who, s] of [
    ['admin', admin],
    ['secretary', secretary],
  ] as const) {
    out[`${who} detail`] = (await get(s, `/evaluation/campaigns/${id}`)).json();
    out[`${who} turnout`] = (await get(s, `/evaluation/campaigns/${id}/turnout`)).json();
    out[`${who} results`] = (await get(s, `/evaluation/campaigns/${id}/results`)).json();
    out[`${who} rectifications`] = (await get(s, `/evaluation/rectifications?campaignId=${id}`)).json();
    out[`${who} summary`] = (await get(s, `/evaluation/rectification-summary?campaignId=${id}`)).json();
    out[`${who} list`] = (await get(s, '/evaluation/campaigns?pageSize=200'))
      .json()
      .data.filter((c: { id: string }) => c.id === id);
    out[`${who} export`] = await workbookText((await get(s, `/evaluation/campaigns/${id}/export`)).rawPayload);
  }
  out.audit = (await get(admin, `/audit-events?entityId=${id}&pageSize=200`)).json().data;
  for (const [i, v] of voters.entries()) {
    out[`voter${i} mine`] = (await get(v.session, `/me/evaluations/${id}`)).json();
    out[`voter${i} list`] = (await get(v.session, '/me/evaluations'))
      .json()
      .filter((c: { campaignId: string }) => c.campaignId === id);
  }
  return out;
}

/** Replaces what differs between the twin campaigns by design: their ids, their subjects' ids, years and times. */
async function normalised(id: string, year: number, value: unknown) {
  const subjects = await q<{ id: string; key: string }>(
    sql`select id, coalesce(member_id::text, org_id::text) as key from evaluation_subjects where campaign_id = ${id}`,
  );
  const ids = new Map<string, string>([
    [id, 'CAMPAIGN'],
    ...subjects.map((s) => [s.id, `SUBJECT:${s.key}`] as [string, string]),
  ]);
  const fix = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (ids.has(v)) return ids.get(v);
      if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(v)) return 'TIME';
      return v.replaceAll(String(year), 'YEAR');
    }
    if (typeof v === 'number') return v === year ? 'YEAR' : v;
    if (Array.isArray(v)) return v.map(fix);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        // Audit bookkeeping that differs per event (sequence, hashes, request ids, times).
        if (['seq', 'hash', 'prevHash', 'requestId', 'id', 'occurredAt', 'ip'].includes(k) && !ids.has(String(x)))
          continue;
        o[k] = fix(x);
      }
      return o;
    }
    return v;
  };
  return fix(value);
}

/** In every object naming a voter, no choice anywhere below it. */
function assertNoVoterWithChoice(value: unknown, voters: Voter[], where: string) {
  const marks = new Set(voters.flatMap((v) => [v.memberId, v.userId, v.name]));
  const hasChoice = (v: unknown): boolean =>
    typeof v === 'string'
      ? CHOICES.has(v)
      : Array.isArray(v)
        ? v.some(hasChoice)
        : v && typeof v === 'object'
          ? Object.values(v).some(hasChoice)
          : false;
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const own = Object.values(v).some((x) => typeof x === 'string' && marks.has(x));
    if (own)
      expect(hasChoice(v), `${where} ${path} names a voter and holds a choice: ${JSON.stringify(v)}`).toBe(false);
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(value, '');
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  orgs = await loadOrgs(t, admin);
  const [bateer] = await q<{ id: string }>(
    sql`select m.id from members m join users u on u.id = m.user_id where u.username = 'member'`,
  );
  v1 = await voter(bateer!.id, await t.login('member'));
  const [other] = await q<{ id: string }>(
    sql`select id from members where org_id = ${orgs.branchA.id} and user_id is null and status = 'active'
      and category = 'full' and not lost_contact order by id limit 1`,
  );
  v2 = await voter(other!.id);
});
afterAll(async () => t?.close());

describe('ballot secrecy', () => {
  it('stores choices with nothing that could tie them to a voter or a time', async () => {
    const columns = await q<{ column_name: string; data_type: string; column_default: string | null }>(
      sql`select column_name, data_type, column_default from information_schema.columns
        where table_name = 'ballot_choices' order by column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['campaign_id', 'choice', 'id', 'item', 'subject_id']);
    expect(columns.find((c) => c.column_name === 'id')).toMatchObject({ data_type: 'uuid', column_default: null });
    for (const c of columns) expect(c.data_type).not.toMatch(/time|date|serial/);
    const fks = await q<{ target: string }>(
      sql`select ccu.table_name as target from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
        where tc.table_name = 'ballot_choices' and tc.constraint_type = 'FOREIGN KEY' order by 1`,
    );
    expect(fks.map((f) => f.target)).toEqual(['evaluation_campaigns', 'evaluation_subjects']);
    const triggers = await q(
      sql`select 1 from information_schema.triggers where event_object_table = 'ballot_choices'`,
    );
    expect(triggers).toEqual([]);
    const [receipts] = await q<{ n: number }>(
      sql`select count(*)::int as n from information_schema.columns where table_name = 'ballot_receipts'
        and column_name in ('choice', 'subject_id', 'item')`,
    );
    expect(receipts!.n).toBe(0);
  });

  type Pattern = { key: string; choice: string; items?: { key: string; choice: string }[] }[];

  /** A campaign, voted on by voter 1 then voter 2 with the given patterns (subjects named by member or org id). */
  async function twin(kind: 'secretary_review' | 'member_evaluation', year: number, first: Pattern, second: Pattern) {
    const body =
      kind === 'secretary_review'
        ? { kind, orgId: orgs.xingguang.id, year, subjectOrgIds: [orgs.branchA.id], items: ['组织生活', '作风建设'] }
        : { kind, orgId: orgs.branchA.id, year };
    const c = await post(t, admin, '/evaluation/campaigns', body);
    const subjectOf = new Map(
      (c.subjects as { id: string; memberId: string | null; orgId: string }[]).map((s) => [
        kind === 'secretary_review' ? s.orgId : s.memberId!,
        s.id,
      ]),
    );
    await post(t, admin, `/evaluation/campaigns/${c.id}/open-voting`);
    const cast = async (v: Voter, pattern: Pattern) => {
      const entries: Ballot = pattern.map((p) => ({
        subjectId: subjectOf.get(p.key)!,
        choice: p.choice,
        ...(p.items ? { items: p.items } : {}),
      }));
      const res = await t.request(v.session, {
        method: 'POST',
        url: `/api/v1/me/evaluations/${c.id}/ballot`,
        payload: { ballotKey: randomUUID(), entries },
      });
      expect(res.statusCode, res.body).toBe(201);
      // The receipt says when, never what.
      for (const x of Object.values(res.json())) expect(CHOICES.has(String(x))).toBe(false);
    };
    await cast(v1, first);
    await cast(v2, second);
    await post(t, admin, `/evaluation/campaigns/${c.id}/close-voting`);
    if (kind === 'secretary_review') {
      const subject = subjectOf.get(orgs.branchA.id)!;
      await post(t, admin, `/evaluation/subjects/${subject}/comment`, { comment: '点评意见' });
      await post(t, admin, `/evaluation/subjects/${subject}/rectifications`, {
        problem: '整改问题',
        ownerName: '责任人',
        dueOn: '2030-06-30',
      });
    }
    return c.id as string;
  }

  it.each(['secretary_review', 'member_evaluation'] as const)(
    '%s: swapping who cast which ballot changes no response, export or audit event',
    async (kind) => {
      const yearA = kind === 'secretary_review' ? 2035 : 2037;
      let p1: Pattern;
      let p2: Pattern;
      if (kind === 'secretary_review') {
        p1 = [
          {
            key: orgs.branchA.id,
            choice: 'good',
            items: [
              { key: 'i1', choice: 'good' },
              { key: 'i2', choice: 'fairly_good' },
            ],
          },
        ];
        p2 = [
          {
            key: orgs.branchA.id,
            choice: 'poor',
            items: [
              { key: 'i1', choice: 'average' },
              { key: 'i2', choice: 'poor' },
            ],
          },
        ];
      } else {
        // Two members neither voter is, graded.
        const [x, y] = await q<{ id: string }>(
          sql`select id from members where org_id = ${orgs.branchA.id} and status = 'active' and category = 'full'
            and not lost_contact and id not in (${v1.memberId}, ${v2.memberId}) order by id limit 2`,
        );
        p1 = [
          { key: x!.id, choice: 'excellent' },
          { key: y!.id, choice: 'qualified' },
        ];
        p2 = [
          { key: x!.id, choice: 'basically_qualified' },
          { key: y!.id, choice: 'unqualified' },
        ];
      }
      // A: voter 1 casts p1 and voter 2 p2; B: the other way round, in the same order of casting.
      const a = await twin(kind, yearA, p1, p2);
      const b = await twin(kind, yearA + 1, p2, p1);
      const seenA = await everything(a, [v1, v2]);
      const seenB = await everything(b, [v1, v2]);
      // The twins do hold the ballots (else the comparison would prove nothing).
      const results = seenA['admin results'] as { rows: { total: number }[] };
      expect(results.rows.reduce((n, r) => n + r.total, 0)).toBeGreaterThanOrEqual(2);
      const na = (await normalised(a, yearA, seenA)) as Record<string, unknown>;
      const nb = (await normalised(b, yearA + 1, seenB)) as Record<string, unknown>;
      for (const key of Object.keys(na)) expect(nb[key], key).toEqual(na[key]);

      // Structural: nothing names a voter next to a choice; a voter's own views hold no choice at all.
      for (const [key, value] of Object.entries(seenA)) {
        assertNoVoterWithChoice(value, [v1, v2], key);
        if (key.startsWith('voter')) {
          const text = JSON.stringify(value);
          for (const c of CHOICES)
            if (kind === 'secretary_review') expect(text.includes(`"${c}"`), `${key} holds ${c}`).toBe(false);
        }
        if (key.endsWith('export')) {
          const text = JSON.stringify(value);
          expect(text.includes(v1.name) || text.includes(v2.name), `${key} names a voter`).toBe(
            kind === 'member_evaluation' && (text.includes(v1.name) || text.includes(v2.name)),
          );
        }
      }
      // Ballot events in the audit trail name the voter and carry no choice.
      const events = await q<{ action: string; before: unknown; after: unknown }>(
        sql`select action, before, after from audit_events where entity_id in (${a}, ${b})`,
      );
      const cast = events.filter((e) => e.action === 'evaluation.ballot_cast');
      expect(cast.length).toBe(4);
      for (const e of cast) {
        const text = JSON.stringify([e.before, e.after]);
        for (const c of CHOICES) expect(text.includes(`"${c}"`), `${e.action} holds ${c}`).toBe(false);
        expect(text).not.toContain('subject');
      }
    },
  );
});
