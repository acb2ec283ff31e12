import type { OrgDomain } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { queryRows } from '../rows.js';
import type { Random } from './random.js';
import type { SeedBranch } from './seed-members.js';

/** Who takes part in a branch's 组织生活 for the demo: members over time, party groups, committee core, venues. */

export type Person = {
  id: string;
  name: string;
  orgId: string | null;
  status: string;
  posts: string[];
  userId: string | null;
};
/** A member's time in one branch, [from, to). */
export type Stay = { person: Person; branchId: string; from: string; to: string | null };
type Spans = [string, string | null][];
export type BranchPeople = {
  branch: SeedBranch;
  stays: Stay[];
  groups: { id: string; name: string; path: string; members: Person[] }[];
  /** 支委会 attendees: the members holding posts, then a few others (committee seats are not linked to members). */
  core: Person[];
  host: string;
  recorder: string;
  secretaryUserId: string | null;
  /** The activity centers the branch may book, its nearest first. */
  venues: Venue[];
  room: string;
};
export type Venue = { id: string; name: string; latitude: number | null; longitude: number | null; path: string };

export const within = (s: { from: string; to: string | null }, date: string) =>
  s.from <= date && (!s.to || date < s.to);
const ORG_EVENTS = new Set(['joined', 'registered', 'transferred_in', 'moved']);
const EXIT_EVENTS = new Set(['transferred_out', 'left', 'died', 'qualification_cancelled']);

const HOME_VENUE: Record<OrgDomain, string[]> = {
  government: ['开发区'],
  community: ['社区'],
  village: ['嘎查'],
  private_enterprise: ['棋盘井工业园区', '蒙西工业园区'],
  state_enterprise: ['棋盘井工业园区', '蒙西工业园区'],
  social_organization: ['开发区'],
};

function roomOf(b: SeedBranch): string {
  if (b.type === 'temporary_branch') return `${b.name.replace(/临时党支部$/, '')}项目部会议室`;
  const base = b.name.replace(/党支部$/, '');
  if (b.domain === 'community') return `${base}党群服务站`;
  if (b.domain === 'village') return `${base}村委会会议室`;
  if (b.domain === 'government') return `${base}三楼会议室`;
  return `${base}党员活动室`;
}

