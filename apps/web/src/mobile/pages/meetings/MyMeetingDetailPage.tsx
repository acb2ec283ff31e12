import { QrcodeOutlined } from '@ant-design/icons';
import type { MyMeeting } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, DotLoading, ErrorBlock, Form, List, NavBar, Popup, Tag, TextArea, Toast } from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { applyFormError, reportError } from '../../../lib/errors';
import { api, isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { dateTime, LEAVE_COLOR, MY_MEETINGS_KEY, placeOf, useMeetingTime } from '../../meetings/api';
import { StatusTag, TypeTags } from '../../meetings/MeetingCard';
import '../../meetings/meetings.css';

const BEFORE_START = new Set(['upcoming', 'checkin_open']);
const CHECKIN_PHASES = new Set(['checkin_open', 'in_progress']);

/**
 * 活动详情: what, when, where, my status and leave. 请假 until the end (the server's rule), 撤回请假 before the start,
 * 出示签到码 while a check-in is possible.
 */
export function MyMeetingDetailPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const timeOf = useMeetingTime();
  const [leaveOpen, setLeaveOpen] = useState(false);
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: [...MY_MEETINGS_KEY, 'detail', id],
    queryFn: () => api.get<MyMeeting>(`/me/meetings/${id}`),
    meta: { silent: true },
  });
  const withdraw = useMutation({
    mutationFn: (leaveId: string) => api.post(`/me/meeting-leaves/${leaveId}/withdraw`, {}),
    onSuccess: () => {
      Toast.show({ icon: 'success', content: t('mm.leave.withdrawn.done') });
      void qc.invalidateQueries({ queryKey: MY_MEETINGS_KEY });
    },
    onError: reportError,
    meta: { silent: true },
  });
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/meetings'));

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  } else if (query.isError && isApiError(query.error) && query.error.status === 404) {
    body = <ErrorBlock status="empty" className="m-empty" title={t('mm.detail.notFound')} description="" />;
  } else if (query.isError || !query.data) {
    body = (
      <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={query.error?.message}>
        <Button color="primary" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </ErrorBlock>
    );
  } else {
    const m = query.data;
    const leave = m.leave;
    const beforeStart = BEFORE_START.has(m.phase);
    const leaveOpenToRequest =
      (beforeStart || m.phase === 'in_progress') &&
      m.myStatus === 'pending' &&
      (!leave || leave.status === 'withdrawn' || leave.status === 'rejected');
    const leaveWithdrawable = beforeStart && leave && (leave.status === 'pending' || leave.status === 'approved');
    const canShowCode =
      (CHECKIN_PHASES.has(m.phase) || m.phase === 'upcoming') && (m.myStatus === 'pending' || m.myStatus === 'leave');
    const place = placeOf(m);
    body = (
      <>
        <section className="m-card" aria-label={m.title}>
          <h1 className="m-mm-detail-title">{m.title}</h1>
          <div className="m-mm-tags">
            <TypeTags codes={m.typeCodes} />
            <Tag color={m.phase === 'cancelled' ? 'default' : 'primary'} fill="outline">
              {t(`mm.phase.${m.phase}`)}
            </Tag>
          </div>
        </section>
        <List className="m-list">
          <List.Item extra={<StatusTag status={m.myStatus} />}>{t('mm.detail.myStatus')}</List.Item>
          {m.checkedInAt && (
            <List.Item
              extra={t('mm.detail.checkedInBy', {
                time: dateTime(m.checkedInAt),
                method: m.method ? t(`mm.method.${m.method}`) : '—',
              })}
            >
              {t('mm.detail.checkedInAt')}
            </List.Item>
          )}
          {leave && (
            <List.Item
              extra={<Tag color={LEAVE_COLOR[leave.status]}>{t(`mm.leave.${leave.status}`)}</Tag>}
              description={t('mm.detail.leaveReason', { reason: leave.reason })}
            >
              {t('mm.detail.leave')}
            </List.Item>
          )}
          <List.Item extra={timeOf(m.startsAt, m.endsAt)}>{t('mm.detail.time')}</List.Item>
          {place && <List.Item extra={place}>{t('mm.detail.place')}</List.Item>}
          <List.Item extra={m.orgName}>{t('mm.detail.org')}</List.Item>
          {m.geofenceEnabled && <List.Item extra={t('mm.geofence')}>{t('mm.checkin.title')}</List.Item>}
        </List>
        {canShowCode && <p className="m-hint m-pad">{t('mm.detail.checkinHint')}</p>}
        <div className="m-mm-actions">
          {canShowCode && (
            <Button block size="large" color="primary" onClick={() => navigate('/my-code')}>
              <QrcodeOutlined /> {t('mm.showCode')}
            </Button>
          )}
          {leaveOpenToRequest && (
            <Button block size="large" color="primary" fill="outline" onClick={() => setLeaveOpen(true)}>
              {t('mm.leave.request')}
            </Button>
          )}
          {leaveWithdrawable && (
            <Button
              block
              size="large"
              fill="outline"
              loading={withdraw.isPending}
              onClick={async () => {
                if (await Dialog.confirm({ content: t('mm.leave.withdrawConfirm'), cancelText: t('common.cancel') }))
                  withdraw.mutate(leave.id);
              }}
            >
              {t('mm.leave.withdraw')}
            </Button>
          )}
        </div>
        <LeavePopup meetingId={m.id} open={leaveOpen} onClose={() => setLeaveOpen(false)} />
      </>
    );
  }
  return (
    <div className="m-page m-mm">
      <NavBar back={t('common.back')} onBack={back}>
        {t('mm.detail.title')}
      </NavBar>
      {body}
    </div>
  );
}

function LeavePopup({ meetingId, open, onClose }: { meetingId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const request = useMutation({
    mutationFn: (v: { reason: string }) => api.post(`/me/meetings/${meetingId}/leave`, v),
    onSuccess: () => {
      Toast.show({ icon: 'success', content: t('mm.leave.requested') });
      void qc.invalidateQueries({ queryKey: MY_MEETINGS_KEY });
      onClose();
    },
    onError: (e) => applyFormError(form, e),
    meta: { silent: true },
  });
  return (
    <Popup visible={open} onMaskClick={onClose} bodyClassName="m-mm-popup" destroyOnClose>
      <h3 className="m-section-title">{t('mm.leave.request')}</h3>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { reason: string }) => request.mutate({ reason: v.reason.trim() })}
        footer={
          <Button block type="submit" color="primary" size="large" loading={request.isPending}>
            {t('common.submit')}
          </Button>
        }
      >
        <Form.Item
          name="reason"
          label={t('mm.leave.reasonLabel')}
          rules={[{ required: true, whitespace: true, message: t('mm.leave.reasonRequired') }]}
        >
          <TextArea rows={4} maxLength={500} showCount placeholder={t('mm.leave.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Popup>
  );
}
