import type { Unit } from '@red-engine/shared';
import type { UnitLink, UnitRow } from './unit.repository.js';

export function toUnitDto(row: UnitRow, ownerName: string, links: UnitLink[]): Unit {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    kind: row.kind as Unit['kind'],
    industry: row.industry,
    economicType: row.economicType as Unit['economicType'],
    enterpriseScale: row.enterpriseScale as Unit['enterpriseScale'],
    aboveDesignatedSize: row.aboveDesignatedSize,
    employees: row.employees,
    employeesUnder35: row.employeesUnder35,
    legalRepIsMember: row.legalRepIsMember,
    address: row.address,
    ownerOrgId: row.ownerOrgId,
    ownerOrgName: ownerName,
    partyOrgEstablished: links.some((l) => l.status === 'active'),
    orgs: links.map((l) => ({
      id: l.id,
      name: l.name,
      type: l.type as Unit['orgs'][number]['type'],
      status: l.status === 'dissolved' ? 'dissolved' : 'active',
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What an audit event keeps of a unit. */
export const unitAuditView = (row: UnitRow) => ({
  name: row.name,
  creditCode: row.creditCode,
  kind: row.kind,
  industry: row.industry,
  economicType: row.economicType,
  enterpriseScale: row.enterpriseScale,
  aboveDesignatedSize: row.aboveDesignatedSize,
  employees: row.employees,
  employeesUnder35: row.employeesUnder35,
  legalRepIsMember: row.legalRepIsMember,
  address: row.address,
  ownerOrgId: row.ownerOrgId,
});
