import type { OrgRatingDetail } from '@red-engine/shared';
import { Alert, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { Stars } from './labels';

export type ActionKind =
  | 'return'
  | 'reopen'
  | 'object'
  | 'answer'
  | 'veto'
  | 'clearVeto'
  | 'publish'
  | 'adjust'
  | 'removeEvidence';
export type ActionTarget = { kind: ActionKind; id?: string };
export type ActionValues = {
  reason?: string;
  text?: string;
  answer?: string;
  outcome?: 'upheld' | 'dismissed';
  stars?: number | null;
};

const REASON_KINDS: ActionKind[] = ['return', 'reopen', 'veto', 'clearVeto', 'removeEvidence', 'adjust'];

/** One modal for the steps that need words: reasons, objections and answers, publication and adjustments. */
export function ActionModal({
  target,
  rating,
  busy,
  onClose,
  onSubmit,
}: {
  target: ActionTarget | null;
  rating: OrgRatingDetail;
  busy: boolean;
  onClose: () => void;
  onSubmit: (t: ActionTarget, v: ActionValues) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const kind = target?.kind;
  useEffect(() => {
    if (target) {
      form.resetFields();
      if (target.kind === 'answer') form.setFieldsValue({ outcome: 'dismissed' });
    }
  }, [target, form]);
  if (!target) return null;
  const ruleStars = rating.preview?.stars ?? 0;
  const starOptions = (max: number) =>
    [5, 4, 3, 2, 1, 0]
      .filter((s) => s <= max)
      .map((s) => ({ value: s, label: s === 0 ? t('rating.unrated') : t('rating.nStars', { n: s }) }));

  return (
    <Modal
      open
      title={t(`rating.action.${target.kind}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ danger: kind === 'veto' || kind === 'return' }}
      destroyOnHidden
    >
      <Form<ActionValues>
        form={form}
        layout="vertical"
        onFinish={(v) => onSubmit(target, v).then(onClose, (e) => applyFormError(form, e))}
      >
        {kind === 'publish' && rating.preview && (
          <Alert
            type="info"
            showIcon
            className="rating-form-alert"
            message={
              <Space wrap>
                {t('rating.publishPreview', { score: rating.preview.score })}
                <Stars value={rating.preview.stars} />
              </Space>
            }
            description={
              <>
                {rating.preview.reasons.map((r) => (
                  <div key={r}>{t(`rating.reason.${r}` as MessageKey)}</div>
                ))}
                <div>{t('rating.publishHelp', { days: rating.scheme.publicationDays })}</div>
              </>
            }
          />
        )}
        {kind === 'publish' && (
          <Form.Item name="stars" label={t('rating.lowerStars')} extra={t('rating.lowerStarsHelp')}>
            <Select allowClear options={starOptions(ruleStars).filter((o) => o.value < ruleStars)} />
          </Form.Item>
        )}
        {kind === 'adjust' && (
          <>
            <Typography.Paragraph type="secondary">{t('rating.adjustHelp')}</Typography.Paragraph>
            <Form.Item name="stars" label={t('rating.newStars')} rules={[{ required: true }]}>
              <Select options={starOptions(5).filter((o) => o.value !== (rating.stars ?? 0))} />
            </Form.Item>
          </>
        )}
        {kind === 'object' && (
          <Form.Item name="text" label={t('rating.objectionText')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
        )}
        {kind === 'answer' && (
          <>
            <Form.Item name="outcome" label={t('rating.outcomeLabel')} rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'dismissed', label: t('rating.outcome.dismissed') },
                  { value: 'upheld', label: t('rating.outcome.upheld') },
                ]}
              />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('rating.upheldHelp')}</Typography.Paragraph>
            <Form.Item name="answer" label={t('rating.answerText')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={4} maxLength={1000} showCount />
            </Form.Item>
          </>
        )}
        {(REASON_KINDS.includes(target.kind) || kind === 'publish') && (
          <Form.Item
            name="reason"
            label={t('rating.reason')}
            rules={
              kind === 'publish' ? [] : [{ required: true, whitespace: true, message: t('rating.reasonRequired') }]
            }
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
