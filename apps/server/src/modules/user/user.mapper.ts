import type { User } from '@red-engine/shared';
import type { ActorRole } from '../../core/actor.js';
import type { UserRow } from './user.repository.js';

export function toUserDto(row: UserRow, roles: ActorRole[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phoneMasked: row.phoneMasked,
    status: row.status === 'disabled' ? 'disabled' : 'active',
    roles: roles.map((r) => ({ role: r.role, orgId: r.orgId, orgName: r.orgName })),
    mfaEnabled: row.mfaEnabled,
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What an audit event keeps of a user: never the password hash, TOTP secret or full phone. */
export const userAuditView = (row: UserRow, roles?: { role: string; orgId: string }[]) => ({
  username: row.username,
  displayName: row.displayName,
  phoneMasked: row.phoneMasked,
  status: row.status,
  mfaEnabled: row.mfaEnabled,
  ...(roles ? { roles: roles.map((r) => ({ role: r.role, orgId: r.orgId })) } : {}),
});

export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
