import type { Locale, Permission, Role } from '@red-engine/shared';

export type ActorRole = { role: Role; orgId: string; orgPath: string; orgName: string };

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  locale: Locale;
  roles: ActorRole[];
  permissions: ReadonlySet<Permission>;
  /** For each permission, the subtree roots (materialized paths) where it applies. */
  scopes: ReadonlyMap<Permission, readonly string[]>;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
  csrfToken?: string;
  mfaEnabled: boolean;
  mfaRequired: boolean;
  mustChangePassword: boolean;
};

export type RequestContext = {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  locale: Locale;
};

/** Context for work done by the system itself (CLI, seeding, jobs). */
export function systemContext(label = 'system'): RequestContext {
  return { actor: null, requestId: label, ip: null, locale: 'zh-CN' };
}
