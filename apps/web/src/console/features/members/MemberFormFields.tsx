import { CreateMemberBodySchema, GENDERS, MEMBER_CATEGORIES, type OrgType, parseIdNumber } from '@red-engine/shared';
import { Checkbox, DatePicker, Divider, Form, Input, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n';
import { educationOptions, ethnicityOptions, jobCategoryOptions } from '../../../lib/member-labels';
import { isAfterToday } from '../../../lib/time';
import { rulesFrom } from '../../../lib/zod-rules';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

const S = CreateMemberBodySchema.shape;
/** Organizations that hold members' Party relations. */
export const BRANCH_TYPES: readonly OrgType[] = ['branch', 'joint_branch', 'temporary_branch'];
export const TALENT_FLAGS = ['doctor', 'master', 'senior_engineer'] as const;
const noFuture = isAfterToday;

/** Masked values of the record being edited: empty sensitive inputs keep what is stored. */
export interface MaskedValues {
  idNumber: string;
  phone: string | null;
}

/** ID number → birth date and gender, or why the number is wrong. */
export function useIdNumberRules(editing: boolean): Rule[] {
  const { t } = useI18n();
  return [
    { required: !editing, message: t('form.required') },
    {
      validator: async (_r, value: string | undefined) => {
        if (!value?.trim()) return;
        const info = parseIdNumber(value);
        if (info.ok) return;
        const key =
          info.reason === 'format'
            ? 'member.idFormat'
            : info.reason === 'checksum'
              ? 'member.idChecksum'
              : 'member.idBirthDate';
        throw new Error(t(key));
      },
    },
  ];
}

/** 基本信息: the national core items (party status, lost and mobile flags change through events). */
export function MemberBasicFields({ masked, idFilled }: { masked: MaskedValues | null; idFilled: string | null }) {
  const { t, locale } = useI18n();
  const editing = masked !== null;
  const idRules = useIdNumberRules(editing);
  const agreesWithId =
    (field: 'birthDate' | 'gender'): Rule =>
    ({ getFieldValue }) => ({
      validator: async (_r, value: Dayjs | string | undefined) => {
        const info = parseIdNumber(String(getFieldValue('idNumber') ?? ''));
        if (!info.ok || !value) return;
        if (field === 'birthDate' && dayjs.isDayjs(value) && value.format('YYYY-MM-DD') !== info.birthDate) {
          throw new Error(t('member.birthMismatch', { date: info.birthDate }));
        }
        if (field === 'gender' && value !== info.gender) {
          throw new Error(t('member.genderMismatch', { gender: t(`gender.${info.gender}`) }));
        }
      },
    });
  const required = { required: true, message: t('form.required') };

  return (
    <>
      <Divider titlePlacement="start" plain className="re-form-divider">
        <strong>{t('member.sectionBasic')}</strong> <span className="re-card-note">{t('member.sectionBasicNote')}</span>
      </Divider>
      <div className="re-form-grid">
        <Form.Item name="name" label={t('member.name')} rules={rulesFrom(S.name, t, { required: !editing })}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="nameMongolian"
          label={t('member.nameMongolian')}
          rules={rulesFrom(S.nameMongolian, t)}
          tooltip={t('member.nameMongolianHint')}
        >
          <Input lang="mn-Mong" className="re-mongolian" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('member.idNumber')}
          rules={idRules}
          extra={idFilled ?? (editing ? t('member.keepUnchanged', { masked: masked.idNumber }) : undefined)}
          validateFirst
        >
          <Input className="re-mono" maxLength={18} autoComplete="off" placeholder={masked?.idNumber} />
        </Form.Item>
        <Form.Item
          name="gender"
          label={t('member.gender')}
          dependencies={['idNumber']}
          rules={[...(editing ? [] : [required]), agreesWithId('gender')]}
        >
          <Radio.Group options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
        </Form.Item>
        <Form.Item
          name="birthDate"
          label={t('member.birthDate')}
          dependencies={['idNumber']}
          rules={[...(editing ? [] : [required]), agreesWithId('birthDate')]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('member.ethnicity')} rules={editing ? [] : [required]}>
          <Select showSearch optionFilterProp="label" options={ethnicityOptions(locale)} />
        </Form.Item>
        <Form.Item name="education" label={t('member.education')} rules={editing ? [] : [required]}>
          <Select options={educationOptions(locale)} />
        </Form.Item>
        <Form.Item name="jobCategory" label={t('member.jobCategory')} rules={editing ? [] : [required]}>
          <Select options={jobCategoryOptions(locale)} />
        </Form.Item>
        {!editing && <PartyRelationFields />}
        <Form.Item
          name="phone"
          label={t('member.phone')}
          rules={rulesFrom(S.phone, t, { invalid: t('member.phoneInvalid') })}
          extra={editing && masked.phone ? t('member.keepUnchanged', { masked: masked.phone }) : undefined}
        >
          <Input inputMode="tel" maxLength={13} autoComplete="off" placeholder={masked?.phone ?? undefined} />
        </Form.Item>
        <Form.Item name="address" label={t('member.address')} rules={rulesFrom(S.address, t)}>
          <Input autoComplete="off" />
        </Form.Item>
      </div>
    </>
  );
}

