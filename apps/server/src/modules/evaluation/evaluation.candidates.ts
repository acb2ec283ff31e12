import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { fieldError } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { escapeLike } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { evaluationSubjects } from '../../db/schema/index.js';
import { nested } from './evaluation.policy.js';

type OrgRow = { id: string; path: string; type: string; status: string; name: string };
type NewSubject = typeof evaluationSubjects.$inferInsert;

const BRANCH_TYPES = new Set(['branch', 'joint_branch', 'temporary_branch']);
export const isBranchType = (type: string) => BRANCH_TYPES.has(type);

const list = (ids: readonly string[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

/**
 * 述职评议 subjects: the secretary of each reporting organization (default: the organizing one's direct children,
 * party groups excluded). The secretary is the current 班子's seat `secretary` (else the organization's recorded
 * secretary name); a seat without a member link is matched to the one active member of that name in the subtree.
 */
export async function secretarySubjects(
  tx: DbOrTx,
  campaignId: string,
  org: OrgRow,
  subjectOrgIds: readonly string[] | undefined,
): Promise<NewSubject[]> {
  let orgs: OrgRow[];
  if (subjectOrgIds) {
    const ids = [...new Set(subjectOrgIds)];
    orgs = ids.length
      ? await queryRows<OrgRow>(
          tx,
          sql`select id, path, type, status, name from organizations where id in (${list(ids)})`,
        )
      : [];
    for (const id of ids) {
      const o = orgs.find((x) => x.id === id);
      const inside = o?.path.startsWith(org.path) && o.id !== org.id;
      if (!o || !inside || o.type === 'party_group' || o.status !== 'active')
        throw fieldError('body.subjectOrgIds', MESSAGES.evaluationSubjectOrgInvalid);
    }
    if (nested(orgs.map((o) => o.path))) throw fieldError('body.subjectOrgIds', MESSAGES.evaluationSubjectOrgNested);
  } else {
    orgs = await queryRows<OrgRow>(
      tx,
      sql`select id, path, type, status, name from organizations
        where parent_id = ${org.id} and type <> 'party_group' and status = 'active'`,
    );
  }
  if (orgs.length === 0) return [];
  const seats = await queryRows<{
    id: string;
    path: string;
    sort: number;
    name: string | null;
    member_id: string | null;
  }>(
    tx,
    sql`select o.id, o.path, o.sort_order as sort, coalesce(seat.name, o.secretary_name) as name, seat.member_id
      from organizations o left join lateral (select s.name, s.member_id from committee_members s
        join committees c on c.id = s.committee_id
        where c.org_id = o.id and c.is_current and s.position = 'secretary' order by s.sort_order limit 1) seat on true
      where o.id in (${list(orgs.map((o) => o.id))}) order by o.sort_order, o.name`,
  );
  const names = [...new Set(seats.filter((s) => s.name && !s.member_id).map((s) => s.name!))];
  const people = names.length
    ? await queryRows<{ id: string; name: string; org_path: string }>(
        tx,
        sql`select id, name, org_path from members where status = 'active' and name in (${list(names)})`,
      )
    : [];
  return seats
    .filter((s) => s.name)
    .map((s, i) => {
      const match = people.filter((p) => p.name === s.name && p.org_path?.startsWith(s.path));
      return {
        id: randomUUID(),
        campaignId,
        orgId: s.id,
        orgPath: s.path,
        memberId: s.member_id ?? (match.length === 1 ? match[0]!.id : null),
        name: s.name!,
        position: 'secretary',
        category: null,
        graded: true,
        sortOrder: i + 1,
      };
    });
}

/**
 * 民主评议 subjects: the branch's active members (those lost contact cannot take part); probationary members take
 * part without a grade.
 */
export async function memberSubjects(tx: DbOrTx, campaignId: string, org: OrgRow): Promise<NewSubject[]> {
  const rows = await queryRows<{ id: string; name: string; org_id: string; org_path: string; category: string }>(
    tx,
    sql`select id, name, org_id, org_path, category from members
      where org_path like ${`${escapeLike(org.path)}%`} and status = 'active' and not lost_contact
        and category is not null and org_id is not null
      order by name_pinyin, name, id`,
  );
  return rows.map((m, i) => ({
    id: randomUUID(),
    campaignId,
    orgId: m.org_id,
    orgPath: m.org_path,
    memberId: m.id,
    name: m.name,
    position: null,
    category: m.category,
    graded: m.category === 'full',
    sortOrder: i + 1,
  }));
}

/**
 * The roll, fixed when voting opens. 述职评议: each reporting organization's members on their own secretary (not the
 * secretary on themselves), the superior 班子's members and named representatives on everyone. 民主评议: the branch's
 * full members (probationary ones too when the campaign allows) on every graded member. Returns how many.
 */
export async function materializeRoll(
  tx: DbOrTx,
  c: {
    id: string;
    kind: string;
    orgId: string;
    settings: {
      voters?: { branchMembers: boolean; superiorCommittee: boolean; representativeIds: string[] };
      probationaryVote?: boolean;
    };
  },
): Promise<number> {
  const categories = c.settings.probationaryVote ? sql`('full', 'probationary')` : sql`('full')`;
  const eligible = sql`m.status = 'active' and not m.lost_contact and m.org_id is not null and m.category in ${categories}`;
  if (c.kind === 'member_evaluation') {
    await tx.execute(sql`insert into evaluation_voters (campaign_id, member_id, org_id, org_path, subject_id, source)
      select ${c.id}, m.id, m.org_id, m.org_path, null, 'member' from evaluation_subjects s join members m on m.id = s.member_id
      where s.campaign_id = ${c.id} and ${eligible} on conflict do nothing`);
  } else {
    const v = c.settings.voters ?? { branchMembers: true, superiorCommittee: false, representativeIds: [] };
    if (v.branchMembers)
      await tx.execute(sql`insert into evaluation_voters (campaign_id, member_id, org_id, org_path, subject_id, source)
        select ${c.id}, m.id, m.org_id, m.org_path, s.id, 'branch' from evaluation_subjects s
        join members m on m.org_path like s.org_path || '%'
        where s.campaign_id = ${c.id} and ${eligible} and m.id is distinct from s.member_id
        on conflict do nothing`);
    const everyone = sql`on conflict (campaign_id, member_id) do update set subject_id = null, source = excluded.source`;
    if (v.superiorCommittee)
      await tx.execute(sql`insert into evaluation_voters (campaign_id, member_id, org_id, org_path, subject_id, source)
        select distinct on (m.id) ${c.id}, m.id, m.org_id, m.org_path, null::uuid, 'committee'
        from committee_members cm join committees cc on cc.id = cm.committee_id join members m on m.id = cm.member_id
        where cc.org_id = ${c.orgId} and cc.is_current and ${eligible} ${everyone}`);
    if (v.representativeIds.length)
      await tx.execute(sql`insert into evaluation_voters (campaign_id, member_id, org_id, org_path, subject_id, source)
        select ${c.id}, m.id, m.org_id, m.org_path, null::uuid, 'representative' from members m
        where m.id in (${list(v.representativeIds)}) and m.status = 'active' and m.org_id is not null ${everyone}`);
  }
  const [n] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from evaluation_voters where campaign_id = ${c.id}`,
  );
  return n?.n ?? 0;
}
