import { createHmac } from 'node:crypto';
import {
  AGE_BANDS,
  type CreateMemberBody,
  type CreateMemberEventBody,
  deriveMemberState,
  type FoldableEvent,
  type ListMembersQuery,
  type Member,
  type MemberEvent,
  type MemberEventDetails,
  type MemberEventType,
  type MemberStats,
  maskIdNumber,
  type Page,
  parseSorter,
  shanghaiDate,
  type UpdateMemberBody,
} from '@red-engine/shared';
import { pinyin } from 'pinyin-pro';
import type { Config } from '../../config.js';
import type { Actor, RequestContext } from '../../core/actor.js';
import { decryptText, encryptText } from '../../core/crypto.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { type AuditRecorder, inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { maskPhone } from '../user/index.js';
import {
  cachedLifecycle,
  eventAuditView,
  type LifecycleView,
  lifecycleColumns,
  memberAuditView,
  toMemberDto,
  toMemberEventDto,
} from './member.mapper.js';
import {
  checkIdentity,
  checkLifecycleDates,
  checkMemberEvent,
  EVENTS_WITH_TARGET,
  type FieldProblem,
  isMemberOrgType,
} from './member.policy.js';
import {
  createMemberRepository,
  type EventRow,
  type MemberRow,
  type MemberSortField,
  type NewEventRow,
  type NewMemberRow,
} from './member.repository.js';

const SORT_FIELDS: readonly MemberSortField[] = ['name', 'joinDate', 'birthDate', 'updatedAt'];

/** Today in Beijing (YYYY-MM-DD). */
export function todayIso(now = new Date()): string {
  // The zone's calendar day, whatever the server's time zone: between 00:00 and 08:00 in Beijing a UTC server is
  // still on the day before, and a member event dated "today" on the page would be refused as in the future.
  return shanghaiDate(now);
}

/** Pinyin initials and full pinyin of a name, for search and for sorting in the order users expect. */
export function nameKeys(name: string): { nameInitials: string; namePinyin: string } {
  const clean = (parts: string[]) =>
    parts
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  const opts = { toneType: 'none', type: 'array', surname: 'head', v: true } as const;
  return {
    nameInitials: clean(pinyin(name, { ...opts, pattern: 'first' })),
    namePinyin: clean(pinyin(name, opts)),
  };
}

export const idNumberHash = (key: Buffer, normalized: string) =>
  createHmac('sha256', key).update(normalized).digest('hex');

const throwIf = (p: FieldProblem | null) => {
  if (p) throw fieldError(p.path, p.text);
};

const toFoldable = (e: EventRow): FoldableEvent => ({
  type: e.type as MemberEventType,
  effectiveDate: e.effectiveDate,
  seq: e.seq,
  orgId: e.orgId,
  details: e.details as MemberEventDetails,
});

/** Sealed and derived columns of the personal fields given (ID number, phone, address, name). */
export function memberPersonalColumns(dataKey: Buffer, f: UpdateMemberBody): Partial<NewMemberRow> {
  const seal = (plain: string) => encryptText(dataKey, plain);
  const out: Partial<NewMemberRow> = {};
  if (f.name !== undefined) Object.assign(out, { name: f.name }, nameKeys(f.name));
  if (f.idNumber !== undefined) {
    const id = f.idNumber.trim().toUpperCase();
    Object.assign(out, {
      idNumberEnc: seal(id),
      idNumberHash: idNumberHash(dataKey, id),
      idNumberMasked: maskIdNumber(id),
      idTail: id.slice(-4),
    });
  }
  if (f.phone !== undefined)
    Object.assign(out, {
      phoneEnc: f.phone ? seal(f.phone) : null,
      phoneMasked: f.phone ? maskPhone(f.phone) : null,
      phoneTail: f.phone ? f.phone.slice(-4) : null,
    });
  if (f.address !== undefined) out.addressEnc = f.address ? seal(f.address) : null;
  for (const k of ['gender', 'ethnicity', 'birthDate', 'education', 'jobCategory'] as const)
    if (f[k] !== undefined) Object.assign(out, { [k]: f[k] });
  for (const k of ['nameMongolian', 'nativePlace', 'degree', 'title', 'workUnit', 'workPost'] as const)
    if (f[k] !== undefined) Object.assign(out, { [k]: f[k] || null });
  for (const k of ['talentFlags', 'tags', 'partyPosts'] as const)
    if (f[k] !== undefined) Object.assign(out, { [k]: [...new Set(f[k])] });
  return out;
}

