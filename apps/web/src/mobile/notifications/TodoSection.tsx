import { RightOutlined } from '@ant-design/icons';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useTodos } from '../../lib/notifications';
import { formatBeijing } from '../../lib/time';
import { useOpenLink } from './useOpenLink';
import './notifications.css';

const TONES = { danger: '#cf1322', warning: '#d46b08', info: '#c8102e' } as const;

/** 待办 on the H5 home: what is waiting for me, each with its count; a tap opens where it is handled. */
export function TodoSection() {
  const { t, locale } = useI18n();
  const todos = useTodos();
  const openLink = useOpenLink();
  const list = todos.data ?? [];
  return (
    <section className="m-card m-todo" aria-label={t('todo.title')}>
      <h2 className="m-section-title">{t('todo.title')}</h2>
      {todos.isPending ? null : list.length === 0 ? (
        <p className="m-todo-empty">{t('todo.empty')}</p>
      ) : (
        list.map((x) => (
          <div key={x.kind} className="m-todo-row">
            <button type="button" className="m-todo-head" onClick={() => openLink(x.link)}>
              <span className="m-todo-count" style={{ background: TONES[x.level] }}>
                {x.count}
              </span>
              <span className="m-todo-text">
                <span className="m-todo-title">{t(`todo.kind.${x.kind}` as MessageKey)}</span>
                <span className="m-todo-desc">
                  {t(`todo.desc.${x.kind}` as MessageKey, { count: x.count, days: Number(x.params.days ?? 7) })}
                </span>
              </span>
              <RightOutlined className="m-todo-arrow" />
            </button>
            {x.items.slice(0, 3).map((i) => (
              <button key={i.id} type="button" className="m-todo-item" onClick={() => openLink(i.link)}>
                <span className="m-todo-item-title">{i.title}</span>
                <span className="m-todo-item-at">
                  {i.at && i.at.length > 10
                    ? formatBeijing(i.at, locale === 'zh-CN' ? 'M月D日 HH:mm' : 'MMM D HH:mm')
                    : (i.at ?? '')}
                </span>
              </button>
            ))}
          </div>
        ))
      )}
    </section>
  );
}
