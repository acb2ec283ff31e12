import {
  type GrantCandidate,
  grantKey,
  type PointSourceType,
  parsePeriodKey,
  periodKeyOf,
  type RunPointGrantsResult,
  unitPeriodKind,
  type VersionedRule,
} from '@red-engine/shared';
import type { RequestContext } from '../../core/actor.js';
import { fieldError } from '../../core/errors.js';
import { POINTS_MESSAGES as PM } from '../../core/messages-points.js';
import { inTransaction } from '../../core/transaction.js';
import type { DbOrTx } from '../../db/client.js';
import { bookCandidates, reverseEntries } from './points.ledger.js';
import { keyDigest, rulesFor } from './points.policy.js';
import type { PointsCore } from './points.service.js';

export const STALE_REASON = '来源记录已变化（补签、请假获批、活动取消或服务确认撤销），系统自动更正';

const sourceOrder = (t: PointSourceType) =>
  ['base', 'attendance', 'absence_without_leave', 'volunteer_hours'].indexOf(t) >>> 0;

/**
 * 自动计分: asks every PointSource for the events of the period (members under `roots`), matches them to the rules in
 * force on each date, corrects automatic entries whose record no longer yields them, and books the rest idempotently —
 * one transaction, one audit event for the batch (counts and the period; the ledger itself names every entry).
 */
export function createPointsRunService(core: PointsCore) {
  const { db, repo } = core;

  async function candidatesOf(tx: DbOrTx, p: { from: string; to: string; roots: readonly string[] | null }) {
    const versions = await repo.versions(tx);
    const events: GrantCandidate[] = [];
    for (const source of core.sources)
      events.push(...(await source.events({ tx, from: p.from, to: p.to, roots: p.roots, now: core.now() })));
    const candidates: (GrantCandidate & VersionedRule)[] = [];
    for (const e of events)
      for (const r of rulesFor(versions, e.occurredOn, e.sourceType)) candidates.push({ ...e, ...r });
    candidates.sort(
      (a, b) =>
        a.occurredOn.localeCompare(b.occurredOn) ||
        sourceOrder(a.sourceType) - sourceOrder(b.sourceType) ||
        a.sourceId.localeCompare(b.sourceId) ||
        a.memberId.localeCompare(b.memberId) ||
        a.rule.code.localeCompare(b.rule.code),
    );
    return { versions, candidates };
  }

  /** Runs the grants of a period in the caller's transaction (the API and the CLI). */
  async function runIn(
    tx: DbOrTx,
    ctx: RequestContext,
    input: { period: string; roots: readonly string[] | null },
  ): Promise<RunPointGrantsResult> {
    const p = parsePeriodKey(input.period);
    if (!p || p.kind === 'day') throw fieldError('body.period', PM.periodInvalid);
    if (p.start > core.today()) throw fieldError('body.period', PM.periodInFuture);
    return runSpan(tx, ctx, { key: p.key, start: p.start, end: p.end, roots: input.roots });
  }

  /** The same for any span of local dates [start, end) (the demo seed books its whole year at once). */
  async function runSpan(
    tx: DbOrTx,
    ctx: RequestContext,
    p: { key: string; start: string; end: string; roots: readonly string[] | null },
  ): Promise<RunPointGrantsResult> {
    const input = { roots: p.roots };
    const { versions, candidates } = await candidatesOf(tx, { from: p.start, to: p.end, roots: input.roots });
    const retractable = core.sources.filter((s) => s.retractable).flatMap((s) => s.types);
    const live = retractable.length ? await repo.liveEntries(retractable, p.start, p.end, input.roots, tx) : [];
    const keys = new Set(
      candidates.map((c) =>
        keyDigest(
          grantKey(
            c.versionId,
            c.rule.code,
            c.memberId,
            c.sourceType,
            c.sourceId,
            periodKeyOf(unitPeriodKind(c.rule.unit), c.occurredOn),
          ),
        ),
      ),
    );
    const stale = live.filter((e) => !keys.has(e.idempotency_key));
    // Every balance row this run touches, locked at once in member order (no deadlock with another run).
    const pairs = new Map<string, { memberId: string; year: number }>();
    for (const c of candidates) {
      const year = Number(c.occurredOn.slice(0, 4));
      pairs.set(`${c.memberId}|${year}`, { memberId: c.memberId, year });
    }
    for (const e of stale) pairs.set(`${e.member_id}|${e.year}`, { memberId: e.member_id, year: e.year });
    await repo.lockBalances(
      [...pairs.values()].sort((a, b) =>
        a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.year - b.year,
      ),
      tx,
    );
    const by = core.by(ctx);
    const reversed = await reverseEntries(repo, tx, { entries: stale, reason: STALE_REASON, by });
    const result = await bookCandidates(repo, tx, { candidates, versions, by });
    const bySource: Record<string, number> = {};
    for (const e of result.booked) bySource[e.sourceType] = (bySource[e.sourceType] ?? 0) + 1;
    return {
      period: p.key,
      members: new Set(candidates.map((c) => c.memberId)).size,
      candidates: candidates.length,
      booked: result.booked.length,
      points: result.booked.reduce((s, e) => s + e.points, 0) + reversed.reduce((s, e) => s + e.points, 0),
      capped: result.booked.filter((e) => e.adjustment === 'capped').length,
      exempted: result.booked.filter((e) => e.adjustment?.startsWith('exempt:')).length,
      alreadyBooked: result.alreadyBooked,
      reversed: reversed.length,
      bySource,
    };
  }

  /** `POST /points/run-grants` and `red-engine points grant`: the whole run with its audit event. */
  async function run(
    ctx: RequestContext,
    input: { period: string; roots: readonly string[] | null; orgPath?: string | null },
  ): Promise<RunPointGrantsResult> {
    return inTransaction(db, ctx, async (tx, audit) => {
      const result = await runIn(tx, ctx, input);
      audit.record({
        action: 'points.grants_run',
        entity: 'point_period',
        entityId: result.period,
        orgPath: input.orgPath ?? (input.roots?.length === 1 ? input.roots[0]! : null),
        after: result,
        ...(ctx.actor ? {} : { actor: core.by(ctx) }),
      });
      return result;
    });
  }

  /** Every member whose stored balance differs from the sum of the ledger. */
  async function verify() {
    const [mismatches, counts] = await Promise.all([repo.balanceMismatches(), repo.counts()]);
    return { ok: mismatches.length === 0, mismatches, ...counts };
  }

  return { run, runIn, runSpan, verify };
}
export type PointsRunService = ReturnType<typeof createPointsRunService>;
