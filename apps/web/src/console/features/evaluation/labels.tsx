import {
  type CampaignStatus,
  type EvaluationKind,
  MEMBER_GRADES,
  type MemberGrade,
  type Rectification,
  SECRETARY_CHOICES,
  type SecretaryChoice,
} from '@red-engine/shared';
import { Tag, Tooltip } from 'antd';
import { type Translate, useI18n } from '../../../lib/i18n';
import { TONE } from '../../../lib/meeting-labels';

/** Hex tones: antd maps the name `blue` to the party red in this theme. */
export const STATUS_TONE: Record<CampaignStatus, string> = {
  preparing: TONE.blue!,
  voting: TONE.gold!,
  closed: TONE.green!,
  submitted: TONE.purple!,
  confirmed: TONE.green!,
};
export const CHOICE_TONE: Record<SecretaryChoice, string> = {
  good: '#c8102e',
  fairly_good: '#e8684a',
  average: '#f6bd16',
  poor: '#8c8c8c',
};
export const GRADE_TONE: Record<MemberGrade, string> = {
  excellent: '#c8102e',
  qualified: '#389e0d',
  basically_qualified: '#d48806',
  unqualified: '#595959',
};

export const statusLabel = (t: Translate, kind: EvaluationKind, s: CampaignStatus) =>
  s === 'closed' && kind === 'member_evaluation' ? t('ev.status.closedMember') : t(`ev.status.${s}`);

export function StatusTag({ kind, status }: { kind: EvaluationKind; status: CampaignStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_TONE[status]} data-status={status}>
      {statusLabel(t, kind, status)}
    </Tag>
  );
}

export function ChoiceTag({ choice }: { choice: SecretaryChoice | null }) {
  const { t } = useI18n();
  if (!choice) return <span className="re-muted">—</span>;
  return (
    <Tag color={CHOICE_TONE[choice]} className="re-ev-grade">
      {t(`ev.choice.${choice}`)}
    </Tag>
  );
}

export function GradeTag({ grade }: { grade: MemberGrade | null }) {
  const { t } = useI18n();
  if (!grade) return <span className="re-muted">—</span>;
  return (
    <Tag color={GRADE_TONE[grade]} className="re-ev-grade">
      {t(`ev.grade.${grade}`)}
    </Tag>
  );
}

export function RectStateTag({ r }: { r: Pick<Rectification, 'state' | 'daysOverdue'> }) {
  const { t } = useI18n();
  const color = { closed: TONE.green, overdue: TONE.red, due_soon: TONE.orange, on_track: TONE.blue }[r.state];
  return (
    <Tag color={color} data-state={r.state}>
      {t(`ev.rectState.${r.state}`, { days: r.daysOverdue })}
    </Tag>
  );
}

/** One stacked bar of counts (好/较好/一般/差 or 优秀/合格/基本合格/不合格), with the numbers beside it. */
export function TallyBar({ tally, kind }: { tally: Record<string, number>; kind: EvaluationKind }) {
  const { t } = useI18n();
  const keys: readonly string[] = kind === 'secretary_review' ? SECRETARY_CHOICES : MEMBER_GRADES;
  const tone = (k: string) =>
    kind === 'secretary_review' ? CHOICE_TONE[k as SecretaryChoice] : GRADE_TONE[k as MemberGrade];
  const label = (k: string) =>
    kind === 'secretary_review' ? t(`ev.choice.${k as SecretaryChoice}`) : t(`ev.grade.${k as MemberGrade}`);
  const total = keys.reduce((n, k) => n + (tally[k] ?? 0), 0);
  if (total === 0) return <span className="re-muted">{t('ev.noBallots')}</span>;
  return (
    <div className="re-ev-tally">
      <div
        className="re-ev-tally-bar"
        role="img"
        aria-label={keys.map((k) => `${label(k)} ${tally[k] ?? 0}`).join('，')}
      >
        {keys.map((k) =>
          tally[k] ? (
            <Tooltip key={k} title={`${label(k)} ${tally[k]}`}>
              <span style={{ flexGrow: tally[k], background: tone(k) }} />
            </Tooltip>
          ) : null,
        )}
      </div>
      <div className="re-ev-tally-nums">
        {keys.map((k) => (
          <span key={k}>
            <i style={{ background: tone(k) }} />
            {label(k)} <b>{tally[k] ?? 0}</b>
          </span>
        ))}
      </div>
    </div>
  );
}

export const percentText = (p: number | null | undefined) => (p === null || p === undefined ? '—' : `${p}%`);