/** 所在党支部, 人员类别, 入党日期, 转正日期 — set when the record is created, changed later only by events. */
function PartyRelationFields() {
  const { t } = useI18n();
  const required = { required: true, message: t('form.required') };
  return (
    <>
      <Form.Item name="orgId" label={t('member.org')} rules={[{ required: true, message: t('member.branchOnly') }]}>
        <OrgTreeSelect onlyTypes={BRANCH_TYPES} placeholder={t('member.branchOnly')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="category" label={t('member.category')} rules={[required]}>
        <Radio.Group options={MEMBER_CATEGORIES.map((c) => ({ value: c, label: t(`memberCategory.${c}`) }))} />
      </Form.Item>
      <Form.Item name="joinDate" label={t('member.joinDate')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
      </Form.Item>
      <Form.Item noStyle dependencies={['category']}>
        {({ getFieldValue }) =>
          getFieldValue('category') === 'full' && (
            <Form.Item
              name="fullMemberDate"
              label={t('member.fullMemberDate')}
              dependencies={['joinDate']}
              rules={[
                { required: true, message: t('member.fullMemberDateRequired') },
                ({ getFieldValue: get }) => ({
                  validator: async (_r, value: Dayjs | undefined) => {
                    const join = get('joinDate') as Dayjs | undefined;
                    if (value && join && !value.isAfter(join, 'day')) throw new Error(t('member.fullBeforeJoin'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}

/** 扩展信息: native place, degree, title, work, talent flags, tags, party posts. */
export function MemberExtendedFields() {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start" plain className="re-form-divider">
        <strong>{t('member.sectionExtended')}</strong>
      </Divider>
      <div className="re-form-grid">
        <Form.Item name="nativePlace" label={t('member.nativePlace')} rules={rulesFrom(S.nativePlace, t)}>
          <Input />
        </Form.Item>
        <Form.Item name="degree" label={t('member.degree')} rules={rulesFrom(S.degree, t)}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t('member.title')} rules={rulesFrom(S.title, t)}>
          <Input />
        </Form.Item>
        <Form.Item name="workUnit" label={t('member.workUnit')} rules={rulesFrom(S.workUnit, t)}>
          <Input />
        </Form.Item>
        <Form.Item name="workPost" label={t('member.workPost')} rules={rulesFrom(S.workPost, t)}>
          <Input />
        </Form.Item>
        <Form.Item name="talentFlags" label={t('member.talentFlags')}>
          <Checkbox.Group options={TALENT_FLAGS.map((f) => ({ value: f, label: t(`talent.${f}`) }))} />
        </Form.Item>
      </div>
      <Form.Item name="tags" label={t('member.tags')}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder={t('member.tagsPlaceholder')} open={false} />
      </Form.Item>
      <Form.Item name="partyPosts" label={t('member.partyPosts')}>
        <Select
          mode="tags"
          tokenSeparators={[',', '，']}
          placeholder={t('member.partyPostsPlaceholder')}
          open={false}
        />
      </Form.Item>
    </>
  );
}
