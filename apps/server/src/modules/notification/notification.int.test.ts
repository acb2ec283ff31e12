import type { Todo } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptText } from '../../core/crypto.js';
import type { DbHandle } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { createTestDatabase } from '../../test-support/test-db.js';
import { sealAllPending, verifyAuditChain } from '../audit/index.js';
import { dispatchOutbox, type NotificationSender, type OutboxMessage } from './notification.dispatcher.js';

let t: TestApp;
let admin: Session;
let secretary: Session;
let member: Session;
let bateer: { id: string; org_id: string; org_path: string; user_id: string };
let otherBranch: { id: string; path: string };
/** 刘继英 (leader) is also a member, of another branch. */
let leaderMember: string;
let startedAt: Date;

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const api = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.request(s, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });

async function plan(body: Record<string, unknown>, session = admin) {
  const res = await api(session, 'POST', '/meetings', {
    orgId: bateer.org_id,
    title: '主题党日：学习党章',
    typeCodes: ['theme_day'],
    startsAt: minutes(60 * 24),
    endsAt: minutes(60 * 26),
    participants: { orgIds: [bateer.org_id] },
    ...body,
  });
  return res;
}

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);
const userId = async (username: string) =>
  (await rows<{ id: string }>(sql`select id from users where username = ${username}`))[0]!.id;
const todosOf = async (s: Session) => {
  const res = await api(s, 'GET', '/me/todos');
  expect(res.statusCode).toBe(200);
  return res.json() as Todo[];
};
const countOf = (todos: Todo[], kind: Todo['kind']) => todos.find((x) => x.kind === kind)?.count ?? 0;

beforeAll(async () => {
  t = await createTestApp();
  startedAt = new Date();
  admin = await t.login('admin');
  secretary = await t.login('secretary');
  member = await t.login('member');
  [bateer] = await rows<typeof bateer>(
    sql`select m.id, m.org_id, m.org_path, m.user_id from members m join users u on u.id = m.user_id where u.username = 'member'`,
  );
  [otherBranch] = await rows<typeof otherBranch>(
    sql`select id, path from organizations where name = '双欣集团电石分公司党支部'`,
  );
  [{ id: leaderMember }] = (await rows<{ id: string }>(
    sql`select m.id from members m join users u on u.id = m.user_id where u.username = 'leader'`,
  )) as [{ id: string }];
}, 180_000);
afterAll(() => t?.close());

