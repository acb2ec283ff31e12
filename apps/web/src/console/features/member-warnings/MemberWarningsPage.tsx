import {
  MEMBER_WARNING_LEVELS,
  type MemberWarning,
  type MemberWarningLevel,
  type MemberWarningsQuery,
} from '@red-engine/shared';
import { Alert, Card, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { PageContainer } from '../../components/PageContainer';
import { useMemberWarnings } from './api';

type Kind = NonNullable<MemberWarningsQuery['kind']>;
const KINDS: readonly Kind[] = ['lost', 'flowing'];

const LEVEL_COLORS: Record<MemberWarningLevel, string> = {
  lost: 'orange',
  suspend_due: 'volcano',
  suspended: 'default',
  remove_due: 'red',
  flowing: 'blue',
  transfer_due: 'purple',
};

const levelsOf = (kind: Kind | undefined): MemberWarningLevel[] =>
  MEMBER_WARNING_LEVELS.filter((l) =>
    kind === undefined
      ? true
      : kind === 'flowing'
        ? l === 'flowing' || l === 'transfer_due'
        : l !== 'flowing' && l !== 'transfer_due',
  );

/** 预警提醒: members out of contact (停止党籍 / 除名 due) and flowing members (relation transfer due). */
export default function MemberWarningsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const [level, setLevel] = useState<MemberWarningLevel>();
  const query = { kind: kind === 'all' ? undefined : kind, level };
  const warnings = useMemberWarnings(query);
  const data = warnings.data;
  const open = (w: MemberWarning) => navigate(`/members/${w.memberId}`);

  return (
    <PageContainer
      title={t('menu.memberWarnings')}
      subTitle={t('memberWarnings.subTitle')}
      extra={
        data && <Typography.Text type="secondary">{t('memberWarnings.today', { date: data.today })}</Typography.Text>
      }
    >
      <Card>
        {data && (
          <Alert
            type="info"
            showIcon
            className="re-modal-alert"
            title={t('memberWarnings.rules', {
              suspend: data.rules.lostSuspendMonths,
              remove: data.rules.lostRemoveMonths,
              flow: data.rules.flowTransferMonths,
            })}
          />
        )}
        <div className="re-filter-bar">
          <Segmented
            aria-label={t('memberWarnings.kind')}
            value={kind}
            onChange={(v) => {
              const next = v as Kind | 'all';
              setKind(next);
              if (level && !levelsOf(next === 'all' ? undefined : next).includes(level)) setLevel(undefined);
            }}
            options={[
              { value: 'all', label: t('common.all') },
              ...KINDS.map((k) => ({ value: k, label: t(`memberWarningKind.${k}`) })),
            ]}
          />
          <Select
            allowClear
            aria-label={t('memberWarnings.level')}
            placeholder={t('memberWarnings.level')}
            style={{ width: 180 }}
            value={level}
            onChange={setLevel}
            options={levelsOf(kind === 'all' ? undefined : kind).map((l) => ({
              value: l,
              label: `${t(`memberWarningLevel.${l}`)}${data?.counts[l] !== undefined ? ` (${data.counts[l]})` : ''}`,
            }))}
          />
        </div>
        <Table<MemberWarning>
          rowKey={(w) => `${w.kind}:${w.memberId}`}
          size="middle"
          loading={warnings.isFetching}
          dataSource={data?.data ?? []}
          locale={{ emptyText: t('memberWarnings.empty') }}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t('memberWarnings.member'),
              dataIndex: 'memberName',
              width: 120,
              render: (name: string, w) => <Typography.Link onClick={() => open(w)}>{name}</Typography.Link>,
            },
            { title: t('memberWarnings.org'), dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
            {
              title: t('memberWarnings.kind'),
              dataIndex: 'kind',
              width: 100,
              render: (k: Kind) => t(`memberWarningKind.${k}`),
            },
            {
              title: t('memberWarnings.level'),
              dataIndex: 'level',
              width: 150,
              render: (l: MemberWarningLevel) => <Tag color={LEVEL_COLORS[l]}>{t(`memberWarningLevel.${l}`)}</Tag>,
            },
            { title: t('memberWarnings.since'), dataIndex: 'since', width: 120 },
            {
              title: t('memberWarnings.months'),
              dataIndex: 'months',
              width: 100,
              sorter: (a, b) => a.months - b.months,
              render: (n: number) => t('memberWarnings.monthsValue', { n }),
            },
            {
              title: t('memberWarnings.nextLevelOn'),
              dataIndex: 'nextLevelOn',
              width: 120,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('memberWarnings.destination'),
              dataIndex: 'destination',
              render: (v: string | null, w) => (w.kind === 'flowing' ? (v ?? '—') : '—'),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
