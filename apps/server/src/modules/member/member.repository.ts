import { AGE_BANDS, type ListMembersQuery } from '@red-engine/shared';
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { memberEvents, members, organizations } from '../../db/schema/index.js';

export type MemberRow = typeof members.$inferSelect;
export type NewMemberRow = typeof members.$inferInsert;
export type EventRow = typeof memberEvents.$inferSelect;
export type NewEventRow = typeof memberEvents.$inferInsert;

export type MemberSortField = 'name' | 'joinDate' | 'birthDate' | 'updatedAt';

/** One member's lifecycle as it stood on a date, as the list and stats queries return it. */
export type StateRow = {
  member_id: string;
  org_id: string | null;
  org_path: string | null;
  category: string | null;
  status: string;
  party_status: string;
  lost_contact: boolean;
  lost_since: string | null;
  flowing: boolean;
  flow_destination: string | null;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `column like 'root%'` for any of the subtree roots; no roots, no rows. */
function within(column: SQL, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((r) => sql`${column} like ${`${escapeLike(r)}%`}`))!;
}

const subtreeOf = (column: SQL, orgId: string) =>
  sql`${column} like (select o2.path from organizations o2 where o2.id = ${orgId}) || '%'`;

const ORG_EVENTS = sql.raw(`('joined', 'registered', 'transferred_in', 'moved')`);
const STATUS_EVENTS = sql.raw(
  `('joined', 'registered', 'transferred_in', 'qualification_cancelled', 'transferred_out', 'left', 'died')`,
);
const LATEST = sql.raw('order by e.effective_date desc, e.seq desc');

/**
 * Today's state: the cache columns, scope first on the member's own path.
 * As of a date: the fold of each member's events up to that date, done in SQL with "latest event of each kind"
 * aggregates that mirror `applyMemberEvent`; scope is taken on the path of the branch the member was in then,
 * and only members who ever had an event in the scope are folded at all.
 */
function stateSource(roots: readonly string[], asOf: string | undefined, orgId: string | undefined): SQL {
  if (!asOf) {
    return sql`select m.id as member_id, m.org_id, m.org_path, m.category, m.status, m.party_status, m.lost_contact,
        m.lost_since::text as lost_since, m.flowing, m.flow_destination
      from members m
      where (${within(sql`m.org_path`, roots)}) ${orgId ? sql`and ${subtreeOf(sql`m.org_path`, orgId)}` : sql``}`;
  }
  const reachable = sql`select x.member_id from member_events x where x.org_id in
    (select o1.id from organizations o1 where (${within(sql`o1.path`, roots)})
      ${orgId ? sql`and ${subtreeOf(sql`o1.path`, orgId)}` : sql``})`;
  return sql`select f.member_id, f.org_id, o.path as org_path,
        coalesce(f.category, 'full') as category,
        case f.status_event
          when 'transferred_out' then 'transferred_out'
          when 'qualification_cancelled' then 'removed'
          when 'left' then 'removed'
          when 'died' then 'deceased'
          else 'active' end as status,
        case when f.party_event = 'suspended' then 'suspended' else 'normal' end as party_status,
        coalesce(f.lost_event = 'lost', false) as lost_contact,
        case when f.lost_event = 'lost' then f.lost_date::text end as lost_since,
        coalesce(f.flow_event = 'flow_out', false) as flowing,
        case when f.flow_event = 'flow_out' then f.flow_destination end as flow_destination
      from (
        select e.member_id,
          (array_agg(e.org_id ${LATEST}) filter (where e.type in ${ORG_EVENTS}))[1] as org_id,
          (array_agg(e.type ${LATEST}) filter (where e.type in ${STATUS_EVENTS}))[1] as status_event,
          (array_agg(case when e.type = 'joined' then 'probationary' when e.type = 'converted' then 'full'
              else e.details->>'category' end ${LATEST})
            filter (where e.type in ('joined', 'converted')
              or (e.type in ('registered', 'transferred_in') and e.details->>'category' is not null)))[1] as category,
          (array_agg(e.type ${LATEST}) filter (where e.type in ('suspended', 'restored')))[1] as party_event,
          (array_agg(e.type ${LATEST}) filter (where e.type in ('lost', 'found')))[1] as lost_event,
          (array_agg(e.effective_date ${LATEST}) filter (where e.type in ('lost', 'found')))[1] as lost_date,
          (array_agg(e.type ${LATEST}) filter (where e.type in ('flow_out', 'flow_back')))[1] as flow_event,
          (array_agg(e.details->>'destination' ${LATEST}) filter (where e.type in ('flow_out', 'flow_back')))[1]
            as flow_destination
        from member_events e
        where e.effective_date <= ${asOf}::date and e.member_id in (${reachable})
        group by e.member_id
      ) f
      join organizations o on o.id = f.org_id`;
}

