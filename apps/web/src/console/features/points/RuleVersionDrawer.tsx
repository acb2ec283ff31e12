import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type CreatePointRuleVersionBody,
  EXEMPTION_CATEGORIES,
  POINT_CATEGORIES,
  POINT_SOURCE_TYPES,
  POINT_UNITS,
  type PointRuleInput,
  type PointRuleVersion,
} from '@red-engine/shared';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { DrawerSaveActions } from '../../components/DrawerSaveActions';
import { useCreateRuleVersion } from './api';

type Values = Omit<CreatePointRuleVersionBody, 'effectiveFrom'> & { effectiveFrom: Dayjs };

const GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;

/** 新建版本: starts from the version in force; saved once, then never changed (a change is another version). */
export function RuleVersionDrawer({
  open,
  base,
  today,
  onClose,
}: {
  open: boolean;
  base: PointRuleVersion;
  today: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const create = useCreateRuleVersion();
  const [form] = Form.useForm<Values>();
  const initial: Values = {
    effectiveFrom: dayjs(today).add(1, 'month').startOf('month'),
    note: '',
    scheme: base.scheme,
    rules: base.rules.map(({ sortOrder: _s, available: _a, ...r }) => r as PointRuleInput),
  };
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      { ...v, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), note: v.note?.trim() || null },
      {
        onSuccess: (created) => {
          message.success(t('points.rules.created', { date: created.effectiveFrom }));
          onClose();
        },
        onError: (e) => applyFormError(form, e),
      },
    );
  };
  const num = (name: (string | number)[], min: number, max: number, width = 80) => (
    <Form.Item name={name} noStyle rules={[{ required: true }]}>
      <InputNumber min={min} max={max} precision={0} style={{ width }} aria-label={name.join('.')} />
    </Form.Item>
  );
  const cap = (field: number, key: 'capDay' | 'capMonth' | 'capYear', label: string) => (
    <Form.Item name={[field, key]} noStyle>
      <InputNumber
        min={1}
        max={10000}
        precision={0}
        placeholder={t('points.rules.noCap')}
        style={{ width: 64 }}
        aria-label={label}
      />
    </Form.Item>
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={1320}
      title={t('points.rules.newVersion')}
      destroyOnHidden
      extra={<DrawerSaveActions onCancel={onClose} onSave={submit} saving={create.isPending} />}
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Alert type="info" showIcon message={t('points.rules.copyHelp')} style={{ marginBottom: 16 }} />
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="effectiveFrom" label={t('points.rules.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(today), 'day')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item name="note" label={t('points.rules.note')} rules={[{ max: 500 }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('points.rules.scheme')}</Typography.Title>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={t('points.rules.thresholds')} required>
              <Space>
                {[0, 1, 2, 3, 4].map((i) => (
                  <Space key={i} size={2}>
                    <span className="re-pt-star-on">★{i + 1}</span>
                    {num(['scheme', 'starThresholds', i], 0, 1000, 64)}
                  </Space>
                ))}
              </Space>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('points.rules.gradeBonusLabel')}>
              <Space wrap>
                {GRADES.map((g) => (
                  <Space key={g} size={2}>
                    <span>{t(`points.grade.${g}`)}</span>
                    {num(['scheme', 'gradeBonus', g], -100, 100, 60)}
                  </Space>
                ))}
              </Space>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name={['scheme', 'unqualifiedZeroStars']}
              label={t('points.rules.unqualifiedZero')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['scheme', 'vetoZeroesScore']} label={t('points.rules.vetoZero')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('points.rules.objectionDaysLabel')}>
              {num(['scheme', 'objectionWorkingDays'], 1, 30)}
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('points.rules.elderlyAgeLabel')}>{num(['scheme', 'elderlyAge'], 50, 120)}</Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('points.rules.item')}</Typography.Title>
        <div className="re-pt-editor-head">
          <span style={{ width: 170 }}>{t('points.rules.code')}</span>
          <span style={{ width: 220 }}>{t('points.rules.item')}</span>
          <span style={{ width: 110 }}>{t('points.rules.category')}</span>
          <span style={{ width: 70 }}>{t('points.rules.points')}</span>
          <span style={{ width: 90 }}>{t('points.rules.unit')}</span>
          <span style={{ width: 210 }}>{t('points.rules.caps')}</span>
          <span style={{ width: 140 }}>{t('points.rules.source')}</span>
          <span style={{ flex: 1 }}>{t('points.rules.flags')}</span>
        </div>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} className="re-pt-editor-row">
                  <Form.Item
                    name={[f.name, 'code']}
                    noStyle
                    rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/ }]}
                  >
                    <Input style={{ width: 170 }} className="re-mono" aria-label={t('points.rules.code')} />
                  </Form.Item>
                  <Space direction="vertical" size={2} style={{ width: 220 }}>
                    <Form.Item name={[f.name, 'nameZh']} noStyle rules={[{ required: true, max: 60 }]}>
                      <Input aria-label={t('points.rules.item')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'nameEn']} noStyle rules={[{ required: true, max: 120 }]}>
                      <Input size="small" aria-label="English" />
                    </Form.Item>
                  </Space>
                  <Form.Item name={[f.name, 'category']} noStyle>
                    <Select
                      style={{ width: 110 }}
                      aria-label={t('points.rules.category')}
                      options={POINT_CATEGORIES.map((c) => ({ value: c, label: t(`points.category.${c}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'points']} noStyle rules={[{ required: true }]}>
                    <InputNumber
                      min={-100}
                      max={100}
                      precision={0}
                      style={{ width: 70 }}
                      aria-label={t('points.rules.points')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} noStyle>
                    <Select
                      style={{ width: 90 }}
                      aria-label={t('points.rules.unit')}
                      options={POINT_UNITS.map((u) => ({ value: u, label: t(`points.unit.${u}`) }))}
                    />
                  </Form.Item>
                  <Space size={2} style={{ width: 210 }}>
                    {cap(f.name, 'capDay', 'day')}
                    {cap(f.name, 'capMonth', 'month')}
                    {cap(f.name, 'capYear', 'year')}
                  </Space>
                  <Form.Item name={[f.name, 'source']} noStyle>
                    <Select
                      style={{ width: 140 }}
                      aria-label={t('points.rules.source')}
                      options={POINT_SOURCE_TYPES.map((s) => ({ value: s, label: t(`points.source.${s}`) }))}
                    />
                  </Form.Item>
                  <Space size={4} wrap style={{ flex: 1 }}>
                    <Form.Item name={[f.name, 'evidenceRequired']} valuePropName="checked" noStyle>
                      <Checkbox>{t('points.rules.evidence')}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[f.name, 'approvalRequired']} valuePropName="checked" noStyle>
                      <Checkbox>{t('points.rules.approval')}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[f.name, 'veto']} valuePropName="checked" noStyle>
                      <Checkbox>{t('points.rules.veto')}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[f.name, 'exemptCategories']} noStyle>
                      <Select
                        mode="multiple"
                        size="small"
                        style={{ minWidth: 150 }}
                        placeholder={t('points.rules.exemptShort')}
                        aria-label={t('points.rules.exemptShort')}
                        options={EXEMPTION_CATEGORIES.map((c) => ({
                          value: c,
                          label: c === 'elderly' ? t('points.exemption.elderlyShort') : t(`points.exemption.${c}`),
                        }))}
                      />
                    </Form.Item>
                  </Space>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(f.name)}
                  />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    code: '',
                    category: 'pioneer',
                    nameZh: '',
                    nameEn: '',
                    points: 1,
                    unit: 'occurrence',
                    capDay: null,
                    capMonth: null,
                    capYear: null,
                    evidenceRequired: false,
                    source: 'manual',
                    approvalRequired: true,
                    veto: false,
                    exemptCategories: [],
                  })
                }
                style={{ marginTop: 8 }}
              >
                {t('points.rules.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
