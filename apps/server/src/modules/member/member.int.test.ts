import {
  deriveMemberState,
  type FoldableEvent,
  idNumberCheckChar,
  type Member,
  type MemberEventDetails,
  type MemberEventType,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailPaths, loadOrgs } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { addMonths } from './member.policy.js';
import { todayIso } from './member.service.js';

const today = todayIso();
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let serial = 100;
/** A valid ID number for a birth date and gender, unique within the file. */
function idNumber(birthDate: string, gender: 'male' | 'female', area = '150624'): string {
  serial += 2;
  const seq = String((serial % 1000) + (gender === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `${area}${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

function body(orgId: string, over: Record<string, unknown> = {}) {
  const birthDate = (over.birthDate as string | undefined) ?? '1985-03-12';
  const gender = (over.gender as 'male' | 'female' | undefined) ?? 'male';
  return {
    name: '测试党员',
    gender,
    idNumber: idNumber(birthDate, gender),
    ethnicity: '01',
    birthDate,
    education: '21',
    jobCategory: 'worker',
    phone: '13912345678',
    address: '内蒙古鄂托克旗棋盘井镇新华街8号',
    orgId,
    category: 'full',
    joinDate: '2010-07-01',
    fullMemberDate: '2011-07-01',
    ...over,
  };
}

type StoredEvent = {
  member_id: string;
  type: string;
  effective_date: string;
  seq: number;
  org_id: string | null;
  details: MemberEventDetails;
};

describe('members', () => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;
  const get = (url: string, s: Session = admin, headers: Record<string, string> = {}) =>
    t.request(s, { method: 'GET', url, headers });
  const post = (url: string, payload: unknown, s: Session = admin, headers: Record<string, string> = {}) =>
    t.request(s, { method: 'POST', url, payload: payload as object, headers });
  const list = async (query: string, s: Session = admin) => {
    const res = await get(`/api/v1/members?${query}`, s);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { data: Member[]; total: number };
  };
  const stats = async (query: string, s: Session = admin) => {
    const res = await get(`/api/v1/members/stats?${query}`, s);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const create = async (payload: unknown, s: Session = admin) => {
    const res = await post('/api/v1/members', payload, s);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Member;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    secretary = await t.login('secretary');
    orgs = await loadOrgs(t, admin);
  });
  afterAll(async () => t?.close());

  /** Every member's state as of a date, folded in JS from the stored events. */
  async function foldAll(asOf?: string) {
    const rows = await queryRows<StoredEvent>(
      t.database.db,
      sql`select member_id, type, effective_date::text as effective_date, seq::int as seq, org_id, details from member_events`,
    );
    const by = new Map<string, FoldableEvent[]>();
    for (const r of rows) {
      const list = by.get(r.member_id) ?? [];
      list.push({
        type: r.type as MemberEventType,
        effectiveDate: r.effective_date,
        seq: Number(r.seq),
        orgId: r.org_id,
        details: r.details,
      });
      by.set(r.member_id, list);
    }
    return new Map([...by].map(([id, events]) => [id, deriveMemberState(events, asOf)]));
  }

  async function allPages(query: string, s: Session = admin): Promise<Member[]> {
    const out: Member[] = [];
    for (let page = 1; ; page++) {
      const { data, total } = await list(`${query}&pageSize=200&current=${page}`, s);
      out.push(...data);
      if (out.length >= total || data.length === 0) return out;
    }
  }

  it('seeds about 1,700 members spread like the zone, with a cache that matches the fold of their events', async () => {
    const s = await stats('');
    expect(s.total).toBeGreaterThan(1550);
    expect(s.total).toBeLessThan(1850);
    const share = (n: number) => n / s.total;
    expect(share(s.byEthnicity['02'])).toBeGreaterThan(0.12);
    expect(share(s.byEthnicity['02'])).toBeLessThan(0.18);
    expect(share(s.byGender.female)).toBeGreaterThan(0.22);
    expect(share(s.byGender.female)).toBeLessThan(0.33);
    expect(share(s.byCategory.probationary)).toBeGreaterThan(0.02);
    expect(share(s.byCategory.probationary)).toBeLessThan(0.07);
    expect(s.flowing).toBeGreaterThan(3);
    expect(s.lostContact).toBeGreaterThan(3);
    expect(Object.values(s.byAgeBand as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(s.total);

    const folded = await foldAll();
    const cached = await queryRows<{
      id: string;
      org_id: string;
      category: string;
      status: string;
      lost_contact: boolean;
      flowing: boolean;
      join_date: string;
      full_member_date: string | null;
    }>(
      t.database.db,
      sql`select id, org_id, category, status, lost_contact, flowing, join_date::text as join_date,
        full_member_date::text as full_member_date from members`,
    );
    for (const m of cached) {
      const f = folded.get(m.id)!;
      expect({ ...m, id: undefined }).toEqual({
        id: undefined,
        org_id: f.orgId,
        category: f.category,
        status: f.status,
        lost_contact: f.lostContact,
        flowing: f.flowing,
        join_date: f.joinDate,
        full_member_date: f.fullMemberDate,
      });
    }
    const statuses = new Set(cached.map((m) => m.status));
    expect(statuses).toEqual(new Set(['active', 'transferred_out', 'deceased']));
  });

  it('answers as-of lists exactly as the fold of the events says, on several dates', async () => {
    for (const asOf of ['1995-01-01', '2015-06-30', addDays(today, -400), addDays(today, -60)]) {
      const folded = await foldAll(asOf);
      const expected = [...folded]
        .filter(([, s]) => s.status === 'active' && s.orgId)
        .map(([id, s]) => `${id}|${s.orgId}|${s.category}|${s.lostContact}|${s.flowing}`)
        .sort();
      const got = (await allPages(`asOf=${asOf}`))
        .map((m) => `${m.id}|${m.orgId}|${m.category}|${m.lostContact}|${m.flowing}`)
        .sort();
      expect(got).toEqual(expected);
      const s = await stats(`asOf=${asOf}`);
      expect(s.total).toBe(expected.length);
      expect(s.asOf).toBe(asOf);
    }
    const out = await list(`status=transferred_out&asOf=${today}&pageSize=1`);
    expect(out.total).toBeGreaterThan(0);
  });

  it('creates a member with a first event, masks the ID number and phone, and seals them at rest', async () => {
    const payload = body(orgs.branchA.id, {
      name: '测试甲',
      idNumber: idNumber('1988-09-30', 'female').toLowerCase(),
      gender: 'female',
      birthDate: '1988-09-30',
    });
    const plainId = payload.idNumber.toUpperCase();
    const m = await create(payload);
    expect(m).toMatchObject({
      name: '测试甲',
      orgId: orgs.branchA.id,
      orgName: orgs.branchA.name,
      category: 'full',
      status: 'active',
      joinDate: '2010-07-01',
      fullMemberDate: '2011-07-01',
      phoneMasked: '139****5678',
      hasAddress: true,
      idNumberMasked: `${plainId.slice(0, 6)}********${plainId.slice(-4)}`,
    });
    expect(JSON.stringify(m)).not.toContain(plainId);
    const [row] = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select * from members where id = ${m.id}`,
    );
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(plainId);
    expect(stored).not.toContain(plainId.slice(6, 14));
    expect(stored).not.toContain('13912345678');
    expect(stored).not.toContain('新华街8号');
    const events = (await get(`/api/v1/members/${m.id}/events`)).json();
    expect(events.map((e: { type: string }) => e.type)).toEqual(['registered', 'converted']);
    expect(events[0]).toMatchObject({ effectiveDate: '2010-07-01', orgName: orgs.branchA.name });

    const dup = await post('/api/v1/members', {
      ...body(orgs.branchA.id),
      idNumber: plainId,
      gender: 'female',
      birthDate: '1988-09-30',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('MEMBER_ID_NUMBER_TAKEN');
    expect(detailPaths(dup)).toEqual(['body.idNumber']);

    const listed = await list(`keyword=${plainId.slice(-4)}&orgId=${orgs.branchA.id}`);
    const hit = listed.data.find((x) => x.id === m.id)!;
    expect(hit.idNumberMasked).toBe(m.idNumberMasked);
    expect(JSON.stringify(listed)).not.toContain(plainId);

    const probationary = await create(
      body(orgs.branchA.id, { category: 'probationary', joinDate: addDays(today, -30), fullMemberDate: undefined }),
    );
    expect(probationary).toMatchObject({ category: 'probationary', fullMemberDate: null, partyAgeYears: null });
    expect((await get(`/api/v1/members/${probationary.id}/events`)).json()[0].type).toBe('joined');
  });

  it('names the offending field, in the caller language', async () => {
    const a = orgs.branchA.id;
    const good = body(a);
    const cases: [Record<string, unknown>, string][] = [
      [{ idNumber: `${good.idNumber.slice(0, 17)}${good.idNumber[17] === '0' ? '1' : '0'}` }, 'body.idNumber'],
      [{ idNumber: '150624198513401234' }, 'body.idNumber'],
      [{ gender: 'female' }, 'body.gender'],
      [{ birthDate: '1985-03-13', idNumber: good.idNumber }, 'body.birthDate'],
      [{ joinDate: '2001-01-01', fullMemberDate: '2002-01-01' }, 'body.joinDate'],
      [{ fullMemberDate: undefined }, 'body.fullMemberDate'],
      [{ fullMemberDate: '2009-01-01' }, 'body.fullMemberDate'],
      [{ category: 'probationary' }, 'body.fullMemberDate'],
      [{ joinDate: addDays(today, 3), fullMemberDate: undefined, category: 'probationary' }, 'body.joinDate'],
      [{ orgId: orgs.xingguang.id }, 'body.orgId'],
    ];
    for (const [over, path] of cases) {
      const res = await post('/api/v1/members', { ...good, ...over }, admin, { 'accept-language': 'en-US' });
      expect(res.statusCode, `${path} ${res.body}`).toBe(400);
      expect(detailPaths(res), JSON.stringify(over)).toEqual([path]);
    }
    const zh = await post('/api/v1/members', { ...good, gender: 'female' }, admin, { 'accept-language': 'zh-CN' });
    expect(zh.json().error.details[0].message).toBe('性别与公民身份号码不一致');
    const en = await post('/api/v1/members', { ...good, gender: 'female' }, admin, { 'accept-language': 'en-US' });
    expect(en.json().error.details[0].message).toBe('The gender does not match the ID number');

    const group = (await get(`/api/v1/orgs?withinId=${orgs.branchA.id}&type=party_group&pageSize=1`)).json().data[0];
    const inGroup = await post('/api/v1/members', { ...good, orgId: group.id });
    expect(inGroup.statusCode).toBe(400);
    expect(detailPaths(inGroup)).toEqual(['body.orgId']);
    const outOfScope = await post('/api/v1/members', { ...good, orgId: orgs.branchB.id }, secretary);
    expect(outOfScope.statusCode).toBe(400);
    expect(detailPaths(outOfScope)).toEqual(['body.orgId']);
  });

  it('updates personal fields with a masked before/after audit, and reveals sensitive fields with a trace', async () => {
    const m = await create(body(orgs.branchA.id, { name: '测试乙' }));
    const res = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      payload: { phone: '13698765432', workPost: '调度员', tags: ['先锋岗'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phoneMasked: '136****5432', workPost: '调度员', tags: ['先锋岗'] });
    const audit = (await get(`/api/v1/audit-events?entityId=${m.id}&action=member.update`)).json().data[0];
    expect(audit.before.phoneMasked).toBe('139****5678');
    expect(audit.after.phoneMasked).toBe('136****5432');
    expect(JSON.stringify(audit)).not.toMatch(/13698765432|13912345678/);

    const bad = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      payload: { gender: 'female' },
    });
    expect(bad.statusCode).toBe(400);
    expect(detailPaths(bad)).toEqual(['body.gender']);

    const plain = (
      await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_events where after::text like ${'%13698765432%'}`,
      )
    )[0]!;
    expect(Number(plain.n)).toBe(0);

    const reveal = await get(`/api/v1/members/${m.id}/sensitive?field=phone`);
    expect(reveal.json()).toEqual({ field: 'phone', value: '13698765432' });
    const idReveal = (await get(`/api/v1/members/${m.id}/sensitive?field=idNumber`)).json();
    expect(idReveal.value).toMatch(/^150624198503/);
    const traces = (await get(`/api/v1/audit-events?entityId=${m.id}&action=sensitive.read`)).json().data;
    expect(traces.map((e: { after: { field: string } }) => e.after.field).sort()).toEqual(['idNumber', 'phone']);
  });

  it('records events with their rules and keeps the cache folded from them', async () => {
    const joinDate = addDays(today, -700);
    const m = await create(
      body(orgs.branchA.id, { name: '测试丙', category: 'probationary', joinDate, fullMemberDate: undefined }),
    );
    const event = (payload: Record<string, unknown>, s: Session = admin) =>
      post(`/api/v1/members/${m.id}/events`, payload, s);
    const expectField = async (payload: Record<string, unknown>, path: string) => {
      const res = await event(payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(detailPaths(res)).toEqual([path]);
    };
    await expectField({ type: 'converted', effectiveDate: addDays(joinDate, 200) }, 'body.effectiveDate');
    await expectField(
      { type: 'flow_out', effectiveDate: addDays(today, 1), details: { destination: '包头' } },
      'body.effectiveDate',
    );
    await expectField(
      { type: 'flow_out', effectiveDate: addDays(joinDate, -1), details: { destination: '包头' } },
      'body.effectiveDate',
    );
    await expectField({ type: 'flow_out', effectiveDate: today }, 'body.details.destination');
    await expectField({ type: 'probation_extended', effectiveDate: addDays(joinDate, 300) }, 'body.details.months');
    await expectField({ type: 'moved', effectiveDate: today, orgId: orgs.branchA.id }, 'body.orgId');
    await expectField({ type: 'moved', effectiveDate: today, orgId: orgs.xingguang.id }, 'body.orgId');
    await expectField({ type: 'moved', effectiveDate: today }, 'body.orgId');
    await expectField({ type: 'transferred_in', effectiveDate: today, orgId: orgs.siblingOfA.id }, 'body.type');
    await expectField({ type: 'found', effectiveDate: today }, 'body.type');

    const ext = await event({
      type: 'probation_extended',
      effectiveDate: addDays(joinDate, 300),
      details: { months: 6 },
    });
    expect(ext.statusCode, ext.body).toBe(201);
    await expectField(
      { type: 'probation_extended', effectiveDate: addDays(joinDate, 310), details: { months: 6 } },
      'body.type',
    );
    await expectField({ type: 'converted', effectiveDate: addDays(joinDate, 400) }, 'body.effectiveDate');
    await expectField({ type: 'converted', effectiveDate: addDays(joinDate, 200) }, 'body.effectiveDate');
    const converted = await event({ type: 'converted', effectiveDate: addMonths(joinDate, 18) });
    expect(converted.statusCode, converted.body).toBe(201);
    expect((await get(`/api/v1/members/${m.id}`)).json()).toMatchObject({
      category: 'full',
      fullMemberDate: addMonths(joinDate, 18),
    });
    await expectField({ type: 'converted', effectiveDate: today }, 'body.type');

    expect(
      (await event({ type: 'flow_out', effectiveDate: today, details: { destination: '陕西省榆林市' } })).statusCode,
    ).toBe(201);
    expect((await get(`/api/v1/members/${m.id}`)).json()).toMatchObject({
      flowing: true,
      flowDestination: '陕西省榆林市',
    });
    expect(
      (await event({ type: 'transferred_out', effectiveDate: today, details: { destination: '榆林市委组织部' } }))
        .statusCode,
    ).toBe(201);
    const gone = (await get(`/api/v1/members/${m.id}`)).json();
    expect(gone.status).toBe('transferred_out');
    await expectField({ type: 'lost', effectiveDate: today }, 'body.type');
    expect((await list(`keyword=测试丙`)).data.map((x) => x.id)).not.toContain(m.id);
    expect((await list(`keyword=测试丙&status=transferred_out`)).data.map((x) => x.id)).toContain(m.id);
    const back = await event({ type: 'transferred_in', effectiveDate: today, orgId: orgs.siblingOfA.id });
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json()).toMatchObject({ orgName: orgs.siblingOfA.name });

    const timeline = (await get(`/api/v1/members/${m.id}/events`)).json();
    expect(timeline.map((e: { type: string }) => e.type)).toEqual([
      'joined',
      'probation_extended',
      'converted',
      'flow_out',
      'transferred_out',
      'transferred_in',
    ]);
    const audit = (await get(`/api/v1/audit-events?entityId=${m.id}&action=member.event`)).json();
    expect(audit.total).toBe(5);
  });

  describe('a member moved from branch A to branch B', () => {
    let m: Member;
    const moveDate = addDays(today, -100);
    const before = addDays(moveDate, -1);
    const ids = async (query: string, s: Session = admin) => (await allPages(query, s)).map((x) => x.id);

    beforeAll(async () => {
      m = await create(body(orgs.branchA.id, { name: '调动测试' }));
      const moved = await post(`/api/v1/members/${m.id}/events`, {
        type: 'moved',
        effectiveDate: moveDate,
        orgId: orgs.siblingOfA.id,
        details: { reason: '工作调动' },
      });
      expect(moved.statusCode, moved.body).toBe(201);
      expect(moved.json()).toMatchObject({ fromOrgName: orgs.branchA.name, orgName: orgs.siblingOfA.name });
    });

    it('is counted in A before the date and in B from the date, in lists and in stats', async () => {
      expect(await ids(`orgId=${orgs.branchA.id}&asOf=${before}`)).toContain(m.id);
      expect(await ids(`orgId=${orgs.siblingOfA.id}&asOf=${before}`)).not.toContain(m.id);
      expect(await ids(`orgId=${orgs.branchA.id}&asOf=${moveDate}`)).not.toContain(m.id);
      expect(await ids(`orgId=${orgs.siblingOfA.id}&asOf=${moveDate}`)).toContain(m.id);
      expect(await ids(`orgId=${orgs.siblingOfA.id}`)).toContain(m.id);
      const asOfBefore = (await list(`orgId=${orgs.branchA.id}&asOf=${before}&keyword=调动测试`)).data[0]!;
      expect(asOfBefore).toMatchObject({ orgId: orgs.branchA.id, orgName: orgs.branchA.name });

      const [aBefore, aAfter, bBefore, bAfter] = await Promise.all([
        stats(`orgId=${orgs.branchA.id}&asOf=${before}`),
        stats(`orgId=${orgs.branchA.id}&asOf=${moveDate}`),
        stats(`orgId=${orgs.siblingOfA.id}&asOf=${before}`),
        stats(`orgId=${orgs.siblingOfA.id}&asOf=${moveDate}`),
      ]);
      expect(aBefore.total - aAfter.total).toBe(1);
      expect(bAfter.total - bBefore.total).toBe(1);
      // Before the member existed, nowhere.
      expect(await ids(`asOf=2010-06-30&keyword=调动测试`)).not.toContain(m.id);
    });

    it('is seen by the branch A secretary only as of dates when it was in A', async () => {
      expect(await ids(`asOf=${before}`, secretary)).toContain(m.id);
      expect(await ids(`asOf=${moveDate}`, secretary)).not.toContain(m.id);
      expect(await ids('', secretary)).not.toContain(m.id);
      expect((await get(`/api/v1/members/${m.id}`, secretary)).statusCode).toBe(404);
      expect((await get(`/api/v1/members/${m.id}/events`, secretary)).statusCode).toBe(404);
    });
  });

  describe('scope of a branch secretary', () => {
    let foreign: Member;
    let foreignPhoneTail: string;
    beforeAll(async () => {
      foreign = (await list(`orgId=${orgs.branchB.id}&pageSize=50`)).data.find((x) => x.phoneMasked)!;
      foreignPhoneTail = (await get(`/api/v1/members/${foreign.id}/sensitive?field=phone`)).json().value.slice(-4);
    });

    it('sees only the own branch in lists, searches, counts, stats and as-of queries', async () => {
      const own = await allPages('', secretary);
      expect(own.length).toBeGreaterThan(5);
      expect(own.every((x) => x.orgId === orgs.branchA.id)).toBe(true);
      const initials = (
        await queryRows<{ name_initials: string }>(
          t.database.db,
          sql`select name_initials from members where id = ${foreign.id}`,
        )
      )[0]!.name_initials;
      const idTail = foreign.idNumberMasked.slice(-4);
      for (const q of [
        `keyword=${encodeURIComponent(foreign.name)}`,
        `keyword=${initials}`,
        `keyword=${idTail}`,
        `keyword=${foreignPhoneTail}`,
        `orgId=${orgs.branchB.id}`,
        `orgId=${orgs.branchB.id}&asOf=${today}`,
        `asOf=${addDays(today, -30)}&keyword=${initials}`,
        `status=transferred_out&orgId=${orgs.shuangxin.id}`,
      ]) {
        const mine = await list(q, secretary);
        expect(
          mine.data.map((x) => x.id),
          q,
        ).not.toContain(foreign.id);
        expect(
          mine.data.every((x) => x.orgId === orgs.branchA.id),
          q,
        ).toBe(true);
      }
      // The zone admin finds the same member by each of those keys.
      for (const k of [encodeURIComponent(foreign.name), initials, idTail, foreignPhoneTail]) {
        expect(
          (await list(`keyword=${k}&pageSize=200`)).data.map((x) => x.id),
          k,
        ).toContain(foreign.id);
      }
      expect((await stats(`orgId=${orgs.branchB.id}`, secretary)).total).toBe(0);
      expect((await stats(`orgId=${orgs.branchB.id}&asOf=${addDays(today, -30)}`, secretary)).total).toBe(0);
      const mineStats = await stats('', secretary);
      expect(mineStats.total).toBe((await list('pageSize=1', secretary)).total);
      expect(mineStats.total).toBe((await stats(`orgId=${orgs.branchA.id}`)).total);
      for (const path of ['', '/events', '/sensitive?field=idNumber']) {
        expect((await get(`/api/v1/members/${foreign.id}${path}`, secretary)).statusCode, path).toBe(404);
      }
      const patch = await t.request(secretary, {
        method: 'PATCH',
        url: `/api/v1/members/${foreign.id}`,
        payload: { workPost: 'x' },
      });
      expect(patch.statusCode).toBe(404);
      const ev = await post(`/api/v1/members/${foreign.id}/events`, { type: 'lost', effectiveDate: today }, secretary);
      expect(ev.statusCode).toBe(404);
    });
  });

  it('finds 巴特尔 by pinyin initials and sorts names in pinyin order', async () => {
    const found = await list('keyword=bte&pageSize=200');
    expect(found.data.some((x) => x.name === '巴特尔')).toBe(true);
    expect(found.data.every((x) => x.name.length > 0)).toBe(true);
    const mine = await list('keyword=bte', secretary);
    expect(mine.data.map((x) => x.name)).toContain('巴特尔');
    const full = await list('keyword=bateer&pageSize=5');
    expect(full.data[0]!.name).toBe('巴特尔');

    const sorted = (await list(`orgId=${orgs.xingguang.id}&sorter=name:ascend&pageSize=200`)).data.map((x) => x.name);
    const [rows] = [
      await queryRows<{ name: string; name_pinyin: string }>(t.database.db, sql`select name, name_pinyin from members`),
    ];
    const pinyinOf = new Map(rows.map((r) => [r.name, r.name_pinyin]));
    const keys = sorted.map((n) => pinyinOf.get(n)!);
    expect(keys).toEqual([...keys].sort());
    expect(pinyinOf.get('张丽')).toBe('zhangli');
    expect(pinyinOf.get('巴特尔')).toBe('bateer');
  });

  it('shows the logged-in member their own record on /me/member', async () => {
    const member = await t.login('member');
    const res = await get('/api/v1/me/member', member);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '巴特尔',
      nameMongolian: 'ᠪᠠᠭᠠᠲᠤᠷ',
      ethnicity: '02',
      orgId: orgs.branchA.id,
      orgName: orgs.branchA.name,
      status: 'active',
    });
    expect(res.json().idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect((await get('/api/v1/members', member)).statusCode).toBe(403);
    expect((await get(`/api/v1/members/${res.json().id}`, member)).statusCode).toBe(403);
  });
});
