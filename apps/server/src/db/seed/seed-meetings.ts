import type { OrgDomain } from '@red-engine/shared';
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AuditRecorder } from '../../core/transaction.js';
import type { Tx } from '../client.js';
import {
  checkinRejections,
  meetingAttendance,
  meetingLeaves,
  meetingOrgs,
  meetingParticipants,
  meetings,
  meetingTypes,
  partyGroupMembers,
} from '../schema/index.js';
import type { Random } from './random.js';
import { type BranchPeople, loadPeople, type Person, type Venue, within } from './seed-meetings-people.js';
import {
  type Audience,
  addDays,
  type Intent,
  type PlanWindow,
  planBranch,
  planJoint,
  shiftToWorkday,
} from './seed-meetings-plan.js';
import {
  APPROVE_NOTES,
  agendaFor,
  CANCEL_REASONS,
  FLOW_LEAVE_REASON,
  focusFor,
  LEAVE_REASONS,
  MAKEUP_REASONS,
  minutesFor,
  REJECT_NOTES,
} from './seed-meetings-text.js';
import type { SeedBranch } from './seed-members.js';

/** 'year': twelve months and four weeks ahead (the demo); 'recent': the last two months and two weeks ahead (tests). */
export type MeetingSpan = 'year' | 'recent';
export type MeetingSeedCounts = {
  meetings: number;
  participants: number;
  attendance: number;
  leaves: number;
  groupMembers: number;
};

const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/**
 * 组织生活 demo data: 党小组 membership, and for every branch a year (or two months) of 三会一课, 主题党日, 组织生活会
 * and other activities up to a few weeks ahead, with participants as of each date, check-ins, leave, make-ups and
 * a few refused check-ins. About 10% of the branches miss some meetings so the compliance view has warnings.
 * One audit event per branch (`meeting.seeded`) sums it up instead of one per row.
 */
