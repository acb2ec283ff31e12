import {
  IN_SERVICE_EXCLUDED_DOMAINS,
  IN_SERVICE_EXCLUDED_JOBS,
  isReReportOverdue,
  type NotReported,
  reReportDueOn,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';

/**
 * 在职党员 (who must report to the community where they live): active members, not lost, of a unit's branch —
 * not of a community or village branch, whose members serve there already — and not retired, students or farmers.
 * The SQL form reads `m` (members) and `o` (their branch).
 */
export const IN_SERVICE_WHERE = sql.raw(
  `m.status = 'active' and not m.lost_contact
   and coalesce(o.domain, '') not in (${IN_SERVICE_EXCLUDED_DOMAINS.map((d) => `'${d}'`).join(', ')})
   and m.job_category not in (${IN_SERVICE_EXCLUDED_JOBS.map((j) => `'${j}'`).join(', ')})`,
);

export function isInService(m: { status: string; lostContact: boolean; jobCategory: string }, domain: string | null) {
  return (
    m.status === 'active' &&
    !m.lostContact &&
    !(IN_SERVICE_EXCLUDED_DOMAINS as readonly string[]).includes(domain ?? '') &&
    !(IN_SERVICE_EXCLUDED_JOBS as readonly string[]).includes(m.jobCategory)
  );
}

/** The date before which a last report is overdue: today minus the re-report interval. */
export function overdueBefore(today: string, months: number): string {
  return reReportDueOn(today, -months);
}

/** Why an in-service member is on the not-reported list, or null when the member is in good standing. */
export function notReportedReason(
  r: { reportStatus: string | null; lastReportedOn: string | null; everReported: boolean },
  months: number,
  today: string,
): NotReported['reason'] | null {
  if (r.reportStatus !== 'active' || !r.lastReportedOn) return r.everReported ? 'withdrawn' : 'never';
  return isReReportOverdue(r.lastReportedOn, months, today) ? 'overdue' : null;
}

/** Hours as stored (numeric(4,1)) and shown: one decimal. */
export const roundHours = (h: number) => Math.round(h * 10) / 10;
