import type {
  CampaignStatus,
  EvaluationAttachment,
  EvaluationKind,
  MemberGrade,
  MyEvaluation,
  MyEvaluationDetail,
  SecretaryChoice,
} from '@red-engine/shared';
import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { evaluationSubjects } from '../../db/schema/index.js';
import { readUpload } from '../file-store/index.js';
import type { EvaluationAccess } from './evaluation.access.js';
import { iso, toAttachmentDto } from './evaluation.mapper.js';
import { reportOpen, type SubjectService } from './evaluation.subjects.js';

type MineRow = {
  campaign_id: string;
  kind: string;
  title: string;
  year: number;
  org_name: string;
  status: string;
  ends_on: string | null;
  items: { key: string; label: string }[];
  voter: boolean;
  voter_subject_id: string | null;
  cast_at: Date | string | null;
  subject_id: string | null;
  graded: boolean | null;
  report: string | null;
  report_submitted_at: Date | string | null;
  self_assessment: string | null;
  self_submitted_at: Date | string | null;
  final_grade: string | null;
  result_grade: string | null;
  comment: string | null;
};

const MINE = (
  memberId: string,
) => sql`select c.id as campaign_id, c.kind, c.title, c.year, o.name as org_name, c.status,
    c.ends_on::text as ends_on, c.settings->'items' as items,
    (v.member_id is not null) as voter, v.subject_id as voter_subject_id, r.cast_at,
    s.id as subject_id, s.graded, s.report, s.report_submitted_at, s.self_assessment, s.self_submitted_at,
    case when c.status = 'confirmed' then s.final_grade end as final_grade,
    case when c.status <> 'preparing' and c.status <> 'voting' then s.result_grade end as result_grade,
    case when c.status <> 'preparing' and c.status <> 'voting' then s.comment end as comment
  from evaluation_campaigns c join organizations o on o.id = c.org_id
  left join evaluation_voters v on v.campaign_id = c.id and v.member_id = ${memberId}
  left join ballot_receipts r on r.campaign_id = c.id and r.member_id = ${memberId}
  left join lateral (select * from evaluation_subjects x where x.campaign_id = c.id and x.member_id = ${memberId}
    order by x.sort_order limit 1) s on true
  where (v.member_id is not null or s.id is not null)`;

