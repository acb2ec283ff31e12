import { idNumberCheckChar, type Transfer } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditCount,
  createUser,
  detailPaths,
  expectErrorShape,
  loadOrgs,
  type OrgRef,
} from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { addMonths, todayIso } from '../member/index.js';
import { addDays } from './transfer.policy.js';

const today = todayIso();

let serial = 300;
function idNumber(birthDate: string, gender: 'male' | 'female') {
  serial += 2;
  const seq = String((serial % 1000) + (gender === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `150602${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

function memberFields(name: string, over: Record<string, unknown> = {}) {
  return {
    name,
    gender: 'male',
    idNumber: idNumber('1986-04-02', 'male'),
    ethnicity: '02',
    birthDate: '1986-04-02',
    education: '21',
    jobCategory: 'worker',
    category: 'full',
    joinDate: '2010-07-01',
    fullMemberDate: '2011-07-01',
    ...over,
  };
}

describe('transfers (组织关系转接)', () => {
  let t: TestApp;
  let admin: Session;
  let xingguang: Session;
  let secretary: Session;
  let shuangxinAdmin: Session;
  let leader: Session;
  let orgs: Record<'root' | 'xingguang' | 'branchA' | 'siblingOfA' | 'shuangxin' | 'branchB', OrgRef>;

  const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.request(s, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const newMember = async (name: string, orgId = orgs.branchA.id) => {
    const res = await req(admin, 'POST', '/members', { ...memberFields(name), orgId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const createTransfer = async (s: Session, body: object) => {
    const res = await req(s, 'POST', '/transfers', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Transfer;
  };
  const approve = (s: Session, id: string, body: object = {}) => req(s, 'POST', `/transfers/${id}/approve`, body);
  const countAsOf = async (orgId: string, asOf: string, keyword: string) =>
    (await req(admin, 'GET', `/members?orgId=${orgId}&asOf=${asOf}&keyword=${encodeURIComponent(keyword)}`)).json()
      .total as number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    orgs = await loadOrgs(t, admin);
    xingguang = await t.login('xingguang');
    secretary = await t.login('secretary');
    leader = await t.login('leader');
    await createUser(t, admin, { username: 'sx_admin', roles: [{ role: 'org_admin', orgId: orgs.shuangxin.id }] });
    shuangxinAdmin = await t.login('sx_admin', 'Test-Passw0rd!');
  });
  afterAll(async () => t?.close());

  it('moves a member inside the zone after every level approves, counted in A before and B after', async () => {
    const memberId = await newMember('转接甲');
    const tr = await createTransfer(secretary, {
      kind: 'within_zone',
      memberId,
      toOrgId: orgs.branchB.id,
      reason: '工作调动',
      requestedOn: '2024-05-01',
    });
    expect(tr.steps.map((s) => s.orgId)).toEqual([orgs.xingguang.id, orgs.root.id, orgs.shuangxin.id]);
    expect(tr).toMatchObject({ status: 'pending', currentStepNo: 1, fromOrgId: orgs.branchA.id, requestedBy: '张丽' });

    // Visible to both sides and to every approving level; approvable only by the current step's level.
    expect((await req(shuangxinAdmin, 'GET', `/transfers/${tr.id}`)).statusCode).toBe(200);
    expectErrorShape(await approve(secretary, tr.id), 404, 'NOT_FOUND');
    expectErrorShape(await approve(shuangxinAdmin, tr.id), 404, 'NOT_FOUND');
    const one = await approve(xingguang, tr.id, { date: '2024-05-10', comment: '同意' });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ currentStepNo: 2, status: 'pending' });
    expectErrorShape(await approve(xingguang, tr.id), 404, 'NOT_FOUND');
    expectErrorShape(await approve(admin, tr.id, { date: '2024-04-30' }), 400, 'VALIDATION_FAILED');
    expect((await approve(admin, tr.id, { date: '2024-05-20' })).json().currentStepNo).toBe(3);
    const before = await auditCount(t);
    const last = await approve(shuangxinAdmin, tr.id, { date: '2024-06-01' });
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json()).toMatchObject({ status: 'completed', completedOn: '2024-06-01', currentStepNo: null });
    expect(last.json().steps.every((s: { status: string }) => s.status === 'approved')).toBe(true);
    expect(await auditCount(t)).toBeGreaterThanOrEqual(before + 2);

    const events = (await req(admin, 'GET', `/members/${memberId}/events`)).json();
    expect(events.at(-1)).toMatchObject({
      type: 'moved',
      effectiveDate: '2024-06-01',
      orgId: orgs.branchB.id,
      fromOrgId: orgs.branchA.id,
    });
    expect((await req(admin, 'GET', `/members/${memberId}`)).json().orgId).toBe(orgs.branchB.id);
    expect(await countAsOf(orgs.branchA.id, '2024-05-31', '转接甲')).toBe(1);
    expect(await countAsOf(orgs.branchB.id, '2024-05-31', '转接甲')).toBe(0);
    expect(await countAsOf(orgs.branchA.id, '2024-06-01', '转接甲')).toBe(0);
    expect(await countAsOf(orgs.branchB.id, '2024-06-01', '转接甲')).toBe(1);
    // Closed: no more approvals.
    expectErrorShape(await approve(admin, tr.id), 409, 'TRANSFER_NOT_PENDING');
  });

  it('sends a member out of the zone with a numbered letter, printable, audited, and a receipt', async () => {
    const memberId = await newMember('转出乙');
    const base = { kind: 'out_of_zone', memberId, destination: '中共包头市青山区委组织部', reason: '随配偶迁居' };
    expect(detailPaths(await req(secretary, 'POST', '/transfers', base))).toEqual(['body.duesPaidUntil']);
    expect(
      detailPaths(
        await req(secretary, 'POST', '/transfers', { ...base, duesPaidUntil: '2026-01', letterValidDays: 91 }),
      ),
    ).toEqual(['body.letterValidDays']);
    const tr = await createTransfer(secretary, { ...base, duesPaidUntil: today.slice(0, 7) });
    expect(tr.steps.map((s) => s.orgId)).toEqual([orgs.xingguang.id, orgs.root.id]);
    expect(tr.letterValidDays).toBe(30);
    expectErrorShape(await req(secretary, 'GET', `/transfers/${tr.id}/letter`), 409, 'TRANSFER_NO_LETTER');
    await approve(xingguang, tr.id);
    const done = (await approve(admin, tr.id)).json() as Transfer;
    expect(done.status).toBe('completed');
    expect(done.letterNo).toMatch(/^鄂开党转〔\d{4}〕\d{4}号$/);
    expect(done.letterIssuedOn).toBe(today);
    expect(done.letterValidUntil).toBe(addDays(today, 30));
    const member = (await req(admin, 'GET', `/members/${memberId}`)).json();
    expect(member.status).toBe('transferred_out');
    const events = (await req(admin, 'GET', `/members/${memberId}/events`)).json();
    expect(events.at(-1)).toMatchObject({ type: 'transferred_out', details: { documentNo: done.letterNo } });

    const before = await auditCount(t);
    const letter = await req(secretary, 'GET', `/transfers/${tr.id}/letter`);
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.json()).toMatchObject({
      letterNo: done.letterNo,
      parts: ['存根', '主件', '回执'],
      memberName: '转出乙',
      gender: 'male',
      genderName: '男',
      ethnicity: '蒙古族',
      category: 'full',
      categoryName: '正式党员',
      fromOrgName: orgs.branchA.name,
      destination: '中共包头市青山区委组织部',
      duesPaidUntil: today.slice(0, 7),
      validDays: 30,
      validUntil: addDays(today, 30),
      issuingOrgName: orgs.root.name,
      issuedOn: today,
    });
    expect(letter.json().idNumberMasked).toMatch(/^\d{6}\*+\w{4}$/);
    expect(await auditCount(t)).toBe(before + 1);
    const [read] = await queryRows<{ action: string; entity: string; entity_id: string }>(
      t.database.db,
      sql`select action, entity, entity_id from audit_events order by seq desc limit 1`,
    );
    expect(read).toMatchObject({ action: 'sensitive.read', entity: 'member', entity_id: memberId });

    const html = await req(secretary, 'GET', `/transfers/${tr.id}/letter.html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    for (const s of ['存根', '主件', '回执', 'dashed', done.letterNo!, '转出乙', '@page', 'A4'])
      expect(html.body).toContain(s);
    expect(html.body).not.toMatch(/<script|<link|src=|href=|url\(/i);
    expect(await auditCount(t)).toBe(before + 2);

    expect(
      detailPaths(await req(secretary, 'POST', `/transfers/${tr.id}/receipt`, { date: addDays(today, -1) })),
    ).toEqual(['body.date']);
    const receipt = await req(secretary, 'POST', `/transfers/${tr.id}/receipt`, { date: today });
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.json().receiptOn).toBe(today);
    expectErrorShape(
      await req(secretary, 'POST', `/transfers/${tr.id}/receipt`, { date: today }),
      409,
      'TRANSFER_RECEIPT_RECORDED',
    );

    // The same person comes back later: their record is re-activated by the receiving side.
    const back = await createTransfer(xingguang, {
      kind: 'into_zone',
      memberId,
      toOrgId: orgs.siblingOfA.id,
      source: '中共包头市青山区委组织部',
      reason: '返回工作',
    });
    expect(back.steps.map((s) => s.orgId)).toEqual([orgs.xingguang.id]);
    expect((await approve(xingguang, back.id)).json().status).toBe('completed');
    expect((await req(admin, 'GET', `/members/${memberId}`)).json()).toMatchObject({
      status: 'active',
      orgId: orgs.siblingOfA.id,
    });
  });

  it('receives a person from outside the zone, creating the member with their history', async () => {
    const fields = memberFields('转入丙', { joinDate: '2015-03-01', fullMemberDate: '2016-03-05' });
    const bad = await req(secretary, 'POST', '/transfers', {
      kind: 'into_zone',
      toOrgId: orgs.branchA.id,
      source: '中共呼和浩特市新城区委组织部',
      reason: '工作调动',
      member: { ...fields, idNumber: `${fields.idNumber.slice(0, 17)}${fields.idNumber.endsWith('0') ? '1' : '0'}` },
    });
    expect(detailPaths(bad)).toEqual(['body.member.idNumber']);
    expect(
      detailPaths(
        await req(secretary, 'POST', '/transfers', {
          kind: 'into_zone',
          toOrgId: orgs.branchB.id,
          source: 'x',
          reason: 'x',
          member: fields,
        }),
      ),
    ).toEqual(['body.toOrgId']);
    const tr = await createTransfer(secretary, {
      kind: 'into_zone',
      toOrgId: orgs.branchA.id,
      source: '中共呼和浩特市新城区委组织部',
      sourceLetterNo: '呼新党转〔2026〕0012号',
      reason: '工作调动',
      requestedOn: addDays(today, -5),
      member: fields,
    });
    expect(tr).toMatchObject({ memberId: null, memberName: '转入丙', fromOrgId: null, toOrgId: orgs.branchA.id });
    expect(JSON.stringify(tr)).not.toContain(fields.idNumber);
    expectErrorShape(
      await req(secretary, 'POST', '/transfers', {
        kind: 'into_zone',
        toOrgId: orgs.branchA.id,
        source: 'x',
        reason: 'x',
        member: fields,
      }),
      409,
      'TRANSFER_IN_PROGRESS',
    );
    const received = await approve(xingguang, tr.id, { date: addDays(today, -2) });
    expect(received.statusCode, received.body).toBe(200);
    const done = received.json() as Transfer;
    expect(done.status).toBe('completed');
    expect(done.memberId).toBeTruthy();
    const member = (await req(admin, 'GET', `/members/${done.memberId}`)).json();
    expect(member).toMatchObject({
      name: '转入丙',
      orgId: orgs.branchA.id,
      status: 'active',
      category: 'full',
      joinDate: '2015-03-01',
      fullMemberDate: '2016-03-05',
    });
    const events = (await req(admin, 'GET', `/members/${done.memberId}/events`)).json();
    expect(events.map((e: { type: string; orgId: string | null }) => [e.type, e.orgId])).toEqual([
      ['registered', null],
      ['converted', null],
      ['transferred_in', orgs.branchA.id],
    ]);
    expect(events.at(-1).details).toMatchObject({ source: '中共呼和浩特市新城区委组织部', category: 'full' });
    expect(await countAsOf(orgs.branchA.id, addDays(today, -3), '转入丙')).toBe(0);
    expect(await countAsOf(orgs.branchA.id, addDays(today, -2), '转入丙')).toBe(1);
    const [sealed] = await queryRows<{ incoming_member_enc: string | null }>(
      t.database.db,
      sql`select incoming_member_enc from transfers where id = ${tr.id}`,
    );
    expect(sealed?.incoming_member_enc).toBeNull();
  });

  it('rejects only with a reason, at the current step', async () => {
    const memberId = await newMember('驳回丁');
    const tr = await createTransfer(secretary, {
      kind: 'within_zone',
      memberId,
      toOrgId: orgs.siblingOfA.id,
      reason: '工作调动',
    });
    expect(tr.steps.map((s) => s.orgId)).toEqual([orgs.xingguang.id]);
    expect(detailPaths(await req(xingguang, 'POST', `/transfers/${tr.id}/reject`, {}))).toEqual(['body.reason']);
    expect(detailPaths(await req(xingguang, 'POST', `/transfers/${tr.id}/reject`, { reason: '  ' }))).toEqual([
      'body.reason',
    ]);
    expectErrorShape(await req(secretary, 'POST', `/transfers/${tr.id}/reject`, { reason: '不同意' }), 404);
    const res = await req(xingguang, 'POST', `/transfers/${tr.id}/reject`, { reason: '材料不全' });
    expect(res.json()).toMatchObject({ status: 'rejected', rejectionReason: '材料不全' });
    expect(res.json().steps[0]).toMatchObject({ status: 'rejected', comment: '材料不全', actorName: '李志强' });
    expectErrorShape(await approve(xingguang, tr.id), 409, 'TRANSFER_NOT_PENDING');
    // The member stayed where they were, and may be transferred again.
    expect((await req(admin, 'GET', `/members/${memberId}`)).json().orgId).toBe(orgs.branchA.id);
    await createTransfer(secretary, { kind: 'within_zone', memberId, toOrgId: orgs.siblingOfA.id, reason: '再次申请' });
  });

  it('revokes only before the first approval, by the requester or the sending branch', async () => {
    const m1 = await newMember('撤回戊');
    const tr = await createTransfer(secretary, {
      kind: 'within_zone',
      memberId: m1,
      toOrgId: orgs.branchB.id,
      reason: '工作调动',
    });
    expectErrorShape(
      await req(secretary, 'POST', '/transfers', {
        kind: 'within_zone',
        memberId: m1,
        toOrgId: orgs.siblingOfA.id,
        reason: 'x',
      }),
      409,
      'TRANSFER_IN_PROGRESS',
    );
    // The receiving side sees it but may not revoke it.
    expectErrorShape(await req(shuangxinAdmin, 'POST', `/transfers/${tr.id}/revoke`, {}), 404);
    await approve(xingguang, tr.id);
    expectErrorShape(await req(secretary, 'POST', `/transfers/${tr.id}/revoke`, {}), 409, 'TRANSFER_ALREADY_APPROVED');

    const m2 = await newMember('撤回己');
    const byAdmin = await createTransfer(admin, {
      kind: 'within_zone',
      memberId: m2,
      toOrgId: orgs.branchB.id,
      reason: '工作调动',
    });
    const revoked = await req(secretary, 'POST', `/transfers/${byAdmin.id}/revoke`, { comment: '本人撤回申请' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    expectErrorShape(await req(secretary, 'POST', `/transfers/${byAdmin.id}/revoke`, {}), 409, 'TRANSFER_NOT_PENDING');
  });

  it('keeps transfers out of scope invisible, and lists by member, status and org', async () => {
    const memberId = await newMember('范围庚');
    const inside = await createTransfer(secretary, {
      kind: 'within_zone',
      memberId,
      toOrgId: orgs.siblingOfA.id,
      reason: '岗位调整',
    });
    expectErrorShape(await req(shuangxinAdmin, 'GET', `/transfers/${inside.id}`), 404, 'NOT_FOUND');
    expectErrorShape(await approve(shuangxinAdmin, inside.id), 404, 'NOT_FOUND');
    const theirs = (await req(shuangxinAdmin, 'GET', '/transfers?pageSize=200')).json();
    expect(theirs.data.map((x: Transfer) => x.id)).not.toContain(inside.id);
    const mine = (await req(secretary, 'GET', `/transfers?memberId=${memberId}`)).json();
    expect(mine.data.map((x: Transfer) => x.id)).toEqual([inside.id]);
    expect((await req(leader, 'GET', `/transfers/${inside.id}`)).statusCode).toBe(200);
    const pending = (
      await req(admin, 'GET', `/transfers?status=pending&orgId=${orgs.xingguang.id}&pageSize=200`)
    ).json();
    expect(pending.data.every((x: Transfer) => x.status === 'pending')).toBe(true);
    expect(pending.data.map((x: Transfer) => x.id)).toContain(inside.id);
  });

  it('lists overdue transfers: pending too long, or a letter expired without receipt', async () => {
    const memberId = await newMember('超期辛');
    const late = await createTransfer(secretary, {
      kind: 'within_zone',
      memberId,
      toOrgId: orgs.siblingOfA.id,
      reason: '工作调动',
      requestedOn: addDays(today, -31),
    });
    const fresh = (await req(secretary, 'GET', `/transfers/${late.id}`)).json() as Transfer;
    expect(fresh.overdue).toBe(true);
    const expired = await newMember('超期壬');
    const out = await createTransfer(secretary, {
      kind: 'out_of_zone',
      memberId: expired,
      destination: '外省',
      reason: '工作调动',
      duesPaidUntil: '2025-01',
      requestedOn: addDays(today, -40),
      letterValidDays: 5,
    });
    await approve(xingguang, out.id, { date: addDays(today, -20) });
    await approve(admin, out.id, { date: addDays(today, -20) });

    const overdue = (await req(admin, 'GET', '/transfers?overdue=true&pageSize=200')).json();
    const ids = overdue.data.map((x: Transfer) => x.id);
    expect(ids).toContain(late.id);
    expect(ids).toContain(out.id);
    expect(overdue.data.every((x: Transfer) => x.overdue)).toBe(true);
    // The demo zone's own overdue transfer (requested 45 days ago inside 蒙西集团).
    expect(overdue.data.some((x: Transfer) => x.requestedOn === addDays(today, -45))).toBe(true);
    const secretaryView = (await req(secretary, 'GET', '/transfers?overdue=true&pageSize=200')).json();
    expect(secretaryView.data.map((x: Transfer) => x.id).sort()).toEqual([late.id, out.id].sort());
  });

  it('seeds transfers in every state', async () => {
    const rows = await queryRows<{ kind: string; status: string; n: number }>(
      t.database.db,
      sql`select kind, status, count(*)::int as n from transfers where requested_by_name = '王建华'
        and created_at < (select min(created_at) from members where name = '转接甲') group by kind, status`,
    );
    const key = (k: string, s: string) => rows.find((r) => r.kind === k && r.status === s)?.n ?? 0;
    expect(key('within_zone', 'pending')).toBe(3);
    expect(key('within_zone', 'rejected')).toBe(1);
    expect(key('out_of_zone', 'completed')).toBe(1);
    expect(key('into_zone', 'pending')).toBe(1);
  });
});

describe('member warnings (失联 · 流动)', () => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  let orgs: Record<'branchA' | 'shuangxin', OrgRef>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    secretary = await t.login('secretary');
    orgs = await loadOrgs(t, admin);
  });
  afterAll(async () => t?.close());

  it('warns at 6 months (停止党籍), 2 years (除名) and for long flow-outs, in scope', async () => {
    const make = async (name: string, type: 'lost' | 'flow_out', date: string, details: object = {}) => {
      const res = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/members',
        payload: { ...memberFields(name), orgId: orgs.branchA.id },
      });
      const id = res.json().id as string;
      const ev = await t.request(admin, {
        method: 'POST',
        url: `/api/v1/members/${id}/events`,
        payload: { type, effectiveDate: date, details },
      });
      expect(ev.statusCode, ev.body).toBe(201);
      return id;
    };
    const recent = await make('失联近', 'lost', addMonths(today, -3));
    const half = await make('失联半', 'lost', addMonths(today, -7));
    const long = await make('失联久', 'lost', addMonths(today, -25));
    const away = await make('流动远', 'flow_out', addMonths(today, -8), { destination: '深圳市南山区' });
    const short = await make('流动近', 'flow_out', addMonths(today, -2), { destination: '呼和浩特市' });

    const res = await t.request(secretary, { method: 'GET', url: '/api/v1/members/warnings' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rules).toMatchObject({ lostSuspendMonths: 6, lostRemoveMonths: 24, flowTransferMonths: 6 });
    const level = (id: string) => body.data.find((w: { memberId: string }) => w.memberId === id);
    expect(level(recent)).toMatchObject({
      kind: 'lost',
      level: 'lost',
      months: 3,
      nextLevelOn: addMonths(addMonths(today, -3), 6),
    });
    expect(level(half)).toMatchObject({ kind: 'lost', level: 'suspend_due', months: 7 });
    expect(level(long)).toMatchObject({ kind: 'lost', level: 'remove_due', months: 25 });
    expect(level(away)).toMatchObject({
      kind: 'flowing',
      level: 'transfer_due',
      destination: '深圳市南山区',
      months: 8,
    });
    expect(level(short)).toMatchObject({ kind: 'flowing', level: 'flowing', months: 2 });
    expect(body.data[0].level).toBe('remove_due');

    const only = await t.request(secretary, { method: 'GET', url: '/api/v1/members/warnings?level=suspend_due' });
    expect(only.json().data.every((w: { level: string }) => w.level === 'suspend_due')).toBe(true);

    // A rule is data: 3 months is enough once the zone decides so.
    await t.database.db.execute(sql`update rule_settings set value = 3 where key = 'warning.lost_suspend_months'`);
    const stricter = (await t.request(secretary, { method: 'GET', url: '/api/v1/members/warnings?kind=lost' })).json();
    expect(stricter.data.find((w: { memberId: string }) => w.memberId === recent).level).toBe('suspend_due');
    await t.database.db.execute(sql`update rule_settings set value = 6 where key = 'warning.lost_suspend_months'`);

    // Another committee's administrator does not see 星光's members.
    await createUser(t, admin, { username: 'sx_warn', roles: [{ role: 'org_admin', orgId: orgs.shuangxin.id }] });
    const other = await t.login('sx_warn', 'Test-Passw0rd!');
    const theirs = (await t.request(other, { method: 'GET', url: '/api/v1/members/warnings' })).json();
    expect(theirs.data.map((w: { memberId: string }) => w.memberId)).not.toContain(half);
    expect(theirs.data.length).toBeGreaterThanOrEqual(0);
  });
});
