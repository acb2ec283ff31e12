import type { CompetitionBoard, CompetitionResults, IndividualStanding, MyResult } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { CompetitionPlay } from './competition.play.js';
import { anomalyFlags, effectiveStatus, type Flag, rankEntries, teamStandings } from './competition.policy.js';
import type { CompetitionRow } from './competition.repository.js';
import { competitionFor } from './competition.service.js';

type EntryRow = {
  id: string;
  member_id: string;
  name: string;
  org_name: string;
  score: number;
  correct: number;
  answered: number;
  total_ms: number;
};

/** Standings (individual and team), the live board, anomaly flags and the member's own result. */
export function createCompetitionStandings(deps: { db: Db; play: CompetitionPlay; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  /** Everyone who started, ranked. */
  async function ranked(tx: DbOrTx, c: CompetitionRow) {
    const rows = await queryRows<EntryRow>(
      tx,
      sql`select e.id, e.member_id, m.name, o.name as org_name, e.score, e.correct, e.answered, e.total_ms
        from competition_entries e join members m on m.id = e.member_id join organizations o on o.id = e.org_id
        where e.competition_id = ${c.id} and e.started_at is not null`,
    );
    return rankEntries(rows.map((r) => ({ ...r, memberId: r.member_id, totalMs: r.total_ms })));
  }

  async function teams(tx: DbOrTx, c: CompetitionRow) {
    const rows = await queryRows<{ org_id: string; org_name: string; members: number; sum: number }>(
      tx,
      sql`select e.org_id, o.name as org_name, count(*)::int as members, coalesce(sum(e.score), 0)::int as sum
        from competition_entries e join organizations o on o.id = e.org_id
        where e.competition_id = ${c.id} and e.started_at is not null group by e.org_id, o.name`,
    );
    return teamStandings(
      rows.map((r) => ({ orgId: r.org_id, orgName: r.org_name, members: r.members, sum: r.sum })),
      c.teamAggregate === 'sum' ? 'sum' : 'average',
    );
  }

  async function flags(tx: DbOrTx, c: CompetitionRow): Promise<Map<string, Flag[]>> {
    const rows = await queryRows<{ entry_id: string; elapsed: number[]; answers: string[] }>(
      tx,
      sql`select a.entry_id, array_agg(a.elapsed_ms order by a.position) as elapsed,
          array_agg(coalesce(a.answer::text, '') order by a.position) as answers
        from competition_answers a join competition_entries e on e.id = a.entry_id
        where e.competition_id = ${c.id} and a.answered_at is not null group by a.entry_id`,
    );
    return anomalyFlags(
      rows.map((r) => ({ entryId: r.entry_id, elapsed: r.elapsed.map(Number), answers: r.answers })),
      { floorMs: c.anomalyFloorMs, minCount: c.anomalyMinCount },
    );
  }

  const questionCount = async (tx: DbOrTx, c: CompetitionRow) =>
    (
      await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from competition_questions where competition_id = ${c.id}`,
      )
    )[0]?.n ?? 0;

  async function results(actor: Actor, id: string): Promise<CompetitionResults> {
    const c = await competitionFor(actor, id, 'read', db);
    const all = await ranked(db, c);
    const flagged = await flags(db, c);
    return {
      id: c.id,
      title: c.title,
      status: effectiveStatus(c, now()),
      teamAggregate: c.teamAggregate === 'sum' ? 'sum' : 'average',
      individuals: all.map(
        (e): IndividualStanding => ({
          rank: e.rank,
          memberId: e.member_id,
          name: e.name,
          orgName: e.org_name,
          score: e.score,
          correct: e.correct,
          answered: e.answered,
          totalMs: e.total_ms,
          flags: flagged.get(e.id) ?? [],
        }),
      ),
      teams: await teams(db, c),
    };
  }

  return {
    results,

    /** The live board for the projector: progress, team standings, the individual top only when published. */
    async board(actor: Actor, id: string): Promise<CompetitionBoard> {
      const c = await competitionFor(actor, id, 'read', db);
      const total = await questionCount(db, c);
      const [counts] = await queryRows<{ joined: number; started: number; finished: number; answers: number }>(
        db,
        sql`select count(*)::int as joined, count(e.started_at)::int as started,
            count(*) filter (where e.answered >= ${total} and ${total} > 0)::int as finished,
            coalesce(sum(e.answered), 0)::int as answers
          from competition_entries e where e.competition_id = ${c.id}`,
      );
      const top = c.publishTopList ? (await ranked(db, c)).slice(0, c.topListSize) : [];
      return {
        id: c.id,
        title: c.title,
        status: effectiveStatus(c, now()),
        serverNow: now().toISOString(),
        startsAt: c.startsAt.toISOString(),
        endsAt: c.endsAt.toISOString(),
        questionCount: total,
        joined: counts?.joined ?? 0,
        started: counts?.started ?? 0,
        finished: counts?.finished ?? 0,
        answers: counts?.answers ?? 0,
        flagged: (await flags(db, c)).size,
        teams: c.standings === 'individual' ? [] : await teams(db, c),
        top: top.map((e) => ({
          rank: e.rank,
          memberId: e.member_id,
          name: e.name,
          orgName: e.org_name,
          score: e.score,
          correct: e.correct,
          answered: e.answered,
          totalMs: e.total_ms,
        })),
      };
    },

    /** The member's own result: own rank among starters, team aggregates, the top list only when published. */
    async mine(actor: Actor, id: string): Promise<MyResult> {
      const { member, c } = await deps.play.reach(actor, id);
      const all = await ranked(db, c);
      const me = all.find((e) => e.member_id === member.id);
      const [entry] = await queryRows<{ score: number; correct: number; answered: number }>(
        db,
        sql`select score, correct, answered from competition_entries where competition_id = ${c.id} and member_id = ${member.id}`,
      );
      const teamList = c.standings === 'individual' ? [] : await teams(db, c);
      return {
        id: c.id,
        title: c.title,
        status: effectiveStatus(c, now()),
        joined: !!entry,
        score: entry?.score ?? 0,
        correct: entry?.correct ?? 0,
        answered: entry?.answered ?? 0,
        questionCount: await questionCount(db, c),
        rank: me?.rank ?? null,
        participants: all.length,
        myTeam: teamList.find((t) => t.orgId === member.org_id) ?? null,
        teams: teamList,
        top:
          c.publishTopList && c.standings !== 'team'
            ? all
                .slice(0, c.topListSize)
                .map((e) => ({ rank: e.rank, name: e.name, orgName: e.org_name, score: e.score }))
            : [],
      };
    },
  };
}

export type CompetitionStandings = ReturnType<typeof createCompetitionStandings>;
