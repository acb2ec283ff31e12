import type { Me, Permission, Role } from '@red-engine/shared';
import { ROLE_RANK } from '@red-engine/shared';
import { hasPermission, useSession } from '../../lib/session';

/** `can('org:create')` for the logged-in user; used for menus, routes and buttons. */
export function useAccess() {
  const { data } = useSession();
  const me = data?.me ?? null;
  return {
    me,
    can: (p: Permission | null | undefined) => hasPermission(me, p),
  };
}

/** Highest role rank the user holds: they may grant roles up to this rank. */
export function maxRoleRank(me: Me | null): number {
  return Math.max(0, ...(me?.roles ?? []).map((r) => ROLE_RANK[r.role as Role] ?? 0));
}

/** Whether a `redirect` query value is a same-origin path we may navigate to. */
export function safeRedirect(value: string | null | undefined, fallback = '/'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) return fallback;
  return value;
}
