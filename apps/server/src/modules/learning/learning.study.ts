import { type HeartbeatResult, type StudyRecord, shanghaiDate, shanghaiMidnight } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { LEARNING_MESSAGES as M } from '../../core/messages-learning.js';
import { isPathInScope } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { recordDeferred } from '../audit/index.js';
import type { ContentService } from './learning.content.js';
import {
  ATTENDED_STATUSES,
  creditFor,
  DEFAULT_STUDY_SETTINGS,
  lessonComplete,
  OFFLINE_STUDY_TYPES,
  type StudySettings,
} from './learning.policy.js';

const HEARTBEAT_SECONDS = 15;
const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

export async function studySettings(tx: DbOrTx): Promise<StudySettings> {
  const rows = await queryRows<{ key: string; value: number }>(
    tx,
    sql`select key, value from rule_settings where key in ('learning.daily_cap_minutes', 'learning.heartbeat_cap_seconds')`,
  );
  const s = { ...DEFAULT_STUDY_SETTINGS };
  for (const r of rows) {
    if (r.key === 'learning.daily_cap_minutes') s.dailyCapSeconds = r.value * 60;
    if (r.key === 'learning.heartbeat_cap_seconds') s.beatCapSeconds = r.value;
  }
  return s;
}

/** Offline study: attended meetings of the study types (党课, 学习/讲座) that have ended, as a query over meetings. */
export const offlineStudySql = (memberWhere: ReturnType<typeof sql>, from: Date, to: Date) =>
  sql`select a.member_id, m.id as meeting_id, m.title, m.starts_at, a.status,
      greatest(0, extract(epoch from (m.ends_at - m.starts_at)))::int as seconds
    from meeting_attendance a join meetings m on m.id = a.meeting_id
    where a.status in (${list(ATTENDED_STATUSES)}) and m.status in ('planned', 'archived') and m.ends_at <= now()
      and m.starts_at >= ${from.toISOString()}::timestamptz and m.starts_at < ${to.toISOString()}::timestamptz
      and exists (select 1 from meeting_types mt where mt.meeting_id = m.id and mt.type_code in (${list(OFFLINE_STUDY_TYPES)}))
      and ${memberWhere}`;

/**
 * Study counted on the server. A session is opened per page visit; each heartbeat is judged by `creditFor` under a
 * lock on the member's row of the day (so two tabs cannot both be credited, and the daily cap holds under
 * concurrency); sessions, days and content progress carry every credited second.
 */
