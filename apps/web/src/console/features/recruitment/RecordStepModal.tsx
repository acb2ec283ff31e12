import type { GateIssueDto, RecordStepBody, RecruitmentCaseDetail } from '@red-engine/shared';
import { stepOf } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { isAfterToday, todayInBeijing } from '../../../lib/time';
import { memberApi, memberKeys } from '../members/api';
import { useRecordStep } from './api';
import { stepName, useGateText } from './labels';

interface Values {
  date?: Dayjs;
  location?: string;
  notes?: string;
  memberIds?: string[];
  otherPeople?: string;
  approvalResult?: 'approved' | 'rejected';
  approverName?: string;
  documentNo?: string;
  publicity?: [Dayjs, Dayjs];
  trainingDays?: number;
  trainingHours?: number;
  votes?: { eligible?: number; present?: number; for?: number; against?: number; abstain?: number };
}

const noFuture = isAfterToday;
const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Members in the user's scope, searched by name, pinyin initials or ID tail; several may be chosen. */
function MembersPicker({
  value,
  onChange,
  max,
  id,
  initial,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  max: number;
  id?: string;
  initial: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const [keyword, setKeyword] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(keyword.trim()), 300);
    return () => clearTimeout(timer);
  }, [keyword]);
  const params = { keyword: debounced || undefined, category: 'full', current: 1, pageSize: 20 };
  const members = useQuery({
    queryKey: [...memberKeys.lists(), 'recruitment-picker', params],
    queryFn: () => memberApi.list(params),
  });
  const options = new Map(initial.map((p) => [p.id, p.name]));
  for (const m of members.data?.data ?? []) options.set(m.id, m.orgName ? `${m.name}（${m.orgName}）` : m.name);
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      maxCount={max}
      allowClear
      placeholder={t('transfer.searchMember')}
      loading={members.isFetching}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      onChange={(v) => onChange?.(v)}
      options={[...options].map(([value, label]) => ({ value, label }))}
    />
  );
}

