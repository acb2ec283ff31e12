import { z } from 'zod';

/** Every permission the server checks and the console uses to show menus and buttons. */
export const PERMISSIONS = [
  'dashboard:read',
  'org:read',
  'org:create',
  'org:update',
  'org:restructure',
  'org:import',
  'org:export',
  'committee:write',
  'unit:read',
  'unit:write',
  'venue:read',
  'venue:write',
  'user:read',
  'user:create',
  'user:update',
  'user:reset-password',
  'user:read-sensitive',
  'member:read',
  'member:create',
  'member:update',
  'member:event',
  'member:read-sensitive',
  'member:import',
  'member:export',
  'transfer:read',
  'transfer:create',
  'transfer:approve',
  'recruitment:read',
  'recruitment:write',
  'community:read',
  'community:manage',
  'meeting:read',
  'meeting:write',
  'compliance:read',
  'compliance:manage',
  'points:read',
  'points:manage',
  'points:rules',
  'rating:read',
  'rating:manage',
  'rating:scheme',
  'evaluation:read',
  'evaluation:manage',
  'learning:read',
  'learning:manage',
  'audit:read',
  'audit:export',
  'audit:verify',
  'profile:read',
  'checkin:scan',
] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

export const ROLES = ['zone_admin', 'org_admin', 'member', 'viewer', 'checkin_staff'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  zone_admin: PERMISSIONS,
  org_admin: [
    'dashboard:read',
    'org:read',
    'org:create',
    'org:update',
    'org:restructure',
    'org:import',
    'org:export',
    'committee:write',
    'unit:read',
    'unit:write',
    'venue:read',
    'venue:write',
    'user:read',
    'user:create',
    'user:update',
    'user:reset-password',
    'user:read-sensitive',
    'member:read',
    'member:create',
    'member:update',
    'member:event',
    'member:read-sensitive',
    'member:import',
    'member:export',
    'transfer:read',
    'transfer:create',
    'transfer:approve',
    'recruitment:read',
    'recruitment:write',
    'community:read',
    'community:manage',
    'meeting:read',
    'meeting:write',
    'compliance:read',
    'points:read',
    'points:manage',
    'rating:read',
    'rating:manage',
    'evaluation:read',
    'evaluation:manage',
    'learning:read',
    'learning:manage',
    'audit:read',
    'audit:export',
    'profile:read',
    'checkin:scan',
  ],
  viewer: [
    'dashboard:read',
    'org:read',
    'unit:read',
    'venue:read',
    'member:read',
    'transfer:read',
    'recruitment:read',
    'community:read',
    'meeting:read',
    'compliance:read',
    'points:read',
    'rating:read',
    'evaluation:read',
    'learning:read',
    'profile:read',
  ],
  member: ['profile:read'],
  checkin_staff: ['checkin:scan'],
};

/** Roles that must be able to use two-factor login and that grant administrative power. */
export const ADMIN_ROLES: readonly Role[] = ['zone_admin', 'org_admin'];

/** A role may only be granted by someone whose own role ranks at least as high. */
export const ROLE_RANK: Record<Role, number> = { zone_admin: 4, org_admin: 3, viewer: 2, checkin_staff: 1, member: 1 };

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}
