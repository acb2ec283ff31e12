import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import { IsoDateSchema } from './member.schema.js';

export const ORG_TYPES = [
  'work_committee',
  'party_committee',
  'general_branch',
  'branch',
  'joint_branch',
  'temporary_branch',
  'party_group',
] as const;
export const OrgTypeSchema = z.enum(ORG_TYPES).describe('Organization type');
export type OrgType = z.infer<typeof OrgTypeSchema>;

export const ORG_DOMAINS = [
  'government',
  'private_enterprise',
  'state_enterprise',
  'social_organization',
  'village',
  'community',
] as const;
export const OrgDomainSchema = z.enum(ORG_DOMAINS).describe('Domain (领域)');
export type OrgDomain = z.infer<typeof OrgDomainSchema>;

export const ORG_STATUSES = ['active', 'dissolved'] as const;
export const OrgStatusSchema = z.enum(ORG_STATUSES);

/** 党组织所在单位情况: 与上级党组织相同 / 法人单位 / 联合党支部 (national 2017 collection form, item 6). */
export const UNIT_SITUATIONS = ['same_as_parent', 'legal_entity', 'joint'] as const;
export const UnitSituationSchema = z
  .enum(UNIT_SITUATIONS)
  .describe('党组织所在单位情况: same_as_parent 与上级党组织相同 / legal_entity 法人单位 / joint 联合党支部');
export type UnitSituation = z.infer<typeof UnitSituationSchema>;

/** Which organization types may sit directly under which. */
export const ALLOWED_CHILD_TYPES: Record<OrgType, readonly OrgType[]> = {
  work_committee: ['party_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch'],
  party_committee: ['general_branch', 'branch', 'joint_branch', 'temporary_branch'],
  general_branch: ['branch', 'joint_branch', 'temporary_branch'],
  branch: ['party_group'],
  joint_branch: ['party_group'],
  temporary_branch: ['party_group'],
  party_group: [],
};

export const OrgSchema = z
  .object({
    id: IdSchema,
    parentId: IdSchema.nullable(),
    path: z.string().describe('Materialized path of ancestor ids'),
    depth: z.number().int(),
    type: OrgTypeSchema,
    domain: OrgDomainSchema.nullable(),
    name: z.string(),
    shortName: z.string().nullable(),
    code: z.string().nullable().describe('National organization code (组织编码)'),
    status: OrgStatusSchema,
    sortOrder: z.number().int(),
    foundedOn: z.string().nullable().describe('建立日期'),
    foundingDocNo: z.string().nullable().describe('建立文号'),
    address: z.string().nullable(),
    longitude: z.number().nullable(),
    latitude: z.number().nullable(),
    contactPerson: z.string().nullable().describe('党组织联系人'),
    contactPhone: z.string().nullable(),
    unitSituation: UnitSituationSchema.nullable(),
    secretaryName: z.string().nullable().describe('书记 (as recorded on the organization)'),
    projectName: z.string().nullable().describe('Temporary branches: the project it is bound to'),
    temporaryUntil: z.string().nullable().describe('Temporary branches: planned end of the project'),
    projectEndedOn: z.string().nullable().describe('Temporary branches: actual end of the project (项目结束)'),
    parentApprovedBy: IdSchema.nullable().describe('Temporary branches: the organization that approved it (批准组织)'),
    dissolvedOn: z.string().nullable(),
    dissolvedReason: z.string().nullable(),
    brandTheme: z.string().nullable().describe('党建品牌, derived from the domain'),
    childCount: z.number().int().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organization' });
export type Org = z.infer<typeof OrgSchema>;

const nameField = z.string().trim().min(2).max(100).describe('Full name (全称), 2–100 characters');

export const ContactPhoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/)
  .describe('Mobile or landline, e.g. 0477-6201234');

export const LongitudeSchema = z.number().min(-180).max(180).describe('经度 (WGS 84)');
export const LatitudeSchema = z.number().min(-90).max(90).describe('纬度 (WGS 84)');
const detailText = (max: number) => z.string().trim().min(1).max(max);

/** The national organization record fields beyond name and type, all optional. */
function orgDetailFields() {
  return {
    foundedOn: IsoDateSchema.optional().describe('建立日期'),
    foundingDocNo: detailText(100).optional().describe('建立文号, e.g. 鄂开工委发〔2016〕12号'),
    address: detailText(200).optional(),
    longitude: LongitudeSchema.optional(),
    latitude: LatitudeSchema.optional(),
    contactPerson: detailText(50).optional().describe('党组织联系人'),
    contactPhone: ContactPhoneSchema.optional(),
    unitSituation: UnitSituationSchema.optional(),
    secretaryName: detailText(50).optional().describe('书记'),
    projectName: detailText(100).optional().describe('Temporary branches only: the project (工程/项目) it is bound to'),
    temporaryUntil: IsoDateSchema.optional().describe('Temporary branches only: planned end of the project'),
    parentApprovedBy: IdSchema.optional().describe(
      'Temporary branches only: the superior organization (an ancestor) that approved it and appoints its secretary',
    ),
  };
}

export const CreateOrgBodySchema = z.strictObject({
  parentId: IdSchema.describe('Parent organization'),
  type: OrgTypeSchema,
  domain: OrgDomainSchema.optional(),
  name: nameField,
  shortName: z.string().trim().min(1).max(40).optional().describe('Short name (简称)'),
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{4,32}$/)
    .optional()
    .describe('National organization code, 4–32 letters or digits'),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  ...orgDetailFields(),
});
export type CreateOrgBody = z.infer<typeof CreateOrgBodySchema>;

