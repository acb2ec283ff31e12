import {
  CheckCircleFilled,
  ClockCircleOutlined,
  DownloadOutlined,
  ExclamationCircleFilled,
  FieldTimeOutlined,
  StopOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  MATERIAL_KINDS,
  type RecruitmentCaseDetail,
  type RecruitmentStepDto,
  STAGE_NAMES,
  STEP_COUNT,
  stepOf,
} from '@red-engine/shared';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { applyFormError, reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { educationLabel, ethnicityLabel, jobCategoryLabel } from '../../../lib/member-labels';
import { formatDateTime, isAfterToday, todayInBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { recruitmentApi, useCaseAction, useRecruitmentCase, useUploadMaterial } from './api';
import { DueTag, RecruitmentStatusTag, STAGE_COLORS, stageName, stepName, useGateText } from './labels';
import { RecordStepModal } from './RecordStepModal';

type Dialog = 'extend' | 'cancel' | 'reject' | null;
const STAGE_DOT = {
  display: 'inline-flex',
  width: 20,
  height: 20,
  borderRadius: 10,
  color: '#fff',
  fontSize: 12,
  fontWeight: 600,
  alignItems: 'center',
  justifyContent: 'center',
} as const;
const noFuture = isAfterToday;

function StepBody({ s, detail }: { s: RecruitmentStepDto; detail: RecruitmentCaseDetail }) {
  const { t } = useI18n();
  const gateText = useGateText();
  const lines: ReactNode[] = [];
  if (s.recorded) {
    const head = [s.date, s.location].filter(Boolean).join(' · ');
    lines.push(<Typography.Text key="head">{head}</Typography.Text>);
    if (s.people.length || s.otherPeople)
      lines.push(
        <span key="people">
          {t('recruitment.people')}：{[...s.people.map((p) => p.name), s.otherPeople].filter(Boolean).join('、')}
        </span>,
      );
    if (s.approvalResult)
      lines.push(
        <span key="approval">
          <Tag color={s.approvalResult === 'approved' ? 'green' : 'red'}>
            {s.approvalResult === 'approved' ? t('recruitment.approved') : t('recruitment.rejectedResult')}
          </Tag>
          {[s.approvingOrgName, s.approverName, s.documentNo].filter(Boolean).join(' · ')}
        </span>,
      );
    if (s.publicityStart && s.publicityEnd)
      lines.push(
        <span key="pub">
          {t('recruitment.publicity')}：{s.publicityStart} ~ {s.publicityEnd}（
          {t('recruitment.publicityDays', { n: s.publicityWorkingDays ?? 0 })}）
        </span>,
      );
    if (s.trainingDays !== null || s.trainingHours !== null)
      lines.push(
        <span key="training">
          {t('recruitment.trainingDays')} {s.trainingDays ?? 0} · {t('recruitment.trainingHours')}{' '}
          {s.trainingHours ?? 0}
        </span>,
      );
    if (s.votes)
      lines.push(
        <span key="votes">
          {t('recruitment.votesLine', { eligible: s.votes.eligible, present: s.votes.present, for: s.votes.for })}
        </span>,
      );
    if (s.notes)
      lines.push(
        <Typography.Text key="notes" type="secondary">
          {s.notes}
        </Typography.Text>,
      );
    if (s.overrideReason)
      lines.push(
        <Alert
          key="override"
          type="warning"
          showIcon
          style={{ padding: '4px 8px' }}
          message={s.overriddenGates.map((g) => gateText(g)).join('；')}
          description={t('recruitment.overrideBy', { reason: s.overrideReason })}
        />,
      );
    if (s.recordedBy)
      lines.push(
        <Typography.Text key="by" type="secondary" style={{ fontSize: 12 }}>
          {t('recruitment.recordedBy', { name: s.recordedBy })}
        </Typography.Text>,
      );
  } else if (detail.status === 'active') {
    if (s.due) lines.push(<DueTag key="due" level={s.dueLevel} date={t('recruitment.due', { date: s.due })} />);
    if (s.earliest && s.earliest !== s.due)
      lines.push(
        <Typography.Text key="earliest" type="secondary">
          {t('recruitment.earliest', { date: s.earliest })}
        </Typography.Text>,
      );
    if (s.hardLimit)
      lines.push(
        <Typography.Text key="hard" type="danger">
          {t('recruitment.hardLimit', { date: s.hardLimit })}
        </Typography.Text>,
      );
  }
  return (
    <Space direction="vertical" size={2}>
      {lines}
    </Space>
  );
}

/** The case record: applicant, the 25-step timeline with dates, people, deadlines and overrides, and materials. */
export function CaseDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const { message } = App.useApp();
  const query = useRecruitmentCase(id);
  const c = query.data;
  const action = useCaseAction();
  const upload = useUploadMaterial();
  const [recording, setRecording] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ date?: Dayjs; months?: number; reason?: string }>();
  const [kind, setKind] = useState<string>('application');
  const writable = can('recruitment:write');
  const open = c?.status === 'active';
  const next = c && open ? Math.min(c.currentStep + 1, STEP_COUNT) : null;
  const nextDef = next ? stepOf(next) : undefined;
  const nextAllowed = Boolean(nextDef && (!nextDef.needs.upper || c?.upperStepsAllowed));

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    form.setFieldsValue({ date: todayInBeijing(), months: 6 });
  }, [dialog, form]);

  const submitDialog = (v: { date?: Dayjs; months?: number; reason?: string }) => {
    if (!c || !dialog) return;
    const date = v.date?.format('YYYY-MM-DD');
    const vars =
      dialog === 'extend'
        ? ({
            action: 'extend',
            id: c.id,
            body: { date: date ?? '', months: v.months ?? 6, reason: v.reason?.trim() ?? '' },
          } as const)
        : ({ action: dialog, id: c.id, body: { date, reason: v.reason?.trim() ?? '' } } as const);
    action.mutate(vars, {
      onSuccess: () => {
        message.success(t(dialog === 'extend' ? 'recruitment.extended' : 'recruitment.closedDone'));
        setDialog(null);
      },
      onError: (e) => applyFormError(form, e),
    });
  };

  const stepItems = (detail: RecruitmentCaseDetail) =>
    detail.steps.flatMap((s) => {
      const def = stepOf(s.stepNo)!;
      const isNext = detail.status === 'active' && s.stepNo === detail.currentStep + 1;
      const color = s.recorded
        ? s.overrideReason
          ? 'gold'
          : 'green'
        : s.dueLevel === 'overdue'
          ? 'red'
          : s.dueLevel === 'soon'
            ? 'orange'
            : isNext
              ? 'blue'
              : 'gray';
      const dot = s.recorded ? (
        <CheckCircleFilled key="done" style={{ fontSize: 15 }} />
      ) : s.dueLevel === 'overdue' ? (
        <ExclamationCircleFilled key="overdue" style={{ fontSize: 15 }} />
      ) : s.dueLevel || isNext ? (
        <ClockCircleOutlined key="due" style={{ fontSize: 15 }} />
      ) : undefined;
      const head =
        s.stepNo === 1 || stepOf(s.stepNo - 1)?.stage !== def.stage
          ? [
              {
                key: `stage-${def.stage}`,
                color: STAGE_COLORS[def.stage - 1],
                dot: <span style={{ ...STAGE_DOT, background: STAGE_COLORS[def.stage - 1] }}>{def.stage}</span>,
                children: (
                  <Typography.Text strong style={{ color: STAGE_COLORS[def.stage - 1] }}>
                    {stageName(def.stage, locale)} ·{' '}
                    {locale === 'zh-CN' ? STAGE_NAMES[def.stage].titleZh : STAGE_NAMES[def.stage].titleEn}
                  </Typography.Text>
                ),
              },
            ]
          : [];
      return [
        ...head,
        {
          key: `step-${s.stepNo}`,
          color,
          dot,
          children: (
            <div className="re-recruit-step" data-step={s.stepNo} data-recorded={s.recorded}>
              <Space size={6} wrap>
                <Typography.Text strong={isNext} type={s.recorded || isNext ? undefined : 'secondary'}>
                  {s.stepNo}. {stepName(s.stepNo, locale)}
                </Typography.Text>
                {def.needs.upper && <Tag variant="outlined">{t('recruitment.upperOnly')}</Tag>}
                {writable &&
                  detail.status === 'active' &&
                  s.recorded &&
                  !(detail.memberId && s.stepNo <= 17) &&
                  (!def.needs.upper || detail.upperStepsAllowed) && (
                    <Typography.Link style={{ fontSize: 12 }} onClick={() => setRecording(s.stepNo)}>
                      {t('recruitment.rerecord')}
                    </Typography.Link>
                  )}
              </Space>
              <div>
                <StepBody s={s} detail={detail} />
              </div>
            </div>
          ),
        },
      ];
    });

  const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

  const footer = c && writable && (
    <Space wrap>
      {open && next && (
        <Button
          type="primary"
          icon={<FieldTimeOutlined />}
          disabled={!nextAllowed}
          title={nextAllowed ? undefined : t('recruitment.upperOnly')}
          onClick={() => setRecording(next)}
        >
          {t('recruitment.recordNext', { step: `${next}. ${stepName(next, locale)}` })}
        </Button>
      )}
      {open && c.memberId && !c.extensionMonths && c.currentStep < 24 && (
        <Button onClick={() => setDialog('extend')}>{t('recruitment.extend')}</Button>
      )}
      {open && !c.memberId && (
        <Button icon={<StopOutlined />} onClick={() => setDialog('cancel')}>
          {t('recruitment.cancel')}
        </Button>
      )}
      {open && (
        <Button danger onClick={() => setDialog('reject')}>
          {t('recruitment.reject')}
        </Button>
      )}
    </Space>
  );

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={760}
      title={c ? t('recruitment.detailTitle', { name: c.name }) : t('menu.recruitment')}
      extra={c && <RecruitmentStatusTag status={c.status} />}
      footer={footer || undefined}
    >
      {!c ? (
        <Skeleton active loading={query.isPending} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {c.status !== 'active' && c.status !== 'completed' && (
            <Alert
              type={c.status === 'rejected' ? 'error' : 'info'}
              showIcon
              message={t('recruitment.closed', {
                status: t(`recruitmentStatus.${c.status}`),
                date: c.closedOn ?? '',
                reason: c.closeReason ?? '',
              })}
            />
          )}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('recruitment.applicant')}>
              {c.name}（{c.gender === 'female' ? t('gender.female') : t('gender.male')}，{c.age}）
            </Descriptions.Item>
            <Descriptions.Item label={t('recruitment.idNumber')}>{c.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label={t('recruitment.ethnicity')}>
              {ethnicityLabel(c.ethnicity, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('recruitment.education')}>
              {educationLabel(c.education, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('recruitment.jobCategory')}>
              {jobCategoryLabel(c.jobCategory, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('recruitment.phone')}>{dash(c.phoneMasked)}</Descriptions.Item>
            <Descriptions.Item label={t('recruitment.workUnit')}>
              {dash([c.workUnit, c.workPost].filter(Boolean).join(' · '))}
            </Descriptions.Item>
            <Descriptions.Item label={t('recruitment.org')}>{c.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('recruitment.approvingOrg')}>{dash(c.approvingOrgName)}</Descriptions.Item>
            <Descriptions.Item label={t('recruitment.stage')}>
              <Tag color={STAGE_COLORS[c.stage - 1]}>{stageName(c.stage, locale)}</Tag>
              {c.dueLevel && <DueTag level={c.dueLevel} date={c.nextDue} />}
            </Descriptions.Item>
            <Descriptions.Item label={t('recruitment.joinDate')}>{dash(c.joinDate)}</Descriptions.Item>
            <Descriptions.Item label={t('recruitment.probationEnd')}>
              {dash(c.probationEnd)}
              {c.extensionMonths ? ` · ${t('recruitment.extension', { n: c.extensionMonths })}` : ''}
            </Descriptions.Item>
            {c.memberId && (
              <Descriptions.Item label={t('recruitment.member')} span={2}>
                <Link to={`/members/${c.memberId}`}>{t('recruitment.openMember')}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>

          <Card size="small" title={t('recruitment.timeline')}>
            <Timeline items={stepItems(c)} />
          </Card>

          <Card
            size="small"
            title={t('recruitment.materials')}
            extra={
              writable && (
                <Space>
                  <Select
                    size="small"
                    aria-label={t('recruitment.materialKind')}
                    value={kind}
                    onChange={setKind}
                    style={{ width: 150 }}
                    options={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`materialKind.${k}`) }))}
                  />
                  <Upload
                    showUploadList={false}
                    accept=".pdf,.jpg,.jpeg,.png,.docx,.doc,.xlsx"
                    customRequest={({ file, onSuccess, onError }) => {
                      upload.mutate(
                        { id: c.id, kind, stepNo: c.currentStep, file: file as File },
                        {
                          onSuccess: (m) => {
                            message.success(t('recruitment.uploaded'));
                            onSuccess?.(m);
                          },
                          onError: (e) => {
                            reportError(e);
                            onError?.(e as Error);
                          },
                        },
                      );
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                      {t('recruitment.upload')}
                    </Button>
                  </Upload>
                </Space>
              )
            }
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('recruitment.uploadHint')}
            </Typography.Paragraph>
            <List
              size="small"
              locale={{ emptyText: t('recruitment.noMaterials') }}
              dataSource={c.materials}
              renderItem={(m) => (
                <List.Item
                  actions={[
                    <a key="dl" href={recruitmentApi.materialUrl(m.id)} target="_blank" rel="noopener">
                      <DownloadOutlined />
                    </a>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space size={6}>
                        <Tag>{t(`materialKind.${m.kind}`)}</Tag>
                        <span>{m.fileName}</span>
                      </Space>
                    }
                    description={`${m.stepNo ? `${m.stepNo}. ${stepName(m.stepNo, locale)} · ` : ''}${(m.size / 1024).toFixed(0)} KB · ${m.uploadedBy ?? ''} · ${formatDateTime(m.uploadedAt)}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Space>
      )}
      {c && <RecordStepModal detail={c} stepNo={recording} onClose={() => setRecording(null)} />}
      <Modal
        open={Boolean(dialog)}
        title={
          dialog === 'extend'
            ? t('recruitment.extendTitle')
            : dialog === 'cancel'
              ? t('recruitment.cancelTitle')
              : t('recruitment.rejectTitle')
        }
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okButtonProps={{ danger: dialog === 'reject' }}
        confirmLoading={action.isPending}
        forceRender
      >
        <Form form={form} name="recruitment-close" layout="vertical" onFinish={submitDialog}>
          <Form.Item
            name="date"
            label={dialog === 'extend' ? t('recruitment.extendDate') : t('recruitment.stepDate')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
          </Form.Item>
          {dialog === 'extend' && (
            <Form.Item name="months" label={t('recruitment.extendMonths')} rules={[{ required: true }]}>
              <InputNumber min={6} max={12} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('recruitment.reason')}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
