import {
  brandTheme,
  type Org,
  type OrgDomain,
  type OrgTreeNode,
  type OrgType,
  type UnitSituation,
} from '@red-engine/shared';
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
    foundedOn: row.foundedOn,
    foundingDocNo: row.foundingDocNo,
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    unitSituation: (row.unitSituation as UnitSituation | null) ?? null,
    secretaryName: row.secretaryName,
    projectName: row.projectName,
    temporaryUntil: row.temporaryUntil,
    projectEndedOn: row.projectEndedOn,
    parentApprovedBy: row.parentApprovedBy,
    dissolvedOn: row.dissolvedOn,
    dissolvedReason: row.dissolvedReason,
    brandTheme: brandTheme(row.domain as OrgDomain | null),
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
  path: row.path,
  foundedOn: row.foundedOn,
  foundingDocNo: row.foundingDocNo,
  address: row.address,
  longitude: row.longitude,
  latitude: row.latitude,
  contactPerson: row.contactPerson,
  contactPhone: row.contactPhone,
  unitSituation: row.unitSituation,
  secretaryName: row.secretaryName,
  projectName: row.projectName,
  temporaryUntil: row.temporaryUntil,
  projectEndedOn: row.projectEndedOn,
  parentApprovedBy: row.parentApprovedBy,
  dissolvedOn: row.dissolvedOn,
  dissolvedReason: row.dissolvedReason,
});

/** Columns of the organization record an update may set (all but name/code/domain/sortOrder handled alike). */
export const ORG_DETAIL_KEYS = [
  'foundedOn',
  'foundingDocNo',
  'address',
  'longitude',
  'latitude',
  'contactPerson',
  'contactPhone',
  'unitSituation',
  'secretaryName',
  'projectName',
  'temporaryUntil',
  'parentApprovedBy',
] as const;
