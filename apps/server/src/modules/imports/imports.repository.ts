import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { importJobs, members, organizations } from '../../db/schema/index.js';
import type { MemberRow, NewEventRow, NewMemberRow } from '../member/index.js';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type NewImportJobRow = typeof importJobs.$inferInsert;
export type OrgRow = typeof organizations.$inferSelect;

type Scalar = string | number | boolean | null | undefined;

/** A PostgreSQL array literal of text elements (NULL for null), passed as one parameter and cast on the server. */
export function pgArray(values: readonly Scalar[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    out += v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return `${out}}`;
}

type Column<R> = [name: string, type: string, get: (r: R) => Scalar];

const json = (v: unknown) => (v === undefined || v === null ? '[]' : JSON.stringify(v));

/** Personal columns of a member, written on insert and on an import's update. */
const MEMBER_PERSONAL: Column<Partial<NewMemberRow>>[] = [
  ['name', 'text', (r) => r.name],
  ['name_initials', 'text', (r) => r.nameInitials],
  ['name_pinyin', 'text', (r) => r.namePinyin],
  ['name_mongolian', 'text', (r) => r.nameMongolian],
  ['gender', 'text', (r) => r.gender],
  ['id_number_enc', 'text', (r) => r.idNumberEnc],
  ['id_number_hash', 'text', (r) => r.idNumberHash],
  ['id_number_masked', 'text', (r) => r.idNumberMasked],
  ['id_tail', 'text', (r) => r.idTail],
  ['ethnicity', 'text', (r) => r.ethnicity],
  ['birth_date', 'date', (r) => r.birthDate],
  ['education', 'text', (r) => r.education],
  ['job_category', 'text', (r) => r.jobCategory],
  ['phone_enc', 'text', (r) => r.phoneEnc],
  ['phone_masked', 'text', (r) => r.phoneMasked],
  ['phone_tail', 'text', (r) => r.phoneTail],
  ['address_enc', 'text', (r) => r.addressEnc],
  ['native_place', 'text', (r) => r.nativePlace],
  ['degree', 'text', (r) => r.degree],
  ['title', 'text', (r) => r.title],
  ['work_unit', 'text', (r) => r.workUnit],
  ['work_post', 'text', (r) => r.workPost],
  ['talent_flags', 'jsonb', (r) => json(r.talentFlags)],
  ['tags', 'jsonb', (r) => json(r.tags)],
  ['party_posts', 'jsonb', (r) => json(r.partyPosts)],
];

const MEMBER_INSERT: Column<NewMemberRow>[] = [
  ['id', 'uuid', (r) => r.id],
  ...(MEMBER_PERSONAL as Column<NewMemberRow>[]),
  ['org_id', 'uuid', (r) => r.orgId],
  ['org_path', 'text', (r) => r.orgPath],
  ['category', 'text', (r) => r.category],
  ['status', 'text', (r) => r.status ?? 'active'],
  ['party_status', 'text', (r) => r.partyStatus ?? 'normal'],
  ['lost_contact', 'boolean', (r) => r.lostContact ?? false],
  ['lost_since', 'date', (r) => r.lostSince],
  ['flowing', 'boolean', (r) => r.flowing ?? false],
  ['flow_destination', 'text', (r) => r.flowDestination],
  ['join_date', 'date', (r) => r.joinDate],
  ['full_member_date', 'date', (r) => r.fullMemberDate],
];

const EVENT_INSERT: Column<NewEventRow>[] = [
  ['id', 'uuid', (r) => r.id],
  ['member_id', 'uuid', (r) => r.memberId],
  ['seq', 'bigint', (r) => r.seq],
  ['type', 'text', (r) => r.type],
  ['effective_date', 'date', (r) => r.effectiveDate],
  ['org_id', 'uuid', (r) => r.orgId],
  ['org_path', 'text', (r) => r.orgPath],
  ['from_org_id', 'uuid', (r) => r.fromOrgId],
  ['details', 'jsonb', (r) => JSON.stringify(r.details ?? {})],
  ['recorded_by', 'text', (r) => r.recordedBy],
];

/** `unnest($1::t1[], $2::t2[], …) as u(c1, c2, …)`: a whole batch of rows in one parameter per column. */
function unnestFrom<R>(columns: Column<R>[], rows: readonly R[]): SQL {
  const arrays = columns.map(([, type, get]) => sql`${pgArray(rows.map(get))}::${sql.raw(type)}[]`);
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  return sql`unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(names)})`;
}

async function insertBatches<R>(tx: DbOrTx, table: string, columns: Column<R>[], rows: readonly R[], batch: number) {
  const names = sql.raw(columns.map(([name]) => `"${name}"`).join(', '));
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    await tx.execute(sql`insert into ${sql.raw(`"${table}"`)} (${names}) select * from ${unnestFrom(columns, part)}`);
  }
}