describe('meeting notifications', () => {
  it('planning tells exactly the participants: accounts in-app, phones by SMS, in one transaction', async () => {
    // The branch (巴特尔, 张丽 and the check-in volunteer have accounts) and 刘继英 of another branch, by name.
    const res = await plan({ participants: { orgIds: [bateer.org_id], memberIds: [leaderMember] } });
    expect(res.statusCode).toBe(201);
    const m = res.json();

    const expected = await rows<{ user_id: string }>(
      sql`select m.user_id from meeting_participants p join members m on m.id = p.member_id
        where p.meeting_id = ${m.id} and m.user_id is not null order by 1`,
    );
    const got = await rows<{ recipient_user_id: string; kind: string; link: string; params: Record<string, unknown> }>(
      sql`select recipient_user_id, kind, link, params from notifications where source_id = ${m.id} order by 1`,
    );
    expect(got.map((r) => r.recipient_user_id)).toEqual(expected.map((r) => r.user_id));
    const names = await rows<{ username: string }>(
      sql`select u.username from notifications n join users u on u.id = n.recipient_user_id
        where n.source_id = ${m.id} order by 1`,
    );
    expect(names.map((r) => r.username)).toEqual(['checkin', 'leader', 'member', 'secretary']);
    expect(got.every((r) => r.kind === 'meeting.planned' && r.link === `/m/meetings/${m.id}`)).toBe(true);
    expect(got[0]!.params).toMatchObject({ meetingId: m.id, title: '主题党日：学习党章', startsAt: m.startsAt });

    const [phones] = await rows<{ n: number }>(
      sql`select count(*)::int as n from meeting_participants p join members m on m.id = p.member_id
        where p.meeting_id = ${m.id} and m.phone_enc is not null`,
    );
    const [sms] = await rows<{ n: number; distinct_members: number }>(
      sql`select count(*)::int as n, count(distinct recipient_member_id)::int as distinct_members
        from notification_outbox where source_id = ${m.id} and channel = 'sms'`,
    );
    expect(phones!.n).toBeGreaterThan(0);
    expect(sms).toEqual({ n: phones!.n, distinct_members: phones!.n });
    // WeChat is off by default (rule data).
    expect(await rows(sql`select 1 from notification_outbox where source_id = ${m.id} and channel <> 'sms'`)).toEqual(
      [],
    );
  });

  it('a plan that fails after its messages were written leaves no message behind', async () => {
    // The audit event is the last write of the transaction: refuse it for one title, after the messages are in.
    await t.database.db.execute(
      sql.raw(`create or replace function refuse_probe() returns trigger as $$
      begin if new.action = 'meeting.created' and new.after->>'title' = '失败探针' then
        raise exception 'probe'; end if; return new; end $$ language plpgsql`),
    );
    await t.database.db.execute(
      sql.raw('create trigger refuse_probe before insert on audit_events for each row execute function refuse_probe()'),
    );
    try {
      const res = await plan({ title: '失败探针' });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.database.db.execute(sql.raw('drop trigger refuse_probe on audit_events'));
    }
    expect(await rows(sql`select 1 from meetings where title = '失败探针'`)).toEqual([]);
    expect(await rows(sql`select 1 from notifications where params->>'title' = '失败探针'`)).toEqual([]);
    expect(await rows(sql`select 1 from notification_outbox where params->>'title' = '失败探针'`)).toEqual([]);
  });

  it('an edit of time or place tells the participants what changed; other edits tell nobody', async () => {
    const m = (await plan({ title: '支部委员会' })).json();
    const before = await rows(sql`select 1 from notifications where source_id = ${m.id}`);
    expect((await api(admin, 'PATCH', `/meetings/${m.id}`, { hostName: '张丽' })).statusCode).toBe(200);
    expect(await rows(sql`select 1 from notifications where source_id = ${m.id}`)).toHaveLength(before.length);

    const res = await api(admin, 'PATCH', `/meetings/${m.id}`, {
      startsAt: minutes(60 * 48),
      endsAt: minutes(60 * 49),
      location: '三楼会议室',
    });
    expect(res.statusCode).toBe(200);
    const [changed] = await rows<{ params: Record<string, unknown> }>(
      sql`select params from notifications where source_id = ${m.id} and kind = 'meeting.changed'
        and recipient_user_id = ${bateer.user_id}`,
    );
    expect(changed!.params).toMatchObject({
      changes: ['time', 'venue'],
      location: '三楼会议室',
      previousStartsAt: m.startsAt,
      startsAt: res.json().startsAt,
    });

    const cancel = await api(admin, 'POST', `/meetings/${m.id}/cancel`, { reason: '与上级会议冲突' });
    expect(cancel.statusCode).toBe(200);
    const [cancelled] = await rows<{ params: Record<string, unknown> }>(
      sql`select params from notifications where source_id = ${m.id} and kind = 'meeting.cancelled'
        and recipient_user_id = ${bateer.user_id}`,
    );
    expect(cancelled!.params).toMatchObject({ reason: '与上级会议冲突' });
  });

  it('participants added by an edit hear of the meeting once, and not of the change as well', async () => {
    const m = (await plan({ title: '党小组会', participants: { memberIds: [bateer.id] } })).json();
    const leader = await userId('leader');
    const res = await api(admin, 'PATCH', `/meetings/${m.id}`, {
      participants: { memberIds: [bateer.id, leaderMember] },
      startsAt: minutes(60 * 30),
      endsAt: minutes(60 * 31),
    });
    expect(res.statusCode).toBe(200);
    const kinds = async (user: string) =>
      (
        await rows<{ kind: string }>(
          sql`select kind from notifications where source_id = ${m.id} and recipient_user_id = ${user} order by created_at, kind`,
        )
      ).map((r) => r.kind);
    expect(await kinds(bateer.user_id)).toEqual(['meeting.planned', 'meeting.changed']);
    expect(await kinds(leader)).toEqual(['meeting.planned']);
  });

  it('the demo seeds its accounts recent messages, with the same values as live ones', async () => {
    const seeded = await rows<{ kind: string; starts: string; starts_at: Date | string; read_at: Date | null }>(
      sql`select n.kind, n.params->>'startsAt' as starts, mt.starts_at, n.read_at from notifications n
        join meetings mt on mt.id = coalesce((n.params->>'meetingId')::uuid, n.source_id)
        where n.recipient_user_id = ${bateer.user_id} and n.created_at < ${startedAt}`,
    );
    expect(seeded.length).toBeGreaterThan(0);
    for (const r of seeded) {
      expect(['meeting.planned', 'meeting.cancelled', 'leave.approved', 'leave.rejected']).toContain(r.kind);
      expect(new Date(r.starts).toISOString()).toBe(new Date(r.starts_at).toISOString());
      // What lies ahead is still news.
      if (new Date(r.starts_at).getTime() > Date.now()) expect(r.read_at).toBeNull();
    }
  });

  it('a meeting recorded after it ended tells nobody', async () => {
    const m = (await plan({ title: '补录的学习会', startsAt: minutes(-180), endsAt: minutes(-120) })).json();
    expect(await rows(sql`select 1 from notifications where source_id = ${m.id}`)).toEqual([]);
    expect(await rows(sql`select 1 from notification_outbox where source_id = ${m.id}`)).toEqual([]);
  });
});