/** An update names only what changes; optional fields are cleared with null. */
export const UpdateOrgBodySchema = z.strictObject({
  domain: OrgDomainSchema.optional(),
  name: nameField.optional(),
  shortName: CreateOrgBodySchema.shape.shortName.unwrap().nullable().optional(),
  code: CreateOrgBodySchema.shape.code.unwrap().nullable().optional(),
  sortOrder: CreateOrgBodySchema.shape.sortOrder,
  foundedOn: IsoDateSchema.nullable().optional(),
  foundingDocNo: detailText(100).nullable().optional(),
  address: detailText(200).nullable().optional(),
  longitude: LongitudeSchema.nullable().optional(),
  latitude: LatitudeSchema.nullable().optional(),
  contactPerson: detailText(50).nullable().optional(),
  contactPhone: ContactPhoneSchema.nullable().optional(),
  unitSituation: UnitSituationSchema.nullable().optional(),
  secretaryName: detailText(50).nullable().optional(),
  projectName: detailText(100).nullable().optional(),
  temporaryUntil: IsoDateSchema.nullable().optional(),
  parentApprovedBy: IdSchema.nullable().optional(),
});
export type UpdateOrgBody = z.infer<typeof UpdateOrgBodySchema>;

export const ListOrgsQuerySchema = PageQuerySchema.extend({
  parentId: IdSchema.optional().describe('Only direct children of this organization'),
  withinId: IdSchema.optional().describe('Only this organization and its subtree'),
  type: OrgTypeSchema.optional(),
  domain: OrgDomainSchema.optional(),
  keyword: z.string().trim().max(100).optional().describe('Matches name, short name or code'),
  status: OrgStatusSchema.optional(),
});
export type ListOrgsQuery = z.infer<typeof ListOrgsQuerySchema>;

export const OrgTreeNodeSchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: OrgTypeSchema,
  domain: OrgDomainSchema.nullable(),
  status: OrgStatusSchema,
  childCount: z.number().int(),
});
export type OrgTreeNode = z.infer<typeof OrgTreeNodeSchema>;

export const OrgTreeQuerySchema = z.object({
  parentId: IdSchema.optional().describe('Children of this node; omit for the roots of your scope'),
});

// ── Restructuring (调整): move, merge, dissolve, each with a preview ─────────────────────────────────────────

export const MoveOrgBodySchema = z.strictObject({
  newParentId: IdSchema.describe('The new parent organization'),
});
export type MoveOrgBody = z.infer<typeof MoveOrgBodySchema>;

export const MergeOrgBodySchema = z.strictObject({
  intoId: IdSchema.describe('The organization that takes over the children and members'),
  effectiveDate: IsoDateSchema.optional().describe('Date of the members’ moves and of the dissolution; default today'),
  reason: z.string().trim().min(1).max(500).optional(),
});
export type MergeOrgBody = z.infer<typeof MergeOrgBodySchema>;

