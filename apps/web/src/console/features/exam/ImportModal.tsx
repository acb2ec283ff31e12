import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { BankImportReport } from '@red-engine/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { examApi, examKeys } from './api';

/** 导入试题: template → upload → check (dry run, every bad row with row/column/problem) → import all or nothing. */
export function ImportModal({ bankId, open, onClose }: { bankId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<BankImportReport | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => examApi.importFile(bankId, file!, dryRun),
    onSuccess: (r) => {
      setReport(r);
      if (r.committed) queryClient.invalidateQueries({ queryKey: examKeys.all });
    },
    onError: reportError,
  });
  const close = () => {
    setFile(null);
    setReport(null);
    onClose();
  };
  const checkedOk = report?.dryRun && report.issues.length === 0;
  return (
    <Modal
      open={open}
      title={t('exam.import.title')}
      width={720}
      onCancel={close}
      destroyOnHidden
      footer={
        report?.committed ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <Space>
            <Button disabled={!file} loading={run.isPending && run.variables === true} onClick={() => run.mutate(true)}>
              {t('exam.import.check')}
            </Button>
            <Button
              type="primary"
              disabled={!checkedOk}
              loading={run.isPending && run.variables === false}
              onClick={() => run.mutate(false)}
            >
              {t('exam.import.commit')}
            </Button>
          </Space>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('exam.import.hint')}</Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href={examApi.templateUrl()}>
          {t('exam.import.template')}
        </Button>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? file.name : t('exam.import.choose')}</p>
        </Upload.Dragger>
        {report && (
          <Alert
            showIcon
            type={report.committed || checkedOk ? 'success' : 'error'}
            message={
              report.committed
                ? t('exam.import.done', { created: report.created, unchanged: report.unchanged })
                : checkedOk
                  ? t('exam.import.ok')
                  : t('exam.import.bad')
            }
            description={t('exam.import.summary', {
              rows: report.rows,
              created: report.created,
              unchanged: report.unchanged,
              issues: report.issues.length,
            })}
          />
        )}
        {report && report.issues.length > 0 && (
          <Table
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={report.issues}
            pagination={{ pageSize: 8 }}
            columns={[
              { title: t('exam.import.row'), dataIndex: 'row', width: 60 },
              { title: t('exam.import.column'), dataIndex: 'column', width: 60 },
              { title: t('exam.import.message'), dataIndex: 'message' },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
