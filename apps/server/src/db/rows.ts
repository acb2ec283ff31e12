import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import type { DbOrTx } from './client.js';

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

type PgClientLike = { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };
type DialectLike = { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };

/**
 * `queryRows` as a named prepared statement on PostgreSQL: the server parses and plans a hot statement (a check-in
 * burst's admission) once per connection instead of on every call. The text must be the same for every call with
 * this name. PGlite, and a transaction, run it as `queryRows` does. Rows come back with node-postgres' own type
 * parsing, not drizzle's: keep such statements to plain columns (text, numbers, booleans).
 */
export async function queryRowsPrepared<T = Record<string, unknown>>(
  db: DbOrTx,
  name: string,
  query: SQL,
): Promise<T[]> {
  const { $client: client, dialect } = db as unknown as { $client?: unknown; dialect?: DialectLike };
  if (!(client instanceof pg.Pool) || !dialect) return queryRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await (client as unknown as PgClientLike).query({ name, text, values: params })).rows as T[];
}