describe('leave notifications, reading and to-dos', () => {
  let meetingId: string;
  let leaveId: string;

  it('a leave request reaches the branch’s own admins; the decision reaches the member', async () => {
    meetingId = (await plan({ title: '党员大会' })).json().id;
    const asked = await api(member, 'POST', `/me/meetings/${meetingId}/leave`, { reason: '出差' });
    expect(asked.statusCode).toBe(201);
    leaveId = asked.json().id;
    const told = await rows<{ username: string; link: string; params: Record<string, unknown> }>(
      sql`select u.username, n.link, n.params from notifications n join users u on u.id = n.recipient_user_id
        where n.source_id = ${leaveId} and n.kind = 'leave.requested' order by 1`,
    );
    // 张丽 administers 洗煤厂党支部 itself; the committee and zone admins above see it among their to-dos instead.
    expect(told.map((r) => r.username)).toEqual(['secretary']);
    expect(told[0]!.link).toBe(`/meetings/${meetingId}?tab=leaves`);
    expect(told[0]!.params).toMatchObject({ memberName: '巴特尔', reason: '出差', title: '党员大会', leaveId });

    const secretaryTodos = await todosOf(secretary);
    const approval = secretaryTodos.find((x) => x.kind === 'leave.approval')!;
    expect(approval.items.some((i) => i.id === meetingId)).toBe(true);
    const mine = await todosOf(member);
    expect(mine.find((x) => x.kind === 'leave.awaiting')?.items.map((i) => i.id)).toContain(meetingId);
    expect(countOf(mine, 'leave.awaiting')).toBe(1);

    const decided = await api(secretary, 'POST', `/meeting-leaves/${leaveId}/reject`, { note: '请安排好工作按时参会' });
    expect(decided.statusCode).toBe(200);
    const list = await api(member, 'GET', '/me/notifications?unread=true&pageSize=50');
    const rejected = list.json().data.find((n: { kind: string }) => n.kind === 'leave.rejected');
    expect(rejected).toMatchObject({
      link: `/m/meetings/${meetingId}`,
      sourceType: 'meeting_leave',
      sourceId: leaveId,
      readAt: null,
      params: { note: '请安排好工作按时参会', decidedByName: expect.any(String), title: '党员大会' },
    });
    // The member's own to-do turns into a meeting to attend.
    const after = await todosOf(member);
    expect(countOf(after, 'leave.awaiting')).toBe(0);
    expect(countOf(after, 'meeting.upcoming')).toBe(countOf(mine, 'meeting.upcoming') + 1);
  });

  it('counts unread, marks one and all read with audit events, and keeps each inbox to its owner', async () => {
    const count = async (s: Session) => (await api(s, 'GET', '/me/notifications/unread-count')).json().unread as number;
    const unread = await count(member);
    expect(unread).toBeGreaterThan(1);
    const [first] = (await api(member, 'GET', '/me/notifications?unread=true&pageSize=1')).json().data;

    const [theirs] = (await api(secretary, 'GET', '/me/notifications?pageSize=1')).json().data;
    const foreign = await api(member, 'POST', `/me/notifications/${theirs.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    expect(
      (await api(member, 'GET', '/me/notifications?pageSize=200')).json().data.map((n: { id: string }) => n.id),
    ).not.toContain(theirs.id);

    const auditBefore =
      (await rows<{ n: number }>(sql`select count(*)::int as n from audit_pending`))[0]!.n +
      (await rows<{ n: number }>(sql`select count(*)::int as n from audit_events`))[0]!.n;
    const read = await api(member, 'POST', `/me/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect(await count(member)).toBe(unread - 1);
    // Reading again keeps the first reading time.
    expect((await api(member, 'POST', `/me/notifications/${first.id}/read`)).json().readAt).toBe(read.json().readAt);

    const all = await api(member, 'POST', '/me/notifications/read-all');
    expect(all.json()).toEqual({ marked: unread - 1 });
    expect(await count(member)).toBe(0);
    expect((await api(member, 'GET', '/me/notifications?unread=true')).json()).toMatchObject({ data: [], total: 0 });

    await sealAllPending(t.database.db);
    const events = await rows<{ action: string; entity_id: string | null }>(
      sql`select action, entity_id from audit_events order by seq desc limit 3`,
    );
    expect(events.map((e) => e.action)).toEqual(['notification.read_all', 'notification.read', 'notification.read']);
    const [{ n: auditAfter }] = (await rows<{ n: number }>(sql`select count(*)::int as n from audit_events`)) as [
      { n: number },
    ];
    expect(auditAfter).toBe(auditBefore + 3);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('to-dos are scoped: a branch admin does not see another branch’s pending leave; the zone admin does', async () => {
    const [someone] = await rows<{ id: string }>(
      sql`select id from members where org_path like ${`${otherBranch.path}%`} and status = 'active' order by id limit 1`,
    );
    const res = await api(admin, 'POST', '/meetings', {
      orgId: otherBranch.id,
      title: '电石分公司支委会',
      typeCodes: ['committee_meeting'],
      startsAt: minutes(60 * 50),
      endsAt: minutes(60 * 51),
      participants: { memberIds: [someone!.id] },
    });
    expect(res.statusCode).toBe(201);
    const before = { admin: countOf(await todosOf(admin), 'leave.approval'), branch: await todosOf(secretary) };
    await t.database.db.execute(sql`insert into meeting_leaves (id, meeting_id, member_id, reason)
      values (gen_random_uuid(), ${res.json().id}, ${someone!.id}, '外出培训')`);
    const branch = await todosOf(secretary);
    expect(countOf(branch, 'leave.approval')).toBe(countOf(before.branch, 'leave.approval'));
    expect(branch.flatMap((x) => x.items).map((i) => i.id)).not.toContain(res.json().id);
    expect(countOf(await todosOf(admin), 'leave.approval')).toBe(before.admin + 1);

    // Every count is the scope's own: what 张丽 sees is what her branch holds.
    const [pending] = await rows<{ n: number }>(
      sql`select count(*)::int as n from meeting_leaves l join meetings mt on mt.id = l.meeting_id
        where l.status = 'pending' and mt.status <> 'cancelled' and mt.org_path like ${`${bateer.org_path}%`}`,
    );
    expect(countOf(branch, 'leave.approval')).toBe(pending!.n);
  });

  it('gives a read-only leader no administrative to-dos and answers every provider for the zone admin', async () => {
    const leader = await t.login('leader');
    const kinds = (await todosOf(leader)).map((x) => x.kind);
    expect(kinds.filter((k) => !['meeting.upcoming', 'leave.awaiting'].includes(k))).toEqual([]);
    const zone = await todosOf(admin);
    expect(zone.length).toBeGreaterThan(0);
    for (const x of zone) {
      expect(x.count).toBeGreaterThan(0);
      expect(x.link.startsWith('/')).toBe(true);
    }
    // Most urgent first.
    const order = { danger: 0, warning: 1, info: 2 };
    expect(zone.map((x) => order[x.level])).toEqual([...zone.map((x) => order[x.level])].sort());
  });
});

describe('outbox dispatcher', () => {
  let db: DbHandle;
  const key = Buffer.alloc(32, 7);
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 120_000);
  afterAll(() => db?.close());

  const recording = (log: OutboxMessage[], fail = false): NotificationSender => ({
    name: 'recording',
    async send(m) {
      await new Promise((r) => setTimeout(r, 1));
      if (fail) throw new Error('gateway down');
      log.push(m);
    },
  });

  it('delivers each row exactly once with two dispatchers running at the same time', async () => {
    const phone = encryptText(key, '13912345678');
    await db.db.execute(sql`insert into notification_outbox (channel, address_enc, kind, params, source_type, source_id)
      select 'sms', ${phone}, 'meeting.planned', jsonb_build_object('title', '会' || i, 'startsAt', '2030-05-01T06:30:00Z'),
        'meeting', gen_random_uuid() from generate_series(1, 450) i`);
    const a: OutboxMessage[] = [];
    const b: OutboxMessage[] = [];
    const loop = async (sender: NotificationSender) => {
      for (;;) {
        const r = await dispatchOutbox(db.db, sender, { dataKey: key, limit: 25 });
        if (r.sent === 0) return;
      }
    };
    await Promise.all([loop(recording(a)), loop(recording(b))]);
    const ids = [...a, ...b].map((m) => m.id);
    expect(ids).toHaveLength(450);
    expect(new Set(ids).size).toBe(450);
    if (db.kind === 'postgresql') expect(Math.min(a.length, b.length)).toBeGreaterThan(0);
    expect(a[0]).toMatchObject({ address: '13912345678', channel: 'sms' });
    expect(a[0]!.text).toMatch(/^【红色引擎】.+5月1日 14:30/);
    const [left] = await queryRows<{ pending: number; sent: number }>(
      db.db,
      sql`select count(*) filter (where status = 'pending')::int as pending,
        count(*) filter (where status = 'sent' and attempts = 1 and sent_at is not null)::int as sent from notification_outbox`,
    );
    expect(left).toEqual({ pending: 0, sent: 450 });
  });

  it('retries a failed delivery later, doubling the wait, and gives up after the configured attempts', async () => {
    await db.db.execute(sql`delete from notification_outbox`);
    await db.db.execute(sql`insert into notification_outbox (channel, kind, params, source_type, source_id)
      values ('wechat', 'leave.approved', '{"title":"党课"}', 'meeting_leave', gen_random_uuid())`);
    const failing = recording([], true);
    // A second on: the row's default next_attempt_at is the database's now(), in microseconds, which may lie just
    // after Date.now() within the same millisecond.
    let clock = Date.now() + 1_000;
    const now = () => new Date(clock);
    const step = async () => dispatchOutbox(db.db, failing, { dataKey: key, now });
    const state = async () =>
      (
        await queryRows<{ status: string; attempts: number; next_attempt_at: Date | string; last_error: string }>(
          db.db,
          sql`select status, attempts, next_attempt_at, last_error from notification_outbox`,
        )
      )[0]!;
    expect(await step()).toEqual({ sent: 0, retried: 1, failed: 0 });
    let s = await state();
    expect(s).toMatchObject({ status: 'pending', attempts: 1, last_error: 'gateway down' });
    expect(new Date(s.next_attempt_at).getTime() - clock).toBe(2 * 60_000);
    // Not due yet: untouched.
    expect(await step()).toEqual({ sent: 0, retried: 0, failed: 0 });
    for (let attempt = 2; attempt <= 5; attempt++) {
      clock = new Date(s.next_attempt_at).getTime();
      await step();
      s = await state();
      expect(s.attempts).toBe(attempt);
    }
    expect(s.status).toBe('failed');
  });
});
