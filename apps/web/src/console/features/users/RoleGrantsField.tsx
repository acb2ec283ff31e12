import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLE_RANK, ROLES } from '@red-engine/shared';
import { Button, Form, Select } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { maxRoleRank, useAccess } from '../../app/access';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

/** Form.List of {role, orgId}; roles are limited to what the current user may grant. */
export function RoleGrantsField() {
  const { t } = useI18n();
  const { me } = useAccess();
  const rank = maxRoleRank(me);
  const options = ROLES.filter((r) => ROLE_RANK[r] <= rank).map((r) => ({ value: r, label: t(`role.${r}`) }));

  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_r, value: unknown[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('user.rolesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="re-role-list">
          {fields.map((field, index) => (
            <div key={field.key} className="re-role-row">
              <Form.Item
                name={[field.name, 'role']}
                rules={[{ required: true, message: t('form.required') }]}
                className="re-role-select"
              >
                <Select options={options} aria-label={`${t('user.role')} ${index + 1}`} placeholder={t('user.role')} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'orgId']}
                rules={[{ required: true, message: t('form.required') }]}
                className="re-role-org"
              >
                <OrgTreeSelect aria-label={`${t('user.org')} ${index + 1}`} style={{ width: '100%' }} />
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('user.removeRole')}
                onClick={() => remove(field.name)}
                disabled={fields.length <= 1}
              />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })} block>
            {t('user.addRole')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
