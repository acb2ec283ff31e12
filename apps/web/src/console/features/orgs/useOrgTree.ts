import type { OrgTreeNode } from '@red-engine/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { reportError } from '../../../lib/errors';
import { orgApi, orgKeys } from './api';

/** One node for antd Tree (key) and TreeSelect (value) alike. */
export interface OrgDataNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  org: OrgTreeNode;
  children?: OrgDataNode[];
}

/**
 * The organization tree, loaded lazily: roots of the user's scope first (GET /orgs/tree),
 * then each node's children when it is expanded (GET /orgs/tree?parentId=).
 */
export function useOrgTree(enabled = true) {
  const qc = useQueryClient();
  const [children, setChildren] = useState<Record<string, OrgTreeNode[]>>({});
  const roots = useQuery({ queryKey: orgKeys.tree(), queryFn: () => orgApi.tree(), enabled });

  const loadChildren = useCallback(
    async (parentId: string) => {
      try {
        const list = await qc.fetchQuery({
          queryKey: orgKeys.tree(parentId),
          queryFn: () => orgApi.tree(parentId),
          staleTime: 0,
        });
        setChildren((prev) => ({ ...prev, [parentId]: list }));
      } catch (e) {
        reportError(e);
      }
    },
    [qc],
  );

  const treeData = useMemo(() => {
    const build = (list: OrgTreeNode[], seen: Set<string>): OrgDataNode[] =>
      list
        .filter((n) => !seen.has(n.id))
        .map((n) => {
          const loaded = children[n.id];
          return {
            key: n.id,
            value: n.id,
            title: n.name,
            isLeaf: n.childCount === 0,
            org: n,
            children: loaded ? build(loaded, new Set([...seen, n.id])) : undefined,
          };
        });
    return build(roots.data ?? [], new Set());
  }, [roots.data, children]);

  const findNode = useCallback(
    (id: string): OrgTreeNode | undefined => {
      const all = [...(roots.data ?? []), ...Object.values(children).flat()];
      return all.find((n) => n.id === id);
    },
    [roots.data, children],
  );

  /** After a create/edit: reload the given parents' children (and the roots) so names and counts are fresh. */
  const refresh = useCallback(
    async (ids: (string | null | undefined)[]) => {
      await roots.refetch();
      await Promise.all(ids.filter((id): id is string => Boolean(id)).map((id) => loadChildren(id)));
    },
    [roots, loadChildren],
  );

  const loadData = useCallback(
    (node: { key?: unknown; value?: unknown }) => loadChildren(String(node.key ?? node.value)),
    [loadChildren],
  );

  return {
    treeData,
    roots: roots.data,
    loading: roots.isPending,
    isError: roots.isError,
    loadData,
    findNode,
    refresh,
  };
}
