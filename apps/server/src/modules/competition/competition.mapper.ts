import type { Competition } from '@red-engine/shared';
import { effectiveStatus } from './competition.policy.js';

export type ListRow = {
  id: string;
  org_id: string;
  org_name: string;
  title: string;
  status: string;
  starts_at: Date | string;
  ends_at: Date | string;
  question_seconds: number;
  standings: string;
  team_aggregate: string;
  publish_top_list: boolean;
  question_count: number;
  participants: number;
};

const iso = (d: Date | string) => new Date(d).toISOString();

/** The list row of a competition, with its status as the server clock has it now. */
export function toCompetitionDto(r: ListRow, now: Date): Competition {
  const startsAt = new Date(r.starts_at);
  const endsAt = new Date(r.ends_at);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    title: r.title,
    status: effectiveStatus({ status: r.status, startsAt, endsAt }, now),
    startsAt: iso(startsAt),
    endsAt: iso(endsAt),
    questionSeconds: r.question_seconds,
    questionCount: r.question_count,
    standings: r.standings as Competition['standings'],
    teamAggregate: r.team_aggregate as Competition['teamAggregate'],
    publishTopList: r.publish_top_list,
    participants: r.participants,
  };
}
