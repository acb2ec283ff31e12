import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { activityTypes, complianceRules, ruleSettings } from '../../db/schema/index.js';
import type { MeetingCountRow } from './compliance.policy.js';

export type ActivityTypeRow = typeof activityTypes.$inferSelect;
export type ComplianceRuleRow = typeof complianceRules.$inferSelect;

export type OrgRow = {
  id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  type: string;
  name: string;
  sort_order: number;
  founded_on: string | null;
};

export type CalendarRow = {
  id: string;
  title: string;
  starts_at: Date | string;
  ends_at: Date | string;
  checkin_opens_at: Date | string;
  status: string;
  org_id: string;
  org_name: string;
  venue_name: string | null;
  type_codes: string[] | null;
};

const WARN_DAYS_KEY = 'compliance.warn_days_before_cycle_end';
const WARN_DAYS_DEFAULT = 10;

/** The organizations compliance is about: branches, their party groups, and the committees above them. */
const COMPLIANCE_ORG_TYPES_SQL = sql.raw(
  `('work_committee', 'party_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch', 'party_group')`,
);

/** A timestamp parameter, typed for both drivers. */
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const under = (column: SQL, path: string | null) => (path ? sql`${column} like ${`${escapeLike(path)}%`}` : sql`true`);

export function createComplianceRepository(db: DbOrTx) {
  return {
    async orgPath(id: string, tx: DbOrTx = db) {
      const [row] = await queryRows<{ path: string }>(tx, sql`select path from organizations where id = ${id}`);
      return row?.path ?? null;
    },

    /** Active organizations in scope (and under `root` when given), each with what the evaluation needs. */
    async orgs(scope: SQL, root: string | null, tx: DbOrTx = db) {
      return queryRows<OrgRow>(
        tx,
        sql`select o.id, o.parent_id, o.path, o.depth, o.type, o.name, o.sort_order, o.founded_on::text as founded_on
          from organizations o
          where o.status = 'active' and o.type in ${COMPLIANCE_ORG_TYPES_SQL} and ${scope} and ${under(sql`o.path`, root)}`,
      );
    },

    /**
     * Meetings that have happened (ended by `now`, not cancelled) with a start in [from, to), counted per
     * organization they count for, activity type, local month (UTC+8) and kind of attribution — one query
     * whatever the number of branches. Read are the meetings held in `scope` (a predicate on `m.org_path`) under
     * `root`, and every joint activity wherever it was held; rows may name organizations outside, which the caller
     * drops. `spec` rows carry the organizer in `via`. The meetings are read first and everything else is looked up
     * from them, so the plan does not hinge on table statistics (a join on organizations by path did, badly).
     */
    async meetingCounts(p: { from: Date; to: Date; now: Date; scope: SQL; root: string | null }, tx: DbOrTx = db) {
      return queryRows<MeetingCountRow>(
        tx,
        sql`with happened as materialized (
            select m.id, m.org_id, m.starts_at,
              coalesce(case when jsonb_typeof(m.participant_spec->'groupIds') = 'array'
                then m.participant_spec->'groupIds' end, '[]'::jsonb) as group_ids
            from meetings m
            where m.status in ('planned', 'archived') and m.ends_at <= ${ts(p.now)}
              and m.starts_at >= ${ts(p.from)} and m.starts_at < ${ts(p.to)}
              and ((${p.scope} and ${under(sql`m.org_path`, p.root)})
                or exists (select 1 from meeting_orgs j where j.meeting_id = m.id))
          ), attributed as (
            select h.id, h.starts_at, h.org_id, null::uuid as via,
              case when jsonb_array_length(h.group_ids) > 0 then 'direct_named' else 'direct' end as kind
            from happened h
            union all
            select h.id, h.starts_at, mo.org_id, null::uuid, 'direct'
            from happened h join meeting_orgs mo on mo.meeting_id = h.id and mo.org_id <> h.org_id
            union all
            select h.id, h.starts_at, g.value::uuid, h.org_id, 'spec'
            from happened h cross join lateral jsonb_array_elements_text(h.group_ids) as g(value)
            where g.value ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
          )
          select a.org_id as "orgId", mt.type_code as "typeCode",
            to_char((a.starts_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as month,
            a.kind, a.via, count(distinct a.id)::int as n
          from attributed a join meeting_types mt on mt.meeting_id = a.id
          group by 1, 2, 3, 4, 5`,
      );
    },

    async warnDays(tx: DbOrTx = db) {
      const [row] = await tx.select().from(ruleSettings).where(eq(ruleSettings.key, WARN_DAYS_KEY));
      return row?.value ?? WARN_DAYS_DEFAULT;
    },

    rules: (tx: DbOrTx = db) =>
      tx
        .select()
        .from(complianceRules)
        .orderBy(asc(complianceRules.typeCode), asc(complianceRules.orgType), asc(complianceRules.effectiveFrom)),

    async rule(id: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(complianceRules).where(eq(complianceRules.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    /** Every version of one activity type × organization type, locked so two changes cannot interleave. */
    versionsOf: (typeCode: string, orgType: string, tx: DbOrTx) =>
      tx
        .select()
        .from(complianceRules)
        .where(and(eq(complianceRules.typeCode, typeCode), eq(complianceRules.orgType, orgType)))
        .orderBy(asc(complianceRules.effectiveFrom))
        .for('update'),

    async insertRule(row: typeof complianceRules.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(complianceRules).values(row).returning();
      return created!;
    },

    async updateRule(id: string, patch: Partial<typeof complianceRules.$inferInsert>, tx: DbOrTx) {
      const [row] = await tx
        .update(complianceRules)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(complianceRules.id, id))
        .returning();
      return row!;
    },

    activityTypes: (tx: DbOrTx = db) =>
      tx.select().from(activityTypes).orderBy(asc(activityTypes.sortOrder), asc(activityTypes.code)),

    async activityType(code: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(activityTypes).where(eq(activityTypes.code, code));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    /** Inserts unless the code exists; answers null when it does. */
    async insertActivityType(row: typeof activityTypes.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(activityTypes).values(row).onConflictDoNothing().returning();
      return created ?? null;
    },

    async updateActivityType(code: string, patch: Partial<typeof activityTypes.$inferInsert>, tx: DbOrTx) {
      const [row] = await tx.update(activityTypes).set(patch).where(eq(activityTypes.code, code)).returning();
      return row!;
    },

    /**
     * Meetings in scope overlapping [from, to): a meeting lasts at most 7 days, so the start bound lets the
     * index on starts_at do the work. One row more than `limit` tells the caller the answer was cut.
     */
    async calendar(p: { scope: SQL; root: string | null; from: Date; to: Date; limit: number }, tx: DbOrTx = db) {
      const earliest = new Date(p.from.getTime() - 8 * 86_400_000);
      return queryRows<CalendarRow>(
        tx,
        sql`select m.id, m.title, m.starts_at, m.ends_at, m.checkin_opens_at, m.status, m.org_id,
            o.name as org_name, v.name as venue_name,
            (select array_agg(mt.type_code order by t.sort_order, mt.type_code)
              from meeting_types mt join activity_types t on t.code = mt.type_code
              where mt.meeting_id = m.id) as type_codes
          from meetings m join organizations o on o.id = m.org_id left join venues v on v.id = m.venue_id
          where ${p.scope} and ${under(sql`m.org_path`, p.root)}
            and m.starts_at >= ${ts(earliest)} and m.starts_at < ${ts(p.to)} and m.ends_at > ${ts(p.from)}
          order by m.starts_at, m.id
          limit ${p.limit + 1}`,
      );
    },
  };
}

export type ComplianceRepository = ReturnType<typeof createComplianceRepository>;