/** Members with their time in each branch (from the events), party groups, committee cores and venues. */
export async function loadPeople(tx: Tx, rnd: Random, branches: SeedBranch[]) {
  const persons = await queryRows<Person>(
    tx,
    // By ID-number hash, not id: members recorded through the member service get random ids.
    sql`select id, name, org_id as "orgId", status, party_posts as posts, user_id as "userId" from members
      order by id_number_hash`,
  );
  const events = await queryRows<{ memberId: string; type: string; d: string; orgId: string | null }>(
    tx,
    sql`select e.member_id as "memberId", e.type, e.effective_date::text as d, e.org_id as "orgId"
      from member_events e join members m on m.id = e.member_id order by m.id_number_hash, e.effective_date, e.seq`,
  );
  const groups = await queryRows<{ id: string; parentId: string; name: string; path: string }>(
    tx,
    sql`select id, parent_id as "parentId", name, path from organizations where type = 'party_group'
      order by parent_id, sort_order, id`,
  );
  const secretaries = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, secretary_name as name from organizations where secretary_name is not null`,
  );
  const seats = await queryRows<{ orgId: string; name: string; position: string }>(
    tx,
    sql`select c.org_id as "orgId", s.name, s.position from committee_members s
      join committees c on c.id = s.committee_id where c.is_current order by c.org_id, s.sort_order`,
  );
  const venues = await queryRows<Venue>(
    tx,
    sql`select v.id, v.name, v.latitude, v.longitude, o.path from venues v
      join organizations o on o.id = v.owner_org_id order by v.name, v.id`,
  );

  const byId = new Map(persons.map((p) => [p.id, p]));
  const stays = new Map<string, Stay[]>();
  const away = new Map<string, { flowing: Spans; lost: Spans }>();
  // The stay each member is in now, while their events are read in order.
  const openStay = new Map<string, Stay>();
  const close = (memberId: string, d: string) => {
    const stay = openStay.get(memberId);
    if (stay) stay.to = d;
    openStay.delete(memberId);
  };
  for (const e of events) {
    const person = byId.get(e.memberId)!;
    const a = away.get(e.memberId) ?? { flowing: [], lost: [] };
    away.set(e.memberId, a);
    if (ORG_EVENTS.has(e.type) && e.orgId && openStay.get(e.memberId)?.branchId !== e.orgId) {
      close(e.memberId, e.d);
      const stay: Stay = { person, branchId: e.orgId, from: e.d, to: null };
      openStay.set(e.memberId, stay);
      stays.set(e.orgId, [...(stays.get(e.orgId) ?? []), stay]);
    } else if (EXIT_EVENTS.has(e.type)) close(e.memberId, e.d);
    else if (e.type === 'flow_out') a.flowing.push([e.d, null]);
    else if (e.type === 'flow_back' && a.flowing.length) a.flowing[a.flowing.length - 1]![1] = e.d;
    else if (e.type === 'lost') a.lost.push([e.d, null]);
    else if (e.type === 'found' && a.lost.length) a.lost[a.lost.length - 1]![1] = e.d;
  }
  const inSpans = (spans: Spans | undefined, date: string) => !!spans?.some(([from, to]) => within({ from, to }, date));
  const condition = (memberId: string, date: string): 'lost' | 'flowing' | null =>
    inSpans(away.get(memberId)?.lost, date) ? 'lost' : inSpans(away.get(memberId)?.flowing, date) ? 'flowing' : null;

  const secretaryOf = new Map(secretaries.map((s) => [s.id, s.name]));
  const byBranch = new Map<string, BranchPeople>();
  for (const b of branches) {
    const actives = persons.filter((p) => p.orgId === b.id && p.status === 'active');
    const shuffled = [...actives];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rnd.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const myGroups = groups
      .filter((g) => g.parentId === b.id)
      .map((g) => ({ id: g.id, name: g.name, path: g.path, members: [] as Person[] }));
    if (myGroups.length) for (const [i, p] of shuffled.entries()) myGroups[i % myGroups.length]!.members.push(p);
    const posted = actives
      .filter((p) => p.posts.length > 0)
      .sort((x, y) => Number(y.posts.includes('书记')) - Number(x.posts.includes('书记')));
    const size = Math.min(actives.length, rnd.int(3, 5));
    const core = [...posted, ...shuffled.filter((p) => !posted.includes(p))].slice(0, Math.max(size, posted.length));
    const mySeats = seats.filter((s) => s.orgId === b.id);
    const secretary = posted.find((p) => p.posts.includes('书记'));
    const host =
      secretary?.name ??
      secretaryOf.get(b.id) ??
      mySeats.find((s) => s.position === 'secretary')?.name ??
      core[0]?.name ??
      '支部书记';
    const recorder =
      posted.find((p) => p.posts.includes('组织委员'))?.name ??
      mySeats.find((s) => s.position === 'organization')?.name ??
      core[1]?.name ??
      host;
    const eligible = venues.filter((v) => b.path.startsWith(v.path));
    const own = eligible.filter((v) => v.path === b.path);
    const preferred = eligible.filter((v) => HOME_VENUE[b.domain].some((k) => v.name.startsWith(k)));
    const pool = own.length ? own : preferred.length ? preferred : eligible;
    const home = pool.length ? rnd.pick(pool) : null;
    byBranch.set(b.id, {
      branch: b,
      stays: stays.get(b.id) ?? [],
      groups: myGroups,
      core,
      host,
      recorder,
      secretaryUserId: secretary?.userId ?? null,
      venues: home ? [home, ...eligible.filter((v) => v !== home)] : [],
      room: roomOf(b),
    });
  }
  return { byBranch, condition };
}
