import { POINT_CATEGORIES, type PointRule } from '@red-engine/shared';
import { DotLoading, NavBar, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useMyPointRules } from '../../points/api';
import { signed } from '../../points/parts';
import '../../points/points.css';

function RuleRow({ r }: { r: PointRule }) {
  const { t, locale } = useI18n();
  const caps = [
    r.capDay !== null ? t('mp.capDay', { n: r.capDay }) : null,
    r.capMonth !== null ? t('mp.capMonth', { n: r.capMonth }) : null,
    r.capYear !== null ? t('mp.capYear', { n: r.capYear }) : null,
  ].filter(Boolean);
  const cls = r.points > 0 ? 'm-pt-plus' : r.points < 0 ? 'm-pt-minus' : 'm-pt-zero';
  return (
    <div className="m-pt-rule">
      <div className="m-pt-rule-main">
        <div className="m-pt-rule-name">{locale === 'zh-CN' ? r.nameZh : r.nameEn}</div>
        <div className="m-pt-rule-meta">
          {t(`points.unit.${r.unit}`)}
          {caps.length > 0 && ` · ${t('mp.cap', { caps: caps.join(locale === 'zh-CN' ? '，' : ', ') })}`}
        </div>
        <div className="m-pt-rule-tags">
          <Tag color={r.source === 'manual' ? 'warning' : 'success'} fill="outline">
            {r.source === 'manual' ? t('mp.manual') : t('mp.auto')}
          </Tag>
          {r.veto && <Tag color="danger">{t('points.rules.veto')}</Tag>}
          {r.exemptCategories.length > 0 && <Tag fill="outline">{t('points.rules.exemptShort')}</Tag>}
          {!r.available && <Tag fill="outline">{t('points.rules.notYet')}</Tag>}
        </div>
      </div>
      <div className={`m-pt-rule-points ${cls}`}>{r.veto ? '—' : signed(r.points)}</div>
    </div>
  );
}

/** 积分规则: the items in force by category, how each is counted and capped, and the star scheme. */
export function PointRulesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const rules = useMyPointRules();
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/points'));
  const v = rules.data?.version;
  return (
    <div className="m-page m-pt">
      <NavBar back={t('common.back')} onBack={back}>
        {t('mp.rules')}
      </NavBar>
      {rules.isPending ? (
        <div className="m-pad" style={{ textAlign: 'center' }}>
          <DotLoading color="primary" />
        </div>
      ) : (
        <>
          {v && (
            <section className="m-card">
              <p className="m-hint" style={{ margin: 0 }}>
                {t('mp.rulesIntro', { date: v.effectiveFrom })}
              </p>
              <p className="m-hint" style={{ margin: '6px 0 0' }}>
                {t('points.rules.thresholdsValue', {
                  a: v.scheme.starThresholds[0],
                  b: v.scheme.starThresholds[1],
                  c: v.scheme.starThresholds[2],
                  d: v.scheme.starThresholds[3],
                  e: v.scheme.starThresholds[4],
                })}
              </p>
            </section>
          )}
          {POINT_CATEGORIES.map((c) => {
            const list = (rules.data?.rules ?? []).filter((r) => r.category === c);
            if (list.length === 0) return null;
            return (
              <section key={c} className="m-card" aria-label={t(`points.category.${c}`)}>
                <h2 className="m-section-title">{t(`points.category.${c}`)}</h2>
                {list.map((r) => (
                  <RuleRow key={r.code} r={r} />
                ))}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
