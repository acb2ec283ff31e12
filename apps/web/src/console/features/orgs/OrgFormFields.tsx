import { CreateOrgBodySchema, ORG_DOMAINS, type OrgType, UNIT_SITUATIONS } from '@red-engine/shared';
import { DatePicker, Divider, Form, Input, InputNumber, Select } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { isAfterToday } from '../../../lib/time';
import { rulesFrom } from '../../../lib/zod-rules';

const S = CreateOrgBodySchema.shape;
const noFuture = isAfterToday;

/** Every field of the organization record but name and type (shared by 新建 and 编辑). */
export function OrgFormFields({ type }: { type: OrgType | undefined }) {
  const { t } = useI18n();
  const full = { width: '100%' };
  return (
    <>
      <div className="re-form-grid">
        <Form.Item name="shortName" label={t('org.shortName')} rules={rulesFrom(S.shortName, t)}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('org.code')} rules={rulesFrom(S.code, t, { invalid: t('org.codeInvalid') })}>
          <Input />
        </Form.Item>
        <Form.Item name="domain" label={t('org.domain')}>
          <Select
            allowClear
            options={ORG_DOMAINS.map((d) => ({ value: d, label: `${t(`orgDomain.${d}`)} · ${t(`orgBrand.${d}`)}` }))}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('org.sortOrder')}>
          <InputNumber min={0} max={100_000} precision={0} style={full} />
        </Form.Item>
      </div>
      <Divider titlePlacement="start" plain>
        {t('org.sectionRecord')}
      </Divider>
      <div className="re-form-grid">
        <Form.Item name="foundedOn" label={t('org.foundedOn')}>
          <DatePicker style={full} disabledDate={noFuture} />
        </Form.Item>
        <Form.Item name="foundingDocNo" label={t('org.foundingDocNo')} rules={rulesFrom(S.foundingDocNo, t)}>
          <Input placeholder={t('org.foundingDocNoPlaceholder')} />
        </Form.Item>
        <Form.Item name="unitSituation" label={t('org.unitSituation')}>
          <Select allowClear options={UNIT_SITUATIONS.map((u) => ({ value: u, label: t(`unitSituation.${u}`) }))} />
        </Form.Item>
        <Form.Item name="secretaryName" label={t('org.secretaryName')} rules={rulesFrom(S.secretaryName, t)}>
          <Input />
        </Form.Item>
      </div>
      <Divider titlePlacement="start" plain>
        {t('org.sectionContact')}
      </Divider>
      <Form.Item name="address" label={t('org.address')} rules={rulesFrom(S.address, t)}>
        <Input />
      </Form.Item>
      <div className="re-form-grid">
        <Form.Item name="contactPerson" label={t('org.contactPerson')} rules={rulesFrom(S.contactPerson, t)}>
          <Input />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('org.contactPhone')}
          rules={rulesFrom(S.contactPhone, t, { invalid: t('org.phoneInvalid') })}
        >
          <Input />
        </Form.Item>
        <Form.Item name="longitude" label={t('org.longitude')}>
          <InputNumber min={-180} max={180} precision={6} style={full} />
        </Form.Item>
        <Form.Item name="latitude" label={t('org.latitude')}>
          <InputNumber min={-90} max={90} precision={6} style={full} />
        </Form.Item>
      </div>
      {type === 'temporary_branch' && (
        <>
          <Divider titlePlacement="start" plain>
            {t('org.sectionTemporary')}
          </Divider>
          <div className="re-form-grid">
            <Form.Item name="projectName" label={t('org.projectName')} rules={rulesFrom(S.projectName, t)}>
              <Input />
            </Form.Item>
            <Form.Item name="temporaryUntil" label={t('org.temporaryUntil')}>
              <DatePicker style={full} />
            </Form.Item>
          </div>
        </>
      )}
    </>
  );
}
