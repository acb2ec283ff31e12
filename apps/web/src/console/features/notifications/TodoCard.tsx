import {
  AuditOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  FileSyncOutlined,
  FolderOpenOutlined,
  RightOutlined,
  ScheduleOutlined,
  SwapOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { Todo, TodoKind } from '@red-engine/shared';
import { Card, Empty, Tag } from 'antd';
import type { ReactNode } from 'react';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { useTodos } from '../../../lib/notifications';
import { formatBeijing } from '../../../lib/time';
import { useOpenLink } from './useOpenLink';
import './notifications.css';

const ICONS: Record<TodoKind, ReactNode> = {
  'leave.approval': <FileSyncOutlined />,
  'transfer.approval': <SwapOutlined />,
  'meeting.unarchived': <FolderOpenOutlined />,
  'term.overdue': <TeamOutlined />,
  'term.expiring': <TeamOutlined />,
  'recruitment.overdue': <UserAddOutlined />,
  'recruitment.due_soon': <UserAddOutlined />,
  'compliance.overdue': <AuditOutlined />,
  'compliance.warning': <ScheduleOutlined />,
  'meeting.upcoming': <CalendarOutlined />,
  'leave.awaiting': <FileSyncOutlined />,
};
const TONES = { danger: '#cf1322', warning: '#d46b08', info: '#c8102e' } as const;

/** 待办事项 on the workbench: each kind with its count, the first few records and a link to where it is resolved. */
export function TodoCard() {
  const { t, locale } = useI18n();
  const todos = useTodos();
  const openLink = useOpenLink();
  // Instants (meeting starts) on Beijing's clock; plain dates (due dates, term ends) as they are.
  const at = (v: string | null) =>
    !v ? '' : v.length > 10 ? formatBeijing(v, locale === 'zh-CN' ? 'M月D日 HH:mm' : 'MMM D HH:mm') : v;

  const row = (x: Todo) => (
    <div key={x.kind} className={`re-todo re-todo-${x.level}`}>
      <div className="re-todo-top">
        <span className="re-todo-icon" style={{ color: TONES[x.level], background: `${TONES[x.level]}14` }}>
          {ICONS[x.kind]}
        </span>
        <div className="re-todo-main">
          <div className="re-todo-title">{t(`todo.kind.${x.kind}` as MessageKey)}</div>
          <div className="re-todo-desc">
            {t(`todo.desc.${x.kind}` as MessageKey, { count: x.count, days: Number(x.params.days ?? 7) })}
          </div>
        </div>
        <span className="re-todo-count" style={{ color: TONES[x.level] }}>
          {x.count}
        </span>
      </div>
      {x.items.length > 0 && (
        <ul className="re-todo-items">
          {x.items.slice(0, 3).map((i) => (
            <li key={i.id}>
              <button type="button" onClick={() => openLink(i.link)}>
                <span className="re-todo-item-title">{i.title}</span>
                {i.count && i.count > 1 ? (
                  <Tag className="re-todo-item-n">{t('todo.itemCount', { n: i.count })}</Tag>
                ) : null}
                <span className="re-todo-item-at">{at(i.at)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="re-todo-foot">
        <button type="button" className="re-todo-go" onClick={() => openLink(x.link)}>
          {t('todo.go')}
          <RightOutlined />
        </button>
      </div>
    </div>
  );

  return (
    <Card
      className="re-todo-card"
      loading={todos.isPending}
      title={
        <span className="re-todo-card-title">
          <CheckCircleOutlined />
          {t('todo.title')}
          {todos.data?.length ? <span className="re-todo-card-total">{todos.data.length}</span> : null}
        </span>
      }
    >
      {todos.data?.length ? (
        <div className="re-todo-grid">{todos.data.map(row)}</div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.empty')} />
      )}
    </Card>
  );
}
