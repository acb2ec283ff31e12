import { NotificationOutlined } from '@ant-design/icons';
import type { PointObjection, PointPublication } from '@red-engine/shared';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFormError, reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { formatBeijingDate, formatDateTime, toBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { pointKeys, pointsApi, useAnswerObjection, usePointRules, usePublish } from './api';
import { PointsValue, periodLabel } from './labels';
import { MemberPointsDrawer } from './MemberPointsDrawer';

type PublishValues = { org: OrgOption; kind: 'month' | 'quarter'; period: Dayjs; note?: string };

const periodKey = (kind: 'month' | 'quarter', d: Dayjs) =>
  kind === 'month' ? d.format('YYYY-MM') : `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;

function PublishModal({ open, org, onClose }: { open: boolean; org: OrgOption | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const publish = usePublish();
  const rules = usePointRules();
  const days =
    rules.data?.versions.find((v) => v.id === rules.data?.currentVersionId)?.scheme.objectionWorkingDays ?? 5;
  const [form] = Form.useForm<PublishValues>();
  const kind = Form.useWatch('kind', form) ?? 'month';
  return (
    <Modal
      open={open}
      title={t('points.pub.new')}
      okText={t('points.pub.new')}
      confirmLoading={publish.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        publish.mutate(
          {
            orgId: v.org.value,
            period: periodKey(v.kind, v.period),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
          {
            onSuccess: (p) => {
              message.success(t('points.pub.done', { date: p.objectionDeadline }));
              onClose();
            },
            onError: (e) => applyFormError(form, e),
          },
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t('points.pub.help', { days })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ org, kind: 'month', period: toBeijing(new Date()) }}
      >
        <Form.Item name="org" label={t('points.pub.org')} rules={[{ required: true }]}>
          <OrgTreeSelect aria-label={t('points.pub.org')} />
        </Form.Item>
        <Form.Item label={t('points.pub.period')} required>
          <Space>
            <Form.Item name="kind" noStyle>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'month', label: t('points.run.kind.month') },
                  { value: 'quarter', label: t('points.run.kind.quarter') },
                ]}
              />
            </Form.Item>
            <Form.Item name="period" noStyle rules={[{ required: true }]}>
              <DatePicker
                aria-label={t('points.pub.period')}
                picker={kind}
                disabledDate={(d) => d.isAfter(toBeijing(new Date()), 'month')}
              />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="note" label={t('points.pub.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AnswerModal({ objection, onClose }: { objection: PointObjection | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const answer = useAnswerObjection();
  const [form] = Form.useForm<{ answer: string; upheld: boolean }>();
  return (
    <Modal
      open={objection !== null}
      title={t('points.obj.answerTitle')}
      okText={t('points.obj.answer')}
      confirmLoading={answer.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        answer.mutate(
          { id: objection!.id, answer: v.answer.trim(), upheld: v.upheld },
          {
            onSuccess: () => {
              message.success(t('points.obj.answered'));
              onClose();
            },
            onError: reportError,
          },
        );
      }}
    >
      {objection && (
        <Card size="small" className="re-pt-objection-card">
          <Typography.Text strong>{objection.member.name}</Typography.Text>
          <Typography.Text type="secondary"> · {periodLabel(objection.periodKey, t)}</Typography.Text>
          {objection.entry && (
            <div className="re-pt-sub">
              {objection.entry.occurredOn} · {objection.entry.ruleNameZh} · {objection.entry.label} ·{' '}
              <PointsValue points={objection.entry.points} />
            </div>
          )}
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{objection.text}</Typography.Paragraph>
        </Card>
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ upheld: false }} style={{ marginTop: 16 }}>
        <Form.Item name="upheld" label={t('points.obj.upheld')} extra={t('points.obj.upheldHelp')}>
          <Radio.Group
            options={[
              { value: false, label: t('points.obj.notUpheld') },
              { value: true, label: t('points.obj.upheld') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="answer"
          label={t('points.obj.answer')}
          rules={[{ required: true, whitespace: true, max: 1000 }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 公示与异议: the publications of the scope and the members' objections, answered here. */
export function PublicationsTab({ org }: { org: OrgOption | undefined }) {
  const { t } = useI18n();
  const { can } = useAccess();
  const manage = can('points:manage');
  const [publishing, setPublishing] = useState(false);
  const [status, setStatus] = useState<'pending' | 'answered' | 'all'>('pending');
  const [answering, setAnswering] = useState<PointObjection | null>(null);
  const [ledger, setLedger] = useState<PointObjection | null>(null);
  const pubs = useProTable<PointPublication>({
    queryKey: pointKeys.publications(),
    request: pointsApi.publications,
    params: { orgId: org?.value },
    defaultPageSize: 10,
  });
  const objections = useProTable<PointObjection>({
    queryKey: pointKeys.objections(),
    request: pointsApi.objections,
    params: { orgId: org?.value, status: status === 'all' ? undefined : status },
  });
  return (
    <Space direction="vertical" size={20} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('points.obj.list')}
        extra={
          <Segmented
            aria-label={t('points.grants.status')}
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={[
              { value: 'pending', label: t('points.obj.status.pending') },
              { value: 'answered', label: t('points.obj.status.answered') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        }
      >
        <Table<PointObjection>
          rowKey="id"
          size="small"
          {...objections.tableProps}
          columns={[
            {
              title: t('points.obj.member'),
              key: 'member',
              width: 160,
              render: (_: unknown, o) => (
                <div>
                  <div>{o.member.name}</div>
                  <Typography.Text type="secondary" className="re-pt-sub">
                    {o.member.orgName}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('points.obj.about'),
              key: 'about',
              width: 260,
              render: (_: unknown, o) => (
                <div>
                  <div>{periodLabel(o.periodKey, t)}</div>
                  <Typography.Text type="secondary" className="re-pt-sub">
                    {o.entry ? (
                      <>
                        {o.entry.ruleNameZh} · {o.entry.label} · <PointsValue points={o.entry.points} />
                      </>
                    ) : (
                      t('points.obj.whole')
                    )}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('points.obj.text'), dataIndex: 'text' },
            {
              title: t('points.obj.answer'),
              key: 'answer',
              width: 260,
              render: (_: unknown, o) =>
                o.status === 'pending' ? (
                  <Tag color="gold">{t('points.obj.status.pending')}</Tag>
                ) : (
                  <div>
                    <Tag color={o.upheld ? 'green' : 'default'}>
                      {t(o.upheld ? 'points.obj.upheld' : 'points.obj.notUpheld')}
                    </Tag>
                    <div>{o.answer}</div>
                    <Typography.Text type="secondary" className="re-pt-sub">
                      {o.answeredByName} · {formatBeijingDate(o.answeredAt)}
                    </Typography.Text>
                  </div>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 150,
              render: (_: unknown, o) => (
                <Space size={0}>
                  {manage && o.status === 'pending' && (
                    <Button type="link" size="small" onClick={() => setAnswering(o)}>
                      {t('points.obj.answer')}
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => setLedger(o)}>
                    {t('points.obj.openLedger')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('points.pub.list')}
        extra={
          manage && (
            <Button type="primary" icon={<NotificationOutlined />} onClick={() => setPublishing(true)}>
              {t('points.pub.new')}
            </Button>
          )
        }
      >
        <Table<PointPublication>
          rowKey="id"
          size="small"
          {...pubs.tableProps}
          columns={[
            {
              title: t('points.pub.period'),
              dataIndex: 'periodKey',
              width: 150,
              render: (k: string) => <Typography.Text strong>{periodLabel(k, t)}</Typography.Text>,
            },
            { title: t('points.pub.org'), dataIndex: 'orgName' },
            {
              title: t('points.pub.publishedAt'),
              key: 'published',
              width: 170,
              render: (_: unknown, p) => (
                <div>
                  <div>{formatDateTime(p.publishedAt)}</div>
                  <Typography.Text type="secondary" className="re-pt-sub">
                    {p.publishedByName}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('points.pub.deadline'),
              key: 'deadline',
              width: 170,
              render: (_: unknown, p) => (
                <Space size={4}>
                  <span>{p.objectionDeadline}</span>
                  <Tag color={p.open ? 'green' : 'default'}>{t(p.open ? 'points.pub.open' : 'points.pub.closed')}</Tag>
                </Space>
              ),
            },
            {
              title: ' ',
              key: 'figures',
              width: 260,
              render: (_: unknown, p) => (
                <div>
                  <div>{t('points.pub.members', { members: p.memberCount, points: p.totalPoints })}</div>
                  <Typography.Text type="secondary" className="re-pt-sub">
                    {t('points.pub.objections', p.objections)}
                  </Typography.Text>
                </div>
              ),
            },
          ]}
        />
      </Card>
      <PublishModal open={publishing} org={org} onClose={() => setPublishing(false)} />
      <AnswerModal objection={answering} onClose={() => setAnswering(null)} />
      <MemberPointsDrawer
        memberId={ledger?.member.id ?? null}
        year={Number((ledger?.periodKey ?? String(toBeijing(new Date()).year())).slice(0, 4))}
        objectionId={ledger?.id}
        onClose={() => setLedger(null)}
      />
    </Space>
  );
}
