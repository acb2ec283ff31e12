import {
  type GateIssueDto,
  type Locale,
  type RecruitmentStage,
  type RecruitmentStatus,
  STAGE_NAMES,
  stepOf,
} from '@red-engine/shared';
import { Tag } from 'antd';
import type { MessageKey } from '../../../lib/i18n';
import { useI18n } from '../../../lib/i18n';

export const stepName = (no: number, locale: Locale) => {
  const s = stepOf(no);
  return s ? (locale === 'zh-CN' ? s.zh : s.en) : String(no);
};
export const stageName = (stage: number, locale: Locale) => {
  const s = STAGE_NAMES[stage as RecruitmentStage];
  return s ? (locale === 'zh-CN' ? s.zh : s.en) : String(stage);
};
export const stageTitle = (stage: number, locale: Locale) => {
  const s = STAGE_NAMES[stage as RecruitmentStage];
  return s ? (locale === 'zh-CN' ? s.titleZh : s.titleEn) : '';
};

/** One gate warning in the user's language, with its dates or numbers. */
export function useGateText() {
  const { t } = useI18n();
  return (g: Pick<GateIssueDto, 'gate' | 'limit' | 'actual'>) =>
    t(`recruitmentGate.${g.gate}` as MessageKey, { limit: g.limit ?? '', actual: g.actual ?? '' });
}

const STATUS_COLORS: Record<RecruitmentStatus, string> = {
  active: 'processing',
  completed: 'success',
  cancelled: 'default',
  rejected: 'error',
};

export function RecruitmentStatusTag({ status }: { status: RecruitmentStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`recruitmentStatus.${status}`)}</Tag>;
}

export function DueTag({ level, date }: { level: 'overdue' | 'soon' | null; date?: string | null }) {
  const { t } = useI18n();
  if (!level) return date ? <span>{date}</span> : null;
  return (
    <Tag color={level === 'overdue' ? 'red' : 'orange'}>
      {level === 'overdue' ? t('recruitment.overdue') : t('recruitment.dueSoon')}
      {date ? ` ${date}` : ''}
    </Tag>
  );
}

export const STAGE_COLORS = ['#c0392b', '#d35400', '#b9770e', '#1f618d', '#117a65'];