export function createStudyService(deps: { db: Db; contents: ContentService; now?: () => Date }) {
  const { db, contents } = deps;
  const now = deps.now ?? (() => new Date());

  async function record(memberId: string, memberName: string, year: number, tx: DbOrTx): Promise<StudyRecord> {
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    const days = await queryRows<{ day: string; seconds: number }>(
      tx,
      sql`select day::text as day, credited_seconds as seconds from learning_study_days
        where member_id = ${memberId} and day >= ${from} and day < ${to} and credited_seconds > 0 order by day`,
    );
    const offline = await queryRows<{
      meeting_id: string;
      title: string;
      starts_at: Date | string;
      seconds: number;
      status: string;
    }>(
      tx,
      sql`${offlineStudySql(sql`a.member_id = ${memberId}`, shanghaiMidnight(from), shanghaiMidnight(to))} order by m.starts_at`,
    );
    const [lessons] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from learning_lesson_completions where member_id = ${memberId}
        and completed_at >= ${shanghaiMidnight(from).toISOString()}::timestamptz
        and completed_at < ${shanghaiMidnight(to).toISOString()}::timestamptz`,
    );
    return {
      memberId,
      memberName,
      year,
      onlineSeconds: days.reduce((s, d) => s + d.seconds, 0),
      offlineSeconds: offline.reduce((s, o) => s + o.seconds, 0),
      days,
      offline: offline.map((o) => ({
        meetingId: o.meeting_id,
        title: o.title,
        startsAt: new Date(o.starts_at).toISOString(),
        seconds: o.seconds,
        status: o.status,
      })),
      lessonsCompleted: lessons?.n ?? 0,
    };
  }

  return {
    async start(ctx: RequestContext, body: { contentId: string; lessonId?: string | undefined }) {
      const me = await contents.myMember(ctx.actor!);
      const settings = await studySettings(db);
      const content = await contents.studyable(me.org_path, body.contentId, db);
      if (!content) throw notFound();
      if (body.lessonId) {
        const [l] = await queryRows(
          db,
          sql`select 1 from learning_lessons where id = ${body.lessonId} and content_id = ${content.id}`,
        );
        if (!l) throw fieldError('body.lessonId', M.lessonNotInCourse);
      }
      const at = now();
      const day = shanghaiDate(at);
      const id = crypto.randomUUID();
      return inTransaction(db, ctx, async (tx) => {
        // High volume: the event goes to audit_pending and is sealed into the chain later (decision 0004).
        await recordDeferred(tx, ctx, [
          {
            action: 'learning.study_started',
            entity: 'learning_study_session',
            entityId: id,
            orgPath: me.org_path,
            after: { contentId: content.id, lessonId: body.lessonId ?? null },
          },
        ]);
        await tx.execute(sql`insert into learning_study_sessions (id, member_id, content_id, lesson_id, day, started_at, last_beat_at)
          values (${id}, ${me.id}, ${content.id}, ${body.lessonId ?? null}, ${day}, ${at.toISOString()}, ${at.toISOString()})`);
        const [p] = await queryRows<{ s: number }>(
          tx,
          sql`select credited_seconds as s from learning_content_progress where member_id = ${me.id} and content_id = ${content.id}`,
        );
        const [d] = await queryRows<{ s: number }>(
          tx,
          sql`select credited_seconds as s from learning_study_days where member_id = ${me.id} and day = ${day}`,
        );
        return {
          id,
          contentId: content.id,
          lessonId: body.lessonId ?? null,
          creditedSeconds: 0,
          contentCreditedSeconds: p?.s ?? 0,
          todayCreditedSeconds: d?.s ?? 0,
          dailyCapSeconds: settings.dailyCapSeconds,
          heartbeatSeconds: HEARTBEAT_SECONDS,
        };
      });
    },

    async heartbeat(
      ctx: RequestContext,
      sessionId: string,
      beat: { visible: boolean; active: boolean; position: number },
    ): Promise<HeartbeatResult> {
      const me = await contents.myMember(ctx.actor!);
      const settings = await studySettings(db);
      return inTransaction(db, ctx, async (tx) => {
        const at = now();
        const [s] = await queryRows<{
          id: string;
          content_id: string;
          lesson_id: string | null;
          day: string;
          last_beat_at: Date | string;
          last_position: number;
          credited_seconds: number;
          kind: 'article' | 'video' | 'document' | 'policy';
        }>(
          tx,
          sql`select s.id, s.content_id, s.lesson_id, s.day::text as day, s.last_beat_at, s.last_position, s.credited_seconds, c.kind
            from learning_study_sessions s join learning_contents c on c.id = s.content_id
            where s.id = ${sessionId} and s.member_id = ${me.id} for update of s`,
        );
        if (!s) throw notFound();
        // A session belongs to the day it started; after midnight the page starts a new one.
        if (s.day !== shanghaiDate(at)) throw new AppError('CONFLICT', M.contentState);
        await tx.execute(
          sql`insert into learning_study_days (member_id, day) values (${me.id}, ${s.day}) on conflict do nothing`,
        );
        const [day] = await queryRows<{
          credited_seconds: number;
          last_credit_at: Date | string | null;
          last_session_id: string | null;
        }>(
          tx,
          sql`select credited_seconds, last_credit_at, last_session_id from learning_study_days
            where member_id = ${me.id} and day = ${s.day} for update`,
        );
        const credit = creditFor(
          { now: at, ...beat },
          { id: s.id, kind: s.kind, lastBeatAt: new Date(s.last_beat_at), lastPosition: Number(s.last_position) },
          {
            creditedSeconds: day!.credited_seconds,
            lastCreditAt: day!.last_credit_at ? new Date(day!.last_credit_at) : null,
            lastSessionId: day!.last_session_id,
          },
          settings,
        );
        const seconds = credit.seconds;
        const keepPosition = credit.refusal === 'bad_position' ? sql`last_position` : sql`${beat.position}`;
        await tx.execute(sql`update learning_study_sessions set last_beat_at = ${at.toISOString()}, last_position = ${keepPosition},
            heartbeats = heartbeats + 1, accepted_heartbeats = accepted_heartbeats + ${seconds > 0 ? 1 : 0},
            credited_seconds = credited_seconds + ${seconds}, last_refusal = ${credit.refusal},
            last_credit_at = ${seconds > 0 ? sql`${at.toISOString()}::timestamptz` : sql`last_credit_at`}
          where id = ${s.id}`);
        await recordDeferred(tx, ctx, [
          {
            action: 'learning.heartbeat',
            entity: 'learning_study_session',
            entityId: s.id,
            orgPath: me.org_path,
            after: { credited: seconds, refusal: credit.refusal, position: beat.position },
          },
        ]);
        let contentCredited = 0;
        if (seconds > 0) {
          await tx.execute(sql`update learning_study_days set credited_seconds = credited_seconds + ${seconds},
              last_credit_at = ${at.toISOString()}, last_session_id = ${s.id}
            where member_id = ${me.id} and day = ${s.day}`);
        }
        const [p] = await queryRows<{ s: number }>(
          tx,
          sql`insert into learning_content_progress (member_id, content_id, credited_seconds, last_position, updated_at)
            values (${me.id}, ${s.content_id}, ${seconds}, ${beat.position}, ${at.toISOString()})
            on conflict (member_id, content_id) do update set credited_seconds = learning_content_progress.credited_seconds + ${seconds},
              last_position = excluded.last_position, updated_at = excluded.updated_at
            returning credited_seconds as s`,
        );
        contentCredited = p?.s ?? 0;
        let required: number | null = null;
        let completed = false;
        if (s.lesson_id) {
          const [l] = await queryRows<{ required_seconds: number }>(
            tx,
            sql`select required_seconds from learning_lessons where id = ${s.lesson_id}`,
          );
          required = l?.required_seconds ?? null;
          if (required !== null && lessonComplete(contentCredited, required)) {
            await tx.execute(sql`insert into learning_lesson_completions (member_id, lesson_id, completed_at)
              values (${me.id}, ${s.lesson_id}, ${at.toISOString()}) on conflict do nothing`);
            completed = true;
          }
        }
        return {
          credited: seconds,
          refusal: credit.refusal,
          sessionCreditedSeconds: s.credited_seconds + seconds,
          contentCreditedSeconds: contentCredited,
          todayCreditedSeconds: day!.credited_seconds + seconds,
          dailyCapSeconds: settings.dailyCapSeconds,
          lessonRequiredSeconds: required,
          lessonCompleted: completed,
        };
      });
    },

    async myRecord(actor: Actor, year?: number) {
      const me = await contents.myMember(actor);
      return record(me.id, me.name, year ?? Number(shanghaiDate(now()).slice(0, 4)), db);
    },

    async memberRecord(actor: Actor, memberId: string, year?: number) {
      const [m] = await queryRows<{ id: string; name: string; org_path: string | null }>(
        db,
        sql`select id, name, org_path from members where id = ${memberId}`,
      );
      if (!m || !isPathInScope(actor, 'learning:read', m.org_path)) throw notFound();
      return record(m.id, m.name, year ?? Number(shanghaiDate(now()).slice(0, 4)), db);
    },
  };
}
export type StudyService = ReturnType<typeof createStudyService>;