/** Filters on the state (`s`) and on the member's own fields (`m`); scope is applied again on the state's path. */
function listWhere(roots: readonly string[], q: ListMembersQuery): SQL {
  const parts: SQL[] = [within(sql`s.org_path`, roots), sql`s.status = ${q.status ?? 'active'}`];
  if (q.orgId) parts.push(subtreeOf(sql`s.org_path`, q.orgId));
  if (q.category) parts.push(sql`s.category = ${q.category}`);
  if (q.partyStatus) parts.push(sql`s.party_status = ${q.partyStatus}`);
  if (q.lostContact) parts.push(sql`s.lost_contact = ${q.lostContact === 'true'}`);
  if (q.flowing) parts.push(sql`s.flowing = ${q.flowing === 'true'}`);
  if (q.gender) parts.push(sql`m.gender = ${q.gender}`);
  if (q.ethnicity) parts.push(sql`m.ethnicity = ${q.ethnicity}`);
  if (q.education) parts.push(sql`m.education = ${q.education}`);
  if (q.tag) parts.push(sql`m.tags @> ${JSON.stringify([q.tag])}::jsonb`);
  if (q.keyword) parts.push(keywordWhere(q.keyword));
  return and(...parts)!;
}

/** Name substring; pinyin initials or full pinyin prefix (zs, zhang → 张三); last four of the ID number or phone. */
export function keywordWhere(raw: string): SQL {
  const k = raw.trim();
  if (/^\d{3}[\dXx]$/.test(k)) {
    const tail = k.toUpperCase();
    return /^\d{4}$/.test(k) ? sql`(m.id_tail = ${tail} or m.phone_tail = ${tail})` : sql`m.id_tail = ${tail}`;
  }
  if (/^[A-Za-z]+$/.test(k)) {
    const prefix = `${k.toLowerCase()}%`;
    return sql`(m.name_initials like ${prefix} or m.name_pinyin like ${prefix})`;
  }
  const like = `%${escapeLike(k)}%`;
  return sql`(m.name like ${like} or m.name_mongolian like ${like})`;
}

function orderBy(sort?: { field: MemberSortField; order: 'ascend' | 'descend' }): SQL {
  const dir = sql.raw(sort?.order === 'descend' ? 'desc' : 'asc');
  switch (sort?.field) {
    case 'joinDate':
      return sql`m.join_date ${dir} nulls last, m.name_pinyin, m.id`;
    case 'birthDate':
      return sql`m.birth_date ${dir}, m.name_pinyin, m.id`;
    case 'updatedAt':
      return sql`m.updated_at ${dir}, m.id`;
    default:
      // Pinyin order is what users expect of Chinese names (张 after 王), not code-point order.
      return sql`m.name_pinyin ${dir}, m.name ${dir}, m.id`;
  }
}

const ageBandCase = (asOf: string) => {
  const age = sql`extract(year from age(${asOf}::date, m.birth_date))::int`;
  return sql`case when ${age} <= 30 then ${AGE_BANDS[0]} when ${age} <= 35 then ${AGE_BANDS[1]}
    when ${age} <= 40 then ${AGE_BANDS[2]} when ${age} <= 45 then ${AGE_BANDS[3]}
    when ${age} <= 50 then ${AGE_BANDS[4]} when ${age} <= 55 then ${AGE_BANDS[5]}
    when ${age} <= 60 then ${AGE_BANDS[6]} else ${AGE_BANDS[7]} end`;
};

