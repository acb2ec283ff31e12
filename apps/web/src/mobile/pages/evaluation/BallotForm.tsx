import { type CastBallotBody, MEMBER_GRADES, type MyEvaluationDetail, SECRETARY_CHOICES } from '@red-engine/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Collapse, Dialog, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { ballotKeyFor, MY_EVALUATIONS_KEY, myEvaluationApi } from '../../evaluation/api';

type Picks = Record<string, { overall?: string; items: Record<string, string> }>;

/**
 * The secret ballot: one choice per person (好/较好/一般/差 or 优秀/合格/基本合格/不合格), per item for a 述职评议.
 * Unchosen persons are abstentions. The ballot key stays the same in this tab, so a retry never counts twice.
 */
export function BallotForm({ e }: { e: MyEvaluationDetail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [picks, setPicks] = useState<Picks>({});
  const secretary = e.kind === 'secretary_review';
  const options = (secretary ? SECRETARY_CHOICES : MEMBER_GRADES).map((c) => ({
    value: c,
    label: secretary
      ? t(`ev.choice.${c as (typeof SECRETARY_CHOICES)[number]}`)
      : t(`ev.grade.${c as (typeof MEMBER_GRADES)[number]}`),
  }));
  const itemOptions = SECRETARY_CHOICES.map((c) => ({ value: c, label: t(`ev.choice.${c}`) }));
  const pick = (subjectId: string, change: (p: Picks[string]) => Picks[string]) =>
    setPicks((all) => ({ ...all, [subjectId]: change(all[subjectId] ?? { items: {} }) }));

  const cast = useMutation({
    mutationFn: () => {
      const entries: CastBallotBody['entries'] = e.ballotSubjects.flatMap((s) => {
        const p = picks[s.subjectId];
        if (!p?.overall) return [];
        const items = Object.entries(p.items).map(([key, choice]) => ({
          key,
          choice: choice as (typeof SECRETARY_CHOICES)[number],
        }));
        return [
          {
            subjectId: s.subjectId,
            choice: p.overall as CastBallotBody['entries'][number]['choice'],
            ...(items.length ? { items } : {}),
          },
        ];
      });
      return myEvaluationApi.cast(e.campaignId, { ballotKey: ballotKeyFor(e.campaignId), entries });
    },
    onSuccess: () => {
      Toast.show({ icon: 'success', content: t('m.ev.thanks') });
      void qc.invalidateQueries({ queryKey: MY_EVALUATIONS_KEY });
    },
    onError: (err) => {
      reportError(err);
      void qc.invalidateQueries({ queryKey: MY_EVALUATIONS_KEY });
    },
    meta: { silent: true },
  });

  const chosen = e.ballotSubjects.filter((s) => picks[s.subjectId]?.overall).length;
  const submit = async () => {
    const blank = e.ballotSubjects.length - chosen;
    const ok = await Dialog.confirm({
      content: blank > 0 ? t('m.ev.incomplete', { n: blank }) : t('m.ev.confirmBallot'),
      confirmText: t('m.ev.submitBallot'),
      cancelText: t('common.cancel'),
    });
    if (ok) cast.mutate();
  };

  return (
    <section className="m-ev-ballot" aria-label={t('m.ev.vote')}>
      {e.ballotSubjects.map((s) => (
        <div key={s.subjectId} className="m-card m-ev-subject">
          <div className="m-ev-subject-head">
            <strong>{s.name}</strong>
            <span className="m-hint">{s.orgName}</span>
          </div>
          {secretary && (
            <Collapse className="m-ev-report">
              <Collapse.Panel key="r" title={t('m.ev.readReport')}>
                <div className="m-ev-report-text">{s.report ?? t('m.ev.noReport')}</div>
              </Collapse.Panel>
            </Collapse>
          )}
          {secretary && <div className="m-ev-label">{t('m.ev.overall')}</div>}
          <Selector
            className="m-ev-selector"
            columns={4}
            options={options}
            value={picks[s.subjectId]?.overall ? [picks[s.subjectId]!.overall!] : []}
            onChange={(v) => pick(s.subjectId, (p) => ({ ...p, overall: v[0] }))}
            aria-label={`${s.name} ${t('m.ev.overall')}`}
          />
          {secretary &&
            e.items.map((it) => (
              <div key={it.key} className="m-ev-item">
                <div className="m-ev-label">{it.label}</div>
                <Selector
                  className="m-ev-selector m-ev-selector-small"
                  columns={4}
                  options={itemOptions}
                  value={picks[s.subjectId]?.items[it.key] ? [picks[s.subjectId]!.items[it.key]!] : []}
                  onChange={(v) =>
                    pick(s.subjectId, (p) => {
                      const items = { ...p.items };
                      if (v[0]) items[it.key] = v[0];
                      else delete items[it.key];
                      return { ...p, items };
                    })
                  }
                  aria-label={`${s.name} ${it.label}`}
                />
              </div>
            ))}
        </div>
      ))}
      <div className="m-ev-submit">
        <Button block size="large" color="primary" disabled={chosen === 0} loading={cast.isPending} onClick={submit}>
          {t('m.ev.submitBallot')}（{chosen}/{e.ballotSubjects.length}）
        </Button>
      </div>
    </section>
  );
}
