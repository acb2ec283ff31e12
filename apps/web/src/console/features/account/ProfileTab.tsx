import { LOCALES, type Locale, UpdatePreferencesBodySchema } from '@red-engine/shared';
import { App, Button, Descriptions, Form, Input, Select, Space, Tag } from 'antd';
import { applyFormError } from '../../../lib/errors';
import { LOCALE_LABELS, useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { rulesFrom } from '../../../lib/zod-rules';
import { RoleTag } from '../../components/RoleTag';
import { useUpdatePreferences } from './api';

interface Values {
  displayName: string;
  locale: Locale;
}

export function ProfileTab() {
  const { t, setLocale } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useUpdatePreferences();

  const onFinish = (v: Values) =>
    mutation.mutate(
      { displayName: v.displayName.trim(), locale: v.locale },
      {
        onSuccess: (next) => {
          setLocale(next.locale);
          message.success(t('account.profileSaved'));
        },
        onError: (e) => applyFormError(form, e),
      },
    );

  return (
    <div className="re-narrow">
      <Descriptions column={1} bordered size="middle" className="re-profile-desc">
        <Descriptions.Item label={t('user.username')}>{me.username}</Descriptions.Item>
        <Descriptions.Item label={t('account.myRoles')}>
          <Space size={[4, 8]} wrap>
            {me.roles.map((r) => (
              <RoleTag key={`${r.role}-${r.orgId}`} grant={r} />
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('account.mfa')}>
          {me.mfaEnabled ? <Tag color="success">{t('common.enabled')}</Tag> : <Tag>{t('common.disabled')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        name="profile"
        layout="vertical"
        initialValues={{ displayName: me.displayName, locale: me.locale }}
        onFinish={onFinish}
        className="re-narrow-form re-profile-form"
      >
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={rulesFrom(UpdatePreferencesBodySchema.shape.displayName, t, { required: true })}
        >
          <Input />
        </Form.Item>
        <Form.Item name="locale" label={t('account.locale')}>
          <Select options={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}
