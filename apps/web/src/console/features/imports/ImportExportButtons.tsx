import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportKind, Permission } from '@red-engine/shared';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { QueryParams } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { useAccess } from '../../app/access';
import { importApi } from './api';
import { ImportWizard } from './ImportWizard';

const PERMS: Record<ImportKind, { import: Permission; export: Permission }> = {
  members: { import: 'member:import', export: 'member:export' },
  organizations: { import: 'org:import', export: 'org:export' },
};

/**
 * 导入 / 导出 for a list page: the import wizard, and a download of the list's current scope and filters in the
 * template's columns (ID numbers and phones masked). Shown only to those who hold the permission.
 */
export function ImportExportButtons({
  kind,
  exportParams,
  orgId,
  invalidate,
}: {
  kind: ImportKind;
  /** The list's filters, applied to the export. */
  exportParams: QueryParams;
  /** Limit an import to this organization's subtree. */
  orgId?: string | undefined;
  /** Query keys to refresh after an import wrote records. */
  invalidate: readonly unknown[];
}) {
  const { t } = useI18n();
  const { can } = useAccess();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const canImport = can(PERMS[kind].import);
  const canExport = can(PERMS[kind].export);
  if (!canImport && !canExport) return null;
  return (
    <Space>
      {canImport && (
        <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid={`import-${kind}`}>
          {t('import.button')}
        </Button>
      )}
      {canExport && (
        <Button
          icon={<DownloadOutlined />}
          href={importApi.exportUrl(kind, exportParams)}
          download
          onClick={() => message.info(t('export.started'))}
          data-testid={`export-${kind}`}
        >
          {t('export.button')}
        </Button>
      )}
      {canImport && (
        <ImportWizard
          kind={kind}
          open={open}
          orgId={orgId}
          onClose={() => setOpen(false)}
          onImported={() => qc.invalidateQueries({ queryKey: invalidate })}
        />
      )}
    </Space>
  );
}