/** H5 我的 → 评议投票: ballots to cast, self-assessments, a secretary's own report, one's published grade. */
export function createMyEvaluationService(deps: { db: Db; access: EvaluationAccess; subjects: SubjectService }) {
  const { db, access } = deps;

  function toMine(r: MineRow, attachments: EvaluationAttachment[]): MyEvaluation {
    const status = r.status as CampaignStatus;
    return {
      campaignId: r.campaign_id,
      kind: r.kind as EvaluationKind,
      title: r.title,
      year: r.year,
      orgName: r.org_name,
      status,
      endsOn: r.ends_on,
      eligible: r.voter,
      canVote: r.voter && status === 'voting' && !r.cast_at,
      castAt: iso(r.cast_at),
      mine: r.subject_id
        ? {
            subjectId: r.subject_id,
            graded: r.graded ?? false,
            report: r.report,
            reportSubmittedAt: iso(r.report_submitted_at),
            attachments,
            selfAssessment: r.self_assessment,
            selfSubmittedAt: iso(r.self_submitted_at),
            finalGrade: (r.final_grade as MemberGrade | null) ?? null,
            resultGrade: (r.result_grade as SecretaryChoice | null) ?? null,
            comment: r.comment,
          }
        : null,
    };
  }

  async function mineRow(actor: Actor, campaignId: string, tx: DbOrTx = db) {
    const me = await access.myMember(actor, tx);
    const [row] = await queryRows<MineRow>(tx, sql`${MINE(me.id)} and c.id = ${campaignId}`);
    if (!row) throw notFound();
    return { me, row };
  }

  async function attachmentsOf(subjectId: string | null, tx: DbOrTx = db) {
    return subjectId ? (await access.repo.attachmentsOf([subjectId], tx)).map(toAttachmentDto) : [];
  }

  /** The caller's own secretary entry of a 述职评议 still taking reports, locked. */
  async function mySecretaryEntry(actor: Actor, campaignId: string, tx: DbOrTx) {
    const { row } = await mineRow(actor, campaignId, tx);
    if (row.kind !== 'secretary_review' || !row.subject_id)
      throw new AppError('EVALUATION_STATE', MESSAGES.evaluationNotSecretarySubject);
    const s = (await access.repo.subject(row.subject_id, tx, true))!;
    const c = (await access.repo.campaign(campaignId, tx))!;
    if (!reportOpen(c)) throw new AppError('EVALUATION_STATE', MESSAGES.evaluationReportClosed);
    return { s, c };
  }

  return {
    async list(actor: Actor): Promise<MyEvaluation[]> {
      const me = await access.repo.memberOfUser(actor.userId);
      if (!me) return [];
      const rows = await queryRows<MineRow>(db, sql`${MINE(me.id)} order by c.year desc, c.created_at desc limit 50`);
      const files = await access.repo.attachmentsOf(rows.flatMap((r) => (r.subject_id ? [r.subject_id] : [])));
      return rows.map((r) => toMine(r, files.filter((f) => f.subjectId === r.subject_id).map(toAttachmentDto)));
    },

    async get(actor: Actor, campaignId: string): Promise<MyEvaluationDetail> {
      const { me, row } = await mineRow(actor, campaignId);
      const ballotSubjects = row.voter
        ? await queryRows<{
            subjectId: string;
            name: string;
            orgName: string;
            position: string | null;
            report: string | null;
          }>(
            db,
            sql`select s.id as "subjectId", s.name, o.name as "orgName", s.position,
                case when ${row.kind} = 'secretary_review' then s.report end as report
              from evaluation_subjects s join organizations o on o.id = s.org_id
              where s.campaign_id = ${campaignId} and s.graded and s.member_id is distinct from ${me.id}
                ${row.voter_subject_id ? sql`and s.id = ${row.voter_subject_id}` : sql``}
              order by s.sort_order, s.id`,
          )
        : [];
      return {
        ...toMine(row, await attachmentsOf(row.subject_id)),
        items: row.kind === 'secretary_review' ? (row.items ?? []) : [],
        ballotSubjects,
      };
    },

    /** 个人自评, while the campaign is being prepared or voted on. */
    async selfAssess(ctx: RequestContext, campaignId: string, text: string) {
      const actor = ctx.actor!;
      await inTransaction(db, ctx, async (tx, audit) => {
        const { row } = await mineRow(actor, campaignId, tx);
        if (row.kind !== 'member_evaluation' || !row.subject_id)
          throw new AppError('EVALUATION_STATE', MESSAGES.evaluationNotMemberSubject);
        if (row.status !== 'preparing' && row.status !== 'voting')
          throw new AppError('EVALUATION_STATE', MESSAGES.evaluationSelfClosed);
        const s = (await access.repo.subject(row.subject_id, tx, true))!;
        await tx
          .update(evaluationSubjects)
          .set({ selfAssessment: text, selfSubmittedAt: new Date() })
          .where(eq(evaluationSubjects.id, s.id));
        audit.record({
          action: 'evaluation.self_assessed',
          entity: 'evaluation_subject',
          entityId: s.id,
          orgPath: s.orgPath,
          after: { length: text.length, first: !s.selfAssessment },
        });
      });
      return this.get(actor, campaignId);
    },

    /** The secretary's own 述职报告. */
    async report(ctx: RequestContext, campaignId: string, text: string) {
      const actor = ctx.actor!;
      await inTransaction(db, ctx, async (tx, audit) => {
        const { s } = await mySecretaryEntry(actor, campaignId, tx);
        await tx
          .update(evaluationSubjects)
          .set({ report: text, reportSubmittedAt: new Date(), reportByName: actor.displayName })
          .where(eq(evaluationSubjects.id, s.id));
        audit.record({
          action: 'evaluation.report_submitted',
          entity: 'evaluation_subject',
          entityId: s.id,
          orgPath: s.orgPath,
          after: { length: text.length, first: !s.report },
        });
      });
      return this.get(actor, campaignId);
    },

    async uploadReportFile(ctx: RequestContext, campaignId: string, req: FastifyRequest) {
      const actor = ctx.actor!;
      // Visibility first: a foreign id answers 404 before any body is read.
      await mineRow(actor, campaignId);
      const upload = await readUpload(req, deps.subjects.maxBytes);
      return inTransaction(db, ctx, async (tx, audit) => {
        const { s } = await mySecretaryEntry(actor, campaignId, tx);
        return deps.subjects.attach(tx, audit, actor, { s, rectificationId: null }, upload);
      });
    },
  };
}

export type MyEvaluationService = ReturnType<typeof createMyEvaluationService>;
