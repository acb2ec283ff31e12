import {
  type GrantCandidate,
  grantKey,
  type PlannedEntry,
  periodKeyOf,
  planGrants,
  reversalKey,
  unitPeriodKind,
  type VersionedRule,
} from '@red-engine/shared';
import type { DbOrTx } from '../../db/client.js';
import { type ExemptionRecord, exemptionsOn, keyDigest, type LoadedVersion } from './points.policy.js';
import type { ByWhom, EntryRow, PointsRepository } from './points.repository.js';

export type BookedEntry = PlannedEntry & { id: string; year: number };

export type BookingResult = {
  booked: BookedEntry[];
  /** Candidates whose key was booked before (a re-run). */
  alreadyBooked: number;
};

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * Books candidates in the caller's transaction: locks the balance rows of every (member, year) concerned, leaves out
 * what is booked already, cuts by the caps against what the ledger holds (`planGrants`, the same function the property
 * tests drive), notes exemptions, appends the entries and adds them to the balances. Candidates are booked in the
 * order given; callers sort them by date so a re-run plans the same way.
 */
export async function bookCandidates(
  repo: PointsRepository,
  tx: DbOrTx,
  input: {
    candidates: readonly (GrantCandidate & VersionedRule)[];
    versions: readonly LoadedVersion[];
    by: ByWhom;
    reason?: string | null;
  },
): Promise<BookingResult> {
  const { candidates } = input;
  if (candidates.length === 0) return { booked: [], alreadyBooked: 0 };
  const memberIds = [...new Set(candidates.map((c) => c.memberId))].sort();
  const pairs = new Map<string, { memberId: string; year: number }>();
  for (const c of candidates)
    pairs.set(`${c.memberId}|${yearOf(c.occurredOn)}`, { memberId: c.memberId, year: yearOf(c.occurredOn) });
  await repo.lockBalances(
    [...pairs.values()].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.year - b.year)),
    tx,
  );

  const keys = candidates.map((c) =>
    grantKey(
      c.versionId,
      c.rule.code,
      c.memberId,
      c.sourceType,
      c.sourceId,
      periodKeyOf(unitPeriodKind(c.rule.unit), c.occurredOn),
    ),
  );
  const ruleCodes = [...new Set(candidates.map((c) => c.rule.code))];
  const years = [...new Set(candidates.map((c) => yearOf(c.occurredOn)))];
  const needExemptions = candidates.some((c) => c.rule.points < 0 && c.rule.exemptCategories.length > 0);
  const digests = keys.map(keyDigest);
  // One after the other: a transaction is one connection.
  const takenDigests = await repo.takenKeys(digests, tx);
  const booked = await repo.bookedSums(memberIds, ruleCodes, years, tx);
  const facts = await repo.memberFacts(memberIds, tx);
  const records = needExemptions ? await repo.exemptionsOf(memberIds, tx) : [];
  const taken = new Set(keys.filter((_, i) => takenDigests.has(digests[i]!)));
  const factOf = new Map(facts.map((f) => [f.id, f]));
  const recordsOf = new Map<string, ExemptionRecord[]>();
  for (const r of records) recordsOf.set(r.member_id, [...(recordsOf.get(r.member_id) ?? []), r]);

  const planned = planGrants({
    candidates,
    booked,
    takenKeys: taken,
    exemptions: (memberId, date) =>
      exemptionsOn(
        date,
        { birthDate: factOf.get(memberId)?.birth_date ?? null, records: recordsOf.get(memberId) ?? [] },
        input.versions,
      ),
  });
  const entries: BookedEntry[] = planned.map((p) => ({ ...p, id: crypto.randomUUID(), year: yearOf(p.occurredOn) }));
  const rows: Omit<EntryRow, 'created_at' | 'created_by_name'>[] = entries.map((e) => ({
    id: e.id,
    member_id: e.memberId,
    org_id: factOf.get(e.memberId)?.org_id ?? null,
    year: e.year,
    occurred_on: e.occurredOn,
    period_key: e.periodKey,
    rule_version_id: e.versionId,
    rule_code: e.ruleCode,
    source_type: e.sourceType,
    source_id: e.sourceId,
    source_label: e.label,
    points: e.points,
    nominal_points: e.nominalPoints,
    adjustment: e.adjustment,
    reverses_entry_id: null,
    reason: input.reason ?? null,
    idempotency_key: keyDigest(e.key),
  }));
  await repo.insertEntries(rows, input.by, tx);
  await repo.addToBalances(rows, tx);
  const distinctKeys = new Set(keys);
  return { booked: entries, alreadyBooked: [...distinctKeys].filter((k) => taken.has(k)).length };
}

/**
 * Books the reversals of entries (a correction): each the opposite points of its entry, same member, rule, source and
 * period, naming the entry and the reason. The unique index on `reverses_entry_id` keeps one reversal per entry;
 * entries found reversed once the balances are locked are skipped (the answer lists only what was booked now).
 */
export async function reverseEntries(
  repo: PointsRepository,
  tx: DbOrTx,
  input: { entries: readonly EntryRow[]; reason: string; by: ByWhom },
): Promise<EntryRow[]> {
  if (input.entries.length === 0) return [];
  const pairs = new Map<string, { memberId: string; year: number }>();
  for (const e of input.entries) pairs.set(`${e.member_id}|${e.year}`, { memberId: e.member_id, year: e.year });
  await repo.lockBalances(
    [...pairs.values()].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.year - b.year)),
    tx,
  );
  // Under the balance locks: an entry reversed meanwhile by someone else is left alone.
  const done = await repo.reversedAmong(
    input.entries.map((e) => e.id),
    tx,
  );
  const rows = input.entries
    .filter((e) => !done.has(e.id))
    .map((e) => ({
      id: crypto.randomUUID(),
      member_id: e.member_id,
      org_id: e.org_id,
      year: e.year,
      occurred_on: e.occurred_on,
      period_key: e.period_key,
      rule_version_id: e.rule_version_id,
      rule_code: e.rule_code,
      source_type: e.source_type,
      source_id: e.source_id,
      source_label: e.source_label,
      points: -e.points,
      nominal_points: -e.nominal_points,
      adjustment: null,
      reverses_entry_id: e.id,
      reason: input.reason,
      idempotency_key: keyDigest(reversalKey(e.id)),
    }));
  await repo.insertEntries(rows, input.by, tx);
  await repo.addToBalances(rows, tx);
  return rows.map((r) => ({ ...r, created_at: new Date(), created_by_name: input.by.name }));
}
