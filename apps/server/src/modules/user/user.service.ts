import {
  type CreateUserBody,
  type ListUsersQuery,
  type Page,
  parseSorter,
  ROLE_PERMISSIONS,
  ROLE_RANK,
  type Role,
  type UpdateUserBody,
  type User,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Actor, ActorRole, RequestContext } from '../../core/actor.js';
import { decryptText, encryptText, hashPassword } from '../../core/crypto.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { isStrongPassword } from '../../core/password-policy.js';
import { isPathInScope, scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { createSessionRepository } from '../auth/session.repository.js';
import { createOrgRepository } from '../org/index.js';
import { maskPhone, toUserDto, userAuditView } from './user.mapper.js';
import { createUserRepository } from './user.repository.js';

type Grant = { role: Role; orgId: string };

/** A user's roles as the caller may see them: grants outside the caller's subtrees are left out. */
const visibleRoles = (actor: Actor, roles: ActorRole[]) =>
  roles.filter((r) => isPathInScope(actor, 'user:read', r.orgPath));

export function createUserService(deps: { db: Db; config: Config }) {
  const { db, config } = deps;
  const users = createUserRepository(db);
  const orgs = createOrgRepository(db);
  const sessions = createSessionRepository(db);

  /** Each grant must name an organization inside the actor's scope, at a rank the actor holds there. */
  async function checkGrants(actor: Actor, grants: Grant[], tx: DbOrTx) {
    for (const [i, g] of grants.entries()) {
      const org = await orgs.findById(g.orgId, tx);
      const covering = org
        ? actor.roles.filter((r) => ROLE_PERMISSIONS[r.role].includes('user:create') && org.path.startsWith(r.orgPath))
        : [];
      if (!org || covering.length === 0) throw fieldError(`body.roles.${i}.orgId`, MESSAGES.roleOutOfScope);
      if (
        !covering.some((r) => ROLE_RANK[r.role] >= ROLE_RANK[g.role]) ||
        (g.role === 'zone_admin' && !covering.some((r) => r.role === 'zone_admin'))
      ) {
        throw fieldError(`body.roles.${i}.role`, MESSAGES.roleTooHigh);
      }
    }
  }

  /** A user who also holds a role the actor could not grant is visible, but not the actor's to manage. */
  async function checkManageable(actor: Actor, roles: readonly Grant[], tx: DbOrTx) {
    await checkGrants(
      actor,
      roles.map((r) => ({ role: r.role, orgId: r.orgId })),
      tx,
    ).catch(() => {
      throw new AppError('FORBIDDEN', MESSAGES.userOutOfReach);
    });
  }

  async function loadInScope(
    actor: Actor,
    permission: 'user:read' | 'user:update' | 'user:reset-password' | 'user:read-sensitive',
    id: string,
    tx: DbOrTx = db,
  ) {
    const row = await users.findInScope(scopePaths(actor, permission), id, tx);
    if (!row) throw notFound();
    const roles = (await users.rolesOf([id], tx)).get(id) ?? [];
    return { row, roles };
  }

  return {
    async list(actor: Actor, q: ListUsersQuery): Promise<Page<User>> {
      const sort = parseSorter(q.sorter, ['username', 'createdAt', 'lastLoginAt'] as const);
      const { rows, total } = await users.list(scopePaths(actor, 'user:read'), q, sort);
      const roles = await users.rolesOf(rows.map((r) => r.id));
      return {
        data: rows.map((r) => toUserDto(r, visibleRoles(actor, roles.get(r.id) ?? []))),
        total,
        current: q.current,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string): Promise<User> {
      const { row, roles } = await loadInScope(actor, 'user:read', id);
      return toUserDto(row, visibleRoles(actor, roles));
    },

    async create(ctx: RequestContext, body: CreateUserBody): Promise<User> {
      const actor = ctx.actor!;
      if (!isStrongPassword(body.password, body.username))
        throw new AppError('WEAK_PASSWORD', MESSAGES.weakPassword(10), {
          details: [{ path: 'body.password', text: MESSAGES.weakPassword(10) }],
        });
      const passwordHash = await hashPassword(body.password);
      return inTransaction(db, ctx, async (tx, audit) => {
        await checkGrants(actor, body.roles, tx);
        const username = body.username.toLowerCase();
        if (await users.findByUsername(username, tx)) {
          throw new AppError('USERNAME_TAKEN', MESSAGES.usernameTaken(username), {
            details: [{ path: 'body.username', text: MESSAGES.usernameTaken(username) }],
          });
        }
        const row = await users.insert(
          {
            id: crypto.randomUUID(),
            username,
            displayName: body.displayName,
            phoneEnc: body.phone ? encryptText(config.dataKey, body.phone) : null,
            phoneMasked: body.phone ? maskPhone(body.phone) : null,
            passwordHash,
            mustChangePassword: true,
          },
          tx,
        );
        const grants = dedupe(body.roles);
        await users.replaceRoles(row.id, grants, tx);
        const roles = (await users.rolesOf([row.id], tx)).get(row.id) ?? [];
        // 党员账号: the member's own H5 login reads the record linked here.
        if (body.memberId) {
          const [member] = await queryRows<{ id: string; org_path: string | null; user_id: string | null }>(
            tx,
            sql`select id, org_path, user_id from members where id = ${body.memberId} and status = 'active' for update`,
          );
          if (!member || !isPathInScope(actor, 'user:create', member.org_path))
            throw fieldError('body.memberId', MESSAGES.memberLinkNotFound);
          if (member.user_id) throw fieldError('body.memberId', MESSAGES.memberAlreadyLinked);
          await tx.execute(sql`update members set user_id = ${row.id}, updated_at = now() where id = ${member.id}`);
        }
        audit.record({
          action: 'user.create',
          entity: 'user',
          entityId: row.id,
          orgPath: roles[0]?.orgPath ?? null,
          after: { ...userAuditView(row, grants), ...(body.memberId ? { memberId: body.memberId } : {}) },
        });
        return toUserDto(row, visibleRoles(actor, roles));
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateUserBody): Promise<User> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { row: before, roles: beforeRoles } = await loadInScope(actor, 'user:update', id, tx);
        if (body.status === 'disabled' && id === actor.userId)
          throw fieldError('body.status', MESSAGES.cannotDisableSelf);
        // Roles the actor could not have granted must not be silently removed, nor their holder disabled.
        await checkManageable(actor, beforeRoles, tx);
        if (body.roles) {
          await checkGrants(actor, body.roles, tx);
          await users.replaceRoles(id, dedupe(body.roles), tx);
        }
        const after = await users.update(
          id,
          {
            ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
            ...(body.status !== undefined ? { status: body.status } : {}),
            ...(body.phone !== undefined
              ? {
                  phoneEnc: body.phone ? encryptText(config.dataKey, body.phone) : null,
                  phoneMasked: body.phone ? maskPhone(body.phone) : null,
                }
              : {}),
          },
          tx,
        );
        if (body.status === 'disabled') await sessions.removeAllOfUser(id, null, tx);
        const roles = (await users.rolesOf([id], tx)).get(id) ?? [];
        audit.record({
          action: 'user.update',
          entity: 'user',
          entityId: id,
          orgPath: roles[0]?.orgPath ?? beforeRoles[0]?.orgPath ?? null,
          before: userAuditView(before, beforeRoles),
          after: userAuditView(after!, roles),
        });
        return toUserDto(after!, visibleRoles(actor, roles));
      });
    },

    async resetPassword(ctx: RequestContext, id: string, newPassword: string): Promise<void> {
      const actor = ctx.actor!;
      const { row, roles: current } = await loadInScope(actor, 'user:reset-password', id);
      await checkManageable(actor, current, db);
      if (!isStrongPassword(newPassword, row.username))
        throw new AppError('WEAK_PASSWORD', MESSAGES.weakPassword(10), {
          details: [{ path: 'body.newPassword', text: MESSAGES.weakPassword(10) }],
        });
      const passwordHash = await hashPassword(newPassword);
      await inTransaction(db, ctx, async (tx, audit) => {
        const { roles } = await loadInScope(actor, 'user:reset-password', id, tx);
        await checkManageable(actor, roles, tx);
        await users.update(id, { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null }, tx);
        await sessions.removeAllOfUser(id, null, tx);
        audit.record({
          action: 'user.password_reset',
          entity: 'user',
          entityId: id,
          orgPath: roles[0]?.orgPath ?? null,
        });
      });
    },

    async unlock(ctx: RequestContext, id: string): Promise<void> {
      await inTransaction(db, ctx, async (tx, audit) => {
        const { row, roles } = await loadInScope(ctx.actor!, 'user:update', id, tx);
        await users.update(id, { failedLoginCount: 0, lockedUntil: null, lastFailedLoginAt: null }, tx);
        audit.record({
          action: 'user.unlock',
          entity: 'user',
          entityId: id,
          orgPath: roles[0]?.orgPath ?? null,
          before: { lockedUntil: row.lockedUntil, failedLoginCount: row.failedLoginCount },
        });
      });
    },

    /** Unmasked phone: a sensitive read, recorded in the audit trail. */
    async revealPhone(ctx: RequestContext, id: string): Promise<{ phone: string | null }> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const { row, roles } = await loadInScope(ctx.actor!, 'user:read-sensitive', id, tx);
        audit.record({
          action: 'sensitive.read',
          entity: 'user',
          entityId: id,
          orgPath: roles[0]?.orgPath ?? null,
          after: { field: 'phone' },
        });
        return { phone: row.phoneEnc ? decryptText(config.dataKey, row.phoneEnc) : null };
      });
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;

function dedupe(grants: Grant[]): Grant[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = `${g.role}|${g.orgId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
