import type { MemberPoints, PointEntry } from '@red-engine/shared';
import { App, Button, Descriptions, Drawer, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useAccess } from '../../app/access';
import { useMemberPoints, useReverseEntry } from './api';
import { CategoryTag, entryNotes, PointsValue, SourceTag, Stars } from './labels';

/** Opens an entry's correction: a reversing entry with the reason (and the objection it answers). */
export function ReverseModal({
  entry,
  objectionId,
  onClose,
}: {
  entry: PointEntry | null;
  objectionId?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const reverse = useReverseEntry();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      title={t('points.why.reverseTitle')}
      open={entry !== null}
      onCancel={onClose}
      okText={t('points.why.reverse')}
      confirmLoading={reverse.isPending}
      destroyOnHidden
      onOk={async () => {
        const { reason } = await form.validateFields();
        reverse.mutate(
          { id: entry!.id, reason, ...(objectionId ? { objectionId } : {}) },
          {
            onSuccess: () => {
              message.success(t('points.why.reversedOk'));
              onClose();
            },
            onError: reportError,
          },
        );
      }}
    >
      {entry && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {entry.occurredOn} · {entry.rule.nameZh} · {entry.source.label} · <PointsValue points={entry.points} />
          </Typography.Text>
          <Typography.Text type="secondary">{t('points.why.reverseHelp')}</Typography.Text>
          <Form form={form} layout="vertical" preserve={false}>
            <Form.Item name="reason" label={t('points.why.reason')} rules={[{ required: true, max: 500 }]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </Form>
        </Space>
      )}
    </Modal>
  );
}

function Header({ data }: { data: MemberPoints }) {
  const { t, locale } = useI18n();
  const s = data.stars;
  return (
    <Descriptions size="small" column={2} bordered className="re-pt-why-head">
      <Descriptions.Item label={t('points.why.total')}>
        <span className="re-pt-total">{data.total}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('points.why.stars')}>
        <Space direction="vertical" size={0}>
          <Stars stars={s.stars} size={16} />
          <Typography.Text type="secondary" className="re-pt-sub">
            {s.basis === 'thresholds' || s.basis === 'below_threshold'
              ? t('points.why.score', { score: s.score })
              : t(`points.basis.${s.basis}`)}
          </Typography.Text>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('points.ledger.branch')}>{data.member.orgName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('points.why.evaluation')}>
        <Space direction="vertical" size={0}>
          <span>
            {s.grade ? t('points.why.grade', { grade: t(`points.grade.${s.grade}`) }) : t('points.why.noGrade')}
          </span>
          {data.exemptions.length > 0 && (
            <Typography.Text type="secondary" className="re-pt-sub">
              {t('points.why.exempt', {
                list: data.exemptions
                  .map((x) =>
                    x.category === 'elderly' ? t('points.exemption.elderlyShort') : t(`points.exemption.${x.category}`),
                  )
                  .join(locale === 'zh-CN' ? '、' : ', '),
              })}
            </Typography.Text>
          )}
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** Every entry of a member's year with its rule (name, version) and source; corrections where allowed. */
export function MemberPointsDrawer({
  memberId,
  year,
  onClose,
  objectionId,
}: {
  memberId: string | null;
  year: number;
  onClose: () => void;
  objectionId?: string;
}) {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const points = useMemberPoints(memberId, year);
  const [reversing, setReversing] = useState<PointEntry | null>(null);
  const data = points.data;
  return (
    <Drawer
      open={memberId !== null}
      onClose={onClose}
      width={1100}
      title={data ? t('points.why.title', { name: data.member.name, year }) : ' '}
      loading={points.isPending && memberId !== null}
      destroyOnHidden
    >
      {data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Header data={data} />
          <Table<PointEntry>
            rowKey="id"
            size="small"
            dataSource={data.entries}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t('points.why.empty')} /> }}
            rowClassName={(e) => (e.reversedByEntryId ? 're-pt-row-reversed' : '')}
            columns={[
              { title: t('points.why.date'), dataIndex: 'occurredOn', width: 100 },
              {
                title: t('points.why.item'),
                key: 'rule',
                render: (_: unknown, e) => (
                  <div>
                    <CategoryTag category={e.rule.category} />
                    <span>{locale === 'zh-CN' ? e.rule.nameZh : e.rule.nameEn}</span>
                    <Typography.Text type="secondary" className="re-pt-sub">
                      {t('points.why.version', { date: e.rule.versionEffectiveFrom })}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: t('points.why.source'),
                key: 'source',
                width: 250,
                render: (_: unknown, e) => (
                  <div>
                    <SourceTag type={e.source.type} />
                    <div className="re-pt-source-label">{e.source.label}</div>
                  </div>
                ),
              },
              {
                title: t('points.why.points'),
                dataIndex: 'points',
                width: 60,
                align: 'right',
                render: (p: number, e) => <PointsValue points={p} struck={Boolean(e.reversedByEntryId)} />,
              },
              {
                title: t('points.why.note'),
                key: 'note',
                width: 170,
                render: (_: unknown, e) => (
                  <Space direction="vertical" size={0}>
                    {e.reversedByEntryId && <Tag color="default">{t('points.why.reversed')}</Tag>}
                    {entryNotes(e, t).map((n) => (
                      <Typography.Text key={n} type="secondary" className="re-pt-sub">
                        {n}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              },
              ...(can('points:manage')
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 64,
                      render: (_: unknown, e: PointEntry) =>
                        !e.reversesEntryId &&
                        !e.reversedByEntryId &&
                        (e.points !== 0 || e.rule.veto) && (
                          <Button type="link" size="small" onClick={() => setReversing(e)}>
                            {t('points.why.reverse')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      )}
      <ReverseModal entry={reversing} objectionId={objectionId} onClose={() => setReversing(null)} />
    </Drawer>
  );
}
