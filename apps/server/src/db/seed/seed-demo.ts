import { count, sql } from 'drizzle-orm';
import { systemContext } from '../../core/actor.js';
import { hashPassword } from '../../core/crypto.js';
import { inTransaction } from '../../core/transaction.js';
import { todayIso } from '../../modules/member/index.js';
import type { Db } from '../client.js';
import { organizations, userRoles, users } from '../schema/index.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoOrg, demoZone } from './demo-zone.js';
import { createRandom } from './random.js';
import { seedCommunityService } from './seed-community-service.js';
import { seedCompetitions } from './seed-competitions.js';
import { linkDemoSecretary, seedEvaluation } from './seed-evaluation.js';
import { seedExams } from './seed-exams.js';
import { seedLearning } from './seed-learning.js';
import { type MeetingSpan, seedMeetings } from './seed-meetings.js';
import { type SeedBranch, seedMembers } from './seed-members.js';
import { seedNotifications } from './seed-notifications.js';
import { seedOrgRatings } from './seed-org-ratings.js';
import { seedPoints } from './seed-points.js';
import { seedRecruitment } from './seed-recruitment.js';
import { insertStructure, planStructure } from './seed-structure.js';
import { seedTransfers } from './seed-transfers.js';

/** Arbitrary but fixed key of the advisory lock held while seeding. */
const SEED_LOCK_KEY = 7_265_646_502;

const GROUP_NAMES = ['第一党小组', '第二党小组', '第三党小组', '第四党小组'];

export type SeedResult = { seeded: boolean; organizations: number; members: number; accounts: typeof DEMO_ACCOUNTS };

export type SeedOptions = {
  seed?: number;
  /** Seals members' ID numbers, phones and addresses; without it no members are seeded. */
  dataKey?: Buffer;
  /** Members are seeded by default when a data key is given; tests that do not need them can skip them. */
  members?: boolean;
  /** The date the demo history runs up to (today by default). */
  today?: string;
  /** How much 组织生活 history to seed with the members: a year (default) or the last two months. */
  meetings?: MeetingSpan;
  /** 党员积分 history with the meetings (default); test files that do not read points skip it (about 2 s on PGlite). */
  points?: boolean;
};

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return (row?.n ?? 0) === 0;
}

