import { type GrantCandidate, shanghaiDate, shanghaiMidnight } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { pathsWhere } from '../../core/scope.js';
import { queryRows } from '../../db/rows.js';
import type { PointSource } from '../points/index.js';

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * 知识竞赛 as a point source: every member who answered at least one question of a competition that ended in the
 * period (dated the day it ended, Beijing time); the rule of type `competition` decides the points and the cap.
 */
export const competitionPointSource: PointSource = {
  types: ['competition'],
  retractable: false,
  async events({ tx, from, to, roots, now }): Promise<GrantCandidate[]> {
    const rows = await queryRows<{
      id: string;
      title: string;
      ends_at: Date | string;
      member_id: string;
      score: number;
    }>(
      tx,
      sql`select c.id, c.title, c.ends_at, e.member_id, e.score
        from competitions c join competition_entries e on e.competition_id = c.id and e.answered > 0
        join members mb on mb.id = e.member_id and mb.status = 'active'
        where c.status = 'scheduled' and c.ends_at <= ${ts(now)}
          and c.ends_at >= ${ts(shanghaiMidnight(from))} and c.ends_at < ${ts(shanghaiMidnight(to))}
          and ${roots === null ? sql`true` : pathsWhere(sql`mb.org_path`, roots)}
        order by c.ends_at, c.id, e.member_id`,
    );
    return rows.map((r) => {
      const date = shanghaiDate(new Date(r.ends_at));
      return {
        memberId: r.member_id,
        occurredOn: date,
        sourceType: 'competition' as const,
        sourceId: r.id,
        label: `${r.title}（${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日，得分 ${r.score}）`,
      };
    });
  },
};
