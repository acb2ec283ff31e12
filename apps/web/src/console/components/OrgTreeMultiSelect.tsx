import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../lib/i18n';
import { useOrgTree } from '../features/orgs/useOrgTree';
import type { OrgOption } from './OrgTreeSelect';

interface OrgTreeMultiSelectProps {
  value?: OrgOption[];
  onChange?: (value: OrgOption[]) => void;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

/** Several organizations over the lazily loaded tree (学习资料 or 学习计划 for chosen organizations). */
export function OrgTreeMultiSelect({ value, onChange, placeholder, id, style, ...rest }: OrgTreeMultiSelectProps) {
  const { t } = useI18n();
  const { treeData, loadData, loading } = useOrgTree();
  return (
    <TreeSelect<OrgOption[]>
      id={id}
      aria-label={rest['aria-label']}
      style={{ minWidth: 280, ...style }}
      multiple
      labelInValue
      treeCheckable={false}
      value={value ?? []}
      onChange={(vs) =>
        onChange?.(
          (vs ?? []).map((v) => ({ value: v.value, label: typeof v.label === 'string' ? v.label : undefined })),
        )
      }
      treeData={treeData}
      loadData={loadData}
      loading={loading}
      placeholder={placeholder ?? t('org.pick')}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      maxTagCount="responsive"
      styles={{ popup: { root: { maxHeight: 420, minWidth: 300 } } }}
    />
  );
}