export type OrgRef = { id: string; name: string; code: string | null; path: string; type: string; status: string };

export function createImportRepository(db: DbOrTx) {
  return {
    async insertJob(row: NewImportJobRow, tx: DbOrTx = db) {
      await tx.insert(importJobs).values(row);
    },

    async findJobInScope(roots: readonly string[], id: string) {
      if (roots.length === 0) return undefined;
      const esc = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
      const [row] = await db
        .select()
        .from(importJobs)
        .where(and(eq(importJobs.id, id), or(...roots.map((r) => sql`${importJobs.orgPath} like ${`${esc(r)}%`}`))));
      return row;
    },

    async latestJobs(limit = 20) {
      return db.select().from(importJobs).orderBy(desc(importJobs.createdAt)).limit(limit);
    },

    /** Organizations named by the file (by full name or by code); scope is decided by the caller on the paths. */
    async orgsByNamesOrCodes(names: readonly string[], codes: readonly string[], tx: DbOrTx = db): Promise<OrgRef[]> {
      const parts: SQL[] = [];
      if (names.length) parts.push(sql`name = any(${pgArray(names)}::text[])`);
      if (codes.length) parts.push(sql`code = any(${pgArray(codes)}::text[])`);
      if (parts.length === 0) return [];
      return queryRows<OrgRef>(
        tx,
        sql`select id, name, code, path, type, status from organizations where ${sql.join(parts, sql` or `)}`,
      );
    },

    async orgsByCodes(codes: readonly string[], tx: DbOrTx = db): Promise<OrgRow[]> {
      if (codes.length === 0) return [];
      const out: OrgRow[] = [];
      for (let i = 0; i < codes.length; i += 5000)
        out.push(
          ...(await tx
            .select()
            .from(organizations)
            .where(inArray(organizations.code, codes.slice(i, i + 5000)))),
        );
      return out;
    },

    async membersByHashes(hashes: readonly string[], tx: DbOrTx = db): Promise<MemberRow[]> {
      const out: MemberRow[] = [];
      for (let i = 0; i < hashes.length; i += 5000) {
        const part = hashes.slice(i, i + 5000);
        out.push(
          ...(await tx
            .select()
            .from(members)
            .where(sql`${members.idNumberHash} = any(${pgArray(part)}::text[])`)),
        );
      }
      return out;
    },

    insertMembers: (rows: readonly NewMemberRow[], tx: DbOrTx) =>
      insertBatches(tx, 'members', MEMBER_INSERT, rows, 2000),
    insertEvents: (rows: readonly NewEventRow[], tx: DbOrTx) =>
      insertBatches(tx, 'member_events', EVENT_INSERT, rows, 5000),

    /** Rewrites the personal columns of many members at once (the lifecycle columns are never touched by an import). */
    async updateMembers(rows: readonly (Partial<NewMemberRow> & { id: string })[], tx: DbOrTx) {
      const columns: Column<Partial<NewMemberRow> & { id: string }>[] = [
        ['id', 'uuid', (r) => r.id],
        ...MEMBER_PERSONAL,
      ];
      const set = sql.raw(MEMBER_PERSONAL.map(([name]) => `"${name}" = u."${name}"`).join(', '));
      for (let i = 0; i < rows.length; i += 2000) {
        const part = rows.slice(i, i + 2000);
        await tx.execute(
          sql`update members m set ${set}, updated_at = now() from ${unnestFrom(columns, part)} where m.id = u.id`,
        );
      }
    },
  };
}
export type ImportRepository = ReturnType<typeof createImportRepository>;
