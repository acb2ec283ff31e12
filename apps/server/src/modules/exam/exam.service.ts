import { randomUUID } from 'node:crypto';
import type { CreateExamBody, ExamResults, ListExamsQuery, UpdateExamBody } from '@red-engine/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError } from '../../core/errors.js';
import { pathsWhere, scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { examOverrides, exams, organizations, questionBanks, questions } from '../../db/schema/index.js';
import { bankUsable, covers, type ExamAccess, type ExamRow, likeText } from './exam.access.js';
import { drawQuestions } from './exam.draw.js';
import { iso, paperSize, toExamDto } from './exam.mapper.js';
import { EXAM_MESSAGES as M } from './exam.messages.js';

/** SQL: active members in the audience of exam alias `e` (member alias `m`). */
export const audienceWhere = sql`m.status = 'active' and (m.id = any(e.audience_member_ids) or exists (
  select 1 from organizations ao where ao.id = any(e.audience_org_ids) and m.org_path like ao.path || '%'))`;

const PAPER_FIELDS = [
  'paperMode',
  'bankIds',
  'drawRules',
  'fixedQuestionIds',
  'shuffleQuestions',
  'shuffleOptions',
] as const;

export const beijingDateTime = (d: Date | string | null) =>
  d === null ? '' : new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** 考试/测验 on the console: setup, publication, per-member overrides, results and their export. */
export function createExamService(deps: { db: Db; access: ExamAccess; now?: () => Date }) {
  const { db, access } = deps;
  const now = deps.now ?? (() => new Date());

  async function dto(e: ExamRow, tx: DbOrTx = db) {
    const [extra] = await queryRows<{ org_name: string; attempts: number }>(
      tx,
      sql`select o.name as org_name, (select count(*)::int from exam_attempts a where a.exam_id = ${e.id}) as attempts
        from organizations o where o.id = ${e.orgId}`,
    );
    const audienceOrgs = e.audienceOrgIds.length
      ? await tx
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, e.audienceOrgIds))
      : [];
    return toExamDto(e, {
      audienceOrgs,
      orgName: extra?.org_name ?? '',
      attempts: Number(extra?.attempts ?? 0),
      questionCount: paperSize(e),
    });
  }

  /** Banks, questions and audience must lie where the caller (and the exam's organization) may use them. */
  async function checkReferences(actor: Actor, orgPath: string, v: Partial<CreateExamBody>, tx: DbOrTx) {
    const readRoots = scopePaths(actor, 'learning:read');
    if (v.bankIds?.length) {
      const banks = await tx.select().from(questionBanks).where(inArray(questionBanks.id, v.bankIds));
      if (
        banks.length !== new Set(v.bankIds).size ||
        banks.some((b) => !bankUsable(readRoots, b.orgPath) || !bankUsable([orgPath], b.orgPath))
      )
        throw fieldError('body.bankIds', M.bankNotUsable);
    }
    if (v.fixedQuestionIds?.length) {
      const rows = await queryRows<{ id: string; org_path: string }>(
        tx,
        sql`select q.id, b.org_path from questions q join question_banks b on b.id = q.bank_id
          where q.retired_at is null and q.id in ${v.fixedQuestionIds}`,
      );
      if (
        rows.length !== new Set(v.fixedQuestionIds).size ||
        rows.some((r) => !bankUsable(readRoots, r.org_path) || !bankUsable([orgPath], r.org_path))
      )
        throw fieldError('body.fixedQuestionIds', M.questionNotUsable);
    }
    const manage = scopePaths(actor, 'learning:manage');
    if (v.audienceOrgIds?.length) {
      const orgs = await tx
        .select({ path: organizations.path })
        .from(organizations)
        .where(inArray(organizations.id, v.audienceOrgIds));
      if (orgs.length !== new Set(v.audienceOrgIds).size || orgs.some((o) => !covers(manage, o.path)))
        throw fieldError('body.audienceOrgIds', M.orgOutOfScope);
    }
    if (v.audienceMemberIds?.length) {
      const rows = await queryRows<{ org_path: string | null }>(
        tx,
        sql`select org_path from members where id in ${v.audienceMemberIds}`,
      );
      if (
        rows.length !== new Set(v.audienceMemberIds).size ||
        rows.some((r) => !r.org_path || !covers(manage, r.org_path))
      )
        throw fieldError('body.audienceMemberIds', M.orgOutOfScope);
    }
    if (v.opensAt && v.closesAt && new Date(v.closesAt) <= new Date(v.opensAt))
      throw fieldError('body.closesAt', M.windowOrder);
  }

  const toValues = (v: Partial<CreateExamBody>) => {
    const { orgId: _org, opensAt, closesAt, ...rest } = v;
    return {
      ...rest,
      ...(opensAt !== undefined ? { opensAt: opensAt ? new Date(opensAt) : null } : {}),
      ...(closesAt !== undefined ? { closesAt: closesAt ? new Date(closesAt) : null } : {}),
      ...(v.drawRules ? { drawRules: v.drawRules.map((r) => ({ ...r })) } : {}),
    };
  };

  return {
    async list(actor: Actor, q: ListExamsQuery) {
      const roots = scopePaths(actor, 'learning:read');
      const where = sql`where ${pathsWhere(sql`e.org_path`, roots)}
        ${q.status ? sql`and e.status = ${q.status}` : sql``} ${q.q ? sql`and e.title ilike ${likeText(q.q)}` : sql``}`;
      const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from exams e ${where}`,
      );
      const ids = await queryRows<{ id: string }>(
        db,
        sql`select e.id from exams e ${where} order by e.created_at desc, e.id limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`,
      );
      const rows = ids.length
        ? await db
            .select()
            .from(exams)
            .where(
              inArray(
                exams.id,
                ids.map((r) => r.id),
              ),
            )
        : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      const data = await Promise.all(ids.map((r) => dto(byId.get(r.id)!)));
      return { data, total: Number(n), current: q.current, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      return dto(await access.examFor(actor, id, 'read'));
    },

    async create(ctx: RequestContext, body: CreateExamBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const org = await access.managedOrg(actor, body.orgId, 'body.orgId', tx);
        await checkReferences(actor, org.path, body, tx);
        const id = randomUUID();
        const [row] = await tx
          .insert(exams)
          .values({
            ...toValues(body),
            title: body.title,
            kind: body.kind,
            id,
            orgId: org.id,
            orgPath: org.path,
            createdById: actor.userId,
          })
          .returning();
        audit.record({ action: 'exam.create', entity: 'exam', entityId: id, orgPath: org.path, after: body });
        return dto(row!, tx);
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateExamBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const e = await access.examFor(actor, id, 'manage', tx, true);
        if (e.status !== 'draft' && PAPER_FIELDS.some((f) => body[f] !== undefined))
          throw new AppError('EXAM_STATE', M.examNotDraft);
        if (e.status === 'closed') throw new AppError('EXAM_STATE', M.examState);
        await checkReferences(actor, e.orgPath, { opensAt: iso(e.opensAt), closesAt: iso(e.closesAt), ...body }, tx);
        const [row] = await tx
          .update(exams)
          .set({ ...toValues(body), updatedAt: now() })
          .where(eq(exams.id, id))
          .returning();
        audit.record({ action: 'exam.update', entity: 'exam', entityId: id, orgPath: e.orgPath, after: body });
        return dto(row!, tx);
      });
    },

    /** Publishing checks that the paper can be drawn and that someone takes it. */
    async publish(ctx: RequestContext, id: string) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const e = await access.examFor(ctx.actor!, id, 'manage', tx, true);
        if (e.status !== 'draft') throw new AppError('EXAM_STATE', M.examState);
        if (paperSize(e) === 0) throw fieldError('body.drawRules', M.paperEmpty);
        if (e.audienceOrgIds.length === 0 && e.audienceMemberIds.length === 0)
          throw fieldError('body.audienceOrgIds', M.audienceEmpty);
        if (e.paperMode === 'random')
          await drawQuestions(tx, { bankIds: e.bankIds, rules: e.drawRules, seed: 'publish-check' });
        else {
          const live = await tx
            .select({ id: questions.id })
            .from(questions)
            .where(and(inArray(questions.id, e.fixedQuestionIds), isNull(questions.retiredAt)));
          if (live.length !== e.fixedQuestionIds.length) throw fieldError('body.fixedQuestionIds', M.questionNotUsable);
        }
        const [row] = await tx
          .update(exams)
          .set({ status: 'published', publishedAt: now(), updatedAt: now() })
          .where(eq(exams.id, id))
          .returning();
        audit.record({ action: 'exam.publish', entity: 'exam', entityId: id, orgPath: e.orgPath });
        return dto(row!, tx);
      });
    },

    /** Closing ends the exam now: no new attempts, and results held back until the close are released. */
    async close(ctx: RequestContext, id: string) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const e = await access.examFor(ctx.actor!, id, 'manage', tx, true);
        if (e.status !== 'published') throw new AppError('EXAM_STATE', M.examState);
        const at = now();
        const closesAt = e.closesAt && e.closesAt < at ? e.closesAt : at;
        const [row] = await tx
          .update(exams)
          .set({ status: 'closed', closesAt, updatedAt: at })
          .where(eq(exams.id, id))
          .returning();
        audit.record({ action: 'exam.close', entity: 'exam', entityId: id, orgPath: e.orgPath });
        return dto(row!, tx);
      });
    },

    /** Extra attempts and minutes for one member of the audience; 0 and 0 remove the override. */
    async setOverride(
      ctx: RequestContext,
      id: string,
      body: { memberId: string; extraAttempts: number; extraMinutes: number; note?: string | null },
    ) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const e = await access.examFor(ctx.actor!, id, 'manage', tx);
        const [m] = await queryRows<{ id: string }>(
          tx,
          sql`select m.id from members m, exams e where e.id = ${id} and m.id = ${body.memberId} and ${audienceWhere}`,
        );
        if (!m) throw fieldError('body.memberId', M.notInAudience);
        const where = and(eq(examOverrides.examId, id), eq(examOverrides.memberId, body.memberId));
        if (body.extraAttempts === 0 && body.extraMinutes === 0) await tx.delete(examOverrides).where(where);
        else {
          const values = {
            extraAttempts: body.extraAttempts,
            extraMinutes: body.extraMinutes,
            note: body.note ?? null,
            updatedAt: now(),
          };
          await tx
            .insert(examOverrides)
            .values({ examId: id, memberId: body.memberId, ...values })
            .onConflictDoUpdate({ target: [examOverrides.examId, examOverrides.memberId], set: values });
        }
        audit.record({ action: 'exam.override', entity: 'exam', entityId: id, orgPath: e.orgPath, after: body });
        return { ok: true };
      });
    },

    async results(actor: Actor, id: string): Promise<ExamResults> {
      const e = await access.examFor(actor, id, 'read');
      const rows = await queryRows<{
        id: string;
        member_id: string;
        member_name: string;
        org_name: string | null;
        attempt_no: number;
        status: string;
        started_at: Date | string;
        submitted_at: Date | string | null;
        score: number | null;
        max_score: number;
        percent: number | string | null;
        passed: boolean | null;
      }>(
        db,
        sql`select a.id, a.member_id, m.name as member_name, o.name as org_name, a.attempt_no, a.status, a.started_at,
          a.submitted_at, a.score, a.max_score, a.percent, a.passed
          from exam_attempts a join members m on m.id = a.member_id left join organizations o on o.id = m.org_id
          where a.exam_id = ${id} order by m.name_pinyin, a.attempt_no`,
      );
      const [counts] = await queryRows<{ eligible: number }>(
        db,
        sql`select count(*)::int as eligible from members m, exams e where e.id = ${id} and ${audienceWhere}`,
      );
      const overrides = await queryRows<{
        member_id: string;
        name: string;
        extra_attempts: number;
        extra_minutes: number;
        note: string | null;
      }>(
        db,
        sql`select x.member_id, m.name, x.extra_attempts, x.extra_minutes, x.note from exam_overrides x
          join members m on m.id = x.member_id where x.exam_id = ${id} order by m.name_pinyin`,
      );
      const best = new Map<string, number>();
      const passed = new Set<string>();
      for (const r of rows) {
        if (r.percent !== null) best.set(r.member_id, Math.max(best.get(r.member_id) ?? 0, Number(r.percent)));
        if (r.passed) passed.add(r.member_id);
      }
      const avg = best.size ? Math.round(([...best.values()].reduce((a, b) => a + b, 0) / best.size) * 10) / 10 : null;
      return {
        exam: await dto(e),
        summary: {
          eligible: Number(counts?.eligible ?? 0),
          participants: new Set(rows.map((r) => r.member_id)).size,
          passed: passed.size,
          averagePercent: avg,
        },
        rows: rows.map((r) => ({
          attemptId: r.id,
          memberId: r.member_id,
          memberName: r.member_name,
          orgName: r.org_name ?? '',
          attemptNo: r.attempt_no,
          status: r.status as 'submitted',
          startedAt: iso(r.started_at)!,
          submittedAt: iso(r.submitted_at),
          score: r.score,
          maxScore: r.max_score,
          percent: r.percent === null ? null : Number(r.percent),
          passed: r.passed,
        })),
        overrides: overrides.map((o) => ({
          memberId: o.member_id,
          memberName: o.name,
          extraAttempts: o.extra_attempts,
          extraMinutes: o.extra_minutes,
          note: o.note,
        })),
      };
    },

    async exportResults(ctx: RequestContext, id: string) {
      const r = await this.results(ctx.actor!, id);
      const zh = ctx.locale === 'zh-CN';
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Red Engine 红色引擎';
      const ws = wb.addWorksheet(zh ? '成绩' : 'Results');
      const STATUS: Record<string, [string, string]> = {
        in_progress: ['作答中', 'In progress'],
        submitted: ['已交卷', 'Submitted'],
        expired: ['超时自动交卷', 'Timed out'],
      };
      ws.columns = [
        { header: zh ? '姓名' : 'Name', width: 12 },
        { header: zh ? '所在党组织' : 'Organization', width: 30 },
        { header: zh ? '第几次' : 'Attempt', width: 8 },
        { header: zh ? '状态' : 'Status', width: 12 },
        { header: zh ? '开始时间' : 'Started', width: 18 },
        { header: zh ? '交卷时间' : 'Submitted', width: 18 },
        { header: zh ? '得分' : 'Score', width: 8 },
        { header: zh ? '满分' : 'Max', width: 8 },
        { header: zh ? '得分率(%)' : 'Percent', width: 10 },
        { header: zh ? '是否合格' : 'Passed', width: 10 },
      ];
      ws.getRow(1).font = { bold: true };
      for (const x of r.rows) {
        ws.addRow([
          x.memberName,
          x.orgName,
          x.attemptNo,
          STATUS[x.status]?.[zh ? 0 : 1] ?? x.status,
          beijingDateTime(x.startedAt),
          beijingDateTime(x.submittedAt),
          x.score,
          x.maxScore,
          x.percent,
          x.passed === null ? '' : x.passed ? (zh ? '合格' : 'Yes') : zh ? '不合格' : 'No',
        ]);
      }
      await inTransaction(db, ctx, async (_tx, audit) => {
        audit.record({
          action: 'exam.export',
          entity: 'exam',
          entityId: id,
          orgPath: null,
          after: { rows: r.rows.length },
        });
      });
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      return { file, name: `${r.exam.title}-成绩.xlsx`, ascii: 'exam-results.xlsx' };
    },
  };
}
export type ExamService = ReturnType<typeof createExamService>;
