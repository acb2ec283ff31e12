import type { CreateRecruitmentCaseBody } from '@red-engine/shared';
import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { educationOptions, ethnicityOptions, jobCategoryOptions } from '../../../lib/member-labels';
import { isAfterToday, todayInBeijing } from '../../../lib/time';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useCreateCase } from './api';

interface Values {
  name: string;
  gender: 'male' | 'female';
  idNumber: string;
  birthDate?: Dayjs;
  ethnicity: string;
  education: string;
  jobCategory: string;
  phone?: string;
  workUnit?: string;
  workPost?: string;
  org?: OrgOption;
  appliedOn?: Dayjs;
  notes?: string;
}

const noFuture = isAfterToday;
const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Step 1: the applicant and the branch the written application was made to (temporary branches cannot recruit). */
export function CreateCaseModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useCreateCase();
  const required = { required: true, message: t('form.required') };

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ gender: 'male', ethnicity: '01', appliedOn: todayInBeijing() });
  }, [open, form]);

  // The birth date follows from a complete ID number.
  const onIdChange = (v: string) => {
    const m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{2}(\d)[\dXx]$/.exec(v.trim());
    if (m) {
      form.setFieldsValue({
        birthDate: dayjs(`${m[1]}-${m[2]}-${m[3]}`),
        gender: Number(m[4]) % 2 === 1 ? 'male' : 'female',
      });
    }
  };

  const onFinish = (v: Values) => {
    const body: CreateRecruitmentCaseBody = {
      name: v.name.trim(),
      gender: v.gender,
      idNumber: v.idNumber.trim(),
      birthDate: v.birthDate?.format('YYYY-MM-DD') ?? '',
      ethnicity: v.ethnicity as CreateRecruitmentCaseBody['ethnicity'],
      education: v.education as CreateRecruitmentCaseBody['education'],
      jobCategory: v.jobCategory as CreateRecruitmentCaseBody['jobCategory'],
      phone: text(v.phone),
      workUnit: text(v.workUnit),
      workPost: text(v.workPost),
      orgId: v.org?.value ?? '',
      appliedOn: v.appliedOn?.format('YYYY-MM-DD') ?? '',
      notes: text(v.notes),
    };
    mutation.mutate(body, {
      onSuccess: (c) => {
        message.success(t('recruitment.created'));
        onClose();
        onCreated?.(c.id);
      },
      onError: (e) => applyFormError(form, e),
    });
  };

  return (
    <Modal
      open={open}
      title={t('recruitment.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      confirmLoading={mutation.isPending}
      width={720}
      destroyOnHidden
    >
      <Form form={form} name="recruitment-create" layout="vertical" onFinish={onFinish} requiredMark="optional">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="org"
              label={t('recruitment.branch')}
              rules={[required]}
              extra={t('recruitment.temporaryHint')}
            >
              <OrgTreeSelect onlyTypes={['branch', 'joint_branch']} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="appliedOn" label={t('recruitment.appliedOn')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('recruitment.name')} rules={[required, { max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="idNumber" label={t('recruitment.idNumber')} rules={[required]}>
              <Input maxLength={18} onChange={(e) => onIdChange(e.target.value)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gender" label={t('recruitment.gender')} rules={[required]}>
              <Radio.Group
                options={[
                  { value: 'male', label: t('gender.male') },
                  { value: 'female', label: t('gender.female') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="birthDate" label={t('recruitment.birthDate')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ethnicity" label={t('recruitment.ethnicity')} rules={[required]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={ethnicityOptions(locale)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="education" label={t('recruitment.education')} rules={[required]}>
              <Select options={educationOptions(locale)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="jobCategory" label={t('recruitment.jobCategory')} rules={[required]}>
              <Select options={jobCategoryOptions(locale)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label={t('recruitment.phone')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="workUnit" label={t('recruitment.workUnit')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="workPost" label={t('recruitment.workPost')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('recruitment.notes')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
