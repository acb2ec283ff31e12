import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { CampaignDetailPage } from './CampaignDetailPage';
import { CampaignFormDrawer, type CampaignFormTarget } from './CampaignFormDrawer';
import { CampaignList } from './CampaignList';
import { RectificationBoard } from './RectificationBoard';
import './evaluation.css';

const BASE = '/evaluation/secretary';

/** 述职评议: the campaigns and the zone-wide 整改清单 board; /evaluation/secretary/:id opens one campaign. */
function SecretaryReviewPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [target, setTarget] = useState<CampaignFormTarget | null>(null);
  const tab = params.get('tab') === 'board' ? 'board' : 'campaigns';
  return (
    <PageContainer
      title={t('menu.secretaryReview')}
      subTitle={t('ev.sr.subTitle')}
      extra={
        can('evaluation:manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setTarget({ mode: 'create', kind: 'secretary_review' })}
          >
            {t('ev.createSecretary')}
          </Button>
        )
      }
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            {
              key: 'campaigns',
              label: t('ev.tab.campaigns'),
              children: <CampaignList kind="secretary_review" base={BASE} />,
            },
            { key: 'board', label: t('ev.tab.board'), children: <RectificationBoard /> },
          ]}
        />
      </Card>
      <CampaignFormDrawer
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(c, created) => created && navigate(`${BASE}/${c.id}`)}
      />
    </PageContainer>
  );
}

export default function SecretaryReviewModule() {
  return (
    <Routes>
      <Route index element={<SecretaryReviewPage />} />
      <Route path=":id" element={<CampaignDetailPage base={BASE} />} />
    </Routes>
  );
}
