import { LEARNING_CONTENT_KINDS, type LearningContentDetail } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Form, Input, Radio, Select, Space, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { applyFormError, reportError } from '../../../lib/errors';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { OrgTreeMultiSelect } from '../../components/OrgTreeMultiSelect';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { learningApi, useCategories } from './api';
import { RichTextEditor } from './RichTextEditor';

type Values = {
  kind: string;
  title: string;
  summary?: string;
  bodyHtml?: string;
  categoryId?: string;
  tags?: string[];
  org?: OrgOption;
  audience: 'zone' | 'orgs';
  targets?: OrgOption[];
  docNumber?: string;
};

/**
 * One content: the form (HTML body with image upload and a preview of what the server kept), the file of a video or
 * document, and the review actions the content's state allows.
 */
export function ContentEditorDrawer({
  id,
  onClose,
  onCreated,
}: {
  id: string | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const { me, can } = useAccess();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const content = useQuery({
    queryKey: ['learning', 'content', id],
    queryFn: () => learningApi.content(id!),
    enabled: !!id,
  });
  const [busy, setBusy] = useState(false);
  const c = content.data;
  const editable = !c || ['draft', 'rejected', 'withdrawn'].includes(c.status);
  const manage = can('learning:manage');
  const kind = Form.useWatch('kind', form);
  const audience = Form.useWatch('audience', form);
  const html = Form.useWatch('bodyHtml', form);

  useEffect(() => {
    if (c)
      form.setFieldsValue({
        kind: c.kind,
        title: c.title,
        summary: c.summary,
        bodyHtml: c.bodyHtml,
        categoryId: c.categoryId ?? undefined,
        tags: c.tags,
        audience: c.audience,
        docNumber: c.docNumber ?? undefined,
        targets: c.targets.map((x) => ({ value: x.orgId, label: x.orgName })),
      });
    else if (!id) {
      const grant = me?.roles[0];
      form.setFieldsValue({
        kind: 'article',
        audience: 'zone',
        ...(grant ? { org: { value: grant.orgId, label: grant.orgName } } : {}),
      });
    }
  }, [c, id, form, me]);

  const run = async (work: () => Promise<LearningContentDetail>) => {
    setBusy(true);
    try {
      await work();
      message.success(t('lrn.done'));
      await content.refetch();
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title,
      summary: v.summary ?? '',
      bodyHtml: v.bodyHtml ?? '',
      categoryId: v.categoryId ?? null,
      tags: v.tags ?? [],
      audience: v.audience,
      targetOrgIds: v.audience === 'orgs' ? (v.targets ?? []).map((o: OrgOption) => o.value) : [],
      docNumber: v.docNumber || null,
    };
    setBusy(true);
    try {
      if (id) {
        await learningApi.update(id, body);
        message.success(t('lrn.saved'));
        await content.refetch();
      } else {
        const created = await learningApi.create({ ...body, kind: v.kind, orgId: v.org?.value });
        message.success(t('lrn.saved'));
        onCreated(created.id);
      }
    } catch (e) {
      applyFormError(form, e);
    } finally {
      setBusy(false);
    }
  };

  const uploadImage = async (file: File): Promise<string | null> => {
    const fd = new FormData();
    fd.append('file', file);
    try {
      return (await learningApi.uploadImage(fd)).url;
    } catch (e) {
      reportError(e);
      return null;
    }
  };
  const uploadFile = async (file: File) => {
    const fd = new FormData();
    if (file.type.startsWith('video/')) {
      const seconds = await new Promise<number>((resolve) => {
        const v = document.createElement('video');
        v.preload = 'metadata';
        v.onloadedmetadata = () => resolve(Math.round(v.duration) || 0);
        v.onerror = () => resolve(0);
        v.src = URL.createObjectURL(file);
      });
      if (seconds > 0) fd.append('durationSeconds', String(seconds));
    }
    fd.append('file', file);
    await run(() => learningApi.uploadFile(id!, fd));
    return false;
  };
  const reject = () => {
    let note = '';
    modal.confirm({
      title: t('lrn.reject'),
      content: <Input.TextArea rows={3} placeholder={t('lrn.rejectNote')} onChange={(e) => (note = e.target.value)} />,
      onOk: () => run(() => learningApi.act(id!, 'reject', { note })),
    });
  };

  return (
    <Drawer
      open
      width={820}
      title={id ? t('lrn.edit') : t('lrn.new')}
      onClose={onClose}
      destroyOnHidden
      extra={
        manage && (
          <Space>
            {editable && (
              <Button type="primary" loading={busy} onClick={save}>
                {t('common.save')}
              </Button>
            )}
            {c && editable && (
              <Button onClick={() => run(() => learningApi.act(c.id, 'submit'))}>{t('lrn.submit')}</Button>
            )}
            {c?.status === 'in_review' && (
              <>
                <Button type="primary" onClick={() => run(() => learningApi.act(c.id, 'approve', {}))}>
                  {t('lrn.approve')}
                </Button>
                <Button danger onClick={reject}>
                  {t('lrn.reject')}
                </Button>
              </>
            )}
            {c && ['published', 'in_review'].includes(c.status) && (
              <Button onClick={() => run(() => learningApi.act(c.id, 'withdraw'))}>{t('lrn.withdraw')}</Button>
            )}
            {c?.kind === 'policy' && c.status === 'published' && (
              <Button onClick={() => run(() => learningApi.act(c.id, 'new-version'))}>{t('lrn.newVersion')}</Button>
            )}
          </Space>
        )
      }
    >
      {c && (
        <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('lrn.status')}>
            <Tag>{t(`lrn.status.${c.status}` as MessageKey)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('lrn.author')}>{c.authorName}</Descriptions.Item>
          <Descriptions.Item label={t('lrn.reviewer')}>{c.reviewerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lrn.org')}>{c.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('lrn.publishedAt')}>{formatDateTime(c.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('lrn.version')}>{c.version}</Descriptions.Item>
          {c.reviewNote && <Descriptions.Item label={t('lrn.reviewNote')}>{c.reviewNote}</Descriptions.Item>}
        </Descriptions>
      )}
      <Form form={form} layout="vertical" disabled={!editable || !manage}>
        <Space size="large" wrap>
          <Form.Item name="kind" label={t('lrn.kind')} rules={[{ required: true }]}>
            <Radio.Group
              disabled={!!id}
              options={LEARNING_CONTENT_KINDS.map((k) => ({ value: k, label: t(`lrn.kind.${k}` as MessageKey) }))}
              optionType="button"
            />
          </Form.Item>
          {!id && (
            <Form.Item name="org" label={t('lrn.org')} rules={[{ required: true }]}>
              <OrgTreeSelect style={{ width: 280 }} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="title" label={t('lrn.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('lrn.summary')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="categoryId" label={t('lrn.category')}>
            <Select
              allowClear
              style={{ width: 180 }}
              options={categories.data?.map((x) => ({ value: x.id, label: x.name }))}
            />
          </Form.Item>
          <Form.Item name="tags" label={t('lrn.tags')}>
            <Select mode="tags" style={{ width: 280 }} />
          </Form.Item>
          {kind === 'policy' && (
            <Form.Item name="docNumber" label={t('lrn.docNumber')}>
              <Input style={{ width: 200 }} />
            </Form.Item>
          )}
        </Space>
        <Space size="large" wrap>
          <Form.Item name="audience" label={t('lrn.audience')}>
            <Radio.Group
              options={[
                { value: 'zone', label: t('lrn.audience.zone') },
                { value: 'orgs', label: t('lrn.audience.orgs') },
              ]}
            />
          </Form.Item>
          {audience === 'orgs' && (
            <Form.Item name="targets" label={t('lrn.targets')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <OrgTreeMultiSelect style={{ width: 420 }} />
            </Form.Item>
          )}
        </Space>
        {c && (kind === 'video' || kind === 'document' || kind === 'policy') && (
          <Form.Item label={t('lrn.file')}>
            <Space>
              {c.fileUrl && (
                <a href={c.fileUrl} target="_blank" rel="noreferrer">
                  {c.fileName}
                </a>
              )}
              <Upload
                accept={kind === 'video' ? '.mp4,.webm' : '.pdf'}
                showUploadList={false}
                beforeUpload={uploadFile}
              >
                <Button>{t('lrn.uploadFile')}</Button>
              </Upload>
            </Space>
          </Form.Item>
        )}
        <Form.Item name="bodyHtml" label={t('lrn.body')}>
          <RichTextEditor onUploadImage={uploadImage} disabled={!editable || !manage} />
        </Form.Item>
      </Form>
      {/* What the server kept after sanitizing: members read exactly this. */}
      {c && html === c.bodyHtml && (
        <>
          <div style={{ fontWeight: 600, margin: '8px 0' }}>{t('lrn.preview')}</div>
          <div
            className="lrn-article"
            style={{ border: '1px solid #f0f0f0', padding: 16, borderRadius: 8 }}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server when saved (learning.sanitize.ts)
            dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
          />
        </>
      )}
    </Drawer>
  );
}
