import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { CampaignDetailPage } from './CampaignDetailPage';
import { CampaignFormDrawer, type CampaignFormTarget } from './CampaignFormDrawer';
import { CampaignList } from './CampaignList';
import './evaluation.css';

const BASE = '/evaluation/members';

/** 民主评议: one campaign per branch and year; /evaluation/members/:id opens one. */
function MemberEvaluationPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const [target, setTarget] = useState<CampaignFormTarget | null>(null);
  return (
    <PageContainer
      title={t('menu.memberEvaluation')}
      subTitle={t('ev.me.subTitle')}
      extra={
        can('evaluation:manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setTarget({ mode: 'create', kind: 'member_evaluation' })}
          >
            {t('ev.createMember')}
          </Button>
        )
      }
    >
      <Card>
        <CampaignList kind="member_evaluation" base={BASE} />
      </Card>
      <CampaignFormDrawer
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(c, created) => created && navigate(`${BASE}/${c.id}`)}
      />
    </PageContainer>
  );
}

export default function MemberEvaluationModule() {
  return (
    <Routes>
      <Route index element={<MemberEvaluationPage />} />
      <Route path=":id" element={<CampaignDetailPage base={BASE} />} />
    </Routes>
  );
}
