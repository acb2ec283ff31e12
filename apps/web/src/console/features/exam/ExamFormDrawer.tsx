import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CreateExamBody, Exam } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { fromBeijing, nowInBeijing, toBeijing } from '../../../lib/time';
import { DrawerSaveActions } from '../../components/DrawerSaveActions';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { OrgMultiSelect } from '../meetings/form/OrgMultiSelect';
import { examApi, examKeys } from './api';

type Rule = { tags?: string[]; difficulty?: number | null; count: number };
type Values = {
  org?: OrgOption;
  kind: 'exam' | 'quiz';
  title: string;
  description?: string;
  bankIds: string[];
  drawRules: Rule[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  window?: [Dayjs | null, Dayjs | null];
  timeLimitMinutes?: number | null;
  graceSeconds: number;
  maxAttempts: number;
  passPercent: number;
  resultsRelease: 'immediate' | 'after_close';
  audience: OrgOption[];
};

/** 新建 / 编辑考试测验: a random paper drawn by tag and difficulty; after publication only the schedule and rules change. */
export function ExamFormDrawer({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: Exam | null;
  onClose: () => void;
  onSaved?: (e: Exam) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const banks = useQuery({
    queryKey: [...examKeys.banks(), 'all'],
    queryFn: () => examApi.banks({ pageSize: 200 }),
    enabled: open,
  });
  const paperLocked = editing !== null && editing.status !== 'draft';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        kind: editing.kind,
        title: editing.title,
        description: editing.description ?? undefined,
        bankIds: editing.bankIds,
        drawRules: editing.drawRules.map((r) => ({
          tags: r.tags,
          difficulty: r.difficulty?.[0] ?? null,
          count: r.count,
        })),
        shuffleQuestions: editing.shuffleQuestions,
        shuffleOptions: editing.shuffleOptions,
        window: [
          editing.opensAt ? toBeijing(editing.opensAt) : null,
          editing.closesAt ? toBeijing(editing.closesAt) : null,
        ],
        timeLimitMinutes: editing.timeLimitMinutes,
        graceSeconds: editing.graceSeconds,
        maxAttempts: editing.maxAttempts,
        passPercent: editing.passPercent,
        resultsRelease: editing.resultsRelease,
        audience: editing.audienceOrgs.map((o) => ({ value: o.id, label: o.name })),
      });
    else {
      const start = nowInBeijing().add(1, 'day').hour(9).minute(0).second(0);
      form.setFieldsValue({
        kind: 'quiz',
        drawRules: [{ count: 10, difficulty: null }],
        shuffleQuestions: true,
        shuffleOptions: true,
        window: [start, start.add(7, 'day').hour(18)],
        timeLimitMinutes: 20,
        graceSeconds: 30,
        maxAttempts: 1,
        passPercent: 60,
        resultsRelease: 'immediate',
      });
    }
  }, [open, editing, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const schedule = {
        title: v.title,
        description: v.description?.trim() || null,
        opensAt: v.window?.[0] ? fromBeijing(v.window[0]) : null,
        closesAt: v.window?.[1] ? fromBeijing(v.window[1]) : null,
        timeLimitMinutes: v.timeLimitMinutes ?? null,
        graceSeconds: v.graceSeconds,
        maxAttempts: v.maxAttempts,
        passPercent: v.passPercent,
        resultsRelease: v.resultsRelease,
        audienceOrgIds: v.audience.map((o) => o.value),
      };
      const paper = {
        kind: v.kind,
        paperMode: 'random' as const,
        bankIds: v.bankIds,
        drawRules: v.drawRules.map((r) => ({
          count: r.count,
          ...(r.tags?.length ? { tags: r.tags } : {}),
          ...(r.difficulty ? { difficulty: [r.difficulty] } : {}),
        })),
        shuffleQuestions: v.shuffleQuestions,
        shuffleOptions: v.shuffleOptions,
      };
      if (editing) return examApi.updateExam(editing.id, paperLocked ? schedule : { ...schedule, ...paper });
      return examApi.createExam({ ...schedule, ...paper, orgId: v.org?.value ?? '' } as CreateExamBody);
    },
    onSuccess: (e) => {
      queryClient.invalidateQueries({ queryKey: examKeys.all });
      message.success(t('common.saved'));
      onSaved?.(e);
      onClose();
    },
    onError: (e) => applyFormError(form, e),
  });

  const bankOptions = (banks.data?.data ?? []).map((b) => ({
    value: b.id,
    label: `${b.name}（${b.orgName} · ${b.questionCount}）`,
  }));
  const tagOptions = [...new Set((banks.data?.data ?? []).flatMap((b) => b.tags))].map((x) => ({ value: x, label: x }));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t('exam.edit') : t('exam.new')}
      size={640}
      destroyOnHidden
      extra={<DrawerSaveActions onCancel={onClose} onSave={() => form.submit()} saving={save.isPending} />}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional">
        {!editing && (
          <Form.Item name="org" label={t('exam.f.org')} rules={[{ required: true, message: t('exam.f.org') }]}>
            <OrgTreeSelect aria-label={t('exam.f.org')} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('exam.f.kind')}>
          <Radio.Group
            disabled={paperLocked}
            options={(['quiz', 'exam'] as const).map((k) => ({ value: k, label: t(`exam.type.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('exam.f.title')} rules={[{ required: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('exam.f.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="bankIds" label={t('exam.f.banks')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            disabled={paperLocked}
            options={bankOptions}
            loading={banks.isPending}
            aria-label={t('exam.f.banks')}
          />
        </Form.Item>
        <Form.List name="drawRules">
          {(fields, { add, remove }) => (
            <Form.Item label={t('exam.f.rules')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'tags']} style={{ minWidth: 200 }}>
                    <Select
                      mode="tags"
                      disabled={paperLocked}
                      options={tagOptions}
                      placeholder={t('exam.f.ruleTags')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'difficulty']}>
                    <Select
                      style={{ width: 110 }}
                      disabled={paperLocked}
                      aria-label={t('exam.q.difficulty')}
                      options={[
                        { value: null, label: t('exam.difficulty.any') },
                        ...[1, 2, 3].map((d) => ({
                          value: d,
                          label: t(`exam.difficulty.${d}` as 'exam.difficulty.1'),
                        })),
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'count']} rules={[{ required: true }]}>
                    <InputNumber<number> disabled={paperLocked} min={1} max={200} addonAfter={t('exam.f.ruleCount')} />
                  </Form.Item>
                  {fields.length > 1 && !paperLocked && (
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                  )}
                </Space>
              ))}
              {!paperLocked && (
                <Button icon={<PlusOutlined />} onClick={() => add({ count: 5, difficulty: null })}>
                  {t('exam.f.addRule')}
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
        <Space size="large">
          <Form.Item name="shuffleQuestions" label={t('exam.f.shuffleQuestions')} valuePropName="checked">
            <Switch disabled={paperLocked} />
          </Form.Item>
          <Form.Item name="shuffleOptions" label={t('exam.f.shuffleOptions')} valuePropName="checked">
            <Switch disabled={paperLocked} />
          </Form.Item>
        </Space>
        <Form.Item name="window" label={t('exam.f.window')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="timeLimitMinutes" label={t('exam.f.timeLimit')}>
            <InputNumber<number> min={1} max={600} />
          </Form.Item>
          <Form.Item name="graceSeconds" label={t('exam.f.grace')} tooltip={t('exam.f.graceHelp')}>
            <InputNumber<number> min={0} max={600} />
          </Form.Item>
          <Form.Item name="maxAttempts" label={t('exam.f.maxAttempts')}>
            <InputNumber<number> min={1} max={20} />
          </Form.Item>
          <Form.Item name="passPercent" label={t('exam.f.pass')}>
            <InputNumber<number> min={0} max={100} />
          </Form.Item>
        </Space>
        <Form.Item name="resultsRelease" label={t('exam.f.release')}>
          <Radio.Group
            options={(['immediate', 'after_close'] as const).map((r) => ({
              value: r,
              label: t(`exam.f.release.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="audience"
          label={t('exam.f.audience')}
          extra={t('exam.f.audienceHelp')}
          rules={[{ required: true }]}
        >
          <OrgMultiSelect aria-label={t('exam.f.audience')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
