import { randomUUID } from 'node:crypto';
import type {
  Board,
  CheckinMethod,
  CheckinRejection,
  CheckinResult,
  IssuedStaffToken,
  MemberCheckinBody,
  MemberCode,
  RoomCode,
  StaffScanBody,
  StaffSession,
  StaffToken,
} from '@red-engine/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { checkinRejections, checkinStaffTokens, members } from '../../db/schema/index.js';
import { recordDeferred } from '../audit/index.js';
import { createAdmissions } from './meeting.admission.js';
import { toStaffTokenDto } from './meeting.mapper.js';
import { attendanceCounts, checkFence, isLate, meetingPhase, windowRejection } from './meeting.policy.js';
import { createMeetingRepository, type MeetingRow, type StaffTokenRow } from './meeting.repository.js';
import type { MeetingService } from './meeting.service.js';
import {
  issueMemberCode,
  issueRoomCode,
  memberCodeKey,
  newStaffToken,
  parseRoomCode,
  staffTokenHash,
  verifyMemberCode,
  verifyRoomCode,
  windowEndsAt,
  windowOf,
} from './meeting.tokens.js';

/** A check-in burst reads the same meeting thousands of times: keep it for a moment (edits evict it here). */
const MEETING_CACHE_MS = 2_000;

type Who = { memberId?: string; userId?: string };
type Presence = {
  method: CheckinMethod;
  staffTokenId?: string | null;
  byUserId?: string | null;
  byName?: string | null;
};

const svgOf = (text: string) => QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

/**
 * The one check-in decision engine (PEER-LESSONS §8.2): the member's own scan of the room code, a volunteer's scan
 * of a member's code and the organizer's scan all end in `admit`, which writes the presence and its audit event in
 * ONE statement — no chain-head lock on this path (the sealer chains the event, decision 0004). The primary key
 * (meeting, member) makes a second presence impossible; the nonce turns a retried request into the first one's answer.
 */
