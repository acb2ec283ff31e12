import { ArrowRightOutlined } from '@ant-design/icons';
import type { RestructurePreview } from '@red-engine/shared';
import { Alert, Card, Col, Descriptions, Row, Statistic, Table, Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { OrgTypeTag } from './OrgTypeTag';

/** `a/b/c/` → "A / B / C" with the names we know (the tree, the preview itself); unknown ids as "…". */
function pathNames(path: string, nameOf: (id: string) => string | undefined): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((id) => nameOf(id) ?? '…')
    .join(' / ');
}

/** What a move, merge or dissolve will change, shown before the user confirms it. */
export function RestructurePreviewView({
  preview,
  nameOf,
}: {
  preview: RestructurePreview;
  nameOf: (id: string) => string | undefined;
}) {
  const { t } = useI18n();
  const known = new Map<string, string>([[preview.org.id, preview.org.name]]);
  if (preview.target) known.set(preview.target.id, preview.target.name);
  for (const p of preview.pathChanges) known.set(p.id, p.name);
  const lookup = (id: string) => known.get(id) ?? nameOf(id);
  const nothing = preview.organizationsMoved === 0 && preview.membersMoved === 0 && preview.membersRepathed === 0;

  return (
    <div className="re-preview">
      <Alert type="warning" showIcon title={t('restructure.previewNote')} className="re-modal-alert" />
      {preview.target && (
        <Descriptions size="small" column={1} className="re-org-desc">
          <Descriptions.Item label={t('restructure.target')}>
            {preview.target.name} <OrgTypeTag type={preview.target.type} small />
          </Descriptions.Item>
        </Descriptions>
      )}
      <Row gutter={12} className="re-org-desc">
        {(
          [
            ['organizationsMoved', preview.organizationsMoved, 'restructure.unitOrgs'],
            ['membersMoved', preview.membersMoved, 'restructure.unitPeople'],
            ['membersRepathed', preview.membersRepathed, 'restructure.unitPeople'],
          ] as const
        ).map(([key, value, unit]) => (
          <Col span={8} key={key}>
            <Card size="small">
              <Statistic title={t(`restructure.${key}`)} value={value} suffix={t(unit) || undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      {nothing && preview.dissolves.length === 0 && preview.creates.length === 0 && (
        <Alert type="info" title={t('restructure.nothing')} />
      )}
      {preview.unplaced > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('restructure.unplaced', { n: preview.unplaced })}
          className="re-modal-alert"
        />
      )}
      {preview.creates.length > 0 && (
        <div className="re-preview-block">
          <div className="re-preview-label">{t('restructure.creates')}</div>
          {preview.creates.map((c) => (
            <div key={c.id} className="re-preview-create">
              <Tag color="green">{c.name}</Tag>
              <OrgTypeTag type={c.type} small />
              <span className="re-muted">
                {t('restructure.createsCount', { members: c.members, children: c.children })}
              </span>
            </div>
          ))}
        </div>
      )}
      {preview.dissolves.length > 0 && (
        <div className="re-preview-block">
          <div className="re-preview-label">{t('restructure.dissolves')}</div>
          {preview.dissolves.map((o) => (
            <Tag key={o.id} color="red">
              {o.name}
            </Tag>
          ))}
        </div>
      )}
      {preview.pathChanges.length > 0 && (
        <div className="re-preview-block">
          <div className="re-preview-label">
            {t('restructure.pathChanges')}
            {preview.pathChanges.length >= 200 && (
              <span className="re-card-note"> · {t('restructure.pathMore', { n: 200 })}</span>
            )}
          </div>
          <Table
            rowKey="id"
            size="small"
            pagination={preview.pathChanges.length > 8 ? { pageSize: 8, size: 'small' } : false}
            dataSource={preview.pathChanges}
            columns={[
              { title: t('org.name'), dataIndex: 'name', width: 180 },
              {
                title: t('org.path'),
                key: 'path',
                render: (_, p) => (
                  <div className="re-path-change">
                    <span className="re-muted">{pathNames(p.from, lookup)}</span>
                    <ArrowRightOutlined className="re-history-arrow" />
                    <strong>{pathNames(p.to, lookup)}</strong>
                  </div>
                ),
              },
            ]}
          />
        </div>
      )}
      {preview.memberSample.length > 0 && (
        <div className="re-preview-block">
          <div className="re-preview-label">
            {t('restructure.memberSample')} ({preview.membersMoved})
          </div>
          {preview.memberSample.map((m) => (
            <Tag key={m.id} color={m.toName === null ? 'red' : undefined}>
              {m.name}
              {m.toName !== undefined && ` → ${m.toName ?? '？'}`}
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}