export const DissolveOrgBodySchema = z.strictObject({
  date: IsoDateSchema.describe('撤销日期'),
  reason: z.string().trim().min(1).max(500).describe('撤销原因'),
});
export type DissolveOrgBody = z.infer<typeof DissolveOrgBodySchema>;

/** 拆分: new sibling organizations under the same parent, and which members and sub-organizations go to each. */
export const SplitOrgBodySchema = z.strictObject({
  newOrgs: z
    .array(
      z.strictObject({
        name: nameField,
        shortName: CreateOrgBodySchema.shape.shortName,
        type: OrgTypeSchema.describe('A type allowed under the parent'),
        code: CreateOrgBodySchema.shape.code,
      }),
    )
    .min(1)
    .max(10)
    .describe('The organizations to set up beside this one (1–10)'),
  members: z
    .array(z.strictObject({ memberId: IdSchema, to: z.number().int().min(0).max(9).describe('Index in newOrgs') }))
    .max(5000)
    .optional()
    .describe('Members of this organization moving to a new one, each with a dated "moved" event'),
  children: z
    .array(z.strictObject({ orgId: IdSchema, to: z.number().int().min(0).max(9).describe('Index in newOrgs') }))
    .max(500)
    .optional()
    .describe('Direct sub-organizations moving, with their whole subtree'),
  effectiveDate: IsoDateSchema.optional().describe(
    'Date of the members’ moves and of the new organizations; default today',
  ),
  reason: z.string().trim().min(1).max(500).optional(),
  dissolveSource: z
    .boolean()
    .optional()
    .describe('Dissolve this organization afterwards (一分为多): every member and sub-organization must be placed'),
});
export type SplitOrgBody = z.infer<typeof SplitOrgBodySchema>;

/** 项目结束: the temporary branch's project has ended; the branch dissolves and its members return home. */
export const EndProjectBodySchema = z.strictObject({
  endedOn: IsoDateSchema.describe('项目结束日期 (not later than today)'),
  reason: z.string().trim().min(1).max(500).optional(),
  returnToId: IdSchema.optional().describe(
    'Branch for members with no recorded home branch (they were registered directly in the temporary branch)',
  ),
});
export type EndProjectBody = z.infer<typeof EndProjectBodySchema>;

const OrgRefSchema = z.object({ id: IdSchema, name: z.string(), type: OrgTypeSchema });

export const RESTRUCTURE_ACTIONS = ['move', 'merge', 'split', 'dissolve', 'project_end'] as const;

export const RestructurePreviewSchema = z
  .object({
    action: z.enum(RESTRUCTURE_ACTIONS),
    org: OrgRefSchema,
    target: OrgRefSchema.nullable().describe('New parent (move) or receiving organization (merge)'),
    organizationsMoved: z.number().int().describe('Organizations whose path changes (the subtree, or the children)'),
    pathChanges: z
      .array(z.object({ id: IdSchema, name: z.string(), from: z.string(), to: z.string() }))
      .describe('First 200 path changes'),
    membersMoved: z.number().int().describe('Members whose branch changes, with a "moved" event each'),
    membersRepathed: z.number().int().describe('Members whose organization path is rewritten'),
    memberSample: z
      .array(
        z.object({
          id: IdSchema,
          name: z.string(),
          toName: z.string().nullable().optional().describe('Split and project end: where this member goes'),
        }),
      )
      .describe('First 50 members moved'),
    creates: z
      .array(
        OrgRefSchema.extend({ members: z.number().int(), children: z.number().int() }).describe(
          'Split: an organization to be set up (its id is only fixed when the split is applied)',
        ),
      )
      .describe('Organizations created (split)'),
    unplaced: z
      .number()
      .int()
      .describe('Project end: members with no recorded home branch (returnToId is needed for them)'),
    dissolves: z.array(OrgRefSchema).describe('Organizations that become dissolved'),
  })
  .meta({ id: 'RestructurePreview' });
export type RestructurePreview = z.infer<typeof RestructurePreviewSchema>;
