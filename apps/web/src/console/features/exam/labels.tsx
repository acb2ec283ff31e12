import type { ExamStatus, QuestionKind } from '@red-engine/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';

const KIND_COLORS: Record<QuestionKind, string> = {
  single: 'blue',
  multiple: 'purple',
  true_false: 'cyan',
  fill: 'gold',
};
const STATUS_COLORS: Record<ExamStatus, string> = { draft: 'default', published: 'red', closed: 'green' };

export function KindTag({ kind }: { kind: QuestionKind }) {
  const { t } = useI18n();
  return <Tag color={KIND_COLORS[kind]}>{t(`exam.kind.${kind}`)}</Tag>;
}

export function ExamStatusTag({ status }: { status: ExamStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`exam.status.${status}`)}</Tag>;
}

/** A right answer as text: letters, 对/错, or the accepted texts of each blank. */
export function answerText(answer: readonly (string | boolean | readonly string[])[], yes: string, no: string): string {
  return answer
    .map((a) => (typeof a === 'boolean' ? (a ? yes : no) : Array.isArray(a) ? a.join(' / ') : String(a)))
    .join(typeof answer[0] === 'string' && answer.every((a) => typeof a === 'string' && a.length === 1) ? '' : '；');
}