/**
 * The first events of a member entered in a branch: 接收为预备党员 (`joined`) for a probationary member; for a full
 * member their history, probationary from the join date (`registered`) and full from the conversion date.
 */
export function newMemberEvents(
  memberId: string,
  org: { id: string; path: string },
  body: Pick<CreateMemberBody, 'category' | 'joinDate' | 'fullMemberDate'>,
  recordedBy: string,
): NewEventRow[] {
  const base = { memberId, orgId: org.id, orgPath: org.path, recordedBy };
  if (body.category === 'probationary')
    return [{ ...base, id: crypto.randomUUID(), seq: 1, type: 'joined', effectiveDate: body.joinDate }];
  return [
    {
      ...base,
      id: crypto.randomUUID(),
      seq: 1,
      type: 'registered',
      effectiveDate: body.joinDate,
      details: { category: 'probationary' },
    },
    { ...base, id: crypto.randomUUID(), seq: 2, type: 'converted', effectiveDate: body.fullMemberDate! },
  ];
}

export function createMemberService(deps: { db: Db; config: Config; today?: () => string }) {
  const { db, config } = deps;
  const today = deps.today ?? (() => todayIso());
  const repo = createMemberRepository(db);

  const personalColumns = (f: UpdateMemberBody) => memberPersonalColumns(config.dataKey, f);

  async function rejectDuplicate(hash: string, exceptId: string | null, tx: DbOrTx) {
    const clash = await repo.findByIdNumberHash(hash, tx);
    if (clash && clash.id !== exceptId) {
      throw new AppError('MEMBER_ID_NUMBER_TAKEN', MESSAGES.memberIdNumberTaken, {
        details: [{ path: 'body.idNumber', text: MESSAGES.memberIdNumberTaken }],
      });
    }
  }

  /** Rewrites the cache columns from the fold of all events (same transaction as the event that changed them). */
  async function refreshCache(memberId: string, tx: DbOrTx): Promise<MemberRow> {
    const events = await repo.events(memberId, tx);
    const s = deriveMemberState(events.map(toFoldable));
    const org = (await repo.orgsByIds([s.orgId], tx)).get(s.orgId ?? '');
    return repo.update(memberId, lifecycleColumns(s, org?.path ?? null), tx);
  }

  async function dto(row: MemberRow, tx: DbOrTx = db): Promise<Member> {
    const org = (await repo.orgsByIds([row.orgId], tx)).get(row.orgId ?? '');
    return toMemberDto(row, cachedLifecycle(row, org?.name ?? null), today());
  }

  async function loadInScope(actor: Actor, permission: Parameters<typeof scopePaths>[1], id: string, tx?: DbOrTx) {
    const row = await repo.findInScope(scopePaths(actor, permission), id, tx ?? db, { lock: tx !== undefined });
    if (!row) throw notFound();
    return row;
  }

  /** One lifecycle event on a locked member row: rules, insert, cache refresh and audit, in the given transaction. */
  async function applyEvent(
    tx: Tx,
    audit: AuditRecorder,
    member: MemberRow,
    body: CreateMemberEventBody,
    target: { id: string; name: string; path: string; type: string } | null | undefined,
    recordedBy: string,
  ): Promise<MemberEvent> {
    const id = member.id;
    const history = (await repo.events(id, tx)).map(toFoldable);
    const state = deriveMemberState(history);
    throwIf(checkMemberEvent(history, state, body, { today: today(), target }));
    const orgId = target ? target.id : state.orgId;
    const org = target ?? (await repo.orgsByIds([orgId], tx)).get(orgId ?? '');
    const [event] = await repo.insertEvents(
      [
        {
          id: crypto.randomUUID(),
          memberId: id,
          seq: history.reduce((max, e) => Math.max(max, e.seq), 0) + 1,
          type: body.type,
          effectiveDate: body.effectiveDate,
          orgId,
          orgPath: org?.path ?? null,
          fromOrgId: target ? state.orgId : null,
          details: body.details,
          recordedBy,
        },
      ],
      tx,
    );
    const after = await refreshCache(id, tx);
    audit.record({
      action: 'member.event',
      entity: 'member',
      entityId: id,
      orgPath: after.orgPath ?? member.orgPath,
      before: { orgId: member.orgId, category: member.category, status: member.status },
      after: {
        ...eventAuditView(event!),
        state: { orgId: after.orgId, category: after.category, status: after.status },
      },
    });
    const names = await repo.orgsByIds([event!.orgId, event!.fromOrgId], tx);
    return toMemberEventDto(event!, {
      orgName: names.get(event!.orgId ?? '')?.name ?? null,
      fromOrgName: names.get(event!.fromOrgId ?? '')?.name ?? null,
    });
  }

  return {
    async list(actor: Actor, q: ListMembersQuery): Promise<Page<Member>> {
      const { rows, total } = await repo.list(scopePaths(actor, 'member:read'), q, parseSorter(q.sorter, SORT_FIELDS));
      const full = new Map((await repo.findByIds(rows.map((r) => r.member_id))).map((m) => [m.id, m]));
      const orgs = await repo.orgsByIds(rows.map((r) => r.org_id));
      const now = today();
      const data = rows.map((s) => {
        const life: LifecycleView = {
          orgId: s.org_id,
          orgName: orgs.get(s.org_id ?? '')?.name ?? null,
          category: s.category,
          status: s.status,
          partyStatus: s.party_status,
          lostContact: s.lost_contact,
          lostSince: s.lost_since,
          flowing: s.flowing,
          flowDestination: s.flow_destination,
        };
        return toMemberDto(full.get(s.member_id)!, life, now);
      });
      return { data, total, current: q.current, pageSize: q.pageSize };
    },

    async stats(actor: Actor, q: { orgId?: string | undefined; asOf?: string | undefined }): Promise<MemberStats> {
      const asOf = q.asOf ?? today();
      const rows = await repo.stats(scopePaths(actor, 'member:read'), q, asOf, q.asOf !== undefined);
      const out: MemberStats = {
        asOf,
        total: 0,
        byCategory: {},
        byGender: {},
        byEducation: {},
        byEthnicity: {},
        byJobCategory: {},
        byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b, 0])),
        lostContact: 0,
        flowing: 0,
      };
      const maps = {
        category: out.byCategory,
        gender: out.byGender,
        education: out.byEducation,
        ethnicity: out.byEthnicity,
        jobCategory: out.byJobCategory,
        ageBand: out.byAgeBand,
      } as Record<string, Record<string, number>>;
      for (const r of rows) {
        const n = Number(r.n);
        if (r.dim === 'total') out.total = n;
        else if (r.dim === 'lostContact') out.lostContact = n;
        else if (r.dim === 'flowing') out.flowing = n;
        else if (maps[r.dim] && r.key !== null) maps[r.dim]![r.key] = n;
      }
      return out;
    },

    async get(actor: Actor, id: string): Promise<Member> {
      return dto(await loadInScope(actor, 'member:read', id));
    },

    async mine(actor: Actor): Promise<Member> {
      const row = await repo.findByUser(actor.userId);
      if (!row) throw notFound();
      return dto(row);
    },

    async events(actor: Actor, id: string): Promise<MemberEvent[]> {
      await loadInScope(actor, 'member:read', id);
      const events = await repo.events(id);
      const orgs = await repo.orgsByIds(events.flatMap((e) => [e.orgId, e.fromOrgId]));
      const name = (orgId: string | null) => (orgId ? (orgs.get(orgId)?.name ?? null) : null);
      return events.map((e) => toMemberEventDto(e, { orgName: name(e.orgId), fromOrgName: name(e.fromOrgId) }));
    },

    /** An unmasked ID number, phone or address: a sensitive read, recorded in the audit trail. */
    async reveal(
      ctx: RequestContext,
      id: string,
      field: 'idNumber' | 'phone' | 'address',
    ): Promise<{ field: string; value: string | null }> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const row = await loadInScope(ctx.actor!, 'member:read-sensitive', id, tx);
        const sealed = field === 'idNumber' ? row.idNumberEnc : field === 'phone' ? row.phoneEnc : row.addressEnc;
        audit.record({
          action: 'sensitive.read',
          entity: 'member',
          entityId: id,
          orgPath: row.orgPath,
          after: { field },
        });
        return { field, value: sealed ? decryptText(config.dataKey, sealed) : null };
      });
    },

    async create(ctx: RequestContext, body: CreateMemberBody): Promise<Member> {
      const actor = ctx.actor!;
      const now = today();
      throwIf(checkIdentity(body, 'body', now));
      throwIf(checkLifecycleDates(body, now));
      return inTransaction(db, ctx, async (tx, audit) => {
        const org = await repo.findOrgInScope(scopePaths(actor, 'member:create'), body.orgId, tx);
        if (!org) throw fieldError('body.orgId', MESSAGES.memberOrgOutOfScope);
        if (!isMemberOrgType(org.type)) throw fieldError('body.orgId', MESSAGES.memberOrgNotBranch);
        const cols = personalColumns(body);
        await rejectDuplicate(cols.idNumberHash!, null, tx);
        const id = crypto.randomUUID();
        await repo.insert({ ...(cols as NewMemberRow), id, orgId: org.id, orgPath: org.path }, tx);
        const events = newMemberEvents(id, org, body, actor.displayName);
        const inserted = await repo.insertEvents(events, tx);
        const row = await refreshCache(id, tx);
        audit.record({
          action: 'member.create',
          entity: 'member',
          entityId: id,
          orgPath: org.path,
          after: { ...memberAuditView(row), events: inserted.map(eventAuditView) },
        });
        return toMemberDto(row, cachedLifecycle(row, org.name), now);
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateMemberBody): Promise<Member> {
      const actor = ctx.actor!;
      const now = today();
      return inTransaction(db, ctx, async (tx, audit) => {
        const before = await loadInScope(actor, 'member:update', id, tx);
        // Identity fields are checked together: a new ID number against the gender and birth date it will sit with.
        if (body.idNumber !== undefined || body.gender !== undefined || body.birthDate !== undefined) {
          const current = decryptText(config.dataKey, before.idNumberEnc);
          throwIf(
            checkIdentity(
              {
                idNumber: body.idNumber ?? current,
                gender: body.gender ?? before.gender,
                birthDate: body.birthDate ?? before.birthDate,
              },
              'body',
              now,
            ),
          );
        }
        const cols = personalColumns(body);
        if (cols.idNumberHash) await rejectDuplicate(cols.idNumberHash, id, tx);
        const after = Object.keys(cols).length ? await repo.update(id, cols, tx) : before;
        audit.record({
          action: 'member.update',
          entity: 'member',
          entityId: id,
          orgPath: before.orgPath,
          before: memberAuditView(before),
          after: memberAuditView(after),
        });
        return dto(after, tx);
      });
    },

    async addEvent(ctx: RequestContext, id: string, body: CreateMemberEventBody): Promise<MemberEvent> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const member = await loadInScope(actor, 'member:event', id, tx);
        const target =
          EVENTS_WITH_TARGET.has(body.type) && body.orgId
            ? ((await repo.findOrgInScope(scopePaths(actor, 'member:event'), body.orgId, tx)) ?? null)
            : undefined;
        return applyEvent(tx, audit, member, body, target, actor.displayName);
      });
    },

    /**
     * Records one event inside another module's transaction (组织关系转接): the caller has already decided who may
     * do this, so the member and the receiving branch are not limited to the actor's scope. The same rules, cache
     * refresh and audit event as `addEvent`.
     */
    async recordEventInTx(
      tx: Tx,
      audit: AuditRecorder,
      memberId: string,
      body: CreateMemberEventBody,
      recordedBy: string,
    ): Promise<MemberEvent> {
      const member = await repo.lockById(memberId, tx);
      if (!member) throw notFound();
      const target =
        EVENTS_WITH_TARGET.has(body.type) && body.orgId
          ? ((await repo.orgsByIds([body.orgId], tx)).get(body.orgId) ?? null)
          : undefined;
      return applyEvent(tx, audit, member, body, target, recordedBy);
    },

    /** The rules a new member record must meet, for a body checked before the record is made (paths under `prefix`). */
    checkNewMember(body: CreateMemberBody, prefix = 'body'): FieldProblem | null {
      const now = today();
      const problem = checkIdentity(body, 'body', now) ?? checkLifecycleDates(body, now);
      return problem ? { ...problem, path: problem.path.replace(/^body/, prefix) } : null;
    },

    /**
     * A person received from outside the zone who was never on record here (转入): their party history before
     * arriving is kept without a branch of ours (`registered`/`converted` with no organization), then
     * `transferred_in` puts them in the receiving branch on the arrival date. Inside the caller's transaction.
     */
    async receiveNewInTx(
      tx: Tx,
      audit: AuditRecorder,
      body: CreateMemberBody,
      arrival: { date: string; details: MemberEventDetails; recordedBy: string },
    ): Promise<Member> {
      throwIf(checkIdentity(body, 'body', today()));
      throwIf(checkLifecycleDates(body, today()));
      const org = (await repo.orgsByIds([body.orgId], tx)).get(body.orgId);
      if (!org) throw fieldError('body.orgId', MESSAGES.targetOrgRequired);
      if (!isMemberOrgType(org.type)) throw fieldError('body.orgId', MESSAGES.memberOrgNotBranch);
      const before = body.fullMemberDate ?? body.joinDate;
      if (arrival.date < before) throw fieldError('body.date', MESSAGES.eventBeforeLast(before));
      const cols = personalColumns(body);
      await rejectDuplicate(cols.idNumberHash!, null, tx);
      const id = crypto.randomUUID();
      await repo.insert({ ...(cols as NewMemberRow), id, orgId: org.id, orgPath: org.path }, tx);
      const base = { memberId: id, recordedBy: arrival.recordedBy };
      const history: NewEventRow[] = [
        {
          ...base,
          id: crypto.randomUUID(),
          seq: 1,
          type: 'registered',
          effectiveDate: body.joinDate,
          orgId: null,
          orgPath: null,
          details: { category: 'probationary' },
        },
      ];
      if (body.category === 'full')
        history.push({
          ...base,
          id: crypto.randomUUID(),
          seq: 2,
          type: 'converted',
          effectiveDate: body.fullMemberDate!,
          orgId: null,
          orgPath: null,
        });
      history.push({
        ...base,
        id: crypto.randomUUID(),
        seq: history.length + 1,
        type: 'transferred_in',
        effectiveDate: arrival.date,
        orgId: org.id,
        orgPath: org.path,
        details: { ...arrival.details, category: body.category },
      });
      const inserted = await repo.insertEvents(history, tx);
      const row = await refreshCache(id, tx);
      audit.record({
        action: 'member.create',
        entity: 'member',
        entityId: id,
        orgPath: org.path,
        after: { ...memberAuditView(row), events: inserted.map(eventAuditView) },
      });
      return toMemberDto(row, cachedLifecycle(row, org.name), today());
    },

    /**
     * A 预备党员 admitted by 发展党员 (step 17, 上级党委审批): the record and its `joined` event dated the 支部大会
     * (join date), inside the caller's transaction — the caller has decided who may do this. Same checks, cache
     * refresh and audit as `create`.
     */
    async admitInTx(tx: Tx, audit: AuditRecorder, body: CreateMemberBody, recordedBy: string): Promise<Member> {
      throwIf(checkIdentity(body, 'body', today()));
      throwIf(checkLifecycleDates(body, today()));
      const org = (await repo.orgsByIds([body.orgId], tx)).get(body.orgId);
      if (!org) throw fieldError('body.orgId', MESSAGES.targetOrgRequired);
      if (!isMemberOrgType(org.type)) throw fieldError('body.orgId', MESSAGES.memberOrgNotBranch);
      const cols = personalColumns(body);
      await rejectDuplicate(cols.idNumberHash!, null, tx);
      const id = crypto.randomUUID();
      await repo.insert({ ...(cols as NewMemberRow), id, orgId: org.id, orgPath: org.path }, tx);
      const inserted = await repo.insertEvents(newMemberEvents(id, org, body, recordedBy), tx);
      const row = await refreshCache(id, tx);
      audit.record({
        action: 'member.create',
        entity: 'member',
        entityId: id,
        orgPath: org.path,
        after: { ...memberAuditView(row), events: inserted.map(eventAuditView) },
      });
      return toMemberDto(row, cachedLifecycle(row, org.name), today());
    },
  };
}
export type MemberService = ReturnType<typeof createMemberService>;