export function createMemberRepository(db: DbOrTx) {
  return {
    async findInScope(roots: readonly string[], id: string, tx: DbOrTx = db, opts: { lock?: boolean } = {}) {
      const query = tx
        .select()
        .from(members)
        .where(and(eq(members.id, id), within(sql`${members.orgPath}`, roots)));
      const [row] = opts.lock ? await query.for('update') : await query;
      return row;
    },

    /** One member by id, locked for the rest of the transaction; no scope — for callers that decided access already. */
    async lockById(id: string, tx: DbOrTx) {
      const [row] = await tx.select().from(members).where(eq(members.id, id)).for('update');
      return row;
    },

    async findByUser(userId: string) {
      const [row] = await db.select().from(members).where(eq(members.userId, userId));
      return row;
    },

    async findByIdNumberHash(hash: string, tx: DbOrTx = db) {
      const [row] = await tx.select({ id: members.id }).from(members).where(eq(members.idNumberHash, hash));
      return row;
    },

    async findByIds(ids: readonly string[], tx: DbOrTx = db) {
      if (ids.length === 0) return [];
      return tx
        .select()
        .from(members)
        .where(inArray(members.id, [...ids]));
    },

    async orgsByIds(ids: readonly (string | null)[], tx: DbOrTx = db) {
      const wanted = [...new Set(ids.filter((x): x is string => !!x))];
      if (wanted.length === 0) return new Map<string, { id: string; name: string; path: string; type: string }>();
      const rows = await tx
        .select({ id: organizations.id, name: organizations.name, path: organizations.path, type: organizations.type })
        .from(organizations)
        .where(inArray(organizations.id, wanted));
      return new Map(rows.map((r) => [r.id, r]));
    },

    async findOrgInScope(roots: readonly string[], id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ id: organizations.id, name: organizations.name, path: organizations.path, type: organizations.type })
        .from(organizations)
        .where(and(eq(organizations.id, id), within(sql`${organizations.path}`, roots)));
      return row;
    },

    async insert(row: NewMemberRow, tx: DbOrTx = db) {
      const [created] = await tx.insert(members).values(row).returning();
      return created!;
    },

    async update(id: string, patch: Partial<NewMemberRow>, tx: DbOrTx = db) {
      const [row] = await tx
        .update(members)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(members.id, id))
        .returning();
      return row!;
    },

    async events(memberId: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(memberEvents)
        .where(eq(memberEvents.memberId, memberId))
        .orderBy(asc(memberEvents.effectiveDate), asc(memberEvents.seq));
    },

    async insertEvents(rows: NewEventRow[], tx: DbOrTx = db) {
      return tx.insert(memberEvents).values(rows).returning();
    },

    /** One page of ids with their state (today's or as of a date), and the total. */
    async list(
      roots: readonly string[],
      q: ListMembersQuery,
      sort?: { field: MemberSortField; order: 'ascend' | 'descend' },
    ) {
      const source = stateSource(roots, q.asOf, q.orgId);
      const where = listWhere(roots, q);
      const from = sql`from (${source}) s join members m on m.id = s.member_id where ${where}`;
      const [rows, totals] = await Promise.all([
        queryRows<StateRow>(
          db,
          sql`select s.* ${from} order by ${orderBy(sort)} limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`,
        ),
        queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from}`),
      ]);
      return { rows, total: Number(totals[0]?.n ?? 0) };
    },

    /**
     * One batch of the members the list would show (same state, scope and filters), in branch then pinyin order,
     * after a keyset position: exports read a whole scope this way without offsets.
     */
    async exportBatch(
      roots: readonly string[],
      q: Omit<ListMembersQuery, 'current' | 'pageSize' | 'sorter'>,
      after: { orgPath: string; namePinyin: string; id: string } | null,
      limit: number,
    ) {
      const source = stateSource(roots, q.asOf, q.orgId);
      const where = listWhere(roots, q as ListMembersQuery);
      const keyset = after
        ? sql`and (coalesce(s.org_path, ''), m.name_pinyin, m.id) > (${after.orgPath}, ${after.namePinyin}, ${after.id}::uuid)`
        : sql``;
      return queryRows<StateRow & { name_pinyin: string }>(
        db,
        sql`select s.*, m.name_pinyin from (${source}) s join members m on m.id = s.member_id where ${where} ${keyset}
          order by coalesce(s.org_path, ''), m.name_pinyin, m.id limit ${limit}`,
      );
    },

    /** Counts of the active members in scope (and under `orgId`) as of a date, by each statistics dimension. */
    async stats(roots: readonly string[], q: { orgId?: string | undefined }, asOf: string, historical: boolean) {
      const source = stateSource(roots, historical ? asOf : undefined, q.orgId);
      const scoped = and(
        within(sql`s.org_path`, roots),
        sql`s.status = 'active'`,
        q.orgId ? subtreeOf(sql`s.org_path`, q.orgId) : undefined,
      );
      const dims: [string, SQL][] = [
        ['category', sql`category`],
        ['gender', sql`gender`],
        ['education', sql`education`],
        ['ethnicity', sql`ethnicity`],
        ['jobCategory', sql`job_category`],
        ['ageBand', sql`age_band`],
      ];
      const grouped = dims.map(
        ([dim, col]) => sql`select ${dim}::text as dim, ${col}::text as key, count(*)::int as n from b group by ${col}`,
      );
      return queryRows<{ dim: string; key: string | null; n: number }>(
        db,
        sql`with b as (
            select s.category, m.gender, m.education, m.ethnicity, m.job_category, s.lost_contact, s.flowing,
              ${ageBandCase(asOf)} as age_band
            from (${source}) s join members m on m.id = s.member_id
            where ${scoped}
          )
          ${sql.join(grouped, sql` union all `)}
          union all select 'total', null, count(*)::int from b
          union all select 'lostContact', null, (count(*) filter (where lost_contact))::int from b
          union all select 'flowing', null, (count(*) filter (where flowing))::int from b`,
      );
    },
  };
}
export type MemberRepository = ReturnType<typeof createMemberRepository>;
