import type { MyPointPublication, PointObjection } from '@red-engine/shared';
import { Button, DotLoading, ErrorBlock, Form, NavBar, Popup, Radio, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useMyObjections, useMyPublications, useObject } from '../../points/api';
import { periodLabel, signed } from '../../points/parts';
import '../../points/points.css';
import { formatBeijingDate } from '../../../lib/time';

function ObjectPopup({ pub, onClose }: { pub: MyPointPublication | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm();
  const object = useObject();
  const entries = (pub?.myEntries ?? []).filter((e) => !e.reversesEntryId);
  return (
    <Popup visible={pub !== null} onMaskClick={onClose} bodyClassName="m-pt-popup" destroyOnClose>
      {pub && (
        <>
          <h3 className="m-section-title">{t('mp.objectTitle', { period: periodLabel(pub.periodKey, t) })}</h3>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ entryId: '' }}
            onFinish={(v: { entryId: string; text: string }) =>
              object.mutate(
                { publicationId: pub.id, entryId: v.entryId || null, text: v.text.trim() },
                {
                  onSuccess: () => {
                    Toast.show({ icon: 'success', content: t('mp.objectSent') });
                    onClose();
                  },
                  onError: (e) => applyFormError(form, e),
                },
              )
            }
            footer={
              <Button block type="submit" color="primary" size="large" loading={object.isPending}>
                {t('common.submit')}
              </Button>
            }
          >
            <Form.Item name="entryId" label={t('mp.objectEntry')}>
              <Radio.Group>
                <Space direction="vertical" className="m-pt-entry-choices">
                  <Radio value="">{t('mp.objectWhole')}</Radio>
                  {entries.map((e) => (
                    <Radio key={e.id} value={e.id}>
                      {e.occurredOn.slice(5)} {locale === 'zh-CN' ? e.rule.nameZh : e.rule.nameEn} {signed(e.points)}
                      <div className="m-pt-choice-sub">{e.source.label}</div>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="text"
              label={t('mp.objectText')}
              rules={[{ required: true, whitespace: true, message: t('mp.objectPlaceholder') }]}
            >
              <TextArea rows={4} maxLength={1000} showCount placeholder={t('mp.objectPlaceholder')} />
            </Form.Item>
          </Form>
        </>
      )}
    </Popup>
  );
}

function ObjectionCard({ o }: { o: PointObjection }) {
  const { t, locale } = useI18n();
  return (
    <article className="m-pt-objection" aria-label={o.text}>
      <div className="m-pt-objection-head">
        <span>{periodLabel(o.periodKey, t)}</span>
        {o.status === 'pending' ? (
          <Tag color="warning">{t('mp.waiting')}</Tag>
        ) : (
          <Tag color={o.upheld ? 'success' : 'default'}>{t(o.upheld ? 'mp.upheld' : 'mp.notUpheld')}</Tag>
        )}
      </div>
      {o.entry && (
        <div className="m-pt-objection-entry">
          {o.entry.occurredOn} · {locale === 'zh-CN' ? o.entry.ruleNameZh : o.entry.ruleNameEn} ·{' '}
          {signed(o.entry.points)}
        </div>
      )}
      <p className="m-pt-objection-text">{o.text}</p>
      {o.answer && (
        <div className="m-pt-answer">
          <div className="m-pt-answer-label">{t('mp.answer')}</div>
          <div>{o.answer}</div>
          <div className="m-pt-answer-by">
            {t('mp.answerBy', { name: o.answeredByName ?? '', date: formatBeijingDate(o.answeredAt) })}
          </div>
        </div>
      )}
    </article>
  );
}

/** 积分公示与异议: publications covering my branch with my points of the period, objections and their answers. */
export function PointObjectionsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const pubs = useMyPublications();
  const mine = useMyObjections();
  const [objecting, setObjecting] = useState<MyPointPublication | null>(null);
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/points'));
  return (
    <div className="m-page m-pt">
      <NavBar back={t('common.back')} onBack={back}>
        {t('mp.objections')}
      </NavBar>
      <section className="m-card" aria-label={t('mp.myObjections')}>
        <h2 className="m-section-title">{t('mp.myObjections')}</h2>
        {mine.isPending ? (
          <DotLoading color="primary" />
        ) : (mine.data ?? []).length === 0 ? (
          <p className="m-hint">{t('mp.noObjections')}</p>
        ) : (
          mine.data!.map((o) => <ObjectionCard key={o.id} o={o} />)
        )}
      </section>
      <section className="m-card" aria-label={t('mp.publications')}>
        <h2 className="m-section-title">{t('mp.publications')}</h2>
        {pubs.isPending ? (
          <DotLoading color="primary" />
        ) : pubs.isError ? (
          <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={pubs.error.message} />
        ) : pubs.data.length === 0 ? (
          <p className="m-hint">{t('mp.noPublications')}</p>
        ) : (
          pubs.data.map((p) => (
            <article
              key={p.id}
              className="m-pt-pub"
              aria-label={t('mp.pubTitle', { period: periodLabel(p.periodKey, t) })}
            >
              <div className="m-pt-pub-main">
                <div className="m-pt-pub-title">{t('mp.pubTitle', { period: periodLabel(p.periodKey, t) })}</div>
                <div className="m-pt-pub-sub">
                  {p.orgName} · {t('mp.pubMine', { points: signed(p.myPoints) })}
                </div>
                <div className={p.open ? 'm-pt-pub-open' : 'm-pt-pub-sub'}>
                  {p.open ? t('mp.pubDeadline', { date: p.objectionDeadline }) : t('mp.pubClosed')}
                </div>
              </div>
              {p.open && (
                <Button size="small" color="primary" fill="outline" onClick={() => setObjecting(p)}>
                  {t('mp.object')}
                </Button>
              )}
            </article>
          ))
        )}
      </section>
      <ObjectPopup pub={objecting} onClose={() => setObjecting(null)} />
    </div>
  );
}
