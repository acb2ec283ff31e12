import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../lib/i18n';
import { useOrgTree } from '../features/orgs/useOrgTree';

export interface OrgOption {
  value: string;
  label?: string;
}

interface OrgTreeSelectProps {
  value?: OrgOption | null;
  onChange?: (value: OrgOption | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

/**
 * Organization picker over the lazily loaded tree. Values carry their label ({value, label}) so an
 * organization deep in the tree shows its name before its branch has been expanded.
 */
export function OrgTreeSelect({ value, onChange, placeholder, allowClear, id, style, ...rest }: OrgTreeSelectProps) {
  const { t } = useI18n();
  const { treeData, loadData, loading } = useOrgTree();
  return (
    <TreeSelect<OrgOption>
      id={id}
      aria-label={rest['aria-label']}
      style={{ minWidth: 220, ...style }}
      labelInValue
      value={value ?? undefined}
      onChange={(v) =>
        onChange?.(v ? { value: v.value, label: typeof v.label === 'string' ? v.label : undefined } : undefined)
      }
      treeData={treeData}
      loadData={loadData}
      loading={loading}
      placeholder={placeholder ?? t('org.pick')}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, minWidth: 300 } } }}
    />
  );
}
