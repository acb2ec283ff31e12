import {
  type AuditEvent,
  type DissolveOrgBody,
  type MergeOrgBody,
  type MoveOrgBody,
  type OrgType,
  type Page,
  type PageQuery,
  type RestructurePreview,
  todayInChina,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { LocalizedText } from '../../core/messages.js';
import { MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { type AuditRecorder, inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { createAuditRepository } from '../audit/audit.repository.js';
import { toAuditDto } from '../audit/audit.service.js';
import { orgAuditView } from './org.mapper.js';
import { canHaveChild, ORG_TYPE_NAMES } from './org.policy.js';
import { createOrgRepository, type OrgRow } from './org.repository.js';

const likePrefix = (p: string) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const ref = (o: OrgRow) => ({ id: o.id, name: o.name, type: o.type as OrgType });
/** Types that hold members directly (the member module's rule). */
const MEMBER_HOLDING_TYPES = new Set(['branch', 'joint_branch', 'temporary_branch']);
const PATH_SAMPLE = 200;
const MEMBER_SAMPLE = 50;

type Reparent = { org: OrgRow; parent: OrgRow; oldPrefix: string; newPrefix: string; depthDelta: number };

const reparentOf = (org: OrgRow, parent: OrgRow): Reparent => ({
  org,
  parent,
  oldPrefix: org.path,
  newPrefix: `${parent.path}${org.id}/`,
  depthDelta: parent.depth + 1 - org.depth,
});

/** Organizations and members under the subtrees about to move, and a sample of the path changes. */
async function subtreeImpact(tx: DbOrTx, moves: Reparent[]) {
  let organizationsMoved = 0;
  let membersRepathed = 0;
  const pathChanges: RestructurePreview['pathChanges'] = [];
  for (const m of moves) {
    const [counts] = await queryRows<{ orgs: number; members: number }>(
      tx,
      sql`select (select count(*)::int from organizations where path like ${likePrefix(m.oldPrefix)}) as orgs,
                 (select count(*)::int from members where org_path like ${likePrefix(m.oldPrefix)}) as members`,
    );
    organizationsMoved += Number(counts?.orgs ?? 0);
    membersRepathed += Number(counts?.members ?? 0);
    if (pathChanges.length < PATH_SAMPLE) {
      const rows = await queryRows<{ id: string; name: string; path: string }>(
        tx,
        sql`select id, name, path from organizations where path like ${likePrefix(m.oldPrefix)}
            order by path limit ${PATH_SAMPLE - pathChanges.length}`,
      );
      for (const r of rows)
        pathChanges.push({ id: r.id, name: r.name, from: r.path, to: m.newPrefix + r.path.slice(m.oldPrefix.length) });
    }
  }
  return { organizationsMoved, membersRepathed, pathChanges };
}

/** Rewrites path and depth of a whole subtree and the paths of its members, in the caller's transaction. */
async function applyReparent(tx: DbOrTx, m: Reparent) {
  const from = m.oldPrefix.length + 1;
  await tx.execute(
    sql`update organizations set path = ${m.newPrefix} || substr(path, ${from}), depth = depth + ${m.depthDelta},
        parent_id = case when id = ${m.org.id} then ${m.parent.id}::uuid else parent_id end, updated_at = now()
        where path like ${likePrefix(m.oldPrefix)}`,
  );
  // Member events keep the path they were recorded with; only the members' cache follows the tree.
  await tx.execute(
    sql`update members set org_path = ${m.newPrefix} || substr(org_path, ${from}), updated_at = now()
        where org_path like ${likePrefix(m.oldPrefix)}`,
  );
}

function childTypeError(ctx: RequestContext, parentType: OrgType, childType: OrgType, path: string) {
  const text = MESSAGES.orgChildTypeNotAllowed(
    ORG_TYPE_NAMES[parentType][ctx.locale],
    ORG_TYPE_NAMES[childType][ctx.locale],
  );
  return new AppError('ORG_CHILD_TYPE_NOT_ALLOWED', text, { details: [{ path, text }] });
}

const dissolvedError = (o: OrgRow, path?: string) => {
  const text = MESSAGES.orgDissolved(o.name);
  return new AppError('ORG_DISSOLVED', text, path ? { details: [{ path, text }] } : {});
};

function checkNotFuture(date: string, path: string) {
  if (date > todayInChina()) throw fieldError(path, MESSAGES.restructureDateFuture);
}

/** Move, merge and dissolve: each planned first (the preview), then applied in one audited transaction. */
export function createRestructureService(deps: { db: Db }) {
  const { db } = deps;
  const orgs = createOrgRepository(db);

  /** The organization to restructure: in scope, not the root, still active; its subtree locked for the change. */
  async function loadSubject(actor: Actor, id: string, tx: DbOrTx, lock: boolean) {
    const org = await orgs.findInScope(scopePaths(actor, 'org:restructure'), id, tx);
    if (!org) throw notFound();
    if (!org.parentId) throw fieldError('params.id', MESSAGES.orgRootFixed);
    if (org.status === 'dissolved') throw dissolvedError(org);
    if (lock) await tx.execute(sql`select id from organizations where path like ${likePrefix(org.path)} for update`);
    return org;
  }

  async function loadTarget(actor: Actor, id: string, tx: DbOrTx, path: string) {
    const target = await orgs.findInScope(scopePaths(actor, 'org:restructure'), id, tx);
    if (!target) throw notFound();
    if (target.status === 'dissolved') throw dissolvedError(target, path);
    return target;
  }

  async function planMove(ctx: RequestContext, id: string, body: MoveOrgBody, tx: DbOrTx, lock: boolean) {
    const actor = ctx.actor!;
    const org = await loadSubject(actor, id, tx, lock);
    const parent = await loadTarget(actor, body.newParentId, tx, 'body.newParentId');
    if (parent.path.startsWith(org.path)) {
      throw new AppError('ORG_MOVE_INTO_SUBTREE', MESSAGES.orgMoveIntoSubtree, {
        details: [{ path: 'body.newParentId', text: MESSAGES.orgMoveIntoSubtree }],
      });
    }
    if (parent.id === org.parentId) throw fieldError('body.newParentId', MESSAGES.orgAlreadyUnderParent);
    if (!canHaveChild(parent.type as OrgType, org.type as OrgType))
      throw childTypeError(ctx, parent.type as OrgType, org.type as OrgType, 'body.newParentId');
    const move = reparentOf(org, parent);
    const impact = await subtreeImpact(tx, [move]);
    const preview: RestructurePreview = {
      action: 'move',
      org: ref(org),
      target: ref(parent),
      ...impact,
      membersMoved: 0,
      memberSample: [],
      dissolves: [],
    };
    return { org, parent, move, preview };
  }

  async function planMerge(ctx: RequestContext, id: string, body: MergeOrgBody, tx: DbOrTx, lock: boolean) {
    const actor = ctx.actor!;
    const source = await loadSubject(actor, id, tx, lock);
    const into = await loadTarget(actor, body.intoId, tx, 'body.intoId');
    if (into.path.startsWith(source.path)) {
      throw new AppError('ORG_MOVE_INTO_SUBTREE', MESSAGES.orgMergeIntoSelf, {
        details: [{ path: 'body.intoId', text: MESSAGES.orgMergeIntoSelf }],
      });
    }
    const effectiveDate = body.effectiveDate ?? todayInChina();
    checkNotFuture(effectiveDate, 'body.effectiveDate');
    const children = await queryRows<{ id: string }>(
      tx,
      sql`select id from organizations where parent_id = ${source.id} and status = 'active' order by sort_order, name`,
    );
    const moves: Reparent[] = [];
    for (const c of children) {
      const child = (await orgs.findById(c.id, tx))!;
      if (!canHaveChild(into.type as OrgType, child.type as OrgType))
        throw childTypeError(ctx, into.type as OrgType, child.type as OrgType, 'body.intoId');
      moves.push(reparentOf(child, into));
    }
    const members = await queryRows<{ id: string; name: string }>(
      tx,
      sql`select id, name from members where org_id = ${source.id} and status = 'active' order by name, id`,
    );
    if (members.length > 0 && !MEMBER_HOLDING_TYPES.has(into.type))
      throw fieldError('body.intoId', MESSAGES.mergeMembersNeedBranch);
    if (members.length > 0) {
      const [later] = await queryRows<{ n: number }>(
        tx,
        sql`select count(distinct e.member_id)::int as n from member_events e join members m on m.id = e.member_id
            where m.org_id = ${source.id} and m.status = 'active' and e.effective_date > ${effectiveDate}`,
      );
      const n = Number(later?.n ?? 0);
      if (n > 0) throw fieldError('body.effectiveDate', MESSAGES.mergeMembersHaveLaterEvents(n));
    }
    const impact = await subtreeImpact(tx, moves);
    const preview: RestructurePreview = {
      action: 'merge',
      org: ref(source),
      target: ref(into),
      ...impact,
      membersRepathed: impact.membersRepathed + members.length,
      membersMoved: members.length,
      memberSample: members.slice(0, MEMBER_SAMPLE),
      dissolves: [ref(source)],
    };
    return { source, into, moves, members, effectiveDate, preview };
  }

  async function planDissolve(ctx: RequestContext, id: string, body: DissolveOrgBody, tx: DbOrTx, lock: boolean) {
    const org = await loadSubject(ctx.actor!, id, tx, lock);
    checkNotFuture(body.date, 'body.date');
    const [counts] = await queryRows<{ children: number; members: number }>(
      tx,
      sql`select (select count(*)::int from organizations where parent_id = ${org.id} and status = 'active') as children,
                 (select count(*)::int from members where org_path like ${likePrefix(org.path)} and status = 'active') as members`,
    );
    const children = Number(counts?.children ?? 0);
    const members = Number(counts?.members ?? 0);
    const refuse = (code: 'ORG_HAS_ACTIVE_CHILDREN' | 'ORG_HAS_ACTIVE_MEMBERS', text: LocalizedText) =>
      new AppError(code, text, { details: [{ path: 'params.id', text }] });
    if (children > 0) throw refuse('ORG_HAS_ACTIVE_CHILDREN', MESSAGES.orgHasActiveChildren(children));
    if (members > 0) throw refuse('ORG_HAS_ACTIVE_MEMBERS', MESSAGES.orgHasActiveMembers(members));
    const preview: RestructurePreview = {
      action: 'dissolve',
      org: ref(org),
      target: null,
      organizationsMoved: 0,
      pathChanges: [],
      membersMoved: 0,
      membersRepathed: 0,
      memberSample: [],
      dissolves: [ref(org)],
    };
    return { org, preview };
  }

  async function markDissolved(tx: DbOrTx, audit: AuditRecorder, org: OrgRow, date: string, reason: string) {
    const after = await orgs.update(org.id, { status: 'dissolved', dissolvedOn: date, dissolvedReason: reason }, tx);
    // A dissolved organization has no sitting committee any more.
    await tx.execute(
      sql`update committees set is_current = false, updated_at = now() where org_id = ${org.id} and is_current`,
    );
    audit.record({
      action: 'org.dissolve',
      entity: 'organization',
      entityId: org.id,
      orgPath: org.path,
      before: orgAuditView(org),
      after: orgAuditView(after!),
    });
  }

  return {
    previewMove: (ctx: RequestContext, id: string, body: MoveOrgBody) =>
      planMove(ctx, id, body, db, false).then((p) => p.preview),
    previewMerge: (ctx: RequestContext, id: string, body: MergeOrgBody) =>
      planMerge(ctx, id, body, db, false).then((p) => p.preview),
    previewDissolve: (ctx: RequestContext, id: string, body: DissolveOrgBody) =>
      planDissolve(ctx, id, body, db, false).then((p) => p.preview),

    async move(ctx: RequestContext, id: string, body: MoveOrgBody): Promise<RestructurePreview> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const { org, parent, move, preview } = await planMove(ctx, id, body, tx, true);
        await applyReparent(tx, move);
        const after = (await orgs.findById(org.id, tx))!;
        audit.record({
          action: 'org.move',
          entity: 'organization',
          entityId: org.id,
          orgPath: after.path,
          before: orgAuditView(org),
          after: {
            ...orgAuditView(after),
            parentName: parent.name,
            organizationsMoved: preview.organizationsMoved,
            membersRepathed: preview.membersRepathed,
          },
        });
        return preview;
      });
    },

    async merge(ctx: RequestContext, id: string, body: MergeOrgBody): Promise<RestructurePreview> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { source, into, moves, members, effectiveDate, preview } = await planMerge(ctx, id, body, tx, true);
        for (const m of moves) await applyReparent(tx, m);
        const reason = body.reason ?? `${source.name}并入${into.name}`;
        if (members.length > 0) {
          // One 'moved' event per member, next in that member's sequence, and the cache columns in step.
          await tx.execute(
            sql`insert into member_events (id, member_id, seq, type, effective_date, org_id, org_path, from_org_id, details, recorded_by)
                select gen_random_uuid(), m.id,
                       coalesce((select max(e.seq) from member_events e where e.member_id = m.id), 0) + 1,
                       'moved', ${effectiveDate}, ${into.id}, ${into.path}, ${source.id},
                       ${JSON.stringify({ reason })}::jsonb, ${actor.displayName}
                from members m where m.org_id = ${source.id} and m.status = 'active'`,
          );
          await tx.execute(
            sql`update members set org_id = ${into.id}, org_path = ${into.path}, updated_at = now()
                where org_id = ${source.id} and status = 'active'`,
          );
          for (const m of members) {
            audit.record({
              action: 'member.move',
              entity: 'member',
              entityId: m.id,
              orgPath: into.path,
              before: { orgId: source.id },
              after: { orgId: into.id, effectiveDate, reason },
            });
          }
        }
        audit.record({
          action: 'org.merge',
          entity: 'organization',
          entityId: source.id,
          orgPath: into.path,
          before: orgAuditView(source),
          after: {
            intoId: into.id,
            intoName: into.name,
            effectiveDate,
            childrenMoved: moves.map((m) => m.org.id),
            membersMoved: members.map((m) => m.id),
          },
        });
        const fresh = (await orgs.findById(source.id, tx))!;
        await markDissolved(tx, audit, fresh, effectiveDate, reason);
        return preview;
      });
    },

    async dissolve(ctx: RequestContext, id: string, body: DissolveOrgBody): Promise<RestructurePreview> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const { org, preview } = await planDissolve(ctx, id, body, tx, true);
        await markDissolved(tx, audit, org, body.date, body.reason);
        return preview;
      });
    },

    /** The audit events about one organization: its own, and those of its committees, links and member moves. */
    async history(actor: Actor, id: string, q: PageQuery): Promise<Page<AuditEvent>> {
      const org = await orgs.findInScope(scopePaths(actor, 'org:read'), id);
      if (!org) throw notFound();
      const { rows, total } = await createAuditRepository(db).listForOrg(org.id, q);
      return { data: rows.map(toAuditDto), total, current: q.current, pageSize: q.pageSize };
    },
  };
}
export type RestructureService = ReturnType<typeof createRestructureService>;
