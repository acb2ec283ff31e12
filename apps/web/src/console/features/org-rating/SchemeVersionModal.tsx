import type { CreateRatingSchemeBody, RatingScheme } from '@red-engine/shared';
import {
  Alert,
  App,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Switch,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { todayIsoInBeijing } from '../../../lib/time';
import { useCreateScheme, useUpdateScheme } from './api';

export type SchemeTarget = { mode: 'version' | 'edit'; scheme: RatingScheme };

type Values = {
  nameZh: string;
  nameEn: string;
  effectiveFrom: Dayjs;
  publicationDays: number;
  requiresInnovationFor5Star: boolean;
  allowAboveBase: boolean;
  vetoStars: number;
  note?: string;
  min: Record<string, number | null>;
  quota: Record<string, number | null>;
  indicators: { maxPoints: number; evidenceRequired: boolean; criteriaZh: string }[];
};

const LEVELS = [5, 4, 3, 2, 1];

/**
 * 新建版本 / 修改: the figures of a scheme — thresholds, quotas, publication days, veto result, each indicator's
 * points, criteria and evidence. A version in use never changes; a new one takes effect from its date.
 */
export function SchemeVersionModal({ target, onClose }: { target: SchemeTarget | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateScheme();
  const update = useUpdateScheme();
  const s = target?.scheme;

  useEffect(() => {
    if (!s) return;
    form.resetFields();
    form.setFieldsValue({
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      effectiveFrom: target?.mode === 'edit' ? dayjs(s.effectiveFrom) : dayjs(todayIsoInBeijing()).add(1, 'day'),
      publicationDays: s.publicationDays,
      requiresInnovationFor5Star: s.requiresInnovationFor5Star,
      allowAboveBase: s.allowAboveBase,
      vetoStars: s.vetoStars ?? 0,
      note: s.note ?? undefined,
      min: Object.fromEntries(
        LEVELS.map((l) => [String(l), s.thresholds.find((x) => x.stars === l)?.minScore ?? null]),
      ),
      quota: Object.fromEntries(
        LEVELS.map((l) => [String(l), s.quotas.find((x) => x.stars === l)?.maxPercent ?? null]),
      ),
      indicators: s.indicators.map((i) => ({
        maxPoints: i.maxPoints,
        evidenceRequired: i.evidenceRequired,
        criteriaZh: i.criteriaZh,
      })),
    });
  }, [s, target?.mode, form]);

  if (!s || !target) return null;

  const onFinish = (v: Values) => {
    const body: Omit<CreateRatingSchemeBody, 'code'> = {
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      cycle: s.cycle,
      orgTypes: s.orgTypes as CreateRatingSchemeBody['orgTypes'],
      domains: (s.domains as CreateRatingSchemeBody['domains']) ?? null,
      thresholds: LEVELS.filter((l) => v.min[String(l)] !== null && v.min[String(l)] !== undefined).map((l) => ({
        stars: l,
        minScore: v.min[String(l)]!,
      })),
      quotas: LEVELS.filter((l) => v.quota[String(l)] !== null && v.quota[String(l)] !== undefined).map((l) => ({
        stars: l,
        maxPercent: v.quota[String(l)]!,
      })),
      publicationDays: v.publicationDays,
      requiresInnovationFor5Star: v.requiresInnovationFor5Star,
      allowAboveBase: v.allowAboveBase,
      vetoStars: v.vetoStars === 0 ? null : v.vetoStars,
      note: v.note?.trim() || null,
      indicators: s.indicators.map((i, n) => ({
        code: i.code,
        nameZh: i.nameZh,
        nameEn: i.nameEn,
        kind: i.kind,
        maxPoints: v.indicators[n]!.maxPoints,
        criteriaZh: v.indicators[n]!.criteriaZh,
        criteriaEn: i.criteriaEn,
        evidenceRequired: v.indicators[n]!.evidenceRequired,
        source: i.source,
        sourceMap: i.sourceMap,
      })),
      vetoRules: s.vetoRules.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, source: r.source })),
    };
    const done = {
      onSuccess: () => {
        message.success(t('rating.schemeSaved'));
        onClose();
      },
      onError: (e: unknown) => applyFormError(form, e),
    };
    if (target.mode === 'edit') update.mutate({ id: s.id, body }, done);
    else create.mutate({ ...body, code: s.code }, done);
  };

  return (
    <Modal
      open
      width={860}
      title={
        target.mode === 'edit'
          ? t('rating.editScheme', { v: s.version })
          : t('rating.newVersionOf', { name: s.nameZh, v: s.version })
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon className="rating-form-alert" message={t('rating.versionHelp')} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="nameZh" label={t('rating.nameZh')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nameEn" label={t('rating.nameEn')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="effectiveFrom" label={t('rating.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider plain titlePlacement="start">
          {t('rating.thresholdsAndQuotas')}
        </Divider>
        <Row gutter={12}>
          {LEVELS.map((l) => (
            <Col key={l} flex="1">
              <Form.Item name={['min', String(l)]} label={t('rating.minFor', { n: l })}>
                <InputNumber min={0} max={200} style={{ width: '100%' }} placeholder={t('rating.notUsed')} />
              </Form.Item>
              <Form.Item name={['quota', String(l)]} label={t('rating.quotaFor', { n: l })}>
                <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} placeholder={t('rating.noLimit')} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="publicationDays" label={t('rating.publicationDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={30} suffix={t('rating.days')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="vetoStars" label={t('rating.vetoResult')}>
              <Select
                options={[0, 1, 2, 3].map((n) => ({
                  value: n,
                  label: n === 0 ? t('rating.unrated') : t('rating.atMostStars', { n }),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="requiresInnovationFor5Star"
              label={t('rating.needsInnovationLabel')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="allowAboveBase" label={t('rating.allowAboveBase')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Divider plain titlePlacement="start">
          {t('rating.indicators')}
        </Divider>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={s.indicators}
          columns={[
            {
              title: t('rating.indicator'),
              key: 'n',
              width: 110,
              render: (_, i) => (locale === 'zh-CN' ? i.nameZh : i.nameEn),
            },
            {
              title: t('rating.points'),
              key: 'p',
              width: 100,
              render: (_, _i, n) => (
                <Form.Item name={['indicators', n, 'maxPoints']} noStyle rules={[{ required: true }]}>
                  <InputNumber min={0.5} max={200} step={0.5} style={{ width: 80 }} />
                </Form.Item>
              ),
            },
            {
              title: t('rating.criteria'),
              key: 'c',
              render: (_, _i, n) => (
                <Form.Item
                  name={['indicators', n, 'criteriaZh']}
                  noStyle
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
                </Form.Item>
              ),
            },
            {
              title: t('rating.evidence'),
              key: 'e',
              width: 80,
              render: (_, _i, n) => (
                <Form.Item name={['indicators', n, 'evidenceRequired']} noStyle valuePropName="checked">
                  <Switch size="small" />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item name="note" label={t('rating.note')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
