import {
  attendanceOutcome,
  type GrantCandidate,
  type PointSourceType,
  shanghaiDate,
  shanghaiMidnight,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { pathsWhere } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';

/**
 * The ONE plug-in point for automatic points. A source reads its own records for a period and answers candidate
 * events (member, date, source record, human label); the points module matches them to the rules of the version in
 * force on each date whose `source` is the event's type, and books them idempotently. Study, quizzes, adopted
 * suggestions and dues plug in here when their modules exist.
 */
export interface PointSource {
  /** The source types this provider emits. */
  readonly types: readonly PointSourceType[];
  /**
   * Whether an automatic entry of these types is corrected on a re-run when the record no longer yields it (a make-up
   * after an absence, a leave approved late, a meeting cancelled).
   */
  readonly retractable: boolean;
  events(ctx: PointSourceContext): Promise<GrantCandidate[]>;
}

export type PointSourceContext = {
  tx: DbOrTx;
  /** Local dates (Asia/Shanghai): the first day of the period and the day after its last. */
  from: string;
  to: string;
  /** Members whose current branch lies under these paths; null: every member. */
  roots: readonly string[] | null;
  now: Date;
};

const membersIn = (roots: readonly string[] | null) =>
  roots === null ? sql`true` : pathsWhere(sql`mb.org_path`, roots);
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const dateLabel = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 基础分: one event per year for every member on the roll (dated 1 January, so any run of the year finds the same key). */
export const baseSource: PointSource = {
  types: ['base'],
  retractable: false,
  async events({ tx, from, to, roots }) {
    const members = await queryRows<{ id: string }>(
      tx,
      sql`select mb.id from members mb where mb.status = 'active' and ${membersIn(roots)} order by mb.id`,
    );
    const years: number[] = [];
    for (let y = Number(from.slice(0, 4)); `${y}-01-01` < to; y++) years.push(y);
    return years.flatMap((y) =>
      members.map((m) => ({
        memberId: m.id,
        occurredOn: `${y}-01-01`,
        sourceType: 'base' as const,
        sourceId: String(y),
        label: `${y}年度基础分`,
      })),
    );
  },
};

/**
 * 组织生活 attendance: every participant of a meeting held in the period and ended by now (not cancelled) is either
 * present (present, late or made up → `attendance`), on approved leave (nothing), or absent without approved leave
 * (`absence_without_leave`). The source record is the meeting; the label its title and date.
 */
export const attendanceSource: PointSource = {
  types: ['attendance', 'absence_without_leave'],
  retractable: true,
  async events({ tx, from, to, roots, now }) {
    // Read table by table and joined here: the plan never depends on table statistics (the embedded database has
    // none until someone analyzes, and a whole year of demo data is written in one transaction).
    const meetings = await queryRows<{ id: string; title: string; starts_at: Date | string }>(
      tx,
      sql`select m.id, m.title, m.starts_at from meetings m
        where m.status in ('planned', 'archived') and m.ends_at <= ${ts(now)}
          and m.starts_at >= ${ts(shanghaiMidnight(from))} and m.starts_at < ${ts(shanghaiMidnight(to))}
        order by m.starts_at, m.id`,
    );
    if (meetings.length === 0) return [];
    const active = new Set(
      (
        await queryRows<{ id: string }>(
          tx,
          sql`select mb.id from members mb where mb.status = 'active' and ${membersIn(roots)}`,
        )
      ).map((r) => r.id),
    );
    const out: GrantCandidate[] = [];
    for (let i = 0; i < meetings.length; i += 2000) {
      const part = meetings.slice(i, i + 2000);
      const ids = sql`(select value::uuid from json_array_elements_text(${JSON.stringify(part.map((m) => m.id))}::json))`;
      const people = await queryRows<{ meeting_id: string; member_id: string }>(
        tx,
        sql`select meeting_id, member_id from meeting_participants where meeting_id in ${ids}`,
      );
      const present = await queryRows<{ meeting_id: string; member_id: string; status: string }>(
        tx,
        sql`select meeting_id, member_id, status from meeting_attendance where meeting_id in ${ids}`,
      );
      const leaves = await queryRows<{ meeting_id: string; member_id: string }>(
        tx,
        sql`select meeting_id, member_id from meeting_leaves where status = 'approved' and meeting_id in ${ids}`,
      );
      const statusOf = new Map(present.map((a) => [`${a.meeting_id}|${a.member_id}`, a.status]));
      const onLeave = new Set(leaves.map((l) => `${l.meeting_id}|${l.member_id}`));
      const byMeeting = new Map<string, string[]>();
      for (const p of people) {
        if (!active.has(p.member_id)) continue;
        byMeeting.set(p.meeting_id, [...(byMeeting.get(p.meeting_id) ?? []), p.member_id]);
      }
      for (const m of part) {
        const date = shanghaiDate(new Date(m.starts_at));
        for (const memberId of (byMeeting.get(m.id) ?? []).sort()) {
          const k = `${m.id}|${memberId}`;
          const outcome = attendanceOutcome(statusOf.get(k) ?? null, onLeave.has(k));
          if (outcome === 'excused') continue;
          out.push({
            memberId,
            occurredOn: date,
            sourceType: outcome === 'attended' ? 'attendance' : 'absence_without_leave',
            sourceId: m.id,
            label: `${m.title}（${dateLabel(date)}）`,
          });
        }
      }
    }
    return out;
  },
};

/** 双报到 volunteer service: each claim the community confirmed in the period (dated the day of confirmation). */
export const volunteerSource: PointSource = {
  types: ['volunteer_hours'],
  retractable: true,
  async events({ tx, from, to, roots }) {
    const rows = await queryRows<{
      id: string;
      member_id: string;
      confirmed_at: Date | string;
      hours: number | string | null;
      title: string;
      starts_at: Date | string;
    }>(
      tx,
      sql`select c.id, c.member_id, c.confirmed_at, c.confirmed_hours as hours, n.title, n.starts_at
        from need_claims c
        join community_needs n on n.id = c.need_id
        join members mb on mb.id = c.member_id and mb.status = 'active'
        where c.status = 'confirmed' and c.confirmed_at >= ${ts(shanghaiMidnight(from))}
          and c.confirmed_at < ${ts(shanghaiMidnight(to))} and ${membersIn(roots)}
        order by c.confirmed_at, c.id`,
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      occurredOn: shanghaiDate(new Date(r.confirmed_at)),
      sourceType: 'volunteer_hours' as const,
      sourceId: r.id,
      label: `${r.title}（${dateLabel(shanghaiDate(new Date(r.starts_at)))}，${Number(r.hours ?? 0)}小时）`,
    }));
  },
};

/** The sources of this release, in booking order. */
export const DEFAULT_POINT_SOURCES: readonly PointSource[] = [baseSource, attendanceSource, volunteerSource];
