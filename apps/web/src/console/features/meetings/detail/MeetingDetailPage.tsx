import { ArrowLeftOutlined, DesktopOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../../lib/http';
import { useI18n } from '../../../../lib/i18n';
import { useAccess } from '../../../app/access';
import { PageContainer } from '../../../components/PageContainer';
import { PageLoading } from '../../../components/PageLoading';
import { useMeeting } from '../api';
import { CancelMeetingModal } from '../CancelMeetingModal';
import { isClosed } from '../columns';
import { MeetingFormDrawer, type MeetingFormTarget } from '../form/MeetingFormDrawer';
import { AttendanceTab } from './AttendanceTab';
import { LeavesTab } from './LeavesTab';
import { MeetingHeader } from './MeetingHeader';
import { RecordsTab } from './RecordsTab';
import { RejectionsTab } from './RejectionsTab';
import { StaffTokensTab } from './StaffTokensTab';

const TABS = ['attendance', 'leaves', 'rejections', 'staff', 'records'] as const;

/** 活动详情: header with the figures, tabs 出勤 / 请假 / 签到异常 / 签到人员 / 记录, and 投屏签到. */
export default function MeetingDetailPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const location = useLocation();
  const { id = '' } = useParams<{ id: string }>();
  const [params, setParams] = useSearchParams();
  const meeting = useMeeting(id);
  const live = meeting.data?.phase === 'checkin_open' || meeting.data?.phase === 'in_progress';
  const [editing, setEditing] = useState<MeetingFormTarget | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const canWrite = can('meeting:write');
  const back = () => (location.key === 'default' ? navigate('/meetings') : navigate(-1));

  if (meeting.isPending) return <PageLoading />;
  const m = meeting.data;
  if (!m) {
    const missing = isApiError(meeting.error) && (meeting.error.status === 404 || meeting.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('error.notFoundTitle') : t('app.loadFailed')}
        subTitle={missing ? t('meeting.notFound') : meeting.error?.message}
        extra={<Button onClick={() => navigate('/meetings')}>{t('meeting.backToList')}</Button>}
      />
    );
  }

  const tabs = TABS.filter((k) => k !== 'staff' || canWrite);
  const tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'attendance';
  const editable = canWrite && !isClosed(m);

  return (
    <PageContainer
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('meeting.backToList')} />
          {t('meeting.detailTitle')}
        </Space>
      }
      extra={
        <Space wrap>
          {editable && (
            <Button icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', meetingId: m.id })}>
              {t('common.edit')}
            </Button>
          )}
          {editable && m.phase !== 'ended' && (
            <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>
              {t('meeting.cancel')}
            </Button>
          )}
          {canWrite && m.phase !== 'cancelled' && (
            <Button
              type="primary"
              icon={<DesktopOutlined />}
              href={`/meetings/${m.id}/projector`}
              target="_blank"
              rel="noopener"
              title={t('meeting.projectorHelp')}
            >
              {t('meeting.projector')}
            </Button>
          )}
        </Space>
      }
    >
      <MeetingHeader meeting={m} />
      <Card className="re-meeting-tabs">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            {
              key: 'attendance',
              label: t('meeting.tab.attendance'),
              children: <AttendanceTab meeting={m} canWrite={editable} live={live} />,
            },
            {
              key: 'leaves',
              label: t('meeting.tab.leaves'),
              children: <LeavesTab meeting={m} canWrite={editable} />,
            },
            {
              key: 'rejections',
              label: t('meeting.tab.rejections'),
              children: <RejectionsTab meetingId={m.id} live={live} />,
            },
            ...(canWrite
              ? [
                  {
                    key: 'staff',
                    label: t('meeting.tab.staff'),
                    children: <StaffTokensTab meeting={m} canWrite={editable} />,
                  },
                ]
              : []),
            {
              key: 'records',
              label: t('meeting.tab.records'),
              children: <RecordsTab meetingId={m.id} canWrite={canWrite} />,
            },
          ]}
        />
      </Card>
      <MeetingFormDrawer target={editing} onClose={() => setEditing(null)} />
      <CancelMeetingModal meeting={cancelling ? m : null} onClose={() => setCancelling(false)} />
    </PageContainer>
  );
}