/** Seeds the demo zone into an empty database; the same seed always gives the same ids and shape. */
export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedResult> {
  if (!(await isEmpty(db))) return { seeded: false, organizations: 0, members: 0, accounts: DEMO_ACCOUNTS };
  const rnd = createRandom(opts.seed ?? 20180701);
  const rows: (typeof organizations.$inferInsert)[] = [];
  const byKey = new Map<string, { id: string; path: string }>();
  const branches: SeedBranch[] = [];

  const visit = (node: DemoOrg, parent: { id: string; path: string; depth: number } | null, order: number) => {
    const id = rnd.uuid();
    const path = `${parent?.path ?? ''}${id}/`;
    const depth = parent ? parent.depth + 1 : 0;
    rows.push({
      id,
      parentId: parent?.id ?? null,
      path,
      depth,
      type: node.type,
      domain: node.domain,
      name: node.name,
      shortName: node.shortName ?? null,
      sortOrder: order,
    });
    byKey.set(node.key, { id, path });
    for (const [i, child] of (node.children ?? []).entries()) visit(child, { id, path, depth }, i + 1);
    const isBranch = node.type === 'branch' || node.type === 'joint_branch' || node.type === 'temporary_branch';
    if (isBranch) {
      branches.push({ key: node.key, id, path, name: node.name, type: node.type, domain: node.domain });
      const groups = node.type === 'temporary_branch' ? rnd.int(1, 2) : rnd.int(2, 4);
      for (let g = 0; g < groups; g++) {
        const gid = rnd.uuid();
        rows.push({
          id: gid,
          parentId: id,
          path: `${path}${gid}/`,
          depth: depth + 1,
          type: 'party_group',
          domain: node.domain,
          name: GROUP_NAMES[g]!,
          sortOrder: g + 1,
        });
      }
    }
  };
  visit(demoZone(), null, 1);
  // Record fields of the organizations, units, committees and venues come from a generator of their own.
  const structure = planStructure(rows, byKey, opts.seed ?? 20180701);
  const pathById = new Map(rows.map((r) => [r.id!, r.path]));
  const foundedById = new Map(rows.map((r) => [r.id!, r.foundedOn ?? null]));
  for (const b of branches) b.foundedOn = foundedById.get(b.id) ?? null;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx = systemContext('seed');
  let memberCount = 0;
  const seeded = await inTransaction(db, ctx, async (tx, audit) => {
    // Two instances starting on one empty PostgreSQL must not both seed: the second waits, then finds data.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [existing] = await tx.select({ n: count() }).from(organizations);
    if ((existing?.n ?? 0) > 0) return false;
    for (let i = 0; i < rows.length; i += 500) await tx.insert(organizations).values(rows.slice(i, i + 500));
    for (const r of rows) {
      audit.record({
        action: 'org.create',
        entity: 'organization',
        entityId: r.id,
        orgPath: r.path,
        after: { name: r.name, type: r.type, domain: r.domain, parentId: r.parentId },
        actor: { id: null, name: 'seed' },
      });
    }
    const accounts = new Map<string, { id: string; displayName: string }>();
    await insertStructure(tx, audit, structure, (id) => pathById.get(id)!);
    for (const a of DEMO_ACCOUNTS) {
      const org = byKey.get(a.orgKey)!;
      const id = rnd.uuid();
      accounts.set(a.username, { id, displayName: a.displayName });
      await tx
        .insert(users)
        .values({ id, username: a.username, displayName: a.displayName, passwordHash, mustChangePassword: false });
      await tx.insert(userRoles).values({ id: rnd.uuid(), userId: id, role: a.role, orgId: org.id });
      audit.record({
        action: 'user.create',
        entity: 'user',
        entityId: id,
        orgPath: org.path,
        after: { username: a.username, displayName: a.displayName, roles: [{ role: a.role, orgId: org.id }] },
        actor: { id: null, name: 'seed' },
      });
    }
    if (opts.dataKey && opts.members !== false) {
      const today = opts.today ?? todayIso();
      memberCount = await seedMembers(tx, audit, createRandom((opts.seed ?? 20180701) + 1), {
        branches,
        accounts,
        dataKey: opts.dataKey,
        today,
      });
      await linkDemoSecretary(tx, byKey);
      await seedTransfers(tx, audit, createRandom((opts.seed ?? 20180701) + 2), {
        branches,
        admin: accounts.get('admin')!,
        dataKey: opts.dataKey,
        today,
      });
      await seedRecruitment(tx, audit, createRandom((opts.seed ?? 20180701) + 4), {
        branches,
        admin: accounts.get('admin')!,
        dataKey: opts.dataKey,
        today,
      });
      await seedCommunityService(tx, audit, createRandom((opts.seed ?? 20180701) + 3), {
        branches,
        accounts,
        orgs: byKey,
        today,
      });
      await seedMeetings(tx, audit, createRandom((opts.seed ?? 20180701) + 5), {
        branches,
        today,
        span: opts.meetings ?? 'year',
      });
      await seedNotifications(tx, { today });
      await seedEvaluation(tx, audit, createRandom((opts.seed ?? 20180701) + 7), {
        branches,
        orgs: byKey,
        today,
        full: (opts.meetings ?? 'year') === 'year',
      });
      const root = byKey.get('root')!;
      // Learning comes before the points, so the demo's points include the study, quizzes and the finished
      // competition, and a later run over the demo months books nothing new.
      await seedLearning(tx, audit, createRandom((opts.seed ?? 20180701) + 12), {
        root,
        xingguang: byKey.get('xingguang')!,
        admin: { id: accounts.get('admin')!.id, displayName: accounts.get('admin')!.displayName },
        today,
      });
      await seedCompetitions(tx, audit, createRandom((opts.seed ?? 20180701) + 10), { root, today });
      await seedExams(tx, audit, createRandom((opts.seed ?? 20180701) + 14), { root, today });
      if (opts.points !== false)
        await seedPoints(tx, audit, createRandom((opts.seed ?? 20180701) + 6), {
          branches,
          rootId: root.id,
          rootPath: root.path,
          today,
          months: (opts.meetings ?? 'year') === 'year' ? 12 : 2,
        });
      await seedOrgRatings(tx, audit, createRandom((opts.seed ?? 20180701) + 8), {
        accounts,
        root: byKey.get('root')!,
        today,
      });
    }
    return true;
  });
  return { seeded, organizations: seeded ? rows.length : 0, members: memberCount, accounts: DEMO_ACCOUNTS };
}
