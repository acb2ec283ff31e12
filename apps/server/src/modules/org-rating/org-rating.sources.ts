import {
  computedIndicatorPoints,
  ELECTING_TYPES,
  INDICATOR_SOURCE_DEFAULT_MAPS,
  type IndicatorSource,
  type OrgType,
  type Permission,
  todayInChina,
  type VetoSource,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { createComplianceService } from '../compliance/index.js';
import {
  electionOverdue,
  noActivity,
  percentSources,
  type Term,
  termCoverage,
  termOn,
  WHY,
} from './org-rating.policy.js';
import type { IndicatorRow, OrgFacts } from './org-rating.repository.js';

/**
 * Figures other modules own, plugged in by the composition root (modules.ts). Each answers null when it cannot
 * say, and the indicator is then scored by hand. Defaults: nothing plugged in.
 */
export type IndicatorSources = {
  /** Average member points of the subtree at `orgPath` for a year (the points module's `averagePointsOf`). */
  averagePoints?: (db: Db, orgPath: string, year: number) => Promise<number | null>;
  /** 述职评议 satisfaction: the share (0–1) of 好 and 较好 votes for the organization's secretary in a year. */
  secretarySatisfaction?: (db: Db, orgId: string, year: number) => Promise<number | null>;
};

export type Metric = { value: number | null; whyZh: string; whyEn: string; facts: Record<string, unknown> };
export type VetoHit = { source: VetoSource; reason: string; detail: Record<string, unknown> };
export type OrgComputation = { metrics: Map<IndicatorSource, Metric>; vetoes: VetoHit[] };

const SH = 8 * 3_600_000;
const startOfDay = (date: string) => new Date(`${date}T00:00:00+08:00`);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const localDate = (d: Date | string) => new Date(new Date(d).getTime() + SH).toISOString().slice(0, 10);

/** An actor that reads compliance over one subtree: the compliance service answers per actor. */
function readerOf(rootPath: string): Actor {
  const permission: Permission = 'compliance:read';
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'org-rating',
    displayName: 'org-rating',
    locale: 'zh-CN',
    roles: [],
    permissions: new Set([permission]),
    scopes: new Map([[permission, [rootPath]]]),
    via: 'session',
    mfaEnabled: false,
    mfaRequired: false,
    mustChangePassword: false,
  };
}

const valuesOf = (orgs: readonly OrgFacts[]) =>
  sql.join(
    orgs.map((o) => sql`(${o.id}::uuid, ${o.path}::text)`),
    sql`, `,
  );

/**
 * Computes the data-backed indicators and vetoes for the organizations of a campaign over `years` (up to today),
 * a few queries for all of them together. Points are not given here: `pointsOf` maps a metric onto an indicator.
 */