export async function seedMeetings(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  opts: { branches: SeedBranch[]; today: string; span: MeetingSpan },
): Promise<MeetingSeedCounts> {
  const { branches, today } = opts;
  const [y, m] = today.split('-').map(Number) as [number, number];
  const back = opts.span === 'year' ? 11 : 1;
  const startMonth = new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 10);
  const win: PlanWindow = { start: startMonth, today, end: addDays(today, opts.span === 'year' ? 28 : 14) };
  const midnight = at(today, '00:00');
  const { byBranch: people, condition } = await loadPeople(tx, rnd, branches);

  const groupRows = [...people.values()].flatMap((p) =>
    p.groups.flatMap((g) => g.members.map((mem) => ({ memberId: mem.id, groupId: g.id }))),
  );
  await insertChunks(tx, partyGroupMembers, groupRows);

  const bookings = new Map<string, [number, number][]>();
  const book = (venue: Venue, s: Date, e: Date) => {
    const k = `${venue.id}|${s.toISOString().slice(0, 10)}`;
    const list = bookings.get(k) ?? [];
    if (list.some(([a, b]) => a < e.getTime() && s.getTime() < b)) return false;
    list.push([s.getTime(), e.getTime()]);
    bookings.set(k, list);
    return true;
  };
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => rnd.int(0, 255))).toString('base64url');

  const meetingRows: (typeof meetings.$inferInsert)[] = [];
  const typeRows: (typeof meetingTypes.$inferInsert)[] = [];
  const orgRows: (typeof meetingOrgs.$inferInsert)[] = [];
  const participantRows: (typeof meetingParticipants.$inferInsert)[] = [];
  const attendanceRows: (typeof meetingAttendance.$inferInsert)[] = [];
  const leaveRows: (typeof meetingLeaves.$inferInsert)[] = [];
  const rejectionRows: (typeof checkinRejections.$inferInsert)[] = [];
  const totals = new Map<string, MeetingSeedCounts>();
  const lax = new Set<string>();
  for (const b of branches) if (b.key !== 'xingguang-1' && rnd.next() < 0.1) lax.add(b.id);

  const emit = (ctx: BranchPeople, intent: Intent & { jointOrgIds?: string[] }, cancelReason?: string) => {
    const orgPath = ctx.groups.find((g) => g.id === intent.orgId)?.path ?? ctx.branch.path;
    // Who was expected, with the branch they belonged to on that day.
    const audienceOf = (a: Audience): [Person, string][] => {
      const here = (b: BranchPeople, who: Person[]) =>
        who
          .filter((w) => b.stays.some((s) => s.person === w && within(s, intent.date)))
          .map((w): [Person, string] => [w, b.branch.id]);
      if (a.kind === 'group') return here(ctx, ctx.groups.find((g) => g.id === a.groupId)!.members);
      if (a.kind === 'core')
        return [ctx, ...(intent.jointOrgIds ?? []).map((id) => people.get(id)!)].flatMap((b) => here(b, b.core));
      return ctx.stays.filter((s) => within(s, intent.date)).map((s): [Person, string] => [s.person, ctx.branch.id]);
    };
    const expected = audienceOf(intent.audience);
    const who = expected.map(([w]) => w);
    if (who.length === 0) return;
    const id = rnd.uuid();
    // Cancelled meetings hold no booking. When the centers are taken the branch moves to the other half of the
    // day, or stays in its own room.
    const wantsVenue = !cancelReason && rnd.next() < intent.venueChance;
    let startsAt = at(intent.date, intent.time);
    let venue: Venue | null = null;
    for (const time of wantsVenue ? [intent.time, intent.time < '12:00' ? '14:30' : '09:00'] : []) {
      const s = at(intent.date, time);
      venue = ctx.venues.find((v) => book(v, s, plus(s, intent.durationMinutes))) ?? null;
      if (venue) {
        startsAt = s;
        break;
      }
    }
    const endsAt = plus(startsAt, intent.durationMinutes);
    const geofence = !!venue && venue.latitude !== null && rnd.next() < 0.95;
    const pastMeeting = intent.date < today;
    const group = ctx.groups.find((g) => g.id === intent.orgId);
    const host = group ? group.members[0]!.name : ctx.host;
    const recorder = group ? (group.members[1] ?? group.members[0]!).name : ctx.recorder;
    const organizers = group ? [group.members[0]!.id] : ctx.core.slice(0, 2).map((c) => c.id);
    const lateAfter = plus(startsAt, 5);
    const createdAt = new Date(
      Math.min(plus(startsAt, -rnd.int(4, 12) * 1440).getTime(), midnight.getTime() - rnd.int(1, 48) * 3_600_000),
    );
    const branchId = ctx.branch.id;
    const t = totals.get(branchId)!;
    t.meetings++;
    t.participants += who.length;

    for (const code of intent.typeCodes) typeRows.push({ meetingId: id, typeCode: code });
    for (const orgId of intent.jointOrgIds ?? []) orgRows.push({ meetingId: id, orgId });
    for (const [w, orgId] of expected)
      participantRows.push({ meetingId: id, memberId: w.id, orgId, memberName: w.name });

    let present = 0;
    let onLeave = 0;
    const byName = ctx.host;
    const laxBranch = lax.has(branchId);
    if (pastMeeting && !cancelReason) {
      for (const w of who) {
        const state = condition(w.id, intent.date);
        let outcome: 'present' | 'leave' | 'absent';
        const r = rnd.next();
        if (state === 'lost') outcome = r < 0.95 ? 'absent' : 'present';
        else if (state === 'flowing') outcome = r < 0.65 ? 'leave' : r < 0.85 ? 'absent' : 'present';
        else {
          const absentP = laxBranch ? 0.07 : 0.025;
          const leaveP = laxBranch ? 0.08 : 0.055;
          outcome = r < absentP ? 'absent' : r < absentP + leaveP ? 'leave' : 'present';
        }
        if (outcome === 'leave') {
          const rejected = state !== 'flowing' && rnd.next() < 0.1;
          const asked = plus(startsAt, -rnd.int(60, 72 * 60));
          const decided = new Date(Math.min(plus(asked, rnd.int(30, 600)).getTime(), plus(startsAt, -10).getTime()));
          leaveRows.push({
            id: rnd.uuid(),
            meetingId: id,
            memberId: w.id,
            reason: state === 'flowing' ? FLOW_LEAVE_REASON : rnd.pick(LEAVE_REASONS),
            status: rejected ? 'rejected' : 'approved',
            decidedById: ctx.secretaryUserId,
            decidedByName: byName,
            decidedAt: decided,
            decisionNote: rejected ? rnd.pick(REJECT_NOTES) : rnd.next() < 0.4 ? rnd.pick(APPROVE_NOTES) : null,
            createdAt: asked,
          });
          t.leaves++;
          if (rejected) outcome = 'absent';
          else onLeave++;
        }
        if (outcome === 'absent') {
          const made = plus(endsAt, rnd.int(2, 14) * 1440);
          if (state !== 'lost' && rnd.next() < 0.4 && made < midnight) {
            attendanceRows.push({
              meetingId: id,
              memberId: w.id,
              status: 'made_up',
              method: 'makeup',
              checkedInAt: made,
              byUserId: ctx.secretaryUserId,
              byName,
              reason: rnd.pick(MAKEUP_REASONS),
            });
            t.attendance++;
          }
          continue;
        }
        if (outcome !== 'present') continue;
        present++;
        const late = rnd.next() < 0.07;
        const checkedInAt = late
          ? new Date(lateAfter.getTime() + rnd.int(30, 25 * 60) * 1000)
          : new Date(startsAt.getTime() + rnd.int(-28 * 60, 4 * 60) * 1000);
        const x = rnd.next();
        const method = x < 0.86 ? 'room_code' : x < 0.97 ? 'staff_scan' : 'organizer';
        attendanceRows.push({
          meetingId: id,
          memberId: w.id,
          status: late ? 'late' : 'present',
          method,
          checkedInAt,
          nonce: method === 'organizer' ? null : bytes(12),
          byName: method === 'staff_scan' ? recorder : method === 'organizer' ? host : null,
          reason: method === 'organizer' ? '手机没电，由组织者代为签到' : null,
          ...(geofence && method === 'room_code'
            ? {
                latitude: venue!.latitude! + (rnd.next() - 0.5) * 0.002,
                longitude: venue!.longitude! + (rnd.next() - 0.5) * 0.002,
                accuracyMeters: rnd.int(8, 45),
              }
            : {}),
        });
        t.attendance++;
      }
      // A few refused attempts on the last month's meetings for the 签到异常 tab.
      if (startsAt.getTime() > midnight.getTime() - 30 * 86_400_000 && rnd.next() < 0.2) {
        for (let i = rnd.int(1, 2); i > 0; i--) {
          const w = rnd.pick(who);
          const reason =
            geofence && rnd.next() < 0.6 ? 'outside_fence' : rnd.next() < 0.8 ? 'expired' : 'outside_window';
          rejectionRows.push({
            at: new Date(startsAt.getTime() + rnd.int(-20 * 60, 20 * 60) * 1000),
            meetingId: id,
            memberId: w.id,
            userId: w.userId,
            method: 'room_code',
            reason,
            detail:
              reason === 'outside_fence'
                ? { distanceMeters: rnd.int(620, 3800), accuracy: rnd.int(10, 80) }
                : reason === 'expired'
                  ? { codeAgeSeconds: rnd.int(45, 900) }
                  : { opensAt: plus(startsAt, -30).toISOString() },
            nonce: bytes(12),
            ip: `223.104.${rnd.int(0, 255)}.${rnd.int(1, 254)}`,
          });
        }
      }
    } else if (!cancelReason && startsAt.getTime() < midnight.getTime() + 14 * 86_400_000) {
      for (const w of who) {
        if (rnd.next() >= 0.03) continue;
        leaveRows.push({
          id: rnd.uuid(),
          meetingId: id,
          memberId: w.id,
          reason: rnd.pick(LEAVE_REASONS),
          status: 'pending',
          createdAt: new Date(
            Math.max(createdAt.getTime() + 3_600_000, midnight.getTime() - rnd.int(1, 40) * 3_600_000),
          ),
        });
        t.leaves++;
      }
    }

    const archived =
      pastMeeting && !cancelReason && endsAt.getTime() < midnight.getTime() - 60 * 86_400_000 && rnd.next() < 0.92;
    const archivedAt = archived ? plus(endsAt, rnd.int(1, 10) * 1440) : null;
    const cancelledAt = cancelReason
      ? new Date(Math.min(plus(startsAt, -rnd.int(1, 3) * 1440).getTime(), midnight.getTime() - 3_600_000))
      : null;
    meetingRows.push({
      id,
      orgId: intent.orgId,
      orgPath,
      title: intent.title,
      agenda: agendaFor(intent.typeCodes, intent.topic),
      startsAt,
      endsAt,
      venueId: venue?.id ?? null,
      location: venue?.name ?? ctx.room,
      hostName: host,
      recorderName: recorder,
      organizerMemberIds: organizers,
      participantSpec:
        intent.audience.kind === 'branch'
          ? { orgIds: [branchId], groupIds: [], memberIds: [] }
          : intent.audience.kind === 'group'
            ? { orgIds: [], groupIds: [intent.audience.groupId], memberIds: [] }
            : { orgIds: [], groupIds: [], memberIds: who.map((w) => w.id) },
      status: cancelReason ? 'cancelled' : archived ? 'archived' : 'planned',
      cancelReason: cancelReason ?? null,
      checkinSecret: bytes(32),
      checkinRotationSeconds: 30,
      checkinGraceSeconds: 10,
      checkinOpensAt: plus(startsAt, -30),
      checkinClosesAt: endsAt,
      lateAfter,
      geofenceEnabled: geofence,
      geofenceLatitude: geofence ? venue!.latitude : null,
      geofenceLongitude: geofence ? venue!.longitude : null,
      geofenceRadiusMeters: geofence ? 500 : null,
      minutes:
        pastMeeting && !cancelReason
          ? minutesFor(rnd, {
              typeCodes: intent.typeCodes,
              topic: intent.topic,
              host,
              recorder,
              expected: who.length,
              present,
              onLeave,
              focus: focusFor(ctx.branch.domain as OrgDomain),
            })
          : null,
      archivedAt,
      archivedById: archived ? ctx.secretaryUserId : null,
      createdById: ctx.secretaryUserId,
      createdAt,
      updatedAt:
        archivedAt ??
        cancelledAt ??
        (pastMeeting ? new Date(Math.min(plus(endsAt, rnd.int(60, 2880)).getTime(), midnight.getTime())) : createdAt),
    });
  };

  for (const b of branches) {
    totals.set(b.id, { meetings: 0, participants: 0, attendance: 0, leaves: 0, groupMembers: 0 });
    const ctx = people.get(b.id)!;
    totals.get(b.id)!.groupMembers = ctx.groups.reduce((n, g) => n + g.members.length, 0);
    const intents = planBranch(rnd, { branch: b, groups: ctx.groups, lax: lax.has(b.id) }, win);
    for (const intent of intents) {
      // Now and then a meeting was called off and held a week later instead.
      if (rnd.next() < 0.003) {
        const earlier = shiftToWorkday(addDays(intent.date, -7));
        const sameMonth = earlier.slice(0, 7) === intent.date.slice(0, 7);
        if (sameMonth && earlier < intent.date && earlier >= win.start && earlier !== today)
          emit(ctx, { ...intent, date: earlier }, rnd.pick(CANCEL_REASONS));
      }
      emit(ctx, intent);
    }
  }
  // 联席会议: two communities and a 嘎查 with the agencies' and enterprises' branches around them.
  const partners = branches.filter(
    (b) => b.type === 'branch' && (b.domain === 'government' || b.key.startsWith('sme-')),
  );
  for (const key of ['com-1', 'com-2', 'com-7']) {
    const organizer = branches.find((b) => b.key === key);
    if (!organizer || partners.length < 3) continue;
    for (const intent of planJoint(rnd, organizer, partners, win)) emit(people.get(organizer.id)!, intent);
  }

  await insertChunks(tx, meetings, meetingRows, 500);
  await insertChunks(tx, meetingTypes, typeRows);
  await insertChunks(tx, meetingOrgs, orgRows);
  await insertChunks(tx, meetingParticipants, participantRows);
  await insertChunks(tx, meetingAttendance, attendanceRows);
  await insertChunks(tx, meetingLeaves, leaveRows);
  await insertChunks(tx, checkinRejections, rejectionRows);

  for (const b of branches) {
    audit.record({
      action: 'meeting.seeded',
      entity: 'organization',
      entityId: b.id,
      orgPath: b.path,
      after: { ...totals.get(b.id)!, from: win.start, to: win.end },
      actor: { id: null, name: 'seed' },
    });
  }
  return {
    meetings: meetingRows.length,
    participants: participantRows.length,
    attendance: attendanceRows.length,
    leaves: leaveRows.length,
    groupMembers: groupRows.length,
  };
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Bulk insert through json_to_recordset: one bind parameter per chunk instead of one per value, which is several
 * times faster on PGlite than multi-row VALUES. Columns absent from every row keep their defaults.
 */
async function insertChunks<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][], size = 5000) {
  if (rows.length === 0) return;
  const present = new Set(rows.flatMap((r) => Object.keys(r as object)));
  const cols = Object.entries(getTableColumns(table)).filter(([key]) => present.has(key));
  const target = cols.map(([key]) => snake(key)).join(', ');
  const source = cols.map(([key]) => `"${key}"`).join(', ');
  const record = cols.map(([key, col]) => `"${key}" ${col.getSQLType()}`).join(', ');
  for (let i = 0; i < rows.length; i += size) {
    const json = JSON.stringify(rows.slice(i, i + size));
    await tx.execute(
      sql`insert into ${table} (${sql.raw(target)}) select ${sql.raw(source)} from json_to_recordset(${json}::json) as x(${sql.raw(record)})`,
    );
  }
}
