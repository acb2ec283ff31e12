import { ApartmentOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Spin, Tree } from 'antd';
import type { Key } from 'react';
import { useI18n } from '../../../lib/i18n';
import { OrgTypeTag } from './OrgTypeTag';
import type { OrgDataNode, useOrgTree } from './useOrgTree';

interface OrgTreePanelProps {
  tree: ReturnType<typeof useOrgTree>;
  selectedId: string | undefined;
  expandedKeys: Key[];
  onExpand: (keys: Key[]) => void;
  onSelect: (id: string) => void;
}

/** Left side of 组织管理: the lazily loaded organization tree. */
export function OrgTreePanel({ tree, selectedId, expandedKeys, onExpand, onSelect }: OrgTreePanelProps) {
  const { t } = useI18n();
  return (
    <Card
      title={
        <span>
          <ApartmentOutlined /> {t('org.tree')}
        </span>
      }
      extra={
        <Button
          type="text"
          size="small"
          icon={<ReloadOutlined />}
          aria-label={t('common.refresh')}
          onClick={() => void tree.refresh([])}
        />
      }
      className="re-tree-card"
    >
      {tree.loading ? (
        <div className="re-center">
          <Spin />
        </div>
      ) : tree.treeData.length === 0 ? (
        <Empty description={t('org.treeEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Tree<OrgDataNode>
          className="re-org-tree"
          blockNode
          treeData={tree.treeData}
          loadData={(node) => tree.loadData(node)}
          expandedKeys={expandedKeys}
          onExpand={(keys) => onExpand(keys)}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => {
            const k = keys[0];
            if (k !== undefined) onSelect(String(k));
          }}
          titleRender={(node) => (
            <span className="re-tree-node" title={node.org.name}>
              <span className="re-tree-name">{node.org.shortName ?? node.org.name}</span>
              <OrgTypeTag type={node.org.type} small />
            </span>
          )}
        />
      )}
    </Card>
  );
}
