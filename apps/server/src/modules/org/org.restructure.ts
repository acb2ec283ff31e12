import {
  type AuditEvent,
  type DissolveOrgBody,
  type EndProjectBody,
  type MergeOrgBody,
  type MoveOrgBody,
  type OrgType,
  type Page,
  type PageQuery,
  type RestructurePreview,
  type SplitOrgBody,
  todayInChina,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { type Actor, type RequestContext, systemContext } from '../../core/actor.js';
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
import { createOrgRepository, type NewOrgRow, type OrgRow } from './org.repository.js';

const idList = (ids: readonly string[]) =>
  sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );
const SYSTEM_ACTOR = { id: null, name: 'system' } as const;
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
      creates: [],
      unplaced: 0,
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
      creates: [],
      unplaced: 0,
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
      creates: [],
      unplaced: 0,
      dissolves: [ref(org)],
    };
    return { org, preview };
  }

  async function markDissolved(
    tx: DbOrTx,
    audit: AuditRecorder,
    org: OrgRow,
    date: string,
    reason: string,
    auditActor?: { id: null; name: string },
  ) {
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
      ...(auditActor ? { actor: auditActor } : {}),
    });
  }

  /** Members with an event dated after `date`: a move dated `date` would come before their latest record. */
  async function countLaterEvents(tx: DbOrTx, memberIds: string[], date: string) {
    if (memberIds.length === 0) return 0;
    const [later] = await queryRows<{ n: number }>(
      tx,
      sql`select count(distinct e.member_id)::int as n from member_events e
          where e.member_id in (${idList(memberIds)}) and e.effective_date > ${date}`,
    );
    return Number(later?.n ?? 0);
  }

  async function planSplit(ctx: RequestContext, id: string, body: SplitOrgBody, tx: DbOrTx, lock: boolean) {
    const actor = ctx.actor!;
    const source = await loadSubject(actor, id, tx, lock);
    // The new organizations sit beside the source, so the actor must be able to restructure under its parent.
    const parent = await orgs.findInScope(scopePaths(actor, 'org:restructure'), source.parentId!, tx);
    if (!parent) throw fieldError('params.id', MESSAGES.splitParentOutOfScope);
    const effectiveDate = body.effectiveDate ?? todayInChina();
    checkNotFuture(effectiveDate, 'body.effectiveDate');

    const codes = new Set<string>();
    const planned: NewOrgRow[] = [];
    for (const [i, n] of body.newOrgs.entries()) {
      if (!canHaveChild(parent.type as OrgType, n.type))
        throw childTypeError(ctx, parent.type as OrgType, n.type, `body.newOrgs.${i}.type`);
      if (n.code) {
        if (codes.has(n.code) || (await orgs.findByCode(n.code, tx)))
          throw new AppError('ORG_CODE_TAKEN', MESSAGES.orgCodeTaken(n.code), {
            details: [{ path: `body.newOrgs.${i}.code`, text: MESSAGES.orgCodeTaken(n.code) }],
          });
        codes.add(n.code);
      }
      const newId = crypto.randomUUID();
      planned.push({
        id: newId,
        parentId: parent.id,
        path: `${parent.path}${newId}/`,
        depth: parent.depth + 1,
        type: n.type,
        domain: source.domain,
        name: n.name,
        shortName: n.shortName ?? null,
        code: n.code ?? null,
        sortOrder: source.sortOrder,
        foundedOn: effectiveDate,
      });
    }
    const targetOf = (to: number, path: string) => {
      const t = planned[to];
      if (!t) throw fieldError(path, MESSAGES.splitTargetMissing(body.newOrgs.length));
      return t;
    };

    const childMoves: { child: OrgRow; to: number; move: Reparent }[] = [];
    const seenChildren = new Set<string>();
    for (const [i, c] of (body.children ?? []).entries()) {
      const path = `body.children.${i}.orgId`;
      const target = targetOf(c.to, `body.children.${i}.to`);
      const child = await orgs.findById(c.orgId, tx);
      if (!child || child.parentId !== source.id || child.status !== 'active' || seenChildren.has(c.orgId))
        throw fieldError(path, MESSAGES.splitNotAChild);
      seenChildren.add(c.orgId);
      if (!canHaveChild(target.type as OrgType, child.type as OrgType))
        throw childTypeError(ctx, target.type as OrgType, child.type as OrgType, `body.children.${i}.to`);
      childMoves.push({ child, to: c.to, move: reparentOf(child, target as OrgRow) });
    }

    const wanted = body.members ?? [];
    const memberRows =
      wanted.length === 0
        ? []
        : await queryRows<{ id: string; name: string }>(
            tx,
            sql`select id, name from members where org_id = ${source.id} and status = 'active'
                and id in (${idList(wanted.map((m) => m.memberId))})`,
          );
    const nameById = new Map(memberRows.map((m) => [m.id, m.name]));
    const memberMoves: { id: string; name: string; to: number }[] = [];
    const seenMembers = new Set<string>();
    for (const [i, m] of wanted.entries()) {
      const target = targetOf(m.to, `body.members.${i}.to`);
      const name = nameById.get(m.memberId);
      if (!name || seenMembers.has(m.memberId))
        throw fieldError(`body.members.${i}.memberId`, MESSAGES.splitNotAMember);
      seenMembers.add(m.memberId);
      if (!MEMBER_HOLDING_TYPES.has(target.type))
        throw fieldError(`body.members.${i}.to`, MESSAGES.splitMembersNeedBranch);
      memberMoves.push({ id: m.memberId, name, to: m.to });
    }
    if (memberMoves.length === 0 && childMoves.length === 0)
      throw fieldError('body.members', MESSAGES.splitNothingMoved);
    const later = await countLaterEvents(
      tx,
      memberMoves.map((m) => m.id),
      effectiveDate,
    );
    if (later > 0) throw fieldError('body.effectiveDate', MESSAGES.mergeMembersHaveLaterEvents(later));

    if (body.dissolveSource) {
      const [left] = await queryRows<{ children: number; members: number }>(
        tx,
        sql`select (select count(*)::int from organizations where parent_id = ${source.id} and status = 'active') as children,
                   (select count(*)::int from members where org_id = ${source.id} and status = 'active') as members`,
      );
      const children = Number(left?.children ?? 0) - childMoves.length;
      const members = Number(left?.members ?? 0) - memberMoves.length;
      if (children > 0)
        throw new AppError('ORG_HAS_ACTIVE_CHILDREN', MESSAGES.splitLeavesChildren(children), {
          details: [{ path: 'body.children', text: MESSAGES.splitLeavesChildren(children) }],
        });
      if (members > 0)
        throw new AppError('ORG_HAS_ACTIVE_MEMBERS', MESSAGES.splitLeavesMembers(members), {
          details: [{ path: 'body.members', text: MESSAGES.splitLeavesMembers(members) }],
        });
    }

    const impact = await subtreeImpact(
      tx,
      childMoves.map((c) => c.move),
    );
    const preview: RestructurePreview = {
      action: 'split',
      org: ref(source),
      target: ref(parent),
      ...impact,
      membersRepathed: impact.membersRepathed + memberMoves.length,
      membersMoved: memberMoves.length,
      memberSample: memberMoves
        .slice(0, MEMBER_SAMPLE)
        .map((m) => ({ id: m.id, name: m.name, toName: planned[m.to]!.name })),
      creates: planned.map((p, i) => ({
        id: p.id!,
        name: p.name,
        type: p.type as OrgType,
        members: memberMoves.filter((m) => m.to === i).length,
        children: childMoves.filter((c) => c.to === i).length,
      })),
      unplaced: 0,
      dissolves: body.dissolveSource ? [ref(source)] : [],
    };
    return { source, parent, planned, childMoves, memberMoves, effectiveDate, preview };
  }

  /**
   * 项目结束: the temporary branch, its party groups and where each active member returns — the branch they were
   * placed in it from (the latest 'moved' event into it), when that branch is still active, else `returnTo`.
   */
  async function planProjectEnd(org: OrgRow, body: EndProjectBody, tx: DbOrTx, returnTo: OrgRow | null) {
    if (org.type !== 'temporary_branch') throw fieldError('params.id', MESSAGES.projectEndOnlyTemporary);
    if (org.status === 'dissolved') throw dissolvedError(org);
    checkNotFuture(body.endedOn, 'body.endedOn');
    const rows = await queryRows<{ id: string; name: string; home_id: string | null }>(
      tx,
      sql`select m.id, m.name,
            (select e.from_org_id from member_events e
              where e.member_id = m.id and e.type = 'moved' and e.org_id = ${org.id} and e.from_org_id is not null
              order by e.effective_date desc, e.seq desc limit 1) as home_id
          from members m where m.org_id = ${org.id} and m.status = 'active' order by m.name_pinyin, m.id`,
    );
    const homes = new Map<string, OrgRow | null>();
    for (const r of rows) {
      if (!r.home_id || homes.has(r.home_id)) continue;
      const home = await orgs.findById(r.home_id, tx);
      homes.set(r.home_id, home && home.status === 'active' && MEMBER_HOLDING_TYPES.has(home.type) ? home : null);
    }
    const moves = rows.map((r) => ({
      id: r.id,
      name: r.name,
      to: (r.home_id ? homes.get(r.home_id) : null) ?? returnTo,
      placed: Boolean(r.home_id && homes.get(r.home_id)),
    }));
    const unplaced = moves.filter((m) => !m.placed).length;
    const groups = (await queryRows<{ id: string }>(
      tx,
      sql`select id from organizations where parent_id = ${org.id} and status = 'active' order by sort_order, name`,
    )) as { id: string }[];
    const groupRows = (await Promise.all(groups.map((g) => orgs.findById(g.id, tx)))).filter(Boolean) as OrgRow[];
    const preview: RestructurePreview = {
      action: 'project_end',
      org: ref(org),
      target: returnTo ? ref(returnTo) : null,
      organizationsMoved: 0,
      pathChanges: [],
      membersMoved: moves.filter((m) => m.to).length,
      membersRepathed: moves.filter((m) => m.to).length,
      memberSample: moves.slice(0, MEMBER_SAMPLE).map((m) => ({ id: m.id, name: m.name, toName: m.to?.name ?? null })),
      creates: [],
      unplaced,
      dissolves: [ref(org), ...groupRows.map(ref)],
    };
    return { moves, groupRows, preview };
  }

  /** One 'moved' event per member, next in the member's sequence and never dated before their latest record. */
  async function recordMoves(
    tx: DbOrTx,
    audit: AuditRecorder,
    moves: { id: string; to: OrgRow }[],
    from: OrgRow,
    date: string,
    reason: string,
    recordedBy: string,
    auditActor?: { id: null; name: string },
  ) {
    const byTarget = new Map<string, { to: OrgRow; ids: string[] }>();
    for (const m of moves) {
      const g = byTarget.get(m.to.id) ?? { to: m.to, ids: [] };
      g.ids.push(m.id);
      byTarget.set(m.to.id, g);
    }
    for (const { to, ids } of byTarget.values()) {
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = idList(ids.slice(i, i + 1000));
        await tx.execute(
          sql`insert into member_events (id, member_id, seq, type, effective_date, org_id, org_path, from_org_id, details, recorded_by)
              select gen_random_uuid(), m.id,
                     coalesce((select max(e.seq) from member_events e where e.member_id = m.id), 0) + 1,
                     'moved',
                     greatest(${date}::date, (select max(e.effective_date) from member_events e where e.member_id = m.id)),
                     ${to.id}, ${to.path}, ${from.id}, ${JSON.stringify({ reason })}::jsonb, ${recordedBy}
              from members m where m.id in (${chunk})`,
        );
        await tx.execute(
          sql`update members set org_id = ${to.id}, org_path = ${to.path}, updated_at = now() where id in (${chunk})`,
        );
      }
      for (const id of ids) {
        audit.record({
          action: 'member.move',
          entity: 'member',
          entityId: id,
          orgPath: to.path,
          before: { orgId: from.id },
          after: { orgId: to.id, effectiveDate: date, reason },
          ...(auditActor ? { actor: auditActor } : {}),
        });
      }
    }
  }

  /** Ends the project of one temporary branch in the caller's transaction: members return home, branch dissolved. */
  async function applyProjectEnd(
    tx: DbOrTx,
    audit: AuditRecorder,
    ctx: RequestContext,
    org: OrgRow,
    body: EndProjectBody,
    returnTo: OrgRow | null,
    auditActor?: { id: null; name: string },
  ) {
    const plan = await planProjectEnd(org, body, tx, returnTo);
    if (plan.preview.unplaced > 0 && !returnTo)
      throw fieldError('body.returnToId', MESSAGES.projectEndUnplaced(plan.preview.unplaced));
    const reason = body.reason ?? `${org.projectName ?? org.name}项目结束，临时党支部撤销`;
    const recordedBy = auditActor?.name ?? ctx.actor?.displayName ?? 'system';
    await recordMoves(
      tx,
      audit,
      plan.moves.map((m) => ({ id: m.id, to: m.to! })),
      org,
      body.endedOn,
      reason,
      recordedBy,
      auditActor,
    );
    const ended = (await orgs.update(org.id, { projectEndedOn: body.endedOn }, tx))!;
    audit.record({
      action: 'org.project_end',
      entity: 'organization',
      entityId: org.id,
      orgPath: org.path,
      before: orgAuditView(org),
      after: {
        ...orgAuditView(ended),
        reason,
        membersReturned: plan.moves.map((m) => ({ id: m.id, toId: m.to!.id })),
      },
      ...(auditActor ? { actor: auditActor } : {}),
    });
    for (const g of plan.groupRows) await markDissolved(tx, audit, g, body.endedOn, reason, auditActor);
    await markDissolved(tx, audit, ended, body.endedOn, reason, auditActor);
    return plan.preview;
  }

  async function loadReturnTo(actor: Actor, id: string | undefined, tx: DbOrTx) {
    if (!id) return null;
    const target = await loadTarget(actor, id, tx, 'body.returnToId');
    if (!MEMBER_HOLDING_TYPES.has(target.type) || target.type === 'temporary_branch')
      throw fieldError('body.returnToId', MESSAGES.projectEndReturnToBranch);
    return target;
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

    previewSplit: (ctx: RequestContext, id: string, body: SplitOrgBody) =>
      planSplit(ctx, id, body, db, false).then((p) => p.preview),

    async split(ctx: RequestContext, id: string, body: SplitOrgBody): Promise<RestructurePreview> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const plan = await planSplit(ctx, id, body, tx, true);
        const { source, parent, planned, childMoves, memberMoves, effectiveDate } = plan;
        const reason = body.reason ?? `${source.name}拆分`;
        const created: OrgRow[] = [];
        for (const row of planned) {
          const org = await orgs.insert(row, tx);
          created.push(org);
          audit.record({
            action: 'org.create',
            entity: 'organization',
            entityId: org.id,
            orgPath: org.path,
            after: { ...orgAuditView(org), splitFromId: source.id, splitFromName: source.name, reason },
          });
        }
        for (const c of childMoves) {
          const to = created[c.to]!;
          await applyReparent(tx, reparentOf(c.child, to));
          const after = (await orgs.findById(c.child.id, tx))!;
          audit.record({
            action: 'org.move',
            entity: 'organization',
            entityId: c.child.id,
            orgPath: after.path,
            before: orgAuditView(c.child),
            after: { ...orgAuditView(after), parentName: to.name, reason },
          });
        }
        await recordMoves(
          tx,
          audit,
          memberMoves.map((m) => ({ id: m.id, to: created[m.to]! })),
          source,
          effectiveDate,
          reason,
          actor.displayName,
        );
        audit.record({
          action: 'org.split',
          entity: 'organization',
          entityId: source.id,
          orgPath: parent.path,
          before: orgAuditView(source),
          after: {
            effectiveDate,
            reason,
            newOrgs: created.map((o) => ({ id: o.id, name: o.name, type: o.type })),
            childrenMoved: childMoves.map((c) => ({ id: c.child.id, toId: created[c.to]!.id })),
            membersMoved: memberMoves.map((m) => ({ id: m.id, toId: created[m.to]!.id })),
          },
        });
        if (body.dissolveSource) {
          const fresh = (await orgs.findById(source.id, tx))!;
          await markDissolved(tx, audit, fresh, effectiveDate, reason);
        }
        return {
          ...plan.preview,
          creates: plan.preview.creates.map((c, i) => ({ ...c, id: created[i]!.id })),
        };
      });
    },

    async previewProjectEnd(ctx: RequestContext, id: string, body: EndProjectBody): Promise<RestructurePreview> {
      const org = await loadSubject(ctx.actor!, id, db, false);
      const returnTo = await loadReturnTo(ctx.actor!, body.returnToId, db);
      return (await planProjectEnd(org, body, db, returnTo)).preview;
    },

    async endProject(ctx: RequestContext, id: string, body: EndProjectBody): Promise<RestructurePreview> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const org = await loadSubject(ctx.actor!, id, tx, true);
        const returnTo = await loadReturnTo(ctx.actor!, body.returnToId, tx);
        return applyProjectEnd(tx, audit, ctx, org, body, returnTo);
      });
    },

    /**
     * The daily sweep: every active temporary branch whose planned project end is before `today` ends on that
     * date, as a system action. A branch with members who have no home branch to return to is left for a person
     * (项目结束 with a branch for them) and reported back. Running it again finds nothing more to do.
     */
    async sweepEndedProjects(today: string = todayInChina()) {
      const due = await queryRows<{ id: string }>(
        db,
        sql`select id from organizations where type = 'temporary_branch' and status = 'active'
            and temporary_until < ${today} order by temporary_until, id`,
      );
      const ctx = systemContext('project-end-sweep');
      const dissolved: string[] = [];
      const skipped: { id: string; name: string; unplaced: number }[] = [];
      for (const { id } of due) {
        const result = await inTransaction(db, ctx, async (tx, audit) => {
          await tx.execute(sql`select id from organizations where id = ${id} or parent_id = ${id} for update`);
          const org = await orgs.findById(id, tx);
          if (org?.status !== 'active' || !org.temporaryUntil || org.temporaryUntil >= today) return null;
          const body = { endedOn: org.temporaryUntil };
          const plan = await planProjectEnd(org, body, tx, null);
          if (plan.preview.unplaced > 0) return { skipped: { id, name: org.name, unplaced: plan.preview.unplaced } };
          await applyProjectEnd(tx, audit, ctx, org, body, null, SYSTEM_ACTOR);
          return { dissolved: id };
        });
        if (result?.dissolved) dissolved.push(result.dissolved);
        if (result?.skipped) skipped.push(result.skipped);
      }
      return { dissolved, skipped };
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

const DAY_MS = 86_400_000;

/** Runs the project-end sweep now and then once a day; returns a function that stops it. */
export function scheduleProjectEndSweep(
  service: Pick<RestructureService, 'sweepEndedProjects'>,
  log: { info(o: object, m: string): void; warn(o: object, m: string): void; error(o: object, m: string): void },
): () => void {
  const run = async () => {
    try {
      const { dissolved, skipped } = await service.sweepEndedProjects();
      if (dissolved.length > 0) log.info({ dissolved }, 'temporary branches dissolved: project ended');
      if (skipped.length > 0)
        log.warn({ skipped }, 'temporary branches past their project end need a branch for members');
    } catch (err) {
      log.error({ err }, 'project-end sweep failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
