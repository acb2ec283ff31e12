import { type SQL, sql } from 'drizzle-orm';
import { pathsWhere } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { PointEvidenceItem } from '../../db/schema/index.js';
import type { ExemptionRow, GrantRow, ObjectionRow, PublicationRow } from './points.mapper.js';
import { under } from './points.repository.js';

/**
 * Queries of the records around the ledger: manual grant requests, exemptions, publications and objections. Every
 * read takes the caller's subtree roots and filters by the member's (or the publication organization's) current path.
 */

const GRANT_VIEW = sql`select g.id, g.member_id, m.name as member_name, o.name as org_name, m.org_path,
    g.rule_version_id, g.rule_code, r.name_zh, r.name_en, r.veto, r.evidence_required, r.approval_required,
    g.occurred_on::text as occurred_on, g.points, g.reason, g.evidence, g.status, g.requested_by_id,
    g.requested_by_name, g.created_at, g.decided_by_name, g.decided_at, g.decision_note, g.entry_id,
    e.points as booked_points
  from point_grant_requests g
  join members m on m.id = g.member_id
  left join organizations o on o.id = m.org_id
  join point_rules r on r.version_id = g.rule_version_id and r.code = g.rule_code
  left join point_entries e on e.id = g.entry_id`;

const EXEMPTION_VIEW = sql`select x.id, x.member_id, m.name as member_name, o.name as org_name, m.org_path, x.category,
    x.starts_on::text as starts_on, x.ends_on::text as ends_on, x.reason, x.created_by_name, x.created_at
  from point_exemptions x join members m on m.id = x.member_id left join organizations o on o.id = m.org_id`;

const PUBLICATION_VIEW = sql`select p.id, p.org_id, o.name as org_name, o.path as org_path, p.period_key, p.period_kind,
    p.published_at, p.published_by_name, p.objection_deadline::text as objection_deadline, p.objection_days,
    p.member_count, p.total_points, p.note,
    (select count(*)::int from point_objections j where j.publication_id = p.id and j.status = 'pending') as pending,
    (select count(*)::int from point_objections j where j.publication_id = p.id and j.status = 'answered') as answered
  from point_publications p join organizations o on o.id = p.org_id`;

const OBJECTION_VIEW = sql`select j.id, j.publication_id, p.period_key, po.name as publication_org_name,
    p.objection_deadline::text as objection_deadline, j.member_id, m.name as member_name, o.name as org_name,
    m.org_path, j.entry_id, e.source_label as entry_label, e.points as entry_points,
    e.occurred_on::text as entry_occurred_on, r.name_zh as entry_rule_zh, r.name_en as entry_rule_en, j.text, j.status,
    j.upheld, j.answer, j.answered_by_name, j.answered_at, j.created_at
  from point_objections j
  join point_publications p on p.id = j.publication_id
  join organizations po on po.id = p.org_id
  join members m on m.id = j.member_id
  left join organizations o on o.id = m.org_id
  left join point_entries e on e.id = j.entry_id
  left join point_rules r on r.version_id = e.rule_version_id and r.code = e.rule_code`;

type Paging = { current: number; pageSize: number };
const page = (p: Paging) => sql`limit ${p.pageSize} offset ${(p.current - 1) * p.pageSize}`;

