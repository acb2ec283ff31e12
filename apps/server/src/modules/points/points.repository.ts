import type { Booked, ExemptionCategory, PointScheme } from '@red-engine/shared';
import { type SQL, sql } from 'drizzle-orm';
import { escapeLike, pathsWhere } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { PointEvidenceItem } from '../../db/schema/index.js';
import type { LoadedVersion, RuleRow } from './points.policy.js';

/** A JSON parameter, typed for both drivers. */
export const json = (v: unknown) => sql`${JSON.stringify(v)}::json`;
/** Members of the subtree (current branch) under `path`, or everyone. */
export const under = (column: SQL, path: string | null) =>
  path ? sql`${column} like ${`${escapeLike(path)}%`}` : sql`true`;

export type EntryRow = {
  id: string;
  member_id: string;
  org_id: string | null;
  year: number;
  occurred_on: string;
  period_key: string;
  rule_version_id: string;
  rule_code: string;
  source_type: string;
  source_id: string;
  source_label: string;
  points: number;
  nominal_points: number;
  adjustment: string | null;
  reverses_entry_id: string | null;
  reason: string | null;
  idempotency_key: string;
  created_by_name: string | null;
  created_at: Date | string;
};

/** An entry with its rule and version, and the entry that reverses it, for "why" views. */
export type EntryView = EntryRow & {
  name_zh: string;
  name_en: string;
  category: string;
  veto: boolean;
  effective_from: string;
  reversed_by: string | null;
};

export type MemberRef = {
  id: string;
  name: string;
  org_id: string | null;
  org_path: string | null;
  org_name: string | null;
  status: string;
  birth_date: string;
  user_id: string | null;
};

const ENTRY_VIEW = sql`select e.id, e.member_id, e.org_id, e.year, e.occurred_on::text as occurred_on, e.period_key,
    e.rule_version_id, e.rule_code, e.source_type, e.source_id, e.source_label, e.points, e.nominal_points,
    e.adjustment, e.reverses_entry_id, e.reason, e.idempotency_key, e.created_by_name, e.created_at,
    r.name_zh, r.name_en, r.category, r.veto, v.effective_from::text as effective_from, rev.id as reversed_by
  from point_entries e
  join point_rules r on r.version_id = e.rule_version_id and r.code = e.rule_code
  join point_rule_versions v on v.id = e.rule_version_id
  left join point_entries rev on rev.reverses_entry_id = e.id`;

const MEMBER_REF = sql`select m.id, m.name, m.org_id, m.org_path, o.name as org_name, m.status,
    m.birth_date::text as birth_date, m.user_id
  from members m left join organizations o on o.id = m.org_id`;

