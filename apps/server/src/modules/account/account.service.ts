import type { ApiToken, Me, Permission } from '@red-engine/shared';
import { and, desc, eq, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../core/actor.js';
import { decryptText, encryptText, hashPassword, randomToken, sha256Hex, verifyPassword } from '../../core/crypto.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { isStrongPassword } from '../../core/password-policy.js';
import { isPathInScope } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db } from '../../db/client.js';
import { apiTokens, organizations } from '../../db/schema/index.js';
import { createSessionRepository } from '../auth/session.repository.js';
import { checkTotp, newTotpSecret, totpUri } from '../auth/totp.js';
import { createUserRepository } from '../user/index.js';

const RECOVERY_CODE_COUNT = 10;

function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const pick = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(5)), (b) => alphabet[b % alphabet.length]).join('');
  return `${pick()}-${pick()}`;
}

export function createAccountService(deps: { db: Db; config: Config }) {
  const { db, config } = deps;
  const users = createUserRepository(db);
  const sessions = createSessionRepository(db);
  const selfPath = (ctx: RequestContext) => ctx.actor?.roles[0]?.orgPath ?? null;

  const toTokenDto = (row: typeof apiTokens.$inferSelect, orgName: string | null): ApiToken => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    permissions: row.permissions as Permission[],
    orgId: row.orgId,
    orgName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  });

  return {
    async updatePreferences(ctx: RequestContext, body: { locale?: Me['locale']; displayName?: string }) {
      const actor = ctx.actor!;
      await inTransaction(db, ctx, async (tx, audit) => {
        const before = await users.findById(actor.userId, tx);
        await users.update(
          actor.userId,
          {
            ...(body.locale ? { locale: body.locale } : {}),
            ...(body.displayName ? { displayName: body.displayName } : {}),
          },
          tx,
        );
        audit.record({
          action: 'account.preferences',
          entity: 'user',
          entityId: actor.userId,
          orgPath: selfPath(ctx),
          before: { locale: before?.locale, displayName: before?.displayName },
          after: body,
        });
      });
    },

    async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string) {
      const actor = ctx.actor!;
      const user = (await users.findById(actor.userId))!;
      if (!(await verifyPassword(currentPassword, user.passwordHash)))
        throw fieldError('body.currentPassword', MESSAGES.wrongCurrentPassword);
      if (currentPassword === newPassword) throw fieldError('body.newPassword', MESSAGES.passwordReused);
      if (!isStrongPassword(newPassword, user.username)) {
        throw new AppError('WEAK_PASSWORD', MESSAGES.weakPassword(10), {
          details: [{ path: 'body.newPassword', text: MESSAGES.weakPassword(10) }],
        });
      }
      const passwordHash = await hashPassword(newPassword);
      await inTransaction(db, ctx, async (tx, audit) => {
        await users.update(actor.userId, { passwordHash, mustChangePassword: false }, tx);
        await sessions.removeAllOfUser(actor.userId, actor.sessionId ?? null, tx);
        audit.record({
          action: 'account.password_changed',
          entity: 'user',
          entityId: actor.userId,
          orgPath: selfPath(ctx),
        });
      });
    },

    async enrollMfa(ctx: RequestContext) {
      const actor = ctx.actor!;
      const user = (await users.findById(actor.userId))!;
      if (user.mfaEnabled) throw new AppError('CONFLICT', MESSAGES.mfaAlreadyEnabled);
      const secret = newTotpSecret();
      const uri = totpUri(secret, user.username);
      await inTransaction(db, ctx, async (tx, audit) => {
        await users.update(actor.userId, { mfaSecretEnc: encryptText(config.dataKey, secret), mfaLastStep: null }, tx);
        audit.record({
          action: 'account.mfa_enroll_started',
          entity: 'user',
          entityId: actor.userId,
          orgPath: selfPath(ctx),
        });
      });
      return { secret, otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
    },

    async activateMfa(ctx: RequestContext, code: string) {
      const actor = ctx.actor!;
      const user = (await users.findById(actor.userId))!;
      if (user.mfaEnabled) throw new AppError('CONFLICT', MESSAGES.mfaAlreadyEnabled);
      if (!user.mfaSecretEnc) throw fieldError('body.code', MESSAGES.mfaNotEnrolled);
      const step = checkTotp(decryptText(config.dataKey, user.mfaSecretEnc), code);
      if (step === null)
        throw new AppError('INVALID_MFA_CODE', MESSAGES.invalidMfaCode, {
          details: [{ path: 'body.code', text: MESSAGES.invalidMfaCode }],
        });
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      await inTransaction(db, ctx, async (tx, audit) => {
        await users.update(
          actor.userId,
          { mfaEnabled: true, mfaLastStep: step, mfaRecoveryHashes: codes.map((c) => sha256Hex(c)) },
          tx,
        );
        audit.record({ action: 'account.mfa_enabled', entity: 'user', entityId: actor.userId, orgPath: selfPath(ctx) });
      });
      return { recoveryCodes: codes };
    },

    async disableMfa(ctx: RequestContext, password: string) {
      const actor = ctx.actor!;
      const user = (await users.findById(actor.userId))!;
      if (!(await verifyPassword(password, user.passwordHash)))
        throw fieldError('body.password', MESSAGES.wrongCurrentPassword);
      await inTransaction(db, ctx, async (tx, audit) => {
        await users.update(
          actor.userId,
          { mfaEnabled: false, mfaSecretEnc: null, mfaRecoveryHashes: null, mfaLastStep: null },
          tx,
        );
        audit.record({
          action: 'account.mfa_disabled',
          entity: 'user',
          entityId: actor.userId,
          orgPath: selfPath(ctx),
        });
      });
    },

    async listTokens(ctx: RequestContext): Promise<ApiToken[]> {
      const rows = await db
        .select({ token: apiTokens, orgName: organizations.name })
        .from(apiTokens)
        .leftJoin(organizations, eq(organizations.id, apiTokens.orgId))
        .where(eq(apiTokens.userId, ctx.actor!.userId))
        .orderBy(desc(apiTokens.createdAt));
      return rows.map((r) => toTokenDto(r.token, r.orgName));
    },

    async createToken(
      ctx: RequestContext,
      body: { name: string; permissions: Permission[]; orgId: string; expiresInDays?: number },
    ) {
      const actor = ctx.actor!;
      const [org] = await db.select().from(organizations).where(eq(organizations.id, body.orgId));
      const permissions = [...new Set(body.permissions)];
      for (const [i, p] of permissions.entries()) {
        if (!actor.permissions.has(p)) throw fieldError(`body.permissions.${i}`, MESSAGES.tokenPermissionNotHeld);
      }
      if (!org || !permissions.some((p) => isPathInScope(actor, p, org.path)))
        throw fieldError('body.orgId', MESSAGES.roleOutOfScope);
      const secret = `ret_${randomToken(30)}`;
      const row = {
        id: crypto.randomUUID(),
        userId: actor.userId,
        name: body.name,
        prefix: secret.slice(0, 10),
        tokenHash: sha256Hex(secret),
        permissions,
        orgId: org.id,
        expiresAt: body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86400_000) : null,
      };
      const created = await inTransaction(db, ctx, async (tx, audit) => {
        const [inserted] = await tx.insert(apiTokens).values(row).returning();
        audit.record({
          action: 'account.token_created',
          entity: 'api_token',
          entityId: row.id,
          orgPath: org.path,
          after: { name: row.name, prefix: row.prefix, permissions, orgId: org.id, expiresAt: row.expiresAt },
        });
        return inserted!;
      });
      return { token: toTokenDto(created, org.name), secret };
    },

    async revokeToken(ctx: RequestContext, id: string) {
      const actor = ctx.actor!;
      await inTransaction(db, ctx, async (tx, audit) => {
        const [row] = await tx
          .select()
          .from(apiTokens)
          .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)));
        if (!row) throw notFound();
        await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
        audit.record({
          action: 'account.token_revoked',
          entity: 'api_token',
          entityId: id,
          orgPath: selfPath(ctx),
          before: { name: row.name, prefix: row.prefix },
        });
      });
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;
