/**
 * Pure rules of 知识竞赛 (no I/O; table-tested in competition.policy.test.ts). Times are server-clock instants.
 *
 * - Status: draft and cancelled as stored; a scheduled competition is `scheduled` before `startsAt`, `running` until
 *   `endsAt`, then `finished`.
 * - Staggered start: the n-th member to join (0-based) is admitted at `startsAt + floor(n / waveSize) × waveMs`.
 * - A question's deadline: `openedAt + questionSeconds`, never past `endsAt`; an answer is accepted up to
 *   `ANSWER_GRACE_MS` after it (the trip from phone to server), judged on the server's clock.
 * - Points of an answer: a right one earns `BASE_POINTS` plus a time bonus of up to `MAX_BONUS` proportional to the
 *   time left: `100 + round(50 × max(0, limit − elapsed) / limit)`; a wrong or missing one earns 0.
 * - Teams are branches (the member's branch when they joined); a team's score is the average (one decimal) or the
 *   sum of its starters' scores, as the competition is set.
 * - Anomalies (shown to organizers, never disqualifying): `too_fast` when at least `minCount` answers took less than
 *   `floorMs`; `identical_timing` when two or more members answered ≥ 3 questions with the same timing pattern
 *   (elapsed times in 100 ms steps) and the same answers.
 */

export const ANSWER_GRACE_MS = 1000;
export const BASE_POINTS = 100;
export const MAX_BONUS = 50;

export type StoredStatus = 'draft' | 'scheduled' | 'cancelled';
export type EffectiveStatus = 'draft' | 'scheduled' | 'running' | 'finished' | 'cancelled';

export function effectiveStatus(c: { status: string; startsAt: Date; endsAt: Date }, now: Date): EffectiveStatus {
  if (c.status === 'draft' || c.status === 'cancelled') return c.status;
  if (now < c.startsAt) return 'scheduled';
  if (now < c.endsAt) return 'running';
  return 'finished';
}

export const lobbyOpensAt = (c: { startsAt: Date; lobbyMinutes: number }) =>
  new Date(c.startsAt.getTime() - c.lobbyMinutes * 60_000);

export const admitAtFor = (c: { startsAt: Date; waveSize: number; waveMs: number }, seq: number) =>
  new Date(c.startsAt.getTime() + Math.floor(seq / Math.max(1, c.waveSize)) * c.waveMs);

export function questionDeadline(openedAt: Date, c: { questionSeconds: number; endsAt: Date }): Date {
  return new Date(Math.min(openedAt.getTime() + c.questionSeconds * 1000, c.endsAt.getTime()));
}

export const acceptsAnswerAt = (deadline: Date, now: Date) => now.getTime() <= deadline.getTime() + ANSWER_GRACE_MS;

export function answerPoints(correct: boolean, elapsedMs: number, limitMs: number): number {
  if (!correct) return 0;
  const left = Math.max(0, limitMs - Math.max(0, elapsedMs));
  return BASE_POINTS + Math.round((MAX_BONUS * left) / Math.max(1, limitMs));
}

/** Minutes needed to answer every question at the full time allowed. */
export const minutesNeeded = (questionCount: number, questionSeconds: number) =>
  Math.ceil((questionCount * questionSeconds) / 60);

// --- Standings ----------------------------------------------------------------------------------------------------

export type EntryScore = { memberId: string; score: number; totalMs: number };

/** Ranks by score (high first), then total answering time (short first); equal on both → equal rank. */
export function rankEntries<E extends EntryScore>(entries: readonly E[]): (E & { rank: number })[] {
  const sorted = [...entries].sort(
    (a, b) => b.score - a.score || a.totalMs - b.totalMs || a.memberId.localeCompare(b.memberId),
  );
  let rank = 0;
  return sorted.map((e, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.score !== e.score || prev.totalMs !== e.totalMs) rank = i + 1;
    return { ...e, rank };
  });
}

export type TeamInput = { orgId: string; orgName: string; members: number; sum: number };

export function teamStandings(teams: readonly TeamInput[], aggregate: 'average' | 'sum') {
  const scored = teams
    .filter((t) => t.members > 0)
    .map((t) => ({
      orgId: t.orgId,
      orgName: t.orgName,
      members: t.members,
      score: aggregate === 'sum' ? t.sum : Math.round((t.sum / t.members) * 10) / 10,
    }))
    .sort((a, b) => b.score - a.score || b.members - a.members || a.orgName.localeCompare(b.orgName, 'zh-CN'));
  let rank = 0;
  return scored.map((t, i) => {
    if (i === 0 || scored[i - 1]!.score !== t.score) rank = i + 1;
    return { rank, ...t };
  });
}

// --- Anomalies ----------------------------------------------------------------------------------------------------

export type TimingInput = { entryId: string; elapsed: readonly number[]; answers: readonly string[] };
export type Flag = { kind: 'too_fast' | 'identical_timing'; count: number; detail: string };

export function anomalyFlags(
  rows: readonly TimingInput[],
  opts: { floorMs: number; minCount: number },
): Map<string, Flag[]> {
  const out = new Map<string, Flag[]>();
  const add = (id: string, f: Flag) => out.set(id, [...(out.get(id) ?? []), f]);
  for (const r of rows) {
    const fast = r.elapsed.filter((ms) => ms < opts.floorMs).length;
    if (fast >= opts.minCount)
      add(r.entryId, { kind: 'too_fast', count: fast, detail: `${fast} answers under ${opts.floorMs} ms` });
  }
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    if (r.elapsed.length < 3) continue;
    const key = `${r.elapsed.map((ms) => Math.round(ms / 100)).join(',')}|${r.answers.join(',')}`;
    groups.set(key, [...(groups.get(key) ?? []), r.entryId]);
  }
  for (const ids of groups.values())
    if (ids.length > 1)
      for (const id of ids)
        add(id, {
          kind: 'identical_timing',
          count: ids.length - 1,
          detail: `same timing and answers as ${ids.length - 1} other(s)`,
        });
  return out;
}

/** The answer in the shape grading expects for a kind: one key, a boolean, or a list. */
export function answerValueOf(kind: string, given: readonly (string | boolean)[]): string | boolean | string[] | null {
  if (kind === 'single') return typeof given[0] === 'string' ? given[0] : null;
  if (kind === 'true_false') return typeof given[0] === 'boolean' ? given[0] : null;
  return given.map(String);
}
