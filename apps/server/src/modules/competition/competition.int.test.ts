import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompetitionBank, scheduleCompetition, startNow } from '../../../test/support/competitions-walk.js';
import { loadOrgs, type OrgRef } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let admin: Session;
let orgs: Record<string, OrgRef>;
let bank: string;

/** `n` members of `org` with accounts and live sessions (as the benchmark makes them). */
async function membersWithSessions(org: OrgRef, n: number, tag: string): Promise<Session[]> {
  const batch = Array.from({ length: n }, (_, i) => ({
    i,
    token: randomBytes(24).toString('base64url'),
    csrf: randomUUID(),
  }));
  const json = JSON.stringify(
    batch.map((b) => ({ i: b.i, sid: createHash('sha256').update(b.token).digest('hex'), csrf: b.csrf })),
  );
  const prefix = `cmp${tag}_`;
  await t.database.db.execute(sql`with input as (select * from json_to_recordset(${json}::json) as x(i int, sid text, csrf text)),
    src as (select * from members where user_id is null and status = 'active' limit 1),
    u as (insert into users (id, username, display_name, password_hash)
      select gen_random_uuid(), ${prefix} || i, '竞赛' || i, 'none' from input returning id, username),
    s as (insert into sessions (id, user_id, csrf_token, expires_at)
      select input.sid, u.id, input.csrf, now() + interval '1 day' from input join u on u.username = ${prefix} || input.i),
    r as (insert into user_roles (id, user_id, role, org_id) select gen_random_uuid(), u.id, 'member', ${org.id}::uuid from u)
    insert into members select (jsonb_populate_record(null::members, to_jsonb(src) || jsonb_build_object(
      'id', gen_random_uuid(), 'name', '竞赛' || u.username, 'id_number_hash', md5(u.username),
      'user_id', u.id, 'org_id', ${org.id}::uuid, 'org_path', ${org.path}::text))).* from src, u`);
  return batch.map((b) => ({
    cookie: b.token,
    csrf: b.csrf,
    headers: { cookie: `re_sid=${b.token}`, 'x-csrf-token': b.csrf },
  }));
}

const post = (s: Session, url: string, payload: object = {}) =>
  t.request(s, { method: 'POST', url: `/api/v1${url}`, payload });
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url: `/api/v1${url}` });

/** Plays until a question comes (retrying "wait N ms" as the H5 does). */
async function firstQuestion(s: Session, id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await post(s, `/me/competitions/${id}/play`);
    expect(res.statusCode, res.body).toBe(200);
    const st = res.json();
    if (st.state !== 'waiting' && st.state !== 'lobby') return st;
    await new Promise((r) => setTimeout(r, Math.min(st.retryAfterMs ?? 50, 500)));
  }
  throw new Error('never admitted');
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  orgs = await loadOrgs(t, admin);
  bank = await insertCompetitionBank(t.database.db, orgs.root!, 12);
}, 120_000);
afterAll(async () => t?.close());

