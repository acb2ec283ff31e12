import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { RoutePolicy } from '../../src/core/route-policy.js';
import type { DbOrTx } from '../../src/db/client.js';
import type { Session, TestApp } from '../../src/test-support/test-app.js';

type OrgRef = { id: string; path: string };

/** A bank owned by `org` with `n` single-choice questions (answer A) and a few true/false ones. */
export async function insertCompetitionBank(db: DbOrTx, org: OrgRef, n = 12, name = `竞赛题库 ${randomUUID()}`) {
  const bank = randomUUID();
  await db.execute(
    sql`insert into question_banks (id, name, org_id, org_path) values (${bank}, ${name}, ${org.id}, ${org.path})`,
  );
  for (let i = 0; i < n; i++) {
    const tf = i % 4 === 3;
    await db.execute(sql`insert into questions (id, bank_id, kind, stem, options, answer, tags, difficulty, content_hash)
      values (${randomUUID()}, ${bank}, ${tf ? 'true_false' : 'single'}, ${`探针题 ${i + 1}`},
        ${JSON.stringify(tf ? [] : ['甲', '乙', '丙', '丁'].map((text, k) => ({ key: 'ABCD'[k], text })))}::jsonb,
        ${JSON.stringify(tf ? [true] : ['A'])}::jsonb, ${sql`array[${i % 2 ? '党史' : '党章'}]::text[]`},
        ${(i % 3) + 1}, ${`hash-${bank}-${i}`})`);
  }
  return bank;
}

/** Creates and schedules a competition through the API (starts in an hour), answering its id. */
export async function scheduleCompetition(
  t: TestApp,
  admin: Session,
  body: Record<string, unknown>,
  opts: { schedule?: boolean } = {},
): Promise<string> {
  const startsAt = new Date(Date.now() + 3_600_000);
  const res = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/competitions',
    payload: {
      title: '探针竞赛',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      drawRules: [{ count: 5 }],
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`competition: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  if (opts.schedule !== false) {
    const s = await t.request(admin, { method: 'POST', url: `/api/v1/competitions/${id}/schedule`, payload: {} });
    if (s.statusCode !== 200) throw new Error(`schedule: ${s.statusCode} ${s.body}`);
  }
  return id;
}

/** Moves a competition (and its members' places in the waves) so it started `secondsAgo` seconds ago, as if the clock had run. */
export async function startNow(db: DbOrTx, id: string, secondsAgo = 1) {
  await db.execute(sql`with d as (select (now() - make_interval(secs => ${secondsAgo})) - starts_at as shift
      from competitions where id = ${id}),
    e as (update competition_entries set admit_at = admit_at + (select shift from d),
      joined_at = joined_at + (select shift from d) where competition_id = ${id})
    update competitions set starts_at = starts_at + (select shift from d), ends_at = ends_at + (select shift from d)
    where id = ${id}`);
}

/**
 * Fixtures of the permission walk: a draft competition of branch A and one of branch B (console routes), a running
 * competition open to the whole zone (every caller's own member may join, play and answer) and a running one for an
 * organization no caller belongs to (their H5 probes expect 404).
 */
export async function setUpCompetitionsWalk(
  t: TestApp,
  admin: Session,
  orgs: { root: OrgRef; branchA: OrgRef; branchB: OrgRef },
) {
  const bank = await insertCompetitionBank(t.database.db, orgs.root, 12);
  const draft = (org: OrgRef) =>
    scheduleCompetition(t, admin, { orgId: org.id, bankIds: [bank], audienceOrgIds: [org.id] }, { schedule: false });
  const a = await draft(orgs.branchA);
  const b = await draft(orgs.branchB);
  const zone = await scheduleCompetition(t, admin, {
    orgId: orgs.root.id,
    bankIds: [bank],
    audienceOrgIds: [orgs.root.id],
  });
  await startNow(t.database.db, zone, 5);
  const nobody = await scheduleCompetition(t, admin, {
    orgId: orgs.branchB.id,
    bankIds: [bank],
    audienceOrgIds: [orgs.branchB.id],
  });
  await startNow(t.database.db, nobody, 5);
  const NOWHERE = '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
  const startsAt = new Date(Date.now() + 7_200_000);

  return {
    ids(resource: RoutePolicy['resource'], zoneWide: boolean): { inScope: string; outOfScope: string } | null {
      if (resource === 'competition') return { inScope: a, outOfScope: zoneWide ? NOWHERE : b };
      if (resource === 'my-competition') return { inScope: zone, outOfScope: nobody };
      return null;
    },
    body(key: string, seq: number): unknown {
      switch (key) {
        case 'POST /api/v1/competitions':
          return {
            orgId: orgs.branchA.id,
            title: `探针竞赛 ${seq}`,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
            bankIds: [bank],
            drawRules: [{ count: 3 }],
            audienceOrgIds: [orgs.branchA.id],
          };
        case 'PATCH /api/v1/competitions/:id':
          return { title: `探针竞赛改 ${seq}` };
        case 'POST /api/v1/competitions/:id/schedule':
        case 'POST /api/v1/competitions/:id/cancel':
        case 'POST /api/v1/me/competitions/:id/join':
        case 'POST /api/v1/me/competitions/:id/play':
          return {};
        case 'POST /api/v1/me/competitions/:id/answers':
          return { position: 0, answer: ['A'] };
        default:
          return undefined;
      }
    },
  };
}
export type CompetitionsWalk = Awaited<ReturnType<typeof setUpCompetitionsWalk>>;
