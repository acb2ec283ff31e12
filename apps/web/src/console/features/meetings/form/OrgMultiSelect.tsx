import type { OrgType } from '@red-engine/shared';
import { TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgOption } from '../../../components/OrgTreeSelect';
import { type OrgDataNode, useOrgTree } from '../../orgs/useOrgTree';

type PickableNode = OrgDataNode & { selectable?: boolean; disableCheckbox?: boolean; children?: PickableNode[] };

function restrict(nodes: OrgDataNode[], types: readonly OrgType[]): PickableNode[] {
  return nodes.map((n) => ({
    ...n,
    selectable: types.includes(n.org.type),
    disableCheckbox: !types.includes(n.org.type),
    children: n.children ? restrict(n.children, types) : undefined,
  }));
}

/**
 * Several organizations from the lazily loaded tree (like OrgTreeSelect, which picks one). Values carry
 * their names so organizations deep in the tree read well before their branch has been expanded.
 */
export function OrgMultiSelect({
  value,
  onChange,
  id,
  placeholder,
  onlyTypes,
  disabled,
  'aria-label': ariaLabel,
}: {
  disabled?: boolean;
  value?: OrgOption[];
  onChange?: (v: OrgOption[]) => void;
  id?: string;
  placeholder?: string;
  onlyTypes?: readonly OrgType[];
  'aria-label'?: string;
}) {
  const { treeData: all, loadData, loading, roots } = useOrgTree();
  const treeData = useMemo(() => (onlyTypes ? restrict(all, onlyTypes) : all), [all, onlyTypes]);
  const [expanded, setExpanded] = useState<(string | number)[] | null>(null);
  const expandedKeys = expanded ?? (onlyTypes ? (roots ?? []).map((r) => r.id) : []);
  return (
    <TreeSelect<OrgOption[]>
      id={id}
      aria-label={ariaLabel}
      disabled={disabled}
      multiple
      treeCheckable={false}
      labelInValue
      value={value ?? []}
      onChange={(v) =>
        onChange?.(
          (v ?? []).map((o) => ({ value: String(o.value), label: typeof o.label === 'string' ? o.label : undefined })),
        )
      }
      treeData={treeData}
      loadData={loadData}
      treeExpandedKeys={expandedKeys}
      onTreeExpand={(keys) => setExpanded(keys)}
      loading={loading}
      placeholder={placeholder}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, minWidth: 320 } } }}
      style={{ width: '100%' }}
    />
  );
}
