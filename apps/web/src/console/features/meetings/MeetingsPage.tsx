import { PlusOutlined } from '@ant-design/icons';
import { MEETING_PHASES, type Meeting, type MeetingPhase } from '@red-engine/shared';
import { Button, Card, DatePicker, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { fromBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { meetingApi, meetingKeys, useActivityTypes } from './api';
import { CancelMeetingModal } from './CancelMeetingModal';
import { useMeetingColumns } from './columns';
import { MeetingFormDrawer, type MeetingFormTarget } from './form/MeetingFormDrawer';
import { useMeetingLabels } from './MeetingTags';

/** 活动管理: every planned meeting in scope, filtered by organization, type, status, dates and keyword. */
export default function MeetingsPage() {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const labels = useMeetingLabels();
  const types = useActivityTypes();
  const [org, setOrg] = useState<OrgOption>();
  const [typeCode, setTypeCode] = useState<string>();
  const [phase, setPhase] = useState<MeetingPhase>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [keyword, setKeyword] = useState('');
  const [formTarget, setFormTarget] = useState<MeetingFormTarget | null>(null);
  const [cancelling, setCancelling] = useState<Meeting | null>(null);
  const canWrite = can('meeting:write');

  const table = useProTable<Meeting>({
    queryKey: meetingKeys.lists(),
    request: meetingApi.list,
    params: {
      orgId: org?.value,
      typeCode,
      phase,
      from: range?.[0] ? fromBeijing(range[0].startOf('day')) : undefined,
      to: range?.[1] ? fromBeijing(range[1].endOf('day')) : undefined,
      keyword: keyword.trim() || undefined,
    },
  });
  const columns = useMeetingColumns({
    canWrite,
    onOpen: (m) => navigate(`/meetings/${m.id}`),
    onEdit: (m) => setFormTarget({ mode: 'edit', meetingId: m.id }),
    onCancel: setCancelling,
  });

  return (
    <PageContainer
      title={t('menu.meetings')}
      subTitle={t('meeting.subTitle')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
            {t('meeting.create')}
          </Button>
        )
      }
    >
      <Card>
        <div className="re-filter-bar">
          <OrgTreeSelect
            allowClear
            value={org}
            onChange={setOrg}
            placeholder={t('meeting.filterOrg')}
            aria-label={t('meeting.filterOrg')}
          />
          <Select<string>
            allowClear
            aria-label={t('meeting.filterType')}
            placeholder={t('meeting.filterType')}
            style={{ width: 170 }}
            value={typeCode}
            onChange={setTypeCode}
            loading={types.isPending}
            options={(types.data ?? [])
              .filter((x) => x.active)
              .map((x) => ({ value: x.code, label: locale === 'zh-CN' ? x.nameZh : x.nameEn }))}
          />
          <Select<MeetingPhase>
            allowClear
            aria-label={t('meeting.filterPhase')}
            placeholder={t('meeting.filterPhase')}
            style={{ width: 130 }}
            value={phase}
            onChange={setPhase}
            options={MEETING_PHASES.map((p) => ({ value: p, label: labels.phase(p) }))}
          />
          <DatePicker.RangePicker
            aria-label={t('meeting.filterDates')}
            value={range}
            onChange={(v) => setRange(v)}
            allowEmpty={[true, true]}
          />
          <Input.Search
            allowClear
            aria-label={t('common.keyword')}
            placeholder={t('meeting.keywordPlaceholder')}
            style={{ width: 240 }}
            onSearch={setKeyword}
          />
        </div>
        <Table<Meeting>
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          className="re-meeting-table"
          {...table.tableProps}
          locale={{ emptyText: t('meeting.emptyList') }}
          pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
          columns={columns}
        />
      </Card>
      <MeetingFormDrawer
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(id, created) => created && navigate(`/meetings/${id}`)}
      />
      <CancelMeetingModal meeting={cancelling} onClose={() => setCancelling(null)} />
    </PageContainer>
  );
}
