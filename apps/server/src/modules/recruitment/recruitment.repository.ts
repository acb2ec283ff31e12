import {
  DEFAULT_RECRUITMENT_RULES,
  type ListRecruitmentCasesQuery,
  RECRUITMENT_RULE_KEYS,
  type RecruitmentRules,
  type WorkingCalendar,
} from '@red-engine/shared';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import {
  members,
  organizations,
  recruitmentCases,
  recruitmentMaterials,
  recruitmentSteps,
  ruleSettings,
  workingCalendar,
} from '../../db/schema/index.js';

export type CaseRow = typeof recruitmentCases.$inferSelect;
export type NewCaseRow = typeof recruitmentCases.$inferInsert;
export type StepRow = typeof recruitmentSteps.$inferSelect;
export type NewStepRow = typeof recruitmentSteps.$inferInsert;
export type MaterialRow = typeof recruitmentMaterials.$inferSelect;
export type CaseSortField = 'appliedOn' | 'nextDueOn' | 'updatedAt' | 'name';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `column like 'root%'` for any of the subtree roots; no roots, no rows. */
function within(column: SQL | typeof organizations.path, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((r) => sql`${column} like ${`${escapeLike(r)}%`}`))!;
}

const subtreeOf = (orgId: string) =>
  sql`${organizations.path} like (select o2.path from organizations o2 where o2.id = ${orgId}) || '%'`;

/** A case is visible when its branch lies in one of the roots (scope on the branch's current path). */
const caseColumns = { c: recruitmentCases, orgName: organizations.name, orgPath: organizations.path };

