import type { AttendanceStatus, LeaveStatus, MeetingPhase } from '@red-engine/shared';
import { Badge, Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { ATTENDANCE_COLORS, LEAVE_COLORS, meetingLabels, PHASE_COLORS, TONE } from '../../../lib/meeting-labels';
import { formatBeijing, sameBeijingDay } from '../../../lib/time';
import { useActivityTypes } from './api';

export function useMeetingLabels() {
  const { locale } = useI18n();
  return meetingLabels(locale);
}

/** 状态 as a dot and a word; 签到中 and 进行中 pulse. */
export function PhaseBadge({ phase }: { phase: MeetingPhase }) {
  const labels = useMeetingLabels();
  const live = phase === 'checkin_open' || phase === 'in_progress';
  return (
    <Badge
      status={live ? 'processing' : undefined}
      color={TONE[PHASE_COLORS[phase]]}
      text={labels.phase(phase)}
      data-phase={phase}
      className="re-phase-badge"
    />
  );
}

export function PhaseTag({ phase }: { phase: MeetingPhase }) {
  const labels = useMeetingLabels();
  return (
    <Tag color={TONE[PHASE_COLORS[phase]]} data-phase={phase}>
      {labels.phase(phase)}
    </Tag>
  );
}

export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  const labels = useMeetingLabels();
  return (
    <Tag color={ATTENDANCE_COLORS[status]} data-status={status} variant="outlined">
      {labels.attendance(status)}
    </Tag>
  );
}

export function LeaveTag({ status }: { status: LeaveStatus }) {
  const labels = useMeetingLabels();
  return <Tag color={LEAVE_COLORS[status]}>{labels.leave(status)}</Tag>;
}

/** Activity type codes → their names (from GET /activity-types) in the UI language. */
export function useTypeName() {
  const { locale } = useI18n();
  const types = useActivityTypes();
  return (code: string) => {
    const type = types.data?.find((x) => x.code === code);
    if (!type) return code;
    return locale === 'zh-CN' ? type.nameZh : type.nameEn;
  };
}

const CATEGORY_COLORS: Record<string, string> = {
  three_one: 'red',
  life: 'volcano',
  service: 'green',
  study: 'geekblue',
  culture: 'cyan',
  joint: 'gold',
  other: 'default',
};

export function TypeTags({ codes }: { codes: string[] }) {
  const name = useTypeName();
  const types = useActivityTypes();
  return (
    <div className="re-type-tags">
      {codes.map((code) => {
        const category = types.data?.find((x) => x.code === code)?.category ?? 'other';
        return (
          <Tag key={code} color={CATEGORY_COLORS[category]} variant="filled" title={name(code)}>
            {name(code)}
          </Tag>
        );
      })}
    </div>
  );
}

/** `2026-05-08 14:30–16:00`, or both dates when the meeting runs over midnight. */
export function formatSpan(startsAt: string, endsAt: string): string {
  const start = formatBeijing(startsAt, 'YYYY-MM-DD HH:mm');
  return sameBeijingDay(startsAt, endsAt)
    ? `${start}–${formatBeijing(endsAt, 'HH:mm')}`
    : `${start} – ${formatBeijing(endsAt, 'YYYY-MM-DD HH:mm')}`;
}

export const formatDateTime = (v: string | null | undefined) => formatBeijing(v, 'YYYY-MM-DD HH:mm');
export const formatTime = (v: string | null | undefined) => formatBeijing(v, 'HH:mm:ss');
