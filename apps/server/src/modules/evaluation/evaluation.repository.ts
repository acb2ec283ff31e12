import type { ListCampaignsQuery } from '@red-engine/shared';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { pathsWhere } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { evaluationAttachments, evaluationCampaigns, evaluationSubjects, ruleSettings } from '../../db/schema/index.js';

export type CampaignRow = typeof evaluationCampaigns.$inferSelect;
export type SubjectRow = typeof evaluationSubjects.$inferSelect;
export type AttachmentRow = typeof evaluationAttachments.$inferSelect;

/** Defaults kept as rule data (migration 0013); a missing row falls back to these. */
export const EVALUATION_DEFAULTS = {
  'evaluation.secretary.good_percent': 90,
  'evaluation.secretary.fairly_good_percent': 70,
  'evaluation.secretary.average_percent': 50,
  'evaluation.member.excellent_max_denominator': 3,
  'evaluation.member.probationary_vote': 0,
  'evaluation.rectification.warn_days': 7,
} as const;
export type EvaluationSettingKey = keyof typeof EVALUATION_DEFAULTS;

export type CampaignListRow = {
  id: string;
  kind: string;
  org_id: string;
  org_name: string;
  year: number;
  title: string;
  status: string;
  starts_on: string | null;
  ends_on: string | null;
  voting_opened_at: Date | string | null;
  voting_closed_at: Date | string | null;
  submitted_at: Date | string | null;
  confirmed_at: Date | string | null;
  confirmed_by_name: string | null;
  returned_reason: string | null;
  created_at: Date | string;
  subjects: number;
  eligible: number;
  cast: number;
};

const CAMPAIGN_SELECT = sql`select c.id, c.kind, c.org_id, o.name as org_name, c.year, c.title, c.status,
  c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.voting_opened_at, c.voting_closed_at, c.submitted_at,
  c.confirmed_at, c.confirmed_by_name, c.returned_reason, c.created_at,
  (select count(*)::int from evaluation_subjects s where s.campaign_id = c.id) as subjects,
  (select count(*)::int from evaluation_voters v where v.campaign_id = c.id) as eligible,
  (select count(*)::int from ballot_receipts r where r.campaign_id = c.id) as cast
  from evaluation_campaigns c join organizations o on o.id = c.org_id`;

/** A campaign is visible where its organization, or one of its subjects, lies in the caller's subtrees. */
export const campaignVisibleWhere = (roots: readonly string[]): SQL =>
  sql`(${pathsWhere(sql`c.org_path`, roots)} or exists (select 1 from evaluation_subjects vs
    where vs.campaign_id = c.id and ${pathsWhere(sql`vs.org_path`, roots)}))`;

