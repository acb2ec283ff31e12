import { UserOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../lib/i18n';
import { MemberPicker } from '../../transfers/TransferCreateModal';

export interface MemberRef {
  id: string;
  name: string;
}

/** Chosen members as tags; the member search (MemberPicker) adds one at a time. */
export function MemberListField({
  value = [],
  onChange,
  id,
  max,
  disabled = false,
  'aria-label': ariaLabel,
}: {
  disabled?: boolean;
  /** The field's label: the search box's accessible name (MemberPicker would otherwise call itself 选择党员). */
  'aria-label'?: string;
  value?: MemberRef[];
  onChange?: (v: MemberRef[]) => void;
  id?: string;
  max?: number;
}) {
  const { t } = useI18n();
  const full = disabled || (max !== undefined && value.length >= max);
  // A new search box after each pick: the picked member moves to the tags below.
  const [round, setRound] = useState(0);
  return (
    <div className="re-member-list-field">
      {!full && (
        <MemberPicker
          key={round}
          id={id}
          aria-label={ariaLabel}
          value={undefined}
          onPicked={(m) => {
            if (m && !value.some((x) => x.id === m.id)) onChange?.([...value, { id: m.id, name: m.name }]);
            setRound((r) => r + 1);
          }}
        />
      )}
      {value.length > 0 && (
        <div className="re-member-tags">
          {value.map((m) => (
            <Tag
              key={m.id}
              icon={<UserOutlined />}
              closable={!disabled && { 'aria-label': t('meeting.removeMember', { name: m.name }) }}
              onClose={() => onChange?.(value.filter((x) => x.id !== m.id))}
            >
              {m.name}
            </Tag>
          ))}
          <Typography.Text type="secondary" className="re-member-count">
            {t('meeting.membersCount', { n: value.length })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
