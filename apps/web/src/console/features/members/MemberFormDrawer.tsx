import {
  type CreateMemberBody,
  type Member,
  type MemberCategory,
  parseIdNumber,
  type UpdateMemberBody,
} from '@red-engine/shared';
import { Alert, App, Drawer, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { DrawerSaveActions } from '../../components/DrawerSaveActions';
import type { OrgOption } from '../../components/OrgTreeSelect';
import { useCreateMember, useUpdateMember } from './api';
import { MemberBasicFields, MemberExtendedFields } from './MemberFormFields';

export type MemberFormTarget = { mode: 'create'; org?: OrgOption } | { mode: 'edit'; member: Member };

interface Values {
  name?: string;
  nameMongolian?: string;
  gender?: Member['gender'];
  idNumber?: string;
  ethnicity?: CreateMemberBody['ethnicity'];
  birthDate?: Dayjs;
  education?: CreateMemberBody['education'];
  jobCategory?: CreateMemberBody['jobCategory'];
  phone?: string;
  address?: string;
  orgId?: OrgOption;
  category?: MemberCategory;
  joinDate?: Dayjs;
  fullMemberDate?: Dayjs;
  nativePlace?: string;
  degree?: string;
  title?: string;
  workUnit?: string;
  workPost?: string;
  talentFlags?: CreateMemberBody['talentFlags'];
  tags?: string[];
  partyPosts?: string[];
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
const date = (v: Dayjs | undefined) => (v ? v.format('YYYY-MM-DD') : undefined);
const list = (v: string[] | undefined) => (v ?? []).map((s) => s.trim()).filter(Boolean);

/** The fields both create and edit send (empty inputs are left out, so edit keeps what is stored). */
function commonFields(v: Values) {
  return {
    name: text(v.name),
    nameMongolian: text(v.nameMongolian),
    gender: v.gender,
    idNumber: text(v.idNumber)?.toUpperCase(),
    ethnicity: v.ethnicity,
    birthDate: date(v.birthDate),
    education: v.education,
    jobCategory: v.jobCategory,
    phone: text(v.phone),
    address: text(v.address),
    nativePlace: text(v.nativePlace),
    degree: text(v.degree),
    title: text(v.title),
    workUnit: text(v.workUnit),
    workPost: text(v.workPost),
    talentFlags: v.talentFlags ?? [],
    tags: list(v.tags),
    partyPosts: list(v.partyPosts),
  };
}

function initialValues(target: MemberFormTarget): Values {
  if (target.mode === 'create') return { category: 'full', orgId: target.org };
  const m = target.member;
  return {
    name: m.name,
    nameMongolian: m.nameMongolian ?? undefined,
    gender: m.gender,
    ethnicity: m.ethnicity as Values['ethnicity'],
    birthDate: dayjs(m.birthDate),
    education: m.education as Values['education'],
    jobCategory: m.jobCategory as Values['jobCategory'],
    nativePlace: m.nativePlace ?? undefined,
    degree: m.degree ?? undefined,
    title: m.title ?? undefined,
    workUnit: m.workUnit ?? undefined,
    workPost: m.workPost ?? undefined,
    talentFlags: m.talentFlags as Values['talentFlags'],
    tags: m.tags,
    partyPosts: m.partyPosts,
  };
}

/** 新增党员 / 编辑档案: 基本信息 and 扩展信息; the ID number fills birth date and gender as it is typed. */
export function MemberFormDrawer({
  target,
  onClose,
  onSaved,
}: {
  target: MemberFormTarget | null;
  onClose: () => void;
  onSaved?: (m: Member) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMember();
  const update = useUpdateMember();
  const [idFilled, setIdFilled] = useState<string | null>(null);
  const editing = target?.mode === 'edit' ? target.member : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(initialValues(target));
    setIdFilled(null);
  }, [target, form]);

  const onValuesChange = (changed: Partial<Values>) => {
    if (!('idNumber' in changed)) return;
    const info = parseIdNumber(changed.idNumber ?? '');
    if (!info.ok) {
      setIdFilled(null);
      return;
    }
    form.setFieldsValue({ birthDate: dayjs(info.birthDate), gender: info.gender });
    void form.validateFields(['birthDate', 'gender']).catch(() => undefined);
    setIdFilled(t('member.idFilled', { date: info.birthDate, gender: t(`gender.${info.gender}`) }));
  };

  const onError = (e: unknown) => {
    if (isApiError(e) && e.code === 'MEMBER_ID_NUMBER_TAKEN') {
      form.setFields([{ name: 'idNumber', errors: [t('member.idTaken')] }]);
      return;
    }
    applyFormError(form, e);
  };
  const done = (m: Member, key: 'member.created' | 'member.updated') => {
    message.success(t(key, { name: m.name }));
    onSaved?.(m);
    onClose();
  };

  const onFinish = (v: Values) => {
    const fields = commonFields(v);
    if (!editing) {
      const body = {
        ...fields,
        orgId: v.orgId?.value ?? '',
        category: v.category ?? 'full',
        joinDate: date(v.joinDate) ?? '',
        fullMemberDate: v.category === 'full' ? date(v.fullMemberDate) : undefined,
      } as CreateMemberBody;
      create.mutate(body, { onSuccess: (m) => done(m, 'member.created'), onError });
      return;
    }
    const body: UpdateMemberBody = { ...fields, nameMongolian: fields.nameMongolian ?? '' };
    update.mutate({ id: editing.id, body }, { onSuccess: (m) => done(m, 'member.updated'), onError });
  };

  const masked = editing ? { idNumber: editing.idNumberMasked, phone: editing.phoneMasked } : null;
  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      size={760}
      title={editing ? t('member.editTitle', { name: editing.name }) : t('member.create')}
      forceRender
      extra={
        <DrawerSaveActions
          onCancel={onClose}
          onSave={() => form.submit()}
          saving={create.isPending || update.isPending}
        />
      }
    >
      <Form form={form} name="member-form" layout="vertical" onFinish={onFinish} onValuesChange={onValuesChange}>
        {editing && <Alert type="info" showIcon title={t('member.lifecycleNote')} className="re-modal-alert" />}
        <MemberBasicFields masked={masked} idFilled={idFilled} />
        <MemberExtendedFields />
        {!editing && <Alert type="info" showIcon title={t('member.lifecycleNote')} />}
      </Form>
    </Drawer>
  );
}
