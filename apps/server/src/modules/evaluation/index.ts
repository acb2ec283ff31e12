import {
  DEFAULT_SATISFACTION_THRESHOLDS,
  type MemberGrade,
  type SatisfactionThresholds,
  secretaryResult,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { createEvaluationAccess } from './evaluation.access.js';
import { createBallotService } from './evaluation.ballots.js';
import { createEvaluationExport } from './evaluation.export.js';
import { createMyEvaluationService } from './evaluation.me.js';
import { isMemberGrade } from './evaluation.policy.js';
import { createRectificationService } from './evaluation.rectifications.js';
import { evaluationRoutes } from './evaluation.routes.js';
import { createEvaluationService } from './evaluation.service.js';
import { createSubjectService } from './evaluation.subjects.js';

export { evaluationRoutes };

/** 书记述职评议 and 民主评议党员, wired together. */
export function createEvaluationModule(deps: { db: Db }) {
  const access = createEvaluationAccess(deps.db);
  const ballots = createBallotService({ db: deps.db, access });
  const subjects = createSubjectService({ db: deps.db, access });
  const rectifications = createRectificationService({ db: deps.db, access, subjects });
  const campaigns = createEvaluationService({ db: deps.db, access, ballots });
  const mine = createMyEvaluationService({ db: deps.db, access, subjects });
  const exports = createEvaluationExport({ db: deps.db, access, ballots, rectifications });
  return { campaigns, ballots, subjects, rectifications, mine, exports };
}
export type EvaluationModule = ReturnType<typeof createEvaluationModule>;

/**
 * Contract for 党员积分评星: a member's 民主评议 grade for a year, only once the superior has confirmed it (published);
 * null otherwise, and for probationary members (not graded).
 */
export async function evaluationGradeOf(
  db: DbOrTx,
  memberId: string,
  year: number,
): Promise<'excellent' | 'qualified' | 'basically_qualified' | 'unqualified' | null> {
  const [row] = await queryRows<{ final_grade: string | null }>(
    db,
    sql`select s.final_grade from evaluation_subjects s join evaluation_campaigns c on c.id = s.campaign_id
      where c.kind = 'member_evaluation' and c.status = 'confirmed' and c.year = ${year}
        and s.member_id = ${memberId} and s.graded and s.final_grade is not null
      order by c.confirmed_at desc limit 1`,
  );
  const g = row?.final_grade;
  return isMemberGrade(g) ? (g as MemberGrade) : null;
}

/**
 * For 党组织星级评定 (述职评议满意度): the share of 好 + 较好 among the ballots on the organization's secretary in the
 * year's closed 述职评议, in percent; null when there is none.
 */
export async function secretarySatisfactionOf(db: DbOrTx, orgId: string, year: number): Promise<number | null> {
  const rows = await queryRows<{ choice: string; n: number; thresholds: SatisfactionThresholds | null }>(
    db,
    sql`select b.choice, count(*)::int as n, (c.settings->'thresholds') as thresholds
      from evaluation_subjects s join evaluation_campaigns c on c.id = s.campaign_id
      join ballot_choices b on b.subject_id = s.id and b.item = ''
      where c.kind = 'secretary_review' and c.status = 'closed' and c.year = ${year} and s.org_id = ${orgId}
      group by b.choice, c.settings->'thresholds'`,
  );
  const tally = { good: 0, fairly_good: 0, average: 0, poor: 0 };
  for (const r of rows) if (r.choice in tally) tally[r.choice as keyof typeof tally] += r.n;
  return secretaryResult(tally, rows[0]?.thresholds ?? DEFAULT_SATISFACTION_THRESHOLDS).satisfactionPercent;
}
