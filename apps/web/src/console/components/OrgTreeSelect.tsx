import type { OrgType } from '@red-engine/shared';
import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { type OrgDataNode, useOrgTree } from '../features/orgs/useOrgTree';

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
  /** Only organizations of these types can be picked (the others stay expandable), e.g. branches for members. */
  onlyTypes?: readonly OrgType[];
}

type PickableNode = OrgDataNode & { selectable?: boolean; children?: PickableNode[] };

function restrict(nodes: OrgDataNode[], types: readonly OrgType[]): PickableNode[] {
  return nodes.map((n) => ({
    ...n,
    selectable: types.includes(n.org.type),
    children: n.children ? restrict(n.children, types) : undefined,
  }));
}

/**
 * Organization picker over the lazily loaded tree. Values carry their label ({value, label}) so an
 * organization deep in the tree shows its name before its branch has been expanded.
 */
export function OrgTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear,
  id,
  style,
  onlyTypes,
  ...rest
}: OrgTreeSelectProps) {
  const { t } = useI18n();
  const { treeData: allNodes, loadData, loading, roots } = useOrgTree();
  const treeData = useMemo(() => (onlyTypes ? restrict(allNodes, onlyTypes) : allNodes), [allNodes, onlyTypes]);
  // A restricted picker opens with the roots expanded: the pickable organizations sit below them.
  const [expanded, setExpanded] = useState<(string | number)[] | null>(null);
  const expandedKeys = expanded ?? (onlyTypes ? (roots ?? []).map((r) => r.id) : []);
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
      treeExpandedKeys={expandedKeys}
      onTreeExpand={(keys) => setExpanded(keys)}
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
