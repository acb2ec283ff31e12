import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CompetitionDetail, CreateCompetitionBody } from '@red-engine/shared';
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
import { competitionApi, competitionKeys } from './api';

type Rule = { tags?: string[]; difficulty?: number | null; count: number };
type Values = {
  org?: OrgOption;
  title: string;
  description?: string;
  period: [Dayjs, Dayjs];
  lobbyMinutes: number;
  questionSeconds: number;
  bankIds: string[];
  drawRules: Rule[];
  audience: OrgOption[];
  standings: 'individual' | 'team' | 'both';
  teamAggregate: 'average' | 'sum';
  publishTopList: boolean;
  topListSize: number;
  waveSize: number;
  waveMs: number;
  anomalyFloorMs: number;
  anomalyMinCount: number;
};

/** 新建 / 编辑知识竞赛 in a drawer (editing only before the start). */
export function CompetitionFormDrawer({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: CompetitionDetail | null;
  onClose: () => void;
  onSaved?: (c: CompetitionDetail, created: boolean) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const banks = useQuery({ queryKey: competitionKeys.banks(), queryFn: competitionApi.banks, enabled: open });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        title: editing.title,
        description: editing.description ?? undefined,
        period: [toBeijing(editing.startsAt), toBeijing(editing.endsAt)],
        lobbyMinutes: editing.lobbyMinutes,
        questionSeconds: editing.questionSeconds,
        bankIds: editing.bankIds,
        drawRules: editing.drawRules.map((r) => ({ ...r, difficulty: r.difficulty ?? null })),
        audience: editing.audience.map((a) => ({ value: a.id, label: a.name })),
        standings: editing.standings,
        teamAggregate: editing.teamAggregate,
        publishTopList: editing.publishTopList,
        topListSize: editing.topListSize,
        waveSize: editing.waveSize,
        waveMs: editing.waveMs,
        anomalyFloorMs: editing.anomalyFloorMs,
        anomalyMinCount: editing.anomalyMinCount,
      });
    else {
      const start = nowInBeijing().add(1, 'day').hour(15).minute(0).second(0);
      form.setFieldsValue({
        period: [start, start.add(1, 'hour')],
        lobbyMinutes: 30,
        questionSeconds: 20,
        drawRules: [{ count: 10, difficulty: null }],
        standings: 'both',
        teamAggregate: 'average',
        publishTopList: false,
        topListSize: 10,
        waveSize: 200,
        waveMs: 1000,
        anomalyFloorMs: 1500,
        anomalyMinCount: 3,
      });
    }
  }, [open, editing, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title,
        description: v.description?.trim() || null,
        startsAt: fromBeijing(v.period[0]),
        endsAt: fromBeijing(v.period[1]),
        lobbyMinutes: v.lobbyMinutes,
        questionSeconds: v.questionSeconds,
        bankIds: v.bankIds,
        drawRules: v.drawRules.map((r) => ({
          count: r.count,
          ...(r.tags?.length ? { tags: r.tags } : {}),
          ...(r.difficulty ? { difficulty: r.difficulty } : {}),
        })),
        audienceOrgIds: v.audience.map((o) => o.value),
        standings: v.standings,
        teamAggregate: v.teamAggregate,
        publishTopList: v.publishTopList,
        topListSize: v.topListSize,
        waveSize: v.waveSize,
        waveMs: v.waveMs,
        anomalyFloorMs: v.anomalyFloorMs,
        anomalyMinCount: v.anomalyMinCount,
      };
      if (editing) return competitionApi.update(editing.id, body);
      return competitionApi.create({ ...body, orgId: v.org?.value ?? '' } as CreateCompetitionBody);
    },
    onSuccess: (c) => {
      queryClient.invalidateQueries({ queryKey: competitionKeys.all });
      message.success(t('common.saved'));
      onSaved?.(c, !editing);
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
      title={editing ? t('cmp.edit') : t('cmp.new')}
      size={640}
      destroyOnHidden
      extra={<DrawerSaveActions onCancel={onClose} onSave={() => form.submit()} saving={save.isPending} />}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional">
        {!editing && (
          <Form.Item name="org" label={t('cmp.f.org')} rules={[{ required: true, message: t('cmp.f.org') }]}>
            <OrgTreeSelect aria-label={t('cmp.f.org')} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('cmp.f.title')} rules={[{ required: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('cmp.f.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="period" label={t('cmp.f.time')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="lobbyMinutes" label={t('cmp.f.lobby')}>
            <InputNumber<number> min={0} max={240} />
          </Form.Item>
          <Form.Item name="questionSeconds" label={t('cmp.f.questionSeconds')}>
            <InputNumber<number> min={5} max={600} />
          </Form.Item>
        </Space>
        <Form.Item name="bankIds" label={t('cmp.f.banks')} rules={[{ required: true }]}>
          <Select mode="multiple" options={bankOptions} loading={banks.isPending} aria-label={t('cmp.f.banks')} />
        </Form.Item>
        <Form.List name="drawRules">
          {(fields, { add, remove }) => (
            <Form.Item label={t('cmp.f.rules')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'tags']} style={{ minWidth: 200 }}>
                    <Select mode="tags" options={tagOptions} placeholder={t('cmp.f.ruleTags')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'difficulty']}>
                    <Select
                      style={{ width: 100 }}
                      aria-label={t('cmp.f.ruleDifficulty')}
                      options={[
                        { value: null, label: t('cmp.difficulty.any') },
                        ...[1, 2, 3].map((d) => ({ value: d, label: t(`cmp.difficulty.${d}` as 'cmp.difficulty.1') })),
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'count']} rules={[{ required: true }]}>
                    <InputNumber<number> min={1} max={100} addonAfter={t('cmp.f.ruleCount')} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                  )}
                </Space>
              ))}
              <div>
                <Button icon={<PlusOutlined />} onClick={() => add({ count: 5, difficulty: null })}>
                  {t('cmp.f.addRule')}
                </Button>
              </div>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="audience" label={t('cmp.f.audience')} rules={[{ required: true }]}>
          <OrgMultiSelect aria-label={t('cmp.f.audience')} />
        </Form.Item>
        <Form.Item name="standings" label={t('cmp.f.standings')}>
          <Radio.Group
            options={(['both', 'individual', 'team'] as const).map((s) => ({
              value: s,
              label: t(`cmp.standings.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="teamAggregate" label={t('cmp.f.teamAggregate')}>
          <Radio.Group options={(['average', 'sum'] as const).map((s) => ({ value: s, label: t(`cmp.team.${s}`) }))} />
        </Form.Item>
        <Space size="large" wrap align="end">
          <Form.Item name="publishTopList" label={t('cmp.f.publishTop')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="topListSize" label={t('cmp.f.topSize')}>
            <InputNumber<number> min={3} max={100} />
          </Form.Item>
        </Space>
        <Form.Item label={t('cmp.f.waves')}>
          <Space>
            <Form.Item name="waveSize" noStyle>
              <InputNumber<number> min={10} max={5000} />
            </Form.Item>
            <Form.Item name="waveMs" noStyle>
              <InputNumber<number> min={100} max={10000} step={100} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item label={t('cmp.f.anomaly')}>
          <Space>
            <Form.Item name="anomalyFloorMs" noStyle>
              <InputNumber<number> min={200} max={10000} step={100} />
            </Form.Item>
            <Form.Item name="anomalyMinCount" noStyle>
              <InputNumber<number> min={1} max={50} />
            </Form.Item>
          </Space>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
