import {
  type CreateOrgBody,
  type ListOrgsQuery,
  type Org,
  type OrgTreeNode,
  type OrgType,
  type Page,
  parseSorter,
  type UpdateOrgBody,
} from '@red-engine/shared';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db } from '../../db/client.js';
import { ORG_DETAIL_KEYS, orgAuditView, toOrgDto, toTreeNode } from './org.mapper.js';
import { canHaveChild, ORG_TYPE_NAMES } from './org.policy.js';
import { createOrgRepository, type NewOrgRow, type OrgRepository, type OrgSortField } from './org.repository.js';

const SORT_FIELDS: readonly OrgSortField[] = ['name', 'sortOrder', 'createdAt', 'type'];

export function createOrgService(deps: { db: Db; orgs?: OrgRepository }) {
  const { db } = deps;
  const orgs = deps.orgs ?? createOrgRepository(db);

  return {
    async list(actor: Actor, q: ListOrgsQuery): Promise<Page<Org>> {
      const { rows, total } = await orgs.list(scopePaths(actor, 'org:read'), q, parseSorter(q.sorter, SORT_FIELDS));
      return { data: rows.map((r) => toOrgDto(r.org, r.childCount)), total, current: q.current, pageSize: q.pageSize };
    },

    async tree(actor: Actor, parentId?: string): Promise<OrgTreeNode[]> {
      const roots = scopePaths(actor, 'org:read');
      if (parentId && !(await orgs.findInScope(roots, parentId))) throw notFound();
      const rows = await orgs.treeLevel(roots, parentId);
      return rows.map((r) => toTreeNode(r.org, r.childCount));
    },

    async get(actor: Actor, id: string): Promise<Org> {
      const row = await orgs.findInScope(scopePaths(actor, 'org:read'), id);
      if (!row) throw notFound();
      return toOrgDto(row);
    },

    async create(ctx: RequestContext, body: CreateOrgBody): Promise<Org> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const parent = await orgs.findInScope(scopePaths(actor, 'org:create'), body.parentId, tx);
        if (!parent) throw notFound();
        const parentType = parent.type as OrgType;
        if (!canHaveChild(parentType, body.type)) {
          const text = MESSAGES.orgChildTypeNotAllowed(
            ORG_TYPE_NAMES[parentType][ctx.locale],
            ORG_TYPE_NAMES[body.type][ctx.locale],
          );
          throw new AppError('ORG_CHILD_TYPE_NOT_ALLOWED', text, { details: [{ path: 'body.type', text }] });
        }
        checkTemporaryFields(body.type, body);
        checkApprovedBy(body.parentApprovedBy, parent.path);
        if (body.code && (await orgs.findByCode(body.code, tx))) {
          throw new AppError('ORG_CODE_TAKEN', MESSAGES.orgCodeTaken(body.code), {
            details: [{ path: 'body.code', text: MESSAGES.orgCodeTaken(body.code) }],
          });
        }
        const id = crypto.randomUUID();
        const row = await orgs.insert(
          {
            id,
            parentId: parent.id,
            path: `${parent.path}${id}/`,
            depth: parent.depth + 1,
            type: body.type,
            domain: body.domain ?? parent.domain,
            name: body.name,
            shortName: body.shortName ?? null,
            code: body.code ?? null,
            sortOrder: body.sortOrder ?? 0,
            ...pickDetails(body),
            // Set up with the approval of a superior (DOMAIN-RULES §3.1): the parent unless another is named.
            ...(body.type === 'temporary_branch' ? { parentApprovedBy: body.parentApprovedBy ?? parent.id } : {}),
          },
          tx,
        );
        audit.record({
          action: 'org.create',
          entity: 'organization',
          entityId: id,
          orgPath: row.path,
          after: orgAuditView(row),
        });
        return toOrgDto(row, 0);
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateOrgBody): Promise<Org> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const before = await orgs.findInScope(scopePaths(actor, 'org:update'), id, tx);
        if (!before) throw notFound();
        checkTemporaryFields(before.type as OrgType, body);
        checkApprovedBy(body.parentApprovedBy, before.path.slice(0, -(before.id.length + 1)));
        if (body.code && body.code !== before.code) {
          const clash = await orgs.findByCode(body.code, tx);
          if (clash) throw fieldError('body.code', MESSAGES.orgCodeTaken(body.code));
        }
        const after = await orgs.update(
          id,
          {
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.shortName !== undefined ? { shortName: body.shortName } : {}),
            ...(body.code !== undefined ? { code: body.code } : {}),
            ...(body.domain !== undefined ? { domain: body.domain } : {}),
            ...(body.sortOrder !== undefined ? { sortOrder: body.sortOrder } : {}),
            ...pickDetails(body),
          },
          tx,
        );
        // A new name is its own line in the history (更名), with the old and new names in before/after.
        const renamed = after!.name !== before.name || after!.shortName !== before.shortName;
        audit.record({
          action: renamed ? 'org.rename' : 'org.update',
          entity: 'organization',
          entityId: id,
          orgPath: before.path,
          before: orgAuditView(before),
          after: orgAuditView(after!),
        });
        return toOrgDto(after!);
      });
    },
  };
}
export type OrgService = ReturnType<typeof createOrgService>;

/** The detail fields present in a body (null clears one), as columns. */
function pickDetails(body: Partial<Record<(typeof ORG_DETAIL_KEYS)[number], unknown>>): Partial<NewOrgRow> {
  const out: Record<string, unknown> = {};
  for (const k of ORG_DETAIL_KEYS) if (body[k] !== undefined) out[k] = body[k];
  return out as Partial<NewOrgRow>;
}

/** A project and its end date only make sense on a temporary branch. */
function checkTemporaryFields(
  type: OrgType,
  body: { projectName?: string | null; temporaryUntil?: string | null; parentApprovedBy?: string | null },
) {
  if (type === 'temporary_branch') return;
  if (body.projectName) throw fieldError('body.projectName', MESSAGES.onlyForTemporaryBranch);
  if (body.temporaryUntil) throw fieldError('body.temporaryUntil', MESSAGES.onlyForTemporaryBranch);
  if (body.parentApprovedBy) throw fieldError('body.parentApprovedBy', MESSAGES.onlyForTemporaryBranch);
}

/** The approving organization is a superior: one of the ids on the path above the branch. */
function checkApprovedBy(approvedBy: string | null | undefined, ancestorsPath: string) {
  if (!approvedBy) return;
  if (!ancestorsPath.split('/').includes(approvedBy))
    throw fieldError('body.parentApprovedBy', MESSAGES.approvedByNotAncestor);
}
