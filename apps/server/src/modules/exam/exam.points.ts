import { shanghaiDate, shanghaiMidnight } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { pathsWhere } from '../../core/scope.js';
import { queryRows } from '../../db/rows.js';
import type { PointSource } from '../points/index.js';

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * 应知应会测试合格 (`quiz`): one event per member and exam, on the day of the member's first passing attempt, once the
 * results are released (a result held back until the close gives no points before it). A pass stays a pass, so the
 * source is not retractable; the yearly cap of the rule limits how much quizzes can earn.
 */
export const quizPointSource: PointSource = {
  types: ['quiz'],
  retractable: false,
  async events({ tx, from, to, roots, now }) {
    const rows = await queryRows<{ member_id: string; exam_id: string; title: string; submitted_at: Date | string }>(
      tx,
      sql`select distinct on (a.member_id, a.exam_id) a.member_id, a.exam_id, e.title, a.submitted_at
        from exam_attempts a
        join exams e on e.id = a.exam_id
        join members mb on mb.id = a.member_id and mb.status = 'active'
        where a.passed and a.submitted_at is not null
          and (e.results_release = 'immediate' or e.status = 'closed' or e.closes_at <= ${ts(now)})
          and ${roots === null ? sql`true` : pathsWhere(sql`mb.org_path`, roots)}
        order by a.member_id, a.exam_id, a.submitted_at, a.id`,
    );
    const start = shanghaiMidnight(from).getTime();
    const end = shanghaiMidnight(to).getTime();
    return rows
      .filter((r) => {
        const t = new Date(r.submitted_at).getTime();
        return t >= start && t < end;
      })
      .map((r) => ({
        memberId: r.member_id,
        occurredOn: shanghaiDate(new Date(r.submitted_at)),
        sourceType: 'quiz' as const,
        sourceId: r.exam_id,
        label: `${r.title}（合格）`,
      }));
  },
};
