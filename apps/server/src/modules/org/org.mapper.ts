import type { Org, OrgDomain, OrgTreeNode, OrgType } from '@red-engine/shared';
import type { OrgRow } from './org.repository.js';

export function toOrgDto(row: OrgRow, childCount?: number): Org {
  return {
    id: row.id,
    parentId: row.parentId,
    path: row.path,
    depth: row.depth,
    type: row.type as OrgType,
    domain: (row.domain as OrgDomain | null) ?? null,
    name: row.name,
    shortName: row.shortName,
    code: row.code,
    status: row.status === 'dissolved' ? 'dissolved' : 'active',
    sortOrder: row.sortOrder,
    ...(childCount !== undefined ? { childCount } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTreeNode(row: OrgRow, childCount: number): OrgTreeNode {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    shortName: row.shortName,
    type: row.type as OrgType,
    domain: (row.domain as OrgDomain | null) ?? null,
    status: row.status === 'dissolved' ? 'dissolved' : 'active',
    childCount,
  };
}

/** The fields an audit event keeps of an organization. */
export const orgAuditView = (row: OrgRow) => ({
  name: row.name,
  shortName: row.shortName,
  code: row.code,
  type: row.type,
  domain: row.domain,
  parentId: row.parentId,
  status: row.status,
  sortOrder: row.sortOrder,
});