export function createCheckinService(deps: { db: Db; dataKey: Buffer; meetings: MeetingService }) {
  const { db } = deps;
  const repo = createMeetingRepository(db);
  const memberKey = memberCodeKey(deps.dataKey);
  const cache = new Map<string, { row: MeetingRow; at: number }>();
  const admissions = createAdmissions(db);

  async function meetingById(id: string): Promise<MeetingRow | undefined> {
    const hit = cache.get(id);
    const now = Date.now();
    if (hit && now - hit.at < MEETING_CACHE_MS) return hit.row;
    const row = await repo.meeting(id);
    if (row) {
      if (cache.size > 1000) cache.clear();
      cache.set(id, { row, at: now });
    }
    return row;
  }

  function reject(
    reason: CheckinRejection,
    extra: {
      at?: Date;
      method?: CheckinMethod;
      distance?: number;
      positionError?: string | null;
      memberName?: string;
    } = {},
  ): AppError {
    const details = {
      reason,
      ...(extra.memberName && { memberName: extra.memberName }),
      ...(extra.at && { checkedInAt: extra.at.toISOString() }),
      ...(extra.method && { method: extra.method }),
      ...(extra.distance !== undefined && { distanceMeters: extra.distance }),
    };
    const code =
      reason === 'already_checked_in'
        ? 'CHECKIN_ALREADY'
        : reason.startsWith('staff_token')
          ? 'STAFF_TOKEN_INVALID'
          : 'CHECKIN_REJECTED';
    return new AppError(code, MESSAGES.checkin(reason, extra), { details });
  }

  /** Records a refused attempt (with its audit event) and returns the error to answer with. */
  async function refuse(
    ctx: RequestContext,
    attempt: {
      meeting?: MeetingRow | null;
      memberId?: string | null;
      staffTokenId?: string | null;
      method: string;
      nonce?: string | null;
    },
    reason: CheckinRejection,
    extra: Parameters<typeof reject>[1] & { detail?: Record<string, unknown> } = {},
  ): Promise<AppError> {
    const at = new Date();
    const meetingId = attempt.meeting?.id ?? null;
    await db.transaction(async (tx) => {
      await tx.insert(checkinRejections).values({
        at,
        meetingId,
        memberId: attempt.memberId ?? null,
        userId: ctx.actor?.userId ?? null,
        staffTokenId: attempt.staffTokenId ?? null,
        method: attempt.method,
        reason,
        detail: extra.detail ?? (extra.distance !== undefined ? { distanceMeters: extra.distance } : null),
        nonce: attempt.nonce ?? null,
        ip: ctx.ip,
      });
      await recordDeferred(
        tx,
        ctx,
        [
          {
            action: 'checkin.rejected',
            entity: 'meeting',
            entityId: meetingId,
            orgPath: attempt.meeting?.orgPath ?? null,
            after: {
              reason,
              method: attempt.method,
              memberId: attempt.memberId ?? null,
              staffTokenId: attempt.staffTokenId ?? null,
            },
          },
        ],
        at,
      );
    });
    return reject(reason, extra);
  }

  /** Writes the presence and its audit event in one statement; answers with the outcome for this member. */
  async function admit(
    ctx: RequestContext,
    meeting: MeetingRow,
    who: Who,
    presence: Presence,
    nonce: string,
    position?: { latitude: number; longitude: number; accuracy?: number | undefined } | null,
  ): Promise<CheckinResult | { notParticipant: true; memberId: string | null }> {
    const now = new Date();
    const status = isLate(meeting.lateAfter, now) ? 'late' : 'present';
    const actor = ctx.actor;
    const row = await admissions.admit({
      meetingId: meeting.id,
      orgPath: meeting.orgPath,
      memberId: who.memberId ?? null,
      userId: who.memberId ? null : who.userId!,
      status,
      method: presence.method,
      at: now,
      nonce,
      staffTokenId: presence.staffTokenId ?? null,
      byUserId: presence.byUserId ?? null,
      byName: presence.byName ?? null,
      latitude: position?.latitude ?? null,
      longitude: position?.longitude ?? null,
      accuracy: position?.accuracy ?? null,
      actorId: actor?.userId ?? null,
      actorName: actor?.displayName ?? presence.byName ?? null,
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    if (!row) return { notParticipant: true, memberId: who.memberId ?? null };
    const base = {
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      memberId: row.memberId,
      memberName: row.memberName,
    };
    if (row.inserted)
      return { ...base, status, method: presence.method, checkedInAt: now.toISOString(), replayed: false };
    const [existing] = await queryRows<{
      status: string;
      method: CheckinMethod;
      checked_in_at: Date | string;
      nonce: string | null;
    }>(
      db,
      sql`select status, method, checked_in_at, nonce from meeting_attendance where meeting_id = ${meeting.id} and member_id = ${row.memberId}`,
    );
    const at = new Date(existing!.checked_in_at);
    if (existing!.nonce === nonce)
      return {
        ...base,
        status: existing!.status as CheckinResult['status'],
        method: existing!.method,
        checkedInAt: at.toISOString(),
        replayed: true,
      };
    throw await refuse(
      ctx,
      { meeting, memberId: row.memberId, method: presence.method, nonce, staffTokenId: presence.staffTokenId ?? null },
      'already_checked_in',
      {
        at,
        method: existing!.method,
        memberName: row.memberName,
      },
    );
  }

  /** A member's own check-in with the projected room code (the H5 deep link). */
  async function memberCheckin(ctx: RequestContext, body: MemberCheckinBody): Promise<CheckinResult> {
    const attempt = { method: 'room_code', nonce: body.nonce };
    const parsed = parseRoomCode(body.code);
    const meeting = parsed ? await meetingById(parsed.meetingId) : undefined;
    if (!parsed || !meeting) throw await refuse(ctx, attempt, 'forged', { detail: { code: body.code.slice(0, 80) } });
    if (body.meetingId && body.meetingId !== meeting.id) {
      const claimed = await meetingById(body.meetingId);
      throw await refuse(ctx, { ...attempt, meeting: claimed ?? null }, 'other_meeting', {
        detail: { codeMeetingId: meeting.id },
      });
    }
    const now = Date.now();
    const verdict = verifyRoomCode(
      parsed,
      meeting.checkinSecret,
      { rotationSeconds: meeting.checkinRotationSeconds, graceSeconds: meeting.checkinGraceSeconds },
      now,
    );
    if (!verdict.ok)
      throw await refuse(ctx, { ...attempt, meeting }, verdict.reason, {
        detail: { window: parsed.window, current: windowOf(now, meeting.checkinRotationSeconds) },
      });
    const closed = windowRejection(meeting, new Date(now));
    if (closed) throw await refuse(ctx, { ...attempt, meeting }, closed);
    const fence = checkFence(
      {
        enabled: meeting.geofenceEnabled,
        latitude: meeting.geofenceLatitude,
        longitude: meeting.geofenceLongitude,
        radiusMeters: meeting.geofenceRadiusMeters,
      },
      body.position,
      body.positionError,
    );
    if (!fence.ok) {
      // Asking for the position is a step of the protocol, not an attempt: only a failed position is recorded.
      if (fence.reason === 'location_required' && !fence.positionError) throw reject('location_required');
      throw await refuse(
        ctx,
        { ...attempt, meeting },
        fence.reason,
        fence.reason === 'outside_fence' ? { distance: fence.distanceMeters } : { positionError: fence.positionError },
      );
    }
    const result = await admit(
      ctx,
      meeting,
      { userId: ctx.actor!.userId },
      { method: 'room_code' },
      body.nonce,
      body.position,
    );
    if ('notParticipant' in result) throw await refuse(ctx, { ...attempt, meeting }, 'not_participant');
    return result;
  }

  /** A volunteer's (staff token) or an organizer's scan of a member's personal code. */
  async function scanMemberCode(
    ctx: RequestContext,
    meeting: MeetingRow,
    body: StaffScanBody,
    presence: Presence,
  ): Promise<CheckinResult> {
    const attempt = { meeting, method: 'staff_scan', nonce: body.nonce, staffTokenId: presence.staffTokenId ?? null };
    const verdict = verifyMemberCode(memberKey, body.code, Date.now());
    if (!verdict.ok) throw await refuse(ctx, attempt, verdict.reason);
    // The volunteer sees whom the refusal is about.
    const named = async () => {
      const [m] = await db.select({ name: members.name }).from(members).where(eq(members.id, verdict.memberId));
      return m ? { memberName: m.name } : {};
    };
    if (meeting.status === 'cancelled')
      throw await refuse(ctx, { ...attempt, memberId: verdict.memberId }, 'meeting_cancelled', await named());
    const result = await admit(ctx, meeting, { memberId: verdict.memberId }, presence, body.nonce);
    if ('notParticipant' in result)
      throw await refuse(ctx, { ...attempt, memberId: verdict.memberId }, 'not_participant', await named());
    return result;
  }

  async function staffTokenOf(
    ctx: RequestContext,
    token: string | undefined,
  ): Promise<{ row: StaffTokenRow; meeting: MeetingRow }> {
    const hash = token ? staffTokenHash(token) : null;
    const [row] = hash ? await db.select().from(checkinStaffTokens).where(eq(checkinStaffTokens.tokenHash, hash)) : [];
    if (!row) throw await refuse(ctx, { method: 'staff_scan' }, 'staff_token_invalid');
    const meeting = (await meetingById(row.meetingId))!;
    const attempt = { meeting, method: 'staff_scan', staffTokenId: row.id };
    if (row.revokedAt) throw await refuse(ctx, attempt, 'staff_token_revoked');
    const now = new Date();
    if (now < row.validFrom || now > row.validUntil) throw await refuse(ctx, attempt, 'staff_token_outside_window');
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
      await db.update(checkinStaffTokens).set({ lastUsedAt: now }).where(eq(checkinStaffTokens.id, row.id));
    return { row, meeting };
  }

  async function board(meeting: MeetingRow): Promise<Board> {
    const now = new Date();
    const [counts, recent] = await Promise.all([repo.counts([meeting.id]), repo.recentCheckins(meeting.id)]);
    return {
      meetingId: meeting.id,
      title: meeting.title,
      phase: meetingPhase(meeting, now),
      counts: attendanceCounts(counts.get(meeting.id) ?? { expected: 0, present: 0, late: 0, madeUp: 0, onLeave: 0 }),
      recent: recent.map((r) => ({
        memberName: r.member_name,
        at: new Date(r.checked_in_at).toISOString(),
        method: r.method as CheckinMethod,
        status: r.status as Board['recent'][number]['status'],
      })),
      serverTime: now.toISOString(),
    };
  }

  return {
    forget: (id: string) => cache.delete(id),
    memberCheckin,

    async roomCode(actor: Actor, id: string, origin: string): Promise<RoomCode> {
      const m = await deps.meetings.inScope(actor, id, 'meeting:write');
      const now = Date.now();
      const code = issueRoomCode(m.id, m.checkinSecret, windowOf(now, m.checkinRotationSeconds));
      const url = `${origin}/m/checkin?c=${code}`;
      return {
        code,
        url,
        svg: await svgOf(url),
        validUntil: windowEndsAt(now, m.checkinRotationSeconds).toISOString(),
        rotationSeconds: m.checkinRotationSeconds,
        serverTime: new Date(now).toISOString(),
      };
    },

    async board(actor: Actor, id: string) {
      return board(await deps.meetings.inScope(actor, id, 'meeting:read'));
    },

    async organizerScan(ctx: RequestContext, id: string, body: StaffScanBody) {
      const m = await repo.meeting(id);
      if (!m || !scopePaths(ctx.actor!, 'checkin:scan').some((r) => m.orgPath.startsWith(r))) throw notFound();
      return scanMemberCode(ctx, m, body, {
        method: 'staff_scan',
        byUserId: ctx.actor!.userId,
        byName: ctx.actor!.displayName,
      });
    },

    async staffSession(ctx: RequestContext, token: string | undefined): Promise<StaffSession> {
      const { row, meeting } = await staffTokenOf(ctx, token);
      const b = await board(meeting);
      return {
        meetingId: meeting.id,
        meetingTitle: meeting.title,
        label: row.label,
        validFrom: row.validFrom.toISOString(),
        validUntil: row.validUntil.toISOString(),
        counts: b.counts,
      };
    },

    async staffScan(ctx: RequestContext, token: string | undefined, body: StaffScanBody) {
      const { row, meeting } = await staffTokenOf(ctx, token);
      return scanMemberCode(ctx, meeting, body, { method: 'staff_scan', staffTokenId: row.id, byName: row.label });
    },

    async memberCode(actor: Actor): Promise<MemberCode> {
      const [member] = await db.select({ id: members.id }).from(members).where(eq(members.userId, actor.userId));
      if (!member) throw notFound();
      const minutes = (await repo.settings())['checkin.member_code_minutes'];
      const validUntil = new Date(Date.now() + minutes * 60_000);
      const code = issueMemberCode(memberKey, member.id, validUntil.getTime());
      return {
        code,
        svg: await svgOf(code),
        validUntil: validUntil.toISOString(),
        serverTime: new Date().toISOString(),
      };
    },

    async listStaffTokens(actor: Actor, id: string): Promise<StaffToken[]> {
      await deps.meetings.inScope(actor, id, 'meeting:write');
      const rows = await db
        .select()
        .from(checkinStaffTokens)
        .where(eq(checkinStaffTokens.meetingId, id))
        .orderBy(desc(checkinStaffTokens.createdAt));
      return rows.map(toStaffTokenDto);
    },

    async issueStaffToken(
      ctx: RequestContext,
      id: string,
      body: { label: string; validFrom?: string | undefined; validUntil?: string | undefined },
      origin: string,
    ): Promise<IssuedStaffToken> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const m = await deps.meetings.inScope(ctx.actor!, id, 'meeting:write', tx);
        if (m.status !== 'planned') throw new AppError('MEETING_NOT_EDITABLE', MESSAGES.meetingNotEditable);
        const validFrom = body.validFrom ? new Date(body.validFrom) : m.checkinOpensAt;
        const validUntil = body.validUntil ? new Date(body.validUntil) : m.checkinClosesAt;
        if (validUntil <= validFrom) throw fieldError('body.validUntil', MESSAGES.staffTokenWindow);
        const token = newStaffToken();
        const [row] = await tx
          .insert(checkinStaffTokens)
          .values({
            id: randomUUID(),
            meetingId: id,
            label: body.label,
            tokenHash: staffTokenHash(token)!,
            validFrom,
            validUntil,
            createdById: ctx.actor!.userId,
          })
          .returning();
        audit.record({
          action: 'meeting.staff_token_issued',
          entity: 'meeting',
          entityId: id,
          orgPath: m.orgPath,
          after: { tokenId: row!.id, label: body.label, validFrom, validUntil },
        });
        const url = `${origin}/m/staff?t=${token}`;
        return { ...toStaffTokenDto(row!), token, url, svg: await svgOf(url) };
      });
    },

    async revokeStaffToken(ctx: RequestContext, tokenId: string): Promise<StaffToken> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const [row] = await tx
          .select()
          .from(checkinStaffTokens)
          .where(eq(checkinStaffTokens.id, tokenId))
          .for('update');
        if (!row) throw notFound();
        const m = await deps.meetings.inScope(ctx.actor!, row.meetingId, 'meeting:write', tx);
        if (row.revokedAt) throw new AppError('CONFLICT', MESSAGES.staffTokenRevokedAlready);
        const [after] = await tx
          .update(checkinStaffTokens)
          .set({ revokedAt: new Date(), revokedById: ctx.actor!.userId })
          .where(and(eq(checkinStaffTokens.id, tokenId)))
          .returning();
        audit.record({
          action: 'meeting.staff_token_revoked',
          entity: 'meeting',
          entityId: m.id,
          orgPath: m.orgPath,
          after: { tokenId, label: row.label },
        });
        return toStaffTokenDto(after!);
      });
    },
  };
}

export type CheckinService = ReturnType<typeof createCheckinService>;
