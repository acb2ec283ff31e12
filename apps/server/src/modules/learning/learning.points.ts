import { type GrantCandidate, shanghaiDate, shanghaiMidnight } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { pathsWhere } from '../../core/scope.js';
import { queryRows } from '../../db/rows.js';
import type { PointSource } from '../points/index.js';

const dateLabel = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * 学习教育 points (`study`): one event per course a member completed, dated the day its last lesson reached its
 * required study time. The default rule (参加集中学习培训, 2 points, ≤ 12 a year) then books at most six courses a
 * year; time on a page alone never earns points (DOMAIN-RULES §2.4: avoid pure-volume metrics). A completion is never
 * undone, so the source is not retractable; the source record is the course, so a course counts once per member.
 */
export const studySource: PointSource = {
  types: ['study'],
  retractable: false,
  async events({ tx, from, to, roots }) {
    const rows = await queryRows<{ member_id: string; course_id: string; title: string; completed_at: Date | string }>(
      tx,
      sql`select lc.member_id, l.course_id, k.title, max(lc.completed_at) as completed_at
        from learning_lesson_completions lc
        join learning_lessons l on l.id = lc.lesson_id
        join learning_courses k on k.id = l.course_id
        join members mb on mb.id = lc.member_id and mb.status = 'active'
        where ${roots === null ? sql`true` : pathsWhere(sql`mb.org_path`, roots)}
        group by lc.member_id, l.course_id, k.title
        having count(*) = (select count(*) from learning_lessons l2 where l2.course_id = l.course_id)
          and max(lc.completed_at) >= ${shanghaiMidnight(from).toISOString()}::timestamptz
          and max(lc.completed_at) < ${shanghaiMidnight(to).toISOString()}::timestamptz
        order by max(lc.completed_at), lc.member_id`,
    );
    return rows.map((r): GrantCandidate => {
      const day = shanghaiDate(new Date(r.completed_at));
      return {
        memberId: r.member_id,
        occurredOn: day,
        sourceType: 'study',
        sourceId: r.course_id,
        label: `完成课程「${r.title}」（${dateLabel(day)}）`,
      };
    });
  },
};
