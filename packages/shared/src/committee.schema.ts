import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { IsoDateSchema } from './member.schema.js';
import { OrgDomainSchema, OrgTypeSchema } from './org.schema.js';
import { TERM_WARNING_LEVELS } from './org-rules.js';

/** 班子成员职务 */
export const COMMITTEE_POSITIONS = [
  'secretary',
  'deputy_secretary',
  'organization',
  'propaganda',
  'discipline',
  'member',
] as const;
export const CommitteePositionSchema = z
  .enum(COMMITTEE_POSITIONS)
  .describe('书记 / 副书记 / 组织委员 / 宣传委员 / 纪检委员 / 委员');
export type CommitteePosition = z.infer<typeof CommitteePositionSchema>;

export const TermWarningLevelSchema = z.enum(TERM_WARNING_LEVELS).describe('overdue, or 1/3/6 months before expiry');

export const CommitteeMemberSchema = z.object({
  id: IdSchema,
  memberId: IdSchema.nullable().describe('The party member record, when linked'),
  name: z.string(),
  position: CommitteePositionSchema,
  sortOrder: z.number().int(),
});
export type CommitteeMember = z.infer<typeof CommitteeMemberSchema>;

export const CommitteeSchema = z
  .object({
    id: IdSchema,
    orgId: IdSchema,
    orgName: z.string(),
    termNumber: z.number().int().describe('届次'),
    electedOn: z.string().describe('当选日期'),
    termYears: z.number().int().describe('任期年限, derived from the term rules for type × domain'),
    expiresOn: z.string().describe('本届期满日期'),
    isCurrent: z.boolean().describe('当届'),
    notes: z.string().nullable(),
    warning: TermWarningLevelSchema.nullable(),
    members: z.array(CommitteeMemberSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Committee' });
export type Committee = z.infer<typeof CommitteeSchema>;

export const CommitteeMemberInputSchema = z.strictObject({
  memberId: IdSchema.optional().describe('A member of this organization’s subtree; the name is taken from the record'),
  name: z.string().trim().min(1).max(50).optional().describe('Required when no memberId is given'),
  position: CommitteePositionSchema,
});

export const CreateCommitteeBodySchema = z.strictObject({
  electedOn: IsoDateSchema.describe('当选日期; not in the future, after the current term’s'),
  termNumber: z.number().int().min(1).max(999).optional().describe('届次; default the next number'),
  notes: z.string().trim().min(1).max(1000).optional(),
  members: z.array(CommitteeMemberInputSchema).max(21).default([]),
});
export type CreateCommitteeBody = z.infer<typeof CreateCommitteeBodySchema>;

export const UpdateCommitteeBodySchema = z.strictObject({
  electedOn: IsoDateSchema.optional(),
  termNumber: z.number().int().min(1).max(999).optional(),
  notes: z.string().trim().min(1).max(1000).nullable().optional(),
  members: z.array(CommitteeMemberInputSchema).max(21).optional().describe('Replaces the member list'),
});
export type UpdateCommitteeBody = z.infer<typeof UpdateCommitteeBodySchema>;

export const TermWarningSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  orgType: OrgTypeSchema,
  orgDomain: OrgDomainSchema.nullable(),
  committeeId: IdSchema,
  termNumber: z.number().int(),
  electedOn: z.string(),
  expiresOn: z.string(),
  level: TermWarningLevelSchema,
  daysLeft: z.number().int().describe('Negative when overdue'),
});
export type TermWarning = z.infer<typeof TermWarningSchema>;

export const TermWarningsQuerySchema = z.object({
  level: TermWarningLevelSchema.optional(),
  orgId: IdSchema.optional().describe('Only this organization and its subtree'),
});
export type TermWarningsQuery = z.infer<typeof TermWarningsQuerySchema>;

export const TermWarningsSchema = z
  .object({
    today: z.string(),
    counts: z.record(TermWarningLevelSchema, z.number().int()),
    data: z.array(TermWarningSchema),
  })
  .meta({ id: 'TermWarnings' });
export type TermWarnings = z.infer<typeof TermWarningsSchema>;

export const TermRuleSchema = z
  .object({
    id: IdSchema,
    orgType: OrgTypeSchema.nullable(),
    domain: OrgDomainSchema.nullable(),
    termYears: z.number().int(),
    effectiveFrom: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'TermRule' });
