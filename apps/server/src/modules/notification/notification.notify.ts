import {
  type MeetingDetail,
  type NotificationKind,
  type NotificationParams,
  ROLE_PERMISSIONS,
  ROLES,
} from '@red-engine/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { ruleSettings } from '../../db/schema/index.js';
import { enabledChannels, NOTIFY_DEFAULTS, type NotifySettings } from './notification.policy.js';

/**
 * Writes notifications inside the caller's transaction, so a message exists exactly when its cause does. Each call is
 * one INSERT … SELECT for the in-app rows and one per enabled external channel, whatever the number of recipients.
 *
 * Recipients are a SELECT of (user_id, member_id, phone_enc): a member without an account gets no in-app message but
 * still an SMS when a phone is on record; an account gets both.
 */

export async function notifySettings(tx: DbOrTx): Promise<NotifySettings> {
  const rows = await tx
    .select()
    .from(ruleSettings)
    .where(sql`${ruleSettings.key} like 'notify.%' or ${ruleSettings.key} like 'todo.%'`);
  const out: Record<string, number> = { ...NOTIFY_DEFAULTS };
  for (const r of rows) out[r.key] = r.value;
  return out as NotifySettings;
}

type Recipients = SQL;
type Message = {
  kind: NotificationKind;
  params: NotificationParams;
  link: string | null;
  source: { type: string; id: string };
  /**
   * Leave out recipients who already had a message of this kind about this source: ever (participants added by an
   * edit get 「活动通知」 once), or within this transaction (`now()` is the transaction's start, so rows written by it
   * carry exactly that time: a participant just told of the meeting is not told of its change as well).
   */
  except?: { kind: NotificationKind; thisTransaction?: boolean };
};

async function deliver(tx: Tx, recipients: Recipients, msg: Message): Promise<void> {
  const params = JSON.stringify(msg.params);
  const { kind, link, source, except } = msg;
  const told = (table: 'notifications' | 'notification_outbox', match: SQL) =>
    except
      ? sql`and not exists (select 1 from ${sql.raw(table)} x where x.source_type = ${source.type}
          and x.source_id = ${source.id} and x.kind = ${except.kind} and ${match}
          ${except.thisTransaction ? sql`and x.created_at = now()` : sql``})`
      : sql``;
  await tx.execute(sql`insert into notifications (recipient_user_id, kind, params, link, source_type, source_id)
    select distinct r.user_id, ${kind}, ${params}::jsonb, ${link}, ${source.type}, ${source.id}::uuid
    from (${recipients}) r where r.user_id is not null ${told('notifications', sql`x.recipient_user_id = r.user_id`)}`);
  for (const channel of enabledChannels(await notifySettings(tx))) {
    // SMS needs a phone on record; a WeChat sender finds the binding of the account.
    const reachable = channel === 'sms' ? sql`r.phone_enc is not null` : sql`r.user_id is not null`;
    const sameRecipient = sql`x.channel = ${channel} and (x.recipient_member_id = r.member_id
      or (r.member_id is null and x.recipient_user_id = r.user_id))`;
    await tx.execute(sql`insert into notification_outbox (channel, recipient_user_id, recipient_member_id, address_enc,
        kind, params, source_type, source_id)
      select ${channel}, r.user_id, r.member_id, ${channel === 'sms' ? sql`r.phone_enc` : sql`null`},
        ${kind}, ${params}::jsonb, ${source.type}, ${source.id}::uuid
      from (${recipients}) r where ${reachable} ${told('notification_outbox', sameRecipient)}`);
  }
}

/** Everyone on the meeting's materialized 应到 list. */
const participantsOf = (meetingId: string): Recipients =>
  sql`select m.user_id, m.id as member_id, m.phone_enc from meeting_participants p
    join members m on m.id = p.member_id where p.meeting_id = ${meetingId}`;

const memberRecipient = (memberId: string): Recipients =>
  sql`select m.user_id, m.id as member_id, m.phone_enc from members m where m.id = ${memberId}`;

const APPROVER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('meeting:write'));

/**
 * Who decides on a leave of a meeting: the active accounts holding meeting:write at the nearest organization on the
 * meeting's path that has any (the branch's own admins; else the committee's; else the zone's). Everyone above can
 * decide too and sees it among their to-dos, but the message goes to the people responsible first.
 */
const approversOf = (orgPath: string): Recipients =>
  sql`select h.user_id, null::uuid as member_id, h.phone_enc from (
      select distinct u.id as user_id, u.phone_enc, o.depth, max(o.depth) over () as nearest
      from user_roles ur join organizations o on o.id = ur.org_id join users u on u.id = ur.user_id
      where ur.role in (${sql.join(
        APPROVER_ROLES.map((r) => sql`${r}`),
        sql`, `,
      )}) and u.status = 'active' and ${orgPath} like o.path || '%'
    ) h where h.depth = h.nearest`;

/** The meeting as the message shows it: what, who, when, where. */
export const meetingParams = (m: MeetingDetail): NotificationParams => ({
  meetingId: m.id,
  title: m.title,
  orgName: m.orgName,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  venueName: m.venueName,
  location: m.location,
});

export const memberMeetingLink = (meetingId: string) => `/m/meetings/${meetingId}`;
export const consoleLeavesLink = (meetingId: string) => `/meetings/${meetingId}?tab=leaves`;

export const notify = {
  /** 活动通知 / 变更 / 取消 to every participant of the meeting. */
  participants(
    tx: Tx,
    kind: 'meeting.planned' | 'meeting.changed' | 'meeting.cancelled',
    m: MeetingDetail,
    extra: NotificationParams = {},
    except?: Message['except'],
  ) {
    return deliver(tx, participantsOf(m.id), {
      kind,
      params: { ...meetingParams(m), ...extra },
      link: memberMeetingLink(m.id),
      source: { type: 'meeting', id: m.id },
      ...(except ? { except } : {}),
    });
  },

  /** A member asked for leave: the people who decide on it hear of it. */
  leaveRequested(tx: Tx, meeting: { id: string; orgPath: string }, leaveId: string, params: NotificationParams) {
    return deliver(tx, approversOf(meeting.orgPath), {
      kind: 'leave.requested',
      params: { ...params, leaveId },
      link: consoleLeavesLink(meeting.id),
      source: { type: 'meeting_leave', id: leaveId },
    });
  },

  /** The decision goes back to the member who asked (or for whom the organizer recorded it). */
  leaveDecided(
    tx: Tx,
    kind: 'leave.approved' | 'leave.rejected',
    memberId: string,
    meetingId: string,
    leaveId: string,
    params: NotificationParams,
  ) {
    return deliver(tx, memberRecipient(memberId), {
      kind,
      params: { ...params, leaveId },
      link: memberMeetingLink(meetingId),
      source: { type: 'meeting_leave', id: leaveId },
    });
  },

  /** 学习计划: assigned, or a reminder to the members who have not completed it. */
  studyPlan(tx: Tx, planId: string, memberIds: readonly string[], params: NotificationParams) {
    return deliver(
      tx,
      sql`select m.user_id, m.id as member_id, m.phone_enc from members m
        where m.id in (select value::uuid from json_array_elements_text(${JSON.stringify(memberIds)}::json))`,
      { kind: 'study.plan', params, link: '/m/learning', source: { type: 'learning_plan', id: planId } },
    );
  },
};
