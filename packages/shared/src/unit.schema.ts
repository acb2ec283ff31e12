import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import { OrgStatusSchema, OrgTypeSchema } from './org.schema.js';

/** 单位性质类别, grouped as the zone counts them. */
export const UNIT_KINDS = [
  'enterprise',
  'agency',
  'public_institution',
  'village',
  'community',
  'social_organization',
] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS).describe('企业 / 机关 / 事业单位 / 村(嘎查) / 社区 / 社会组织');
export type UnitKind = z.infer<typeof UnitKindSchema>;

/** 经济类型 (simplified from the national statistics classification). */
export const ECONOMIC_TYPES = [
  'state_owned',
  'collective',
  'private',
  'limited_liability',
  'joint_stock',
  'foreign_invested',
  'hmt_invested',
  'other',
] as const;
export const EconomicTypeSchema = z
  .enum(ECONOMIC_TYPES)
  .describe('国有 / 集体 / 私营 / 有限责任 / 股份有限 / 外商投资 / 港澳台投资 / 其他');

/** 企业规模 */
export const ENTERPRISE_SCALES = ['large', 'medium', 'small', 'micro'] as const;
export const EnterpriseScaleSchema = z.enum(ENTERPRISE_SCALES).describe('大型 / 中型 / 小型 / 微型');

export const CreditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  .describe('统一社会信用代码: 18 characters, GB 32100 check character');

export const UnitOrgLinkSchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: OrgTypeSchema,
  status: OrgStatusSchema,
});

export const UnitSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    creditCode: z.string().nullable(),
    kind: UnitKindSchema,
    industry: z.string().nullable(),
    economicType: EconomicTypeSchema.nullable(),
    enterpriseScale: EnterpriseScaleSchema.nullable(),
    aboveDesignatedSize: z.boolean().describe('规模以上'),
    employees: z.number().int().nullable().describe('在岗职工数'),
    employeesUnder35: z.number().int().nullable().describe('35岁以下职工数'),
    legalRepIsMember: z.boolean().describe('法定代表人是否党员'),
    address: z.string().nullable(),
    ownerOrgId: IdSchema.describe('The organization that manages this record (归口)'),
    ownerOrgName: z.string(),
    partyOrgEstablished: z.boolean().describe('建立党组织情况: derived, true when an active organization sits in it'),
    orgs: z.array(UnitOrgLinkSchema).describe('Party organizations that sit in this unit'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof UnitSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const headcount = z.number().int().min(0).max(10_000_000);

export const CreateUnitBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(100),
  creditCode: CreditCodeSchema.optional(),
  kind: UnitKindSchema,
  industry: text(60).optional().describe('行业'),
  economicType: EconomicTypeSchema.optional(),
  enterpriseScale: EnterpriseScaleSchema.optional(),
  aboveDesignatedSize: z.boolean().default(false),
  employees: headcount.optional(),
  employeesUnder35: headcount.optional(),
  legalRepIsMember: z.boolean().default(false),
  address: text(200).optional(),
  ownerOrgId: IdSchema.describe('Managing organization; must be inside your scope'),
});
export type CreateUnitBody = z.infer<typeof CreateUnitBodySchema>;

export const UpdateUnitBodySchema = z.strictObject({
  name: CreateUnitBodySchema.shape.name.optional(),
  creditCode: CreditCodeSchema.nullable().optional(),
  kind: UnitKindSchema.optional(),
  industry: text(60).nullable().optional(),
  economicType: EconomicTypeSchema.nullable().optional(),
  enterpriseScale: EnterpriseScaleSchema.nullable().optional(),
  aboveDesignatedSize: z.boolean().optional(),
  employees: headcount.nullable().optional(),
  employeesUnder35: headcount.nullable().optional(),
  legalRepIsMember: z.boolean().optional(),
  address: text(200).nullable().optional(),
  ownerOrgId: IdSchema.optional(),
});
export type UpdateUnitBody = z.infer<typeof UpdateUnitBodySchema>;

const flag = z.enum(['true', 'false']);

export const ListUnitsQuerySchema = PageQuerySchema.extend({
  keyword: z.string().trim().max(100).optional().describe('Name or credit code'),
  kind: UnitKindSchema.optional(),
  aboveSize: flag.optional().describe('规模以上: true / false'),
  covered: flag.optional().describe('Has an active party organization: true / false'),
  orgId: IdSchema.optional().describe('Units managed by or linked to this organization and its subtree'),
});
export type ListUnitsQuery = z.infer<typeof ListUnitsQuerySchema>;

const Coverage = z.object({
  total: z.number().int(),
  covered: z.number().int(),
  rate: z.number().describe('covered / total, 0 when there are no units'),
});

export const UnitCoverageSchema = z
  .object({
    ...Coverage.shape,
    byKind: z.record(z.string(), Coverage),
    aboveSize: Coverage.describe('规模以上 units only'),
  })
  .meta({ id: 'UnitCoverage' });
export type UnitCoverage = z.infer<typeof UnitCoverageSchema>;

export const SetOrgUnitsBodySchema = z.strictObject({
  unitIds: z.array(IdSchema).max(20).describe('The units the organization sits in (a joint branch: at most 5)'),
});
export type SetOrgUnitsBody = z.infer<typeof SetOrgUnitsBodySchema>;
