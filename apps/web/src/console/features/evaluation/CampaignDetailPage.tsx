import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
  SendOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { CampaignDetail } from '@red-engine/shared';
import { resultsVisible } from '@red-engine/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Result, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { reportError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { PageContainer } from '../../components/PageContainer';
import { PageLoading } from '../../components/PageLoading';
import { evaluationApi, evaluationKeys, useCampaign } from './api';
import { CampaignFormDrawer } from './CampaignFormDrawer';
import { CampaignHeader } from './CampaignHeader';
import { GradesTab } from './GradesTab';
import { MembersTab } from './MembersTab';
import { RectificationBoard } from './RectificationBoard';
import { ReportsTab } from './ReportsTab';
import { SecretaryResultsTab } from './SecretaryResultsTab';
import { TextModal } from './TextModal';
import { TurnoutTab } from './TurnoutTab';

type Step = 'open-voting' | 'close-voting' | 'submit' | 'confirm';

/** One campaign: header with the stages and figures, the stage actions, and the tabs of its kind. */
export function CampaignDetailPage({ base }: { base: string }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { id = '' } = useParams<{ id: string }>();
  const [params, setParams] = useSearchParams();
  const campaign = useCampaign(id);
  const [editing, setEditing] = useState(false);
  const [returning, setReturning] = useState(false);
  const back = () => (location.key === 'default' ? navigate(base) : navigate(-1));
  const refresh = () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
  const step = useMutation({
    mutationFn: (s: Step) => evaluationApi.step(id, s),
    onSuccess: () => {
      message.success(t('common.saved'));
      refresh();
    },
    onError: reportError,
  });

  if (campaign.isPending) return <PageLoading />;
  const c = campaign.data;
  if (!c) {
    const missing = isApiError(campaign.error) && campaign.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('error.notFoundTitle') : t('app.loadFailed')}
        subTitle={missing ? t('ev.detail.notFound') : campaign.error?.message}
        extra={<Button onClick={() => navigate(base)}>{t('ev.detail.back')}</Button>}
      />
    );
  }
  const secretary = c.kind === 'secretary_review';
  const confirmStep = (s: Step, text: string) =>
    modal.confirm({
      title: text,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () => step.mutateAsync(s),
    });

  const tabs = secretary
    ? [
        { key: 'reports', label: t('ev.tab.reports'), children: <ReportsTab c={c} /> },
        { key: 'turnout', label: t('ev.tab.turnout'), children: <TurnoutTab c={c} /> },
        { key: 'results', label: t('ev.tab.results'), children: <SecretaryResultsTab c={c} /> },
        {
          key: 'rectification',
          label: t('ev.tab.rectification'),
          children: <RectificationBoard campaignId={c.id} />,
        },
      ]
    : [
        { key: 'members', label: t('ev.tab.members'), children: <MembersTab c={c} /> },
        { key: 'turnout', label: t('ev.tab.turnout'), children: <TurnoutTab c={c} /> },
        { key: 'grades', label: t('ev.tab.grades'), children: <GradesTab c={c} /> },
      ];
  const tab = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key;

  return (
    <PageContainer
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('ev.detail.back')} />
          {t(secretary ? 'menu.secretaryReview' : 'menu.memberEvaluation')}
        </Space>
      }
      extra={<Actions c={c} onStep={confirmStep} onEdit={() => setEditing(true)} onReturn={() => setReturning(true)} />}
    >
      <CampaignHeader c={c} />
      <Card className="re-ev-tabs">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={tabs}
        />
      </Card>
      <CampaignFormDrawer target={editing ? { mode: 'edit', campaign: c } : null} onClose={() => setEditing(false)} />
      <TextModal
        open={returning}
        title={t('ev.detail.return')}
        label={t('ev.detail.returnReason')}
        maxLength={500}
        rows={3}
        onClose={() => setReturning(false)}
        onSubmit={async (reason) => {
          await evaluationApi.returnToBranch(c.id, reason);
          refresh();
        }}
      />
    </PageContainer>
  );
}

function Actions({
  c,
  onStep,
  onEdit,
  onReturn,
}: {
  c: CampaignDetail;
  onStep: (s: Step, text: string) => void;
  onEdit: () => void;
  onReturn: () => void;
}) {
  const { t } = useI18n();
  const member = c.kind === 'member_evaluation';
  return (
    <Space wrap>
      {c.canManage && c.status !== 'confirmed' && (
        <Button icon={<SettingOutlined />} onClick={onEdit}>
          {t('ev.detail.editSettings')}
        </Button>
      )}
      {resultsVisible(c.status) && (
        <Button icon={<DownloadOutlined />} href={evaluationApi.exportUrl(c.id)}>
          {t('ev.detail.export')}
        </Button>
      )}
      {c.canManage && c.status === 'preparing' && (
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          onClick={() => onStep('open-voting', t('ev.detail.openVotingConfirm'))}
        >
          {t('ev.detail.openVoting')}
        </Button>
      )}
      {c.canManage && c.status === 'voting' && (
        <Button
          type="primary"
          icon={<PauseCircleOutlined />}
          onClick={() => onStep('close-voting', t('ev.detail.closeVotingConfirm'))}
        >
          {t('ev.detail.closeVoting')}
        </Button>
      )}
      {member && c.canManage && c.status === 'closed' && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => onStep('submit', t('ev.detail.submitConfirm'))}>
          {t('ev.detail.submit')}
        </Button>
      )}
      {member && c.canConfirm && c.status === 'submitted' && (
        <>
          <Button icon={<RollbackOutlined />} onClick={onReturn}>
            {t('ev.detail.return')}
          </Button>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            onClick={() => onStep('confirm', t('ev.detail.confirmConfirm'))}
          >
            {t('ev.detail.confirm')}
          </Button>
        </>
      )}
    </Space>
  );
}