export function createPointsRepository(db: DbOrTx) {
  return {
    // --- rules ---------------------------------------------------------------------------------------------------
    async versions(tx: DbOrTx = db): Promise<LoadedVersion[]> {
      const versions = await queryRows<{
        id: string;
        effective_from: string;
        note: string | null;
        scheme: PointScheme;
        created_by_name: string | null;
        created_at: Date | string;
      }>(
        tx,
        sql`select id, effective_from::text as effective_from, note, scheme, created_by_name, created_at
          from point_rule_versions order by effective_from`,
      );
      const rules = await queryRows<RuleRow>(
        tx,
        sql`select version_id, code, category, name_zh, name_en, points, unit, cap_day, cap_month, cap_year,
            evidence_required, source, approval_required, veto, exempt_categories, sort_order
          from point_rules order by sort_order, code`,
      );
      return versions.map((v) => ({
        id: v.id,
        effectiveFrom: v.effective_from,
        note: v.note,
        scheme: v.scheme,
        createdByName: v.created_by_name,
        createdAt: v.created_at,
        rules: rules.filter((r) => r.version_id === v.id),
      }));
    },

    /** Serialises version changes: two new versions cannot race for one date. */
    async lockVersions(tx: DbOrTx) {
      await tx.execute(sql`lock table point_rule_versions in share row exclusive mode`);
    },

    // --- members ---------------------------------------------------------------------------------------------------
    async member(id: string, roots: readonly string[] | null, tx: DbOrTx = db): Promise<MemberRef | undefined> {
      const scope = roots === null ? sql`true` : pathsWhere(sql`m.org_path`, roots);
      const [row] = await queryRows<MemberRef>(tx, sql`${MEMBER_REF} where m.id = ${id} and ${scope}`);
      return row;
    },

    async memberOfUser(userId: string, tx: DbOrTx = db): Promise<MemberRef | undefined> {
      const [row] = await queryRows<MemberRef>(
        tx,
        sql`${MEMBER_REF} where m.user_id = ${userId} order by (m.status = 'active') desc limit 1`,
      );
      return row;
    },

    async orgPath(id: string, tx: DbOrTx = db) {
      const [row] = await queryRows<{ path: string; name: string }>(
        tx,
        sql`select path, name from organizations where id = ${id}`,
      );
      return row ?? null;
    },

    /** Birth date and current branch of members, for exemptions and the entries' branch. */
    async memberFacts(ids: readonly string[], tx: DbOrTx) {
      if (ids.length === 0) return [];
      return queryRows<{ id: string; org_id: string | null; birth_date: string }>(
        tx,
        sql`select id, org_id, birth_date::text as birth_date from members
          where id in (select value::uuid from json_array_elements_text(${json(ids)}))`,
      );
    },

    async exemptionsOf(ids: readonly string[], tx: DbOrTx) {
      if (ids.length === 0) return [];
      return queryRows<{ member_id: string; category: ExemptionCategory; starts_on: string; ends_on: string | null }>(
        tx,
        sql`select member_id, category, starts_on::text as starts_on, ends_on::text as ends_on from point_exemptions
          where member_id in (select value::uuid from json_array_elements_text(${json(ids)}))`,
      );
    },

    // --- ledger --------------------------------------------------------------------------------------------------
    /**
     * Creates the missing balance rows of (member, year) pairs and locks all of them, in member order so concurrent
     * writers never deadlock. Every writer of the ledger takes these locks first.
     */
    async lockBalances(pairs: readonly { memberId: string; year: number }[], tx: DbOrTx) {
      if (pairs.length === 0) return;
      const rows = json(pairs.map((p) => ({ member_id: p.memberId, year: p.year })));
      await tx.execute(
        sql`insert into member_point_balances (member_id, year, total)
          select member_id, year, 0 from json_to_recordset(${rows}) as x(member_id uuid, year int)
          on conflict do nothing`,
      );
      await tx.execute(
        sql`select 1 from member_point_balances b
          join json_to_recordset(${rows}) as x(member_id uuid, year int) on x.member_id = b.member_id and x.year = b.year
          order by b.member_id, b.year for update of b`,
      );
    },

    async takenKeys(keys: readonly string[], tx: DbOrTx): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const rows = await queryRows<{ k: string }>(
        tx,
        sql`select idempotency_key as k from point_entries
          where idempotency_key in (select value from json_array_elements_text(${json(keys)}))`,
      );
      return new Set(rows.map((r) => r.k));
    },

    /** Net points per member, rule and day in the given years: what the caps count. */
    async bookedSums(memberIds: readonly string[], ruleCodes: readonly string[], years: readonly number[], tx: DbOrTx) {
      if (memberIds.length === 0) return [];
      return queryRows<Booked>(
        tx,
        sql`select member_id as "memberId", rule_code as "ruleCode", occurred_on::text as "occurredOn",
            sum(points)::int as points
          from point_entries
          where member_id in (select value::uuid from json_array_elements_text(${json(memberIds)}))
            and rule_code in (select value from json_array_elements_text(${json(ruleCodes)}))
            and year in (select value::int from json_array_elements_text(${json(years)}))
          group by 1, 2, 3`,
      );
    },

    async reversedAmong(ids: readonly string[], tx: DbOrTx): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`select reverses_entry_id as id from point_entries
          where reverses_entry_id in (select value::uuid from json_array_elements_text(${json(ids)}))`,
      );
      return new Set(rows.map((r) => r.id));
    },

    async insertEntries(rows: readonly Omit<EntryRow, 'created_at' | 'created_by_name'>[], by: ByWhom, tx: DbOrTx) {
      for (let i = 0; i < rows.length; i += 2000) {
        const part = rows.slice(i, i + 2000);
        await tx.execute(
          sql`insert into point_entries (id, member_id, org_id, year, occurred_on, period_key, rule_version_id, rule_code,
              source_type, source_id, source_label, points, nominal_points, adjustment, reverses_entry_id, reason,
              idempotency_key, created_by_id, created_by_name)
            select id, member_id, org_id, year, occurred_on, period_key, rule_version_id, rule_code, source_type,
              source_id, source_label, points, nominal_points, adjustment, reverses_entry_id, reason, idempotency_key,
              ${by.id}::uuid, ${by.name}
            from json_to_recordset(${json(part)}) as x(id uuid, member_id uuid, org_id uuid, year int, occurred_on date,
              period_key text, rule_version_id uuid, rule_code text, source_type text, source_id text, source_label text,
              points int, nominal_points int, adjustment text, reverses_entry_id uuid, reason text, idempotency_key text)`,
        );
      }
    },

    /** Adds each entry's points to its (locked) balance row. */
    async addToBalances(rows: readonly { member_id: string; year: number; points: number }[], tx: DbOrTx) {
      const deltas = new Map<string, { member_id: string; year: number; delta: number }>();
      for (const r of rows) {
        const k = `${r.member_id}|${r.year}`;
        const d = deltas.get(k) ?? { member_id: r.member_id, year: r.year, delta: 0 };
        d.delta += r.points;
        deltas.set(k, d);
      }
      const changed = [...deltas.values()].filter((d) => d.delta !== 0);
      if (changed.length === 0) return;
      await tx.execute(
        sql`update member_point_balances b set total = b.total + x.delta, updated_at = now()
          from json_to_recordset(${json(changed)}) as x(member_id uuid, year int, delta int)
          where b.member_id = x.member_id and b.year = x.year`,
      );
    },

    async entry(id: string, tx: DbOrTx = db): Promise<EntryView | undefined> {
      const [row] = await queryRows<EntryView>(tx, sql`${ENTRY_VIEW} where e.id = ${id}`);
      return row;
    },

    entriesOf: (memberId: string, year: number, tx: DbOrTx = db) =>
      queryRows<EntryView>(
        tx,
        sql`${ENTRY_VIEW} where e.member_id = ${memberId} and e.year = ${year}
          order by e.occurred_on desc, e.created_at desc, e.id`,
      ),

    entriesInPeriod: (memberId: string, from: string, to: string, tx: DbOrTx = db) =>
      queryRows<EntryView>(
        tx,
        sql`${ENTRY_VIEW} where e.member_id = ${memberId} and e.occurred_on >= ${from}::date and e.occurred_on < ${to}::date
          order by e.occurred_on desc, e.created_at desc, e.id`,
      ),

    async balance(memberId: string, year: number, tx: DbOrTx = db) {
      const [row] = await queryRows<{ total: number }>(
        tx,
        sql`select total from member_point_balances where member_id = ${memberId} and year = ${year}`,
      );
      return row?.total ?? 0;
    },

    /** Members (of a list) with a veto item booked in the year and not corrected. */
    async vetoed(memberIds: readonly string[] | null, year: number, tx: DbOrTx = db): Promise<Set<string>> {
      const members =
        memberIds === null
          ? sql`true`
          : sql`e.member_id in (select value::uuid from json_array_elements_text(${json(memberIds)}))`;
      const rows = await queryRows<{ member_id: string }>(
        tx,
        sql`select distinct e.member_id from point_entries e
          join point_rules r on r.version_id = e.rule_version_id and r.code = e.rule_code
          where r.veto and e.year = ${year} and e.reverses_entry_id is null and ${members}
            and not exists (select 1 from point_entries x where x.reverses_entry_id = e.id)`,
      );
      return new Set(rows.map((r) => r.member_id));
    },

    /** Automatic entries of these types in [from, to) not yet corrected, for members under the roots. */
    async liveEntries(types: readonly string[], from: string, to: string, roots: readonly string[] | null, tx: DbOrTx) {
      const scope = roots === null ? sql`true` : pathsWhere(sql`m.org_path`, roots);
      return queryRows<EntryRow>(
        tx,
        sql`select e.id, e.member_id, e.org_id, e.year, e.occurred_on::text as occurred_on, e.period_key,
            e.rule_version_id, e.rule_code, e.source_type, e.source_id, e.source_label, e.points, e.nominal_points,
            e.adjustment, e.reverses_entry_id, e.reason, e.idempotency_key, e.created_by_name, e.created_at
          from point_entries e join members m on m.id = e.member_id
          where e.source_type in (select value from json_array_elements_text(${json(types)}))
            and e.occurred_on >= ${from}::date and e.occurred_on < ${to}::date and e.reverses_entry_id is null
            and not exists (select 1 from point_entries x where x.reverses_entry_id = e.id) and ${scope}`,
      );
    },

    /** Every (member, year) whose stored total differs from the sum of its ledger entries. */
    balanceMismatches: (tx: DbOrTx = db) =>
      queryRows<{ member_id: string; name: string | null; year: number; stored: number; ledger: number }>(
        tx,
        sql`with ledger as (select member_id, year, sum(points)::int as total from point_entries group by 1, 2)
          select coalesce(b.member_id, l.member_id) as member_id, m.name, coalesce(b.year, l.year) as year,
            coalesce(b.total, 0) as stored, coalesce(l.total, 0) as ledger
          from member_point_balances b
          full join ledger l on l.member_id = b.member_id and l.year = b.year
          left join members m on m.id = coalesce(b.member_id, l.member_id)
          where coalesce(b.total, 0) <> coalesce(l.total, 0)
          order by m.name, 1, 3`,
      ),

    async counts(tx: DbOrTx = db) {
      const [row] = await queryRows<{ entries: number; balances: number }>(
        tx,
        sql`select (select count(*)::int from point_entries) as entries,
          (select count(*)::int from member_point_balances) as balances`,
      );
      return row!;
    },
  };
}

export type ByWhom = { id: string | null; name: string | null };
export type PointsRepository = ReturnType<typeof createPointsRepository>;

export type EvidenceRow = PointEvidenceItem;
