import type { LoginBody, LoginResult, Me } from '@red-engine/shared';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Actor, RequestContext } from '../../core/actor.js';
import { createBatcher } from '../../core/batcher.js';
import { decryptText, dummyPasswordHash, randomToken, sha256Hex, verifyPassword } from '../../core/crypto.js';
import { AppError } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { createUserRepository, type UserRepository, type UserRow } from '../user/user.repository.js';
import { buildActor, restrictToToken } from './actor-builder.js';
import { afterFailure, loginGate } from './login-policy.js';
import { createSessionRepository, type SessionRepository } from './session.repository.js';
import { checkTotp } from './totp.js';

export type SessionGrant = { token: string; expiresAt: Date };

export function toMe(actor: Actor): Me {
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    locale: actor.locale,
    roles: actor.roles.map((r) => ({ role: r.role, orgId: r.orgId, orgName: r.orgName })),
    permissions: [...actor.permissions],
    mfaEnabled: actor.mfaEnabled,
    mfaRequired: actor.mfaRequired,
    mustChangePassword: actor.mustChangePassword,
    csrfToken: actor.csrfToken ?? '',
  };
}

export function createAuthService(deps: {
  db: Db;
  config: Config;
  users?: UserRepository;
  sessions?: SessionRepository;
}) {
  const { db, config } = deps;
  const users = deps.users ?? createUserRepository(db);
  const sessions = deps.sessions ?? createSessionRepository(db);
  // Every request looks its session up; under a burst the lookups of concurrent requests share one statement.
  const sessionLookups = createBatcher(async (ids: string[]) => {
    const found = await sessions.findLiveWithUsers(ids, new Date());
    return ids.map((id) => found.get(id));
  });
  const ttlMs = config.sessionTtlHours * 3600_000;
  const actorOpts = { mfaRequiredForAdmins: config.mfaRequiredForAdmins };

  async function actorFor(user: UserRow, via: 'session' | 'token'): Promise<Actor> {
    const roles = (await users.rolesOf([user.id])).get(user.id) ?? [];
    return buildActor(user, roles, { ...actorOpts, via });
  }

  const firstOrgPath = async (userId: string) => (await users.rolesOf([userId])).get(userId)?.[0]?.orgPath ?? null;

  return {
    async login(
      ctx: RequestContext,
      body: LoginBody,
      meta: { userAgent: string | null },
    ): Promise<{ result: LoginResult; session?: SessionGrant }> {
      const now = new Date();
      const user = await users.findByUsername(body.username);
      if (!user) {
        await verifyPassword(body.password, await dummyPasswordHash());
        throw new AppError('INVALID_CREDENTIALS', MESSAGES.invalidCredentials);
      }
      const gate = loginGate(user, now);
      if (gate.kind === 'locked') throw new AppError('ACCOUNT_LOCKED', MESSAGES.locked(gate.minutesLeft));
      if (gate.kind === 'throttled') {
        throw new AppError('LOGIN_THROTTLED', MESSAGES.throttled(gate.retryAfterSeconds), {
          headers: { 'retry-after': String(gate.retryAfterSeconds) },
        });
      }
      const ok = await verifyPassword(body.password, user.passwordHash);
      const orgPath = await firstOrgPath(user.id);
      const actorRef = { id: user.id, name: user.displayName };
      if (!ok) {
        const next = afterFailure(user.failedLoginCount, now);
        await inTransaction(db, ctx, async (tx, audit) => {
          await users.update(user.id, next, tx);
          audit.record({
            action: next.lockedUntil ? 'auth.account_locked' : 'auth.login_failed',
            entity: 'user',
            entityId: user.id,
            orgPath,
            actor: actorRef,
            after: { failedLoginCount: next.failedLoginCount, lockedUntil: next.lockedUntil },
          });
        });
        if (next.lockedUntil)
          throw new AppError(
            'ACCOUNT_LOCKED',
            MESSAGES.locked(Math.ceil((next.lockedUntil.getTime() - now.getTime()) / 60_000)),
          );
        throw new AppError('INVALID_CREDENTIALS', MESSAGES.invalidCredentials);
      }
      if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED', MESSAGES.disabled);
      const token = randomToken();
      const csrfToken = randomToken(24);
      const expiresAt = new Date(now.getTime() + ttlMs);
      const mfaPending = user.mfaEnabled;
      await inTransaction(db, ctx, async (tx, audit) => {
        await users.update(
          user.id,
          {
            failedLoginCount: 0,
            lastFailedLoginAt: null,
            lockedUntil: null,
            ...(mfaPending ? {} : { lastLoginAt: now }),
          },
          tx,
        );
        await sessions.insert(
          {
            id: sha256Hex(token),
            userId: user.id,
            csrfToken,
            mfaPending,
            ip: ctx.ip,
            userAgent: meta.userAgent?.slice(0, 300) ?? null,
            expiresAt,
          },
          tx,
        );
        audit.record({
          action: mfaPending ? 'auth.password_verified' : 'auth.login',
          entity: 'user',
          entityId: user.id,
          orgPath,
          actor: actorRef,
        });
      });
      if (mfaPending) return { result: { status: 'mfa_required' }, session: { token, expiresAt } };
      const actor = { ...(await actorFor(user, 'session')), csrfToken };
      return { result: { status: 'ok', me: toMe(actor) }, session: { token, expiresAt } };
    },

    async verifyMfa(ctx: RequestContext, sessionToken: string | undefined, code: string): Promise<LoginResult> {
      const now = new Date();
      const session = sessionToken ? await sessions.findLive(sha256Hex(sessionToken), now) : undefined;
      if (!session) throw new AppError('UNAUTHENTICATED', MESSAGES.unauthenticated);
      const user = await users.findById(session.userId);
      if (user?.status !== 'active') throw new AppError('UNAUTHENTICATED', MESSAGES.unauthenticated);
      if (!session.mfaPending)
        return { status: 'ok', me: toMe({ ...(await actorFor(user, 'session')), csrfToken: session.csrfToken }) };
      const gate = loginGate(user, now);
      if (gate.kind === 'locked') throw new AppError('ACCOUNT_LOCKED', MESSAGES.locked(gate.minutesLeft));
      if (gate.kind === 'throttled')
        throw new AppError('LOGIN_THROTTLED', MESSAGES.throttled(gate.retryAfterSeconds), {
          headers: { 'retry-after': String(gate.retryAfterSeconds) },
        });
      const orgPath = await firstOrgPath(user.id);
      const actorRef = { id: user.id, name: user.displayName };
      let usedRecovery: string | null = null;
      let step: number | null = null;
      if (/^\d{6}$/.test(code) && user.mfaSecretEnc) {
        step = checkTotp(decryptText(config.dataKey, user.mfaSecretEnc), code, now.getTime());
        if (step !== null && user.mfaLastStep !== null && step <= user.mfaLastStep) step = null;
      } else if (user.mfaRecoveryHashes?.includes(sha256Hex(code))) {
        usedRecovery = sha256Hex(code);
      }
      if (step === null && usedRecovery === null) {
        const next = afterFailure(user.failedLoginCount, now);
        await inTransaction(db, ctx, async (tx, audit) => {
          await users.update(user.id, next, tx);
          audit.record({
            action: 'auth.mfa_failed',
            entity: 'user',
            entityId: user.id,
            orgPath,
            actor: actorRef,
            after: { failedLoginCount: next.failedLoginCount },
          });
        });
        throw new AppError('INVALID_MFA_CODE', MESSAGES.invalidMfaCode);
      }
      await inTransaction(db, ctx, async (tx, audit) => {
        await users.update(
          user.id,
          {
            failedLoginCount: 0,
            lastLoginAt: now,
            ...(step !== null ? { mfaLastStep: step } : {}),
            ...(usedRecovery
              ? { mfaRecoveryHashes: (user.mfaRecoveryHashes ?? []).filter((h) => h !== usedRecovery) }
              : {}),
          },
          tx,
        );
        await sessions.markMfaPassed(session.id, tx);
        audit.record({
          action: usedRecovery ? 'auth.login_recovery_code' : 'auth.login',
          entity: 'user',
          entityId: user.id,
          orgPath,
          actor: actorRef,
        });
      });
      const fresh = (await users.findById(user.id))!;
      return { status: 'ok', me: toMe({ ...(await actorFor(fresh, 'session')), csrfToken: session.csrfToken }) };
    },

    /** Ends the cookie's session, also one still waiting for its second factor. */
    async logout(ctx: RequestContext, sessionToken: string | undefined) {
      if (!sessionToken) return;
      const session = await sessions.findLive(sha256Hex(sessionToken), new Date());
      if (!session) return;
      const user = await users.findById(session.userId);
      const orgPath = await firstOrgPath(session.userId);
      await inTransaction(db, ctx, async (tx, audit) => {
        await sessions.remove(session.id, tx);
        audit.record({
          action: 'auth.logout',
          entity: 'user',
          entityId: session.userId,
          orgPath,
          actor: { id: session.userId, name: user?.displayName ?? null },
        });
      });
    },

    /** Resolves the cookie session; a session still waiting for its second factor yields `mfaPending`. */
    async actorFromSession(sessionToken: string): Promise<Actor | 'mfa_pending' | null> {
      const now = new Date();
      const found = await sessionLookups.submit(sha256Hex(sessionToken));
      if (!found) return null;
      const { session, user, roles } = found;
      if (user.status !== 'active') return null;
      if (session.mfaPending) return 'mfa_pending';
      // Sliding expiry, written at most once a minute to keep reads cheap.
      if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
        await sessions.touch(session.id, now, new Date(now.getTime() + ttlMs));
      }
      return {
        ...buildActor(user, roles, { ...actorOpts, via: 'session' }),
        sessionId: session.id,
        csrfToken: session.csrfToken,
      };
    },

    async actorFromApiToken(secret: string): Promise<Actor | null> {
      const now = new Date();
      const token = await sessions.findTokenByHash(sha256Hex(secret), now);
      if (!token) return null;
      const user = await users.findById(token.userId);
      if (user?.status !== 'active') return null;
      const orgPath = (await users.rolesOf([user.id])).get(user.id)?.find((r) => r.orgId === token.orgId)?.orgPath;
      const base = await actorFor(user, 'token');
      const tokenOrg = orgPath ?? (await tokenOrgPath(db, token.orgId));
      if (!tokenOrg) return null;
      if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000)
        await sessions.touchToken(token.id, now);
      return { ...restrictToToken(base, token.permissions, tokenOrg), tokenId: token.id };
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

async function tokenOrgPath(db: Db, orgId: string): Promise<string | null> {
  const [row] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, orgId));
  return row?.path ?? null;
}
