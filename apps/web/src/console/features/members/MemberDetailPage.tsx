import { ApartmentOutlined, ArrowLeftOutlined, EditOutlined, HistoryOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { memberFlags } from '../../../lib/member-labels';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { PageLoading } from '../../components/PageLoading';
import { useMember, useMemberEvents } from './api';
import { MemberDescriptions } from './MemberDescriptions';
import { MemberEventModal } from './MemberEventModal';
import { MemberFormDrawer, type MemberFormTarget } from './MemberFormDrawer';
import { MemberHistory } from './MemberHistory';
import { CategoryTag, MemberFlagTags, MongolianName } from './MemberTags';

/** 党员档案: header, every field (sensitive ones masked, revealable with an audited read), and 历史沿革. */
export default function MemberDetailPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const member = useMember(id);
  const events = useMemberEvents(id);
  const [editing, setEditing] = useState<MemberFormTarget | null>(null);
  const [recording, setRecording] = useState(false);
  const location = useLocation();
  // Back to the list as it was (organization, as-of date) when we came from it; else to the list.
  const back = () => (location.key === 'default' ? navigate('/members') : navigate(-1));

  if (member.isPending) return <PageLoading />;
  const m = member.data;
  if (!m) {
    const missing = isApiError(member.error) && (member.error.status === 404 || member.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('error.notFoundTitle') : t('app.loadFailed')}
        subTitle={missing ? t('member.notFound') : member.error?.message}
        extra={<Button onClick={() => navigate('/members')}>{t('member.backToList')}</Button>}
      />
    );
  }

  return (
    <PageContainer
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('member.backToList')} />
          {t('member.record')}
        </Space>
      }
      extra={
        <Space>
          {can('member:update') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', member: m })}>
              {t('common.edit')}
            </Button>
          )}
          {can('member:event') && (
            <Button type="primary" icon={<SwapOutlined />} onClick={() => setRecording(true)}>
              {t('member.recordEvent')}
            </Button>
          )}
        </Space>
      }
    >
      <Card className="re-member-header">
        <div className="re-member-header-inner">
          <div className="re-member-avatar" aria-hidden="true">
            {m.name.slice(0, 1)}
          </div>
          <div className="re-member-header-main">
            <div className="re-member-header-name">
              <h2>{m.name}</h2>
              <CategoryTag category={m.category} />
              {(m.status !== 'active' || memberFlags(m).length > 0) && <MemberFlagTags member={m} />}
            </div>
            <div className="re-member-header-org">
              <ApartmentOutlined /> {m.orgName ?? '—'}
            </div>
            {m.tags.length > 0 && (
              <Space size={[4, 4]} wrap>
                {m.tags.map((tag) => (
                  <Tag key={tag} color="volcano">
                    {tag}
                  </Tag>
                ))}
              </Space>
            )}
          </div>
          {m.nameMongolian && (
            <div className="re-member-header-mn">
              <MongolianName name={m.nameMongolian} vertical />
            </div>
          )}
        </div>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card>
            <MemberDescriptions member={m} canReveal={can('member:read-sensitive')} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            title={
              <span>
                <HistoryOutlined /> {t('member.history')}
              </span>
            }
            loading={events.isPending}
            className="re-history-card"
          >
            <MemberHistory events={events.data} loading={events.isPending} />
          </Card>
        </Col>
      </Row>
      <MemberFormDrawer target={editing} onClose={() => setEditing(null)} />
      {can('member:event') && <MemberEventModal member={m} open={recording} onClose={() => setRecording(false)} />}
    </PageContainer>
  );
}