export function createRecruitmentRepository(db: DbOrTx) {
  function filters(
    roots: readonly string[],
    q: Partial<ListRecruitmentCasesQuery>,
    due: { today: string; soon: string },
  ) {
    const parts: (SQL | undefined)[] = [within(organizations.path, roots)];
    parts.push(eq(recruitmentCases.status, q.status ?? 'active'));
    if (q.orgId) parts.push(subtreeOf(q.orgId));
    if (q.stage) parts.push(eq(recruitmentCases.stage, q.stage));
    if (q.step) parts.push(eq(recruitmentCases.currentStep, q.step));
    if (q.due === 'overdue') parts.push(sql`${recruitmentCases.nextDueOn} < ${due.today}::date`);
    if (q.due === 'soon')
      parts.push(sql`${recruitmentCases.nextDueOn} between ${due.today}::date and ${due.soon}::date`);
    if (q.due === 'any') parts.push(sql`${recruitmentCases.nextDueOn} <= ${due.soon}::date`);
    if (q.keyword) {
      const kw = q.keyword.toLowerCase();
      const like = `%${escapeLike(q.keyword)}%`;
      parts.push(
        or(
          sql`${recruitmentCases.name} like ${like}`,
          sql`${recruitmentCases.nameInitials} like ${`${escapeLike(kw)}%`}`,
          sql`${recruitmentCases.namePinyin} like ${`${escapeLike(kw)}%`}`,
          eq(recruitmentCases.idTail, q.keyword.toUpperCase()),
        ),
      );
    }
    return and(...parts);
  }

  return {
    async rules(tx: DbOrTx = db): Promise<RecruitmentRules> {
      const rows = await tx
        .select()
        .from(ruleSettings)
        .where(inArray(ruleSettings.key, Object.values(RECRUITMENT_RULE_KEYS)));
      const byKey = new Map(rows.map((r) => [r.key, r.value]));
      return Object.fromEntries(
        Object.entries(RECRUITMENT_RULE_KEYS).map(([name, key]) => [
          name,
          byKey.get(key) ?? DEFAULT_RECRUITMENT_RULES[name as keyof RecruitmentRules],
        ]),
      ) as RecruitmentRules;
    },

    async calendar(tx: DbOrTx = db): Promise<WorkingCalendar> {
      const rows = await tx.select().from(workingCalendar);
      return {
        holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
        workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
      };
    },

    async findVisible(roots: readonly string[], id: string, tx: DbOrTx = db, opts: { lock?: boolean } = {}) {
      const query = tx
        .select(caseColumns)
        .from(recruitmentCases)
        .innerJoin(organizations, eq(organizations.id, recruitmentCases.orgId))
        .where(and(eq(recruitmentCases.id, id), within(organizations.path, roots)));
      const [row] = opts.lock ? await query.for('update', { of: recruitmentCases }) : await query;
      return row;
    },

    async list(
      roots: readonly string[],
      q: ListRecruitmentCasesQuery,
      sort: { field: CaseSortField; order: 'ascend' | 'descend' } | undefined,
      due: { today: string; soon: string },
    ) {
      const where = filters(roots, q, due);
      const dir = sort?.order === 'descend' ? desc : asc;
      const column = {
        appliedOn: recruitmentCases.appliedOn,
        nextDueOn: recruitmentCases.nextDueOn,
        updatedAt: recruitmentCases.updatedAt,
        name: recruitmentCases.namePinyin,
      };
      const orderBy = sort
        ? [dir(column[sort.field]), asc(recruitmentCases.id)]
        : q.due
          ? [sql`${recruitmentCases.nextDueOn} asc nulls last`, asc(recruitmentCases.id)]
          : [desc(recruitmentCases.updatedAt), asc(recruitmentCases.id)];
      const [rows, [total]] = await Promise.all([
        db
          .select(caseColumns)
          .from(recruitmentCases)
          .innerJoin(organizations, eq(organizations.id, recruitmentCases.orgId))
          .where(where)
          .orderBy(...orderBy)
          .limit(q.pageSize)
          .offset((q.current - 1) * q.pageSize),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(recruitmentCases)
          .innerJoin(organizations, eq(organizations.id, recruitmentCases.orgId))
          .where(where),
      ]);
      return { rows, total: Number(total?.n ?? 0) };
    },

    /** Open cases by stage with their overdue and due-soon counts; closed ones of the year. */
    async board(roots: readonly string[], orgId: string | undefined, due: { today: string; soon: string }) {
      const scope = and(within(organizations.path, roots), orgId ? subtreeOf(orgId) : undefined);
      const yearStart = `${due.today.slice(0, 4)}-01-01`;
      const [stages, closed] = await Promise.all([
        db
          .select({
            stage: recruitmentCases.stage,
            active: sql<number>`count(*)::int`,
            overdue: sql<number>`count(*) filter (where ${recruitmentCases.nextDueOn} < ${due.today}::date)::int`,
            soon: sql<number>`count(*) filter (where ${recruitmentCases.nextDueOn} between ${due.today}::date and ${due.soon}::date)::int`,
          })
          .from(recruitmentCases)
          .innerJoin(organizations, eq(organizations.id, recruitmentCases.orgId))
          .where(and(scope, eq(recruitmentCases.status, 'active')))
          .groupBy(recruitmentCases.stage),
        db
          .select({ status: recruitmentCases.status, n: sql<number>`count(*)::int` })
          .from(recruitmentCases)
          .innerJoin(organizations, eq(organizations.id, recruitmentCases.orgId))
          .where(and(scope, sql`${recruitmentCases.closedOn} >= ${yearStart}::date`))
          .groupBy(recruitmentCases.status),
      ]);
      return { stages, closed };
    },

    async steps(caseId: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(recruitmentSteps)
        .where(eq(recruitmentSteps.caseId, caseId))
        .orderBy(asc(recruitmentSteps.stepNo));
    },

    /** Override counts of several cases (for list rows). */
    async overrideCounts(caseIds: readonly string[]) {
      if (caseIds.length === 0) return new Map<string, number>();
      const rows = await db
        .select({ caseId: recruitmentSteps.caseId, n: sql<number>`count(*)::int` })
        .from(recruitmentSteps)
        .where(and(inArray(recruitmentSteps.caseId, [...caseIds]), sql`${recruitmentSteps.overrideReason} is not null`))
        .groupBy(recruitmentSteps.caseId);
      return new Map(rows.map((r) => [r.caseId, Number(r.n)]));
    },

    async stepDates(caseIds: readonly string[], stepNo: number) {
      if (caseIds.length === 0) return new Map<string, string>();
      const rows = await db
        .select({ caseId: recruitmentSteps.caseId, date: recruitmentSteps.date })
        .from(recruitmentSteps)
        .where(and(inArray(recruitmentSteps.caseId, [...caseIds]), eq(recruitmentSteps.stepNo, stepNo)));
      return new Map(rows.map((r) => [r.caseId, r.date]));
    },

    async materials(caseId: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(recruitmentMaterials)
        .where(eq(recruitmentMaterials.caseId, caseId))
        .orderBy(asc(recruitmentMaterials.uploadedAt), asc(recruitmentMaterials.id));
    },

    /** A material whose case's branch lies in the roots. */
    async findMaterialVisible(roots: readonly string[], id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ m: recruitmentMaterials, orgPath: organizations.path })
        .from(recruitmentMaterials)
        .innerJoin(recruitmentCases, eq(recruitmentCases.id, recruitmentMaterials.caseId))
        .innerJoin(organizations, eq(organizations.id, recruitmentCases.orgId))
        .where(and(eq(recruitmentMaterials.id, id), within(organizations.path, roots)));
      return row;
    },

    /** The people named on steps, as the member roll has them (any branch: introducers may sit elsewhere). */
    async people(ids: readonly string[], tx: DbOrTx = db) {
      if (ids.length === 0) return [];
      return tx
        .select({
          id: members.id,
          name: members.name,
          category: members.category,
          status: members.status,
          partyStatus: members.partyStatus,
        })
        .from(members)
        .where(inArray(members.id, [...new Set(ids)]));
    },

    async activeCaseFor(idNumberHash: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ id: recruitmentCases.id })
        .from(recruitmentCases)
        .where(and(eq(recruitmentCases.idNumberHash, idNumberHash), eq(recruitmentCases.status, 'active')));
      return row;
    },

    /** Ancestors of a branch (root first) with their types, for the approving committee. */
    async ancestors(path: string, tx: DbOrTx = db) {
      const ids = path.split('/').filter(Boolean);
      if (ids.length === 0) return [];
      const rows = await queryRows<{ id: string; name: string; path: string; type: string }>(
        tx,
        sql`select id, name, path, type from organizations where id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      );
      return ids.map((i) => rows.find((r) => r.id === i)).filter((r): r is NonNullable<typeof r> => !!r);
    },

    async insertCase(row: NewCaseRow, tx: DbOrTx) {
      const [created] = await tx.insert(recruitmentCases).values(row).returning();
      return created!;
    },

    async updateCase(id: string, patch: Partial<NewCaseRow>, tx: DbOrTx) {
      const [row] = await tx
        .update(recruitmentCases)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(recruitmentCases.id, id))
        .returning();
      return row!;
    },

    /** Records a step, replacing an earlier record of the same step. */
    async upsertStep(row: NewStepRow, tx: DbOrTx) {
      const [saved] = await tx
        .insert(recruitmentSteps)
        .values(row)
        .onConflictDoUpdate({
          target: [recruitmentSteps.caseId, recruitmentSteps.stepNo],
          set: { ...row, id: sql`${recruitmentSteps.id}` },
        })
        .returning();
      return saved!;
    },

    async insertSteps(rows: NewStepRow[], tx: DbOrTx) {
      if (rows.length) await tx.insert(recruitmentSteps).values(rows);
    },

    async insertMaterial(row: typeof recruitmentMaterials.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(recruitmentMaterials).values(row).returning();
      return created!;
    },
  };
}
export type RecruitmentRepository = ReturnType<typeof createRecruitmentRepository>;
