import { randomUUID } from 'node:crypto';
import {
  type CampaignDetail,
  type CampaignStatus,
  type CreateCampaignBody,
  canTransition,
  checkExcellentQuota,
  type EvaluationDefaults,
  type EvaluationKind,
  type ListCampaignsQuery,
  type Page,
  type SatisfactionThresholds,
  thresholdsValid,
  type UpdateCampaignBody,
} from '@red-engine/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { evaluationCampaigns, evaluationSubjects, members, organizations } from '../../db/schema/index.js';
import type { EvaluationAccess } from './evaluation.access.js';
import type { BallotService } from './evaluation.ballots.js';
import { isBranchType, materializeRoll, memberSubjects, secretarySubjects } from './evaluation.candidates.js';
import { beijingToday, beijingYear, toAttachmentDto, toCampaignDto, toSubjectDto } from './evaluation.mapper.js';
import { covers, coversSuperior, DEFAULT_ITEMS, defaultTitle, isMemberGrade, itemsOf } from './evaluation.policy.js';
import type { CampaignRow } from './evaluation.repository.js';

const ACTIONS: Record<string, string> = {
  'preparing>voting': 'voting_opened',
  'voting>closed': 'voting_closed',
  'submitted>closed': 'returned',
};

/** Campaigns of 书记述职评议 and 民主评议党员: set-up, the stages, and the detail page. */
export function createEvaluationService(deps: { db: Db; access: EvaluationAccess; ballots: BallotService }) {
  const { db, access, ballots } = deps;
  const { repo } = access;

  async function detail(actor: Actor, c: CampaignRow, whole: boolean, roots: readonly string[], tx: DbOrTx = db) {
    // One after the other: inside a transaction they share one connection.
    const row = await repo.campaignListRow(c.id, tx);
    const all = await repo.subjects(c.id, tx);
    const subjects = whole ? all : all.filter((s) => covers(roots, s.orgPath));
    const files = await repo.attachmentsOf(
      subjects.map((s) => s.id),
      tx,
    );
    const manage = scopePaths(actor, 'evaluation:manage');
    return {
      ...toCampaignDto(row!),
      settings: c.settings,
      subjects: subjects.map((s) => toSubjectDto(s, files.filter((f) => f.subjectId === s.id).map(toAttachmentDto))),
      canManage: covers(manage, c.orgPath),
      canConfirm: c.kind === 'member_evaluation' && covers(manage, c.orgPath) && coversSuperior(manage, c.orgPath),
      today: beijingToday(),
    } satisfies CampaignDetail;
  }

  async function thresholdsFrom(given: SatisfactionThresholds | undefined, tx: DbOrTx) {
    const s = await repo.settings(tx);
    const t = given ?? {
      good: s['evaluation.secretary.good_percent'],
      fairlyGood: s['evaluation.secretary.fairly_good_percent'],
      average: s['evaluation.secretary.average_percent'],
    };
    if (!thresholdsValid(t)) throw fieldError('body.thresholds', MESSAGES.evaluationThresholds);
    return t;
  }

  async function checkRepresentatives(actor: Actor, ids: readonly string[], tx: DbOrTx) {
    if (ids.length === 0) return;
    const rows = await tx
      .select({ id: members.id, orgPath: members.orgPath, status: members.status })
      .from(members)
      .where(inArray(members.id, [...new Set(ids)]));
    const roots = scopePaths(actor, 'evaluation:manage');
    for (const id of ids) {
      const m = rows.find((r) => r.id === id);
      if (!m?.orgPath || m.status !== 'active' || !covers(roots, m.orgPath))
        throw fieldError('body.voters.representativeIds', MESSAGES.evaluationRepresentative);
    }
  }

  function checkDates(startsOn: string | null | undefined, endsOn: string | null | undefined) {
    if (startsOn && endsOn && endsOn < startsOn) throw fieldError('body.endsOn', MESSAGES.evaluationDates);
  }

  /** One stage change (from → to) with its own work, in one transaction with its audit event. */
  async function move(
    ctx: RequestContext,
    id: string,
    from: CampaignStatus,
    to: CampaignStatus,
    mode: 'manage' | 'superior',
    extra?: (c: CampaignRow, tx: Tx) => Promise<Record<string, unknown>>,
  ) {
    const actor = ctx.actor!;
    return inTransaction(db, ctx, async (tx, audit) => {
      const { c } = await access.campaignFor(actor, id, 'manage', tx, 'update');
      if (c.status !== from || !canTransition(c.kind as EvaluationKind, from, to)) throw access.transition();
      if (mode === 'superior') await access.campaignFor(actor, id, 'superior', tx);
      const after = (await extra?.(c, tx)) ?? {};
      await tx
        .update(evaluationCampaigns)
        .set({ status: to, updatedAt: new Date() })
        .where(eq(evaluationCampaigns.id, id));
      audit.record({
        action: `evaluation.${ACTIONS[`${from}>${to}`] ?? to}`,
        entity: 'evaluation_campaign',
        entityId: id,
        orgPath: c.orgPath,
        before: { status: c.status },
        after: { status: to, ...after },
      });
      return detail(actor, (await repo.campaign(id, tx))!, true, [], tx);
    });
  }

  /** Every graded member has a proposal and 优秀 stays within 1/N; refuses naming the counts. */
  async function checkQuota(c: CampaignRow, tx: DbOrTx) {
    const rows = await tx
      .select({ grade: evaluationSubjects.proposedGrade })
      .from(evaluationSubjects)
      .where(and(eq(evaluationSubjects.campaignId, c.id), eq(evaluationSubjects.graded, true)));
    const denominator = c.settings.excellentDenominator ?? 3;
    const check = checkExcellentQuota(
      rows.map((r) => (isMemberGrade(r.grade) ? r.grade : null)),
      denominator,
    );
    if (!check.ok && check.reason === 'missing')
      throw new AppError('EVALUATION_QUOTA', MESSAGES.evaluationQuotaMissing(check.missing), { details: check });
    if (!check.ok && check.reason === 'over')
      throw new AppError(
        'EVALUATION_QUOTA',
        MESSAGES.evaluationQuotaOver(check.excellent, check.graded, check.max, denominator),
        { details: check },
      );
    return check;
  }

  return {
    detail,

    async defaults(): Promise<EvaluationDefaults> {
      const s = await repo.settings();
      return {
        thresholds: {
          good: s['evaluation.secretary.good_percent'],
          fairlyGood: s['evaluation.secretary.fairly_good_percent'],
          average: s['evaluation.secretary.average_percent'],
        },
        excellentDenominator: s['evaluation.member.excellent_max_denominator'],
        probationaryVote: s['evaluation.member.probationary_vote'] === 1,
        rectificationWarnDays: s['evaluation.rectification.warn_days'],
        defaultItems: DEFAULT_ITEMS,
        year: beijingYear(),
      };
    },

    async list(actor: Actor, q: ListCampaignsQuery): Promise<Page<ReturnType<typeof toCampaignDto>>> {
      const { rows, total } = await repo.list(scopePaths(actor, 'evaluation:read'), q);
      return { data: rows.map(toCampaignDto), total, current: q.current, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const { c, whole, roots } = await access.campaignFor(actor, id, 'read');
      return detail(actor, c, whole, roots);
    },

    async create(ctx: RequestContext, body: CreateCampaignBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const [org] = await tx
          .select({
            id: organizations.id,
            path: organizations.path,
            type: organizations.type,
            status: organizations.status,
            name: organizations.name,
          })
          .from(organizations)
          .where(eq(organizations.id, body.orgId));
        if (org?.status !== 'active' || !covers(scopePaths(actor, 'evaluation:manage'), org.path))
          throw fieldError('body.orgId', MESSAGES.evaluationOrgOutOfScope);
        const secretary = body.kind === 'secretary_review';
        if (secretary ? org.type === 'party_group' : !isBranchType(org.type))
          throw fieldError(
            'body.orgId',
            secretary ? MESSAGES.evaluationSecretaryOrgType : MESSAGES.evaluationMemberOrgType,
          );
        checkDates(body.startsOn, body.endsOn);
        const s = await repo.settings(tx);
        const probationaryVote = body.probationaryVote ?? s['evaluation.member.probationary_vote'] === 1;
        let settings: CampaignRow['settings'];
        if (secretary) {
          const voters = body.voters ?? { branchMembers: true, superiorCommittee: false, representativeIds: [] };
          await checkRepresentatives(actor, voters.representativeIds, tx);
          settings = {
            voters,
            items: itemsOf(body.items ?? []),
            thresholds: await thresholdsFrom(body.thresholds, tx),
            probationaryVote,
          };
        } else {
          if (body.voters || body.items || body.thresholds || body.subjectOrgIds)
            throw fieldError('body.kind', MESSAGES.evaluationWrongKind);
          settings = {
            items: [],
            probationaryVote,
            excellentDenominator: s['evaluation.member.excellent_max_denominator'],
          };
        }
        const id = randomUUID();
        const inserted = await tx
          .insert(evaluationCampaigns)
          .values({
            id,
            kind: body.kind,
            orgId: org.id,
            orgPath: org.path,
            year: body.year,
            title: body.title ?? defaultTitle(body.kind, body.year),
            startsOn: body.startsOn ?? null,
            endsOn: body.endsOn ?? null,
            settings,
            createdById: actor.userId,
          })
          .onConflictDoNothing()
          .returning({ id: evaluationCampaigns.id });
        if (inserted.length === 0) throw new AppError('CONFLICT', MESSAGES.evaluationDuplicate(body.year, secretary));
        const subjects = secretary
          ? await secretarySubjects(tx, id, org, body.subjectOrgIds)
          : await memberSubjects(tx, id, org);
        if (subjects.length === 0)
          throw fieldError(
            secretary && body.subjectOrgIds ? 'body.subjectOrgIds' : 'body.orgId',
            MESSAGES.evaluationNoSubjects(secretary),
          );
        for (let i = 0; i < subjects.length; i += 500)
          await tx.insert(evaluationSubjects).values(subjects.slice(i, i + 500));
        audit.record({
          action: 'evaluation.created',
          entity: 'evaluation_campaign',
          entityId: id,
          orgPath: org.path,
          after: { kind: body.kind, year: body.year, orgId: org.id, subjects: subjects.length, settings },
        });
        return detail(actor, (await repo.campaign(id, tx))!, true, [], tx);
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateCampaignBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { c } = await access.campaignFor(actor, id, 'manage', tx, 'update');
        const settingsChange =
          body.voters !== undefined ||
          body.items !== undefined ||
          body.thresholds !== undefined ||
          body.probationaryVote !== undefined;
        if (settingsChange && c.status !== 'preparing')
          throw new AppError('EVALUATION_STATE', MESSAGES.evaluationNotPreparing);
        if ((body.voters || body.items || body.thresholds) && c.kind !== 'secretary_review') throw access.wrongKind();
        checkDates(
          body.startsOn === undefined ? c.startsOn : body.startsOn,
          body.endsOn === undefined ? c.endsOn : body.endsOn,
        );
        if (body.voters) await checkRepresentatives(actor, body.voters.representativeIds, tx);
        const settings = {
          ...c.settings,
          ...(body.voters ? { voters: body.voters } : {}),
          ...(body.items ? { items: itemsOf(body.items) } : {}),
          ...(body.thresholds ? { thresholds: await thresholdsFrom(body.thresholds, tx) } : {}),
          ...(body.probationaryVote !== undefined ? { probationaryVote: body.probationaryVote } : {}),
        };
        await tx
          .update(evaluationCampaigns)
          .set({
            ...(body.title !== undefined && { title: body.title }),
            ...(body.startsOn !== undefined && { startsOn: body.startsOn }),
            ...(body.endsOn !== undefined && { endsOn: body.endsOn }),
            settings,
            updatedAt: new Date(),
          })
          .where(eq(evaluationCampaigns.id, id));
        audit.record({
          action: 'evaluation.updated',
          entity: 'evaluation_campaign',
          entityId: id,
          orgPath: c.orgPath,
          before: { title: c.title, startsOn: c.startsOn, endsOn: c.endsOn, settings: c.settings },
          after: { changed: Object.keys(body), settings },
        });
        return detail(actor, (await repo.campaign(id, tx))!, true, [], tx);
      });
    },

    /** Fixes the roll and opens voting; refused when nobody may vote. */
    openVoting: (ctx: RequestContext, id: string) =>
      move(ctx, id, 'preparing', 'voting', 'manage', async (c, tx) => {
        const eligible = await materializeRoll(tx, c);
        if (eligible === 0) throw new AppError('EVALUATION_STATE', MESSAGES.evaluationNoVoters);
        await tx
          .update(evaluationCampaigns)
          .set({ votingOpenedAt: new Date() })
          .where(eq(evaluationCampaigns.id, c.id));
        return { eligible };
      }),

    /** Ends voting; a 述职评议 records each secretary's overall grade from the tally. */
    closeVoting: (ctx: RequestContext, id: string) =>
      move(ctx, id, 'voting', 'closed', 'manage', async (c, tx) => {
        await tx
          .update(evaluationCampaigns)
          .set({ votingClosedAt: new Date() })
          .where(eq(evaluationCampaigns.id, c.id));
        const grades = c.kind === 'secretary_review' ? await ballots.recordSecretaryGrades(c, tx) : 0;
        const [n] = await queryRows<{ cast: number; eligible: number }>(
          tx,
          sql`select (select count(*)::int from ballot_receipts where campaign_id = ${c.id}) as cast,
            (select count(*)::int from evaluation_voters where campaign_id = ${c.id}) as eligible`,
        );
        return { cast: n?.cast ?? 0, eligible: n?.eligible ?? 0, ...(grades ? { graded: grades } : {}) };
      }),

    /** The branch reports its proposed grades to the superior: complete, and 优秀 within 1/3. */
    submit: (ctx: RequestContext, id: string) =>
      move(ctx, id, 'closed', 'submitted', 'manage', async (c, tx) => {
        const check = await checkQuota(c, tx);
        await tx
          .update(evaluationCampaigns)
          .set({ submittedAt: new Date(), returnedReason: null })
          .where(eq(evaluationCampaigns.id, c.id));
        return { graded: check.graded, excellent: check.excellent };
      }),

    /** The superior confirms: proposals become the final, published grades. */
    confirm: (ctx: RequestContext, id: string) =>
      move(ctx, id, 'submitted', 'confirmed', 'superior', async (c, tx) => {
        const check = await checkQuota(c, tx);
        await tx.execute(sql`update evaluation_subjects set final_grade = case when graded then proposed_grade end
          where campaign_id = ${c.id}`);
        await tx
          .update(evaluationCampaigns)
          .set({ confirmedAt: new Date(), confirmedByName: ctx.actor!.displayName })
          .where(eq(evaluationCampaigns.id, c.id));
        return { graded: check.graded, excellent: check.excellent };
      }),

    /** The superior sends the proposal back with a reason; the branch revises and submits again. */
    returnToBranch: (ctx: RequestContext, id: string, reason: string) =>
      move(ctx, id, 'submitted', 'closed', 'superior', async (c, tx) => {
        await tx
          .update(evaluationCampaigns)
          .set({ returnedReason: reason, submittedAt: null })
          .where(eq(evaluationCampaigns.id, c.id));
        return { reason };
      }),
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
