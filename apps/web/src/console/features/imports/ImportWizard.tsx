import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportJob, ImportKind, ImportMode, ImportRowError } from '@red-engine/shared';
import {
  Alert,
  Button,
  Col,
  Modal,
  Popconfirm,
  Progress,
  Result,
  Row,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { importApi, runImport } from './api';

/** What went wrong with an upload, as one line: the field messages of a refusal, or the error itself. */
const errorText = (e: unknown) =>
  isApiError(e)
    ? e
        .fieldIssues()
        .map((i) => i.message)
        .join('；') || e.message
    : e instanceof Error
      ? e.message
      : String(e);

type Stage = 'upload' | 'checking' | 'checked' | 'importing' | 'result';

const STEP_OF: Record<Stage, number> = { upload: 0, checking: 1, checked: 1, importing: 2, result: 3 };

/** Counts of a job as a row of figures. */
function Counts({ job, preview }: { job: ImportJob; preview: boolean }) {
  const { t } = useI18n();
  const c = job.counts;
  const items: [string, number, string?][] = [
    [t('import.count.rows'), c.rows],
    [t('import.count.valid'), c.valid, '#389e0d'],
    [t('import.count.invalid'), c.invalid, c.invalid ? '#cf1322' : undefined],
    [t('import.count.created'), c.created],
    [t('import.count.updated'), c.updated],
    [t('import.count.unchanged'), c.unchanged],
  ];
  return (
    <Row
      gutter={16}
      className="re-import-counts"
      data-testid={preview ? 'import-preview-counts' : 'import-result-counts'}
    >
      {items.map(([title, value, color]) => (
        <Col span={4} key={title}>
          <Statistic title={title} value={value} styles={color ? { content: { color } } : undefined} />
        </Col>
      ))}
    </Row>
  );
}

function ProgressLine({ job }: { job: ImportJob | null }) {
  const { t } = useI18n();
  return (
    <div className="re-import-progress">
      <Progress percent={job?.percent ?? 0} status="active" />
      <Typography.Text type="secondary">
        {job ? t(`import.phase.${job.phase}`) : t('import.phase.reading')}
        {job && job.total > 0 && job.phase !== 'reading'
          ? ` · ${t('import.progressRows', { processed: job.processed, total: job.total })}`
          : ''}
      </Typography.Text>
    </div>
  );
}

/**
 * 导入向导: download the template → upload → a dry run lists every bad row (row, column, problem) and what would
 * change → 全部导入 (only when every row is valid) or, chosen explicitly, 仅导入正确行 → progress → result.
 * The file stays in the browser between the check and the import; the server keeps nothing until the commit.
 */
export function ImportWizard({
  kind,
  open,
  orgId,
  onClose,
  onImported,
}: {
  kind: ImportKind;
  open: boolean;
  /** Limit the import to this organization's subtree. */
  orgId?: string | undefined;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const [stage, setStage] = useState<Stage>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [check, setCheck] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setStage('upload');
    setFile(null);
    setJob(null);
    setCheck(null);
    setError(null);
  };
  const close = () => {
    if (stage === 'checking' || stage === 'importing') return;
    reset();
    onClose();
  };

  const start = async (mode: ImportMode) => {
    if (!file) return;
    setError(null);
    setJob(null);
    setStage(mode === 'dry_run' ? 'checking' : 'importing');
    try {
      const done = await runImport(kind, file, mode, setJob, orgId);
      if (mode === 'dry_run') {
        setCheck(done);
        setStage('checked');
      } else {
        setStage('result');
        if (done.committed) onImported();
      }
    } catch (e) {
      setError(errorText(e));
      setStage(mode === 'dry_run' ? 'upload' : 'checked');
    }
  };

  const columns = [
    { title: t('import.col.row'), dataIndex: 'row', width: 80 },
    {
      title: t('import.col.column'),
      key: 'column',
      width: 200,
      render: (_: unknown, e: ImportRowError) => (
        <Space size={4}>
          {e.column && <Tag>{e.column}</Tag>}
          <span>{e.columnName}</span>
        </Space>
      ),
    },
    { title: t('import.col.message'), dataIndex: 'message' },
  ];

  const body = () => {
    if (stage === 'upload')
      return (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t(`import.templateHint.${kind}`)} />
          <Button icon={<DownloadOutlined />} href={importApi.templateUrl(kind)} download data-testid="import-template">
            {t('import.downloadTemplate')}
          </Button>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setError(null);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              {file ? <FileExcelOutlined style={{ color: '#1d6f42' }} /> : <InboxOutlined />}
            </p>
            <p className="ant-upload-text">{file ? file.name : t('import.dropHint')}</p>
            <p className="ant-upload-hint">{t('import.dropSub')}</p>
          </Upload.Dragger>
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      );
    if (stage === 'checking' || stage === 'importing')
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          {stage === 'importing' && <Alert type="warning" showIcon title={t('import.importing')} />}
          <ProgressLine job={job} />
        </Space>
      );
    if (stage === 'checked' && check) {
      if (check.status === 'failed')
        return <Alert type="error" showIcon title={t('import.failed')} description={check.message} />;
      return (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('import.file', { name: check.fileName })}</Typography.Text>
          <Counts job={check} preview />
          {check.errorCount === 0 ? (
            <Alert type="success" showIcon title={t('import.allValid', { n: check.counts.rows })} />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={t('import.hasErrors', { n: check.errorCount, valid: check.counts.valid })}
            />
          )}
          {check.errors.length > 0 && (
            <Table<ImportRowError>
              size="small"
              rowKey={(e) => `${e.row}-${e.column}`}
              columns={columns}
              dataSource={check.errors}
              pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
              data-testid="import-errors"
              footer={
                check.errorCount > check.errors.length
                  ? () => t('import.moreErrors', { shown: check.errors.length, n: check.errorCount })
                  : undefined
              }
            />
          )}
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      );
    }
    if (stage === 'result' && job) {
      if (job.status === 'done')
        return (
          <Result
            status="success"
            title={t('import.done')}
            subTitle={t('import.doneDesc', {
              created: job.counts.created,
              updated: job.counts.updated,
              unchanged: job.counts.unchanged,
            })}
            extra={<Counts job={job} preview={false} />}
          />
        );
      return (
        <Result
          status={job.status === 'refused' ? 'warning' : 'error'}
          title={job.status === 'refused' ? t('import.refused') : t('import.failed')}
          subTitle={job.message}
        />
      );
    }
    return null;
  };

  const footer = () => {
    if (stage === 'upload')
      return [
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button key="check" type="primary" disabled={!file} onClick={() => start('dry_run')}>
          {t('import.check')}
        </Button>,
      ];
    if (stage === 'checked' && check) {
      const changes = check.counts.created + check.counts.updated;
      const allDisabled = check.status !== 'done' || check.errorCount > 0 || changes === 0;
      return [
        <Button key="again" onClick={reset}>
          {t('import.reupload')}
        </Button>,
        check.status === 'done' && check.errorCount > 0 && (
          <Popconfirm
            key="valid"
            title={t('import.importValidConfirm', { valid: check.counts.valid, invalid: check.errorCount })}
            onConfirm={() => start('valid_only')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            disabled={changes === 0}
          >
            <Button disabled={changes === 0}>{t('import.importValid')}</Button>
          </Popconfirm>
        ),
        <Tooltip
          key="all"
          title={
            check.errorCount > 0
              ? t('import.importAllDisabled')
              : changes === 0
                ? t('import.nothingToWrite')
                : undefined
          }
        >
          <Button type="primary" disabled={allDisabled} onClick={() => start('all')}>
            {t('import.importAll')}
          </Button>
        </Tooltip>,
      ];
    }
    if (stage === 'result')
      return [
        <Button key="close" type="primary" onClick={close}>
          {t('common.close')}
        </Button>,
      ];
    return null;
  };

  return (
    <Modal
      open={open}
      title={t(`import.title.${kind}`)}
      width={880}
      onCancel={close}
      maskClosable={false}
      closable={stage !== 'checking' && stage !== 'importing'}
      footer={footer()}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={STEP_OF[stage]}
        style={{ margin: '8px 0 24px' }}
        items={[
          { title: t('import.stepUpload') },
          { title: t('import.stepCheck') },
          { title: t('import.stepImport') },
          { title: t('import.stepResult') },
        ]}
      />
      {body()}
    </Modal>
  );
}
