import { randomUUID } from 'node:crypto';
import type {
  ActivityType,
  CreateMeetingBody,
  ListMeetingsQuery,
  MeetingDetail,
  Page,
  ParticipantSpec,
  UpdateMeetingBody,
} from '@red-engine/shared';
import { eq, inArray } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { meetings, members, organizations, venues } from '../../db/schema/index.js';
import { notify } from '../notification/notification.notify.js';
import { meetingChanges, worthTelling } from '../notification/notification.policy.js';
import { toMeetingDetailDto, toMeetingDto } from './meeting.mapper.js';
import { isEditable } from './meeting.policy.js';
import { createMeetingRepository, type MeetingRow } from './meeting.repository.js';
import { newMeetingSecret } from './meeting.tokens.js';
import { createVenueBookings, venueConflictError, venueVisibleTo } from './meeting.venues.js';

const MINUTE = 60_000;
const MAX_LENGTH_MS = 7 * 24 * 3_600_000;

/** 组织生活: plan, edit, cancel, list and read meetings; venue bookings. */
export function createMeetingService(deps: { db: Db; onChanged?: (id: string) => void }) {
  const { db } = deps;
  const repo = createMeetingRepository(db);
  const bookings = createVenueBookings(db, repo);

  /** The meeting if its organization lies in the actor's scope for the permission; else 404. */
  async function inScope(
    actor: Actor,
    id: string,
    permission: 'meeting:read' | 'meeting:write',
    tx: DbOrTx = db,
    lock = false,
  ) {
    const m = await repo.meeting(id, tx, lock);
    if (!m) throw notFound();
    const roots = scopePaths(actor, permission);
    if (roots.some((root) => m.orgPath.startsWith(root))) return m;
    // Partners of a joint activity read it; only the host's side plans, edits and runs it.
    if (
      permission === 'meeting:read' &&
      (await repo.partnerPaths(id, tx)).some((p) => roots.some((r) => p.startsWith(r)))
    )
      return m;
    throw notFound();
  }

  async function orgInWriteScope(actor: Actor, orgId: string, tx: DbOrTx) {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
    if (!org || !scopePaths(actor, 'meeting:write').some((r) => org.path.startsWith(r)))
      throw fieldError('body.orgId', MESSAGES.meetingOrgOutOfScope);
    return org;
  }

  async function checkTypes(codes: string[], tx: DbOrTx) {
    const known = new Map((await repo.activityTypes(tx)).map((t) => [t.code, t]));
    for (const code of codes)
      if (!known.get(code)?.active) throw fieldError('body.typeCodes', MESSAGES.meetingUnknownType(code));
  }

  /** Participants may come from the actor's own scope and from the joint organizations' subtrees. */
  async function checkParticipants(actor: Actor, spec: ParticipantSpec, jointOrgIds: string[], tx: DbOrTx) {
    if (!spec.orgIds.length && !spec.groupIds.length && !spec.memberIds.length)
      throw fieldError('body.participants', MESSAGES.meetingNoParticipants);
    const jointPaths = jointOrgIds.length
      ? (
          await tx
            .select({ path: organizations.path })
            .from(organizations)
            .where(inArray(organizations.id, jointOrgIds))
        ).map((o) => o.path)
      : [];
    const roots = [...scopePaths(actor, 'meeting:write'), ...jointPaths];
    const orgIds = [...spec.orgIds, ...spec.groupIds];
    if (orgIds.length) {
      const rows = await tx.select().from(organizations).where(inArray(organizations.id, orgIds));
      for (const id of orgIds) {
        const org = rows.find((r) => r.id === id);
        const path = spec.groupIds.includes(id) ? 'body.participants.groupIds' : 'body.participants.orgIds';
        if (!org || !roots.some((r) => org.path.startsWith(r))) throw fieldError(path, MESSAGES.meetingOrgOutOfScope);
        if (spec.groupIds.includes(id) && org.type !== 'party_group')
          throw fieldError(path, MESSAGES.meetingGroupNotGroup);
      }
    }
    if (spec.memberIds.length) {
      const rows = await tx
        .select({ id: members.id, orgPath: members.orgPath })
        .from(members)
        .where(inArray(members.id, spec.memberIds));
      for (const id of spec.memberIds) {
        const m = rows.find((r) => r.id === id);
        if (!m?.orgPath || !roots.some((r) => m.orgPath!.startsWith(r)))
          throw fieldError('body.participants.memberIds', MESSAGES.meetingOrgOutOfScope);
      }
    }
  }

  /**
   * Locks the venue row, so two bookings of the same slot cannot both pass the overlap check. A newly chosen venue
   * must be one the actor can see (their own rooms and the centers of their ancestors).
   */
  async function checkVenue(
    actor: Actor,
    venueId: string,
    startsAt: Date,
    endsAt: Date,
    excludeId: string | null,
    tx: Tx,
    chosen = true,
  ) {
    const [venue] = await tx.select().from(venues).where(eq(venues.id, venueId)).for('update');
    if (!venue || (chosen && !(await venueVisibleTo(actor, venueId, tx))))
      throw fieldError('body.venueId', MESSAGES.notFound);
    const [clash] = await repo.venueConflicts(venueId, startsAt, endsAt, excludeId, tx);
    if (clash) throw venueConflictError(actor, clash);
    return venue;
  }

  type Timing = Pick<
    MeetingRow,
    | 'startsAt'
    | 'endsAt'
    | 'checkinOpensAt'
    | 'checkinClosesAt'
    | 'lateAfter'
    | 'checkinRotationSeconds'
    | 'checkinGraceSeconds'
  > &
    Pick<MeetingRow, 'geofenceEnabled' | 'geofenceLatitude' | 'geofenceLongitude' | 'geofenceRadiusMeters'>;

  /** Times and check-in settings from the body, the previous values and the rule defaults. */
  async function timing(
    body: UpdateMeetingBody,
    prev: Timing | null,
    venue: typeof venues.$inferSelect | null,
    tx: DbOrTx,
  ): Promise<Timing> {
    const s = await repo.settings(tx);
    const startsAt = body.startsAt ? new Date(body.startsAt) : prev!.startsAt;
    const endsAt = body.endsAt ? new Date(body.endsAt) : prev!.endsAt;
    if (endsAt <= startsAt) throw fieldError('body.endsAt', MESSAGES.meetingEndBeforeStart);
    if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS) throw fieldError('body.endsAt', MESSAGES.meetingTooLong);
    const c = body.checkin ?? {};
    const moved = Boolean(body.startsAt || body.endsAt);
    const pick = (given: string | undefined, old: Date | undefined, derived: Date) =>
      given ? new Date(given) : old && !moved ? old : derived;
    const opensAt = pick(
      c.opensAt,
      prev?.checkinOpensAt,
      new Date(startsAt.getTime() - s['checkin.opens_before_minutes'] * MINUTE),
    );
    const closesAt = pick(
      c.closesAt,
      prev?.checkinClosesAt,
      new Date(endsAt.getTime() + s['checkin.closes_after_minutes'] * MINUTE),
    );
    const lateAfter = pick(
      c.lateAfter,
      prev?.lateAfter,
      new Date(startsAt.getTime() + s['checkin.late_after_minutes'] * MINUTE),
    );
    if (closesAt <= opensAt) throw fieldError('body.checkin.closesAt', MESSAGES.meetingWindow);
    const fence = c.geofence;
    const enabled = fence?.enabled ?? prev?.geofenceEnabled ?? false;
    const latitude =
      fence?.latitude ?? (fence ? (venue?.latitude ?? null) : (prev?.geofenceLatitude ?? venue?.latitude ?? null));
    const longitude =
      fence?.longitude ?? (fence ? (venue?.longitude ?? null) : (prev?.geofenceLongitude ?? venue?.longitude ?? null));
    if (enabled && (latitude === null || longitude === null))
      throw fieldError('body.checkin.geofence', MESSAGES.meetingFenceCenter);
    return {
      startsAt,
      endsAt,
      checkinOpensAt: opensAt,
      checkinClosesAt: closesAt,
      lateAfter,
      checkinRotationSeconds: c.rotationSeconds ?? prev?.checkinRotationSeconds ?? s['checkin.rotation_seconds'],
      checkinGraceSeconds: c.graceSeconds ?? prev?.checkinGraceSeconds ?? s['checkin.grace_seconds'],
      geofenceEnabled: enabled,
      geofenceLatitude: latitude,
      geofenceLongitude: longitude,
      geofenceRadiusMeters: fence?.radiusMeters ?? prev?.geofenceRadiusMeters ?? s['checkin.geofence_radius_meters'],
    };
  }

  async function detail(m: MeetingRow, tx: DbOrTx = db): Promise<MeetingDetail> {
    const now = new Date();
    const [row, types, counts, jointOrgs, organizers] = await Promise.all([
      repo.listRow(m.id, tx),
      repo.typesOf([m.id], tx),
      repo.counts([m.id], tx),
      repo.jointOrgs(m.id, tx),
      m.organizerMemberIds.length
        ? tx
            .select({ id: members.id, name: members.name })
            .from(members)
            .where(inArray(members.id, m.organizerMemberIds))
        : Promise.resolve([]),
    ]);
    return toMeetingDetailDto(toMeetingDto(row!, types.get(m.id) ?? [], counts.get(m.id), now), m, {
      organizers,
      jointOrgs,
    });
  }

  const factsOf = (m: MeetingRow) => ({
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    venueId: m.venueId,
    location: m.location,
  });

  const auditView = (
    m: Pick<MeetingRow, 'title' | 'startsAt' | 'endsAt' | 'venueId' | 'status'>,
    types?: string[],
  ) => ({
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    venueId: m.venueId,
    status: m.status,
    ...(types ? { typeCodes: types } : {}),
  });

  return {
    inScope,

    async activityTypes(): Promise<ActivityType[]> {
      return (await repo.activityTypes()).map((t) => ({ ...t, category: t.category as ActivityType['category'] }));
    },

    async list(actor: Actor, q: ListMeetingsQuery): Promise<Page<ReturnType<typeof toMeetingDto>>> {
      const now = new Date();
      const { rows, total } = await repo.list(scopePaths(actor, 'meeting:read'), q, now);
      const ids = rows.map((r) => r.id);
      const [types, counts] = await Promise.all([repo.typesOf(ids), repo.counts(ids)]);
      return {
        data: rows.map((r) => toMeetingDto(r, types.get(r.id) ?? [], counts.get(r.id), now)),
        total,
        current: q.current,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      return detail(await inScope(actor, id, 'meeting:read'));
    },

    async create(ctx: RequestContext, body: CreateMeetingBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const org = await orgInWriteScope(actor, body.orgId, tx);
        await checkTypes(body.typeCodes, tx);
        await checkParticipants(actor, body.participants, body.jointOrgIds, tx);
        const t = await timing(body, null, null, tx);
        const venue = body.venueId ? await checkVenue(actor, body.venueId, t.startsAt, t.endsAt, null, tx) : null;
        const withVenue = body.checkin?.geofence || !venue ? t : await timing(body, null, venue, tx);
        const id = randomUUID();
        await tx.insert(meetings).values({
          id,
          orgId: org.id,
          orgPath: org.path,
          title: body.title,
          agenda: body.agenda ?? null,
          venueId: body.venueId ?? null,
          location: body.location ?? null,
          hostName: body.hostName ?? null,
          recorderName: body.recorderName ?? null,
          organizerMemberIds: body.organizerMemberIds,
          participantSpec: body.participants,
          checkinSecret: newMeetingSecret(),
          ...withVenue,
          createdById: actor.userId,
        });
        await repo.replaceTypes(id, body.typeCodes, tx);
        await repo.replaceJointOrgs(id, body.jointOrgIds, tx);
        const expected = await repo.materializeParticipants(id, body.participants, tx);
        const m = (await repo.meeting(id, tx))!;
        audit.record({
          action: 'meeting.created',
          entity: 'meeting',
          entityId: id,
          orgPath: org.path,
          after: { ...auditView(m, body.typeCodes), orgId: org.id, expected, participants: body.participants },
        });
        const created = await detail(m, tx);
        if (worthTelling(m.endsAt, new Date())) await notify.participants(tx, 'meeting.planned', created);
        return created;
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateMeetingBody) {
      const actor = ctx.actor!;
      const result = await inTransaction(db, ctx, async (tx, audit) => {
        const before = await inScope(actor, id, 'meeting:write', tx, true);
        if (!isEditable(before.status)) throw new AppError('MEETING_NOT_EDITABLE', MESSAGES.meetingNotEditable);
        const started = new Date() >= before.startsAt;
        if (started && (body.startsAt || body.endsAt || body.participants || body.venueId !== undefined))
          throw new AppError('MEETING_NOT_EDITABLE', MESSAGES.meetingStarted);
        if (body.typeCodes) await checkTypes(body.typeCodes, tx);
        const jointOrgIds = body.jointOrgIds ?? (await repo.jointOrgs(id, tx)).map((o) => o.id);
        if (body.participants) await checkParticipants(actor, body.participants, jointOrgIds, tx);
        const venueId = body.venueId === undefined ? before.venueId : body.venueId;
        const t0 = await timing(body, before, null, tx);
        const venue = venueId
          ? await checkVenue(actor, venueId, t0.startsAt, t0.endsAt, id, tx, venueId !== before.venueId)
          : null;
        const t = body.checkin?.geofence || !venue ? t0 : await timing(body, before, venue, tx);
        await tx
          .update(meetings)
          .set({
            ...(body.title !== undefined && { title: body.title }),
            ...(body.agenda !== undefined && { agenda: body.agenda ?? null }),
            ...(body.location !== undefined && { location: body.location ?? null }),
            ...(body.hostName !== undefined && { hostName: body.hostName ?? null }),
            ...(body.recorderName !== undefined && { recorderName: body.recorderName ?? null }),
            ...(body.organizerMemberIds !== undefined && { organizerMemberIds: body.organizerMemberIds }),
            ...(body.participants !== undefined && { participantSpec: body.participants }),
            venueId,
            ...t,
            updatedAt: new Date(),
          })
          .where(eq(meetings.id, id));
        if (body.typeCodes) await repo.replaceTypes(id, body.typeCodes, tx);
        if (body.jointOrgIds) await repo.replaceJointOrgs(id, body.jointOrgIds, tx);
        if (body.participants) await repo.materializeParticipants(id, body.participants, tx);
        const after = (await repo.meeting(id, tx))!;
        audit.record({
          action: 'meeting.updated',
          entity: 'meeting',
          entityId: id,
          orgPath: before.orgPath,
          before: auditView(before),
          after: { ...auditView(after, body.typeCodes), changed: Object.keys(body) },
        });
        const updated = await detail(after, tx);
        if (worthTelling(after.endsAt, new Date())) {
          // Participants added by the edit hear of the meeting; those already on the list hear what changed.
          if (body.participants)
            await notify.participants(tx, 'meeting.planned', updated, {}, { kind: 'meeting.planned' });
          const changes = meetingChanges(factsOf(before), factsOf(after));
          if (changes.length)
            await notify.participants(
              tx,
              'meeting.changed',
              updated,
              { changes, previousStartsAt: before.startsAt.toISOString(), previousEndsAt: before.endsAt.toISOString() },
              { kind: 'meeting.planned', thisTransaction: true },
            );
        }
        return updated;
      });
      deps.onChanged?.(id);
      return result;
    },

    async cancel(ctx: RequestContext, id: string, reason: string) {
      const result = await inTransaction(db, ctx, async (tx, audit) => {
        const m = await inScope(ctx.actor!, id, 'meeting:write', tx, true);
        if (!isEditable(m.status)) throw new AppError('MEETING_NOT_EDITABLE', MESSAGES.meetingNotEditable);
        await tx
          .update(meetings)
          .set({ status: 'cancelled', cancelReason: reason, updatedAt: new Date() })
          .where(eq(meetings.id, id));
        audit.record({
          action: 'meeting.cancelled',
          entity: 'meeting',
          entityId: id,
          orgPath: m.orgPath,
          before: { status: m.status },
          after: { status: 'cancelled', reason },
        });
        const cancelled = await detail((await repo.meeting(id, tx))!, tx);
        if (worthTelling(m.endsAt, new Date()))
          await notify.participants(tx, 'meeting.cancelled', cancelled, { reason });
        return cancelled;
      });
      deps.onChanged?.(id);
      return result;
    },

    venueAvailability: bookings.availability,
    venueBookings: bookings.bookings,
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
