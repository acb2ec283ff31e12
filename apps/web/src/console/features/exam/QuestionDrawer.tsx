import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { QUESTION_KINDS, type Question, type QuestionBody, type QuestionKind } from '@red-engine/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { DrawerSaveActions } from '../../components/DrawerSaveActions';
import { examApi, examKeys } from './api';

const LETTERS = 'ABCDEFGH';
type Values = {
  kind: QuestionKind;
  stem: string;
  options: { text: string }[];
  single?: string;
  multiple?: string[];
  truth?: boolean;
  blanks: { accepted: string }[];
  explanation?: string;
  tags: string[];
  difficulty: number;
  points: number;
};

function toValues(q: Question | null): Values {
  if (!q)
    return {
      kind: 'single',
      stem: '',
      options: [{ text: '' }, { text: '' }, { text: '' }, { text: '' }],
      blanks: [{ accepted: '' }],
      tags: [],
      difficulty: 2,
      points: 1,
    };
  return {
    kind: q.kind,
    stem: q.stem,
    options: q.options.map((o) => ({ text: o.text })),
    single: q.kind === 'single' ? String(q.answer[0]) : undefined,
    multiple: q.kind === 'multiple' ? q.answer.map(String) : undefined,
    truth: q.kind === 'true_false' ? Boolean(q.answer[0]) : undefined,
    blanks:
      q.kind === 'fill'
        ? q.answer.map((b) => ({ accepted: Array.isArray(b) ? b.join('/') : String(b) }))
        : [{ accepted: '' }],
    explanation: q.explanation ?? undefined,
    tags: q.tags,
    difficulty: q.difficulty,
    points: q.points,
  };
}

function toBody(v: Values): QuestionBody {
  const choice = v.kind === 'single' || v.kind === 'multiple';
  const answer =
    v.kind === 'single'
      ? [v.single ?? '']
      : v.kind === 'multiple'
        ? (v.multiple ?? [])
        : v.kind === 'true_false'
          ? [v.truth ?? true]
          : v.blanks.map((b) =>
              b.accepted
                .split('/')
                .map((x) => x.trim())
                .filter(Boolean),
            );
  return {
    kind: v.kind,
    stem: v.stem,
    options: choice ? v.options.map((o, i) => ({ key: LETTERS[i]!, text: o.text })) : [],
    answer,
    explanation: v.explanation?.trim() || null,
    tags: v.tags,
    difficulty: v.difficulty,
    points: v.points,
  };
}

/** 试题编辑: a question of any kind; the answer fields follow the kind. */
export function QuestionDrawer({
  bankId,
  editing,
  open,
  tags,
  onClose,
}: {
  bankId: string;
  editing: Question | null;
  open: boolean;
  tags: string[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const kind = Form.useWatch('kind', form);
  const options = Form.useWatch('options', form) ?? [];
  useEffect(() => {
    if (open) form.setFieldsValue(toValues(editing));
  }, [open, editing, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      editing ? examApi.updateQuestion(editing.id, toBody(v)) : examApi.createQuestion(bankId, toBody(v)),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: examKeys.all });
      message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => applyFormError(form, e),
  });
  const letters = options.map((_, i) => ({ value: LETTERS[i]!, label: LETTERS[i]! }));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t('exam.q.edit') : t('exam.q.new')}
      size={600}
      destroyOnHidden
      extra={<DrawerSaveActions onCancel={onClose} onSave={() => form.submit()} saving={save.isPending} />}
    >
      {editing && <Alert type="info" showIcon message={t('exam.q.usedNote')} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional">
        <Form.Item name="kind" label={t('exam.q.kind')}>
          <Radio.Group
            optionType="button"
            options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`exam.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="stem"
          label={t('exam.q.stem')}
          extra={t('exam.q.stemHint')}
          rules={[{ required: true, max: 1000 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {(kind === 'single' || kind === 'multiple') && (
          <Form.List name="options">
            {(fields, { add, remove }) => (
              <Form.Item label={t('exam.q.options')}>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <span style={{ width: 20 }}>{LETTERS[i]}.</span>
                    <Form.Item name={[f.name, 'text']} rules={[{ required: true, max: 300 }]} style={{ width: 420 }}>
                      <Input maxLength={300} aria-label={`${t('exam.q.options')} ${LETTERS[i]}`} />
                    </Form.Item>
                    {fields.length > 2 && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label="remove"
                      />
                    )}
                  </Space>
                ))}
                {fields.length < 6 && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                    {t('exam.q.addOption')}
                  </Button>
                )}
              </Form.Item>
            )}
          </Form.List>
        )}
        {kind === 'single' && (
          <Form.Item name="single" label={t('exam.q.answer')} rules={[{ required: true }]}>
            <Radio.Group options={letters} />
          </Form.Item>
        )}
        {kind === 'multiple' && (
          <Form.Item name="multiple" label={t('exam.q.answer')} rules={[{ required: true }]}>
            <Select mode="multiple" options={letters} aria-label={t('exam.q.answer')} />
          </Form.Item>
        )}
        {kind === 'true_false' && (
          <Form.Item name="truth" label={t('exam.q.answer')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('exam.true') },
                { value: false, label: t('exam.false') },
              ]}
            />
          </Form.Item>
        )}
        {kind === 'fill' && (
          <Form.List name="blanks">
            {(fields, { add, remove }) => (
              <Form.Item label={t('exam.q.blanks')}>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'accepted']} rules={[{ required: true }]} style={{ width: 440 }}>
                      <Input addonBefore={t('exam.q.blank', { n: i + 1 })} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label="remove"
                      />
                    )}
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ accepted: '' })}>
                  {t('exam.q.addBlank')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        )}
        <Form.Item name="explanation" label={t('exam.q.explanation')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="tags" label={t('exam.q.tags')}>
          <Select mode="tags" options={tags.map((x) => ({ value: x, label: x }))} aria-label={t('exam.q.tags')} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="difficulty" label={t('exam.q.difficulty')}>
            <Radio.Group
              options={[1, 2, 3].map((d) => ({ value: d, label: t(`exam.difficulty.${d}` as 'exam.difficulty.1') }))}
            />
          </Form.Item>
          <Form.Item name="points" label={t('exam.q.points')}>
            <InputNumber<number> min={1} max={100} />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