export async function computeOrgFigures(p: {
  db: Db;
  sources: IndicatorSources;
  orgs: readonly OrgFacts[];
  rootOrgId: string;
  rootPath: string;
  years: readonly number[];
  now: Date;
  needed: ReadonlySet<string>;
  vetoSources: ReadonlySet<string>;
}): Promise<Map<string, OrgComputation>> {
  const out = new Map<string, OrgComputation>(p.orgs.map((o) => [o.id, { metrics: new Map(), vetoes: [] }]));
  if (p.orgs.length === 0) return out;
  const today = todayInChina(p.now);
  const start = `${Math.min(...p.years)}-01-01`;
  const yearEnd = `${Math.max(...p.years)}-12-31`;
  const end = yearEnd < today ? yearEnd : today;
  const set = (orgId: string, source: IndicatorSource, m: Metric) => out.get(orgId)!.metrics.set(source, m);
  if (start > today) {
    for (const o of p.orgs)
      for (const s of p.needed)
        set(o.id, s as IndicatorSource, { value: null, whyZh: WHY.notStarted.zh, whyEn: WHY.notStarted.en, facts: {} });
    return out;
  }

  if (p.needed.has('meeting_compliance')) {
    const compliance = createComplianceService({ db: p.db, now: () => p.now });
    const actor = readerOf(p.rootPath);
    const byOrg = new Map<string, { year: number; rate: number | null; overdue: number }[]>();
    for (const year of p.years) {
      for (let page = 1; ; page++) {
        const res = await compliance.overview(actor, { year, orgId: p.rootOrgId, current: page, pageSize: 200 });
        for (const b of res.data)
          byOrg.set(b.orgId, [...(byOrg.get(b.orgId) ?? []), { year, rate: b.rate, overdue: b.overdue }]);
        if (page * 200 >= res.total) break;
      }
    }
    for (const o of p.orgs) {
      const ys = byOrg.get(o.id);
      if (!ys) {
        set(o.id, 'meeting_compliance', {
          value: null,
          whyZh: WHY.complianceNone.zh,
          whyEn: WHY.complianceNone.en,
          facts: {},
        });
        continue;
      }
      const rates = ys.map((y) => y.rate).filter((r): r is number => r !== null);
      const why = WHY.compliance(ys);
      set(o.id, 'meeting_compliance', {
        value: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null,
        whyZh: why.zh,
        whyEn: why.en,
        facts: { years: ys },
      });
    }
  }

  const wantsTerms = p.needed.has('committee_terms') || p.vetoSources.has('election_overdue');
  if (wantsTerms) {
    const rows = await queryRows<{ org_id: string; elected_on: string; expires_on: string; term_number: number }>(
      p.db,
      sql`select org_id, elected_on::text, expires_on::text, term_number from committees
        where org_id in (${sql.join(
          p.orgs.map((o) => sql`${o.id}::uuid`),
          sql`, `,
        )}) order by org_id, elected_on`,
    );
    const terms = new Map<string, Term[]>();
    for (const r of rows)
      terms.set(r.org_id, [
        ...(terms.get(r.org_id) ?? []),
        { electedOn: r.elected_on, expiresOn: r.expires_on, termNumber: r.term_number },
      ]);
    for (const o of p.orgs) {
      const ts = terms.get(o.id) ?? [];
      const electing = ELECTING_TYPES.includes(o.type as OrgType);
      if (p.needed.has('committee_terms')) {
        const from = o.founded_on && o.founded_on > start ? o.founded_on : start;
        const c = termCoverage(ts, from, end);
        const why = !electing
          ? WHY.termsNotElecting
          : ts.length === 0 || c.total === 0
            ? WHY.termsNone
            : (({ zh, en }) => ({ zh, en }))(WHY.terms({ ...c, to: end }, termOn(ts, end)));
        set(o.id, 'committee_terms', {
          value: electing && c.total > 0 ? c.covered / c.total : null,
          whyZh: why.zh,
          whyEn: why.en,
          facts: { from: c.from, to: end, days: c.total, covered: c.covered, overdueDays: c.overdueDays },
        });
      }
      if (p.vetoSources.has('election_overdue') && electing) {
        const hit = electionOverdue(ts, end);
        if (hit)
          out.get(o.id)!.vetoes.push({
            source: 'election_overdue',
            reason: WHY.vetoElectionOverdue(hit.term, hit.overdueDays),
            detail: {
              electedOn: hit.term.electedOn,
              expiresOn: hit.term.expiresOn,
              overdueDays: hit.overdueDays,
              on: end,
            },
          });
      }
    }
  }

  if (p.needed.has('attendance_rate')) {
    const rows = await queryRows<{ id: string; expected: number; present: number; meetings: number }>(
      p.db,
      sql`with rated(id, path) as (values ${valuesOf(p.orgs)}),
          happened as materialized (
            select m.id from meetings m
            where m.status <> 'cancelled' and m.ends_at <= ${p.now.toISOString()}::timestamptz
              and m.starts_at >= ${startOfDay(start).toISOString()}::timestamptz
              and m.starts_at < ${startOfDay(addDays(end, 1)).toISOString()}::timestamptz)
        select r.id, count(*)::int as expected, count(a.member_id)::int as present,
          count(distinct p.meeting_id)::int as meetings
        from happened h
        join meeting_participants p on p.meeting_id = h.id
        join organizations o on o.id = p.org_id
        join rated r on left(o.path, length(r.path)) = r.path
        left join meeting_attendance a on a.meeting_id = p.meeting_id and a.member_id = p.member_id
        group by r.id`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const o of p.orgs) {
      const c = byId.get(o.id) ?? { expected: 0, present: 0, meetings: 0 };
      const why = WHY.attendance(c);
      set(o.id, 'attendance_rate', {
        value: c.expected > 0 ? c.present / c.expected : null,
        whyZh: why.zh,
        whyEn: why.en,
        facts: { expected: c.expected, present: c.present, meetings: c.meetings, from: start, to: end },
      });
    }
  }

  if (p.vetoSources.has('no_activity')) {
    const since = addDays(end, -800);
    const rows = await queryRows<{ id: string; last_at: Date | string | null }>(
      p.db,
      sql`with rated(id, path) as (values ${valuesOf(p.orgs)}),
          acts as (
            select m.org_id, m.starts_at from meetings m
            where m.status <> 'cancelled' and m.ends_at <= ${p.now.toISOString()}::timestamptz
              and m.starts_at >= ${startOfDay(since).toISOString()}::timestamptz
            union all
            select mo.org_id, m.starts_at from meeting_orgs mo join meetings m on m.id = mo.meeting_id
            where m.status <> 'cancelled' and m.ends_at <= ${p.now.toISOString()}::timestamptz
              and m.starts_at >= ${startOfDay(since).toISOString()}::timestamptz)
        select r.id, max(a.starts_at) as last_at
        from rated r join organizations o on left(o.path, length(r.path)) = r.path
        join acts a on a.org_id = o.id
        group by r.id`,
    );
    const last = new Map(rows.map((r) => [r.id, r.last_at ? localDate(r.last_at) : null]));
    for (const o of p.orgs) {
      const hit = noActivity(last.get(o.id) ?? null, end, o.founded_on);
      if (hit)
        out.get(o.id)!.vetoes.push({
          source: 'no_activity',
          reason: WHY.vetoNoActivity(hit.lastActivity, hit.since),
          detail: { since: hit.since, lastActivity: hit.lastActivity, on: end },
        });
    }
  }

  const plugged = async (
    source: 'member_points' | 'secretary_satisfaction',
    lookup: ((o: OrgFacts, year: number) => Promise<number | null>) | undefined,
  ) => {
    if (!p.needed.has(source)) return;
    const none = source === 'member_points' ? WHY.pointsNone : WHY.satisfactionNone;
    for (const o of p.orgs) {
      const ys = lookup ? await Promise.all(p.years.map(async (year) => ({ year, value: await lookup(o, year) }))) : [];
      const known = ys.map((y) => y.value).filter((v): v is number => v !== null && Number.isFinite(v));
      if (known.length === 0) {
        set(o.id, source, { value: null, whyZh: none.zh, whyEn: none.en, facts: {} });
        continue;
      }
      const why = source === 'member_points' ? WHY.points(ys) : WHY.satisfaction(ys);
      set(o.id, source, {
        value: known.reduce((a, b) => a + b, 0) / known.length,
        whyZh: why.zh,
        whyEn: why.en,
        facts: { years: ys },
      });
    }
  };
  const { averagePoints, secretarySatisfaction } = p.sources;
  await plugged('member_points', averagePoints && ((o, y) => averagePoints(p.db, o.path, y)));
  await plugged('secretary_satisfaction', secretarySatisfaction && ((o, y) => secretarySatisfaction(p.db, o.id, y)));
  return out;
}

/** An indicator's computed points from its metric, and the "why" with the mapping spelled out. */
export function pointsOf(indicator: IndicatorRow, metric: Metric | undefined) {
  if (!metric || metric.value === null || !indicator.source) return null;
  const map = indicator.sourceMap ?? INDICATOR_SOURCE_DEFAULT_MAPS[indicator.source as IndicatorSource];
  const points = computedIndicatorPoints(indicator.maxPoints, metric.value, map);
  const percent = percentSources.has(indicator.source);
  const shown = percent ? `${(Math.round(metric.value * 1000) / 10).toFixed(1)}%` : metric.value.toFixed(1);
  const m = WHY.mapped(shown, points, indicator.maxPoints, map, percent);
  return { points, whyZh: metric.whyZh + m.zh, whyEn: metric.whyEn + m.en };
}
