import { NavBar } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useMyPointRules, useMyPoints } from '../../points/api';
import { Stars } from '../../points/parts';
import '../../points/points.css';
import { toBeijing } from '../../../lib/time';

function YearStars({ year, current }: { year: number; current: boolean }) {
  const { t } = useI18n();
  const points = useMyPoints(year);
  const s = points.data?.stars;
  return (
    <section className="m-card m-pt-year-card" aria-label={t('mp.starsOf', { year })}>
      <div className="m-pt-year-card-head">
        <h2 className="m-section-title">{t('mp.starsOf', { year })}</h2>
        <span className="m-pt-year-card-total">{points.data ? `${points.data.total}` : ''}</span>
      </div>
      {s && (
        <>
          <Stars stars={s.stars} size={current ? 28 : 20} />
          <p className="m-hint" style={{ marginTop: 8 }}>
            {s.basis === 'thresholds' || s.basis === 'below_threshold'
              ? t('mp.starsBasis', { score: s.score })
              : t(`points.basis.${s.basis}`)}
            {s.grade ? ` · ${t('points.why.grade', { grade: t(`points.grade.${s.grade}`) })}` : ''}
          </p>
          {current && <p className="m-hint">{t('mp.provisional')}</p>}
        </>
      )}
    </section>
  );
}

/** 我的星级: this year's stars (an estimate while the year runs) and the last two years', with how stars are awarded. */
export function MyStarsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const rules = useMyPointRules();
  const year = toBeijing(new Date()).year();
  const thresholds = rules.data?.version?.scheme.starThresholds ?? [60, 70, 80, 90, 96];
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/points'));
  return (
    <div className="m-page m-pt">
      <NavBar back={t('common.back')} onBack={back}>
        {t('mp.stars')}
      </NavBar>
      <YearStars year={year} current />
      <YearStars year={year - 1} current={false} />
      <section className="m-card" aria-label={t('mp.thresholds')}>
        <h2 className="m-section-title">{t('mp.thresholds')}</h2>
        {[5, 4, 3, 2, 1].map((n) => (
          <div key={n} className="m-pt-threshold">
            <Stars stars={n} size={14} />
            <span>{t('mp.threshold', { stars: n, min: thresholds[n - 1] ?? 0 })}</span>
          </div>
        ))}
        <p className="m-hint" style={{ marginTop: 12 }}>
          {t('mp.gradeLine')}
        </p>
      </section>
    </div>
  );
}
