import type { Permission } from '@red-engine/shared';
import { type AnyColumn, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from './actor.js';

/** Drops paths that lie inside another path of the list, keeping the widest roots. */
export function widestPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  return kept;
}

export function scopePaths(actor: Actor, permission: Permission): readonly string[] {
  return actor.scopes.get(permission) ?? [];
}

export function isPathInScope(actor: Actor, permission: Permission, path: string | null | undefined): boolean {
  if (!path) return false;
  return scopePaths(actor, permission).some((root) => path.startsWith(root));
}

/** True when the actor holds the permission at a root organization (depth 0), i.e. zone-wide. */
export function isZoneWide(actor: Actor, permission: Permission): boolean {
  return scopePaths(actor, permission).some((root) => root.split('/').filter(Boolean).length === 1);
}

/** Escapes LIKE wildcards, so a path is matched as text. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL predicate: the path column lies in one of these subtrees (none: false). */
export function pathsWhere(pathColumn: AnyColumn | SQL, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((root) => sql`${pathColumn} like ${`${escapeLike(root)}%`}`))!;
}

/** SQL predicate: the path column lies in one of the actor's subtrees for this permission. */
export function scopeWhere(actor: Actor, permission: Permission, pathColumn: AnyColumn | SQL): SQL {
  return pathsWhere(pathColumn, scopePaths(actor, permission));
}
