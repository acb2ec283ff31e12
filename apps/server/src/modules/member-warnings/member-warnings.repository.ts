import { or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { WarningSource } from './member-warnings.policy.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function within(column: SQL, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((r) => sql`${column} like ${`${escapeLike(r)}%`}`))!;
}

export function createMemberWarningsRepository(db: DbOrTx) {
  return {
    /**
     * Active members in scope who are lost or flowing, with the date of their current flow-out from the events
     * (the lost-since date is already folded into the cache from the events).
     */
    async sources(roots: readonly string[], q: { orgId?: string | undefined; kind?: 'lost' | 'flowing' | undefined }) {
      const kind =
        q.kind === 'lost'
          ? sql`m.lost_contact`
          : q.kind === 'flowing'
            ? sql`m.flowing`
            : sql`(m.lost_contact or m.flowing)`;
      return queryRows<WarningSource>(
        db,
        sql`select m.id, m.name, m.org_id, o.name as org_name, m.party_status, m.lost_contact,
            m.lost_since::text as lost_since, m.flowing, m.flow_destination,
            (select max(e.effective_date)::text from member_events e
              where e.member_id = m.id and e.type = 'flow_out') as flow_since
          from members m left join organizations o on o.id = m.org_id
          where m.status = 'active' and ${kind} and (${within(sql`m.org_path`, roots)})
            ${q.orgId ? sql`and m.org_path like (select o2.path from organizations o2 where o2.id = ${q.orgId}) || '%'` : sql``}
          order by m.name_pinyin, m.id`,
      );
    },
  };
}
