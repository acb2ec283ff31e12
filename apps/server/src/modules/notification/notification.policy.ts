import type { NotificationChannel } from '@red-engine/shared';

/** Rule data (migration 0010, table rule_settings); a missing row falls back to these. */
export const NOTIFY_DEFAULTS = {
  'notify.channel.sms': 1,
  'notify.channel.wechat': 0,
  'notify.outbox.max_attempts': 5,
  'notify.outbox.retry_minutes': 2,
  'todo.meeting_upcoming_days': 7,
} as const;
export type NotifySettingKey = keyof typeof NOTIFY_DEFAULTS;
export type NotifySettings = Record<NotifySettingKey, number>;

const DAY_MS = 86_400_000;

/** The external channels switched on (the in-app message is always written). */
export function enabledChannels(s: NotifySettings): NotificationChannel[] {
  const out: NotificationChannel[] = [];
  if (s['notify.channel.sms'] > 0) out.push('sms');
  if (s['notify.channel.wechat'] > 0) out.push('wechat');
  return out;
}

/** After a failed attempt: try again later (doubling from the base, at most a day apart), or give up. */
export function afterFailure(
  attempts: number,
  s: Pick<NotifySettings, 'notify.outbox.max_attempts' | 'notify.outbox.retry_minutes'>,
  now: Date,
): { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' } {
  if (attempts >= Math.max(1, s['notify.outbox.max_attempts'])) return { status: 'failed' };
  const base = Math.max(0, s['notify.outbox.retry_minutes']) * 60_000;
  const delay = Math.min(DAY_MS, base * 2 ** Math.max(0, attempts - 1));
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay) };
}

export type MeetingFacts = {
  startsAt: string;
  endsAt: string;
  venueId: string | null;
  location: string | null;
};

/** What participants must hear about an edit: a new time, a new place, or both (nothing for other fields). */
export function meetingChanges(before: MeetingFacts, after: MeetingFacts): ('time' | 'venue')[] {
  const out: ('time' | 'venue')[] = [];
  if (before.startsAt !== after.startsAt || before.endsAt !== after.endsAt) out.push('time');
  if (before.venueId !== after.venueId || (before.location ?? '') !== (after.location ?? '')) out.push('venue');
  return out;
}

/** A meeting recorded after it ended (补录) is news to nobody: participants are told only of what is still ahead. */
export const worthTelling = (endsAt: Date, now: Date) => endsAt.getTime() > now.getTime();

/** Masks a phone number for logs: 139****5678. */
export function maskAddress(address: string | null): string {
  if (!address) return '—';
  if (address.length < 7) return '****';
  return `${address.slice(0, 3)}****${address.slice(-4)}`;
}
