import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';

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
    childCount: z.number().int().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organization' });
export type Org = z.infer<typeof OrgSchema>;

const nameField = z.string().trim().min(2).max(100).describe('Full name (全称), 2–100 characters');

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
});
export type CreateOrgBody = z.infer<typeof CreateOrgBodySchema>;

export const UpdateOrgBodySchema = CreateOrgBodySchema.omit({ parentId: true, type: true }).partial();
export type UpdateOrgBody = z.infer<typeof UpdateOrgBodySchema>;

export const ListOrgsQuerySchema = PageQuerySchema.extend({
  parentId: IdSchema.optional().describe('Only direct children of this organization'),
  withinId: IdSchema.optional().describe('Only this organization and its subtree'),
  type: OrgTypeSchema.optional(),
  domain: OrgDomainSchema.optional(),
  keyword: z.string().trim().max(100).optional().describe('Matches name, short name or code'),
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
