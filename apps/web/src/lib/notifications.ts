import type { Notification, Page, Todo, UnreadCount } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './http';
import { type MessageKey, useI18n } from './i18n';
import { formatBeijing, nowInBeijing, toBeijing } from './time';

/** 消息与待办, shared by the console (bell, list, 待办事项 card) and the phone (消息, 待办). */
export const notificationKeys = {
  all: ['me', 'notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread-count'] as const,
  list: (q: { unread: boolean; pageSize: number }) => [...notificationKeys.all, 'list', q] as const,
  todos: () => ['me', 'todos'] as const,
};

export const notificationApi = {
  list: (q: { unread?: boolean; current?: number; pageSize?: number }) =>
    api.get<Page<Notification>>('/me/notifications', {
      unread: q.unread ? 'true' : undefined,
      current: q.current,
      pageSize: q.pageSize,
    }),
  unreadCount: () => api.get<UnreadCount>('/me/notifications/unread-count'),
  read: (id: string) => api.post<Notification>(`/me/notifications/${id}/read`),
  readAll: () => api.post<{ marked: number }>('/me/notifications/read-all'),
  todos: () => api.get<Todo[]>('/me/todos'),
};

/** The badge count, refreshed every minute and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: notificationApi.unreadCount,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    meta: { silent: true },
  });
}

export function useNotifications(q: { unread: boolean; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: notificationKeys.list(q),
    queryFn: () => notificationApi.list(q),
    enabled,
  });
}

export function useTodos() {
  return useQuery({ queryKey: notificationKeys.todos(), queryFn: notificationApi.todos, staleTime: 60_000 });
}

/** Mark one or all read; every list and the badge refresh. */
export function useMarkRead() {
  const qc = useQueryClient();
  const invalidate = () => qc.invalidateQueries({ queryKey: notificationKeys.all });
  const one = useMutation({ mutationFn: notificationApi.read, onSuccess: invalidate });
  const all = useMutation({ mutationFn: notificationApi.readAll, onSuccess: invalidate });
  return { one, all };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Title and sentence of a message in the reader's language, from its kind and values. */
export function useNotificationText() {
  const { t, locale } = useI18n();
  return useCallback(
    (n: Pick<Notification, 'kind' | 'params'>): { title: string; text: string } => {
      const p = n.params;
      const time = formatBeijing(str(p.startsAt) || null, locale === 'zh-CN' ? 'M月D日 ddd HH:mm' : 'ddd, MMM D HH:mm');
      const place = [str(p.venueName), str(p.location)].filter(Boolean).join(locale === 'zh-CN' ? '，' : ', ');
      const changes = Array.isArray(p.changes) ? p.changes : [];
      const vars = {
        title: str(p.title),
        orgName: str(p.orgName),
        memberName: str(p.memberName),
        reason: str(p.reason),
        dueOn: str(p.dueOn),
        time,
        place: place || t('notif.place.tbd'),
      };
      const title = t(`notif.kind.${n.kind}` as MessageKey);
      switch (n.kind) {
        case 'meeting.changed':
          return {
            title,
            text: t('notif.text.meeting.changed', {
              ...vars,
              changes: t(
                changes.length > 1
                  ? 'notif.change.both'
                  : changes[0] === 'venue'
                    ? 'notif.change.venue'
                    : 'notif.change.time',
              ),
            }),
          };
        case 'meeting.cancelled':
          return {
            title,
            text: t('notif.text.meeting.cancelled', {
              ...vars,
              reason: p.reason ? t('notif.reason', { reason: str(p.reason) }) : '',
            }),
          };
        case 'leave.approved':
          if (p.onBehalf)
            return { title, text: t('notif.text.leave.approvedOnBehalf', { ...vars, by: str(p.decidedByName) }) };
          return {
            title,
            text: t('notif.text.leave.approved', {
              ...vars,
              by: p.decidedByName ? t('notif.by', { name: str(p.decidedByName) }) : '',
            }),
          };
        case 'leave.rejected':
          return {
            title,
            text: t('notif.text.leave.rejected', {
              ...vars,
              note: p.note ? t('notif.note', { note: str(p.note) }) : '',
            }),
          };
        default:
          return { title, text: t(`notif.text.${n.kind}` as MessageKey, vars) };
      }
    },
    [t, locale],
  );
}

/** "刚刚 / 5分钟前 / 14:30 / 昨天 14:30 / 5月12日", on Beijing's clock. */
export function useRelativeTime() {
  const { locale } = useI18n();
  return useCallback(
    (at: string) => {
      const d = toBeijing(at);
      const now = nowInBeijing();
      const mins = now.diff(d, 'minute');
      const zh = locale === 'zh-CN';
      if (mins < 1) return zh ? '刚刚' : 'just now';
      if (mins < 60) return zh ? `${mins}分钟前` : `${mins} min ago`;
      if (d.isSame(now, 'day')) return d.format('HH:mm');
      if (d.isSame(now.subtract(1, 'day'), 'day'))
        return zh ? `昨天 ${d.format('HH:mm')}` : `Yesterday ${d.format('HH:mm')}`;
      if (d.isSame(now, 'year')) return d.format(zh ? 'M月D日' : 'MMM D');
      return d.format(zh ? 'YYYY年M月D日' : 'MMM D, YYYY');
    },
    [locale],
  );
}

/** Where a link leads: a path of the phone app (/m/…) or of the console. */
export const isMobileLink = (link: string) => link === '/m' || link.startsWith('/m/');
