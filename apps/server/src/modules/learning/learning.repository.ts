import { type SQL, sql } from 'drizzle-orm';
import { escapeLike, pathsWhere } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';

export type ContentRow = {
  id: string;
  kind: 'article' | 'video' | 'document' | 'policy';
  title: string;
  summary: string;
  body_html: string;
  category_id: string | null;
  category_name: string | null;
  tags: string[];
  status: 'draft' | 'in_review' | 'published' | 'rejected' | 'withdrawn';
  audience: 'zone' | 'orgs';
  org_id: string;
  org_path: string;
  org_name: string;
  file_sha256: string | null;
  file_name: string | null;
  file_mime: string | null;
  file_size: number | null;
  duration_seconds: number | null;
  series_id: string | null;
  version: number;
  doc_number: string | null;
  author_id: string;
  author_name: string;
  reviewer_name: string | null;
  review_note: string | null;
  published_at: Date | string | null;
  updated_at: Date | string;
};

const CONTENT_COLUMNS = sql`c.id, c.kind, c.title, c.summary, c.body_html, c.category_id, cat.name as category_name,
  c.tags, c.status, c.audience, c.org_id, c.org_path, o.name as org_name, c.file_sha256, c.file_name, c.file_mime,
  c.file_size, c.duration_seconds, c.series_id, c.version, c.doc_number, c.author_id, c.author_name,
  c.reviewer_name, c.review_note, c.published_at, c.updated_at`;
const CONTENT_FROM = sql`learning_contents c join organizations o on o.id = c.org_id
  left join learning_categories cat on cat.id = c.category_id`;

/** A published content a member of this branch path may see: zone-wide, or targeted to a subtree holding it. */
export const visibleToMember = (memberPath: string): SQL =>
  sql`(c.status = 'published' and (c.audience = 'zone' or exists (select 1 from learning_content_targets t
    where t.content_id = c.id and ${memberPath} like t.org_path || '%')))`;

/**
 * What an admin sees: contents owned in their subtrees (any status), and published contents meant for the zone or
 * for organizations inside or above their subtrees.
 */
export const visibleToAdmin = (roots: readonly string[]): SQL =>
  roots.length === 0
    ? sql`false`
    : sql`(${pathsWhere(sql`c.org_path`, roots)} or (c.status = 'published' and (c.audience = 'zone' or exists (
        select 1 from learning_content_targets t where t.content_id = c.id and (${pathsWhere(sql`t.org_path`, roots)}
          or ${sql.join(
            roots.map((r) => sql`${r} like t.org_path || '%'`),
            sql` or `,
          )})))))`;

export type ContentFilter = {
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  categoryId?: string | undefined;
  tag?: string | undefined;
};

function filterWhere(f: ContentFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    parts.push(sql`(c.title like ${like} or c.body_text like ${like} or c.summary like ${like})`);
  }
  if (f.kind) parts.push(sql`c.kind = ${f.kind}`);
  if (f.status) parts.push(sql`c.status = ${f.status}`);
  if (f.categoryId) parts.push(sql`c.category_id = ${f.categoryId}`);
  if (f.tag) parts.push(sql`c.tags ? ${f.tag}`);
  return sql.join(parts, sql` and `);
}

export function createLearningRepository() {
  return {
    async listContents(visible: SQL, f: ContentFilter, page: { limit: number; offset: number }, tx: DbOrTx) {
      const where = sql`${visible} and ${filterWhere(f)}`;
      const rows = await queryRows<ContentRow>(
        tx,
        sql`select ${CONTENT_COLUMNS} from ${CONTENT_FROM} where ${where}
          order by coalesce(c.published_at, c.updated_at) desc, c.id limit ${page.limit} offset ${page.offset}`,
      );
      const [count] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from learning_contents c where ${where}`,
      );
      return { rows, total: count?.n ?? 0 };
    },

    async findContent(visible: SQL, id: string, tx: DbOrTx, lock = false): Promise<ContentRow | undefined> {
      const [row] = await queryRows<ContentRow>(
        tx,
        sql`select ${CONTENT_COLUMNS} from ${CONTENT_FROM} where c.id = ${id} and ${visible}
          ${lock ? sql`for update of c` : sql``}`,
      );
      return row;
    },

    async targetsOf(contentId: string, tx: DbOrTx) {
      return queryRows<{ org_id: string; org_name: string }>(
        tx,
        sql`select t.org_id, o.name as org_name from learning_content_targets t join organizations o on o.id = t.org_id
          where t.content_id = ${contentId} order by o.path`,
      );
    },

    async versionsOf(seriesId: string | null, tx: DbOrTx) {
      if (!seriesId) return [];
      return queryRows<{ id: string; version: number; status: ContentRow['status'] }>(
        tx,
        sql`select id, version, status from learning_contents where series_id = ${seriesId} order by version desc`,
      );
    },

    async orgsByIds(ids: readonly string[], tx: DbOrTx) {
      if (ids.length === 0) return [];
      return queryRows<{ id: string; path: string; name: string }>(
        tx,
        sql`select id, path, name from organizations
          where id in (select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json))`,
      );
    },

    async memberOfUser(userId: string, tx: DbOrTx) {
      const [row] = await queryRows<{ id: string; name: string; org_path: string; status: string }>(
        tx,
        sql`select id, name, org_path, status from members where user_id = ${userId} limit 1`,
      );
      return row;
    },
  };
}
export type LearningRepository = ReturnType<typeof createLearningRepository>;
