import { PlusOutlined } from '@ant-design/icons';
import type { IssuedStaffToken, MeetingDetail, StaffToken } from '@red-engine/shared';
import { App, Badge, Button, Popconfirm, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../../lib/i18n';
import { useRevokeStaffToken, useStaffTokens } from '../api';
import { formatDateTime } from '../MeetingTags';
import { StaffTokenCreateModal, StaffTokenIssuedModal } from './StaffTokenModals';

type TokenState = 'active' | 'revoked' | 'expired';
const stateOf = (s: StaffToken): TokenState =>
  s.revokedAt ? 'revoked' : dayjs(s.validUntil).isBefore(dayjs()) ? 'expired' : 'active';
const STATE_BADGE = { active: 'success', revoked: 'error', expired: 'default' } as const;

/** 签到人员: one-time links for door volunteers who scan members' personal codes; revocable. */
export function StaffTokensTab({ meeting, canWrite }: { meeting: MeetingDetail; canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const tokens = useStaffTokens(meeting.id);
  const revoke = useRevokeStaffToken();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedStaffToken | null>(null);

  return (
    <div>
      <div className="re-filter-bar">
        <Typography.Text type="secondary" className="re-staff-help">
          {t('staff.help')}
        </Typography.Text>
        {canWrite && (
          <Button className="re-toolbar-right" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('staff.create')}
          </Button>
        )}
      </div>
      <Table<StaffToken>
        rowKey="id"
        size="middle"
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('staff.empty') }}
        columns={[
          { title: t('staff.label'), dataIndex: 'label', render: (v: string) => <strong>{v}</strong> },
          {
            title: t('staff.validity'),
            key: 'validity',
            width: 300,
            render: (_, s) => `${formatDateTime(s.validFrom)} – ${formatDateTime(s.validUntil)}`,
          },
          {
            title: t('staff.status'),
            key: 'status',
            width: 100,
            render: (_, s) => {
              const state = stateOf(s);
              return <Badge status={STATE_BADGE[state]} text={t(`staff.${state}`)} />;
            },
          },
          { title: t('staff.lastUsed'), dataIndex: 'lastUsedAt', width: 160, render: formatDateTime },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, s: StaffToken) =>
                    stateOf(s) === 'active' && (
                      <Popconfirm
                        title={t('staff.revokeConfirm', { label: s.label })}
                        okText={t('staff.revoke')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() =>
                          revoke.mutateAsync(s.id).then(() => void message.success(t('staff.revokedDone')))
                        }
                      >
                        <Button type="link" size="small" danger>
                          {t('staff.revoke')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      <StaffTokenCreateModal
        meeting={meeting}
        open={creating}
        onClose={() => setCreating(false)}
        onIssued={(tok) => {
          setCreating(false);
          setIssued(tok);
        }}
      />
      <StaffTokenIssuedModal token={issued} onClose={() => setIssued(null)} />
    </div>
  );
}
