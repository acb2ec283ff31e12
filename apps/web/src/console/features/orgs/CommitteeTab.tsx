import { TeamOutlined } from '@ant-design/icons';
import { type Committee, ELECTING_TYPES, type Org } from '@red-engine/shared';
import { Alert, Button, Collapse, Descriptions, Empty, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { todayInBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { useCommittees } from './api';
import { ElectionModal } from './ElectionModal';
import { DaysLeft, TermLevelTag } from './TermTag';

function CommitteeView({ committee }: { committee: Committee }) {
  const { t } = useI18n();
  const daysLeft = dayjs(committee.expiresOn).diff(todayInBeijing(), 'day');
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 4 }} className="re-org-desc">
        <Descriptions.Item label={t('committee.termNumber')}>
          {t('committee.termNumberValue', { n: committee.termNumber })}
        </Descriptions.Item>
        <Descriptions.Item label={t('committee.electedOn')}>{committee.electedOn}</Descriptions.Item>
        <Descriptions.Item label={t('committee.termYears')}>
          {t('committee.termYearsValue', { n: committee.termYears })}
        </Descriptions.Item>
        <Descriptions.Item label={t('committee.expiresOn')}>
          <Space size={4} wrap>
            <span>{committee.expiresOn}</span>
            {committee.isCurrent && committee.warning && <TermLevelTag level={committee.warning} />}
            {committee.isCurrent && committee.warning && <DaysLeft days={daysLeft} />}
          </Space>
        </Descriptions.Item>
        {committee.notes && <Descriptions.Item label={t('committee.notes')}>{committee.notes}</Descriptions.Item>}
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={committee.members}
        locale={{ emptyText: t('committee.noMembers') }}
        columns={[
          {
            title: t('committee.position'),
            dataIndex: 'position',
            width: 160,
            render: (p: Committee['members'][number]['position']) => (
              <Tag color={p === 'secretary' ? 'red' : p === 'deputy_secretary' ? 'volcano' : 'default'}>
                {t(`committeePosition.${p}`)}
              </Tag>
            ),
          },
          { title: t('committee.name'), dataIndex: 'name' },
          {
            title: t('committee.member'),
            dataIndex: 'memberId',
            width: 160,
            render: (id: string | null) => (id ? <Tag color="green">{t('committee.linked')}</Tag> : '—'),
          },
        ]}
      />
    </>
  );
}

/** 班子成员: the current committee with its term and expiry, previous terms, and 换届选举. */
export function CommitteeTab({ org }: { org: Org }) {
  const { t } = useI18n();
  const { can } = useAccess();
  const committees = useCommittees(org.id);
  const [electing, setElecting] = useState(false);
  const list = committees.data ?? [];
  const current = list.find((c) => c.isCurrent);
  const past = list.filter((c) => !c.isCurrent).sort((a, b) => b.termNumber - a.termNumber);
  const elects = ELECTING_TYPES.includes(org.type);
  const nextTerm = Math.max(0, ...list.map((c) => c.termNumber)) + 1;

  return (
    <div>
      <div className="re-toolbar">
        <strong>
          <TeamOutlined /> {t('committee.current')}
        </strong>
        {can('committee:write') && org.status === 'active' && (
          <Button type="primary" onClick={() => setElecting(true)}>
            {t('committee.elect')}
          </Button>
        )}
      </div>
      {!elects && (
        <Alert
          type="info"
          showIcon
          className="re-modal-alert"
          title={t('committee.noElections', { type: t(`orgType.${org.type}`) })}
        />
      )}
      {committees.isPending ? null : current ? (
        <CommitteeView committee={current} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('committee.none')} />
      )}
      {past.length > 0 && (
        <Collapse
          ghost
          className="re-committee-past"
          items={[
            {
              key: 'past',
              label: `${t('committee.past')} (${past.length})`,
              children: past.map((c) => (
                <div key={c.id} className="re-committee-past-item">
                  <CommitteeView committee={c} />
                </div>
              )),
            },
          ]}
        />
      )}
      <ElectionModal org={electing ? org : null} nextTerm={nextTerm} onClose={() => setElecting(false)} />
    </div>
  );
}
