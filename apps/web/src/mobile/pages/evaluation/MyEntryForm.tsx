import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { MyEvaluationDetail } from '@red-engine/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, TextArea, Toast } from 'antd-mobile';
import { useRef } from 'react';
import { applyFormError, reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { MY_EVALUATIONS_KEY, myEvaluationApi } from '../../evaluation/api';

/** The secretary's own 述职报告 (with attachments), or the member's 个人自评, while they may still change. */
export function MyEntryForm({ e }: { e: MyEvaluationDetail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const file = useRef<HTMLInputElement>(null);
  const mine = e.mine!;
  const secretary = e.kind === 'secretary_review';
  const open = e.status === 'preparing' || e.status === 'voting';
  const save = useMutation({
    mutationFn: (text: string) =>
      secretary ? myEvaluationApi.report(e.campaignId, text) : myEvaluationApi.selfAssess(e.campaignId, text),
    onSuccess: () => {
      Toast.show({ icon: 'success', content: t(secretary ? 'm.ev.reportSaved' : 'm.ev.selfSaved') });
      void qc.invalidateQueries({ queryKey: MY_EVALUATIONS_KEY });
    },
    onError: (err) => applyFormError(form, err),
    meta: { silent: true },
  });
  const upload = useMutation({
    mutationFn: (f: File) => myEvaluationApi.upload(e.campaignId, f),
    onSuccess: () => void qc.invalidateQueries({ queryKey: MY_EVALUATIONS_KEY }),
    onError: reportError,
    meta: { silent: true },
  });
  const text = secretary ? mine.report : mine.selfAssessment;
  const title = secretary ? t('m.ev.myReport') : t('m.ev.mySelf');
  if (!open)
    return text ? (
      <section className="m-card">
        <h3 className="m-section-title">{title}</h3>
        <div className="m-ev-report-text">{text}</div>
        {!secretary && <p className="m-hint">{t('m.ev.selfClosed')}</p>}
      </section>
    ) : null;
  return (
    <section className="m-card m-ev-entry">
      <h3 className="m-section-title">{title}</h3>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ text: text ?? '' }}
        onFinish={(v) => save.mutate(v.text.trim())}
        footer={
          <Button block type="submit" color="primary" size="large" loading={save.isPending}>
            {secretary ? t('m.ev.saveReport') : t('m.ev.saveSelf')}
          </Button>
        }
      >
        <Form.Item name="text" rules={[{ required: true, whitespace: true, message: title }]}>
          <TextArea
            rows={secretary ? 10 : 6}
            maxLength={secretary ? 20_000 : 5_000}
            showCount
            placeholder={secretary ? t('m.ev.reportPlaceholder') : t('m.ev.selfPlaceholder')}
            aria-label={title}
          />
        </Form.Item>
      </Form>
      {secretary && (
        <div className="m-ev-files">
          {mine.attachments.map((a) => (
            <div key={a.id}>
              <PaperClipOutlined /> {a.fileName}
            </div>
          ))}
          <input
            ref={file}
            type="file"
            hidden
            accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"
            onChange={(ev) => {
              const f = ev.target.files?.[0];
              if (f) upload.mutate(f);
              ev.target.value = '';
            }}
          />
          <Button size="small" fill="outline" loading={upload.isPending} onClick={() => file.current?.click()}>
            <UploadOutlined /> {t('m.ev.attach')}
          </Button>
        </div>
      )}
    </section>
  );
}