async function paged<T>(tx: DbOrTx, view: SQL, where: SQL, order: SQL, p: Paging) {
  const [rows, [count]] = await Promise.all([
    queryRows<T>(tx, sql`${view} where ${where} ${order} ${page(p)}`),
    queryRows<{ n: number }>(tx, sql`select count(*)::int as n from (${view} where ${where}) as c`),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export function createPointsRecordsRepository(db: DbOrTx) {
  return {
    // --- grant requests --------------------------------------------------------------------------------------------
    async grant(id: string, roots: readonly string[], tx: DbOrTx = db, lock = false): Promise<GrantRow | undefined> {
      if (lock) {
        const [locked] = await queryRows<{ id: string }>(
          tx,
          sql`select id from point_grant_requests where id = ${id} for update`,
        );
        if (!locked) return undefined;
      }
      const [row] = await queryRows<GrantRow>(
        tx,
        sql`${GRANT_VIEW} where g.id = ${id} and ${pathsWhere(sql`m.org_path`, roots)}`,
      );
      return row;
    },

    grants: (roots: readonly string[], q: Paging & { status?: string; root: string | null }, tx: DbOrTx = db) =>
      paged<GrantRow>(
        tx,
        GRANT_VIEW,
        sql`${pathsWhere(sql`m.org_path`, roots)} and ${under(sql`m.org_path`, q.root)}
          and ${q.status ? sql`g.status = ${q.status}` : sql`true`}`,
        sql`order by (g.status = 'pending') desc, g.created_at desc, g.id`,
        q,
      ),

    async insertGrant(
      g: {
        id: string;
        memberId: string;
        versionId: string;
        ruleCode: string;
        occurredOn: string;
        points: number;
        reason: string;
        by: { id: string | null; name: string | null };
      },
      tx: DbOrTx,
    ) {
      await tx.execute(
        sql`insert into point_grant_requests (id, member_id, rule_version_id, rule_code, occurred_on, points, reason,
            requested_by_id, requested_by_name)
          values (${g.id}, ${g.memberId}, ${g.versionId}, ${g.ruleCode}, ${g.occurredOn}::date, ${g.points}, ${g.reason},
            ${g.by.id}::uuid, ${g.by.name})`,
      );
    },

    async decideGrant(
      id: string,
      d: {
        status: 'approved' | 'rejected';
        by: { id: string | null; name: string | null };
        note: string | null;
        entryId: string | null;
      },
      tx: DbOrTx,
    ) {
      await tx.execute(
        sql`update point_grant_requests set status = ${d.status}, decided_by_id = ${d.by.id}::uuid,
            decided_by_name = ${d.by.name}, decided_at = now(), decision_note = ${d.note}, entry_id = ${d.entryId}::uuid
          where id = ${id}`,
      );
    },

    async addEvidence(id: string, item: PointEvidenceItem, tx: DbOrTx) {
      await tx.execute(
        sql`update point_grant_requests set evidence = evidence || ${JSON.stringify([item])}::jsonb where id = ${id}`,
      );
    },

    /** The grant request holding an evidence file, if the member is in scope. */
    async evidence(fileId: string, roots: readonly string[], tx: DbOrTx = db) {
      const [row] = await queryRows<GrantRow>(
        tx,
        sql`${GRANT_VIEW} where g.evidence @> ${JSON.stringify([{ id: fileId }])}::jsonb
          and ${pathsWhere(sql`m.org_path`, roots)}`,
      );
      return row;
    },

    // --- exemptions ------------------------------------------------------------------------------------------------
    async exemption(id: string, roots: readonly string[], tx: DbOrTx = db, lock = false) {
      const [row] = await queryRows<ExemptionRow>(
        tx,
        sql`${EXEMPTION_VIEW} where x.id = ${id} and ${pathsWhere(sql`m.org_path`, roots)}
          ${lock ? sql`for update of x` : sql``}`,
      );
      return row;
    },

    exemptions: (roots: readonly string[], q: Paging & { root: string | null }, tx: DbOrTx = db) =>
      paged<ExemptionRow>(
        tx,
        EXEMPTION_VIEW,
        sql`${pathsWhere(sql`m.org_path`, roots)} and ${under(sql`m.org_path`, q.root)}`,
        sql`order by (x.ends_on is null or x.ends_on >= current_date) desc, x.created_at desc, x.id`,
        q,
      ),

    async insertExemption(
      x: {
        id: string;
        memberId: string;
        category: string;
        startsOn: string;
        endsOn: string | null;
        reason: string;
        by: { id: string | null; name: string | null };
      },
      tx: DbOrTx,
    ) {
      await tx.execute(
        sql`insert into point_exemptions (id, member_id, category, starts_on, ends_on, reason, created_by_id, created_by_name)
          values (${x.id}, ${x.memberId}, ${x.category}, ${x.startsOn}::date, ${x.endsOn}::date, ${x.reason},
            ${x.by.id}::uuid, ${x.by.name})`,
      );
    },

    async endExemption(id: string, endsOn: string, tx: DbOrTx) {
      await tx.execute(sql`update point_exemptions set ends_on = ${endsOn}::date where id = ${id}`);
    },

    // --- publications ----------------------------------------------------------------------------------------------
    async publication(id: string, tx: DbOrTx = db) {
      const [row] = await queryRows<PublicationRow>(tx, sql`${PUBLICATION_VIEW} where p.id = ${id}`);
      return row;
    },

    publications: (roots: readonly string[], q: Paging & { root: string | null }, tx: DbOrTx = db) =>
      paged<PublicationRow>(
        tx,
        PUBLICATION_VIEW,
        sql`${pathsWhere(sql`o.path`, roots)} and ${under(sql`o.path`, q.root)}`,
        sql`order by p.published_at desc, p.id`,
        q,
      ),

    /** Members on the roll under a path and the points their entries of [from, to) add up to. */
    async periodFigures(path: string, from: string, to: string, tx: DbOrTx) {
      const [row] = await queryRows<{ members: number; points: number }>(
        tx,
        sql`with e as materialized (
            select member_id, points from point_entries where occurred_on >= ${from}::date and occurred_on < ${to}::date
          )
          select (select count(*)::int from members m where m.status = 'active' and ${under(sql`m.org_path`, path)}) as members,
            (select coalesce(sum(e.points), 0)::int from e join members m on m.id = e.member_id
              where m.status = 'active' and ${under(sql`m.org_path`, path)}) as points`,
      );
      return row ?? { members: 0, points: 0 };
    },

    async insertPublication(
      p: {
        id: string;
        orgId: string;
        periodKey: string;
        periodKind: string;
        deadline: string;
        days: number;
        members: number;
        points: number;
        note: string | null;
        by: { id: string | null; name: string | null };
        at?: Date;
      },
      tx: DbOrTx,
    ) {
      await tx.execute(
        sql`insert into point_publications (id, org_id, period_key, period_kind, published_at, objection_deadline,
            objection_days, member_count, total_points, note, published_by_id, published_by_name)
          values (${p.id}, ${p.orgId}, ${p.periodKey}, ${p.periodKind}, ${(p.at ?? new Date()).toISOString()}::timestamptz,
            ${p.deadline}::date, ${p.days}, ${p.members}, ${p.points}, ${p.note}, ${p.by.id}::uuid, ${p.by.name})`,
      );
    },

    /** Publications covering a member's branch (its organization is the branch or above), newest first. */
    publicationsFor: (orgPath: string, limit: number, tx: DbOrTx = db) =>
      queryRows<PublicationRow>(
        tx,
        sql`${PUBLICATION_VIEW} where starts_with(${orgPath}::text, o.path)
          order by p.published_at desc, p.id limit ${limit}`,
      ),

    // --- objections ------------------------------------------------------------------------------------------------
    async objection(id: string, roots: readonly string[] | null, tx: DbOrTx = db, lock = false) {
      if (lock) {
        const [locked] = await queryRows<{ id: string }>(
          tx,
          sql`select id from point_objections where id = ${id} for update`,
        );
        if (!locked) return undefined;
      }
      const scope = roots === null ? sql`true` : pathsWhere(sql`m.org_path`, roots);
      const [row] = await queryRows<ObjectionRow>(tx, sql`${OBJECTION_VIEW} where j.id = ${id} and ${scope}`);
      return row;
    },

    objections: (roots: readonly string[], q: Paging & { status?: string; root: string | null }, tx: DbOrTx = db) =>
      paged<ObjectionRow>(
        tx,
        OBJECTION_VIEW,
        sql`${pathsWhere(sql`m.org_path`, roots)} and ${under(sql`m.org_path`, q.root)}
          and ${q.status ? sql`j.status = ${q.status}` : sql`true`}`,
        sql`order by (j.status = 'pending') desc, j.created_at desc, j.id`,
        q,
      ),

    objectionsOf: (memberId: string, tx: DbOrTx = db) =>
      queryRows<ObjectionRow>(
        tx,
        sql`${OBJECTION_VIEW} where j.member_id = ${memberId} order by j.created_at desc, j.id`,
      ),

    async insertObjection(
      o: { id: string; publicationId: string; memberId: string; entryId: string | null; text: string },
      tx: DbOrTx,
    ) {
      await tx.execute(
        sql`insert into point_objections (id, publication_id, member_id, entry_id, text)
          values (${o.id}, ${o.publicationId}, ${o.memberId}, ${o.entryId}::uuid, ${o.text})`,
      );
    },

    async answerObjection(
      id: string,
      a: { answer: string; upheld: boolean; by: { id: string | null; name: string | null } },
      tx: DbOrTx,
    ) {
      await tx.execute(
        sql`update point_objections set status = 'answered', answer = ${a.answer}, upheld = ${a.upheld},
            answered_by_id = ${a.by.id}::uuid, answered_by_name = ${a.by.name}, answered_at = now()
          where id = ${id}`,
      );
    },

    async calendar(tx: DbOrTx = db) {
      const rows = await queryRows<{ day: string; kind: string }>(
        tx,
        sql`select day::text as day, kind from working_calendar`,
      );
      return {
        holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
        workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
      };
    },
  };
}
export type PointsRecordsRepository = ReturnType<typeof createPointsRecordsRepository>;
