import {
  type LearningCourse,
  type LearningCourseBody,
  type LearningPlan,
  type LearningPlanBody,
  type LearningPlanDetail,
  shanghaiDate,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { fieldError, notFound } from '../../core/errors.js';
import { LEARNING_MESSAGES as M } from '../../core/messages-learning.js';
import { isPathInScope, pathsWhere, scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { learningCourses, learningLessons, learningPlans, learningPlanTargets } from '../../db/schema/index.js';
import { notify } from '../notification/index.js';
import { createLearningRepository, visibleToAdmin } from './learning.repository.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The members a plan is for: members of the targeted subtrees and the members named, active and on the roll. */
export const planMembersSql = (planId: string) =>
  sql`select distinct mb.id, mb.name, mb.org_path, mb.org_id from members mb
    where mb.status = 'active' and exists (select 1 from learning_plan_targets t where t.plan_id = ${planId}
      and (t.member_id = mb.id or (t.org_path is not null and mb.org_path like t.org_path || '%')))`;

/** 课程 and 学习计划: ordered lessons; plans assigned to subtrees or members with a deadline and completion. */
export function createCourseService(deps: { db: Db }) {
  const { db } = deps;
  const repo = createLearningRepository();
  const readRoots = (a: Actor) => scopePaths(a, 'learning:read');

  async function lessonsOf(courseIds: string[], tx: DbOrTx, memberId?: string) {
    if (courseIds.length === 0) return new Map<string, LearningCourse['lessons']>();
    const rows = await queryRows<{
      id: string;
      course_id: string;
      position: number;
      content_id: string;
      kind: LearningCourse['lessons'][number]['contentKind'];
      title: string;
      required_seconds: number;
      credited: number | null;
      completed_at: Date | string | null;
    }>(
      tx,
      sql`select l.id, l.course_id, l.position, l.content_id, c.kind, l.title, l.required_seconds,
          ${memberId ? sql`p.credited_seconds` : sql`null::int`} as credited,
          ${memberId ? sql`lc.completed_at` : sql`null::timestamptz`} as completed_at
        from learning_lessons l join learning_contents c on c.id = l.content_id
        ${
          memberId
            ? sql`left join learning_content_progress p on p.member_id = ${memberId} and p.content_id = l.content_id
                  left join learning_lesson_completions lc on lc.member_id = ${memberId} and lc.lesson_id = l.id`
            : sql``
        }
        where l.course_id in (select value::uuid from json_array_elements_text(${JSON.stringify(courseIds)}::json))
        order by l.course_id, l.position`,
    );
    const out = new Map<string, LearningCourse['lessons']>();
    for (const r of rows) {
      const lesson = {
        id: r.id,
        position: r.position,
        contentId: r.content_id,
        contentKind: r.kind,
        title: r.title,
        requiredSeconds: r.required_seconds,
        ...(memberId ? { creditedSeconds: r.credited ?? 0, completedAt: iso(r.completed_at) } : {}),
      };
      out.set(r.course_id, [...(out.get(r.course_id) ?? []), lesson]);
    }
    return out;
  }

  type CourseRow = {
    id: string;
    title: string;
    description: string;
    org_id: string;
    org_name: string;
    created_by_name: string;
    created_at: Date | string;
  };
  const courseSelect = sql`select k.id, k.title, k.description, k.org_id, o.name as org_name, k.created_by_name, k.created_at
    from learning_courses k join organizations o on o.id = k.org_id`;

  async function coursesDto(rows: CourseRow[], tx: DbOrTx, memberId?: string): Promise<LearningCourse[]> {
    const lessons = await lessonsOf(
      rows.map((r) => r.id),
      tx,
      memberId,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      orgId: r.org_id,
      orgName: r.org_name,
      createdByName: r.created_by_name,
      createdAt: iso(r.created_at)!,
      lessons: lessons.get(r.id) ?? [],
    }));
  }

  /** Courses an admin sees: owned in their subtrees, or above them (a zone course used by a branch's plan). */
  const courseVisible = (roots: readonly string[]) =>
    roots.length === 0
      ? sql`false`
      : sql`(${pathsWhere(sql`k.org_path`, roots)} or ${sql.join(
          roots.map((r) => sql`${r} like k.org_path || '%'`),
          sql` or `,
        )})`;

  async function findCourse(actor: Actor, id: string, tx: DbOrTx) {
    const [row] = await queryRows<CourseRow>(
      tx,
      sql`${courseSelect} where k.id = ${id} and ${courseVisible(readRoots(actor))}`,
    );
    return row;
  }

  type PlanRow = {
    id: string;
    title: string;
    course_id: string;
    course_title: string;
    org_id: string;
    org_name: string;
    org_path: string;
    starts_on: string;
    due_on: string;
    created_by_name: string;
    last_reminded_at: Date | string | null;
  };
  const planSelect = sql`select p.id, p.title, p.course_id, k.title as course_title, p.org_id, o.name as org_name,
      p.org_path, p.starts_on::text as starts_on, p.due_on::text as due_on, p.created_by_name, p.last_reminded_at
    from learning_plans p join learning_courses k on k.id = p.course_id join organizations o on o.id = p.org_id`;

  /** Per member of the plan: lessons done of the course (completed before the deadline's end or after: all count). */
  async function planMembers(p: PlanRow, tx: DbOrTx, roots: readonly string[] | null) {
    return queryRows<{
      id: string;
      name: string;
      org_name: string;
      done: number;
      total: number;
      credited: number;
      completed_at: Date | string | null;
    }>(
      tx,
      sql`with pm as (${planMembersSql(p.id)}), ls as (select id, content_id from learning_lessons where course_id = ${p.course_id})
        select pm.id, pm.name, o.name as org_name,
          (select count(*)::int from learning_lesson_completions lc join ls on ls.id = lc.lesson_id where lc.member_id = pm.id) as done,
          (select count(*)::int from ls) as total,
          (select coalesce(sum(cp.credited_seconds), 0)::int from learning_content_progress cp
            where cp.member_id = pm.id and cp.content_id in (select content_id from ls)) as credited,
          (select case when count(*) = (select count(*) from ls) then max(lc.completed_at) end
            from learning_lesson_completions lc join ls on ls.id = lc.lesson_id where lc.member_id = pm.id) as completed_at
        from pm join organizations o on o.id = pm.org_id
        where ${roots === null ? sql`true` : pathsWhere(sql`pm.org_path`, roots)}
        order by o.path, pm.name`,
    );
  }

  async function planDto(p: PlanRow, tx: DbOrTx, actor: Actor): Promise<LearningPlanDetail> {
    const targets = await queryRows<{ org_id: string | null; member_id: string | null; name: string }>(
      tx,
      sql`select t.org_id, t.member_id, coalesce(o.name, mb.name) as name from learning_plan_targets t
        left join organizations o on o.id = t.org_id left join members mb on mb.id = t.member_id
        where t.plan_id = ${p.id} order by o.path nulls last, mb.name`,
    );
    const members = await planMembers(p, tx, readRoots(actor));
    return {
      id: p.id,
      title: p.title,
      courseId: p.course_id,
      courseTitle: p.course_title,
      orgId: p.org_id,
      orgName: p.org_name,
      startsOn: p.starts_on,
      dueOn: p.due_on,
      createdByName: p.created_by_name,
      lastRemindedAt: iso(p.last_reminded_at),
      targets: targets.map((t) => ({ orgId: t.org_id, memberId: t.member_id, name: t.name })),
      assigned: members.length,
      completed: members.filter((m) => m.completed_at !== null).length,
      members: members.map((m) => ({
        memberId: m.id,
        memberName: m.name,
        orgName: m.org_name,
        lessonsDone: m.done,
        lessonsTotal: m.total,
        creditedSeconds: m.credited,
        completedAt: iso(m.completed_at),
      })),
    };
  }

  async function findPlan(actor: Actor, id: string, tx: DbOrTx, lock = false) {
    const [p] = await queryRows<PlanRow>(
      tx,
      sql`${planSelect} where p.id = ${id} and ${pathsWhere(sql`p.org_path`, readRoots(actor))} ${lock ? sql`for update of p` : sql``}`,
    );
    return p;
  }

  async function remind(tx: Tx, p: PlanRow, memberIds: string[]) {
    if (memberIds.length === 0) return;
    await notify.studyPlan(tx, p.id, memberIds, { planId: p.id, title: p.title, dueOn: p.due_on });
  }

  return {
    async listCourses(actor: Actor) {
      const rows = await queryRows<CourseRow>(
        db,
        sql`${courseSelect} where ${courseVisible(readRoots(actor))} order by k.created_at desc`,
      );
      return coursesDto(rows, db);
    },

    async getCourse(actor: Actor, id: string) {
      const row = await findCourse(actor, id, db);
      if (!row) throw notFound();
      return (await coursesDto([row], db))[0]!;
    },

    async createCourse(ctx: RequestContext, body: LearningCourseBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const [org] = await repo.orgsByIds([body.orgId], tx);
        if (!org || !isPathInScope(actor, 'learning:manage', org.path)) throw fieldError('body.orgId', M.orgOutOfScope);
        const id = crypto.randomUUID();
        const lessons = [];
        for (const [i, l] of body.lessons.entries()) {
          const c = await repo.findContent(
            sql`${visibleToAdmin(scopePaths(actor, 'learning:manage'))} and c.status = 'published'`,
            l.contentId,
            tx,
          );
          if (!c) throw fieldError(`body.lessons.${i}.contentId`, M.lessonContent(i));
          lessons.push({
            id: crypto.randomUUID(),
            courseId: id,
            position: i + 1,
            contentId: c.id,
            title: l.title || c.title,
            requiredSeconds: Math.round(l.requiredMinutes * 60),
          });
        }
        await tx.insert(learningCourses).values({
          id,
          title: body.title,
          description: body.description,
          orgId: org.id,
          orgPath: org.path,
          createdById: actor.userId,
          createdByName: actor.displayName,
        });
        await tx.insert(learningLessons).values(lessons);
        audit.record({
          action: 'learning.course_created',
          entity: 'learning_course',
          entityId: id,
          orgPath: org.path,
          after: {
            title: body.title,
            lessons: lessons.map((l) => ({ contentId: l.contentId, requiredSeconds: l.requiredSeconds })),
          },
        });
        const [row] = await queryRows<CourseRow>(tx, sql`${courseSelect} where k.id = ${id}`);
        return (await coursesDto([row!], tx))[0]!;
      });
    },

    async listPlans(actor: Actor): Promise<LearningPlan[]> {
      const rows = await queryRows<PlanRow>(
        db,
        sql`${planSelect} where ${pathsWhere(sql`p.org_path`, readRoots(actor))} order by p.due_on desc, p.id`,
      );
      const out: LearningPlan[] = [];
      for (const p of rows) {
        const { members: _m, ...rest } = await planDto(p, db, actor);
        out.push(rest);
      }
      return out;
    },

    async getPlan(actor: Actor, id: string) {
      const p = await findPlan(actor, id, db);
      if (!p) throw notFound();
      return planDto(p, db, actor);
    },

    async createPlan(ctx: RequestContext, body: LearningPlanBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const [org] = await repo.orgsByIds([body.orgId], tx);
        if (!org || !isPathInScope(actor, 'learning:manage', org.path)) throw fieldError('body.orgId', M.orgOutOfScope);
        const course = await findCourse(actor, body.courseId, tx);
        if (!course) throw fieldError('body.courseId', M.courseUnknown);
        const targets = await repo.orgsByIds(body.targetOrgIds, tx);
        if (targets.length !== new Set(body.targetOrgIds).size || targets.some((o) => !o.path.startsWith(org.path)))
          throw fieldError('body.targetOrgIds', M.orgOutOfScope);
        const memberIds = [...new Set(body.targetMemberIds)];
        if (memberIds.length) {
          const ms = await queryRows<{ id: string }>(
            tx,
            sql`select id from members where id in (select value::uuid from json_array_elements_text(${JSON.stringify(memberIds)}::json))
              and org_path like ${`${org.path}%`}`,
          );
          if (ms.length !== memberIds.length) throw fieldError('body.targetMemberIds', M.memberOutOfScope);
        }
        const id = crypto.randomUUID();
        await tx.insert(learningPlans).values({
          id,
          title: body.title,
          courseId: course.id,
          orgId: org.id,
          orgPath: org.path,
          startsOn: body.startsOn,
          dueOn: body.dueOn,
          createdById: actor.userId,
          createdByName: actor.displayName,
        });
        const rows = [
          ...targets.map((o) => ({
            id: crypto.randomUUID(),
            planId: id,
            orgId: o.id,
            orgPath: o.path,
            memberId: null,
          })),
          ...memberIds.map((m) => ({ id: crypto.randomUUID(), planId: id, orgId: null, orgPath: null, memberId: m })),
        ];
        await tx.insert(learningPlanTargets).values(rows);
        const p = (await findPlan(actor, id, tx))!;
        const assigned = await queryRows<{ id: string }>(tx, planMembersSql(id));
        await remind(
          tx,
          p,
          assigned.map((m) => m.id),
        );
        audit.record({
          action: 'learning.plan_created',
          entity: 'learning_plan',
          entityId: id,
          orgPath: org.path,
          after: { title: body.title, courseId: course.id, dueOn: body.dueOn, members: assigned.length },
        });
        return planDto(p, tx, actor);
      });
    },

    /** 催学: a reminder to the plan's members in the caller's scope who have not completed it. */
    async remindPlan(ctx: RequestContext, id: string) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const p = await findPlan(actor, id, tx, true);
        if (!p) throw notFound();
        const members = await planMembers(p, tx, scopePaths(actor, 'learning:manage'));
        const open = members.filter((m) => m.completed_at === null).map((m) => m.id);
        await remind(tx, p, open);
        await tx.update(learningPlans).set({ lastRemindedAt: new Date() }).where(sql`id = ${id}`);
        audit.record({
          action: 'learning.plan_reminded',
          entity: 'learning_plan',
          entityId: id,
          orgPath: p.org_path,
          after: { reminded: open.length },
        });
        return { reminded: open.length };
      });
    },

    /** The member's courses: those of plans for them (with the deadline), then the others they may study. */
    async myCourses(member: { id: string; org_path: string }) {
      const plans = await queryRows<CourseRow & { plan_id: string; plan_title: string; due_on: string }>(
        db,
        sql`select distinct on (k.id) k.id, k.title, k.description, k.org_id, o.name as org_name, k.created_by_name,
            k.created_at, p.id as plan_id, p.title as plan_title, p.due_on::text as due_on
          from learning_plans p join learning_courses k on k.id = p.course_id join organizations o on o.id = k.org_id
          where exists (select 1 from learning_plan_targets t where t.plan_id = p.id
            and (t.member_id = ${member.id} or ${member.org_path} like t.org_path || '%'))
            and p.starts_on <= ${shanghaiDate(new Date())}
          order by k.id, p.due_on desc`,
      );
      const dto = await coursesDto(plans, db, member.id);
      return dto
        .map((c, i) => ({ ...c, planId: plans[i]!.plan_id, planTitle: plans[i]!.plan_title, dueOn: plans[i]!.due_on }))
        .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
    },
  };
}
export type CourseService = ReturnType<typeof createCourseService>;
