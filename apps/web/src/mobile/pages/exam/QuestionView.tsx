import type { AnswerValue, Attempt } from '@red-engine/shared';
import { Tag } from 'antd-mobile';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';

type Q = Attempt['questions'][number];

/** One question with inputs for its kind; every choice has an accessible name (its letter and text). Keyed by question. */
export function QuestionView({
  q,
  value,
  disabled,
  onChange,
}: {
  q: Q;
  value: AnswerValue | null;
  disabled: boolean;
  /** `immediate`: save now (a choice); otherwise the caller debounces (typing). */
  onChange: (v: AnswerValue, immediate: boolean) => void;
}) {
  const { t } = useI18n();
  const [blanks, setBlanks] = useState<string[]>(() =>
    Array.isArray(value) && q.kind === 'fill' ? [...value] : Array.from({ length: q.blanks }, () => ''),
  );
  const label = (key: string, text: string) => `${key}. ${text}`;
  return (
    <div>
      <Tag color="primary" fill="outline">
        {t(`exam.kind.${q.kind}`)}
      </Tag>
      <div className="m-exam-stem" id={`stem-${q.id}`}>
        {q.stem}
      </div>
      <div className="m-exam-options" role="group" aria-labelledby={`stem-${q.id}`}>
        {q.kind === 'single' &&
          q.options.map((o) => (
            <Choice
              key={o.key}
              role="radio"
              label={label(o.key, o.text)}
              checked={value === o.key}
              disabled={disabled}
              onPick={() => onChange(o.key, true)}
            />
          ))}
        {q.kind === 'multiple' &&
          q.options.map((o) => {
            const picked = Array.isArray(value) ? value : [];
            const on = picked.includes(o.key);
            return (
              <Choice
                key={o.key}
                role="checkbox"
                label={label(o.key, o.text)}
                checked={on}
                disabled={disabled}
                onPick={() => onChange((on ? picked.filter((k) => k !== o.key) : [...picked, o.key]).sort(), true)}
              />
            );
          })}
        {q.kind === 'true_false' &&
          ([true, false] as const).map((v) => (
            <Choice
              key={String(v)}
              role="radio"
              label={v ? t('exam.true') : t('exam.false')}
              checked={value === v}
              disabled={disabled}
              onPick={() => onChange(v, true)}
            />
          ))}
        {q.kind === 'fill' &&
          blanks.map((b, i) => (
            <input
              // biome-ignore lint/suspicious/noArrayIndexKey: blanks are positional
              key={i}
              className="m-exam-blank"
              value={b}
              disabled={disabled}
              aria-label={t('exam.h5.blank', { n: i + 1 })}
              placeholder={t('exam.h5.blank', { n: i + 1 })}
              onChange={(e) => {
                const next = blanks.map((x, j) => (j === i ? e.target.value : x));
                setBlanks(next);
                onChange(next, false);
              }}
              onBlur={() => onChange(blanks, true)}
            />
          ))}
      </div>
    </div>
  );
}

/** A choice as a large button: role radio or checkbox, named by its letter and text. */
function Choice({
  role,
  label,
  checked,
  disabled,
  onPick,
}: {
  role: 'radio' | 'checkbox';
  label: string;
  checked: boolean;
  disabled: boolean;
  onPick: () => void;
}) {
  const className = `m-exam-choice${checked ? ' m-exam-choice-on' : ''}`;
  const mark = <span className={`m-exam-mark m-exam-mark-${role}`} aria-hidden="true" />;
  return role === 'radio' ? (
    <button
      type="button"
      role="radio"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      className={className}
      onClick={onPick}
    >
      {mark}
      {label}
    </button>
  ) : (
    <button
      type="button"
      role="checkbox"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      className={className}
      onClick={onPick}
    >
      {mark}
      {label}
    </button>
  );
}
