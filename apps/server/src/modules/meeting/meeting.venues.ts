import type {
  MeetingStatus,
  VenueAvailabilityQuery,
  VenueBooking,
  VenueBookingsQuery,
  VenueConflict,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { isPathInScope, scopePaths } from '../../core/scope.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { iso } from './meeting.mapper.js';
import type { BookingRow, MeetingRepository } from './meeting.repository.js';

/**
 * 阵地预约: a venue's bookings (the calendar) and the availability check of the planning form. A regional
 * 党群活动中心 is shared by every branch below its owner, so its calendar holds other branches' meetings: those
 * outside the caller's `meeting:read` scope show only their time, as 已预约（其他组织）.
 */

/**
 * A venue owned by the organization at `ownerPath` is visible from these roots when it is owned inside them or by
 * one of their ancestors (the venue module's rule: a regional center serves the branches below it).
 */
export const venueVisibleFrom = (roots: readonly string[], ownerPath: string): boolean =>
  roots.some((r) => ownerPath.startsWith(r) || r.startsWith(ownerPath));

/** The path of the venue's owning organization; undefined for an unknown venue. */
async function ownerPathOf(db: DbOrTx, venueId: string): Promise<string | undefined> {
  const [row] = await queryRows<{ path: string }>(
    db,
    sql`select o.path from venues v join organizations o on o.id = v.owner_org_id where v.id = ${venueId}`,
  );
  return row?.path;
}

/** True when the actor may see (and so book) the venue. */
export async function venueVisibleTo(actor: Actor, venueId: string, db: DbOrTx): Promise<boolean> {
  const owner = await ownerPathOf(db, venueId);
  return owner !== undefined && venueVisibleFrom(scopePaths(actor, 'venue:read'), owner);
}

/** One booking as the actor may see it: title and organization only for meetings in their scope. */
export function toBookingDto(actor: Actor, r: BookingRow): VenueBooking {
  const inScope = isPathInScope(actor, 'meeting:read', r.org_path);
  return {
    meetingId: r.id,
    title: inScope ? r.title : null,
    orgName: inScope ? r.org_name : null,
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at)!,
    inScope,
    status: r.status as MeetingStatus,
  };
}

const toConflictDto = (actor: Actor, r: BookingRow): VenueConflict => {
  const { status: _status, ...conflict } = toBookingDto(actor, r);
  return conflict;
};

/** The VENUE_CONFLICT refusal; it names the meeting in the way only when the actor may read it. */
export function venueConflictError(actor: Actor, clash: BookingRow): AppError {
  const c = toConflictDto(actor, clash);
  const from = new Date(c.startsAt);
  const to = new Date(c.endsAt);
  return new AppError(
    'VENUE_CONFLICT',
    c.inScope ? MESSAGES.venueConflict(c.title!, c.orgName!, from, to) : MESSAGES.venueConflictOther(from, to),
    { details: { conflicts: [{ meetingId: c.meetingId, title: c.title, startsAt: c.startsAt }] } },
  );
}

export function createVenueBookings(db: Db, repo: MeetingRepository) {
  return {
    /** Bookings in the way of [startsAt, endsAt); none for a venue the actor cannot see. */
    async availability(actor: Actor, q: VenueAvailabilityQuery): Promise<VenueConflict[]> {
      if (!(await venueVisibleTo(actor, q.venueId, db))) return [];
      const rows = await repo.venueConflicts(
        q.venueId,
        new Date(q.startsAt),
        new Date(q.endsAt),
        q.excludeMeetingId ?? null,
      );
      return rows.map((r) => toConflictDto(actor, r));
    },

    /** The venue's calendar for [from, to); the venue must be visible to the actor, else 404. */
    async bookings(actor: Actor, venueId: string, q: VenueBookingsQuery): Promise<VenueBooking[]> {
      if (!(await venueVisibleTo(actor, venueId, db))) throw notFound();
      const rows = await repo.venueBookings(venueId, new Date(q.from), new Date(q.to), q.includeCancelled === 'true');
      return rows.map((r) => toBookingDto(actor, r)).filter((b) => b.status !== 'cancelled' || b.inScope);
    },
  };
}
