import { ADMIN_ROLES, type Locale, type Permission, ROLE_PERMISSIONS } from '@red-engine/shared';
import type { Actor, ActorRole } from '../../core/actor.js';
import { widestPaths } from '../../core/scope.js';
import type { UserRow } from '../user/user.repository.js';

function scopesFor(roles: ActorRole[]): Map<Permission, string[]> {
  const byPerm = new Map<Permission, string[]>();
  for (const r of roles) {
    for (const p of ROLE_PERMISSIONS[r.role]) {
      const list = byPerm.get(p) ?? [];
      list.push(r.orgPath);
      byPerm.set(p, list);
    }
  }
  for (const [p, paths] of byPerm) byPerm.set(p, widestPaths(paths));
  return byPerm;
}

/** Narrows each permission's subtrees to those that also lie under the token's organization. */
export function intersectWithSubtree(roots: readonly string[], subtree: string): string[] {
  const out: string[] = [];
  for (const r of roots) {
    if (subtree.startsWith(r)) out.push(subtree);
    else if (r.startsWith(subtree)) out.push(r);
  }
  return widestPaths(out);
}

export function buildActor(
  user: UserRow,
  roles: ActorRole[],
  opts: { mfaRequiredForAdmins: boolean; via: 'session' | 'token' },
): Actor {
  const scopes = scopesFor(roles);
  const isAdmin = roles.some((r) => ADMIN_ROLES.includes(r.role));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: (user.locale === 'en-US' ? 'en-US' : 'zh-CN') as Locale,
    roles,
    permissions: new Set(scopes.keys()),
    scopes,
    via: opts.via,
    mfaEnabled: user.mfaEnabled,
    mfaRequired: opts.via === 'session' && opts.mfaRequiredForAdmins && isAdmin && !user.mfaEnabled,
    mustChangePassword: opts.via === 'session' && user.mustChangePassword,
  };
}

/** A token acts with the intersection of its own grants and its owner's current rights. */
export function restrictToToken(actor: Actor, tokenPermissions: readonly string[], tokenOrgPath: string): Actor {
  const scopes = new Map<Permission, string[]>();
  for (const p of tokenPermissions as Permission[]) {
    const roots = intersectWithSubtree(actor.scopes.get(p) ?? [], tokenOrgPath);
    if (roots.length) scopes.set(p, roots);
  }
  return { ...actor, permissions: new Set(scopes.keys()), scopes };
}