describe('knowledge competitions', () => {
  it('starts fairly: nothing before the start, then the same questions for everyone, options shuffled per member', async () => {
    const id = await scheduleCompetition(t, admin, {
      orgId: orgs.root!.id,
      bankIds: [bank],
      audienceOrgIds: [orgs.root!.id],
      drawRules: [{ count: 6 }],
      lobbyMinutes: 120,
    });
    const [m1, m2] = await membersWithSessions(orgs.branchA!, 2, 'fair');
    const lobby = await post(m1!, `/me/competitions/${id}/join`);
    expect(lobby.json()).toMatchObject({ state: 'lobby', question: null });
    const early = await post(m1!, `/me/competitions/${id}/play`);
    expect(early.json()).toMatchObject({ state: 'lobby', question: null });
    expect(early.json().retryAfterMs).toBeGreaterThan(3_000_000);
    // The competition's row is cached for a second on the play path.
    await new Promise((r) => setTimeout(r, 1100));
    // No answer can be given to a question not yet handed out.
    const none = await post(m1!, `/me/competitions/${id}/answers`, { position: 0, answer: ['A'] });
    expect(none.statusCode).toBe(409);

    await startNow(t.database.db, id);
    const seen: string[][] = [[], []];
    const optionSets: string[][][] = [[], []];
    for (const [k, s] of [m1!, m2!].entries()) {
      for (let p = 0; p < 6; p++) {
        const st = await firstQuestion(s, id);
        expect(st.state).toBe('question');
        expect(st.question.position).toBe(p);
        seen[k]!.push(st.question.stem);
        optionSets[k]!.push(st.question.options.map((o: { text: string }) => o.text));
        const ans = await post(s, `/me/competitions/${id}/answers`, { position: p, answer: ['A'] });
        expect(ans.statusCode, ans.body).toBe(200);
      }
      expect((await post(s, `/me/competitions/${id}/play`)).json().state).toBe('finished');
    }
    expect(seen[0]).toEqual(seen[1]);
    for (let p = 0; p < 6; p++) expect([...optionSets[0]![p]!].sort()).toEqual([...optionSets[1]![p]!].sort());
  });

  it('refuses a late answer with its reason and never counts a retried answer twice', async () => {
    const id = await scheduleCompetition(t, admin, {
      orgId: orgs.root!.id,
      bankIds: [bank],
      audienceOrgIds: [orgs.root!.id],
    });
    await startNow(t.database.db, id);
    const [m] = await membersWithSessions(orgs.branchA!, 1, 'late');
    const q0 = await firstQuestion(m!, id);
    const right =
      q0.question.kind === 'true_false'
        ? [true]
        : [q0.question.options.find((o: { text: string }) => o.text === '甲').key];
    const first = await post(m!, `/me/competitions/${id}/answers`, { position: 0, answer: right });
    expect(first.json()).toMatchObject({ correct: true, replayed: false });
    expect(first.json().points).toBeGreaterThan(100);
    const again = await post(m!, `/me/competitions/${id}/answers`, { position: 0, answer: ['B'] });
    expect(again.json()).toMatchObject({ correct: true, replayed: true, points: first.json().points });
    expect(again.json().score).toBe(first.json().score);

    const q1 = await firstQuestion(m!, id);
    expect(q1.question.position).toBe(1);
    await t.database.db.execute(
      sql`update competition_answers set opened_at = now() - interval '60 seconds' where position = 1
        and entry_id = (select id from competition_entries where competition_id = ${id})`,
    );
    const late = await post(m!, `/me/competitions/${id}/answers`, { position: 1, answer: ['A'] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('COMPETITION_ANSWER_LATE');
    expect(late.json().error.message).toContain('作答时间已过');
    // The member moves on to the next question; the late one scores nothing.
    expect((await firstQuestion(m!, id)).question.position).toBe(2);
    const [entry] = await queryRows<{ answered: number; score: number }>(
      t.database.db,
      sql`select answered, score from competition_entries where competition_id = ${id}`,
    );
    expect(entry).toEqual({ answered: 1, score: first.json().score });
  });

  it('admits 300 members starting at once in waves, none lost', async () => {
    const id = await scheduleCompetition(t, admin, {
      orgId: orgs.root!.id,
      bankIds: [bank],
      audienceOrgIds: [orgs.root!.id],
      drawRules: [{ count: 2 }],
      waveSize: 100,
      waveMs: 300,
    });
    const people = await membersWithSessions(orgs.branchA!, 300, 'wave');
    await startNow(t.database.db, id, 0);
    const states = await Promise.all(people.map((s) => firstQuestion(s, id)));
    expect(states.every((s) => s.state === 'question' && s.question.position === 0)).toBe(true);
    const [row] = await queryRows<{ n: number; started: number; waves: number }>(
      t.database.db,
      sql`select count(*)::int as n, count(started_at)::int as started, count(distinct admit_at)::int as waves
        from competition_entries where competition_id = ${id}`,
    );
    expect(row).toEqual({ n: 300, started: 300, waves: expect.any(Number) });
    expect(row!.waves).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('flags answers faster than the floor, ranks teams by average or sum, and exports', async () => {
    const id = await scheduleCompetition(t, admin, {
      orgId: orgs.root!.id,
      bankIds: [bank],
      audienceOrgIds: [orgs.root!.id],
      drawRules: [{ count: 3 }],
      teamAggregate: 'sum',
      anomalyMinCount: 3,
    });
    await startNow(t.database.db, id);
    const a = await membersWithSessions(orgs.branchA!, 2, 'teamA');
    const b = await membersWithSessions(orgs.branchB!, 1, 'teamB');
    for (const s of [...a, ...b])
      for (let p = 0; p < 3; p++) {
        await firstQuestion(s, id);
        await post(s, `/me/competitions/${id}/answers`, { position: p, answer: ['Z'] });
      }
    // Make one member of A answer everything right and slowly (2 s each): no flag for them.
    const res = await get(admin, `/competitions/${id}/results`);
    expect(res.statusCode).toBe(200);
    const results = res.json();
    expect(results.individuals).toHaveLength(3);
    // Instant answers (well under 1.5 s) on all three questions: flagged, never removed from the standings.
    expect(
      results.individuals.every((e: { flags: { kind: string }[] }) => e.flags.some((f) => f.kind === 'too_fast')),
    ).toBe(true);
    expect(results.teams.map((x: { members: number }) => x.members).sort()).toEqual([1, 2]);
    const board = (await get(admin, `/competitions/${id}/board`)).json();
    expect(board).toMatchObject({ joined: 3, started: 3, flagged: 3, top: [] });
    const xlsx = await get(admin, `/competitions/${id}/export`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // The member sees their own rank and the team aggregates, no individual list (not published).
    const mine = (await get(a[0]!, `/me/competitions/${id}/result`)).json();
    expect(mine).toMatchObject({ joined: true, participants: 3, top: [] });
    expect(mine.rank).toBeGreaterThanOrEqual(1);
    expect(mine.myTeam.members).toBe(2);
  });

  it('keeps competitions in scope: another branch answers 404, and members outside the audience too', async () => {
    const id = await scheduleCompetition(t, admin, {
      orgId: orgs.branchB!.id,
      bankIds: [bank],
      audienceOrgIds: [orgs.branchB!.id],
    });
    const secretary = await t.login('secretary');
    expect((await get(secretary, `/competitions/${id}`)).statusCode).toBe(404);
    expect((await get(secretary, `/competitions/${id}/board`)).statusCode).toBe(404);
    expect((await get(admin, `/competitions/${id}`)).statusCode).toBe(200);
    const [outsider] = await membersWithSessions(orgs.branchA!, 1, 'out');
    expect((await post(outsider!, `/me/competitions/${id}/join`)).statusCode).toBe(404);
    const listed = (await get(outsider!, '/me/competitions')).json();
    expect(listed.some((c: { id: string }) => c.id === id)).toBe(false);
  });

  it('books participation points through the competition point source, once', async () => {
    const [done] = await queryRows<{ id: string; ends_at: Date | string }>(
      t.database.db,
      sql`select id, ends_at from competitions where title = '“学党章 守党规”知识竞赛'`,
    );
    const period = new Date(new Date(done!.ends_at).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    for (let i = 0; i < 2; i++) {
      const run = await post(admin, '/points/run-grants', { period });
      expect(run.statusCode, run.body).toBe(200);
    }
    const [booked] = await queryRows<{ n: number; members: number }>(
      t.database.db,
      sql`select count(*)::int as n, count(distinct member_id)::int as members from point_entries
        where source_type = 'competition' and source_id = ${done!.id}`,
    );
    expect(booked!.n).toBeGreaterThan(100);
    expect(booked!.n).toBe(booked!.members);
  });

  it('validates the set-up with clear field errors', async () => {
    const res = await post(admin, '/competitions', {
      orgId: orgs.root!.id,
      title: '太短',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 3_660_000).toISOString(),
      bankIds: [bank],
      drawRules: [{ count: 10 }],
      questionSeconds: 60,
      audienceOrgIds: [orgs.root!.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.endsAt');
    const draft = await scheduleCompetition(
      t,
      admin,
      { orgId: orgs.root!.id, bankIds: [bank], audienceOrgIds: [orgs.root!.id], drawRules: [{ count: 50 }] },
      { schedule: false },
    );
    const short = await post(admin, `/competitions/${draft}/schedule`);
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('body.drawRules.0.count');
  });
});
