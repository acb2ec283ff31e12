import type { Locale, NotificationKind, NotificationParams } from '@red-engine/shared';

/** Beijing date and time for a text message: "5月12日 14:30" / "May 12 14:30". */
function when(value: unknown, locale: Locale): string {
  if (typeof value !== 'string') return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const b = new Date(d.getTime() + 8 * 3_600_000);
  const hm = b.toISOString().slice(11, 16);
  if (locale === 'zh-CN') return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${hm}`;
  const month = b.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${month} ${b.getUTCDate()} ${hm}`;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function place(p: NotificationParams, locale: Locale): string {
  const where = [str(p.venueName), str(p.location)].filter(Boolean).join(locale === 'zh-CN' ? '，' : ', ');
  return where || (locale === 'zh-CN' ? '另行通知' : 'to be announced');
}

/**
 * The text of an external message (SMS, WeChat) — in-app messages are worded by the client in the reader's language.
 * Signed 【红色引擎】 as Chinese SMS gateways require a signature.
 */
export function notificationText(kind: NotificationKind, p: NotificationParams, locale: Locale = 'zh-CN'): string {
  const zh = locale === 'zh-CN';
  const title = str(p.title);
  const body = ((): string => {
    switch (kind) {
      case 'meeting.planned':
        return zh
          ? `${str(p.orgName)}通知：「${title}」定于${when(p.startsAt, locale)}在${place(p, locale)}举行，请准时参加。`
          : `${str(p.orgName)}: “${title}” takes place on ${when(p.startsAt, locale)} at ${place(p, locale)}. Please attend.`;
      case 'meeting.changed':
        return zh
          ? `活动变更：「${title}」改为${when(p.startsAt, locale)}在${place(p, locale)}举行。`
          : `Changed: “${title}” now takes place on ${when(p.startsAt, locale)} at ${place(p, locale)}.`;
      case 'meeting.cancelled':
        return zh
          ? `活动取消：原定${when(p.startsAt, locale)}的「${title}」已取消${p.reason ? `（${str(p.reason)}）` : ''}。`
          : `Cancelled: “${title}” on ${when(p.startsAt, locale)}${p.reason ? ` (${str(p.reason)})` : ''}.`;
      case 'leave.requested':
        return zh
          ? `请假待审批：${str(p.memberName)}申请不参加${when(p.startsAt, locale)}的「${title}」，事由：${str(p.reason)}。`
          : `Leave to decide: ${str(p.memberName)} asks to miss “${title}” on ${when(p.startsAt, locale)}: ${str(p.reason)}.`;
      case 'leave.approved':
        return zh
          ? `您${when(p.startsAt, locale)}「${title}」的请假已批准。`
          : `Your leave from “${title}” on ${when(p.startsAt, locale)} was approved.`;
      case 'leave.rejected':
        return zh
          ? `您${when(p.startsAt, locale)}「${title}」的请假未获批准${p.note ? `：${str(p.note)}` : ''}，请按时参加。`
          : `Your leave from “${title}” on ${when(p.startsAt, locale)} was not approved${p.note ? `: ${str(p.note)}` : ''}. Please attend.`;
      case 'study.plan':
        return zh
          ? `学习提醒：请在${str(p.dueOn)}前完成学习计划「${title}」。`
          : `Study reminder: please complete “${title}” by ${str(p.dueOn)}.`;
    }
  })();
  return zh ? `【红色引擎】${body}` : `[Red Engine] ${body}`;
}