/** Records one of the 25 steps; a time gate that only warns asks for a reason and the step is sent again with it. */
export function RecordStepModal({
  detail,
  stepNo,
  onClose,
}: {
  detail: RecruitmentCaseDetail;
  stepNo: number | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const gateText = useGateText();
  const [form] = Form.useForm<Values>();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const mutation = useRecordStep();
  const [gates, setGates] = useState<GateIssueDto[] | null>(null);
  const [body, setBody] = useState<RecordStepBody | null>(null);
  const def = stepNo ? stepOf(stepNo) : undefined;
  const recorded = detail.steps.find((s) => s.stepNo === stepNo && s.recorded);
  const required = { required: true, message: t('form.required') };

  useEffect(() => {
    if (!stepNo) return;
    form.resetFields();
    setGates(null);
    setBody(null);
    const s = detail.steps.find((x) => x.stepNo === stepNo);
    if (s?.recorded)
      form.setFieldsValue({
        date: s.date ? dayjs(s.date) : undefined,
        location: s.location ?? undefined,
        notes: s.notes ?? undefined,
        memberIds: s.people.map((p) => p.id),
        otherPeople: s.otherPeople ?? undefined,
        approvalResult: s.approvalResult ?? undefined,
        approverName: s.approverName ?? undefined,
        documentNo: s.documentNo ?? undefined,
        publicity: s.publicityStart && s.publicityEnd ? [dayjs(s.publicityStart), dayjs(s.publicityEnd)] : undefined,
        trainingDays: s.trainingDays ?? undefined,
        trainingHours: s.trainingHours ?? undefined,
        votes: s.votes ?? undefined,
      });
    else form.setFieldsValue({ date: todayInBeijing(), approvalResult: def?.needs.approval ? 'approved' : undefined });
  }, [stepNo, detail, form, def]);

  const send = (b: RecordStepBody) =>
    mutation.mutate(
      { id: detail.id, body: b },
      {
        onSuccess: (after) => {
          message.success(
            stepNo === 17 && after.memberId && !detail.memberId
              ? t('recruitment.admitted')
              : t('recruitment.stepSaved', { step: stepName(b.stepNo, locale) }),
          );
          setGates(null);
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'RECRUITMENT_GATE_WARNING') {
            setBody(b);
            setGates(((e.details as { gates?: GateIssueDto[] })?.gates ?? []) as GateIssueDto[]);
            reasonForm.resetFields();
            return;
          }
          setGates(null);
          applyFormError(form, e);
        },
      },
    );

  const onFinish = (v: Values) => {
    if (!stepNo) return;
    const votes =
      v.votes && v.votes.eligible !== undefined && v.votes.present !== undefined && v.votes.for !== undefined
        ? {
            eligible: v.votes.eligible,
            present: v.votes.present,
            for: v.votes.for,
            ...(v.votes.against !== undefined && v.votes.against !== null ? { against: v.votes.against } : {}),
            ...(v.votes.abstain !== undefined && v.votes.abstain !== null ? { abstain: v.votes.abstain } : {}),
          }
        : undefined;
    send({
      stepNo,
      date: v.date?.format('YYYY-MM-DD') ?? '',
      location: text(v.location),
      notes: text(v.notes),
      memberIds: v.memberIds?.length ? v.memberIds : undefined,
      otherPeople: text(v.otherPeople),
      approvalResult: v.approvalResult,
      approverName: text(v.approverName),
      documentNo: text(v.documentNo),
      publicityStart: v.publicity?.[0]?.format('YYYY-MM-DD'),
      publicityEnd: v.publicity?.[1]?.format('YYYY-MM-DD'),
      trainingDays: v.trainingDays ?? undefined,
      trainingHours: v.trainingHours ?? undefined,
      votes,
    });
  };

  const people = def?.needs.people;
  const peopleLabel =
    people === 'contacts'
      ? t('recruitment.contacts')
      : people === 'introducers'
        ? t('recruitment.introducers')
        : t('recruitment.talker');
  const initialPeople = recorded?.people ?? [];

  return (
    <>
      <Modal
        open={Boolean(stepNo) && !gates}
        title={stepNo ? t('recruitment.recordTitle', { no: stepNo, name: stepName(stepNo, locale) }) : ''}
        onCancel={onClose}
        onOk={() => form.submit()}
        okText={t('common.submit')}
        confirmLoading={mutation.isPending}
        width={680}
        forceRender
      >
        {def?.needs.upper && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('recruitment.upperOnly')} />
        )}
        <Form form={form} name="recruitment-step" layout="vertical" onFinish={onFinish} requiredMark="optional">
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="date" label={t('recruitment.stepDate')} rules={[required]}>
                <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="location" label={t('recruitment.location')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            {people && (
              <>
                <Col span={24}>
                  <Form.Item name="memberIds" label={peopleLabel} rules={people === 'talker' ? [] : [required]}>
                    <MembersPicker
                      max={people === 'introducers' ? 2 : people === 'contacts' ? 2 : 3}
                      initial={initialPeople}
                    />
                  </Form.Item>
                </Col>
                {people === 'talker' && (
                  <Col span={24}>
                    <Form.Item name="otherPeople" label={t('recruitment.otherPeople')}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                )}
              </>
            )}
            {def?.needs.approval && (
              <>
                <Col span={8}>
                  <Form.Item name="approvalResult" label={t('recruitment.approvalResult')} rules={[required]}>
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'approved', label: t('recruitment.approved') },
                        { value: 'rejected', label: t('recruitment.rejectedResult') },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="approverName" label={t('recruitment.approverName')}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="documentNo" label={t('recruitment.documentNo')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
              </>
            )}
            {def?.needs.publicity && (
              <Col span={24}>
                <Form.Item name="publicity" label={t('recruitment.publicity')}>
                  <DatePicker.RangePicker style={{ width: '100%' }} disabledDate={noFuture} />
                </Form.Item>
              </Col>
            )}
            {def?.needs.training && (
              <>
                <Col span={12}>
                  <Form.Item name="trainingDays" label={t('recruitment.trainingDays')}>
                    <InputNumber min={0} max={365} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="trainingHours" label={t('recruitment.trainingHours')}>
                    <InputNumber min={0} max={5000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </>
            )}
            {def?.needs.votes && (
              <>
                <Col span={24}>
                  <Typography.Text strong>{t('recruitment.votes')}</Typography.Text>
                </Col>
                {(['eligible', 'present', 'for', 'against', 'abstain'] as const).map((k) => (
                  <Col span={k === 'eligible' ? 8 : 4} key={k}>
                    <Form.Item
                      name={['votes', k]}
                      label={t(`recruitment.votes${k[0]!.toUpperCase()}${k.slice(1)}` as 'recruitment.votesFor')}
                      rules={['eligible', 'present', 'for'].includes(k) ? [required] : []}
                    >
                      <InputNumber min={0} max={10000} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </>
            )}
            <Col span={24}>
              <Form.Item name="notes" label={t('recruitment.notes')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
      <Modal
        open={Boolean(gates)}
        title={t('recruitment.overrideTitle')}
        onCancel={() => setGates(null)}
        onOk={() => reasonForm.submit()}
        okText={t('recruitment.overrideSubmit')}
        okButtonProps={{ danger: true }}
        confirmLoading={mutation.isPending}
        forceRender
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {(gates ?? []).map((g) => (
                <li key={`${g.gate}-${g.stepNo}`}>{gateText(g)}</li>
              ))}
            </ul>
          }
        />
        <Typography.Paragraph type="secondary">{t('recruitment.overrideIntro')}</Typography.Paragraph>
        <Form
          form={reasonForm}
          name="recruitment-override"
          layout="vertical"
          onFinish={(v) => body && send({ ...body, overrideReason: v.reason.trim() })}
        >
          <Form.Item
            name="reason"
            label={t('recruitment.overrideReason')}
            rules={[required, { min: 2, max: 500, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={500} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
