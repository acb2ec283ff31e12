import { DEFAULT_POINT_SCHEME, type PointRuleVersion, shanghaiDate } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape, loadOrgs, type OrgRef } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { createPointsModule } from './index.js';
import { averagePointsOf } from './points.stats.js';

const today = shanghaiDate(new Date());
const month = today.slice(0, 7);
const year = Number(today.slice(0, 4));

describe('党员积分', () => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  let xingguang: Session;
  let member: Session;
  let orgs: Record<'root' | 'xingguang' | 'branchA' | 'siblingOfA' | 'shuangxin' | 'branchB', OrgRef>;
  let me: { id: string; name: string };
  /** A member of branch A without an account, and one under 双欣集团 (out of the secretary's scope). */
  let memberA: string;
  let memberB: string;

  const req = async (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.request(s, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await req(s, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const balance = async (memberId: string) =>
    (
      await queryRows<{ total: number }>(
        t.database.db,
        sql`select coalesce((select total from member_point_balances where member_id = ${memberId} and year = ${year}), 0)::int as total`,
      )
    )[0]!.total;
  const ledgerSum = async (memberId: string) =>
    (
      await queryRows<{ total: number }>(
        t.database.db,
        sql`select coalesce(sum(points), 0)::int as total from point_entries where member_id = ${memberId} and year = ${year}`,
      )
    )[0]!.total;

  beforeAll(async () => {
    t = await createTestApp({ points: true });
    [admin, secretary, xingguang, member] = await Promise.all(
      ['admin', 'secretary', 'xingguang', 'member'].map((u) => t.login(u)),
    );
    orgs = await loadOrgs(t, admin);
    me = await ok(member, 'GET', '/me/member');
    const pick = async (path: string) =>
      (
        await queryRows<{ id: string }>(
          t.database.db,
          sql`select id from members where org_path like ${`${path}%`} and user_id is null and status = 'active'
            and birth_date > current_date - interval '60 years' order by id limit 1`,
        )
      )[0]!.id;
    memberA = await pick(orgs.branchA.path);
    memberB = await pick(orgs.branchB.path);
  });
  afterAll(async () => t?.close());

  describe('rules', () => {
    it('ships the default version with its scheme and items, and shows the rules in force to members', async () => {
      const rules = await ok(admin, 'GET', '/points/rules');
      const current = rules.versions.find((v: PointRuleVersion) => v.id === rules.currentVersionId)!;
      expect(current.scheme).toEqual(DEFAULT_POINT_SCHEME);
      expect(current.rules.map((r: { code: string }) => r.code)).toEqual(
        expect.arrayContaining([
          'base_score',
          'meeting_attendance',
          'absence_without_leave',
          'volunteer_service',
          'veto',
        ]),
      );
      const study = current.rules.find((r: { code: string }) => r.code === 'study_session');
      expect(study).toMatchObject({ source: 'study', available: true });
      // Rules whose source has no module yet are listed, marked as waiting for it.
      const dues = current.rules.find((r: { code: string }) => r.code === 'dues_on_time');
      expect(dues).toMatchObject({ source: 'dues_on_time', available: false });
      const mine = await ok(member, 'GET', '/me/points/rules');
      expect(mine.version.id).toBe(current.id);
      expect(mine.rules).toHaveLength(current.rules.length);
    });

    it('makes a new version from a future date, refuses the past, taken dates and broken items, and keeps both', async () => {
      const base = (await ok(admin, 'GET', '/points/rules')).versions[0] as PointRuleVersion;
      const rules = base.rules.map(({ sortOrder: _s, available: _a, ...r }) => r);
      const body = { effectiveFrom: '2099-01-01', note: '测试版本', scheme: DEFAULT_POINT_SCHEME, rules };
      const past = await req(admin, 'POST', '/points/rule-versions', { ...body, effectiveFrom: '2020-01-01' });
      expect(expectErrorShape(past, 400).details).toEqual([
        { path: 'body.effectiveFrom', message: expect.any(String) },
      ]);
      const broken = await req(admin, 'POST', '/points/rule-versions', {
        ...body,
        rules: [...rules.slice(0, 2), { ...rules[2]!, capDay: 9, capMonth: 3 }],
      });
      expect(expectErrorShape(broken, 400).details[0].path).toBe('body.rules.2.capDay');
      const twice = await req(admin, 'POST', '/points/rule-versions', { ...body, rules: [rules[0], rules[0]] });
      expect(expectErrorShape(twice, 400).details[0].path).toBe('body.rules.1.code');
      const thresholds = await req(admin, 'POST', '/points/rule-versions', {
        ...body,
        scheme: { ...DEFAULT_POINT_SCHEME, starThresholds: [60, 80, 70, 90, 96] },
      });
      expect(expectErrorShape(thresholds, 400).details[0].path).toBe('body.scheme.starThresholds.2');
      const created = await ok(admin, 'POST', '/points/rule-versions', body);
      expect(created).toMatchObject({ effectiveFrom: '2099-01-01', state: 'scheduled', note: '测试版本' });
      expectErrorShape(await req(admin, 'POST', '/points/rule-versions', body), 409, 'CONFLICT');
      // Only the zone administers rules; a branch admin holds points:manage but not points:rules.
      expectErrorShape(await req(secretary, 'POST', '/points/rule-versions', body), 403, 'FORBIDDEN');
      const after = await ok(admin, 'GET', '/points/rules');
      expect(after.versions.map((v: PointRuleVersion) => v.state)).toEqual(['scheduled', 'current']);
    });
  });

  describe('automatic grants', () => {
    it('books attendance and absences of ended meetings once; a re-run books nothing and changes no total', async () => {
      const first = await ok(admin, 'POST', '/points/run-grants', { period: month });
      const before = await queryRows<{ n: number; s: number }>(
        t.database.db,
        sql`select count(*)::int as n, coalesce(sum(total), 0)::int as s from member_point_balances`,
      );
      const again = await ok(admin, 'POST', '/points/run-grants', { period: month });
      expect(again).toMatchObject({ booked: 0, reversed: 0, points: 0 });
      expect(again.alreadyBooked).toBe(again.candidates);
      expect(again.candidates).toBe(first.candidates);
      const after = await queryRows<{ n: number; s: number }>(
        t.database.db,
        sql`select count(*)::int as n, coalesce(sum(total), 0)::int as s from member_point_balances`,
      );
      expect(after).toEqual(before);
      // The demo seed booked the same months: nothing new for last month either.
      const last = new Date(Date.UTC(year, Number(month.slice(5)) - 2, 1)).toISOString().slice(0, 7);
      expect((await ok(admin, 'POST', '/points/run-grants', { period: last })).booked).toBe(0);
      expectErrorShape(await req(admin, 'POST', '/points/run-grants', { period: '2099-01' }), 400);
    });

    it('corrects an absence on the next run when a make-up turns it into attendance', async () => {
      const [absence] = await queryRows<{ id: string; member_id: string; source_id: string; points: number }>(
        t.database.db,
        sql`select e.id, e.member_id, e.source_id, e.points from point_entries e join members m on m.id = e.member_id
          where e.source_type = 'absence_without_leave' and e.points < 0 and e.period_key like ${`${month}%`}
            and not exists (select 1 from point_entries r where r.reverses_entry_id = e.id)
          order by e.id limit 1`,
      );
      if (!absence) return; // no absence booked this month in this seed
      const before = await balance(absence.member_id);
      await t.database.db.execute(
        sql`insert into meeting_attendance (meeting_id, member_id, status, method, checked_in_at, reason)
          values (${absence.source_id}, ${absence.member_id}, 'made_up', 'makeup', now(), '测试补签')`,
      );
      const run = await ok(admin, 'POST', '/points/run-grants', { period: month });
      expect(run.reversed).toBeGreaterThanOrEqual(1);
      const why = await ok(admin, 'GET', `/members/${absence.member_id}/points?year=${year}`);
      const original = why.entries.find((e: { id: string }) => e.id === absence.id);
      expect(original.reversedByEntryId).toBeTruthy();
      const attended = why.entries.find(
        (e: { source: { id: string; type: string }; reversesEntryId: string | null }) =>
          e.source.id === absence.source_id && e.source.type === 'attendance',
      );
      expect(attended).toBeTruthy();
      expect(await balance(absence.member_id)).toBe(before - absence.points + attended.points);
      expect(await balance(absence.member_id)).toBe(await ledgerSum(absence.member_id));
    });
  });

  describe('manual grants, evidence, approval, corrections and exemptions', () => {
    it('books an item without approval at once, and exempts a member from a deduction by category', async () => {
      const before = await balance(memberA);
      const booked = await ok(secretary, 'POST', '/points/grants', {
        memberId: memberA,
        ruleCode: 'no_study_notes',
        occurredOn: today,
        reason: '本月学习笔记未完成',
      });
      expect(booked).toMatchObject({ status: 'approved', bookedPoints: -2, entryId: expect.any(String) });
      expect(await balance(memberA)).toBe(before - 2);
      await ok(secretary, 'POST', '/points/exemptions', {
        memberId: memberA,
        category: 'long_ill',
        startsOn: today,
        reason: '长期患病',
      });
      const exempt = await ok(secretary, 'POST', '/points/grants', {
        memberId: memberA,
        ruleCode: 'no_study_notes',
        occurredOn: today,
        reason: '心得未交',
      });
      expect(exempt.bookedPoints).toBe(0);
      const why = await ok(secretary, 'GET', `/members/${memberA}/points`);
      expect(why.exemptions).toContainEqual(expect.objectContaining({ category: 'long_ill', origin: 'record' }));
      expect(why.entries.find((e: { id: string }) => e.id === exempt.entryId)).toMatchObject({
        points: 0,
        nominalPoints: -2,
        adjustment: 'exempt:long_ill',
        rule: { code: 'no_study_notes', versionEffectiveFrom: '2024-01-01' },
        source: { type: 'manual', id: exempt.id, label: '心得未交' },
      });
      expectErrorShape(
        await req(secretary, 'POST', '/points/grants', {
          memberId: memberA,
          ruleCode: 'meeting_attendance',
          occurredOn: today,
          reason: 'x',
        }),
        400,
      );
      expectErrorShape(
        await req(secretary, 'POST', '/points/grants', {
          memberId: memberB,
          ruleCode: 'dues_late',
          occurredOn: today,
          reason: 'x',
        }),
        404,
      );
    });

    it('waits for evidence and for another administrator where the rule says so', async () => {
      const g = await ok(secretary, 'POST', '/points/grants', {
        memberId: memberA,
        ruleCode: 'commended',
        occurredOn: today,
        reason: '获评旗级优秀共产党员',
      });
      expect(g).toMatchObject({ status: 'pending', evidenceRequired: true, approvalRequired: true, entryId: null });
      expectErrorShape(await req(xingguang, 'POST', `/points/grants/${g.id}/approve`, {}), 409, 'CONFLICT');
      const boundary = 'pointsboundary';
      const upload = await t.request(secretary, {
        method: 'POST',
        url: `/api/v1/points/grants/${g.id}/evidence`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="表彰文件.pdf"\r\n\r\n`),
          Buffer.from('%PDF-1.4 points evidence\n%%EOF\n'),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
      expect(upload.statusCode, upload.body).toBe(201);
      const file = upload.json().evidence[0];
      expect(file).toMatchObject({ fileName: '表彰文件.pdf', contentType: 'application/pdf' });
      // The requester may not approve their own request.
      expectErrorShape(await req(secretary, 'POST', `/points/grants/${g.id}/approve`, {}), 409, 'CONFLICT');
      const before = await balance(memberA);
      const approved = await ok(xingguang, 'POST', `/points/grants/${g.id}/approve`, { note: '同意' });
      expect(approved).toMatchObject({ status: 'approved', decidedByName: '李志强', bookedPoints: 5 });
      expect(await balance(memberA)).toBe(before + 5);
      expectErrorShape(await req(xingguang, 'POST', `/points/grants/${g.id}/reject`, { note: 'x' }), 409);
      const download = await t.request(admin, { method: 'GET', url: `/api/v1/point-evidence/${file.id}` });
      expect(download.statusCode).toBe(200);
      expect(download.body).toContain('points evidence');
      expect(
        (await t.request(xingguang, { method: 'GET', url: `/api/v1/point-evidence/${crypto.randomUUID()}` }))
          .statusCode,
      ).toBe(404);
      const list = await ok(secretary, 'GET', '/points/grants?status=approved&pageSize=200');
      expect(list.data.some((x: { id: string }) => x.id === g.id)).toBe(true);
    });

    it('corrects an entry with a reversing entry that restores the total, once', async () => {
      const before = await balance(memberA);
      const g = await ok(secretary, 'POST', '/points/grants', {
        memberId: memberA,
        ruleCode: 'dues_late',
        occurredOn: today,
        reason: '党费逾期',
      });
      expect(await balance(memberA)).toBe(before + g.bookedPoints);
      const reversal = await ok(secretary, 'POST', `/point-entries/${g.entryId}/reverse`, {
        reason: '已补交，撤销扣分',
      });
      expect(reversal).toMatchObject({
        points: -g.bookedPoints,
        reversesEntryId: g.entryId,
        reason: '已补交，撤销扣分',
      });
      expect(await balance(memberA)).toBe(before);
      expectErrorShape(await req(secretary, 'POST', `/point-entries/${g.entryId}/reverse`, { reason: 'again' }), 409);
      expectErrorShape(await req(secretary, 'POST', `/point-entries/${reversal.id}/reverse`, { reason: 'x' }), 409);
      // The ledger refuses edits from the application's connection.
      await expect(
        t.database.db.execute(sql`update point_entries set points = 99 where id = ${g.entryId}`),
      ).rejects.toThrow();
      await expect(t.database.db.execute(sql`delete from point_entries where id = ${g.entryId}`)).rejects.toThrow();
    });
  });

  describe('publication and objections', () => {
    it('publishes a month, takes a member’s objection from H5, and shows the answer to the member', async () => {
      const pub = await ok(secretary, 'POST', '/points/publications', { orgId: orgs.branchA.id, period: month });
      expect(pub).toMatchObject({ periodKey: month, periodKind: 'month', open: true, objectionDays: 5 });
      expect(pub.objectionDeadline > today).toBe(true);
      expectErrorShape(
        await req(secretary, 'POST', '/points/publications', { orgId: orgs.branchB.id, period: month }),
        404,
      );
      expectErrorShape(
        await req(secretary, 'POST', '/points/publications', { orgId: orgs.branchA.id, period: '2099-01' }),
        400,
      );

      const mine = await ok(member, 'GET', '/me/point-publications');
      const listed = mine.find((p: { id: string }) => p.id === pub.id);
      expect(listed).toMatchObject({ open: true, periodKey: month });
      const entry = listed.myEntries.find((e: { points: number }) => e.points !== 0);
      const objection = await ok(member, 'POST', '/me/point-objections', {
        publicationId: pub.id,
        ...(entry ? { entryId: entry.id } : {}),
        text: '这条积分与实际不符，请核实',
      });
      expect(objection).toMatchObject({ status: 'pending', answer: null, member: { id: me.id } });
      // Someone else's entry cannot be objected to.
      const [foreign] = await queryRows<{ id: string }>(
        t.database.db,
        sql`select id from point_entries where member_id <> ${me.id} and period_key like ${`${month}%`} limit 1`,
      );
      expectErrorShape(
        await req(member, 'POST', '/me/point-objections', { publicationId: pub.id, entryId: foreign!.id, text: 'x' }),
        400,
      );

      const queue = await ok(secretary, 'GET', '/points/objections?status=pending&pageSize=200');
      expect(queue.data.map((o: { id: string }) => o.id)).toContain(objection.id);
      const answered = await ok(secretary, 'POST', `/point-objections/${objection.id}/answer`, {
        answer: '经核实无误，维持原积分',
        upheld: false,
      });
      expect(answered).toMatchObject({ status: 'answered', upheld: false, answeredByName: '张丽' });
      expectErrorShape(
        await req(secretary, 'POST', `/point-objections/${objection.id}/answer`, { answer: 'x', upheld: true }),
        409,
      );
      const seen = (await ok(member, 'GET', '/me/point-objections')).find((o: { id: string }) => o.id === objection.id);
      expect(seen).toMatchObject({ status: 'answered', answer: '经核实无误，维持原积分' });
    });

    it('refuses objections after the window and to publications that do not cover the member', async () => {
      const closed = crypto.randomUUID();
      const other = crypto.randomUUID();
      await t.database.db.execute(
        sql`insert into point_publications (id, org_id, period_key, period_kind, objection_deadline, objection_days,
            member_count, total_points) values
          (${closed}, ${orgs.branchA.id}, '2026-01', 'month', '2026-02-10', 5, 1, 1),
          (${other}, ${orgs.branchB.id}, ${month}, 'month', '2099-12-31', 5, 1, 1)`,
      );
      expectErrorShape(
        await req(member, 'POST', '/me/point-objections', { publicationId: closed, text: '迟到的异议' }),
        409,
      );
      expectErrorShape(await req(member, 'POST', '/me/point-objections', { publicationId: other, text: 'x' }), 404);
    });
  });

  describe('why, privacy and aggregates', () => {
    it('shows a member every entry with its rule and source, and their standing as a band only', async () => {
      const mine = await ok(member, 'GET', `/me/points?year=${year}`);
      expect(mine.member.id).toBe(me.id);
      expect(mine.total).toBe(await ledgerSum(me.id));
      expect(mine.total).toBe(mine.entries.reduce((s: number, e: { points: number }) => s + e.points, 0));
      const base = mine.entries.find((e: { rule: { code: string } }) => e.rule.code === 'base_score');
      expect(base).toMatchObject({ points: 60, source: { type: 'base', label: `${year}年度基础分` } });
      const attended = mine.entries.find((e: { source: { type: string } }) => e.source.type === 'attendance');
      if (attended) expect(attended.source.label).toMatch(/（\d+月\d+日）$/);
      expect(mine.standing).toMatchObject({
        band: expect.stringMatching(/top|upper|middle|lower/),
        branchMembers: expect.any(Number),
      });
      expect(Object.keys(mine.standing).sort()).toEqual(['band', 'branchAverage', 'branchMembers', 'percentile']);
      expect(mine.stars).toMatchObject({ thresholds: [60, 70, 80, 90, 96], grade: null, vetoed: false });
      // An admin sees the same "why"; out of scope is 404.
      const same = await ok(secretary, 'GET', `/members/${me.id}/points?year=${year}`);
      expect(same.entries.map((e: { id: string }) => e.id)).toEqual(mine.entries.map((e: { id: string }) => e.id));
      expectErrorShape(await req(secretary, 'GET', `/members/${memberB}/points`), 404);
    });

    it('lists members by name, never by score, and aggregates for organizations in scope', async () => {
      const page = await ok(
        secretary,
        'GET',
        `/points/members?pageSize=200&sorter=${encodeURIComponent('total:descend')}`,
      );
      expect(page.total).toBeGreaterThan(3);
      const totals = page.data.map((r: { total: number }) => r.total);
      expect(totals).not.toEqual([...totals].sort((a, b) => b - a));
      for (const r of page.data) expect(r.orgName).toBe(orgs.branchA.name);
      const stats = await ok(secretary, 'GET', `/points/stats?year=${year}`);
      expect(stats.members).toBe(page.total);
      expect(stats.distribution.reduce((a: number, b: number) => a + b, 0)).toBe(stats.members);
      expect(stats.stars.reduce((a: number, b: number) => a + b, 0)).toBe(stats.members);
      expect(stats.byOrg.map((o: { orgId: string }) => o.orgId)).toEqual([orgs.branchA.id]);
      expect(await averagePointsOf(t.database.db, orgs.branchA.path, year)).toBe(stats.average);
      // A year nobody kept points in has no average (星级评定 falls back to manual scoring), not an average of 0.
      expect(await averagePointsOf(t.database.db, orgs.branchA.path, 2001)).toBeNull();
      expectErrorShape(await req(secretary, 'GET', `/points/stats?orgId=${orgs.branchB.id}`), 404);
      const zone = await ok(admin, 'GET', `/points/stats?year=${year}&orgId=${orgs.xingguang.id}`);
      expect(zone.byOrg.length).toBeGreaterThan(1);
      expect(zone.orgName).toBe(orgs.xingguang.name);
    });

    it('exports the aggregates and the roster of the scope as .xlsx, audited', async () => {
      const res = await t.request(secretary, { method: 'GET', url: `/api/v1/points/export?year=${year}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['组织汇总', '党员积分']);
      const roster = wb.getWorksheet('党员积分')!;
      const branches = new Set<string>();
      roster.eachRow((row, n) => {
        if (n > 1) branches.add(String(row.getCell(1).value));
      });
      expect([...branches]).toEqual([orgs.branchA.name]);
      const [event] = await queryRows<{ action: string }>(
        t.database.db,
        sql`select action from audit_events order by seq desc limit 1`,
      );
      expect(event!.action).toBe('points.export');
    });

    it('gives 0 stars for 不合格 and for a veto, through the grade lookup the evaluation module provides', async () => {
      const points = createPointsModule({
        db: t.database.db,
        gradeOf: async (_db, id) => (id === me.id ? 'unqualified' : 'excellent'),
      });
      const actor = { userId: 'x', scopes: new Map([['points:read', [orgs.root.path]]]) } as never;
      const mine = await points.service.memberPoints(actor, me.id, year);
      expect(mine.stars).toMatchObject({ stars: 0, basis: 'unqualified', grade: 'unqualified' });
      const veto = await ok(secretary, 'POST', '/points/grants', {
        memberId: memberA,
        ruleCode: 'veto',
        occurredOn: today,
        reason: '受到党内严重警告处分',
      });
      await t.database.db.execute(
        sql`update point_grant_requests set evidence = ${JSON.stringify([{ id: crypto.randomUUID(), sha256: 'x', fileName: 'a.pdf', contentType: 'application/pdf', size: 1, uploadedAt: today, uploadedById: null }])}::jsonb where id = ${veto.id}`,
      );
      await ok(admin, 'POST', `/points/grants/${veto.id}/approve`, {});
      const vetoed = await points.service.memberPoints(actor, memberA, year);
      expect(vetoed.stars).toMatchObject({ stars: 0, basis: 'veto', vetoed: true, score: 0 });
    });
  });
});
