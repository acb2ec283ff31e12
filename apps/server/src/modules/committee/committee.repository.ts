import { ELECTING_TYPES } from '@red-engine/shared';
import { and, asc, desc, eq, inArray, max, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { committeeMembers, committees, members, organizations, termRules } from '../../db/schema/index.js';

export type CommitteeRow = typeof committees.$inferSelect;
export type NewCommitteeRow = typeof committees.$inferInsert;
export type CommitteeMemberRow = typeof committeeMembers.$inferSelect;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function orgPathIn(roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((r) => sql`${organizations.path} like ${`${escapeLike(r)}%`}`))!;
}

export function createCommitteeRepository(db: DbOrTx) {
  return {
    async rules(tx: DbOrTx = db) {
      return tx.select().from(termRules).orderBy(asc(termRules.effectiveFrom), asc(termRules.id));
    },

    /** A committee whose organization lies in the subtrees, with that organization. */
    async findInScope(roots: readonly string[], id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ committee: committees, org: organizations })
        .from(committees)
        .innerJoin(organizations, eq(organizations.id, committees.orgId))
        .where(and(eq(committees.id, id), orgPathIn(roots)));
      return row;
    },

    async listOfOrg(orgId: string, tx: DbOrTx = db) {
      return tx.select().from(committees).where(eq(committees.orgId, orgId)).orderBy(desc(committees.termNumber));
    },

    async currentOf(orgId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(committees)
        .where(and(eq(committees.orgId, orgId), eq(committees.isCurrent, true)))
        .for('update');
      return row;
    },

    async lastTermNumber(orgId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ n: max(committees.termNumber) })
        .from(committees)
        .where(eq(committees.orgId, orgId));
      return row?.n ?? 0;
    },

    async membersOf(committeeIds: string[], tx: DbOrTx = db) {
      const map = new Map<string, CommitteeMemberRow[]>();
      if (committeeIds.length === 0) return map;
      const rows = await tx
        .select()
        .from(committeeMembers)
        .where(inArray(committeeMembers.committeeId, committeeIds))
        .orderBy(asc(committeeMembers.sortOrder), asc(committeeMembers.id));
      for (const r of rows) map.set(r.committeeId, [...(map.get(r.committeeId) ?? []), r]);
      return map;
    },

    /** A party member inside the organization's subtree, for a committee seat. */
    async memberInSubtree(memberId: string, orgPath: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ id: members.id, name: members.name })
        .from(members)
        .where(and(eq(members.id, memberId), sql`${members.orgPath} like ${`${escapeLike(orgPath)}%`}`));
      return row;
    },

    /** Current terms of active electing organizations in scope that expire on or before `horizon`. */
    async expiringBy(roots: readonly string[], horizon: string, withinOrgId?: string) {
      const parts: (SQL | undefined)[] = [
        orgPathIn(roots),
        eq(committees.isCurrent, true),
        eq(organizations.status, 'active'),
        inArray(organizations.type, [...ELECTING_TYPES]),
        sql`${committees.expiresOn} <= ${horizon}`,
      ];
      if (withinOrgId)
        parts.push(
          sql`${organizations.path} like (select w.path from ${organizations} w where w.id = ${withinOrgId}) || '%'`,
        );
      return db
        .select({ committee: committees, org: organizations })
        .from(committees)
        .innerJoin(organizations, eq(organizations.id, committees.orgId))
        .where(and(...parts))
        .orderBy(asc(committees.expiresOn), asc(organizations.path));
    },

    async insert(row: NewCommitteeRow, tx: DbOrTx = db) {
      const [created] = await tx.insert(committees).values(row).returning();
      return created!;
    },

    async update(id: string, patch: Partial<NewCommitteeRow>, tx: DbOrTx = db) {
      const [row] = await tx
        .update(committees)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(committees.id, id))
        .returning();
      return row!;
    },

    async replaceMembers(
      committeeId: string,
      seats: { memberId: string | null; name: string; position: string }[],
      tx: DbOrTx = db,
    ) {
      await tx.delete(committeeMembers).where(eq(committeeMembers.committeeId, committeeId));
      if (seats.length)
        await tx
          .insert(committeeMembers)
          .values(seats.map((s, i) => ({ id: crypto.randomUUID(), committeeId, ...s, sortOrder: i + 1 })));
    },
  };
}
export type CommitteeRepository = ReturnType<typeof createCommitteeRepository>;
