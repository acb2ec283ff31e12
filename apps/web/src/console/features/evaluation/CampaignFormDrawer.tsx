import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CampaignDetail, CreateCampaignBody, EvaluationKind, UpdateCampaignBody } from '@red-engine/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { DrawerSaveActions } from '../../components/DrawerSaveActions';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { MemberListField, type MemberRef } from '../meetings/form/MemberListField';
import { OrgMultiSelect } from '../meetings/form/OrgMultiSelect';
import { evaluationApi, evaluationKeys, useDefaults } from './api';

const BRANCH_TYPES = ['branch', 'joint_branch', 'temporary_branch'] as const;

type Values = {
  org?: OrgOption;
  year: number;
  title?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
  subjectOrgs?: OrgOption[];
  branchMembers: boolean;
  superiorCommittee: boolean;
  representatives: MemberRef[];
  items: string[];
  thresholds: { good: number; fairlyGood: number; average: number };
  probationaryVote: boolean;
};

export type CampaignFormTarget = { mode: 'create'; kind: EvaluationKind } | { mode: 'edit'; campaign: CampaignDetail };

/** 开展评议 / 评议设置 in a drawer. Settings that decide the vote are fixed once voting opens. */
export function CampaignFormDrawer({
  target,
  onClose,
  onSaved,
}: {
  target: CampaignFormTarget | null;
  onClose: () => void;
  onSaved?: (c: CampaignDetail, created: boolean) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const defaults = useDefaults();
  const queryClient = useQueryClient();
  const kind = target?.mode === 'create' ? target.kind : target?.campaign.kind;
  const editing = target?.mode === 'edit' ? target.campaign : null;
  const locked = Boolean(editing && editing.status !== 'preparing');

  useEffect(() => {
    if (!target || !defaults.data) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        org: { value: editing.orgId, label: editing.orgName },
        year: editing.year,
        title: editing.title,
        period: [editing.startsOn ? dayjs(editing.startsOn) : null, editing.endsOn ? dayjs(editing.endsOn) : null],
        branchMembers: editing.settings.voters?.branchMembers ?? true,
        superiorCommittee: editing.settings.voters?.superiorCommittee ?? false,
        representatives: [],
        items: editing.settings.items.map((i) => i.label),
        thresholds: editing.settings.thresholds ?? defaults.data.thresholds,
        probationaryVote: editing.settings.probationaryVote ?? defaults.data.probationaryVote,
      });
    } else {
      const y = defaults.data.year;
      form.setFieldsValue({
        year: y,
        period:
          kind === 'secretary_review'
            ? [dayjs(`${y}-11-01`), dayjs(`${y}-12-31`)]
            : [dayjs(`${y}-12-01`), dayjs(`${y}-12-31`)],
        branchMembers: true,
        superiorCommittee: true,
        representatives: [],
        items: defaults.data.defaultItems,
        thresholds: defaults.data.thresholds,
        probationaryVote: defaults.data.probationaryVote,
      });
    }
  }, [target, defaults.data, editing, kind, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        title: v.title?.trim() || undefined,
        startsOn: v.period?.[0]?.format('YYYY-MM-DD'),
        endsOn: v.period?.[1]?.format('YYYY-MM-DD'),
      };
      const secretary =
        kind === 'secretary_review' && !locked
          ? {
              voters: {
                branchMembers: v.branchMembers,
                superiorCommittee: v.superiorCommittee,
                representativeIds:
                  editing && v.representatives.length === 0
                    ? (editing.settings.voters?.representativeIds ?? [])
                    : v.representatives.map((m) => m.id),
              },
              items: v.items.map((i) => i.trim()).filter(Boolean),
              thresholds: v.thresholds,
            }
          : {};
      const member = !locked ? { probationaryVote: v.probationaryVote } : {};
      if (editing)
        return evaluationApi.update(editing.id, { ...common, ...secretary, ...member } as UpdateCampaignBody);
      const body: CreateCampaignBody = {
        kind: kind!,
        orgId: v.org?.value ?? '',
        year: v.year,
        ...common,
        ...secretary,
        ...member,
        ...(kind === 'secretary_review' && v.subjectOrgs?.length
          ? { subjectOrgIds: v.subjectOrgs.map((o) => o.value) }
          : {}),
      } as CreateCampaignBody;
      return evaluationApi.create(body);
    },
    onSuccess: (c) => {
      queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
      message.success(t('common.saved'));
      onSaved?.(c, !editing);
      onClose();
    },
    onError: (e) => applyFormError(form, e),
  });

  const secretary = kind === 'secretary_review';
  const title = editing
    ? t('ev.form.titleEdit')
    : secretary
      ? t('ev.form.titleCreateSecretary')
      : t('ev.form.titleCreateMember');

  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      title={title}
      size={620}
      destroyOnHidden
      extra={<DrawerSaveActions onCancel={onClose} onSave={() => form.submit()} saving={save.isPending} />}
    >
      {locked && <Alert type="info" showIcon className="re-modal-alert" title={t('ev.form.settingsLocked')} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional">
        {editing ? (
          <Form.Item label={t('ev.form.org')}>
            <Input value={editing.orgName} disabled aria-label={t('ev.form.org')} />
          </Form.Item>
        ) : (
          <Form.Item
            name="org"
            label={t('ev.form.org')}
            extra={secretary ? t('ev.form.orgHelpSecretary') : t('ev.form.orgHelpMember')}
            rules={[{ required: true, message: t('ev.form.org') }]}
          >
            <OrgTreeSelect aria-label={t('ev.form.org')} onlyTypes={secretary ? undefined : BRANCH_TYPES} />
          </Form.Item>
        )}
        <Space size="large" wrap>
          <Form.Item name="year" label={t('ev.form.year')} rules={[{ required: true }]}>
            <InputNumber<number> min={2000} max={2100} disabled={Boolean(editing)} aria-label={t('ev.form.year')} />
          </Form.Item>
          <Form.Item name="period" label={t('ev.form.period')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} aria-label={t('ev.form.period')} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('ev.form.title')}>
          <Input
            maxLength={100}
            placeholder={t('ev.form.titlePlaceholder', { year: form.getFieldValue('year') ?? '' })}
          />
        </Form.Item>
        {secretary && !editing && (
          <Form.Item name="subjectOrgs" label={t('ev.form.subjects')} extra={t('ev.form.subjectsHelp')}>
            <OrgMultiSelect aria-label={t('ev.form.subjects')} />
          </Form.Item>
        )}
        {secretary && (
          <>
            <Form.Item label={t('ev.form.voters')} className="re-ev-voters">
              <Form.Item name="branchMembers" valuePropName="checked" noStyle>
                <Checkbox disabled={locked}>{t('ev.form.branchMembers')}</Checkbox>
              </Form.Item>
              <br />
              <Form.Item name="superiorCommittee" valuePropName="checked" noStyle>
                <Checkbox disabled={locked}>{t('ev.form.superiorCommittee')}</Checkbox>
              </Form.Item>
            </Form.Item>
            <Form.Item name="representatives" label={t('ev.form.representatives')}>
              <MemberListField aria-label={t('ev.form.representatives')} disabled={locked} />
            </Form.Item>
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <Form.Item label={t('ev.form.items')} extra={t('ev.form.itemsHelp')}>
                  {fields.map((f, i) => (
                    <Space key={f.key} className="re-ev-item-row" align="baseline">
                      <span className="re-muted">{i + 1}.</span>
                      <Form.Item
                        name={f.name}
                        noStyle
                        rules={[{ required: true, whitespace: true, message: t('ev.form.items') }]}
                      >
                        <Input
                          maxLength={60}
                          style={{ width: 420 }}
                          disabled={locked}
                          aria-label={`${t('ev.form.items')} ${i + 1}`}
                        />
                      </Form.Item>
                      {!locked && (
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          onClick={() => remove(f.name)}
                          aria-label={t('common.delete')}
                        />
                      )}
                    </Space>
                  ))}
                  {!locked && fields.length < 10 && (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                      {t('ev.form.addItem')}
                    </Button>
                  )}
                </Form.Item>
              )}
            </Form.List>
            <Form.Item label={t('ev.form.thresholds')} extra={t('ev.form.thresholdsHelp')}>
              <Space wrap>
                {(['good', 'fairlyGood', 'average'] as const).map((k) => (
                  <Form.Item key={k} name={['thresholds', k]} noStyle rules={[{ required: true }]}>
                    <InputNumber<number>
                      min={0}
                      max={100}
                      disabled={locked}
                      prefix={t(
                        `ev.form.threshold${k === 'good' ? 'Good' : k === 'fairlyGood' ? 'FairlyGood' : 'Average'}`,
                      )}
                      suffix="%"
                      aria-label={t(
                        `ev.form.threshold${k === 'good' ? 'Good' : k === 'fairlyGood' ? 'FairlyGood' : 'Average'}`,
                      )}
                      style={{ width: 170 }}
                    />
                  </Form.Item>
                ))}
              </Space>
            </Form.Item>
          </>
        )}
        <Form.Item
          name="probationaryVote"
          label={t('ev.form.probationaryVote')}
          extra={t('ev.form.probationaryVoteHelp')}
          valuePropName="checked"
        >
          <Switch disabled={locked} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