export function createEvaluationRepository(db: DbOrTx) {
  return {
    async settings(tx: DbOrTx = db): Promise<Record<EvaluationSettingKey, number>> {
      const rows = await tx.select().from(ruleSettings).where(sql`${ruleSettings.key} like 'evaluation.%'`);
      const out: Record<string, number> = { ...EVALUATION_DEFAULTS };
      for (const r of rows) out[r.key] = r.value;
      return out as Record<EvaluationSettingKey, number>;
    },

    async campaign(id: string, tx: DbOrTx = db, lock: 'update' | 'share' | null = null) {
      const q = tx.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, id));
      const [row] = lock === 'update' ? await q.for('update') : lock === 'share' ? await q.for('share') : await q;
      return row;
    },

    async campaignListRow(id: string, tx: DbOrTx = db) {
      const [row] = await queryRows<CampaignListRow>(tx, sql`${CAMPAIGN_SELECT} where c.id = ${id}`);
      return row;
    },

    async list(roots: readonly string[], q: ListCampaignsQuery) {
      const parts: SQL[] = [campaignVisibleWhere(roots)];
      if (q.kind) parts.push(sql`c.kind = ${q.kind}`);
      if (q.year) parts.push(sql`c.year = ${q.year}`);
      if (q.status) parts.push(sql`c.status = ${q.status}`);
      if (q.orgId)
        parts.push(sql`c.org_path like (select so.path from organizations so where so.id = ${q.orgId}) || '%'`);
      const where = and(...parts)!;
      const [rows, total] = await Promise.all([
        queryRows<CampaignListRow>(
          db,
          sql`${CAMPAIGN_SELECT} where ${where} order by c.year desc, c.kind desc, o.sort_order, o.name, c.id
            limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`,
        ),
        queryRows<{ n: number }>(db, sql`select count(*)::int as n from evaluation_campaigns c where ${where}`),
      ]);
      return { rows, total: total[0]?.n ?? 0 };
    },

    async subjects(campaignId: string, tx: DbOrTx = db) {
      return queryRows<SubjectRow & { org_name: string; rectifications: number }>(
        tx,
        sql`select s.id, s.campaign_id as "campaignId", s.org_id as "orgId", s.org_path as "orgPath",
            s.member_id as "memberId", s.name, s.position, s.category, s.graded, s.sort_order as "sortOrder",
            s.report, s.report_submitted_at as "reportSubmittedAt", s.report_by_name as "reportByName", s.comment,
            s.commented_at as "commentedAt", s.commented_by_name as "commentedByName", s.result_grade as "resultGrade",
            s.self_assessment as "selfAssessment", s.self_submitted_at as "selfSubmittedAt", s.peer_summary as "peerSummary",
            s.proposed_grade as "proposedGrade", s.proposal_note as "proposalNote", s.final_grade as "finalGrade",
            o.name as org_name,
            (select count(*)::int from evaluation_rectifications r where r.subject_id = s.id) as rectifications
          from evaluation_subjects s join organizations o on o.id = s.org_id
          where s.campaign_id = ${campaignId} order by s.sort_order, s.id`,
      );
    },

    async subject(id: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(evaluationSubjects).where(eq(evaluationSubjects.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    async attachmentsOf(subjectIds: string[], tx: DbOrTx = db, rectifications = false) {
      if (subjectIds.length === 0) return [];
      return tx
        .select()
        .from(evaluationAttachments)
        .where(
          and(
            inArray(
              rectifications ? evaluationAttachments.rectificationId : evaluationAttachments.subjectId,
              subjectIds,
            ),
            rectifications ? undefined : sql`${evaluationAttachments.rectificationId} is null`,
          ),
        )
        .orderBy(evaluationAttachments.uploadedAt, evaluationAttachments.id);
    },

    async attachment(id: string, tx: DbOrTx = db) {
      const [row] = await queryRows<AttachmentRow & { orgPath: string; campaignOrgPath: string }>(
        tx,
        sql`select a.id, a.campaign_id as "campaignId", a.subject_id as "subjectId", a.rectification_id as "rectificationId",
            a.file_name as "fileName", a.sha256, a.size, a.content_type as "contentType", s.org_path as "orgPath",
            c.org_path as "campaignOrgPath"
          from evaluation_attachments a join evaluation_subjects s on s.id = a.subject_id
          join evaluation_campaigns c on c.id = a.campaign_id where a.id = ${id}`,
      );
      return row;
    },

    /** Counts per subject, item and choice: the only way choices are ever read. */
    async tallies(campaignId: string, tx: DbOrTx = db) {
      return queryRows<{ subject_id: string; item: string; choice: string; n: number }>(
        tx,
        sql`select subject_id, item, choice, count(*)::int as n from ballot_choices
          where campaign_id = ${campaignId} group by subject_id, item, choice`,
      );
    },

    async turnoutByOrg(campaignId: string, roots: readonly string[] | null, tx: DbOrTx = db) {
      return queryRows<{ org_id: string; org_name: string; eligible: number; cast: number }>(
        tx,
        sql`select v.org_id, o.name as org_name, count(*)::int as eligible, count(r.member_id)::int as cast
          from evaluation_voters v join organizations o on o.id = v.org_id
          left join ballot_receipts r on r.campaign_id = v.campaign_id and r.member_id = v.member_id
          where v.campaign_id = ${campaignId} ${roots ? sql`and ${pathsWhere(sql`v.org_path`, roots)}` : sql``}
          group by v.org_id, o.name, o.sort_order order by o.sort_order, o.name`,
      );
    },

    async memberOfUser(userId: string, tx: DbOrTx = db) {
      const [row] = await queryRows<{ id: string; name: string }>(
        tx,
        sql`select id, name from members where user_id = ${userId} limit 1`,
      );
      return row;
    },
  };
}

export type EvaluationRepository = ReturnType<typeof createEvaluationRepository>;
